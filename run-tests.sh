#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite under a virtual display.
# Arguments go to meson test: ./run-tests.sh --suite po
set -eu

cd "$(dirname "$0")"

./build-aux/prepare.sh

GTK_A11Y=test
export GTK_A11Y
status=0
xvfb-run -a meson test -C build --print-errorlogs "$@" || status=$?
exit "$status"
