#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that Rapport's translations are complete and up to date.

Usage: check-po.py SOURCE_DIR

Run from any folder (meson runs it from the build folder); nothing is written
into the source folder. It fails, naming the file, when:

  (a) a file under src/ or data/ has translatable strings but is not listed in
      po/POTFILES.in (list it there, or in po/POTFILES.skip when it must not
      be translated);
  (b) an entry of po/POTFILES.in does not exist;
  (c) a catalogue named in po/LINGUAS is missing, does not pass
      `msgfmt --check`, or has untranslated or fuzzy entries;
  (d) a string extracted from the sources with xgettext (the keywords of
      meson's 'glib' preset) is missing from a catalogue, i.e. the catalogue
      was not merged after the strings changed.

To fix (c) and (d): `meson compile -C _build rapport-pot`, then
`msgmerge --update po/LL.po po/rapport.pot` and translate.

Python 3 standard library only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n 'glib' preset, so the strings found
# here are exactly the ones `meson compile rapport-pot` extracts.
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

SCANNED_DIRS = ('src', 'data')

C_SUFFIXES = ('.c', '.h')
UI_SUFFIXES = ('.ui',)
DESKTOP_SUFFIXES = ('.desktop.in',)
XML_SUFFIXES = ('.metainfo.xml.in', '.appdata.xml.in', '.gschema.xml')

C_GETTEXT_RE = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(\s*"'
    r'|(?<![A-Za-z0-9_])(?:g_dngettext|ngettext|g_dcgettext|g_dpgettext2'
    r'|g_dgettext|gettext|dgettext|dngettext|pgettext)\s*\(')
UI_TRANSLATABLE_RE = re.compile(
    r'''translatable\s*=\s*["'](?:yes|true|1)["']''')
DESKTOP_TRANSLATABLE_RE = re.compile(
    r'^(?:Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=\s*\S',
    re.MULTILINE)

MAX_LISTED = 25


class Checker:
    def __init__(self, srcdir):
        self.srcdir = os.path.abspath(srcdir)
        self.podir = os.path.join(self.srcdir, 'po')
        self.errors = []
        self.notes = []

    # Reporting

    def error(self, message):
        self.errors.append(message)
        print('check-po: error: ' + message, file=sys.stderr)

    def note(self, message):
        self.notes.append(message)
        print('check-po: ' + message, file=sys.stderr)

    # Helpers

    def rel(self, path):
        return os.path.relpath(path, self.srcdir).replace(os.sep, '/')

    def read_list(self, name, allow_missing=False):
        """Reads a POTFILES-style list: one entry a line, # comments."""
        path = os.path.join(self.podir, name)
        if not os.path.exists(path):
            if not allow_missing:
                self.error('po/%s does not exist' % name)
            return []
        entries = []
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.split('#', 1)[0].strip()
                # Intltool-style "[type: gettext/glade]" prefixes.
                line = re.sub(r'^\[[^\]]*\]\s*', '', line)
                if line:
                    entries.append(line)
        return entries

    def read_linguas(self):
        path = os.path.join(self.podir, 'LINGUAS')
        if not os.path.exists(path):
            self.error('po/LINGUAS does not exist')
            return []
        langs = []
        with open(path, encoding='utf-8') as f:
            for line in f:
                langs.extend(line.split('#', 1)[0].split())
        return langs

    @staticmethod
    def strip_c_comments(text):
        """Blanks C comments, keeping string literals, so a gettext call that
        is only mentioned in a comment does not count."""
        out = []
        i = 0
        n = len(text)
        while i < n:
            c = text[i]
            if c == '/' and i + 1 < n and text[i + 1] == '*':
                end = text.find('*/', i + 2)
                i = n if end < 0 else end + 2
                out.append(' ')
            elif c == '/' and i + 1 < n and text[i + 1] == '/':
                end = text.find('\n', i + 2)
                i = n if end < 0 else end
                out.append(' ')
            elif c in '"\'':
                j = i + 1
                while j < n and text[j] != c and text[j] != '\n':
                    j += 2 if text[j] == '\\' else 1
                out.append(text[i:j + 1])
                i = j + 1
            else:
                out.append(c)
                i += 1
        return ''.join(out)

    def has_translatable_strings(self, path):
        name = os.path.basename(path)
        try:
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
        except OSError as e:
            self.error('cannot read %s: %s' % (self.rel(path), e))
            return False
        if name.endswith(C_SUFFIXES):
            return bool(C_GETTEXT_RE.search(self.strip_c_comments(text)))
        if name.endswith(UI_SUFFIXES):
            return bool(UI_TRANSLATABLE_RE.search(text))
        if name.endswith(DESKTOP_SUFFIXES):
            return bool(DESKTOP_TRANSLATABLE_RE.search(text))
        if name.endswith(XML_SUFFIXES):
            # Ask xgettext: the ITS rules decide what is translatable.
            return bool(self.extract_file_ids([path]))
        return False

    # po parsing

    @staticmethod
    def parse_po(path):
        """Returns {(msgctxt, msgid, msgid_plural): flags} for the live
        (not obsolete) entries of a .po/.pot file, without the header."""
        entries = {}
        current = {}
        flags = set()
        field = None

        def unquote(s):
            s = s.strip()
            if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
                s = s[1:-1]
            escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}
            return re.sub(r'\\(.)',
                          lambda m: escapes.get(m.group(1),
                                                '\\' + m.group(1)), s)

        def finish():
            if 'msgid' in current:
                # A string that became plural, or stopped being one, needs
                # a new translation too.
                key = (current.get('msgctxt'), current['msgid'],
                       current.get('msgid_plural'))
                if key[:2] != (None, ''):
                    entries[key] = set(flags)

        with open(path, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
        for line in lines:
            s = line.strip()
            if s.startswith('#~'):
                continue
            seen_msgstr = any(k.startswith('msgstr') for k in current)
            if not s or (s.startswith('#') and seen_msgstr):
                finish()
                current, flags, field = {}, set(), None
                if not s:
                    continue
            if s.startswith('#'):
                if s.startswith('#,'):
                    flags.update(x.strip() for x in s[2:].split(','))
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)'
                         r'\s*(".*")$', s)
            if m:
                field = m.group(1)
                if field in ('msgctxt', 'msgid') and seen_msgstr:
                    finish()
                    current, flags = {}, set()
                current[field] = unquote(m.group(2))
            elif s.startswith('"') and field is not None:
                current[field] += unquote(s)
        finish()
        return entries

    # xgettext

    def run(self, argv, **kwargs):
        env = dict(os.environ, LC_ALL='C', LANGUAGE='C')
        return subprocess.run(argv, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, universal_newlines=True,
                              **kwargs)

    def xgettext_group(self, files, language, output):
        argv = [self.xgettext] + XGETTEXT_ARGS + [
            '--package-name=rapport', '-D', self.srcdir, '-o', output]
        if language:
            argv.append('--language=' + language)
        argv += [self.rel(f) for f in files]
        proc = self.run(argv, cwd=self.srcdir)
        if proc.returncode != 0:
            self.error('xgettext failed on %s:\n%s'
                       % (', '.join(self.rel(f) for f in files),
                          proc.stderr.strip()))
            return False
        return True

    def ui_language(self):
        # GTK 4 ships gtk4builder.its, which meson's xgettext call picks by
        # the .ui suffix; it also accepts translatable="true". Without it,
        # fall back to xgettext's own Glade rules.
        for d in os.environ.get('XDG_DATA_DIRS',
                                '/usr/local/share:/usr/share').split(':'):
            if os.path.exists(os.path.join(d, 'gettext', 'its',
                                           'gtk4builder.loc')):
                return None
        return 'Glade'

    def extract_ids(self, files, tmpdir):
        """Extracts every msgid of the files into one POT; returns its keys
        or None when xgettext failed."""
        groups = {}
        for f in files:
            name = os.path.basename(f)
            if name.endswith(C_SUFFIXES):
                groups.setdefault('C', []).append(f)
            elif name.endswith(UI_SUFFIXES):
                groups.setdefault(('ui', self.ui_language()), []).append(f)
            elif name.endswith(DESKTOP_SUFFIXES):
                groups.setdefault('Desktop', []).append(f)
            else:
                # XML files (metainfo, gschema) go through the ITS locating
                # rules installed in /usr/share/gettext/its.
                groups.setdefault(None, []).append(f)
        keys = {}
        ok = True
        for i, (group, group_files) in enumerate(sorted(
                groups.items(), key=lambda kv: repr(kv[0]))):
            language = group[1] if isinstance(group, tuple) else group
            pot = os.path.join(tmpdir, 'part%d.pot' % i)
            if not self.xgettext_group(group_files, language, pot):
                ok = False
                continue
            if os.path.exists(pot):  # xgettext writes nothing if no strings
                keys.update(self.parse_po(pot))
        return keys if ok else None

    def extract_file_ids(self, files):
        with tempfile.TemporaryDirectory(prefix='check-po-') as tmpdir:
            return self.extract_ids(files, tmpdir) or {}

    # The checks

    def check_potfiles(self):
        listed = self.read_list('POTFILES.in')
        skipped = set(self.read_list('POTFILES.skip', allow_missing=True))
        existing = []
        for entry in listed:
            path = os.path.join(self.srcdir, entry)
            if not os.path.isfile(path):
                self.error('po/POTFILES.in lists %s, which does not exist'
                           % entry)
            else:
                existing.append(path)

        listed_set = set(os.path.normpath(e) for e in listed)
        for top in SCANNED_DIRS:
            for root, dirs, files in os.walk(os.path.join(self.srcdir, top)):
                dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
                for name in sorted(files):
                    path = os.path.join(root, name)
                    rel = self.rel(path)
                    if os.path.normpath(rel) in listed_set or rel in skipped:
                        continue
                    if not name.endswith(C_SUFFIXES + UI_SUFFIXES +
                                         DESKTOP_SUFFIXES + XML_SUFFIXES):
                        continue
                    if self.has_translatable_strings(path):
                        self.error('%s has translatable strings but is not '
                                   'listed in po/POTFILES.in' % rel)
        return existing

    def check_catalogues(self, langs):
        catalogues = {}
        for lang in langs:
            po = os.path.join(self.podir, lang + '.po')
            rel = self.rel(po)
            if not os.path.isfile(po):
                self.error('%s is named in po/LINGUAS but does not exist'
                           % rel)
                continue
            proc = self.run([self.msgfmt, '--check', '--statistics',
                             '-o', os.devnull, po])
            output = (proc.stderr + proc.stdout).strip()
            if proc.returncode != 0:
                self.error('%s does not pass msgfmt --check:\n%s'
                           % (rel, output))
                continue

            def count(pattern):
                m = re.search(r'(\d+) ' + pattern, output)
                return int(m.group(1)) if m else 0

            translated = count(r'translated message')
            fuzzy = count(r'fuzzy translation')
            untranslated = count(r'untranslated message')
            summary = ('%s: %d translated, %d fuzzy, %d untranslated'
                       % (rel, translated, fuzzy, untranslated))
            if fuzzy or untranslated:
                self.error('%s is incomplete (%d fuzzy, %d untranslated; '
                           '%d translated)'
                           % (rel, fuzzy, untranslated, translated))
            else:
                self.note(summary)
            catalogues[lang] = po
        return catalogues

    def check_stale(self, sources, catalogues):
        with tempfile.TemporaryDirectory(prefix='check-po-') as tmpdir:
            source_keys = self.extract_ids(sources, tmpdir)
        if source_keys is None:
            return
        self.note('%d strings in %d source files'
                  % (len(source_keys), len(sources)))

        def show(key):
            ctxt, msgid, plural = key
            text = msgid if len(msgid) <= 70 else msgid[:67] + '...'
            text = '"%s"' % text.replace('\n', '\\n')
            if ctxt is not None:
                text += ' (context "%s")' % ctxt
            if plural is not None:
                text += ' (plural)'
            return text

        for lang, po in sorted(catalogues.items()):
            rel = self.rel(po)
            po_keys = self.parse_po(po)
            missing = [k for k in source_keys if k not in po_keys]
            if missing:
                listing = '\n'.join('    ' + show(k)
                                    for k in missing[:MAX_LISTED])
                more = ('\n    ... and %d more' % (len(missing) - MAX_LISTED)
                        if len(missing) > MAX_LISTED else '')
                self.error('%s is stale: %d source strings are missing from '
                           'it; run `meson compile rapport-pot` and msgmerge:'
                           '\n%s%s' % (rel, len(missing), listing, more))
            unused = [k for k in po_keys if k not in source_keys]
            if unused:
                self.note('%s has %d entries no longer in the sources '
                          '(msgmerge marks them obsolete)'
                          % (rel, len(unused)))

    def main(self):
        for tool in ('xgettext', 'msgfmt'):
            path = shutil.which(tool)
            if not path:
                self.error('%s not found: install gettext' % tool)
                return 1
            setattr(self, tool, path)
        if not os.path.isdir(self.podir):
            self.error('%s is not a source folder with a po/ folder'
                       % self.srcdir)
            return 1

        sources = self.check_potfiles()
        langs = self.read_linguas()
        catalogues = self.check_catalogues(langs)
        if sources:
            self.check_stale(sources, catalogues)

        if self.errors:
            print('check-po: FAILED with %d error(s)' % len(self.errors),
                  file=sys.stderr)
            return 1
        print('check-po: OK: %d catalogues (%s) complete and up to date'
              % (len(catalogues), ' '.join(sorted(catalogues))),
              file=sys.stderr)
        return 0


def main():
    parser = argparse.ArgumentParser(
        description='Check po/POTFILES.in and the translations.')
    parser.add_argument('srcdir', help='the top source folder')
    args = parser.parse_args()
    return Checker(args.srcdir).main()


if __name__ == '__main__':
    sys.exit(main())
