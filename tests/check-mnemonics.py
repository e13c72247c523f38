#!/usr/bin/env python3
# check-mnemonics.py: no two mnemonics of a translation collide on one screen.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-mnemonics.py PO...
#
# A mnemonic is the letter after "_" in a label ("_Open" is Alt+O). In a
# catalogue each message says, in its "#:" references, which files it comes
# from; a widget's C file and its .ui template are one screen, and so are
# the templates composed into one page (PAGES). Two different labels of one
# screen whose translations underline the same letter collide: Alt+that
# letter reaches only one of them. The English labels are the catalogues'
# message IDs, checked the same way. Prints TAP: one test for English, then
# one a catalogue.

import json
import os
import re
import sys

# Templates shown inside another one's page, as its children.
PAGES = {
    'pyprep-predict-card': 'pyprep-quiz-view',
    'pyprep-question-card': 'pyprep-quiz-view',
    'pyprep-recall-card': 'pyprep-quiz-view',
    'pyprep-session-summary': 'pyprep-quiz-view',
}

MNEMONIC = re.compile(r'_([^_\s])')


def unquote(text):
    """The text of one PO string line, without its quotes and escapes."""
    return json.loads(text)


def read_po(path):
    """The messages of @path: dicts of refs, msgctxt, msgid, msgstr."""
    messages = []
    with open(path, encoding='utf-8') as po:
        blocks = po.read().split('\n\n')
    for block in blocks:
        message = {'refs': [], 'msgctxt': None, 'msgid': None, 'msgstr': None, 'fuzzy': False}
        field = None
        for line in block.splitlines():
            if line.startswith('#:'):
                message['refs'] += [ref.rsplit(':', 1)[0] for ref in line[2:].split()]
            elif line.startswith('#,'):
                message['fuzzy'] |= 'fuzzy' in line
            elif line.startswith('#'):
                continue
            elif line.startswith('"') and field is not None:
                message[field] += unquote(line)
            else:
                keyword, _, rest = line.partition(' ')
                field = {'msgctxt': 'msgctxt', 'msgid': 'msgid', 'msgstr': 'msgstr',
                         'msgstr[0]': 'msgstr'}.get(keyword)
                if field is not None:
                    message[field] = unquote(rest)
        if message['msgid']:
            messages.append(message)
    return messages


def screen_of(ref):
    """The screen a file's strings show on: its name without the folder
    and extension, as a widget's .c and .ui share it."""
    stem = os.path.basename(ref).split('.')[0]
    return PAGES.get(stem, stem)


def mnemonic(text):
    match = MNEMONIC.search(text)
    return match.group(1).lower() if match else None


def collisions(messages):
    """Lines describing each pair of labels of one screen whose
    translations share a mnemonic."""
    screens = {}
    for message in messages:
        if message['fuzzy'] or not message['msgstr'] or mnemonic(message['msgid']) is None:
            continue
        key = mnemonic(message['msgstr'])
        if key is None:
            continue
        for screen in {screen_of(ref) for ref in message['refs']}:
            screens.setdefault(screen, {}).setdefault(key, set()).add((message['msgid'], message['msgstr']))
    found = []
    for screen, keys in sorted(screens.items()):
        for key, labels in sorted(keys.items()):
            if len({msgid for msgid, _ in labels}) > 1:
                shown = ', '.join(f'{msgstr!r} ({msgid!r})' for msgid, msgstr in sorted(labels))
                found.append(f'{screen}: Alt+{key.upper()} is {shown}')
    return found


def english(catalogues):
    """The messages of every catalogue as they show untranslated."""
    messages = {}
    for path in catalogues:
        for message in read_po(path):
            key = (message['msgctxt'], message['msgid'])
            messages[key] = dict(message, msgstr=message['msgid'], fuzzy=False)
    return list(messages.values())


def main(catalogues):
    print('TAP version 13')
    print(f'1..{len(catalogues) + 1}')
    checks = [('English', english(catalogues))] + [(path, read_po(path)) for path in catalogues]
    failed = 0
    for i, (name, messages) in enumerate(checks, 1):
        found = collisions(messages)
        print(f'{"not ok" if found else "ok"} {i} {name}: {len(found)} colliding mnemonics')
        for line in found:
            print(f'# {line}')
        failed += bool(found)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
