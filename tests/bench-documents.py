#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documents of a 100 000-action plan: time and peak memory.

Usage: bench-documents.py BENCH-PLAN JALONS

Generates the plan with bench-plan, imports it, then exports the action
table to ODT, DOCX and PDF and the actions to XLSX and ODS, each in a
process of its own, and prints the wall time and the peak memory (RSS) of
each. Fails when an export fails or takes more than 200 MB: documents are
streamed, never held whole in memory.
"""

import os
import subprocess
import sys
import tempfile
import time

BENCH_PLAN, JALONS = sys.argv[1], sys.argv[2]
LIMIT_MB = 200


def run(args):
    """Wall seconds and peak RSS in MB of a child process."""
    start = time.monotonic()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - start
    error = child.stderr.read().decode()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f'{" ".join(args)}: {error.strip()}')
    return seconds, usage.ru_maxrss / 1024


def main():
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        plan_json = os.path.join(tmp, 'plan.json')
        plan = os.path.join(tmp, 'plan.jalons')
        subprocess.run([BENCH_PLAN, '--generate', plan_json], check=True)
        subprocess.run([JALONS, f'--import={plan_json}', f'--output={plan}'], check=True)
        os.remove(plan_json)

        seconds, peak = run([JALONS, '--check', plan])
        print(f'open and check the plan: {seconds:.1f} s, {peak:.0f} MB')
        for name, args in (('actions.odt', ['--view=actions']),
                           ('actions.docx', ['--view=actions']),
                           ('actions.pdf', ['--view=actions']),
                           ('actions.xlsx', []),
                           ('actions.ods', [])):
            out = os.path.join(tmp, name)
            seconds, peak = run([JALONS, f'--export={out}', *args, plan])
            size = os.path.getsize(out) / 1e6
            verdict = 'ok' if peak <= LIMIT_MB else f'more than {LIMIT_MB} MB'
            print(f'{name}: {seconds:.1f} s, peak {peak:.0f} MB, {size:.1f} MB written — {verdict}')
            failed = failed or peak > LIMIT_MB
            os.remove(out)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
