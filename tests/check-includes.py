#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails if a page or dialog of src/gui depends on the window it is in.

Every page and dialog gets what it shows from the window's session
(JlnSession, in its "session" property); none of them asks the window.
This check reads the C sources and headers of src/gui and fails:

- if a file other than the window's own (jln-window.c, jln-window-*.c,
  jln-window*.h) and the application's (jln-application.c) includes
  jln-window.h or jln-window-private.h;
- if such a file names the window's type (JlnWindow, JLN_WINDOW,
  JLN_IS_WINDOW, jln_window_*), as a page would that finds its window
  through gtk_widget_get_root();
- if the includes between the classes of src/gui make a cycle. A class is
  the files of one name (jln-window.c, jln-window-actions.c and
  jln-window.h are all the window). The application and its windows use
  each other, as in every GTK application (it makes them; they ask it for
  the other windows): that one pair is left out.

Usage: check-includes.py PROJECT_ROOT
"""

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
WINDOW_NAMES = re.compile(r'\b(JlnWindow|JLN_WINDOW|JLN_IS_WINDOW|JLN_TYPE_WINDOW|jln_window_\w+)\b')
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.DOTALL)

# Which class a file is part of: jln-window-actions.c is the window's.
WINDOW_PARTS = re.compile(r'^jln-window(-[a-z-]+)?$')
ALLOWED_PAIRS = {('jln-application', 'jln-window'), ('jln-window', 'jln-application')}


def class_of(filename):
    stem = os.path.splitext(filename)[0]
    if WINDOW_PARTS.match(stem):
        return 'jln-window'
    return stem


def may_know_window(filename):
    return class_of(filename) in ('jln-window', 'jln-application')


def find_cycle(graph):
    """A cycle of the graph as a list of nodes, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {node: WHITE for node in graph}
    stack = []

    def visit(node):
        colour[node] = GREY
        stack.append(node)
        for succ in sorted(graph[node]):
            if colour.get(succ, BLACK) == GREY:
                return stack[stack.index(succ):] + [succ]
            if colour.get(succ) == WHITE:
                found = visit(succ)
                if found:
                    return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE:
            found = visit(node)
            if found:
                return found
    return None


def main():
    root = sys.argv[1]
    gui = os.path.join(root, 'src', 'gui')
    files = sorted(f for f in os.listdir(gui) if f.endswith(('.c', '.h')))
    classes = {class_of(f) for f in files}
    graph = {c: set() for c in classes}
    failures = []

    for filename in files:
        with open(os.path.join(gui, filename), encoding='utf-8') as f:
            text = f.read()
        owner = class_of(filename)
        for included in INCLUDE.findall(text):
            target = class_of(included)
            if target == 'jln-window' and not may_know_window(filename):
                failures.append(f'src/gui/{filename} includes {included}: '
                                'a page gets what it shows from its "session" property')
            if target in classes and target != owner and (owner, target) not in ALLOWED_PAIRS:
                graph[owner].add(target)
        if not may_know_window(filename):
            for name in sorted(set(WINDOW_NAMES.findall(COMMENT.sub('', text)))):
                failures.append(f'src/gui/{filename} uses {name}: '
                                'a page does not find or ask its window')

    cycle = find_cycle(graph)
    if cycle:
        failures.append('the includes of src/gui make a cycle: ' + ' -> '.join(cycle))

    for failure in failures:
        print(failure)
    if failures:
        return 1
    print(f'{len(files)} files of src/gui: no page knows its window, no include cycle')
    return 0


if __name__ == '__main__':
    sys.exit(main())
