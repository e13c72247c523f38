#!/usr/bin/env python3
# check-po.py: every translation is complete: no untranslated or fuzzy
# messages, as msgfmt --statistics counts them.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py MSGFMT PO...

import subprocess
import sys

msgfmt, *catalogs = sys.argv[1:]
failed = 0
print('TAP version 13')
print(f'1..{len(catalogs)}')
for i, po in enumerate(catalogs, 1):
    proc = subprocess.run([msgfmt, '--check', '--statistics', '-o', '/dev/null', po],
                          capture_output=True, text=True, env={'LC_ALL': 'C'})
    stats = proc.stderr.strip()
    ok = proc.returncode == 0 and 'translated' in stats and 'fuzzy' not in stats and 'untranslated' not in stats
    print(f'{"ok" if ok else "not ok"} {i} {po}: {stats}')
    failed += not ok
sys.exit(1 if failed else 0)
