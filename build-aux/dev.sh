#!/usr/bin/env bash
# build-aux/dev.sh: build, run and test Pyprep natively or inside a Debian 13 root.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/dev.sh run | test [--sanitize] | bench [RUNS] | shell [COMMAND...]
#        | fuzz [--merge] [TARGET] [SECONDS]
#
# When pkg-config finds every library at the minimum version meson.build asks
# for, everything happens natively. Otherwise, on a Debian-family host as root,
# the script creates (once) a Debian 13 root with debootstrap, installs the
# build and test dependencies there and works inside it under
# `unshare --mount`, so the mounts it makes vanish when it exits.

set -euo pipefail

top=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
builddir="$top/_build"
suite=trixie

# Everything the root needs to build, run and test the app. Changing this
# list changes the root's key, so the next run builds a fresh root.
packages=(
  appstream
  ca-certificates
  clang
  dbus
  dbus-x11
  desktop-file-utils
  flatpak-builder
  fonts-cantarell
  fonts-dejavu-core
  fonts-noto-cjk
  gcc
  gettext
  git
  imagemagick
  libadwaita-1-dev
  libc6-dev
  libclang-rt-dev
  libcmark-dev
  libgl1-mesa-dri
  libglib2.0-bin
  libglib2.0-dev
  libgtk-4-dev
  libjson-glib-dev
  librsvg2-common
  libwebkitgtk-6.0-dev
  locales
  meson
  ninja-build
  pkgconf
  python3
  python3-pyatspi
  valgrind
  xauth
  xvfb
)

die ()
{
  printf 'dev.sh: %s\n' "$*" >&2
  exit 1
}

note ()
{
  printf 'dev.sh: %s\n' "$*" >&2
}

usage ()
{
  cat <<'EOF'
Usage: build-aux/dev.sh COMMAND [ARGS...]

Commands:
  run            build and start Pyprep (on a virtual display when there is
                 no display: saves a screenshot and prints its path)
  test           build and run every test suite
  test --sanitize  the same, built with AddressSanitizer and
                 UndefinedBehaviorSanitizer in _build-sanitize
  bench [RUNS]   build a release in _build-bench and measure every
                 performance budget of the design RUNS times (default
                 5; fewer for a quick look) on a virtual display: prints a table and,
                 as its last line, the path of the same figures as JSON
  shell [CMD]    open a shell in the build environment, or run CMD there;
                 the freshly built pyprep is on PATH
  fuzz [TARGET] [SECONDS]
                 build the fuzz targets with clang (libFuzzer, ASan, UBSan)
                 in _build-fuzz and run TARGET (deck, infer, render, search, store;
                 default all, one after another) for SECONDS each (default
                 600); new inputs go to _build-fuzz/fuzz-corpus/TARGET
  fuzz --merge [TARGET]
                 add the inputs of _build-fuzz/fuzz-corpus/TARGET that reach
                 new code to the committed corpus, tests/fuzz/corpus/TARGET

Environment:
  PYPREP_DEV_CACHE   folder for the Debian 13 root (default /var/cache/pyprep-dev)
  PYPREP_DEV_NATIVE  set to 0 to use the Debian 13 root even when the host
                     has the libraries
EOF
}

# The minimum versions live once, in meson.build's `deps_min` dictionary.
min_versions ()
{
  sed -n "/^deps_min = {/,/^}/s/^ *'\([^']*\)': *'\([^']*\)'.*/\1 \2/p" "$top/meson.build"
}

native_ok ()
{
  [ "${PYPREP_DEV_NATIVE:-1}" != 0 ] || return 1
  command -v meson >/dev/null && command -v ninja >/dev/null \
    && command -v pkg-config >/dev/null || return 1
  local name version
  while read -r name version; do
    pkg-config --atleast-version="$version" "$name" 2>/dev/null || return 1
  done < <(min_versions)
}

# The Debian archive the host itself uses, read from its apt configuration
# (deb822 .sources files first, then one-line .list files). Security and
# update suites are skipped: only the main archive carries trixie.
host_mirror ()
{
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    uri=$(awk '
      BEGIN { RS = ""; FS = "\n" }
      {
        uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
          if ($i ~ /^Suites:/) { suites = $i }
        }
        if (uris != "" && suites !~ /security/) { split(uris, u, /[ \t]+/); print u[1]; exit }
      }' "$f")
    if [ -n "$uri" ]; then
      printf '%s\n' "$uri"
      return 0
    fi
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    uri=$(sed -n 's/^deb[ \t]\+\(\[[^]]*\][ \t]\+\)\?\([^ \t]\+\)[ \t]\+\([^ \t]\+\).*/\2 \3/p' "$f" \
          | awk '$2 !~ /security/ { print $1; exit }')
    if [ -n "$uri" ]; then
      printf '%s\n' "$uri"
      return 0
    fi
  done
  return 1
}

# apt settings the host needs to reach its mirror (proxies, snapshot date
# checks) carry over into the root.
host_apt_settings ()
{
  cat /etc/apt/apt.conf /etc/apt/apt.conf.d/* 2>/dev/null \
    | grep -E '^[[:space:]]*Acquire::([a-z]+::Proxy|Check-Valid-Until|Check-Date)' || true
}

wanted_libraries ()
{
  min_versions | awk '{ printf "%s%s >= %s", (NR > 1 ? ", " : ""), $1, $2 }'
}

check_can_use_root ()
{
  [ "$(id -u)" = 0 ] \
    || die "this host lacks the libraries and the Debian 13 root needs root: run 'sudo build-aux/dev.sh ${command:-run}', or install $(wanted_libraries), meson and ninja"
  [ -r /etc/debian_version ] && command -v apt-get >/dev/null \
    || die "this host is not Debian-family, so no Debian 13 root can be made here: install $(wanted_libraries), meson and ninja, and run again"
}

# Installs the host tools that are missing (each given as TOOL:PACKAGE),
# when root on an apt system; otherwise stops with the exact command to run.
ensure_host_tools ()
{
  local why=$1 entry tool pkg
  local -a missing=()
  shift
  for entry in "$@"; do
    tool=${entry%%:*}
    pkg=${entry#*:}
    command -v "$tool" >/dev/null 2>&1 && continue
    [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
  done
  [ ${#missing[@]} -gt 0 ] || return 0

  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      die "${missing[*]} is needed $why: run 'sudo apt-get install ${missing[*]}' and try again"
    fi
    die "${missing[*]} is needed $why and this system has no apt: install ${missing[*]} with the system's package manager and try again"
  fi
  note "installing ${missing[*]} on this host with apt-get, needed $why"
  local log="$cache_dir/host-apt.log"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1 \
      || { tail -n 20 "$log" >&2; die "apt-get could not install ${missing[*]} (log: $log)"; }
  fi
}

# Phases of a long run print one line each: what is being done as it
# starts, and how long it took when it ends.
phase_started=0
phase_begin ()
{
  phase_started=$(date +%s)
  printf 'dev.sh: %s... ' "$*" >&2
}

phase_end ()
{
  printf '%s (%d s)\n' "${1:-done}" $(( $(date +%s) - phase_started )) >&2
}

cache_dir=${PYPREP_DEV_CACHE:-/var/cache/pyprep-dev}
root_key=$(printf '%s\n' "$suite" "${packages[@]}" | sha256sum | cut -c1-16)
root="$cache_dir/root-$root_key"

# Runs "$@" inside the root in a private mount namespace: /proc, /sys, /dev
# and a fresh /tmp exist only for the command, and the clone appears at the
# same path as on the host so printed paths work on both sides.
in_root ()
{
  local dir=$1
  shift
  unshare --mount --fork -- /bin/sh -eu -c '
    r=$1; top=$2; shift 2
    mount -t proc proc "$r/proc"
    mount -t sysfs sys "$r/sys"
    mount --rbind /dev "$r/dev"
    mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
    mount -t tmpfs -o mode=1777 tmpfs "$r/dev/shm"
    if [ -n "$top" ]; then
      mkdir -p "$r$top"
      mount --bind "$top" "$r$top"
    fi
    # The source notes beside the clone (../shared/seeds), read only, for
    # the tests that compare the bundled deck with them.
    if [ -n "$top" ] && [ -d "$top/../shared" ]; then
      shared=$(cd "$top/../shared" && pwd -P)
      mkdir -p "$r$shared"
      mount --bind -o ro "$shared" "$r$shared"
    fi
    if [ -n "${DISPLAY:-}" ] && [ -d /tmp/.X11-unix ]; then
      mkdir -p "$r/tmp/.X11-unix"
      mount --bind /tmp/.X11-unix "$r/tmp/.X11-unix"
    fi
    if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ]; then
      cp "$XAUTHORITY" "$r/tmp/.Xauthority"
      export XAUTHORITY=/tmp/.Xauthority
    fi
    if [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -d "$XDG_RUNTIME_DIR" ]; then
      mkdir -p "$r$XDG_RUNTIME_DIR"
      mount --bind "$XDG_RUNTIME_DIR" "$r$XDG_RUNTIME_DIR"
    fi
    cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    # WebKit'"'"'s bubblewrap sandbox cannot start inside the root; the shipped
    # app never sets this.
    # Only what the command needs crosses over from the host environment.
    set --  PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root \
      LANG="${LANG:-C.UTF-8}" WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1 "$@"
    for v in TERM DISPLAY XAUTHORITY WAYLAND_DISPLAY XDG_RUNTIME_DIR LANGUAGE LC_ALL \
             LC_MESSAGES PYPREP_TRACE_FILE MESON_TESTTHREADS ADW_DEBUG_COLOR_SCHEME \
             ADW_DEBUG_HIGH_CONTRAST; do
      eval "val=\${$v-}"
      [ -n "$val" ] && set -- "$v=$val" "$@"
    done
    exec chroot "$r" /usr/bin/env -i "$@"
  ' sh "$root" "$dir" "$@"
}

make_root ()
{
  local mirror tmp
  mirror=${PYPREP_DEV_MIRROR:-$(host_mirror)} \
    || die "no Debian mirror found in the host's apt configuration (/etc/apt/sources.list*): add one, or set PYPREP_DEV_MIRROR"
  tmp="$cache_dir/tmp-$root_key.$$"
  rm -rf "$tmp"
  note "Debian mirror from the host's apt configuration: $mirror"
  phase_begin "creating the Debian 13 root in $root with debootstrap (once)"
  debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >"$cache_dir/debootstrap.log" 2>&1 \
    || { phase_end failed; tail -n 20 "$cache_dir/debootstrap.log" >&2; rm -rf "$tmp"; die "debootstrap failed (log: $cache_dir/debootstrap.log)"; }
  phase_end
  host_apt_settings >"$tmp/etc/apt/apt.conf.d/50pyprep-host"
  printf 'APT::Install-Recommends "false";\n' >"$tmp/etc/apt/apt.conf.d/50pyprep-norecommends"
  printf 'en_US.UTF-8 UTF-8\nzh_CN.UTF-8 UTF-8\n' >"$tmp/etc/locale.gen"
  phase_begin "installing ${#packages[@]} build and test packages in the root"
  local saved_root=$root
  root=$tmp
  if ! in_root "" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q $(printf '%s ' "${packages[@]}") && locale-gen && apt-get clean" \
      >"$cache_dir/apt.log" 2>&1; then
    phase_end failed
    tail -n 20 "$cache_dir/apt.log" >&2
    root=$saved_root
    rm -rf "$tmp"
    die "installing packages in the root failed (log: $cache_dir/apt.log)"
  fi
  root=$saved_root
  phase_end
  # Renaming last makes a half-made root impossible to mistake for a good one.
  mv "$tmp" "$root"
}

# Decides where commands run and prepares that place. Sets `mode`.
prepare_env ()
{
  if native_ok; then
    mode=native
    return
  fi
  check_can_use_root
  mkdir -p "$cache_dir" || die "cannot create the cache folder $cache_dir (set PYPREP_DEV_CACHE to another folder)"
  ensure_host_tools "to work inside the Debian 13 root" \
    unshare:util-linux flock:util-linux chroot:coreutils
  # One lock per root: the first run creates it under an exclusive lock,
  # every run then holds a shared lock while it uses it.
  exec 8>"$cache_dir/root-$root_key.lock"
  # Another run may be making the root meanwhile, and once it is made, runs
  # using it hold shared locks that would keep an exclusive one waiting
  # for ever: wait a few seconds at a time, and look again.
  while [ ! -d "$root" ]; do
    ensure_host_tools "to create the Debian 13 root (this host's libraries are too old)" \
      debootstrap:debootstrap
    if flock -x -w 5 8; then
      [ -d "$root" ] || make_root
      break
    fi
  done
  flock -s 8
  mode=root
}

in_env ()
{
  if [ "$mode" = native ]; then
    "$@"
  else
    in_root "$top" "$@"
  fi
}

build ()
{
  local setup_args=(-Dprofile=development)

  if [ "${sanitize:-0}" = 1 ]; then
    builddir="$top/_build-sanitize"
    setup_args+=(-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug)
  elif [ "${release:-0}" = 1 ]; then
    builddir="$top/_build-bench"
    setup_args=(-Dprofile=default -Dbuildtype=release)
  fi
  mkdir -p "$builddir"
  # Two runs building the same tree at once would trample each other.
  exec 9>"$builddir/.dev-lock"
  flock -x 9
  phase_begin "building Pyprep in ${builddir#"$top"/}"
  if [ ! -f "$builddir/build.ninja" ]; then
    in_env meson setup "$builddir" "$top" "${setup_args[@]}" >"$builddir/.dev-setup.log" 2>&1 \
      || { phase_end failed; cat "$builddir/.dev-setup.log" >&2; rm -f "$builddir/build.ninja"; die "meson setup failed"; }
  fi
  in_env ninja -C "$builddir" >"$builddir/.dev-build.log" 2>&1 \
    || { phase_end failed; cat "$builddir/.dev-build.log" >&2; die "the build failed"; }
  phase_end
  flock -u 9
}

cmd_test ()
{
  local sanitize=0 rc=0
  local -a env_args=()

  if [ "${1:-}" = "--sanitize" ]; then
    sanitize=1
    shift
    # Leaks are checked in every test without a display; tests/run-test.sh
    # turns leak checking off for UI tests, where GTK and WebKit keep
    # caches for the life of the process.
    env_args=(ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1"
              UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
  fi
  build
  note "running every test suite (a few minutes; the last line sums them up)"
  in_env env -C "$top" "${env_args[@]}" "$top/build-aux/run-tests.sh" "$builddir" "$@" || rc=$?
  exit "$rc"
}

# Timings come from a release build, run on a virtual display of their own.
cmd_bench ()
{
  local release=1

  build
  in_env python3 "$top/tests/bench/run-bench.py" "$top" "$builddir" "$@"
}

cmd_run ()
{
  build
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec_in_devenv pyprep "$@"
  fi
  local shots="$builddir/screenshots"
  mkdir -p "$shots"
  local shot
  shot="$shots/run-$(date +%Y%m%d-%H%M%S).png"
  phase_begin "starting Pyprep on a virtual display until the first entry is painted"
  in_env "$top/build-aux/screenshot-run.sh" "$builddir" "$shot" || { phase_end failed; exit 1; }
  phase_end painted
  printf '%s\n' "$shot"
}

exec_in_devenv ()
{
  if [ "$mode" = native ]; then
    exec meson devenv -C "$builddir" --workdir "$PWD" "$@"
  else
    in_root "$top" meson devenv -C "$builddir" --workdir "$PWD" "$@"
  fi
}

fuzz_targets=(deck infer render search store)

# The longest input each target is given: a deck is four files, a query
# is what fits in a search field.
fuzz_max_len ()
{
  case "$1" in
    deck) echo 32768 ;;
    infer|render|store) echo 16384 ;;
    search) echo 512 ;;
  esac
}

cmd_fuzz ()
{
  local merge=0 seconds=600 rc=0 t
  local -a targets=("${fuzz_targets[@]}")

  if [ "${1:-}" = "--merge" ]; then
    merge=1
    shift
  fi
  if [ $# -ge 1 ] && ! [[ "$1" =~ ^[0-9]+$ ]]; then
    [[ " ${fuzz_targets[*]} " == *" $1 "* ]] \
      || die "unknown fuzz target '$1' (one of: ${fuzz_targets[*]})"
    targets=("$1")
    shift
  fi
  if [ $# -ge 1 ]; then
    [[ "$1" =~ ^[0-9]+$ ]] || die "SECONDS must be a whole number, not '$1'"
    seconds=$1
    shift
  fi
  [ $# -eq 0 ] || die "too many arguments for fuzz"

  builddir="$top/_build-fuzz"
  mkdir -p "$builddir"
  exec 9>"$builddir/.dev-lock"
  flock -x 9
  if [ ! -f "$builddir/build.ninja" ]; then
    in_env env CC=clang meson setup "$builddir" "$top" -Dfuzzing=true -Db_lundef=false >/dev/null \
      || { rm -f "$builddir/build.ninja"; die "meson setup failed (the fuzz build needs clang)"; }
  fi
  # Only the targets: the rest of the tree gains nothing from libFuzzer.
  in_env ninja -C "$builddir" -j2 "${targets[@]/#/tests/fuzz/fuzz-}" >"$builddir/.dev-build.log" 2>&1 \
    || { cat "$builddir/.dev-build.log" >&2; die "the build failed"; }
  flock -u 9

  # Stack traces with file and line: llvm-symbolizer when there is one,
  # else binutils' addr2line, which the sanitizers also speak to.
  local symbolizer
  symbolizer=$(in_env sh -c 'command -v llvm-symbolizer || command -v addr2line' 2>/dev/null || true)

  local -a summary=()
  for t in "${targets[@]}"; do
    local exe="$builddir/tests/fuzz/fuzz-$t"
    local seeds="$top/tests/fuzz/corpus/$t"
    local found="$builddir/fuzz-corpus/$t"
    local artifacts="$builddir/fuzz-artifacts/$t"
    local log="$builddir/fuzz-$t.log"
    local -a env_args=(G_DEBUG=fatal-criticals LC_ALL=C.UTF-8
                       ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
                       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)
    [ -n "$symbolizer" ] && env_args+=(ASAN_SYMBOLIZER_PATH="$symbolizer")
    local -a args=(-max_len="$(fuzz_max_len "$t")" -timeout=10 -rss_limit_mb=2048
                   -print_final_stats=1)
    mkdir -p "$found" "$artifacts"
    [ -f "$top/tests/fuzz/$t.dict" ] && args+=(-dict="$top/tests/fuzz/$t.dict")

    if [ "$merge" = 1 ]; then
      note "fuzz $t: merging $found into $seeds"
      in_env env "${env_args[@]}" "$exe" "${args[@]}" -merge=1 "$seeds" "$found" >"$log" 2>&1 \
        || { tail -n 30 "$log" >&2; rc=1; }
      summary+=("$t: $(grep -o 'MERGE-OUTER: [0-9]* new files.*' "$log" | tail -n 1 || true)")
      continue
    fi

    note "fuzz $t: ${seconds}s, log in $log"
    local result=ok start
    start=$(date +%s)
    in_env env "${env_args[@]}" "$exe" "${args[@]}" -max_total_time="$seconds" \
      -artifact_prefix="$artifacts/" "$found" "$seeds" >"$log" 2>&1 || { result=FAILED; rc=1; }
    local execs cov corpus took
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1 || true)
    took=$(( $(date +%s) - start ))
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 || true)
    corpus=$(grep -o 'corp: [0-9]*/[0-9]*[A-Za-z]*' "$log" | tail -n 1 || true)
    if [ "$result" != ok ]; then
      result="FAILED: $(grep -m1 -E '^==[0-9]+==ERROR|runtime error|^\*\*|deadly signal|ERROR: libFuzzer' "$log" || echo 'see the log')"
      result+=" (inputs in $artifacts)"
    fi
    summary+=("$t: ${took}s, ${execs:-?} runs, ${cov:-cov: ?}, ${corpus:-corp: ?}, $result")
  done

  printf '%s\n' "${summary[@]}"
  return "$rc"
}

cmd_shell ()
{
  build
  if [ $# -eq 0 ]; then
    exec_in_devenv /bin/bash
  else
    exec_in_devenv "$@"
  fi
}

[ $# -ge 1 ] || { usage >&2; exit 2; }
command=$1
shift
case "$command" in
  run|test|bench|shell|fuzz) ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; die "unknown command '$command'" ;;
esac

prepare_env
"cmd_$command" "$@"
