#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documents and spreadsheets open in LibreOffice.

Usage: check-documents-office.py JALONS PLAN.json

Each document of the plan, in French, is converted to PDF by LibreOffice
headless: the conversion succeeds, and the PDF holds the text of every
action (the report to a steering committee, its lists); the ODS and XLSX spreadsheets read back with their types. Skipped (exit 77) when LibreOffice is not installed. Prints TAP.
"""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

JALONS, PLAN = sys.argv[1], sys.argv[2]
VIEWS = {'actions': 'hrs4r', 'ec': 'hrs4r', 'gep': 'gep', 'principles': None, 'review': 'hrs4r'}
# LibreOffice 7.4 leaves out, from a DOCX, table rows that follow a cell
# merged down the rows across a page break (the review's table meets one):
# Jalons writes no such merge, and every action is checked in both.


def squash(text):
    return re.sub(r'\s+', '', text)


def main():
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if soffice is None:
        print('1..0 # SKIP LibreOffice is not installed')
        return 77
    with open(PLAN, encoding='utf-8') as f:
        plan = json.load(f)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        profile = 'file://' + os.path.join(tmp, 'profile')
        documents = []
        for view in VIEWS:
            for ext in ('odt', 'docx'):
                out = os.path.join(tmp, f'{view}-{ext}.{ext}')
                subprocess.run([JALONS, '--export=' + out, '--view=' + view, '--lang=fr', PLAN],
                               check=True, capture_output=True)
                documents.append((view, ext, out))
        # The report to a steering committee reads a plan file's history.
        plan_file = os.path.join(tmp, 'plan.jalons')
        subprocess.run([JALONS, '--import=' + PLAN, '--output=' + plan_file], check=True, capture_output=True)
        for ext in ('odt', 'docx'):
            out = os.path.join(tmp, f'report-{ext}.{ext}')
            subprocess.run([JALONS, '--export=' + out, '--view=report', '--since=2020-S1', '--until=2030-S2',
                            '--lang=fr', plan_file], check=True, capture_output=True)
            documents.append(('report', ext, out))
        run = subprocess.run([soffice, '-env:UserInstallation=' + profile, '--headless',
                              '--convert-to', 'pdf', '--outdir', os.path.join(tmp, 'pdf')]
                             + [out for _, _, out in documents],
                             capture_output=True, text=True, timeout=600)
        results.append(('LibreOffice converts every document', run.returncode == 0, run.stderr))
        pages = {}
        for view, ext, out in documents:
            pdf = os.path.join(tmp, 'pdf', f'{view}-{ext}.pdf')
            if os.path.exists(pdf):
                info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
                match = re.search(r'^Pages:\s+(\d+)', info, re.M)
                pages[view, ext] = int(match.group(1)) if match else 0
            if not os.path.exists(pdf):
                results.append((f'{view} {ext}: converted', False, run.stdout + run.stderr))
                continue
            raw = subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True,
                                 text=True, check=True).stdout
            text = squash(raw)
            if view == 'report':
                headings = ['Rapportaucomitédepilotage', 'Actionsréalisées', 'Actionsenretard',
                            'Mesuresdesindicateurs', "Notesd’avancement"]
                missing = [h for h in headings if h not in text]
                results.append((f'report {ext}: every list in the PDF', not missing, missing))
                continue
            programme = VIEWS[view]
            actions = [a for o in plan['objectives'] for a in o['actions']
                       if programme is None and a.get('principles') or o['programme'] == programme]
            missing = [a['number'] for a in actions if squash(a['title']['fr']) not in text]
            results.append((f'{view} {ext}: every action in the PDF', not missing, missing))
            if view in ('actions', 'review'):
                missing = [a['number'] for a in actions
                           if not re.search(r'(?<![\d.])' + re.escape(a['number']) + r'\.(?!\d)', raw)]
                results.append((f'{view} {ext}: every action number in the PDF', not missing, missing))
        # The spreadsheets read back: the values with their types.
        sheets = []
        for ext in ('ods', 'xlsx'):
            out = os.path.join(tmp, f'actions.{ext}')
            subprocess.run([JALONS, '--export=' + out, '--lang=en', PLAN], check=True, capture_output=True)
            sheets.append(out)
        for sheet in sheets:
            outdir = os.path.join(tmp, 'csv-' + os.path.splitext(sheet)[1][1:])
            run = subprocess.run([soffice, '-env:UserInstallation=' + profile, '--headless', '--convert-to',
                                  'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outdir, sheet],
                                 capture_output=True, text=True, timeout=300)
            name = os.path.basename(sheet)
            try:
                with open(os.path.join(outdir, 'actions.csv'), encoding='utf-8-sig', newline='') as f:
                    rows = list(csv.DictReader(f))
            except OSError as error:
                results.append((f'{name}: read back by LibreOffice', False, (error, run.stderr)))
                continue
            actions = sum(len(o['actions']) for o in plan['objectives'])
            results.append((f'{name}: read back, a row per action', sum(r['Kind'] == 'action' for r in rows) == actions,
                            len(rows)))
            row = next((r for r in rows if r['Number'] == '1.4'), {})
            results.append((f'{name}: a date read as a date', row.get('Due by') == '2022-12-31', row.get('Due by')))
            results.append((f'{name}: the overdue flag read as a boolean', row.get('Overdue') in ('TRUE', 'FALSE'),
                            row.get('Overdue')))
            results.append((f'{name}: a semester that sorts', row.get('Due semester') == '2022-S2',
                            row.get('Due semester')))
        # The same document takes about as many pages from ODT as from DOCX.
        for view in VIEWS:
            odt, docx = pages.get((view, 'odt'), 0), pages.get((view, 'docx'), 0)
            results.append((f'{view}: {odt} pages from ODT, {docx} from DOCX',
                            odt >= 2 and docx >= 2 and abs(odt - docx) <= 1, (odt, docx)))
    print(f'1..{len(results)}')
    for n, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {n} - {name}')
        if not ok:
            print(f'# {detail}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
