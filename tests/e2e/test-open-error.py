#!/usr/bin/python3
# test-open-error.py — a database Rapport cannot open, met at start-up
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real rapport binary on a file that is not a database. The
# window must come up with a dialog that says the database could not be
# opened and why, naming the file; choosing "Quit" must end the app with
# exit status 0; and the file must be left byte for byte as it was, with
# no WAL or shared-memory file made beside it.
#
# Output is TAP. Nothing but TAP goes to stdout; notes are '# ' comments.
#
# Run it with the system /usr/bin/python3, which has pyatspi. It needs
# $DISPLAY, a session bus, xdotool and ImageMagick's import.

import argparse
import hashlib
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

HEADING = 'Could not open the database'


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def label_with(root, text):
    return e2e.find_all(root, pyatspi.ROLE_LABEL,
                        where=lambda n: text in e2e.text_of(n))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshot')
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    workdir = e2e.make_workdir('open-error')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        database = os.path.join(workdir, 'customers.db')
        with open(database, 'wb') as f:
            f.write('客户,电话\n张三,13800138000\n'.encode('utf-8') * 20)
        before = digest(database)

        app = e2e.App(binary, workdir, database)
        app.start(tap, 'Rapport')

        heading = e2e.wait_for(lambda: label_with(app.atspi, HEADING),
                               e2e.PAGE_TIMEOUT, 'the dialog saying %r' % HEADING)
        tap.ok(bool(heading), 'a dialog says %r' % HEADING)

        body = label_with(app.atspi, database)
        tap.ok(bool(body) and 'not a database' in e2e.text_of(body[0]),
               'the dialog names the file and says it is not a database',
               'labels naming the file: %r' % [e2e.text_of(b) for b in body])

        shot = e2e.screenshot(os.path.join(outdir, 'open-error-dialog.png'))
        tap.comment('screenshot: %s' % shot)

        # libadwaita 1.2 builds the responses twice, side by side and
        # stacked, and shows one set (GTK 4.8 gives both sizes); either
        # gives the same response. GTK 4.8 names a button with a mnemonic
        # "_Quit Quit".
        buttons = e2e.find_all(app.atspi, pyatspi.ROLE_PUSH_BUTTON,
                               where=lambda n: n.name.replace('_', '').startswith('Quit'))
        tap.ok(len(buttons) in (1, 2), 'the dialog offers "Quit"',
               'buttons: %r' % [b.name for b in
                                e2e.find_all(app.atspi, pyatspi.ROLE_PUSH_BUTTON)])
        if not buttons:
            raise Fatal('no Quit button to press')

        # The button's own action, as a screen reader or keyboard user
        # presses it; GTK 4.8 gives no screen positions for dialogs.
        buttons[0].queryAction().doAction(0)
        try:
            status = app.process.wait(timeout=e2e.EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            status = 'still running after %d s' % e2e.EXIT_TIMEOUT
        tap.ok(status == 0, '"Quit" ends the app with exit status 0',
               'exit status: %r' % status)

        tap.ok(digest(database) == before, 'the file is left byte for byte as it was')
        beside = sorted(n for n in os.listdir(workdir)
                        if n.startswith('customers.db') and n != 'customers.db')
        tap.ok(not beside, 'no file is made beside it', 'found: %r' % beside)
        app.check_output(tap)
    except Exception as error:  # Reported as a failed test, with the tree.
        e2e.report_failure(tap, error, app,
                           os.path.join(outdir, 'open-error-atspi-tree.txt'))
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
