#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer target for a bounded time over a copy of its seed corpus,
# in WORKDIR (under the build tree: the source tree is never written to).
# Fails when the fuzzer finds a crash, a leak or a timeout; the input that
# caused it is kept in WORKDIR/crashes/, to be added to
# tests/fuzz/regressions/TARGET/ once fixed.
# Usage: run-fuzzer.sh FUZZER SEED-CORPUS WORKDIR [libFuzzer options…]
set -eu

fuzzer=$1
seeds=$2
workdir=$3
shift 3

rm -rf "$workdir"
mkdir -p "$workdir/corpus" "$workdir/crashes"
cp "$seeds"/* "$workdir/corpus/"

status=0
"$fuzzer" -artifact_prefix="$workdir/crashes/" -print_final_stats=1 "$@" \
  "$workdir/corpus" || status=$?

if [ "$status" -ne 0 ]; then
  echo "$(basename "$fuzzer") failed ($status); the inputs are in $workdir/crashes:" >&2
  ls -l "$workdir/crashes" >&2
  # libFuzzer exits with 77 on a finding, which meson takes for "skipped".
  exit 1
fi
exit 0
