#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Generates a 100 000-action plan, imports it, and measures the window on it
# under a virtual display. Arguments: bench-plan, bench-window, jalons.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$1" --generate "$dir/plan.json"
"$3" --import="$dir/plan.json" --output="$dir/plan.jalons"
# Xvfb has no GPU: GTK's GL renderer would run on a software rasterizer and
# measure that. The cairo renderer is what such a machine draws with best.
GSK_RENDERER=${GSK_RENDERER:-cairo}
export GSK_RENDERER
if [ -n "${DISPLAY:-}" ]; then
  "$2" "$dir/plan.jalons"
else
  xvfb-run -a -s "-screen 0 1280x800x24" "$2" "$dir/plan.jalons"
fi
