#!/bin/sh
# tests/check-install.sh: `meson install` gives a working Pyprep. Installs
# into a scratch DESTDIR, validates what was installed (desktop file, icons,
# settings schema, metainfo, translations) and starts the installed binary:
# its command line lists the bundled deck, and on the display it paints the
# first entry.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-install.sh BUILDDIR APP_ID   (prints TAP)
set -u

builddir=$1
app_id=$2
dest=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-install.XXXXXX")
trap 'rm -rf "$dest"; [ -n "${app:-}" ] && kill "$app" 2>/dev/null' EXIT

n=0
failed=0
result ()
{
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n $2"
  else
    echo "not ok $n $2"
    failed=$((failed + 1))
    [ -s "$dest/out" ] && sed 's/^/# /' "$dest/out" | head -20
  fi
  : >"$dest/out"
}

# check TOOL NAME COMMAND...: a result, or a skip when TOOL is missing
# (the Flatpak SDK, say, has not every validator).
check ()
{
  tool=$1 name=$2
  shift 2
  if ! command -v "$tool" >/dev/null 2>&1; then
    n=$((n + 1))
    echo "ok $n $name # SKIP $tool is not installed"
    return
  fi
  "$@" >"$dest/out" 2>&1
  result $? "$name"
}

echo "TAP version 13"
echo "1..13"

meson install -C "$builddir" --no-rebuild --quiet --destdir "$dest/root" >"$dest/out" 2>&1
result $? "meson install into a scratch folder"

bin=$(find "$dest/root" -path '*/bin/pyprep' -type f | head -n 1)
share=${bin%/bin/pyprep}/share
[ -x "$bin" ] >"$dest/out" 2>&1
result $? "the binary is installed"

check desktop-file-validate "the installed desktop file validates" \
  desktop-file-validate "$share/applications/$app_id.desktop"

grep -q '^Keywords\[zh_CN\]=' "$share/applications/$app_id.desktop" >"$dest/out" 2>&1
result $? "the desktop file carries its Chinese keywords"

check appstreamcli "the installed metainfo validates" \
  appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"

grep -q 'summary xml:lang="zh-Hans-CN">复习' "$share/metainfo/$app_id.metainfo.xml" >"$dest/out" 2>&1
result $? "the metainfo carries its Chinese strings"

{ [ -f "$share/icons/hicolor/scalable/apps/$app_id.svg" ] \
    && [ -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" ]; } >"$dest/out" 2>&1
result $? "the app icon and its symbolic variant are installed"

app_path=/$(echo "$app_id" | tr . /)
{ grep -qx "BusName=$app_id" "$share/gnome-shell/search-providers/$app_id.search-provider.ini" \
    && grep -qx "ObjectPath=$app_path/SearchProvider" "$share/gnome-shell/search-providers/$app_id.search-provider.ini" \
    && grep -qx "DesktopId=$app_id.desktop" "$share/gnome-shell/search-providers/$app_id.search-provider.ini"; } \
  >"$dest/out" 2>&1
result $? "the search provider names the app's bus name, object path and desktop file"

{ grep -qx "Name=$app_id" "$share/dbus-1/services/$app_id.service" \
    && grep -q "^Exec=/.*/bin/pyprep --gapplication-service$" "$share/dbus-1/services/$app_id.service"; } \
  >"$dest/out" 2>&1
result $? "the D-Bus service starts pyprep for a search"

check glib-compile-schemas "the installed settings schema compiles" \
  glib-compile-schemas --strict "$share/glib-2.0/schemas"

check msgunfmt "the Chinese translation is installed" \
  sh -c 'msgunfmt "$1" | grep -q "打开笔记文件夹"' sh "$share/locale/zh_CN/LC_MESSAGES/pyprep.mo"

# The installed binary, with nothing from the build tree.
export GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas" GSETTINGS_BACKEND=memory
"$bin" --help >"$dest/out" 2>&1 && grep -q -- '--check' "$dest/out" && : >"$dest/out"
result $? "the installed binary runs and knows its options"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  n=$((n + 1))
  echo "ok $n the installed app paints the bundled deck # SKIP no display"
else
  log="$dest/painted"
  : >"$log"
  PYPREP_TRACE_FILE="$log" LANGUAGE=en "$bin" >"$dest/app.log" 2>&1 &
  app=$!
  waited=0
  while ! grep -q '^painted ' "$log" && kill -0 "$app" 2>/dev/null && [ "$waited" -lt 600 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  grep -q '^painted ' "$log"
  rc=$?
  [ "$rc" = 0 ] || cp "$dest/app.log" "$dest/out"
  kill "$app" 2>/dev/null
  wait "$app" 2>/dev/null
  app=
  result $rc "the installed app paints the bundled deck's first entry"
fi

[ "$failed" = 0 ]
