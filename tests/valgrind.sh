#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the core tests under valgrind's memcheck: any memory error or definite
# leak fails the test. Only what the libraries below Jalons keep for the
# life of the process is suppressed (tests/valgrind.supp).
# Usage: tests/valgrind.sh [BUILD-DIR] [meson test arguments…]
# (default: build/ and --suite core)
set -eu

cd "$(dirname "$0")/.."

build=${1:-build}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
  set -- --suite core
fi

if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind is not installed: apt-get install valgrind" >&2
  exit 1
fi

# GLib's slice allocator hides frees from valgrind.
G_SLICE=always-malloc
export G_SLICE

exec meson test -C "$build" --print-errorlogs --timeout-multiplier=10 \
  --wrapper="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$PWD/tests/valgrind.supp --num-callers=30" \
  "$@"
