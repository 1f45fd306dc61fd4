#!/usr/bin/python3
# test-customer-create.py — a new customer, entered like a person would
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real rapport binary on an empty database, presses Ctrl+N and
# fills the editor with real input (xdotool): clicks into "Full name" and
# types a Chinese company name, opens "Industry" and picks the first
# industry with the keyboard, clicks "Add Contact", types the contact's
# name and a phone number written with spaces, keeps a screenshot of the
# filled editor and saves with Ctrl+S. The editor must close and the list
# show the new customer. Then quits with Ctrl+Q, expects exit status 0 and
# no warnings, and reads the database: the customer, its industry and its
# contact with the phone number in its normal form, and no draft left.
#
# Output is TAP. Nothing but TAP goes to stdout; notes are '# ' comments.
#
# Run it with the system /usr/bin/python3, which has pyatspi. It needs
# $DISPLAY, a session bus, xdotool and ImageMagick's import.

import argparse
import os
import shutil
import sqlite3
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

NAME = '成都恒华制造有限公司'
INDUSTRY = '制造业'  # The first industry of a new database, after "None".
CONTACT = '李雷'
PHONE_TYPED = '138 0013 8000'
PHONE_STORED = '13800138000'

EDITOR_TITLE = 'New Customer'


def largest(objects):
    sized = [(e.width * e.height, o) for o, e in
             ((o, e2e.window_extents(o)) for o in objects)]
    return max(sized, key=lambda pair: pair[0])[1] if sized else None


def shown_value(combo):
    """The text a combo row shows as chosen: the labels of its first list
    (the second, while it is open, is the popover's)."""
    lists = e2e.find_all(combo, pyatspi.ROLE_LIST)
    return ' '.join(e2e.text_of(label) for label in
                    e2e.find_all(lists[0], pyatspi.ROLE_LABEL)) if lists else None


def popover_focused(combo):
    """Whether the combo row's popover is open with an item focused: it
    sits under the row in the tree while it is open."""
    return any(e2e.is_focused(item) for item in
               e2e.find_all(combo, pyatspi.ROLE_LIST_ITEM))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'customer-create-'
    workdir = e2e.make_workdir('create')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        app = e2e.App(binary, workdir, os.path.join(workdir, 'rapport.db'))
        app.start(tap, 'Rapport')
        frame = app.frame

        # An empty database shows its empty page, with a "New Customer"
        # button; Ctrl+N works from anywhere in the window.
        e2e.wait_for(lambda: e2e.find_one(frame, pyatspi.ROLE_PUSH_BUTTON,
                                          'New Customer'),
                     e2e.PAGE_TIMEOUT, 'the empty page’s "New Customer" button')
        e2e.focus_window(app.window_id)
        e2e.key('ctrl+n')
        found = e2e.find_window(app.process.pid, EDITOR_TITLE, e2e.PAGE_TIMEOUT)
        if len(found) != 1:
            raise Fatal('Ctrl+N opened no window titled %r (found %r)'
                        % (EDITOR_TITLE, found))
        editor = e2e.wait_for(lambda: e2e.find_toplevel(app.atspi, EDITOR_TITLE),
                              e2e.ATSPI_TIMEOUT,
                              'the editor %r on AT-SPI' % EDITOR_TITLE)
        tap.ok(True, 'Ctrl+N opens the editor %r' % EDITOR_TITLE)
        editor_id = found[0]
        e2e.focus_window(editor_id)
        display = e2e.Display(editor_id, editor)
        tap.comment('editor window %s at %d,%d size %dx%d'
                    % (editor_id, display.x, display.y, display.width,
                       display.height))

        # The form scrolls; what is below its fold is scrolled to with the
        # mouse wheel, then clicked.
        viewport = e2e.wait_for(
            lambda: largest([p for p in e2e.find_all(editor, pyatspi.ROLE_SCROLL_PANE)
                             if e2e.has_size(p)]),
            e2e.PAGE_TIMEOUT, 'the editor’s scrolled form')

        def field(role, name):
            return e2e.wait_for(lambda: e2e.find_one(editor, role, name),
                                e2e.PAGE_TIMEOUT, 'the field %r' % name)

        def fill(name, text, expected=None):
            """Clicks the entry row @name and types @text into it."""
            row = field(pyatspi.ROLE_TEXT, name)
            e2e.scroll_into_view(display, row, viewport)
            display.click_object(row)
            e2e.type_text(text)
            expected = text if expected is None else expected
            try:
                e2e.wait_for(lambda: e2e.text_of(row) == expected,
                             e2e.PAGE_TIMEOUT, '%r to hold %r' % (name, expected))
                passed, detail = True, None
            except Fatal as e:
                passed, detail = False, str(e)
            tap.ok(passed, 'typing into %r gives %r' % (name, expected), detail)
            return passed

        fill('Full name', NAME)

        # Industry: a click opens the list, Down goes from "None" to the
        # first industry, Enter chooses it.
        combo = field(pyatspi.ROLE_COMBO_BOX, 'Industry')
        e2e.scroll_into_view(display, combo, viewport)
        before = shown_value(combo)
        display.click_object(combo)
        # The list pops up with the chosen item focused; the keys go to it.
        e2e.wait_for(lambda: popover_focused(combo), e2e.PAGE_TIMEOUT,
                     'the list of industries to pop up with the focus')
        e2e.key('Down', 'Return')
        try:
            chosen = e2e.wait_for(lambda: shown_value(combo) == INDUSTRY,
                                  e2e.PAGE_TIMEOUT,
                                  '"Industry" to show %r' % INDUSTRY)
        except Fatal as e:
            chosen = False
            tap.comment(str(e))
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'basic.png'))
        tap.ok(chosen, 'the keyboard chooses the industry %r (%s)'
               % (INDUSTRY, os.path.basename(shot)),
               'it was %r and is %r' % (before, shown_value(combo)))

        # A contact: "Add Contact" adds an unfolded contact row.
        add = field(pyatspi.ROLE_PUSH_BUTTON, 'Add Contact')
        e2e.scroll_into_view(display, add, viewport)
        display.click_object(add)
        e2e.wait_for(lambda: e2e.find_one(editor, pyatspi.ROLE_TEXT, 'Name'),
                     e2e.PAGE_TIMEOUT, 'a contact row with a "Name" field')
        tap.ok(True, 'a click on "Add Contact" adds a contact')
        twice = e2e.named_twice(editor)
        tap.ok(not twice, 'no control in the editor is named with its '
               'mnemonic underscore or twice over', 'named so: %s'
               % ', '.join(twice))
        fill('Name', CONTACT)
        fill('Phone', PHONE_TYPED)

        shot = e2e.screenshot(os.path.join(outdir, prefix + 'filled.png'))
        save = field(pyatspi.ROLE_PUSH_BUTTON, 'Save')
        try:
            e2e.wait_for(lambda: e2e.is_sensitive(save), e2e.PAGE_TIMEOUT,
                         'the Save button to be enabled')
            passed, detail = True, None
        except Fatal as e:
            passed, detail = False, str(e)
        tap.ok(passed, 'the filled editor can be saved (%s)'
               % os.path.basename(shot), detail)

        # Ctrl+S saves and closes the editor; the list shows the customer.
        e2e.focus_window(editor_id)
        e2e.key('ctrl+s')
        try:
            e2e.wait_for(lambda: not e2e.window_shown(app.process.pid, EDITOR_TITLE),
                         e2e.PAGE_TIMEOUT, 'the editor to close')
            passed, detail = True, None
        except Fatal as e:
            errors = [e2e.text_of(label) for label in
                      e2e.find_all(editor, pyatspi.ROLE_LABEL)
                      if e2e.has_size(label)]
            passed, detail = False, '%s; the editor shows %r' % (e, errors)
        tap.ok(passed, 'Ctrl+S saves and closes the editor', detail)
        if not passed:
            raise Fatal('the customer was not saved')

        label = e2e.wait_for(
            lambda: e2e.find_one(frame, pyatspi.ROLE_LABEL,
                                 where=lambda n: e2e.text_of(n) == '1 customer'),
            e2e.PAGE_TIMEOUT, 'the count under the list to say "1 customer"')
        table = e2e.wait_for(
            lambda: e2e.find_one(frame, pyatspi.ROLE_TREE_TABLE, 'Customers'),
            e2e.PAGE_TIMEOUT, 'the customer list')
        listed = e2e.wait_for(
            lambda: [l for l in e2e.find_all(table, pyatspi.ROLE_LABEL)
                     if e2e.has_size(l) and e2e.text_of(l) == NAME],
            e2e.PAGE_TIMEOUT, '%s in the customer list' % NAME)
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'saved.png'))
        tap.ok(bool(label and listed), 'the list shows %s and counts %r (%s)'
               % (NAME, e2e.text_of(label), os.path.basename(shot)))

        e2e.focus_window(app.window_id)
        quit_ok = app.quit(tap)
        app.check_output(tap)

        # The database, read after the app is gone.
        if quit_ok:
            connection = sqlite3.connect('file:%s?mode=ro' % app.database, uri=True)
            try:
                customers = connection.execute(
                    '''SELECT c.name, i.name FROM customer c
                       LEFT JOIN industry i ON i.id = c.industry_id''').fetchall()
                contacts = connection.execute(
                    '''SELECT c.name, k.name, k.phone FROM contact k
                       JOIN customer c ON c.id = k.customer_id''').fetchall()
                drafts = connection.execute('SELECT count(*) FROM draft').fetchone()[0]
            finally:
                connection.close()
            tap.ok(customers == [(NAME, INDUSTRY)],
                   'the database holds %s in %s' % (NAME, INDUSTRY),
                   'customer, industry: %r' % customers)
            tap.ok(contacts == [(NAME, CONTACT, PHONE_STORED)],
                   'the database holds the contact %s with the phone %r'
                   % (CONTACT, PHONE_STORED),
                   'customer, contact, phone: %r' % contacts)
            tap.ok(drafts == 0, 'saving leaves no draft behind',
                   '%d drafts' % drafts)

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
