#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Jalons needs (only those missing), configures
# build/ if needed and builds. Used by run.sh and run-tests.sh.
set -eu

cd "$(dirname "$0")/.."

packages="
  gcc libc6-dev python3
  meson ninja-build pkg-config gettext
  libglib2.0-dev libjson-glib-dev libsqlite3-dev libgsf-1-dev libxml2-dev
  libgtk-4-dev libadwaita-1-dev libcairo2-dev libpango1.0-dev
  libgsf-1-dev libxml2-dev
  desktop-file-utils appstream shared-mime-info libgtk-4-bin
  librsvg2-common librsvg2-bin adwaita-icon-theme
  xvfb xauth poppler-utils python3-jsonschema
  dbus dbus-daemon at-spi2-core python3-pyatspi
"
# .ci/run also builds with clang for libFuzzer and runs valgrind.
if [ "${JALONS_CI:-}" = 1 ]; then
  packages="$packages clang libclang-rt-14-dev llvm valgrind"
fi

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $package"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=""
  elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
  else
    echo "These packages are missing and sudo is not available:$missing" >&2
    echo "Install them as root, then run this again." >&2
    exit 1
  fi
  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  # shellcheck disable=SC2086
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

if [ ! -f build/meson-private/coredata.dat ]; then
  meson setup build
fi
meson compile -C build
