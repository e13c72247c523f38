#!/bin/sh
# tests/probes/disk.sh: saving against a real full disk and a real read-only folder.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (as root, inside build-aux/dev.sh shell; about a minute a run):
#   build-aux/dev.sh shell sh tests/probes/disk.sh _build [RUNS]
#
# Issue 24, item 1. Each run gives the app a data folder on a 512 KiB tmpfs
# in a private mount namespace (unshare --mount), and runs test-saving's
# real-failures case there: the disk is filled, a bookmark is made, the
# banner must name the cause, closing must ask; the filler goes and Try
# Again must write the bookmark; then the folder is remounted read-only and
# the same again. Prints the banner's and the dialog's words of the first
# run, and the runs and the changes lost (a failed run lost its change).
set -eu

. "$(dirname "$0")/probe-env.sh" "${1:?usage: disk.sh BUILDDIR [RUNS]}"
runs=${2:-3}
[ "$(id -u)" = 0 ] || { echo "disk.sh: run as root (build-aux/dev.sh shell)" >&2; exit 1; }

lost=0  # failed runs
i=0
while [ "$i" -lt "$runs" ]; do
  i=$((i + 1))
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-probe.XXXXXX")
  mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
  chmod 700 "$scratch/runtime"
  if HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
     XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" \
     unshare --mount --propagation unchanged sh -c '
       mount --make-rprivate / 2>/dev/null || true
       mount -t tmpfs -o size=512k,mode=0700 tmpfs "$XDG_DATA_HOME"
       exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" dbus-run-session -- \
         "$0" -p /pyprep/ui/saving/real-failures --verbose' "$build/tests/test-saving" \
     >"$scratch/log" 2>&1 && grep -q "^ok .*real-failures" "$scratch/log" \
     && ! grep -q "# SKIP" "$scratch/log"; then
    result=ok
  else
    result=FAILED
    lost=$((lost + 1))
    cat "$scratch/log" >&2
  fi
  if [ "$i" = 1 ]; then
    grep "^# \(disk full\|quitting asks\|read-only\):" "$scratch/log" || true
  fi
  echo "run $i: $result"
  rm -rf "$scratch"
done
echo "full disk and read-only folder: $runs runs, failed: $lost (a run fails when a change is not on disk once space or write access returns)"
