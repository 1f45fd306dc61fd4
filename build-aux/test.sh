#!/bin/sh
# Builds Rapport and runs every test (core, gui, e2e, data, po) under a fresh
# X display and D-Bus session. Ends with the line `N passed, N failed` taken
# from meson's own results; exits non-zero when any test failed.
set -eu

cd "$(dirname "$0")/.."
srcdir=$(pwd)
builddir=${RAPPORT_BUILDDIR:-_build}

"$srcdir/build-aux/setup-build.sh" "$builddir"
meson compile -C "$builddir"

rm -f "$builddir/meson-logs/testlog.json"
status=0
xvfb-run -a -s '-screen 0 1280x800x24' \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" || status=$?

/usr/bin/python3 "$srcdir/build-aux/summarize-tests.py" "$builddir/meson-logs/testlog.json"
exit "$status"
