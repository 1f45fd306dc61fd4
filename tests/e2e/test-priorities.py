#!/usr/bin/python3
# test-priorities.py — re-scoring a requirement on the priority matrix for real
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a database with `rapport demo --customers 20 --requirements 60`,
# picks the open requirement that ranks first in the cell "importance 5,
# urgency 2" of the "plan" quadrant (so its card is shown there), starts
# the real rapport binary and opens the Priorities page with Alt+3. The
# card is found through AT-SPI by its accessible name, which starts with
# its code; the cells by theirs ("Importance 5, Urgency 5: …"). Then, with
# real input:
#
#   --mode drag: the card is dragged with the mouse (xdotool: press, a move
#     of more than 8 px, a move into the target cell, one more small move,
#     release, about 50 ms apart) onto the "do now" cell importance 5,
#     urgency 5. The database must then hold importance 5 and urgency 5,
#     and Ctrl+Z must bring back urgency 2 (one undoable action).
#   --mode keyboard: the card is clicked to give it the focus, then Left
#     three times moves it one cell each (urgency 2 → 3 → 4 → 5) and Down
#     once (importance 5 → 4); the database is checked after each key, so
#     the focus must stay on the moved card. Enter then opens the
#     requirement editor on it.
#
# Keeps screenshots, quits with Ctrl+Q, expects exit status 0 and no
# warnings. Output is TAP. Run it with the system /usr/bin/python3.

import argparse
import importlib
import os
import shutil
import sys
import time

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

# The board's end-to-end test holds the drag recipe and the card lookup;
# the matrix's cards keep the board's conventions, so they are shared.
board = importlib.import_module('test-requirement-board')


def scores_of(database, code):
    rows = board.query(database, 'SELECT importance, urgency FROM requirement WHERE code = ?', code)
    return tuple(rows[0]) if rows else None


def first_in_cell(database, importance, urgency):
    """The open requirement that ranks first in a cell: the rank order of
    the ranked list (due date, no date last, then age, then id)."""
    rows = board.query(database,
                       'SELECT code FROM requirement'
                       '  WHERE importance = ? AND urgency = ? AND merged_into IS NULL'
                       "    AND status IN ('pending', 'in_progress')"
                       '  ORDER BY due_on IS NULL, due_on, created_at, id LIMIT 1',
                       importance, urgency)
    return rows[0][0] if rows else None


def find_cell(frame, importance, urgency):
    prefix = 'Importance %d, Urgency %d:' % (importance, urgency)
    for node in e2e.descendants(frame):
        try:
            if node.name.startswith(prefix) and e2e.has_size(node):
                return node
        except Exception:
            continue
    return None


def wait_scores(database, code, wanted):
    try:
        e2e.wait_for(lambda: scores_of(database, code) == wanted,
                     e2e.PAGE_TIMEOUT, '%s to have scores %r' % (code, wanted))
        return True
    except Fatal:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    parser.add_argument('--mode', choices=['drag', 'keyboard'], required=True)
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'priorities-%s-' % args.mode
    workdir = e2e.make_workdir('priorities')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        database = os.path.join(workdir, 'rapport.db')
        app = e2e.App(binary, workdir, database)
        app.cli('demo', '--customers', '20', '--requirements', '60')

        code = first_in_cell(database, 5, 2)
        if code is None:
            raise Fatal('the demo data has no open requirement with importance 5, urgency 2')
        tap.comment('moving %s from importance 5, urgency 2 (plan)' % code)

        app.start(tap, 'Rapport')
        frame, display = app.frame, app.display
        e2e.focus_window(app.window_id)
        e2e.key('alt+3')

        card = e2e.wait_for(lambda: board.find_card(frame, code), e2e.PAGE_TIMEOUT,
                            'the card %s on the matrix' % code)
        target = e2e.wait_for(lambda: find_cell(frame, 5, 5), e2e.PAGE_TIMEOUT,
                              'the cell importance 5, urgency 5')
        e2e.settled_extents(card)
        e2e.screenshot(os.path.join(outdir, prefix + 'before.png'))

        if args.mode == 'drag':
            board.drag(display, card, target)
            moved = wait_scores(database, code, (5, 5))
            shot = e2e.screenshot(os.path.join(outdir, prefix + 'after.png'))
            tap.ok(moved, 'the drag from “plan” to “do now” sets importance 5 and urgency 5 (%s)'
                   % os.path.basename(shot), 'scores %r' % (scores_of(database, code),))

            # The drag is over when the card's new cell shows it; its icon
            # was an X window of its own, so the keys go back to the main
            # window.
            e2e.wait_for(lambda: board.find_card(frame, code), e2e.PAGE_TIMEOUT,
                         'the card %s in its new cell' % code)
            e2e.focus_window(app.window_id)
            e2e.key('ctrl+z')
            undone = wait_scores(database, code, (5, 2))
            shot = e2e.screenshot(os.path.join(outdir, prefix + 'undone.png'))
            tap.ok(undone, 'Ctrl+Z restores both scores in one step (%s)' % os.path.basename(shot),
                   'scores %r' % (scores_of(database, code),))
        else:
            display.click_object(card)
            time.sleep(board.DRAG_STEP)
            for urgency in (3, 4, 5):
                e2e.key('Left')
                tap.ok(wait_scores(database, code, (5, urgency)),
                       'Left moves %s one cell: urgency %d' % (code, urgency),
                       'scores %r' % (scores_of(database, code),))
            e2e.key('Down')
            tap.ok(wait_scores(database, code, (4, 5)),
                   'Down moves it one cell: importance 4',
                   'scores %r' % (scores_of(database, code),))
            shot = e2e.screenshot(os.path.join(outdir, prefix + 'after.png'))
            tap.comment('after the keys: %s' % os.path.basename(shot))

            e2e.key('Return')
            editor = e2e.wait_for(lambda: e2e.find_toplevel(e2e.find_application(app.process.pid), code),
                                  e2e.PAGE_TIMEOUT, 'the requirement editor titled %s' % code)
            shot = e2e.screenshot(os.path.join(outdir, prefix + 'editor.png'))
            tap.ok(editor is not None, 'Enter opens %s in the requirement editor (%s)'
                   % (code, os.path.basename(shot)))
            # Escape cancels the unchanged editor.
            e2e.key('Escape')
            e2e.wait_for(lambda: e2e.find_toplevel(e2e.find_application(app.process.pid), code) is None,
                         e2e.PAGE_TIMEOUT, 'the editor to close')
            e2e.key('Escape')

        # A drag's icon and the editor were X windows of their own; the
        # quit keys go to the main window.
        e2e.focus_window(app.window_id)
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
