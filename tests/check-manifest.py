#!/usr/bin/env python3
# check-manifest.py: the Flatpak manifest is what we ship.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-manifest.py MANIFEST APP_ID COMMAND [FLATPAK_BUILDER]
# Prints TAP; fails when the manifest does not parse, flatpak-builder
# refuses it, the ID or command differ from meson's, a git source is not
# pinned to a commit, or the sandbox asks for more than it needs.

import json
import os
import re
import subprocess
import sys
import tempfile

FINISH_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
CMARK_COMMIT = 'eec0eeba6d31189fd828314576494566d539b1e3'

manifest_path, app_id, command = sys.argv[1:4]
builder = sys.argv[4] if len(sys.argv) > 4 else None
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


with open(manifest_path, encoding='utf-8') as f:
    manifest = json.load(f)
check('parses as JSON', isinstance(manifest, dict))

if builder:
    # flatpak-builder leaves its state folder (.flatpak-builder) where it
    # runs, so it runs in a scratch folder instead of the source tree.
    with tempfile.TemporaryDirectory() as scratch:
        proc = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest_path)],
                              capture_output=True, text=True, cwd=scratch)
    shown = json.loads(proc.stdout) if proc.returncode == 0 else {}
    check('flatpak-builder --show-manifest accepts it',
          proc.returncode == 0 and shown.get('id') == app_id, proc.stderr.strip())

check('app ID is meson\'s', manifest.get('id') == app_id, manifest.get('id'))
check('command is the installed binary', manifest.get('command') == command, manifest.get('command'))
check('runtime is GNOME 49',
      (manifest.get('runtime'), manifest.get('sdk'), manifest.get('runtime-version'))
      == ('org.gnome.Platform', 'org.gnome.Sdk', '49'))
check('finish-args are exactly ' + ' '.join(FINISH_ARGS),
      manifest.get('finish-args') == FINISH_ARGS, manifest.get('finish-args'))

modules = manifest.get('modules', [])
names = [m.get('name') if isinstance(m, dict) else m for m in modules]
check('modules are cmark, then pyprep', names == ['cmark', 'pyprep'], names)

unpinned = []
for module in modules:
    if not isinstance(module, dict):
        continue
    for source in module.get('sources', []):
        if isinstance(source, dict) and source.get('type') == 'git':
            if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
                unpinned.append(source.get('url'))
check('every git source is pinned to a commit', not unpinned, unpinned)

cmark = modules[0] if modules and isinstance(modules[0], dict) else {}
source = (cmark.get('sources') or [{}])[0]
check('cmark is tag 0.31.2 at its commit',
      source.get('tag') == '0.31.2' and source.get('commit') == CMARK_COMMIT, source)
check('cmark builds with cmake-ninja, tests off',
      cmark.get('buildsystem') == 'cmake-ninja'
      and '-DBUILD_TESTING=OFF' in cmark.get('config-opts', []))

app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check('pyprep builds with meson and runs its tests',
      app.get('buildsystem') == 'meson' and app.get('run-tests') is True)

cleanup = manifest.get('cleanup', [])
check('headers, pkg-config files and static libraries are cleaned up',
      all(p in cleanup for p in ['/include', '/lib/pkgconfig', '*.a']), cleanup)

print('TAP version 13')
print(f'1..{len(results)}')
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} {name}')
    if not ok:
        failed += 1
        print(f'# {detail}')
sys.exit(1 if failed else 0)
