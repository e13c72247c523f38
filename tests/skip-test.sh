#!/bin/sh
# tests/skip-test.sh: a test that cannot run here; says why and skips.
# SPDX-License-Identifier: GPL-3.0-or-later
echo "skipped: $*"
exit 77
