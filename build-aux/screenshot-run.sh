#!/bin/sh
# build-aux/screenshot-run.sh: starts Pyprep on a virtual display, waits until
# the first entry is painted, saves a screenshot and stops the app.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: screenshot-run.sh BUILDDIR SCREENSHOT.png  (called by dev.sh run)
set -eu

builddir=$1
shot=$2

if [ -z "${PYPREP_XVFB_INNER:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "screenshot-run.sh: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
  command -v import >/dev/null || { echo "screenshot-run.sh: import is missing (apt-get install imagemagick)" >&2; exit 1; }
  # The session bus daemon complains about limits it may not raise here, so
  # the session's messages go to a log that is shown only on failure.
  rc=0
  PYPREP_XVFB_INNER=1 xvfb-run -a -s "-screen 0 1000x720x24 -nolisten tcp" \
    dbus-run-session -- "$0" "$@" >"$builddir/run-session.log" 2>&1 || rc=$?
  [ "$rc" = 0 ] || grep -v 'Failed to set fd limit' "$builddir/run-session.log" >&2
  exit "$rc"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
: >"$log"

GSETTINGS_BACKEND=memory PYPREP_TRACE_FILE="$log" \
  meson devenv -C "$builddir" pyprep >"$builddir/run.log" 2>&1 &
app=$!

waited=0
while ! grep -q '^painted ' "$log"; do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "screenshot-run.sh: the app exited before painting an entry; its output:" >&2
    cat "$builddir/run.log" >&2
    exit 1
  fi
  if [ "$waited" -ge 600 ]; then
    echo "screenshot-run.sh: no entry painted within 60 s; the app's output:" >&2
    cat "$builddir/run.log" >&2
    kill "$app" 2>/dev/null || true
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done

import -window root "$shot"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
