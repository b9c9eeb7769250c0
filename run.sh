#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs Jalons. With no argument the window opens on the
# last plan, or on the first run on your own copy of the bundled Inserm plan.
# Arguments go to jalons: ./run.sh my-plan.jalons, ./run.sh --check my-plan.jalons
set -eu

cd "$(dirname "$0")"

./build-aux/prepare.sh

if [ ! -x build/src/jalons ]; then
  echo "build/src/jalons was not built: see the output of the build above." >&2
  exit 1
fi
exec build/src/jalons "$@"
