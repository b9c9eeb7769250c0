#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the translations are complete.

Usage: po-complete.py SOURCE_ROOT

Fails, naming the offending file or string, when:
- a file under src/, ui/ or data/ has translatable strings but is not in po/POTFILES,
  or po/POTFILES names a file that does not exist;
- a catalogue listed in po/LINGUAS is missing, fails `msgfmt --check`, or has an
  untranslated or fuzzy entry;
- a string that xgettext extracts from the files of po/POTFILES is not in a catalogue,
  or xgettext warns about one (a format string cut by a macro cannot be translated).
"""

import os
import re
import subprocess
import sys
import tempfile

SCANNED_DIRS = ('src', 'ui', 'data')

# The same extraction rules as i18n.gettext (preset: 'glib') in po/meson.build.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--keyword=jln_translate:2',
    '--keyword=jln_translate_context:2c,3',
    '--keyword=jln_translate_plural:2,3',
    '--flag=jln_translate_plural:2:pass-c-format',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

C_SUFFIXES = ('.c', '.h')
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])'
                      r'(?:_|C_|N_|NC_|g_dngettext|dngettext|g_dcgettext|g_dpgettext2)\s*\(')
C_COMMENT_OR_LITERAL = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                                  re.S)
UI_MARKER = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''')
ALWAYS_TRANSLATED = re.compile(r'\.(?:desktop\.in|metainfo\.xml\.in|appdata\.xml\.in'
                               r'|gschema\.xml)(?:\.in)?$')

problems = []


def problem(message):
    problems.append(message)
    print(message)


def read_list(path):
    """Lines of a LINGUAS or POTFILES file, without comments and blank lines."""
    items = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                items.append(line)
    return items


def has_translatable_strings(path):
    name = os.path.basename(path)
    if ALWAYS_TRANSLATED.search(name):
        return True
    if name.endswith(C_SUFFIXES):
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        # Comments are dropped; string literals are kept whole so that "_(" inside one
        # does not count, and "//" inside one is not taken for a comment.
        code = C_COMMENT_OR_LITERAL.sub(
            lambda m: ' ' if m.group().startswith('/') else '""', text)
        # The definition of a marker (jln-gettext.h) is not a use of it.
        code = re.sub(r'^\s*#\s*define\b[^\n]*', '', code, flags=re.M)
        return C_MARKER.search(code) is not None
    if name.endswith('.ui'):
        with open(path, encoding='utf-8', errors='replace') as f:
            return UI_MARKER.search(f.read()) is not None
    return False


def files_needing_translation(root):
    found = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, root).replace(os.sep, '/'))
    return found


def unquote(token):
    """The value of a PO string literal, escapes resolved."""
    body = token.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(token)
    escapes = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a', 'b': '\b',
               'f': '\f', 'v': '\v'}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(1)), body[1:-1])


def parse_po(path):
    """Entries of a PO or POT file as dicts: ctxt, id, plural, strs, flags, refs, obsolete."""
    entries = []
    entry = None
    field = None

    def finish():
        nonlocal entry, field
        if entry is not None and entry['id'] is not None:
            entries.append(entry)
        entry = None
        field = None

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
                if line.startswith('|'):
                    continue
            if not line.strip():
                finish()
                continue
            if entry is None:
                entry = {'ctxt': None, 'id': None, 'plural': None, 'strs': {}, 'flags': set(),
                         'refs': [], 'obsolete': False}
            if obsolete:
                entry['obsolete'] = True
            if line.startswith('#,'):
                entry['flags'].update(flag.strip() for flag in line[2:].split(','))
                continue
            if line.startswith('#:'):
                entry['refs'].extend(line[2:].split())
                continue
            if line.startswith('#'):
                continue
            if line.startswith('"'):
                if field is None:
                    raise ValueError(f'{path}: unexpected string: {line}')
                kind, index = field
                if kind == 'msgstr':
                    entry['strs'][index] += unquote(line)
                else:
                    entry[kind] += unquote(line)
                continue
            keyword, _, value = line.partition(' ')
            match = re.fullmatch(r'msgstr\[(\d+)\]', keyword)
            if match:
                field = ('msgstr', int(match.group(1)))
                entry['strs'][field[1]] = unquote(value)
            elif keyword == 'msgstr':
                field = ('msgstr', 0)
                entry['strs'][0] = unquote(value)
            elif keyword in ('msgctxt', 'msgid', 'msgid_plural'):
                if keyword == 'msgctxt' and entry['id'] is not None:
                    # A new entry without a blank line before it.
                    finish()
                    entry = {'ctxt': None, 'id': None, 'plural': None, 'strs': {},
                             'flags': set(), 'refs': [], 'obsolete': obsolete}
                kind = {'msgctxt': 'ctxt', 'msgid': 'id', 'msgid_plural': 'plural'}[keyword]
                field = (kind, None)
                entry[kind] = unquote(value)
            else:
                raise ValueError(f'{path}: cannot read line: {line}')
    finish()
    return entries


def describe(entry):
    text = entry['id'].replace('\n', '\\n')
    if entry['ctxt'] is not None:
        text = f'{entry["ctxt"]}|{text}'
    return f'“{text}”'


def key(entry):
    return (entry['ctxt'], entry['id'], entry['plural'])


def check_potfiles(root, potfiles):
    listed = set()
    for name in potfiles:
        listed.add(name)
        if not os.path.isfile(os.path.join(root, name)):
            problem(f'po/POTFILES: {name}: no such file')
    for name in files_needing_translation(root):
        if name not in listed:
            problem(f'{name}: has translatable strings but is not listed in po/POTFILES')


def extract_strings(root, potfiles_path):
    existing = [name for name in read_list(potfiles_path)
                if os.path.isfile(os.path.join(root, name))]
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, 'POTFILES')
        with open(listing, 'w', encoding='utf-8') as f:
            f.write(''.join(name + '\n' for name in existing))
        pot = os.path.join(tmp, 'jalons.pot')
        result = subprocess.run(['xgettext', '--package-name=jalons', '-f', listing, '-D', root,
                                 '-o', pot, '--force-po'] + XGETTEXT_ARGS,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            problem(f'xgettext failed on the files of po/POTFILES:\n{result.stdout.strip()}')
            return []
        # A warning means a string that cannot be translated as written, such as a
        # format string cut by a macro: _("%" G_GINT64_FORMAT " items").
        for line in result.stdout.splitlines():
            if 'warning:' in line:
                problem(f'{line.replace(root + os.sep, "")}')
        return [e for e in parse_po(pot) if e['id'] != '']


# French typography: a no-break space (U+00A0) before « : ; ? ! » and after «, in
# messages of the command line too ("FILE : what"); an ordinary space there lets a
# line break before the sign.
FRENCH_SPACE = re.compile(r' [:;?!»]|« |%(?:\d\$)?s:(?:\s|$)')


def check_french_typography(relpath, entry):
    for text in entry['strs'].values():
        for line in text.split('\n'):
            match = FRENCH_SPACE.search(line)
            if match:
                around = line[max(0, match.start() - 20):match.end() + 10]
                problem(f'{relpath}: {describe(entry)}: no no-break space at “{around}”')
                break


def check_catalogue(root, lang, source_entries):
    relpath = f'po/{lang}.po'
    path = os.path.join(root, relpath)
    if not os.path.isfile(path):
        problem(f'{relpath}: missing, although po/LINGUAS lists “{lang}”')
        return

    result = subprocess.run(['msgfmt', '--check', '-o', os.devnull, path],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        problem(f'{relpath}: msgfmt --check failed:\n{result.stdout.strip()}')

    try:
        entries = [e for e in parse_po(path) if not e['obsolete']]
    except (ValueError, UnicodeDecodeError) as error:
        problem(f'{relpath}: cannot be read: {error}')
        return

    translated = {}
    for entry in entries:
        if 'fuzzy' in entry['flags']:
            what = 'header' if entry['id'] == '' else f'string {describe(entry)}'
            problem(f'{relpath}: fuzzy {what}')
        if entry['id'] == '':
            continue
        if not entry['strs'] or any(s == '' for s in entry['strs'].values()):
            problem(f'{relpath}: untranslated string {describe(entry)}')
        if lang == 'fr':
            check_french_typography(relpath, entry)
        translated[key(entry)] = entry

    wanted = set()
    for entry in source_entries:
        wanted.add(key(entry))
        if key(entry) not in translated:
            where = entry['refs'][0] if entry['refs'] else 'the sources'
            problem(f'{relpath}: missing string {describe(entry)} from {where}')

    for k, entry in translated.items():
        if k not in wanted:
            print(f'{relpath}: note: {describe(entry)} is no longer in the sources')


def main(argv):
    if len(argv) != 2:
        print(f'usage: {argv[0]} SOURCE_ROOT', file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])

    potfiles_path = os.path.join(root, 'po', 'POTFILES')
    linguas_path = os.path.join(root, 'po', 'LINGUAS')
    for path in (potfiles_path, linguas_path):
        if not os.path.isfile(path):
            problem(f'{os.path.relpath(path, root)}: missing')
    if problems:
        return 1

    check_potfiles(root, read_list(potfiles_path))
    source_entries = extract_strings(root, potfiles_path)

    languages = read_list(linguas_path)
    if not languages:
        problem('po/LINGUAS: no language')
    for lang in languages:
        check_catalogue(root, lang, source_entries)

    if problems:
        print(f'{len(problems)} translation problem(s)')
        return 1
    print(f'{len(source_entries)} strings, translated in: {", ".join(languages)}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
