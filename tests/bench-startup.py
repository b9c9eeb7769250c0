#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up, scrolling, search and idle of the real jalons program, measured
from outside the process, under a display (xvfb-run).

    bench-startup.py startup JALONS PLAN...
    bench-startup.py interact JALONS PLAN

startup launches JALONS on each plan with each renderer, several times in
turn, and waits until the plan's rows are on screen (the line "shown N"
that the program prints when JALONS_BENCH_REPORT is set) and the process is
settled (less than 5 ms of CPU in half a second). It prints the median
wall time to rows shown and to settled, the CPU time used until then, the
peak resident memory (VmHWM), and the CPU time used per second over 3 s
from a second later, while nothing happens.

interact opens one plan and sends real input through the X server (XTest):
Page Down in the list, wheel steps over it, keystrokes in the search bar,
and a visit of every page. Each input waits for the process to be idle;
the main thread's CPU time per input comes from its schedstat.
"""

import ctypes
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TICK = os.sysconf("SC_CLK_TCK")
RUNS = int(os.environ.get("JALONS_BENCH_RUNS", "5"))
IDLE_SECONDS = 3
RENDERERS = [
    ("default", {}),
    ("GSK_RENDERER=gl", {"GSK_RENDERER": "gl"}),
    ("GSK_RENDERER=cairo", {"GSK_RENDERER": "cairo"}),
    ("GDK_DEBUG=gl-disable", {"GDK_DEBUG": "gl-disable"}),
]
if "JALONS_BENCH_RENDERERS" in os.environ:
    wanted = os.environ["JALONS_BENCH_RENDERERS"].split(",")
    RENDERERS = [r for r in RENDERERS if r[0] in wanted]


def process_cpu(pid):
    """CPU time of every thread the process ever had, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def thread_cpu(pid, tid=None):
    """CPU time of one thread (the main thread by default), in seconds, to the ns."""
    with open(f"/proc/{pid}/task/{tid or pid}/schedstat") as f:
        return int(f.read().split()[0]) / 1e9


def live_threads_cpu(pid):
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            total += thread_cpu(pid, tid)
        except OSError:
            pass
    return total


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmHWM:", "VmRSS:")):
                key, value = line.split(":")
                values[key] = int(value.split()[0]) / 1024
    return values


def wait_idle(pid, since, quiet=0.5, timeout=20.0, cpu=live_threads_cpu, threshold=0.002,
              last=False):
    """Waits until cpu(pid) grows by less than @threshold seconds in @quiet
    seconds. Returns when that quiet time began (at least @since), or with
    @last the last time it grew at all; None on timeout."""
    window_start, window_value = time.monotonic(), cpu(pid)
    last_value, last_change = window_value, since
    while time.monotonic() - since < timeout:
        time.sleep(0.004)
        now = time.monotonic()
        value = cpu(pid)
        if value - last_value > 0.0002:
            last_change = now
        last_value = value
        if value - window_value > threshold:
            window_start, window_value = now, value
        elif now - window_start >= quiet:
            return last_change if last else max(window_start, since)
    return None


class Program:
    def __init__(self, jalons, plan, env):
        self.start = time.monotonic()
        self.process = subprocess.Popen([jalons, plan], env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.pid = self.process.pid
        self.buffer = b""

    def wait_line(self, prefix, timeout=60.0):
        """The time the next line starting with @prefix arrived, and the line."""
        deadline = time.monotonic() + timeout
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                if line.startswith(prefix.encode()):
                    return time.monotonic(), line.decode()
            left = deadline - time.monotonic()
            if left <= 0:
                return None, None
            ready, _, _ = select.select([self.process.stdout], [], [], left)
            if ready:
                data = os.read(self.process.stdout.fileno(), 4096)
                if not data:
                    return None, None
                self.buffer += data

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def environment(home, renderer_env):
    env = dict(os.environ)
    # As a user starts it: GTK's choices, no test settings.
    for key in ("GSK_RENDERER", "GDK_DEBUG", "GDK_GL", "G_DEBUG"):
        env.pop(key, None)
    env.update(renderer_env)
    env["JALONS_BENCH_REPORT"] = "1"
    env["HOME"] = home
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
    return env


def launch(jalons, plan, env):
    program = Program(jalons, plan, env)
    shown_at, line = program.wait_line("shown")
    if shown_at is None:
        program.stop()
        raise RuntimeError(f"{plan}: the list was never shown")
    # Settled: less than 5 ms of CPU in half a second. Then, a second
    # later, the CPU time used while nothing happens, over 3 s.
    idle_at = wait_idle(program.pid, shown_at, timeout=15.0, threshold=0.005)
    cpu = process_cpu(program.pid)
    hwm = memory(program.pid)["VmHWM"]
    time.sleep(1)
    before = live_threads_cpu(program.pid)
    time.sleep(IDLE_SECONDS)
    result = {
        "shown": shown_at - program.start,
        "idle": (idle_at - program.start) if idle_at else float("nan"),
        "cpu": cpu,
        "hwm": hwm,
        "background": (live_threads_cpu(program.pid) - before) * 1000 / IDLE_SECONDS,
        "n": int(line.split()[1]),
    }
    return program, result


def startup(jalons, plans):
    home = tempfile.mkdtemp(prefix="jalons-bench-")
    results = {}
    # The day's first opening of a plan makes its backup, and the first
    # launch with a renderer may fill a shader cache: not measured.
    for plan in plans:
        program, _ = launch(jalons, plan, environment(home, {}))
        program.stop()
    for _, renderer_env in RENDERERS:
        program, _ = launch(jalons, plans[0], environment(home, renderer_env))
        program.stop()
    for run in range(RUNS):
        for plan in plans:
            for name, renderer_env in RENDERERS:
                program, result = launch(jalons, plan, environment(home, renderer_env))
                program.stop()
                results.setdefault((plan, name), []).append(result)
                if os.environ.get("JALONS_BENCH_VERBOSE"):
                    print(f"  run {run} {os.path.basename(plan)} {name}: {result}", flush=True)
    print(f"start-up, median of {RUNS} runs (load average {os.getloadavg()[0]:.2f}):")
    print(f"  {'actions':>8}  {'renderer':<22} {'rows shown':>10} {'settled':>8} {'CPU':>8} "
          f"{'peak RSS':>9}   CPU while idle")
    for plan in plans:
        for name, _ in RENDERERS:
            runs = results[(plan, name)]
            med = {key: statistics.median(r[key] for r in runs)
                   for key in ("shown", "idle", "cpu", "hwm", "background")}
            print(f"  {runs[0]['n']:>8}  {name:<22} {med['shown']:>8.2f} s {med['idle']:>6.2f} s "
                  f"{med['cpu']:>6.2f} s {med['hwm']:>6.0f} MB   {med['background']:5.1f} ms/s",
                  flush=True)


class Input:
    """Real input through the X server's XTest extension."""

    def __init__(self):
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                ctypes.c_ulong]
        self.xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                   ctypes.c_ulong]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_int, ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(None)
        if not self.display:
            raise RuntimeError("no display")

    def move(self, x, y):
        self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        self.x11.XFlush(self.display)

    def key(self, keysym, modifier=None):
        codes = [self.x11.XKeysymToKeycode(self.display, k) for k in (modifier, keysym) if k]
        if 0 in codes:
            raise RuntimeError(f"no key for keysym {keysym:#x} in the display's keymap")
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x11.XFlush(self.display)

    def button(self, number):
        self.xtst.XTestFakeButtonEvent(self.display, number, 1, 0)
        self.xtst.XTestFakeButtonEvent(self.display, number, 0, 0)
        self.x11.XFlush(self.display)


PAGE_DOWN, CONTROL, ALT, BACKSPACE = 0xff56, 0xffe3, 0xffe9, 0xff08


# Keys that move the selection have rested this long when the editor
# shows the selected action (SETTLE_MS in jln-action-list.c): the main
# thread's CPU time until a little before is the list's answer.
LIST_ANSWER = 0.1


def measure(program, send, wait_count=False, split=False):
    """Sends one input; returns the main thread's CPU time until idle, the
    wall time until idle, (with @wait_count) until the count shown, and
    (with @split) the main thread's CPU time in the first LIST_ANSWER s."""
    pid = program.pid
    main_before = thread_cpu(pid)
    sent = time.monotonic()
    send()
    count_ms = None
    first = None
    if split:
        time.sleep(max(0, sent + LIST_ANSWER - time.monotonic()))
        first = (thread_cpu(pid) - main_before) * 1000
    if wait_count:
        count_at, _ = program.wait_line("count", timeout=5)
        count_ms = (count_at - sent) * 1000 if count_at else float("nan")
    idle_at = wait_idle(pid, sent, quiet=0.3, threshold=0.005)
    main = (thread_cpu(pid) - main_before) * 1000
    return main, ((idle_at or float("nan")) - sent) * 1000, count_ms, first


def burst(program, send, n, interval):
    """Sends @n inputs @interval seconds apart, as a held key or a flicked
    wheel does; returns the main thread's CPU time and the wall time from
    the first until idle, in ms."""
    pid = program.pid
    main_before = thread_cpu(pid)
    sent = time.monotonic()
    for i in range(n):
        send()
        time.sleep(max(0, sent + (i + 1) * interval - time.monotonic()))
    idle_at = wait_idle(pid, sent, quiet=0.3, threshold=0.005)
    return (thread_cpu(pid) - main_before) * 1000, ((idle_at or float("nan")) - sent) * 1000


def summary(label, values, unit="ms"):
    known = [v for v in values if v == v]
    missing = f" ({len(values) - len(known)} never came)" if len(known) < len(values) else ""
    if not known:
        return f"{label}: never came"
    return (f"{label}: median {statistics.median(known):.1f} {unit}, worst {max(known):.1f} {unit}, "
            f"total {sum(known):.1f} {unit}{missing}")


def interact(jalons, plan):
    home = tempfile.mkdtemp(prefix="jalons-bench-")
    # The day's first opening makes the plan's backup: not measured.
    program, _ = launch(jalons, plan, environment(home, {}))
    program.stop()
    for name, renderer_env in RENDERERS:
        program, result = launch(jalons, plan, environment(home, renderer_env))
        print(f"{name}: {result['n']} actions shown in {result['shown']:.2f} s, idle at "
              f"{result['idle']:.2f} s, peak {result['hwm']:.0f} MB "
              f"(load average {os.getloadavg()[0]:.2f})", flush=True)
        x = Input()
        # The pointer over the list (the keyboard goes where the pointer
        # is, with no window manager), and a click on a row for the focus.
        x.move(250, 358)
        wait_idle(program.pid, time.monotonic(), quiet=0.3)
        x.button(1)
        wait_idle(program.pid, time.monotonic(), quiet=0.3)

        pages = [measure(program, lambda: x.key(PAGE_DOWN), split=True) for _ in range(20)]
        print("  " + summary("20 x Page Down, main thread CPU per key", [p[0] for p in pages]))
        # The list answers the key at once; the editor shows the selected
        # action once keys rest (120 ms without one).
        print("    " + summary("of which the list, in the first 0.1 s", [p[3] for p in pages]))
        print("    " + summary("and the editor, once keys rest", [p[0] - p[3] for p in pages]))
        print("  " + summary("20 x Page Down, wall time to idle per key", [p[1] for p in pages]))
        main, wall = burst(program, lambda: x.key(PAGE_DOWN), 20, 1 / 30)
        print(f"  20 x Page Down held (30 a second): main thread {main:.0f} ms, idle after {wall:.0f} ms")
        wheels = [measure(program, lambda: x.button(5)) for _ in range(50)]
        print("  " + summary("50 wheel steps, main thread CPU per step", [w[0] for w in wheels]))
        print("  " + summary("50 wheel steps, wall time to idle per step", [w[1] for w in wheels]))
        main, wall = burst(program, lambda: x.button(5), 50, 1 / 100)
        print(f"  50 wheel steps in a flick (100 a second): main thread {main:.0f} ms, "
              f"idle after {wall:.0f} ms")
        rss = memory(program.pid)

        measure(program, lambda: x.key(ord("f"), CONTROL))
        keys = []
        # Each key changes the count: a letter, then the empty query again.
        for keysym in (ord("q"), BACKSPACE, ord("j"), BACKSPACE, ord("k"), BACKSPACE):
            keys.append(measure(program, lambda: x.key(keysym), wait_count=True))
            if os.environ.get("JALONS_BENCH_VERBOSE"):
                name = "Backspace" if keysym == BACKSPACE else chr(keysym)
                print(f"    {name:<9} main thread {keys[-1][0]:.1f} ms, count after "
                      f"{keys[-1][2]:.1f} ms, idle after {keys[-1][1]:.1f} ms", flush=True)
        print("  " + summary("search keystroke, main thread CPU", [k[0] for k in keys]))
        print("  " + summary("search keystroke, count shown after", [k[2] for k in keys]))
        print("  " + summary("search keystroke, idle after", [k[1] for k in keys]))
        before = process_cpu(program.pid)
        precise_before = live_threads_cpu(program.pid)
        time.sleep(10)
        print(f"  10 s after the last keystroke: {(process_cpu(program.pid) - before) * 1000:.0f} ms "
              f"of CPU ({(live_threads_cpu(program.pid) - precise_before) * 1000:.1f} ms "
              f"by schedstat)")
        rss_search = memory(program.pid)

        for page in "231":
            measure(program, lambda: x.key(ord(page), ALT))
        after = memory(program.pid)
        print(f"  memory: shown {result['hwm']:.0f} MB peak; after scrolling {rss['VmRSS']:.0f} MB "
              f"resident, {rss['VmHWM']:.0f} MB peak; after searching {rss_search['VmRSS']:.0f} / "
              f"{rss_search['VmHWM']:.0f} MB; after every page {after['VmRSS']:.0f} / "
              f"{after['VmHWM']:.0f} MB (+{after['VmHWM'] - result['hwm']:.0f} MB peak)",
              flush=True)
        program.stop()


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "startup":
        startup(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "interact":
        interact(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
