#!/usr/bin/python3
# test-follow-up-agenda.py — a follow-up logged from the agenda, like a
# person would
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a database with `rapport demo --customers 40 --follow-ups 2` (some
# customers are then overdue), starts the real rapport binary, clicks the
# Agenda toggle of the customer list and then "Today", and reads how many
# customers are due. It clicks the check button of the first row ("Log
# follow-up for NAME"), which opens the follow-up form; clicks into the
# content, types a Chinese note with real key presses and saves with
# Ctrl+S. The form must close, the agenda count drop by one and the
# customer leave today's agenda. Then quits with Ctrl+Q, expects exit
# status 0 and no warnings, and reads the database: the new follow-up, its
# content and the customer's last contact moved to it.
#
# Output is TAP; run it with the system /usr/bin/python3 (pyatspi), with
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

CUSTOMERS = 40
PER_CUSTOMER = 2
NOTE = '电话回访，客户确认下月续约'
FORM_TITLE = 'Log Follow-up'
DUE_COUNT = re.compile(r'^(\d+) customers? due$')


def due_count(frame):
    """The agenda's count, from its label, or None while it is not shown."""
    for label in e2e.find_all(frame, pyatspi.ROLE_LABEL):
        match = DUE_COUNT.match(e2e.text_of(label) or '')
        if match and e2e.has_size(label):
            return int(match.group(1))
    return None


def done_buttons(frame):
    return [b for b in e2e.find_all(frame, pyatspi.ROLE_PUSH_BUTTON)
            if (b.name or '').startswith('Log follow-up for ') and e2e.has_size(b)]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'follow-up-agenda-'
    workdir = e2e.make_workdir('agenda')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        app = e2e.App(binary, workdir, os.path.join(workdir, 'rapport.db'))
        app.cli('demo', '--customers', str(CUSTOMERS), '--follow-ups', str(PER_CUSTOMER))
        app.start(tap, 'Rapport')
        frame = app.frame
        display = app.display
        e2e.focus_window(app.window_id)

        agenda = e2e.wait_for(lambda: e2e.find_one(frame, pyatspi.ROLE_PUSH_BUTTON, 'Agenda'),
                              e2e.PAGE_TIMEOUT, 'the "Agenda" toggle')
        display.click_object(agenda)
        today = e2e.wait_for(
            lambda: [t for t in e2e.find_all(frame, pyatspi.ROLE_PUSH_BUTTON, 'Today')
                     if e2e.has_size(t)],
            e2e.PAGE_TIMEOUT, 'the agenda’s "Today" toggle')[0]
        display.click_object(today)
        before = e2e.wait_for(lambda: due_count(frame), e2e.PAGE_TIMEOUT,
                              'the agenda to count the customers due')
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'before.png'))
        tap.ok(before > 0, 'today’s agenda lists %d overdue or due customers (%s)'
               % (before, os.path.basename(shot)))
        if before == 0:
            raise Fatal('nothing is due today in the sample data')

        button = e2e.wait_for(lambda: done_buttons(frame), e2e.PAGE_TIMEOUT,
                              'a "Log follow-up for …" button in the agenda')[0]
        customer = button.name[len('Log follow-up for '):]
        tap.comment('logging a follow-up for %s' % customer)
        display.click_object(button)

        found = e2e.find_window(app.process.pid, FORM_TITLE, e2e.PAGE_TIMEOUT)
        tap.ok(len(found) == 1, 'the check button opens the form %r' % FORM_TITLE,
               'found %r' % found)
        if len(found) != 1:
            raise Fatal('no follow-up form')
        form_id = found[0]
        form = e2e.wait_for(lambda: e2e.find_toplevel(app.atspi, FORM_TITLE),
                            e2e.ATSPI_TIMEOUT, 'the form on AT-SPI')
        e2e.focus_window(form_id)
        form_display = e2e.Display(form_id, form)
        content = e2e.wait_for(lambda: e2e.find_one(form, pyatspi.ROLE_TEXT, 'Content'),
                               e2e.PAGE_TIMEOUT, 'the "Content" field')
        form_display.click_object(content)
        e2e.type_text(NOTE)
        try:
            e2e.wait_for(lambda: NOTE in (e2e.text_of(content) or ''),
                         e2e.PAGE_TIMEOUT, 'the content to hold the note')
            typed = True
        except Fatal as e:
            typed = False
            tap.comment(str(e))
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'form.png'))
        tap.ok(typed, 'typing fills the content (%s)' % os.path.basename(shot))
        twice = e2e.named_twice(form)
        tap.ok(not twice, 'no control in the form is named with its '
               'mnemonic underscore or twice over', 'named so: %s'
               % ', '.join(twice))

        e2e.key('ctrl+s')
        try:
            e2e.wait_for(lambda: not e2e.window_shown(app.process.pid, FORM_TITLE),
                         e2e.PAGE_TIMEOUT, 'the form to close')
            closed, detail = True, None
        except Fatal as e:
            shown = [e2e.text_of(l) for l in e2e.find_all(form, pyatspi.ROLE_LABEL)
                     if e2e.has_size(l)]
            closed, detail = False, '%s; the form shows %r' % (e, shown)
        tap.ok(closed, 'Ctrl+S saves the follow-up and closes the form', detail)
        if not closed:
            raise Fatal('the follow-up was not saved')

        def changed():
            count = due_count(frame)
            names = [b.name for b in done_buttons(frame)]
            if count == before - 1 and 'Log follow-up for ' + customer not in names:
                return count
            return None

        try:
            after = e2e.wait_for(changed, e2e.PAGE_TIMEOUT,
                                 'the agenda to count %d and drop %s' % (before - 1, customer))
            passed, detail = True, None
        except Fatal as e:
            after, passed, detail = due_count(frame), False, str(e)
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'after.png'))
        tap.ok(passed, 'the agenda changes from %d to %r and %s leaves it (%s)'
               % (before, after, customer, os.path.basename(shot)), detail)

        e2e.focus_window(app.window_id)
        quit_ok = app.quit(tap)
        app.check_output(tap)

        if quit_ok:
            connection = sqlite3.connect('file:%s?mode=ro' % app.database, uri=True)
            try:
                total = connection.execute('SELECT count(*) FROM follow_up').fetchone()[0]
                row = connection.execute(
                    '''SELECT f.content, c.last_contact_at = f.happened_at
                         FROM follow_up f JOIN customer c ON c.id = f.customer_id
                        WHERE c.name = ? ORDER BY f.id DESC LIMIT 1''',
                    (customer,)).fetchone()
            finally:
                connection.close()
            tap.ok(total == CUSTOMERS * PER_CUSTOMER + 1,
                   'the database holds one follow-up more', '%d follow-ups' % total)
            tap.ok(row is not None and row[0] == NOTE and row[1] == 1,
                   'the follow-up of %s holds the note and is its last contact' % customer,
                   'content, is last contact: %r' % (row,))

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
