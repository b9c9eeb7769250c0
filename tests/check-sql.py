#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails if any SQL in src/ is built by formatting values into its text.

A plan file is written with prepared statements only: every value is
bound (sqlite3_bind_*), never printed into the SQL. This check reads the C
sources of src/ and looks at:

- every call that takes SQL text: sqlite3_exec(), sqlite3_prepare*() and
  the functions of src/ that take a `const char *sql` parameter (prepare(),
  exec(), query_int() in jln-store.c). The SQL must be a string literal, a
  local only ever set to literals, or the caller's own `sql` parameter
  passed on;
- every call that builds a string (g_strdup_printf(), g_string_append*(),
  g_strconcat(), sqlite3_mprintf()…) whose literal text holds an SQL
  keyword, or that appends to a GString named like SQL (sql, tables,
  indexes, *_sql): it must not use a format directive or a piece that is
  not a literal.

The only exception is SQL written from the field tables of the record
classes, in the functions of jln-store.c listed in ALLOWED below: table
and column names cannot be bound, so they are printed into the SQL, but
they come from compile-time tables (JlnKindInfo.table, JlnField.column),
never from a plan or the user, and the values of those statements are
still bound. Even there, a piece printed with %s or appended must be such
an identifier (IDENTIFIER_PIECES); numbers (%d, %u) are placeholder
indexes or compile-time constants.

Usage: check-sql.py PROJECT_ROOT
"""

import os
import re
import sys

# Functions of jln-store.c that may print identifiers into SQL, and why.
ALLOWED = {
    'src/core/jln-store.c': {
        # Column lists of a kind, from JlnField.column and column_type().
        'append_columns': 'column names and types from the field tables',
        # CREATE TABLE / CREATE INDEX for every kind, from the tables.
        'append_schema_sql': 'table, column and link-table names from the field tables',
        'migrate_0_to_1': 'executes the schema written by append_schema_sql()',
        'migrate_2_to_3': 'executes the tables of version 3 written by append_schema_sql()',
        'jln_store_create': 'executes the schema; PRAGMA values are compile-time constants',
        'jln_store_finish_create': 'executes the indexes written by append_schema_sql()',
        # PRAGMA takes no parameters: user_version and application_id are constants.
        'migrate': 'PRAGMA user_version/application_id from compile-time constants',
        'create_replica_tables': 'executes REPLICA_TABLES_SQL, a constant of literals',
        'expected_schema': 'executes the schema written by append_schema_sql() in a database in memory',
        'insert_sql': 'INSERT INTO <table> (<columns>) VALUES (?1, ?2…): names and placeholders',
        'insert_one': 'prepares the statement written by insert_sql(); values are bound',
        'load_kind': 'SELECT <columns> FROM <table>: names from the field tables',
        'load_links': 'SELECT … FROM <link table>: name from the field tables',
        'write_links': 'DELETE/INSERT on a link table named from the field tables',
        'shift_positions': 'UPDATE <table>: name from the field tables; values bound',
        'jln_store_delete': 'DELETE FROM / SELECT … FROM <table>: names from the field tables',
        'jln_store_update': 'UPDATE <table> SET <column> = ?1: names from the field tables',
        'jln_store_move': 'UPDATE <table>: name from the field tables; values bound',
    },
}

# What may be printed with %s, or appended, in an allowed function.
IDENTIFIER_PIECES = [
    re.compile(r'->(table|column)$'),                  # info->table, field->column
    re.compile(r'^links$'),                            # link_table (info, field)
    re.compile(r'^column_type \(.*\)$'),               # "INTEGER", "REAL", "TEXT"
    re.compile(r'^[\w\s>=<!.()-]+\?\s*("[^"]*"|column_type \([^)]*\))\s*:\s*"[^"]*"$'),
]

KEYWORDS = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|REPLACE|DROP|ALTER|'
                      r'VACUUM|ATTACH|WHERE|VALUES)\b')
SQL_NAMES = re.compile(r'^(sql|tables|indexes|query|\w+_sql)$')

# Calls that take SQL text: function → index of the SQL argument.
SQL_CALLS = {
    'sqlite3_exec': 1,
    'sqlite3_prepare': 1,
    'sqlite3_prepare_v2': 1,
    'sqlite3_prepare_v3': 1,
    'sqlite3_prepare16': 1,
    'sqlite3_prepare16_v2': 1,
    'sqlite3_prepare16_v3': 1,
}

# Calls that build strings: function → (index of the format or first
# piece, index of a GString target or None, printf-like).
BUILDERS = {
    'g_strdup_printf': (0, None, True),
    'g_strdup_vprintf': (0, None, True),
    'g_string_printf': (1, 0, True),
    'g_string_append_printf': (1, 0, True),
    'g_string_append_vprintf': (1, 0, True),
    'g_snprintf': (2, None, True),
    'snprintf': (2, None, True),
    'sprintf': (1, None, True),
    'sqlite3_mprintf': (0, None, True),
    'sqlite3_vmprintf': (0, None, True),
    'sqlite3_snprintf': (2, None, True),
    'g_strconcat': (0, None, False),
    'g_strjoin': (1, None, False),
    'g_string_new': (0, None, False),
    'g_string_append': (1, 0, False),
    'g_string_prepend': (1, 0, False),
    'g_string_append_len': (1, 0, False),
    'g_string_insert': (2, 0, False),
}

FORMAT_MACROS = {
    'G_GINT64_FORMAT': 'li', 'G_GUINT64_FORMAT': 'lu', 'G_GSIZE_FORMAT': 'lu',
    'G_GSSIZE_FORMAT': 'li', 'G_GINT32_FORMAT': 'i', 'G_GUINT32_FORMAT': 'u',
    'G_GOFFSET_FORMAT': 'li', 'PRId64': 'ld', 'PRIu64': 'lu',
}
DIRECTIVE = re.compile(r'%(?:\d+\$)?[-+ #0\']*(\*|\d+)?(?:\.(\*|\d+))?'
                       r'(hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])')

TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<pre>^[ \t]*\#(?:[^\n\\]|\\.)*)
  | (?P<string>(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<number>\.?\d[\w.]*)
  | (?P<space>\s+)
  | (?P<op>->|\+\+|--|<<=|>>=|<<|>>|[<>!=+\-*/%&|^]=|&&|\|\||.)
''', re.S | re.M | re.X)


class Token:
    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line

    def __repr__(self):
        return self.text


def tokenize(source):
    tokens, macros = [], {}
    line = 1
    for match in TOKEN.finditer(source):
        kind = match.lastgroup
        text = match.group()
        if kind == 'pre':
            define = re.match(r'\s*#\s*define\s+(\w+)\s+((?:"(?:[^"\\]|\\.)*"\s*)+)$', text)
            if define:
                macros[define.group(1)] = define.group(2)
        elif kind not in ('comment', 'space'):
            tokens.append(Token(kind, text, line))
        line += text.count('\n')
    return tokens, macros


def matching(tokens, i):
    """Index of the bracket closing tokens[i]."""
    pairs = {'(': ')', '[': ']', '{': '}'}
    stack = []
    for j in range(i, len(tokens)):
        text = tokens[j].text
        if text in pairs:
            stack.append(pairs[text])
        elif stack and text == stack[-1]:
            stack.pop()
            if not stack:
                return j
    raise ValueError('unbalanced bracket at line %d' % tokens[i].line)


def split_args(tokens, open_index):
    """The arguments of the call whose '(' is at open_index, as token lists."""
    close = matching(tokens, open_index)
    args, current, depth = [], [], 0
    for token in tokens[open_index + 1:close]:
        if token.text in '([{':
            depth += 1
        elif token.text in ')]}':
            depth -= 1
        if token.text == ',' and depth == 0:
            args.append(current)
            current = []
        else:
            current.append(token)
    if current or args:
        args.append(current)
    return args, close


def text_of(tokens):
    out = ''
    for token in tokens:
        if out and (token.kind in ('ident', 'number', 'string') or token.text == '(') \
                and not out.endswith(('(', '!', '-', '>', '.')):
            out += ' '
        elif out and token.text in ('?', ':', '==', '!=', '>', '<', '>=', '<=', '+', '-') \
                and not out.endswith(' '):
            out += ' '
        out += token.text
        if token.text in ('?', ':', ',', '==', '!=', '>', '<', '>=', '<=', '+'):
            out += ' '
    return re.sub(r'\s+', ' ', out).replace('- >', '->').strip()


def literal_value(tokens, macros):
    """The text of an argument made of string literals (and macros that are
    string literals or format macros), or None."""
    if not tokens:
        return None
    value = ''
    for token in tokens:
        if token.kind == 'string':
            value += re.sub(r'^(u8|[uUL])?"|"$', '', token.text)
        elif token.kind == 'ident' and token.text in FORMAT_MACROS:
            value += FORMAT_MACROS[token.text]
        elif token.kind == 'ident' and token.text in macros:
            value += ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', macros[token.text]))
        else:
            return None
    return value


def functions(tokens):
    """(name, parameter tokens, first body index, last body index) of each
    function definition."""
    i = 0
    while i < len(tokens):
        if tokens[i].text == '{':
            end = matching(tokens, i)
            if i >= 1 and tokens[i - 1].text == ')':
                # Back to the '(' of the parameter list, and the name before it.
                depth, j = 0, i - 1
                while j >= 0:
                    if tokens[j].text == ')':
                        depth += 1
                    elif tokens[j].text == '(':
                        depth -= 1
                        if depth == 0:
                            break
                    j -= 1
                if j > 0 and tokens[j - 1].kind == 'ident':
                    params, _ = split_args(tokens, j)
                    yield tokens[j - 1].text, params, i + 1, end
            i = end + 1
        else:
            i += 1


def sql_parameter(params):
    """Index of a `const char *sql` parameter, or None."""
    for index, param in enumerate(params):
        words = [t.text for t in param]
        if len(words) >= 3 and words[-1] == 'sql' and words[-2] == '*' and 'char' in words:
            return index
    return None


class Checker:
    def __init__(self, root):
        self.root = root
        self.problems = []
        self.sql_calls = 0
        self.built = 0
        self.allowed_used = set()
        self.sources = {}
        for directory, _, names in os.walk(os.path.join(root, 'src')):
            for name in sorted(names):
                if name.endswith(('.c', '.h')):
                    path = os.path.join(directory, name)
                    with open(path, encoding='utf-8') as f:
                        self.sources[os.path.relpath(path, root)] = tokenize(f.read())
        # Functions of src/ that take SQL text, like SQL_CALLS.
        self.sinks = dict(SQL_CALLS)
        for tokens, _ in self.sources.values():
            for name, params, _, _ in functions(tokens):
                index = sql_parameter(params)
                if index is not None:
                    self.sinks[name] = index

    def problem(self, path, token, function, message):
        self.problems.append('%s:%d: %s(): %s' % (path, token.line, function, message))

    def is_constant(self, arg, body, macros, own_sql):
        if literal_value(arg, macros) is not None:
            return True
        if len(arg) != 1 or arg[0].kind != 'ident':
            return False
        name = arg[0].text
        if name == own_sql:
            return True     # the caller's SQL, passed on: checked at the caller
        # A local only ever set to literals.
        values = []
        for k, token in enumerate(body[:-1]):
            if token.text == name and body[k + 1].text == '=' \
                    and (k == 0 or body[k - 1].text not in ('.', '->')):
                end = k + 2
                depth = 0
                while end < len(body) and not (depth == 0 and body[end].text in (';', ',')):
                    depth += body[end].text in '([{'
                    depth -= body[end].text in ')]}'
                    end += 1
                values.append(body[k + 2:end])
        return bool(values) and all(literal_value(v, macros) is not None for v in values)

    def check_pieces(self, path, function, call, args, start, printf, macros):
        """In an allowed function: what is printed with %s or appended must
        be an identifier from the field tables."""
        pieces = []
        if printf:
            fmt = literal_value(args[start], macros) if start < len(args) else None
            if fmt is None:
                self.problem(path, call, function,
                             'the format of %s() is not a literal' % call.text)
                return
            arg = start + 1
            for directive in DIRECTIVE.finditer(fmt):
                if directive.group(4) == '%':
                    continue
                arg += (directive.group(1) == '*') + (directive.group(2) == '*')
                if directive.group(4) == 's' and arg < len(args):
                    pieces.append(args[arg])
                elif directive.group(4) not in 'diuxXc':
                    self.problem(path, call, function,
                                 '%%%s in SQL built by %s()' % (directive.group(4), call.text))
                arg += 1
        else:
            pieces = [a for a in args[start:] if literal_value(a, macros) is None
                      and text_of(a) != 'NULL']
        for piece in pieces:
            text = text_of(piece)
            if not any(pattern.search(text) for pattern in IDENTIFIER_PIECES):
                self.problem(path, piece[0] if piece else call, function,
                             '`%s` is printed into SQL by %s(), and it is not an identifier '
                             'from the field tables' % (text, call.text))

    def check_function(self, path, tokens, macros, name, params, first, last):
        allowed = name in ALLOWED.get(path, {})
        own_sql = None
        if sql_parameter(params) is not None:
            own_sql = 'sql'
        body = tokens[first:last]
        for k in range(first, last):
            call = tokens[k]
            if call.kind != 'ident' or k + 1 >= last or tokens[k + 1].text != '(':
                continue
            if k > 0 and tokens[k - 1].text in ('.', '->'):
                continue
            args, _ = split_args(tokens, k + 1)

            if call.text in self.sinks and self.sinks[call.text] < len(args):
                arg = args[self.sinks[call.text]]
                self.sql_calls += 1
                if not self.is_constant(arg, body, macros, own_sql):
                    if allowed:
                        self.allowed_used.add((path, name))
                    else:
                        self.problem(path, call, name,
                                     'the SQL given to %s() is built at run time: `%s`; '
                                     'write it as a literal and bind the values'
                                     % (call.text, text_of(arg)))

            if call.text in BUILDERS:
                start, target, printf = BUILDERS[call.text]
                if start >= len(args):
                    continue
                literals = ' '.join(t.text for a in args for t in a if t.kind == 'string')
                target_name = text_of(args[target]) if target is not None else ''
                is_sql = bool(KEYWORDS.search(literals)) or bool(SQL_NAMES.match(target_name))
                if not is_sql:
                    continue
                if printf:
                    fmt = literal_value(args[start], macros)
                    formats = fmt is None or any(d.group(4) != '%' for d in DIRECTIVE.finditer(fmt))
                else:
                    formats = any(literal_value(a, macros) is None and text_of(a) != 'NULL'
                                  for a in args[start:])
                if not formats:
                    continue
                self.built += 1
                if allowed:
                    self.allowed_used.add((path, name))
                    self.check_pieces(path, name, call, args, start, printf, macros)
                else:
                    self.problem(path, call, name,
                                 'SQL is built with %s() from pieces that are not literals; '
                                 'bind the values to a prepared statement instead' % call.text)

    def run(self):
        for path, (tokens, macros) in sorted(self.sources.items()):
            for name, params, first, last in functions(tokens):
                self.check_function(path, tokens, macros, name, params, first, last)
        for path, names in ALLOWED.items():
            for name in names:
                if (path, name) not in self.allowed_used:
                    print('note: %s: %s() is allowed to build SQL but no longer does; '
                          'it can leave the allow-list' % (path, name))
        for problem in self.problems:
            print(problem)
        if self.problems:
            print('%d SQL statement(s) built from values: every value must be bound' %
                  len(self.problems))
            return 1
        print('%d SQL calls and %d built statements in %d files: values are bound; '
              'identifiers printed only by the %d allowed functions of jln-store.c' %
              (self.sql_calls, self.built, len(self.sources), len(self.allowed_used)))
        return 0


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1])
        return 2
    return Checker(sys.argv[1]).run()


if __name__ == '__main__':
    sys.exit(main())
