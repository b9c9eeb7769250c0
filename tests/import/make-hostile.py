#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the broken and hostile files the import must refuse: each is
refused with a message naming the file and the part or row, and nothing is
created from it."""

import zipfile
from pathlib import Path

here = Path(__file__).resolve().parent / "hostile"
here.mkdir(exist_ok=True)

ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:spreadsheet>')
ODS_TAIL = '</office:spreadsheet></office:body></office:document-content>'


def ods(name, content, extra=None):
    with zipfile.ZipFile(here / name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        for k, v in (extra or {}).items():
            z.writestr(k, v)


# Not a zip at all, under a spreadsheet's name.
(here / "not-a-zip.xlsx").write_text("Objectifs;N°;Comment ?\n1;1.1;This is text, not a workbook\n")

# A zip bomb: 64 MB of blanks in 64 kB.
ods("bomb.ods", ODS_HEAD + " " * (64 * 1024 * 1024) + ODS_TAIL)

# Entities that expand (a "billion laughs") and an external entity.
laughs = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [\n'
          ' <!ENTITY lol "lol">\n'
          ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
          ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
          ' <!ENTITY secret SYSTEM "file:///etc/passwd">\n'
          ']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc>'
          '<w:tc><w:p><w:r><w:t>Qui</w:t></w:r></w:p></w:tc></w:tr>'
          '<w:tr><w:tc><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:tc>'
          '<w:tc><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
with zipfile.ZipFile(here / "entities.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", laughs)

# A DTD to fetch from the network.
ods("external-dtd.ods", '<?xml version="1.0"?>\n<!DOCTYPE office:document-content SYSTEM '
    '"http://example.invalid/office.dtd">\n' + ODS_HEAD[ODS_HEAD.index("<office:document-content"):]
    + '<table:table table:name="A"><table:table-row><table:table-cell><text:p>Action</text:p>'
    '</table:table-cell></table:table-row></table:table>' + ODS_TAIL)

# A sheet with nothing in it.
ods("empty.ods", ODS_HEAD + '<table:table table:name="Feuille1"><table:table-row '
    'table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/>'
    '</table:table-row></table:table>' + ODS_TAIL)

# A million rows in a few bytes.
ods("million-rows.ods", ODS_HEAD + '<table:table table:name="Actions"><table:table-row>'
    '<table:table-cell><text:p>Action</text:p></table:table-cell><table:table-cell><text:p>Qui'
    '</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000000">'
    '<table:table-cell><text:p>Do it</text:p></table:table-cell><table:table-cell><text:p>RH</text:p>'
    '</table:table-cell></table:table-row></table:table>' + ODS_TAIL)

# A workbook whose sheet is cut off in the middle.
with zipfile.ZipFile(here / "cut-sheet.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main"><sheets><sheet name="Plan" sheetId="1"/></sheets></workbook>')
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?>\n<worksheet xmlns="http://schemas.'
               'openxmlformats.org/spreadsheetml/2006/main">\n<sheetData>\n<row r="1"><c r="A1" t="inlineStr">'
               '<is><t>Action</t></is></c><c r="B1" t="inlineStr"><is><t>Qui</t></is></c></row>\n<row r="2">'
               '<c r="A2" t="inlineStr"><is><t>Publish</t></is></c>\n<c r="B2" t="inl')
