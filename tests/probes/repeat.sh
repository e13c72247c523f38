#!/bin/sh
# tests/probes/repeat.sh: issue 24's probes that the suite's tests make, each run RUNS times.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (inside build-aux/dev.sh shell; RUNS 10 takes some 20 minutes):
#   build-aux/dev.sh shell sh tests/probes/repeat.sh _build [RUNS] [FILTER]
#
# Each probe below is a test case that fails when a change is lost (or a
# connection made, or a file left behind); this runs each RUNS times (5
# unless told), every run with a fresh home (tests/run-test.sh), and
# prints one line a probe: its runs, the runs that failed, and what a run
# does. FILTER, a word, runs only the probes whose name holds it. The
# full-disk and read-only probe is disk.sh; annotations at scale,
# annotations.py.
set -eu

. "$(dirname "$0")/probe-env.sh" "${1:?usage: repeat.sh BUILDDIR [RUNS] [FILTER]}"
runs=${2:-5}
filter=${3:-}
run_test="$source/tests/run-test.sh"
tests="$build/tests"

# name|program and arguments|what one run does
probes='sigterm|--display @/test-endings @/../src/pyprep -p /pyprep/endings/sigterm|SIGTERM to a real pyprep inside the save delay; the bookmark must be on disk
sigint|--display @/test-endings @/../src/pyprep -p /pyprep/endings/sigint|SIGINT, the same
sighup|--display @/test-endings @/../src/pyprep -p /pyprep/endings/sighup|SIGHUP, the same
two-processes|@/test-sync -p /pyprep/sync/two-processes|two store processes on one data folder, interleaved changes; none may vanish
live|@/test-sync -p /pyprep/sync/live|another process saves; the open store picks its change up
web-link|--display @/test-passage -p /pyprep/ui/passage/web-link|a click on a web link in a page; a loopback listener must count 0 connections
link|@/test-store-files -p /pyprep/store-files/link|user-data.json a valid symlink: the target is written, the link stays
dangling|@/test-store-files -p /pyprep/store-files/dangling|a dangling link: reported, the backup offered, nothing written over
looping|@/test-store-files -p /pyprep/store-files/looping|a looping link: the same
leftovers|@/test-store-files -p /pyprep/store-files/leftovers|temporary files of earlier crashes: none left after the next load
missing|@/test-store-files -p /pyprep/store-files/missing|user-data.json missing, backups beside it: the newest loads, and says so
store-real-failures|@/test-store-files -p /pyprep/store-files/real-failures|store and review log on a real read-only folder and a full 64 KiB tmpfs (root): errno, no half line
list-skipped|@/test-cli -p /pyprep/cli/list-skipped|pyprep --list reports the files it skipped on standard error
crash|@/test-store -p /pyprep/store/crash|a child saving in a loop, killed at random moments 50 times; every acknowledged change present'

printf '%-20s %5s %7s  %s\n' probe runs failed "one run"
echo "$probes" | while IFS='|' read -r name command what; do
  case "$name" in *"$filter"*) ;; *) continue ;; esac
  failed=0
  i=0
  while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    # shellcheck disable=SC2086 # the command is split into words on purpose
    set -- $(echo "$command" | sed "s|@|$tests|g")
    log=$(mktemp)
    if ! "$run_test" "$@" >"$log" 2>&1 || ! grep -q "^ok " "$log" || grep -q "^not ok\|# SKIP" "$log"; then
      failed=$((failed + 1))
      echo "--- $name, run $i:" >&2
      tail -20 "$log" >&2
    fi
    rm -f "$log"
  done
  printf '%-20s %5s %7s  %s\n' "$name" "$runs" "$failed" "$what"
done
