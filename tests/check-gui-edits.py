#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails if a widget of src/gui changes a plan by field names or JSON.

Widgets ask the core for changes by intent (the typed commands of
src/core/jln-plan-edits.h, fields named by JlnPlanField); the names of
fields, the making of new records and the JSON of a value belong to the
core. So in the C sources of src/gui this check refuses:

- a call to jln_edit_new_set(), jln_edit_new_insert() or jln_record_new():
  they take field names, or a record made with them;
- a field name written as a string literal with a language suffix
  ("title-fr") or printed with one ("%s-%s", "title-%s");
- JsonBuilder or json_builder_*(), and json_to_string().

Grouping several commands (jln_edit_new_group(), jln_edit_group_add())
stays in the widgets: which changes make one step is their choice.

Usage: check-gui-edits.py PROJECT_ROOT
"""

import os
import re
import sys

RULES = [
    (re.compile(r'\bjln_edit_new_(set|insert)\s*\('),
     'builds an edit by field name: use a command of jln-plan-edits.h'),
    (re.compile(r'\bjln_record_new\s*\('),
     'makes a record by field names: use a command of jln-plan-edits.h'),
    (re.compile(r'"[a-z_]+-(fr|en|%s)"'),
     'writes a field name with its language: name the field by JlnPlanField'),
    (re.compile(r'"%s-%s"'),
     'prints a field name with its language: name the field by JlnPlanField'),
    (re.compile(r'\bJsonBuilder\b|\bjson_builder_\w+|\bjson_to_string\s*\('),
     'builds JSON: values are given to the core typed'),
]


def strip_comments(text):
    """Blanks comments, keeping line numbers."""
    def blank(match):
        return re.sub(r'[^\n]', ' ', match.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*', blank, text, flags=re.S)


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    gui = os.path.join(sys.argv[1], 'src', 'gui')
    problems = []
    for name in sorted(os.listdir(gui)):
        if not name.endswith('.c'):
            continue
        path = os.path.join(gui, name)
        with open(path, encoding='utf-8') as f:
            text = strip_comments(f.read())
        for number, line in enumerate(text.splitlines(), 1):
            for pattern, why in RULES:
                if pattern.search(line):
                    problems.append(f'src/gui/{name}:{number}: {why}: {line.strip()}')
    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} change(s) of a plan by field name or JSON in src/gui')
        return 1
    print('src/gui changes plans by typed commands only')
    return 0


if __name__ == '__main__':
    sys.exit(main())
