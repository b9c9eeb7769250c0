#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Generates plans of 100, 10 000 and 100 000 actions, imports them, and
# measures the jalons program on them from outside, under a virtual display:
# start-up with each renderer, then scrolling, searching and idle on the
# largest. Arguments: bench-plan, jalons, bench-startup.py.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for n in 100 10000 100000; do
  "$1" --generate "$dir/plan-$n.json" "$n"
  "$2" --import="$dir/plan-$n.json" --output="$dir/plan-$n.jalons"
  rm "$dir/plan-$n.json"
done
uptime
# A display of its own: the keys and clicks it sends must reach no other
# program's window.
run() {
  env -u DISPLAY xvfb-run -a -s "-screen 0 1280x800x24" /usr/bin/python3 "$@"
}
run "$3" startup "$2" "$dir/plan-100.jalons" "$dir/plan-10000.jalons" "$dir/plan-100000.jalons"
run "$3" interact "$2" "$dir/plan-100000.jalons"
uptime
