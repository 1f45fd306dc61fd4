#!/usr/bin/python3
# test-requirement-board.py — moving a requirement card on the board for real
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a database with `rapport demo --customers 20 --requirements 40`,
# starts the real rapport binary on it and opens the Requirements page with
# Alt+2. The card at the top of the Pending column (read from the database)
# is found through AT-SPI by its accessible name, which starts with its
# code. Then, with real input:
#
#   --mode drag: the card is dragged with the mouse (xdotool: press, a move
#     of more than 8 px, a move into the In progress column, one more small
#     move, release, about 50 ms apart) onto the top card of In progress;
#   --mode keyboard: the card is clicked to give it the focus and moved
#     with Ctrl+Right; Ctrl+Z then undoes the move and Ctrl+Shift+Z redoes
#     it.
#
# After the move the database (read with Python's sqlite3, as another
# program would) must say the card is in progress, with a status-history
# row pending → in_progress, and the card must be the first of its new
# column. Keeps screenshots, quits with Ctrl+Q, expects exit status 0 and
# no warnings.
#
# Output is TAP. Run it with the system /usr/bin/python3, which has pyatspi.

import argparse
import os
import shutil
import sqlite3
import sys
import time

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

# The documented pacing of a drag that GTK accepts (testing-gui.md).
DRAG_STEP = 0.05


def query(database, sql, *params):
    connection = sqlite3.connect(database, timeout=5)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def column_codes(database, status):
    return [code for (code,) in query(database,
            'SELECT code FROM requirement WHERE status = ? AND merged_into IS NULL'
            ' ORDER BY position, id', status)]


def status_of(database, code):
    rows = query(database, 'SELECT status FROM requirement WHERE code = ?', code)
    return rows[0][0] if rows else None


def history_of(database, code):
    return query(database,
                 'SELECT from_status, to_status FROM requirement_status_history h'
                 '  JOIN requirement r ON r.id = h.requirement_id'
                 '  WHERE r.code = ? ORDER BY h.id', code)


def find_card(frame, code):
    """The card whose accessible name starts with @code, once shown."""
    for node in e2e.descendants(frame):
        try:
            if node.name.startswith(code + ' ') and e2e.has_size(node):
                return node
        except Exception:
            continue
    return None


def find_column(frame, name):
    found = [node for node in e2e.find_all(frame, pyatspi.ROLE_LIST, name)
             if e2e.has_size(node)]
    return found[0] if found else None


def drag(display, source, target, shot_path=None):
    """A real drag from the middle of @source to the upper part of @target;
    with @shot_path, a screenshot of the drop line just before the release."""
    s = e2e.window_extents(source)
    t = e2e.window_extents(target)
    sx, sy = display.to_screen(s.x + s.width // 2, s.y + s.height // 2)
    tx, ty = display.to_screen(t.x + t.width // 2, t.y + t.height // 4)
    e2e.move_pointer(sx, sy)
    time.sleep(DRAG_STEP)
    e2e.run(['xdotool', 'mousedown', '1'])
    time.sleep(DRAG_STEP)
    e2e.run(['xdotool', 'mousemove', str(sx + 20), str(sy + 12)])
    time.sleep(DRAG_STEP)
    e2e.run(['xdotool', 'mousemove', str((sx + tx) // 2), str((sy + ty) // 2)])
    time.sleep(DRAG_STEP)
    e2e.run(['xdotool', 'mousemove', str(tx), str(ty)])
    time.sleep(DRAG_STEP)
    e2e.run(['xdotool', 'mousemove', str(tx + 3), str(ty + 2)])
    time.sleep(DRAG_STEP)
    if shot_path:
        e2e.screenshot(shot_path)
    e2e.run(['xdotool', 'mouseup', '1'])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    parser.add_argument('--mode', choices=['drag', 'keyboard'], required=True)
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'requirement-board-%s-' % args.mode
    workdir = e2e.make_workdir('board')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        database = os.path.join(workdir, 'rapport.db')
        app = e2e.App(binary, workdir, database)
        app.cli('demo', '--customers', '20', '--requirements', '40')

        pending = column_codes(database, 'pending')
        doing = column_codes(database, 'in_progress')
        if not pending or not doing:
            raise Fatal('the demo data has no pending or no in-progress card')
        code = pending[0]
        tap.comment('moving %s; In progress starts with %s' % (code, doing[0]))

        app.start(tap, 'Rapport')
        frame, display = app.frame, app.display
        e2e.focus_window(app.window_id)
        e2e.key('alt+2')

        card = e2e.wait_for(lambda: find_card(frame, code), e2e.PAGE_TIMEOUT,
                            'the card %s on the board' % code)
        target_card = e2e.wait_for(lambda: find_card(frame, doing[0]),
                                   e2e.PAGE_TIMEOUT, 'the card %s' % doing[0])
        e2e.settled_extents(card)
        e2e.screenshot(os.path.join(outdir, prefix + 'before.png'))

        if args.mode == 'drag':
            drag(display, card, target_card,
                 os.path.join(outdir, prefix + 'dragging.png'))
        else:
            display.click_object(card)
            time.sleep(DRAG_STEP)
            e2e.key('ctrl+Right')

        try:
            e2e.wait_for(lambda: status_of(database, code) == 'in_progress',
                         e2e.PAGE_TIMEOUT, '%s to be in progress' % code)
            moved = True
        except Fatal:
            moved = False
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'after.png'))
        tap.ok(moved, 'the %s moves %s from Pending to In progress in the database (%s)'
               % ('drag' if args.mode == 'drag' else 'Ctrl+Right', code,
                  os.path.basename(shot)),
               'status is %r' % status_of(database, code))
        tap.ok(history_of(database, code)[-1:] == [('pending', 'in_progress')],
               'the status history records pending → in_progress',
               'history: %r' % history_of(database, code))
        tap.ok(column_codes(database, 'in_progress')[:1] == [code],
               '%s lands at the top of In progress, where it was dropped' % code,
               'In progress: %r' % column_codes(database, 'in_progress')[:3])
        tap.ok(code not in column_codes(database, 'pending'),
               'Pending no longer holds %s' % code)

        if args.mode == 'keyboard':
            # The focus stays on the moved card, and Ctrl+Z undoes the move.
            e2e.key('ctrl+z')
            try:
                e2e.wait_for(lambda: status_of(database, code) == 'pending',
                             e2e.PAGE_TIMEOUT, '%s to be pending again' % code)
                undone = True
            except Fatal:
                undone = False
            tap.ok(undone and column_codes(database, 'pending')[:1] == [code],
                   'Ctrl+Z puts %s back at the top of Pending' % code,
                   'status %r' % status_of(database, code))
            # The window has handled the undo once its toast shows.
            e2e.wait_for(lambda: [n for n in e2e.find_all(frame, pyatspi.ROLE_LABEL)
                                  if e2e.text_of(n).startswith('Undone:')],
                         e2e.PAGE_TIMEOUT, 'the toast “Undone: …”')
            e2e.key('ctrl+shift+z')
            try:
                e2e.wait_for(lambda: status_of(database, code) == 'in_progress',
                             e2e.PAGE_TIMEOUT, '%s to be in progress again' % code)
                redone = True
            except Fatal:
                redone = False
            shot = e2e.screenshot(os.path.join(outdir, prefix + 'redone.png'))
            tap.ok(redone, 'Ctrl+Shift+Z moves it again (%s)' % os.path.basename(shot),
                   'status %r' % status_of(database, code))

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
