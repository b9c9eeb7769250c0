#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documents of a plan as the jalons program writes them.

Usage: check-documents.py JALONS PLAN.json

For the action-plan table, the EC template, the Gender Equality Plan and
the principles' coverage, as ODT, DOCX and PDF, in French and English: the
text of every action is there, the cells are shaded after the status, the
abbreviations are those of the units used, a filter keeps its actions
only, the targets are marked met or behind in words. Prints TAP.
"""

import copy
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ET
import zipfile

JALONS, PLAN = sys.argv[1], sys.argv[2]

ODF = {
    'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
}
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
T = '{' + ODF['table'] + '}'
X = '{' + ODF['text'] + '}'

SHADES = {'done': 'D9D9D9', 'done-new': 'C6E0B4'}
SHADE_STYLES = {None: 'Cell0', 'D9D9D9': 'Cell2', 'C6E0B4': 'Cell3'}

HEADERS = {
    'fr': ['Objectifs', 'N°', 'Comment\u00a0?', 'Réalisé Quand\u00a0?', 'A faire Quand\u00a0?', 'Qui\u00a0?'],
    'en': ['Objectives', 'No.', 'How?', 'Done when?', 'To do when?', 'Who?'],
}

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def export(out, view, *args, plan=PLAN, expect_ok=True):
    run = subprocess.run([JALONS, '--export=' + out, '--view=' + view, *args, plan],
                         capture_output=True, text=True)
    if expect_ok and run.returncode != 0:
        raise RuntimeError(f'jalons {view} {" ".join(args)}: {run.stderr.strip()}')
    return run


def squash(text):
    """Text with no white space, to compare across line breaks."""
    return re.sub(r'\s+', '', text)


def odf_text(element):
    """The text of an ODF element, its spaces and line breaks as spaces."""
    parts = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag in (X + 's', X + 'tab', X + 'line-break'):
            parts.append(' ')
        else:
            parts.append(odf_text(child))
        if child.tail:
            parts.append(child.tail)
    if element.tag in (X + 'p', X + 'h'):
        parts.append('\n')
    return ''.join(parts)


def docx_text(element):
    parts = []
    for node in element.iter():
        if node.tag == W + 't' and node.text:
            parts.append(node.text)
        elif node.tag in (W + 'br', W + 'tab'):
            parts.append(' ')
        elif node.tag == W + 'p':
            parts.append('\n')
    return ''.join(parts)


def read_odt(path):
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        root = ET.fromstring(z.read('content.xml'))
        ET.fromstring(z.read('styles.xml'))
        ET.fromstring(z.read('meta.xml'))
        return first, root


def read_docx(path):
    with zipfile.ZipFile(path) as z:
        for name in ('[Content_Types].xml', '_rels/.rels', 'word/styles.xml'):
            ET.fromstring(z.read(name))
        return ET.fromstring(z.read('word/document.xml'))


def pdf_text(path, page=None):
    args = ['pdftotext', '-raw']
    if page is not None:
        args += ['-f', str(page), '-l', str(page)]
    return subprocess.run(args + [path, '-'], capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


def read_ods(path):
    """The rows of the first sheet, each a list of (type, value)."""
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        assert first.filename == 'mimetype' and first.compress_type == zipfile.ZIP_STORED
        root = ET.fromstring(z.read('content.xml'))
    office = '{urn:oasis:names:tc:opendocument:xmlns:office:1.0}'
    rows = []
    for row in root.iter(T + 'table-row'):
        cells = []
        for cell in row.findall(T + 'table-cell'):
            kind = cell.get(office + 'value-type', '')
            value = {'date': cell.get(office + 'date-value'), 'boolean': cell.get(office + 'boolean-value'),
                     'float': cell.get(office + 'value')}.get(kind, odf_text(cell).strip())
            cells.append((kind, value))
        rows.append(cells)
    return rows


def read_xlsx(path):
    """The rows of the first sheet, each a dict of column → (type, value)."""
    main = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    rows = []
    for row in root.iter(main + 'row'):
        cells = {}
        for cell in row.findall(main + 'c'):
            column = re.match(r'[A-Z]+', cell.get('r')).group(0)
            if cell.get('t') == 'inlineStr':
                cells[column] = ('inlineStr', ''.join(t.text or '' for t in cell.iter(main + 't')))
            elif cell.get('s') == '1':
                cells[column] = ('date', cell.find(main + 'v').text)
            else:
                cells[column] = (cell.get('t', 'n'), cell.find(main + 'v').text)
        rows.append(cells)
    return rows


def actions_of(plan, programme=None):
    for objective in plan['objectives']:
        if programme is not None and objective['programme'] != programme:
            continue
        for action in objective['actions']:
            yield objective, action


def missing_titles(text, actions, lang):
    flat = squash(text)
    missing = []
    for _, action in actions:
        title = action.get('title', {}).get(lang) or action.get('title', {}).get('fr', '')
        pieces = [title] + [item['title'].get(lang, item['title'].get('fr', '')) for item in action.get('items', [])]
        if any(squash(piece) not in flat for piece in pieces):
            missing.append(action['number'])
    return missing


def row_cells_odt(root):
    for row in root.iter(T + 'table-row'):
        yield [(cell.get(T + 'style-name'), odf_text(cell).strip())
               for cell in row if cell.tag == T + 'table-cell']


def row_cells_docx(root):
    for row in root.iter(W + 'tr'):
        cells = []
        for cell in row.findall(W + 'tc'):
            shd = cell.find(f'{W}tcPr/{W}shd')
            cells.append((shd.get(W + 'fill') if shd is not None else None, docx_text(cell).strip()))
        yield cells


def shading_errors(rows, plan, as_style):
    """Actions whose number cell is not shaded after their status."""
    expected = {a['number'] + '.': SHADES.get(a['status']) for _, a in actions_of(plan, 'hrs4r')}
    seen, wrong = set(), []
    for cells in rows:
        for shade, text in cells:
            if text in expected:
                seen.add(text)
                want = SHADE_STYLES[expected[text]] if as_style else expected[text]
                if shade != want:
                    wrong.append((text, shade, want))
                break
    return wrong, set(expected) - seen


def abbreviations_odt(root, lang):
    """The codes of the list under “Abbreviations used”."""
    heading = 'Abréviations utilisées' if lang == 'fr' else 'Abbreviations used'
    codes, inside = [], False
    for node in root.iter():
        if node.tag in (X + 'h', X + 'p'):
            text = odf_text(node).strip()
            if node.tag == X + 'h':
                inside = text == heading
            elif inside and node.get(X + 'style-name') == 'List_20_Bullet':
                codes.append(re.split(r'\u00a0?:', text.lstrip('• '))[0].strip())
    return codes


def used_codes(plan):
    units = {u['id']: u['code'] for u in plan['units']}
    used = set()
    for _, action in actions_of(plan, 'hrs4r'):
        used.update(action.get('units', []))
        for item in action.get('items', []):
            used.update(item.get('units', []))
    return [u['code'] for u in plan['units'] if u['id'] in used]


def with_measurements(plan):
    """The plan with measurements of the first indicator: 2021 above its
    target, 2022 below."""
    plan = copy.deepcopy(plan)
    indicator = plan['indicators'][0]
    targets = {t['year']: t['value'] for t in indicator['targets']}
    indicator['measurements'] = [
        {'id': str(uuid.uuid4()), 'date': '2021-12', 'value': targets[2021] + 2},
        {'id': str(uuid.uuid4()), 'date': '2022-12', 'value': targets[2022] - 5},
    ]
    return plan, indicator


PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'
MANIFEST = '{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}'
DRAW = '{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}'
SVG = '{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}'
XLINK = '{http://www.w3.org/1999/xlink}'
WP = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'
A = '{http://schemas.openxmlformats.org/drawingml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
RELS = '{http://schemas.openxmlformats.org/package/2006/relationships}'
CT = '{http://schemas.openxmlformats.org/package/2006/content-types}'
# The plan-wide charts of the report, by their titles.
CHARTS = {
    'fr': ['Actions par statut pour chaque objectif', 'Actions réalisées au fil du temps'],
    'en': ['Actions by status for each objective', 'Actions done over time'],
}


def check_report_pictures(path):
    """The report to a steering committee holds the plan-wide charts as
    pictures: PNG images in the container, listed, described."""
    plan_file = path('report.jalons')
    subprocess.run([JALONS, '--import=' + PLAN, '--output=' + plan_file], check=True, capture_output=True)
    for lang in ('fr', 'en'):
        odt, docx, pdf = (path(f'report-{lang}.{ext}') for ext in ('odt', 'docx', 'pdf'))
        for out in (odt, docx, pdf):
            export(out, 'report', '--since=2020-S1', '--until=2030-S2', '--lang=' + lang, plan=plan_file)
        with zipfile.ZipFile(odt) as z:
            root = ET.fromstring(z.read('content.xml'))
            manifest = ET.fromstring(z.read('META-INF/manifest.xml'))
            listed = {e.get(MANIFEST + 'full-path'): e.get(MANIFEST + 'media-type')
                      for e in manifest.iter(MANIFEST + 'file-entry')}
            frames = list(root.iter(DRAW + 'frame'))
            images = [f.find(DRAW + 'image') for f in frames]
            hrefs = [i.get(XLINK + 'href') for i in images if i is not None]
            check(f'report {lang} odt: a picture per plan-wide chart', len(hrefs) >= 3, hrefs)
            check(f'report {lang} odt: each picture a PNG image in the container',
                  hrefs and all(z.read(h).startswith(PNG_SIGNATURE) for h in hrefs), hrefs)
            check(f'report {lang} odt: each picture in the manifest',
                  hrefs and all(listed.get(h) == 'image/png' for h in hrefs), listed)
            descs = [f.findtext(SVG + 'desc') or '' for f in frames]
            check(f'report {lang} odt: each picture described', descs and all(len(d) > 20 for d in descs), descs)
            text = odf_text(root)
            check(f'report {lang} odt: the charts titled', all(t in text for t in CHARTS[lang]), CHARTS[lang])
        with zipfile.ZipFile(docx) as z:
            root = ET.fromstring(z.read('word/document.xml'))
            rels = {r.get('Id'): r.get('Target')
                    for r in ET.fromstring(z.read('word/_rels/document.xml.rels')).iter(RELS + 'Relationship')}
            types = {d.get('Extension'): d.get('ContentType')
                     for d in ET.fromstring(z.read('[Content_Types].xml')).iter(CT + 'Default')}
            embeds = [b.get(R + 'embed') for b in root.iter(A + 'blip')]
            targets = ['word/' + rels.get(e, '?') for e in embeds]
            check(f'report {lang} docx: a picture per plan-wide chart', len(embeds) >= 3, embeds)
            check(f'report {lang} docx: each picture a PNG image, by its relationship',
                  targets and all(t in z.namelist() and z.read(t).startswith(PNG_SIGNATURE) for t in targets),
                  targets)
            check(f'report {lang} docx: PNG images have their content type', types.get('png') == 'image/png', types)
            descrs = [d.get('descr') or '' for d in root.iter(WP + 'docPr')]
            ids = [d.get('id') for d in root.iter(WP + 'docPr')]
            check(f'report {lang} docx: each picture described', descrs and all(len(d) > 20 for d in descrs), descrs)
            check(f'report {lang} docx: each picture its own id', len(set(ids)) == len(ids), ids)
        # The PDF shows the same charts: its pages are drawn, not left blank.
        text = pdf_text(pdf)
        check(f'report {lang} pdf: the charts titled', all(squash(t) in squash(text) for t in CHARTS[lang]),
              CHARTS[lang])
        images = subprocess.run(['pdfimages', '-list', pdf], capture_output=True, text=True).stdout
        check(f'report {lang} pdf: the charts as pictures', len(images.strip().splitlines()) - 2 >= 3, images)


def check_gep_charts(path):
    """The Gender Equality Plan ends with a chart per indicator."""
    plan = json.load(open(PLAN, encoding='utf-8'))
    n = len(plan['indicators'])
    for lang in ('fr', 'en'):
        odt, docx = path(f'gep-charts-{lang}.odt'), path(f'gep-charts-{lang}.docx')
        export(odt, 'gep', '--lang=' + lang)
        export(docx, 'gep', '--lang=' + lang)
        with zipfile.ZipFile(odt) as z:
            root = ET.fromstring(z.read('content.xml'))
            hrefs = [i.get(XLINK + 'href') for i in root.iter(DRAW + 'image')]
            check(f'gep {lang} odt: a chart per indicator', len(hrefs) == n
                  and all(z.read(h).startswith(PNG_SIGNATURE) for h in hrefs), hrefs)
        with zipfile.ZipFile(docx) as z:
            root = ET.fromstring(z.read('word/document.xml'))
            descrs = [d.get('descr') or '' for d in root.iter(WP + 'docPr')]
            check(f'gep {lang} docx: a chart per indicator, described', len(descrs) == n and all(descrs), descrs)


def check_period(path):
    """--since for the documents of actions: a plan file's history, the
    period said under the title."""
    plan_file = path('period.jalons')
    subprocess.run([JALONS, '--import=' + PLAN, '--output=' + plan_file], check=True, capture_output=True)
    for view in ('actions', 'ec', 'gep'):
        out = path(f'period-{view}.odt')
        export(out, view, '--since=2020-01-01', '--lang=fr', plan=plan_file)
        _, root = read_odt(out)
        text = odf_text(root)
        check(f'{view} of a period: the period under the title', '(modifiées depuis 2020-01-01)' in text, text[:300])
        # The plan as imported has changed in no action since.
        check(f'{view} of a period: only the actions changed', not re.search(r'\b1\.1\.', text) and 'I.a' not in text,
              text[:300])
    run = export(path('period.odt'), 'actions', '--since=2020-01-01', expect_ok=False)
    check('a period of a JSON plan is refused: it has no history', run.returncode != 0 and '.jalons' in run.stderr,
          run.stderr)
    run = export(path('period.odt'), 'actions', '--until=2024-S1', plan=plan_file, expect_ok=False)
    check('--until alone is refused', run.returncode != 0 and '--since' in run.stderr, run.stderr)
    run = export(path('period.png'), 'timeline', '--since=2020-01-01', plan=plan_file, expect_ok=False)
    check('a period of the timeline is refused', run.returncode != 0 and '--since' in run.stderr, run.stderr)


def main():
    with open(PLAN, encoding='utf-8') as f:
        plan = json.load(f)
    hrs4r = list(actions_of(plan, 'hrs4r'))
    gep = list(actions_of(plan, 'gep'))
    linked = [(o, a) for o, a in actions_of(plan) if a.get('principles')]

    with tempfile.TemporaryDirectory() as tmp:
        def path(name):
            return os.path.join(tmp, name)

        for lang in ('fr', 'en'):
            # The action-plan table.
            odt, docx, pdf = (path(f'actions-{lang}.{ext}') for ext in ('odt', 'docx', 'pdf'))
            for out in (odt, docx, pdf):
                export(out, 'actions', '--lang=' + lang)
            first, root = read_odt(odt)
            check(f'actions {lang} odt: mimetype first and stored',
                  first.filename == 'mimetype' and first.compress_type == zipfile.ZIP_STORED, first)
            text = odf_text(root)
            missing = missing_titles(text, hrs4r, lang)
            check(f'actions {lang} odt: every action and sub-item', not missing, missing)
            check(f'actions {lang} odt: the header of the review',
                  all(h in text for h in HEADERS[lang]), HEADERS[lang])
            wrong, absent = shading_errors(row_cells_odt(root), plan, as_style=True)
            check(f'actions {lang} odt: shading follows the status', not wrong and not absent, (wrong, absent))
            check(f'actions {lang} odt: one header row per objective',
                  len(root.findall(f'.//{T}table-header-rows')) >= len({o['number'] for o, _ in hrs4r}))
            codes = abbreviations_odt(root, lang)
            check(f'actions {lang} odt: abbreviations are the units used', codes == used_codes(plan),
                  (codes, used_codes(plan)))
            duoday = next(a for _, a in hrs4r if a.get('recurrence') == 'yearly')
            check(f'actions {lang} odt: the next date of a yearly action',
                  squash(duoday['note'][lang]) in squash(text), duoday['note'][lang])
            superseded = next(a for _, a in hrs4r if a['status'] == 'superseded')
            check(f'actions {lang} odt: a superseded action and its references',
                  squash(superseded['note'][lang]) in squash(text), superseded['note'][lang])
            extension = next(a for _, a in hrs4r if a.get('extension'))
            check(f'actions {lang} odt: extensions',
                  squash('Extension\u00a0: ' if lang == 'fr' else 'Extension: ') in squash(text)
                  and squash(extension['extension'][lang]) in squash(text))
            covid = next(a for _, a in hrs4r if a['number'] == '3.6')
            check(f'actions {lang} odt: a note the title already says is not repeated',
                  squash(covid['note'][lang]) + ':' + squash(covid['note'][lang]) not in squash(text)
                  and squash(covid['title'][lang]) in squash(text))
            themes = {a['theme'][lang] for _, a in hrs4r if a.get('theme')}
            italic = {odf_text(span).strip() for span in root.iter(X + 'span') if span.get(X + 'style-name') == 'T1'}
            check(f'actions {lang} odt: themes in italics', themes <= italic, themes - italic)

            droot = read_docx(docx)
            dtext = docx_text(droot)
            missing = missing_titles(dtext, hrs4r, lang)
            check(f'actions {lang} docx: every action and sub-item', not missing, missing)
            wrong, absent = shading_errors(row_cells_docx(droot), plan, as_style=False)
            check(f'actions {lang} docx: shading follows the status', not wrong and not absent, (wrong, absent))
            header_rows = [tr for tr in droot.iter(W + 'tr') if tr.find(f'{W}trPr/{W}tblHeader') is not None]
            check(f'actions {lang} docx: header rows repeat', len(header_rows) >= 8, len(header_rows))

            ptext = pdf_text(pdf)
            missing = missing_titles(ptext, hrs4r, lang)
            check(f'actions {lang} pdf: every action and sub-item', not missing, missing)
            pages = pdf_pages(pdf)
            no_header = [n for n in range(2, pages + 1) if squash(HEADERS[lang][2]) not in squash(pdf_text(pdf, n))]
            check(f'actions {lang} pdf: {pages} pages, the header on each', pages >= 3 and not no_header, no_header)

            # The EC template.
            for ext in ('odt', 'docx', 'pdf'):
                out = path(f'ec-{lang}.{ext}')
                export(out, 'ec', '--lang=' + lang)
                text = {'odt': lambda p: odf_text(read_odt(p)[1]), 'docx': lambda p: docx_text(read_docx(p)),
                        'pdf': pdf_text}[ext](out)
                missing = missing_titles(text, hrs4r, lang)
                check(f'ec {lang} {ext}: every action', not missing, missing)
                principle = plan['principles'][11]
                check(f'ec {lang} {ext}: principles by number and name',
                      squash(f"{principle['number']}. {principle['name'][lang]}") in squash(text))
                words = ('Principe(s)', 'Calendrier', 'Unité responsable') if lang == 'fr' else \
                        ('GAP principle(s)', 'Timing', 'Responsible unit')
                check(f'ec {lang} {ext}: the columns of the template', all(squash(w) in squash(text) for w in words))

            # The Gender Equality Plan, with measurements.
            measured, indicator = with_measurements(plan)
            measured_path = path('measured.json')
            with open(measured_path, 'w', encoding='utf-8') as f:
                json.dump(measured, f, ensure_ascii=False)
            for ext in ('odt', 'docx', 'pdf'):
                out = path(f'gep-{lang}.{ext}')
                export(out, 'gep', '--lang=' + lang, plan=measured_path)
                text = {'odt': lambda p: odf_text(read_odt(p)[1]), 'docx': lambda p: docx_text(read_docx(p)),
                        'pdf': pdf_text}[ext](out)
                missing = missing_titles(text, gep, lang)
                check(f'gep {lang} {ext}: every measure', not missing, missing)
                actors = [a['actors'][lang] for _, a in gep if a.get('actors')]
                check(f'gep {lang} {ext}: actors', all(squash(x) in squash(text) for x in actors))
                met, behind = ('✓ atteint', '✗ en retard') if lang == 'fr' else ('✓ met', '✗ behind')
                check(f'gep {lang} {ext}: targets met and behind in words',
                      squash(met) in squash(text) and squash(behind) in squash(text))
                for other in plan['indicators']:
                    check(f'gep {lang} {ext}: indicator {other["number"]} in the summary',
                          squash(other['title'][lang]) in squash(text))

            # The principles' coverage.
            for ext in ('odt', 'docx', 'pdf'):
                out = path(f'principles-{lang}.{ext}')
                export(out, 'principles', '--lang=' + lang)
                text = {'odt': lambda p: odf_text(read_odt(p)[1]), 'docx': lambda p: docx_text(read_docx(p)),
                        'pdf': pdf_text}[ext](out)
                names = [p['name'][lang] for p in plan['principles']]
                check(f'principles {lang} {ext}: the 40 principles',
                      len(names) == 40 and all(squash(n) in squash(text) for n in names))
                missing = missing_titles(text, [(o, {**a, 'items': []}) for o, a in linked], lang)
                check(f'principles {lang} {ext}: every linked action', not missing, missing)
                covered = {p for _, a in linked for p in a['principles']}
                uncovered = [p for p in plan['principles'] if p['id'] not in covered]
                word = 'Aucune action' if lang == 'fr' else 'No action'
                check(f'principles {lang} {ext}: principles with no action stand out',
                      text.count(word) == len(uncovered), (text.count(word), len(uncovered)))

        # The actions as spreadsheets: one column per field, typed cells.
        rows_expected = sum(1 + len(a.get('items', [])) for _, a in actions_of(plan))
        action_14 = next(a for _, a in hrs4r if a['number'] == '1.4')
        for lang in ('fr', 'en'):
            ods, xlsx, csv_path = path(f'actions-{lang}.ods'), path(f'actions-{lang}.xlsx'), path(f'actions-{lang}.csv')
            for out in (ods, xlsx):
                run = subprocess.run([JALONS, '--export=' + out, '--lang=' + lang, PLAN], capture_output=True, text=True)
                check(f'sheet {lang} {os.path.basename(out)}: written', run.returncode == 0, run.stderr)
            rows = read_ods(ods)
            check(f'sheet {lang} ods: a row per action and sub-item', len(rows) == rows_expected + 1,
                  (len(rows), rows_expected))
            header = [v for _, v in rows[0]]
            check(f'sheet {lang} ods: 36 fields', len(header) == 36 and header[0] == ('Type' if lang == 'fr' else 'Kind'),
                  header)
            row = next(r for r in rows if r[1][1] == '1.4')
            cells = dict(zip(header, row))
            due_by = cells['Échéance au plus tard le' if lang == 'fr' else 'Due by']
            check(f'sheet {lang} ods: dates as dates', due_by == ('date', '2022-12-31'), due_by)
            overdue = cells['En retard' if lang == 'fr' else 'Overdue']
            check(f'sheet {lang} ods: the overdue flag as a boolean', overdue[0] == 'boolean', overdue)
            semester = cells['Semestre d’échéance' if lang == 'fr' else 'Due semester']
            check(f'sheet {lang} ods: semesters sortable', semester == ('string', action_14['due']), semester)
            both = (cells['Intitulé (français)' if lang == 'fr' else 'Title (French)'][1],
                    cells['Intitulé (anglais)' if lang == 'fr' else 'Title (English)'][1])
            check(f'sheet {lang} ods: both languages', both == (action_14['title']['fr'], action_14['title']['en']), both)

            xrows = read_xlsx(xlsx)
            check(f'sheet {lang} xlsx: a row per action and sub-item', len(xrows) == rows_expected + 1,
                  (len(xrows), rows_expected))
            xrow = next(r for r in xrows if r.get('B') == ('inlineStr', '1.4'))
            check(f'sheet {lang} xlsx: dates as dates (2022-12-31)', xrow.get('AF') == ('date', '44926'), xrow.get('AF'))
            check(f'sheet {lang} xlsx: the overdue flag as a boolean', xrow.get('AJ', ('', ''))[0] == 'b', xrow.get('AJ'))
            check(f'sheet {lang} xlsx: both languages',
                  (xrow['J'][1], xrow['K'][1]) == (action_14['title']['fr'], action_14['title']['en']))

            sep = ';' if lang == 'fr' else ','
            run = subprocess.run([JALONS, '--export=' + csv_path, '--lang=' + lang, '--separator=' + sep, PLAN],
                                 capture_output=True, text=True)
            with open(csv_path, encoding='utf-8-sig', newline='') as f:
                records = list(csv.reader(f, delimiter=sep))
            check(f'csv {lang} “{sep}”: every row in 36 columns',
                  run.returncode == 0 and len(records) == rows_expected + 1 and all(len(r) == 36 for r in records),
                  (run.stderr, len(records)))
            record = next(r for r in records if r[1] == '1.4')
            check(f'csv {lang}: the nine first columns as before, then every field',
                  record[0] == 'action' and record[8] == 'RH' and record[30] == action_14['due']
                  and record[31] == '2022-12-31', record)
        run = subprocess.run([JALONS, '--export=' + path('x.csv'), '--separator=|', PLAN], capture_output=True, text=True)
        check('csv: an unknown separator is refused', run.returncode != 0 and 'separator' in run.stderr, run.stderr)

        # A row taller than a page goes on over the next pages, whole.
        tall = copy.deepcopy(plan)
        words = ' '.join(f'mot{n}' for n in range(6000))
        tall['objectives'][0]['actions'][0]['title'] = {'fr': 'DÉBUT ' + words + ' FIN', 'en': 'START ' + words + ' END'}
        tall_path = path('tall.json')
        with open(tall_path, 'w', encoding='utf-8') as f:
            json.dump(tall, f, ensure_ascii=False)
        export(path('tall.pdf'), 'actions', '--lang=en', plan=tall_path)
        text = pdf_text(path('tall.pdf'))
        found = set(re.findall(r'mot(\d+)', text))
        missing = sorted(set(str(n) for n in range(6000)) - found)[:5]
        check('pdf: a row taller than a page, every word of it',
              not missing and 'START' in text and 'END' in text, missing)
        check('pdf: a row taller than a page goes on over pages', pdf_pages(path('tall.pdf')) > 8)
        check('pdf: the rows after a tall row', not missing_titles(pdf_text(path('tall.pdf')), hrs4r[1:], 'en'))

        # The paper of a PDF document.
        export(path('a3.pdf'), 'principles', '--page=a3')
        info = subprocess.run(['pdfinfo', path('a3.pdf')], capture_output=True, text=True, check=True).stdout
        check('pdf: --page=a3 gives A3 pages', '1190.55 x 841.89' in info, info)

        # A filter keeps its actions only.
        out = path('filtered.odt')
        export(out, 'actions', '--lang=en', '--filter=objective:1')
        text = odf_text(read_odt(out)[1])
        one = [(o, a) for o, a in hrs4r if o['number'] == '1']
        others = [(o, a) for o, a in hrs4r if o['number'] != '1']
        check('filter: the actions of objective 1', not missing_titles(text, one, 'en'))
        check('filter: no other action', all(squash(a['title']['en']) not in squash(text) for _, a in others))

        # Errors name what is wrong and leave no file.
        check_report_pictures(path)
        check_period(path)
        check_gep_charts(path)

        run = export(path('x.odt'), 'nonsense', expect_ok=False)
        check('an unknown view is refused', run.returncode != 0 and 'nonsense' in run.stderr, run.stderr)
        run = export(path('none/x.docx'), 'actions', expect_ok=False)
        check('a folder that does not exist is an error', run.returncode != 0 and 'x.docx' in run.stderr,
              run.stderr)
        before = set(os.listdir(tmp))
        keep = path('kept.odt')
        with open(keep, 'w') as f:
            f.write('mine')
        run = export(keep, 'actions', '--filter=objective:', expect_ok=False)
        with open(keep) as f:
            check('a failed export leaves the file there as it was', run.returncode != 0 and f.read() == 'mine')
        check('no temporary file is left', set(os.listdir(tmp)) - before == {'kept.odt'},
              set(os.listdir(tmp)) - before)

    print(f'1..{len(results)}')
    for n, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {n} - {name}')
        if not ok:
            print(f'# {detail}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
