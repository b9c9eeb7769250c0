#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exported timelines never lose words.

Usage: check-timeline-titles.py JALONS PLAN.json

The timeline of the plan, and of the same plan with a very long action
title, exported as PDF on A4 and A3 in English and in French: every word
of every objective's and action's title is drawn in the PDF, not hidden
behind an ellipsis. Prints TAP.
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile

JALONS, PLAN = sys.argv[1], sys.argv[2]
LONG_TITLE = {
    'en': ' '.join(f'Longword{n:03d}' for n in range(160)),
    'fr': ' '.join(f'Motlong{n:03d}' for n in range(160)),
}
HYPHENS = '-\u2010\u00ad'

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def words(text):
    # Compound words as one: a line may break at their hyphen.
    text = re.sub(f'(\\w)[{HYPHENS}](\\w)', r'\1\2', text)
    return re.findall(r'\w+', text.casefold())


def pdf_words(path):
    """The words drawn in the PDF. A title cut by an ellipsis keeps the
    words it lost as the text of the ellipsis, one "word" with spaces in
    it: those are not words a reader sees."""
    out = subprocess.run(['pdftotext', '-bbox', path, '-'], capture_output=True, text=True,
                         check=True).stdout
    drawn = [html.unescape(w) for w in re.findall(r'<word [^>]*>(.*?)</word>', out, re.S)]
    # Bidirectional isolates round plan text.
    drawn = [re.sub('[\u2066-\u2069]', '', w) for w in drawn]
    text = ' '.join(w for w in drawn if not re.search(r'\s', w) and '\u2026' not in w)
    # Words broken at a hyphen at the end of a line.
    joined = re.sub(f'[{HYPHENS}] ', '', text)
    return set(words(text)) | set(words(joined))


def titles(plan, lang):
    for objective in plan['objectives']:
        yield objective['title'].get(lang, '')
        for action in objective.get('actions', []):
            yield action['title'].get(lang, '')


def main():
    with open(PLAN, encoding='utf-8') as f:
        bundled = json.load(f)
    long_plan = json.loads(json.dumps(bundled))
    action = long_plan['objectives'][0]['actions'][0]
    action['title'] = dict(LONG_TITLE)

    with tempfile.TemporaryDirectory() as tmp:
        long_path = os.path.join(tmp, 'long.json')
        with open(long_path, 'w', encoding='utf-8') as f:
            json.dump(long_plan, f, ensure_ascii=False)

        for name, plan, path in (('bundled plan', bundled, PLAN),
                                 ('long title', long_plan, long_path)):
            for lang in ('en', 'fr'):
                for page in ('a4', 'a3'):
                    out = os.path.join(tmp, f'{page}-{lang}.pdf')
                    run = subprocess.run([JALONS, '--export=' + out, '--view=timeline',
                                          f'--page={page}', f'--lang={lang}', path],
                                         capture_output=True, text=True)
                    if run.returncode != 0:
                        check(f'{name}, {lang}, {page}: export', False, run.stderr.strip())
                        continue
                    found = pdf_words(out)
                    missing = sorted({w for t in titles(plan, lang) for w in words(t)} - found)
                    check(f'{name}, {lang}, {page}: every word of every title',
                          not missing, f'{len(missing)} missing: {" ".join(missing[:12])}')

    print(f'1..{len(results)}')
    for n, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {n} - {name}')
        if not ok and detail:
            print(f'# {detail}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
