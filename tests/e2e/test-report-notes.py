#!/usr/bin/python3
# test-report-notes.py — a conclusion typed on the Reports page reaches the report
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a database with `rapport demo`, starts the real rapport binary on
# it, opens the Reports page with a real click on its view switcher button,
# then the page's "Conclusions" view, clicks into the text of "Customer
# status analysis" and types a Chinese conclusion with real key presses
# (xdotool). The conclusion must be saved on its own a moment after typing
# stops (read from the database while the app runs). The "Preview" view is
# kept as a screenshot. Then quits with Ctrl+Q (exit status 0, no
# warnings) and runs `rapport report` on the database: the PDF must carry
# the conclusion.
#
# Output is TAP. Nothing but TAP goes to stdout; notes are '# ' comments.
#
# Run it with the system /usr/bin/python3, which has pyatspi. It needs
# $DISPLAY, a session bus, xdotool, ImageMagick's import and pdftotext.

import argparse
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

CONCLUSION = '本季度重点客户续约良好'
SECTION = 'Customer status analysis'


def saved_conclusion(database):
    with sqlite3.connect('file:%s?mode=ro' % database, uri=True) as db:
        row = db.execute("SELECT body FROM report_conclusion WHERE section = 'status'").fetchone()
    return row[0] if row else None


def page_tab(app, name):
    """The button @name of a view switcher that is on screen."""
    for tab_list in e2e.tab_lists(app.atspi):
        for tab in e2e.tabs_of(tab_list):
            if tab.name == name and e2e.has_size(tab):
                return tab
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'report-notes-'
    workdir = e2e.make_workdir('report')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        if shutil.which('pdftotext') is None:
            raise Fatal('pdftotext (poppler-utils) is missing')
        app = e2e.App(binary, workdir, os.path.join(workdir, 'rapport.db'))
        app.cli('demo', '--customers', '50')

        app.start(tap, 'Rapport')
        display = app.display

        switcher = e2e.wait_for(lambda: e2e.header_switcher(app.atspi, 5),
                                e2e.ATSPI_TIMEOUT, 'the view switcher')
        reports = [t for t in e2e.tabs_of(switcher) if t.name == 'Reports']
        if len(reports) != 1:
            raise Fatal('no "Reports" button in the view switcher')
        display.click_object(reports[0])
        e2e.wait_for(lambda: e2e.is_selected(reports[0]), e2e.PAGE_TIMEOUT,
                     'the Reports page to be selected')

        conclusions = e2e.wait_for(lambda: page_tab(app, 'Conclusions'),
                                   e2e.PAGE_TIMEOUT, 'the "Conclusions" button')
        display.click_object(conclusions)
        text = e2e.wait_for(
            lambda: [t for t in e2e.find_all(app.frame, pyatspi.ROLE_TEXT, SECTION)
                     if e2e.has_size(t)],
            e2e.PAGE_TIMEOUT, 'the text of %r' % SECTION)[0]
        display.click_object(text)
        e2e.type_text(CONCLUSION)

        try:
            e2e.wait_for(lambda: saved_conclusion(app.database) == CONCLUSION,
                         e2e.PAGE_TIMEOUT, 'the conclusion to be saved')
            passed, detail = True, None
        except Fatal as e:
            passed, detail = False, '%s; saved: %r' % (e, saved_conclusion(app.database))
        tap.ok(passed, 'the typed conclusion is saved without a Save button', detail)

        preview = e2e.wait_for(lambda: page_tab(app, 'Preview'),
                               e2e.PAGE_TIMEOUT, 'the "Preview" button')
        display.click_object(preview)
        e2e.wait_for(lambda: e2e.is_selected(preview), e2e.PAGE_TIMEOUT,
                     'the preview to be shown')
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'preview.png'))
        tap.comment('screenshot: %s' % shot)

        app.quit(tap)
        app.check_output(tap)

        today = datetime.date.today()
        quarter = '%dQ%d' % (today.year, (today.month - 1) // 3 + 1)
        pdf = os.path.join(workdir, 'report.pdf')
        app.cli('report', '-o', pdf, '--period', quarter)
        pdf_text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'],
                                  capture_output=True, text=True).stdout
        tap.ok(CONCLUSION in pdf_text, 'rapport report prints the conclusion',
               pdf_text[:2000])
    except Exception as error:  # Reported as a failure, then cleaned up.
        e2e.report_failure(tap, error, app,
                           os.path.join(outdir, prefix + 'tree.txt'))
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
