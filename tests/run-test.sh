#!/bin/sh
# tests/run-test.sh: runs one test program with its own empty home and, for
# UI tests, on a virtual display with its own session bus.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-test.sh [--display] PROGRAM [ARGS...]
set -eu

need_display=0
if [ "${1:-}" = "--display" ]; then
  need_display=1
  shift
fi

# Never the developer's own files: every run gets a fresh home.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"

# Under `dev.sh test --sanitize`: GTK and WebKit keep caches for the life
# of the process, so LeakSanitizer only watches the tests without a display.
if [ "$need_display" = 1 ] && [ -n "${ASAN_OPTIONS:-}" ]; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

if [ "$need_display" = 1 ] && [ -z "${PYPREP_TEST_INNER:-}" ]; then
  export PYPREP_TEST_INNER=1
  if command -v xvfb-run >/dev/null 2>&1 && command -v dbus-run-session >/dev/null 2>&1; then
    # A virtual display even when the developer has a real one, so tests
    # never pop windows up and always see the same screen.
    unset DISPLAY WAYLAND_DISPLAY
    # xvfb-run -a picks a free display; its error file keeps Xvfb quiet.
    exec xvfb-run -a -e "$scratch/xvfb.log" -s "-screen 0 1280x800x24 -nolisten tcp" \
      dbus-run-session -- "$@"
  fi
  # Without xvfb-run the program sees no display and skips, saying why.
  unset DISPLAY WAYLAND_DISPLAY
fi

"$@"
