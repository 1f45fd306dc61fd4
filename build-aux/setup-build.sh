#!/bin/sh
# Shared by run.sh and test.sh: installs what is missing and makes sure the
# build folder exists and installs into ./_install, never elsewhere.
# Usage: build-aux/setup-build.sh BUILDDIR
set -eu

cd "$(dirname "$0")/.."
srcdir=$(pwd)
builddir=$1
prefix="$srcdir/_install"

"$srcdir/build-aux/install-deps.sh"

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --prefix "$prefix"
fi

# A build folder set up by hand may have another prefix.
current=$(meson introspect "$builddir" --buildoptions |
  /usr/bin/python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
if [ "$current" != "$prefix" ]; then
  meson configure "$builddir" --prefix "$prefix"
fi
