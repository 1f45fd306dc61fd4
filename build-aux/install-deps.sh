#!/bin/sh
# Installs every Debian 12 package Rapport needs to build, run and test.
# Idempotent: when everything is present it only runs dpkg-query and exits.
set -eu

# libical-dev: the agenda is exported as iCalendar VTODOs through libical
# (crm-agenda-export.c), and the tests parse the file back with it.
PACKAGES="
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libglib2.0-dev-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev sqlite3 libicu-dev libcsv-dev libical-dev
  libjson-glib-dev
  desktop-file-utils appstream
  xvfb xauth xdotool x11-utils imagemagick
  dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi
  poppler-utils fonts-noto-cjk fonts-wqy-microhei locales
  libpango1.0-dev libcairo2-dev
"

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

if [ -n "$missing" ]; then
  echo "install-deps: installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The Chinese locales, so that `LANG=zh_CN.UTF-8 build-aux/run.sh` shows
# Rapport in Chinese and the tests can use a real Chinese locale.
for loc in zh_CN zh_TW; do
  if ! locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8$"; then
    echo "install-deps: generating the $loc.UTF-8 locale" >&2
    $SUDO localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
  fi
done
