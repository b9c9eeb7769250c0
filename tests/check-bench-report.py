#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the start-up benchmark stands on: with JALONS_BENCH_REPORT set, the
jalons program says when the plan's rows are on screen and when a search
changed the count; without it, it says nothing. Real keys go through the
X server, as in the benchmark.

    check-bench-report.py BENCH_PLAN JALONS
"""

import importlib.util
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench", os.path.join(here, "bench-startup.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

n_test = 0
failed = False


def check(ok, what):
    global n_test, failed
    n_test += 1
    print(f"{'ok' if ok else 'not ok'} {n_test} {what}", flush=True)
    failed = failed or not ok


def main():
    bench_plan, jalons = sys.argv[1], sys.argv[2]
    # A display of its own: the keys and clicks it sends must reach no
    # other program's window, a test's running beside it or a desktop's.
    if os.environ.get("JALONS_OWN_DISPLAY") != os.environ.get("DISPLAY", ""):
        os.environ.pop("DISPLAY", None)
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c",
                               'JALONS_OWN_DISPLAY="$DISPLAY" exec "$0" "$@"',
                               sys.executable] + sys.argv)

    print("1..6", flush=True)
    work = tempfile.mkdtemp(prefix="jalons-report-")
    plan = os.path.join(work, "plan.jalons")
    subprocess.run([bench_plan, "--generate", os.path.join(work, "plan.json"), "100"], check=True)
    subprocess.run([jalons, "--import=" + os.path.join(work, "plan.json"), "--output=" + plan],
                   check=True, stdout=subprocess.DEVNULL)

    env = bench.environment(work, {"GDK_DEBUG": "gl-disable"})
    program = bench.Program(jalons, plan, env)
    try:
        _, line = program.wait_line("shown", timeout=120)
        check(line == "shown 100", f"the rows are reported shown: {line!r}")

        x = bench.Input()
        x.move(250, 358)
        bench.wait_idle(program.pid, time.monotonic(), quiet=0.3, timeout=30)
        x.key(ord("f"), bench.CONTROL)
        bench.wait_idle(program.pid, time.monotonic(), quiet=0.3, timeout=30)
        x.key(ord("q"))
        _, line = program.wait_line("count", timeout=30)
        shown = int(line.split()[1]) if line else -1
        check(0 < shown < 100, f"a search key reports the new count: {line!r}")
        _, line = program.wait_line("complete", timeout=30)
        check(line == f"complete {shown}", f"then the list complete: {line!r}")
        x.key(bench.BACKSPACE)
        _, line = program.wait_line("count", timeout=30)
        check(line == "count 100", f"the empty search reports every action: {line!r}")
    finally:
        program.stop()

    # Without the variable, nothing is said.
    env.pop("JALONS_BENCH_REPORT")
    program = bench.Program(jalons, plan, env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and bench.process_cpu(program.pid) < 0.1:
            time.sleep(0.1)
        time.sleep(0.1)
        idle = bench.wait_idle(program.pid, time.monotonic(), quiet=0.5, timeout=60,
                               threshold=0.005)
        check(idle is not None, "the program without the variable settles")
        _, line = program.wait_line("", timeout=1)
        check(line is None, f"and prints nothing: {line!r}")
    finally:
        program.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
