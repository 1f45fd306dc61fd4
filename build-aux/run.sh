#!/bin/sh
# Builds Rapport, installs it into ./_install and starts it on the default
# database ($XDG_DATA_HOME/rapport/rapport.db). Arguments go to rapport,
# e.g. `build-aux/run.sh --database /tmp/demo.db`.
set -eu

cd "$(dirname "$0")/.."
srcdir=$(pwd)
builddir=${RAPPORT_BUILDDIR:-_build}
prefix="$srcdir/_install"

"$srcdir/build-aux/setup-build.sh" "$builddir"
meson install -C "$builddir" --quiet

# The installed schema, icons, desktop file and translations live under
# the local prefix, not in /usr.
export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
exec "$prefix/bin/rapport" "$@"
