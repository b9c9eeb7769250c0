#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline exported by the jalons program, as a committee gets it.

Usage: check-timeline-export.py JALONS PLAN.json

PDF on A4, A3 and slides: every page of the format's size, the header and
the legend on each, no more pages than rows need, fewer with a filter;
French and English words; PNG at the scale asked; SVG well-formed. Prints
TAP.
"""

import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

JALONS, PLAN = sys.argv[1], sys.argv[2]
PAGE_SIZES = {'a4': (841.89, 595.28), 'a3': (1190.55, 841.89), 'slide': (960.0, 540.0)}

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def export(out, *args):
    run = subprocess.run([JALONS, '--export=' + out, '--view=timeline', *args, PLAN],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f'jalons {" ".join(args)}: {run.stderr.strip()}')
    return out


def pdf_pages(path):
    """The size of each page, in points."""
    info = subprocess.run(['pdfinfo', '-f', '1', '-l', '9999', path],
                          capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r'^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts', info, re.M)]


def pdf_text(path, page=None):
    args = ['pdftotext', '-layout']
    if page is not None:
        args += ['-f', str(page), '-l', str(page)]
    return subprocess.run(args + [path, '-'], capture_output=True, text=True, check=True).stdout


def png_size(path):
    with open(path, 'rb') as f:
        header = f.read(24)
    assert header[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    return struct.unpack('>II', header[16:24])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        def path(name):
            return os.path.join(tmp, name)

        counts = {}
        for page, (width, height) in PAGE_SIZES.items():
            pdf = export(path(f'{page}.pdf'), f'--page={page}', '--lang=en')
            sizes = pdf_pages(pdf)
            counts[page] = len(sizes)
            check(f'{page}: pages', len(sizes) >= 1, f'{len(sizes)} pages')
            check(f'{page}: every page {width} x {height} pt',
                  all(abs(w - width) < 0.5 and abs(h - height) < 0.5 for w, h in sizes), sizes[:3])
            # Each page repeats the semester header and the legend.
            missing = [n for n in range(1, len(sizes) + 1)
                       if not all(word in pdf_text(pdf, n) for word in ('2022', 'In progress', 'Overdue'))]
            check(f'{page}: header and legend on every page', not missing, f'missing on {missing}')

        # Larger paper, more on each page; a slide holds the least.
        check('a3 needs no more pages than a4', counts['a3'] <= counts['a4'], counts)
        check('slides need more pages than a4', counts['slide'] > counts['a4'], counts)

        # An objective going on over a page is headed again.
        text = pdf_text(path('a4.pdf'))
        check('a4: continued headings', '(continued)' in text)
        check('a4: all 112 actions counted', '112 actions' in text)

        # A filter: fewer rows, so fewer pages and a shorter picture.
        filtered = export(path('rh.pdf'), '--page=a4', '--lang=en', '--filter=unit:RH')
        check('a4 filtered: fewer pages', len(pdf_pages(filtered)) < counts['a4'],
              f'{len(pdf_pages(filtered))} < {counts["a4"]}')
        check('a4 filtered: says so', 'Filter: unit:RH' in pdf_text(filtered))

        # The words of the picture in the plan's language.
        french = pdf_text(export(path('fr.pdf'), '--page=a4', '--lang=fr'))
        english = pdf_text(path('a4.pdf'))
        check('French words', all(w in french for w in ('Aujourd’hui', 'En cours', 'Jalon', '1. Recrutement')))
        check('English words', all(w in english for w in ('Today', 'In progress', 'Milestone', '1. Recruitment')))

        # PNG: the whole picture, at the scale asked.
        one = png_size(export(path('one.png'), '--scale=1', '--lang=en'))
        two = png_size(export(path('two.png'), '--scale=2', '--lang=en'))
        check('PNG at scale 1', one[0] > 600 and one[1] > 600, one)
        check('PNG at scale 2 is twice as large', abs(two[0] - 2 * one[0]) <= 2 and abs(two[1] - 2 * one[1]) <= 2,
              (one, two))
        short = png_size(export(path('short.png'), '--scale=1', '--lang=en', '--filter=objective:8'))
        check('PNG filtered: shorter', short[1] < one[1] and short[0] == one[0], (short, one))

        # SVG: well-formed, sized in points.
        svg = export(path('t.svg'), '--lang=fr')
        try:
            root = ET.parse(svg).getroot()
            check('SVG well-formed', root.tag.endswith('svg'))
            check('SVG in points', root.get('width', '').endswith('pt'), root.get('width'))
        except ET.ParseError as error:
            check('SVG well-formed', False, str(error))

    print(f'1..{len(results)}')
    for number, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {number} {name}')
        if not ok or detail:
            print(f'# {detail}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
