#!/usr/bin/env python3
# check-tree.py: the repository holds only source, every file says its license.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-tree.py SOURCE_ROOT   (prints TAP)
#
# Fails when `git ls-files` lists a generated file (a build folder, a Python
# cache, flatpak-builder's state, compiled objects or translations), when a
# tracked file is one .gitignore ignores, when .gitignore misses a folder
# the scripts create, or when a file of a type that can carry a comment has
# no SPDX-License-Identifier line near its top. Skips when the source is not
# a git checkout (a release tarball, the Flatpak build) or git is missing.

import pathlib
import re
import shutil
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def git(*args):
    return subprocess.run(['git', '-C', str(root), *args], capture_output=True, text=True)


if not shutil.which('git') or git('rev-parse', '--is-inside-work-tree').stdout.strip() != 'true':
    print('1..0 # SKIP not a git checkout, or git is not installed')
    sys.exit(0)

tracked = [p for p in git('ls-files', '-z').stdout.split('\0') if p]

# What the build, the developer script, the tests and the tools around them
# leave in the tree. None of it is source.
GENERATED = [
    r'(^|/)_build[^/]*/',
    r'(^|/)__pycache__/',
    r'\.py[co]$',
    r'(^|/)\.flatpak-builder/',
    r'(^|/)builddir/',
    r'\.(o|a|so|gmo|mo|gresource|pot)$',
    r'(^|/)fuzz-(corpus|artifacts)/',
    r'(^|/)(crash|leak|timeout|oom)-[0-9a-f]{40}$',
    r'\.(swp|orig|rej)$',
    r'~$',
    r'(^|/)core(\.[0-9]+)?$',
]
generated = [p for p in tracked if any(re.search(g, p) for g in GENERATED)]
check('git ls-files lists no generated file', not generated, generated[:10])

ignored = [p for p in git('ls-files', '-ci', '--exclude-standard', '-z').stdout.split('\0') if p]
check('no tracked file is one .gitignore ignores', not ignored, ignored[:10])

# Everything the scripts create inside the clone. dev.sh: the build folders
# and the fuzz build; screenshots.sh: its own build; check-manifest.py and
# flatpak-builder: .flatpak-builder; Python: __pycache__; the po target.
CREATED = [
    '_build/build.ninja',
    '_build-sanitize/build.ninja',
    '_build-bench/bench-deck/deck.json',
    '_build-fuzz/fuzz-corpus/deck/x',
    '_build-screenshots/build.ninja',
    '.flatpak-builder/ccache/disabled/ccache.conf',
    'tests/bench/__pycache__/run-bench.cpython-313.pyc',
    'build-aux/__pycache__/x.pyc',
    'po/pyprep.pot',
    'src/x.swp',
]
not_ignored = [p for p in CREATED if git('check-ignore', '-q', '--no-index', p).returncode != 0]
check('.gitignore covers every folder the scripts create', not not_ignored, not_ignored)

# File types that can hold a comment carry the SPDX line in their first
# lines. Markdown and JSON are left out: JSON has no comments, and the
# Markdown here is deck text or documentation shown as it is. Fuzz inputs,
# pictures and the license itself are data.
SPDX_EXEMPT = [
    r'\.(md|json|png)$',
    r'^LICENSE$',
    r'^tests/fuzz/corpus/',
]
missing = []
for path in tracked:
    if any(re.search(e, path) for e in SPDX_EXEMPT):
        continue
    try:
        head = (root / path).read_text(encoding='utf-8', errors='replace').splitlines()[:12]
    except OSError as error:
        missing.append(f'{path} ({error.strerror})')
        continue
    if not any('SPDX-License-Identifier:' in line for line in head):
        missing.append(path)
check('every file that can carry a comment has an SPDX line', not missing, missing)

print(f'1..{len(results)}')
for number, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {name}')
    if not ok:
        print(f'# {detail}')
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
