# tests/probes/probe-env.sh: the environment meson gives the tests, for the probes.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: . tests/probes/probe-env.sh BUILDDIR   (sourced by the other probes)
# Sets what tests/meson.build's test_env sets, with BUILDDIR made absolute
# in $build and the source tree in $source.

source=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
export G_TEST_SRCDIR="$source/tests"
export G_TEST_BUILDDIR="$build/tests"
export G_DEBUG=gc-friendly,fatal-criticals
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export PYPREP_LOCALEDIR="$build/po"
export PYPREP_SCREENSHOT_DIR="${PYPREP_SCREENSHOT_DIR:-$build/tests/screenshots}"
export NO_AT_BRIDGE=1
export GTK_A11Y=none
export LC_ALL=C.UTF-8
export PYPREP_EXE="$build/src/pyprep"
export WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1
