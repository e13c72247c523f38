#!/usr/bin/env python3
# tests/check-potfiles.py: fails when po/POTFILES.in misses a file with
# translatable strings, lists one that has none or does not exist, or is
# not sorted.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
potfiles = root / "po" / "POTFILES.in"

listed = [line.strip() for line in potfiles.read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")]

# g_dngettext() takes the domain first: g_dngettext (GETTEXT_PACKAGE, "...", ...).
C_MARKERS = re.compile(r'\b(?:(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(|g_dngettext\s*\(\s*GETTEXT_PACKAGE\s*,)\s*"')
UI_MARKERS = re.compile(r'translatable="yes"')
GSCHEMA_MARKERS = re.compile(r"<(?:summary|description)>")


def translatable(path: pathlib.Path) -> bool:
    text = path.read_text(encoding="utf-8")
    name = path.name
    if name.endswith((".c", ".h")):
        return bool(C_MARKERS.search(text))
    if name.endswith(".ui"):
        return bool(UI_MARKERS.search(text))
    if name.endswith(".gschema.xml"):
        return bool(GSCHEMA_MARKERS.search(text))
    if name.endswith((".desktop.in.in", ".desktop.in", ".metainfo.xml.in.in", ".metainfo.xml.in")):
        return True
    return False


candidates = []
for pattern in ("src/**/*.c", "src/**/*.h", "data/**/*.ui", "data/*.in.in", "data/*.in",
                "data/*.gschema.xml"):
    candidates.extend(root.glob(pattern))

needed = sorted({str(p.relative_to(root)) for p in candidates if translatable(p)})
problems = []

for path in needed:
    if path not in listed:
        problems.append(f"po/POTFILES.in: {path} has translatable strings but is not listed")
for path in listed:
    if not (root / path).exists():
        problems.append(f"po/POTFILES.in: {path} is listed but does not exist")
    elif path not in needed:
        problems.append(f"po/POTFILES.in: {path} is listed but has no translatable strings")
if listed != sorted(listed):
    problems.append("po/POTFILES.in: the list is not sorted")

for problem in problems:
    print(problem)
print(f"{len(needed)} files with translatable strings, {len(listed)} listed")
sys.exit(1 if problems else 0)
