#!/usr/bin/python3
# test-customer-search.py — searching customers, typed like a person would
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a database with `rapport demo --customers 300` and imports one
# known customer from a CSV file with `rapport import customers`, as a user
# would. Starts the real rapport binary on it, opens the Customers page,
# clicks into the search entry and types queries with real keys (xdotool):
# Chinese of four, two and one characters, the contact's phone number and
# the pinyin initials of the name. After each one the count under the list
# must say how many customers match, counted independently in the database,
# and the list must show the known customer. A click on its row must show
# it in the detail pane. Keeps a screenshot of each step, then quits with
# Ctrl+Q and expects exit status 0 and no warnings.
#
# Output is TAP. Nothing but TAP goes to stdout; notes are '# ' comments.
#
# Run it with the system /usr/bin/python3, which has pyatspi. It needs
# $DISPLAY, a session bus, xdotool and ImageMagick's import.

import argparse
import os
import re
import shutil
import sqlite3
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

DEMO_CUSTOMERS = 300

# The known customer. The name and the contact's name are of a kind the
# demo data has, but the test checks they are found nowhere else.
NAME = '杭州鑫泰网络科技有限公司'
CONTACT = '欧阳娜娜'
PHONE = '13912345678'

# (slug for the screenshot, query, what it tries). Each is typed after the
# search entry was emptied. For all but the one-character query the known
# customer must be the only match.
QUERIES = [
    ('name', '鑫泰网络', 'four Chinese characters of the name'),
    ('contact', '娜娜', 'two Chinese characters of the contact’s name'),
    ('one-char', '鑫', 'one Chinese character'),
    ('phone', PHONE, 'the contact’s phone number'),
    # Hang Zhou Xin Tai Wang Luo.
    ('initials', 'hzxtwl', 'the pinyin initials of the name'),
]

# The search entry searches 150 ms after the last key, so right after the
# last key the count may still be the one for the query without it: the
# expected count must hold for longer than that.
SEARCH_SETTLE = 0.5

COUNT_ALL = re.compile(r'^(\d+) customers?$')
COUNT_SOME = re.compile(r'^(\d+) of (\d+) customers?$')


def matching_customers(connection, term):
    """The names of the customers with @term in a field the search entry
    promises to look at (its accessible description): name, code, notes,
    a contact's name, phone or e-mail, a tag. Read from the tables, not
    from the app's search index, so that the index is what is tested."""
    rows = connection.execute(
        '''SELECT c.name FROM customer c
           WHERE instr(c.name, :t) OR instr(ifnull(c.code, ''), :t)
              OR instr(ifnull(c.notes, ''), :t)
              OR EXISTS (SELECT 1 FROM contact k WHERE k.customer_id = c.id
                           AND (instr(k.name, :t) OR instr(ifnull(k.phone, ''), :t)
                                OR instr(ifnull(k.email, ''), :t)))
              OR EXISTS (SELECT 1 FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id
                           WHERE ct.customer_id = c.id AND instr(t.name, :t))''',
        {'t': term}).fetchall()
    return sorted(name for (name,) in rows)


def expected_matches(database, tap):
    """For each query, the names of the customers it must find; and the
    number of customers. Checks that the known customer is unique."""
    connection = sqlite3.connect('file:%s?mode=ro' % database, uri=True)
    try:
        total = connection.execute('SELECT count(*) FROM customer').fetchone()[0]
        expected = {}
        for slug, query, _ in QUERIES:
            found = matching_customers(connection, query)
            if slug == 'initials':
                # Pinyin is the app's own to compute; only check that no
                # other name has the same initials and no field the text.
                same = [name for (name,) in connection.execute(
                    'SELECT name FROM customer WHERE name_initials LIKE ?',
                    (query + '%',))]
                if found or same != [NAME]:
                    raise Fatal('test data: %r should stand for %s only, but '
                                'the text is in %r and the initials of %r'
                                % (query, NAME, found, same))
                found = [NAME]
            expected[slug] = found
        clashes = {slug: names for slug, names in expected.items()
                   if slug != 'one-char' and names != [NAME]}
        tap.ok(not clashes and NAME in expected['one-char'],
               'the test data has one customer with each query, the known one',
               'the demo data changed; matches: %r' % clashes)
        if clashes:
            raise Fatal('choose another known customer')
        return expected, total
    finally:
        connection.close()


def count_label(frame):
    """The label under the list that counts the customers shown."""
    labels = e2e.find_all(
        frame, pyatspi.ROLE_LABEL,
        where=lambda n: (COUNT_ALL.match(e2e.text_of(n))
                         or COUNT_SOME.match(e2e.text_of(n))))
    labels = [label for label in labels if e2e.has_size(label)]
    return labels[0] if len(labels) == 1 else None


def name_column(table):
    """The index of the "Name" column, from the column view's header row."""
    for row in e2e.find_all(table, pyatspi.ROLE_TABLE_ROW):
        titles = [e2e.text_of(label)
                  for cell in e2e.children_of(row)
                  for label in e2e.find_all(cell, pyatspi.ROLE_LABEL)]
        if 'Name' in titles and all(c.getRole() != pyatspi.ROLE_TABLE_CELL
                                    for c in e2e.children_of(row)):
            return titles.index('Name')
    return None


def shown_rows(table):
    """The data rows of the column view that are on screen, top to bottom:
    a list view keeps a few unused rows around, with no size."""
    rows = []
    for row in e2e.find_all(table, pyatspi.ROLE_TABLE_ROW):
        cells = e2e.children_of(row)
        if not cells or any(c.getRole() != pyatspi.ROLE_TABLE_CELL for c in cells):
            continue  # The header row.
        e = e2e.window_extents(row)
        if e.width > 0 and e.height > 0:
            rows.append((e.y, row))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def cell_text(row, column):
    cell = e2e.children_of(row)[column]
    return ' '.join(e2e.text_of(label)
                    for label in e2e.find_all(cell, pyatspi.ROLE_LABEL))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'customer-search-'
    workdir = e2e.make_workdir('search')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        app = e2e.App(binary, workdir, os.path.join(workdir, 'rapport.db'))

        # The data, made the way a user makes it.
        app.cli('demo', '--customers', str(DEMO_CUSTOMERS))
        csv_path = os.path.join(workdir, 'known.csv')
        with open(csv_path, 'w', encoding='utf-8', newline='') as f:
            f.write('客户名称,联系人,电话\r\n%s,%s,%s\r\n' % (NAME, CONTACT, PHONE))
        output = app.cli('import', 'customers', csv_path)
        tap.ok('Imported 1 customer' in output,
               'rapport import customers imports the known customer',
               output)
        expected, total = expected_matches(app.database, tap)
        tap.comment('%d customers; %r matches %d of them'
                    % (total, '鑫', len(expected['one-char'])))

        app.start(tap, 'Rapport')
        frame, display = app.frame, app.display

        # The Customers page, with a real click on its view switcher button.
        switcher = e2e.wait_for(lambda: e2e.header_switcher(app.atspi, 5),
                                e2e.ATSPI_TIMEOUT, 'the view switcher')
        tab = [t for t in e2e.tabs_of(switcher) if t.name == 'Customers']
        if len(tab) != 1:
            raise Fatal('no "Customers" button in the view switcher: %r'
                        % [t.name for t in e2e.tabs_of(switcher)])
        display.click_object(tab[0])
        e2e.wait_for(lambda: e2e.is_selected(tab[0]), e2e.PAGE_TIMEOUT,
                     'the Customers page to be selected')

        label = e2e.wait_for(lambda: count_label(frame), e2e.PAGE_TIMEOUT,
                             'the customer count under the list')
        all_text = '%d customers' % total
        shown = e2e.wait_for(lambda: e2e.text_of(label) == all_text and all_text,
                             e2e.PAGE_TIMEOUT, 'the count to say %r' % all_text)
        tap.ok(True, 'the Customers page counts %r' % shown)

        table = e2e.wait_for(
            lambda: e2e.find_one(frame, pyatspi.ROLE_TREE_TABLE, 'Customers'),
            e2e.PAGE_TIMEOUT, 'the customer list (a tree table "Customers")')
        column = e2e.wait_for(lambda: name_column(table), e2e.PAGE_TIMEOUT,
                              'the "Name" column of the customer list')

        # A real click into the search entry gives it the keyboard.
        entry = e2e.wait_for(
            lambda: e2e.find_one(frame, pyatspi.ROLE_ENTRY, 'Search customers'),
            e2e.PAGE_TIMEOUT, 'the entry "Search customers"')
        e2e.focus_window(app.window_id)
        display.click_object(entry)
        e2e.wait_for(lambda: e2e.is_focused(entry), e2e.PAGE_TIMEOUT,
                     'the search entry to have the focus')

        for slug, query, what in QUERIES:
            # Empty the entry with real keys; an empty entry searches at
            # once, and the count goes back to all customers.
            if e2e.text_of(entry):
                e2e.key('ctrl+a', 'BackSpace')
                e2e.wait_for(lambda: (e2e.text_of(entry) == ''
                                      and e2e.text_of(label) == all_text),
                             e2e.PAGE_TIMEOUT,
                             'the emptied search to show all customers')

            try:
                e2e.type_into(entry, query)
                typed = True
            except Fatal:
                typed = False
            matches = expected[slug]
            want = '%d of %d customer%s' % (len(matches), total,
                                            '' if total == 1 else 's')
            # The count must come to what is expected and stay so.
            try:
                got = e2e.wait_stable(lambda: e2e.text_of(label) == want and want,
                                      SEARCH_SETTLE, e2e.PAGE_TIMEOUT,
                                      'the count to say %r' % want)
            except Fatal:
                got = e2e.text_of(label)
            names = [cell_text(row, column) for row in shown_rows(table)]
            shot = e2e.screenshot(os.path.join(outdir, prefix + slug + '.png'))
            tap.ok(typed and got == want,
                   'typing %r (%s) counts %r (%s)'
                   % (query, what, want, os.path.basename(shot)),
                   'the count says %r; the list shows %r' % (got, names))
            if len(matches) == 1:
                tap.ok(names == [NAME], 'the list shows only %s' % NAME,
                       'it shows %r' % names)
            else:
                tap.ok(NAME in names and len(names) == len(matches),
                       'the list shows %s among %d customers'
                       % (NAME, len(matches)), 'it shows %r' % names)

        # A real click on the one row found shows the customer in the
        # detail pane, with its name as the heading.
        rows = shown_rows(table)
        if len(rows) != 1:
            raise Fatal('expected one row for the last query, not %d' % len(rows))
        display.click_object(e2e.children_of(rows[0])[column])

        def heading():
            found = [h for h in e2e.find_all(frame, pyatspi.ROLE_HEADING)
                     if e2e.has_size(h) and e2e.text_of(h) == NAME]
            return found[0] if found else None
        try:
            e2e.wait_for(heading, e2e.PAGE_TIMEOUT,
                         'a heading %r in the detail pane' % NAME)
            passed, detail = True, None
        except Fatal as e:
            passed, detail = False, str(e)
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'detail.png'))
        tap.ok(passed, 'a click on the row shows %s in the detail pane (%s)'
               % (NAME, os.path.basename(shot)), detail)

        app.quit(tap)
        app.check_output(tap)

    except Exception as e:
        e2e.report_failure(tap, e, app,
                           os.path.join(outdir, prefix + 'atspi-tree.txt'))
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
