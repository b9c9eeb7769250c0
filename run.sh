#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs Jalons on the bundled plan.
# Arguments, when given, replace the default ones: ./run.sh --check my-plan.jalons
set -eu

cd "$(dirname "$0")"

# The window does not exist yet, so the bundled plan is only checked. Once it does,
# drop "--check" here and Jalons opens the plan in its window.
default_args="--check data/plans/inserm-hrs4r-2022.json"

./build-aux/prepare.sh

if [ $# -eq 0 ]; then
  # shellcheck disable=SC2086
  set -- $default_args
fi
if [ ! -x build/src/jalons ]; then
  echo "build/src/jalons was not built: see the output of the build above." >&2
  exit 1
fi
exec build/src/jalons "$@"
