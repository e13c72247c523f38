#!/bin/sh
# build-aux/screenshots.sh: takes the screenshots of data/screenshots/ (the
# ones AppStream and the README show) from the running app: a release build
# on a virtual display, with a little reading history, a bookmark and an
# annotation prepared in a scratch home, in English and in Chinese.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/dev.sh shell build-aux/screenshots.sh [OUTDIR]
set -eu

top=$(cd -- "$(dirname -- "$0")/.." && pwd -P)
out=${1:-$top/data/screenshots}
builddir="$top/_build-screenshots"

if [ -z "${PYPREP_SHOTS_INNER:-}" ]; then
  for tool in xvfb-run dbus-run-session import meson ninja; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing; run me through build-aux/dev.sh shell" >&2; exit 1; }
  done
  # A release build: no development stripes in the header bar.
  [ -f "$builddir/build.ninja" ] || meson setup "$builddir" "$top" -Dprofile=default >/dev/null
  ninja -C "$builddir" >/dev/null
  mkdir -p "$out"
  PYPREP_SHOTS_INNER=1 xvfb-run -a -s "-screen 0 1200x760x24 -nolisten tcp" \
    dbus-run-session -- "$0" "$out" 2>"$builddir/screenshots-session.log"
  exit
fi

# shot NAME LANGUAGE STYLE ENTRY [review [WIDTH]]
# With "review", the app starts with a review session (pyprep --review).
shot ()
{
  name=$1 language=$2 style=$3 entry=$4 mode=${5:-} width=${6:-1200}
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-shot.XXXXXX")
  mkdir -p "$scratch/data/pyprep" "$scratch/config/glib-2.0/settings"
  cat >"$scratch/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/pyprep/Pyprep]
window-width=$width
window-height=760
style='$style'
KEYFILE
  now=$(date -u +%Y-%m-%dT%H:%M:%S.000000Z)
  cat >"$scratch/data/pyprep/user-data.json" <<JSON
{
  "schema_version": 1,
  "bookmarks": {
    "pyprep/os/gil": { "created": "$now" },
    "pyprep/data-structures/dict": { "created": "$now" }
  },
  "annotations": {
    "6d2f0c1e-0000-4000-8000-000000000001": {
      "entry": "pyprep/os/gil",
      "text": "Remember: **I/O-bound** threads still help.",
      "created": "$now",
      "modified": "$now"
    }
  },
  "reading": { "last_entry": "$entry", "entries": {} }
}
JSON
  log="$scratch/painted"
  : >"$log"
  HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
    XDG_CACHE_HOME="$scratch/cache" GSETTINGS_BACKEND=keyfile \
    LANGUAGE="$language" LANG="$language.UTF-8" PYPREP_TRACE_FILE="$log" \
    meson devenv -C "$builddir" pyprep ${mode:+--$mode} >"$scratch/app.log" 2>&1 &
  app=$!
  waited=0
  # A review session covers the reader: wait for its first card instead.
  [ "$mode" = review ] && until grep -q "^painted " "$log" || [ "$waited" -ge 80 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  until [ "$mode" = review ] || grep -q "^painted $entry " "$log"; do
    if ! kill -0 "$app" 2>/dev/null || [ "$waited" -ge 600 ]; then
      echo "screenshots.sh: $name: $entry was not painted; the app's output:" >&2
      cat "$scratch/app.log" >&2
      kill "$app" 2>/dev/null || true
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  # Past the sidebar's and the page's last layout.
  sleep 1
  import -window root "$out/$name.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -rf "$scratch"
  echo "$out/$name.png"
}

shot reader-en en light pyprep/os/gil
shot reader-zh_CN zh_CN light pyprep/data-structures/dict
shot dark-zh_CN zh_CN dark pyprep/data-structures/decorators
shot dark-en en dark pyprep/misc/pyc-when-written
shot review-en en light pyprep/os/gil review
if [ -n "${PYPREP_SHOTS_ALL:-}" ]; then
  # Not for AppStream: the quiz in Chinese, dark, and at the narrowest width.
  shot review-dark-zh_CN zh_CN dark pyprep/os/gil review
  shot review-narrow-zh_CN zh_CN light pyprep/os/gil review 360
fi
