#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the AT-SPI walkthrough on its own session bus and display, with
# GTK talking to AT-SPI as it does for a screen reader.
# usage: atspi-walkthrough.sh JALONS_PROGRAM BUNDLED_PLAN
set -eu

for tool in dbus-run-session xvfb-run pdfinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (build-aux/prepare.sh installs it)"
    exit 0
  fi
done
if ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
  echo "1..0 # SKIP python3-pyatspi is not installed (build-aux/prepare.sh installs it)"
  exit 0
fi

unset GTK_A11Y
# The report on descriptor 3, the rest (the bus daemons' chatter) on stderr.
export JALONS_TAP_FD=3
exec dbus-run-session -- xvfb-run -a /usr/bin/python3 "$(dirname "$0")/atspi-walkthrough.py" "$@" 3>&1 1>&2
