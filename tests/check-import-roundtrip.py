#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The action table, written as DOCX and ODT, reads back as the same plan.

Usage: check-import-roundtrip.py JALONS PLAN.json

The action table of PLAN (--view=actions), in French and in English, is
exported as DOCX and as ODT, imported into a new plan file, and that plan
exported as JSON: it has the same objectives, the same actions with their
numbers, titles, themes, statuses, completions, planned semesters and
units, and the same sub-items, as far as the table shows them. Prints TAP.
"""

import json
import os
import subprocess
import sys
import tempfile

JALONS, PLAN = sys.argv[1], sys.argv[2]


def units_of(plan):
    return {u['id']: u['code'] for u in plan.get('units', [])}


def text(value, lang):
    if not isinstance(value, dict):
        return value
    return value.get(lang) or value.get('en' if lang == 'fr' else 'fr')


def summary(plan, lang, programme=None):
    """What the action table carries of each action, by number."""
    units = units_of(plan)
    objectives, actions = [], {}
    for objective in plan['objectives']:
        if programme is not None and objective.get('programme') != programme:
            continue
        objectives.append((objective['number'], text(objective['title'], lang)))
        for action in objective['actions']:
            items = [(i['label'], text(i['title'], lang), i.get('status'), i.get('due'), i.get('completion'))
                     for i in action.get('items', [])]
            actions[action['number']] = {
                'objective': objective['number'],
                'title': text(action['title'], lang),
                'theme': text(action.get('theme'), lang),
                # Green shading alone tells "done though not planned" from "done".
                'status': {'done-new': 'done'}.get(action.get('status'), action.get('status')),
                'completion': action.get('completion'),
                'due': action.get('due'),
                'units': sorted(units[u] for u in action.get('units', [])),
                'items': items,
            }
    return objectives, actions


def main():
    with open(PLAN, encoding='utf-8') as f:
        plan = json.load(f)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ('fr', 'en'):
            want_objectives, want = summary(plan, lang, 'hrs4r')
            for ext in ('docx', 'odt'):
                name = f'{lang} {ext}'
                document = os.path.join(tmp, f'actions-{lang}.{ext}')
                plan_file = os.path.join(tmp, f'actions-{lang}-{ext}.jalons')
                back = os.path.join(tmp, f'actions-{lang}-{ext}.json')
                subprocess.run([JALONS, '--export=' + document, '--view=actions', '--lang=' + lang, PLAN],
                               check=True, capture_output=True)
                run = subprocess.run([JALONS, '--import=' + document, '--output=' + plan_file, '--lang=' + lang],
                                     capture_output=True, text=True)
                results.append((f'{name}: imported', run.returncode == 0, run.stdout + run.stderr))
                if run.returncode != 0:
                    continue
                subprocess.run([JALONS, '--export=' + back, plan_file], check=True, capture_output=True)
                with open(back, encoding='utf-8') as f:
                    got_objectives, got = summary(json.load(f), lang)
                results.append((f'{name}: the same objectives', got_objectives == want_objectives,
                                (got_objectives, want_objectives)))
                results.append((f'{name}: the same action numbers, themes read as themes',
                                list(got) == list(want), sorted(set(got) ^ set(want))))
                for field in ('objective', 'title', 'theme', 'status', 'completion', 'due', 'units', 'items'):
                    wrong = [(number, got[number][field], want[number][field])
                             for number in want if number in got and got[number][field] != want[number][field]]
                    results.append((f'{name}: the same {field} of every action', not wrong, wrong[:3]))
    print(f'1..{len(results)}')
    for n, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {n} - {name}')
        if not ok:
            print(f'# {detail}'.replace('\n', '\n# '))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
