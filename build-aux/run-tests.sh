#!/bin/sh
# build-aux/run-tests.sh: runs every meson test suite and ends with one line,
# "N passed, M failed" (", K skipped" when any were), counting each TAP test
# case. Exits non-zero when anything failed.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-tests.sh BUILDDIR [meson test arguments...]
set -u

builddir=$1
shift

rm -f "$builddir/meson-logs/testlog.json"
rc=0
meson test -C "$builddir" --print-errorlogs "$@" || rc=$?

python3 - "$builddir/meson-logs/testlog.json" "$rc" <<'PY' || rc=1
import json
import re
import sys

log_path, meson_rc = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
try:
    records = [json.loads(line) for line in open(log_path, encoding="utf-8") if line.strip()]
except FileNotFoundError:
    records = []

for record in records:
    result = record.get("result", "")
    lines = (record.get("stdout") or "").splitlines()
    cases = [l for l in lines if re.match(r"(not )?ok\b", l)]
    if cases:
        for case in cases:
            if re.search(r"#\s*(SKIP|TODO)", case, re.IGNORECASE):
                skipped += 1
            elif case.startswith("ok"):
                passed += 1
            else:
                failed += 1
        # A program that crashed after its last reported case still failed.
        if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(c.startswith("not ok") for c in cases):
            failed += 1
    elif result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1

if not records and meson_rc != 0:
    failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
PY
exit "$rc"
