#!/usr/bin/python3
# test-shell.py — the window shell, driven like a person would drive it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real rapport binary on the X display the test runs under (see
# build-aux/test.sh), clicks each of the five buttons of the view switcher
# with real pointer events (xdotool), checks through AT-SPI and through the
# pixels on screen that the page really changed, keeps a screenshot of each
# page, then quits with Ctrl+Q and expects exit status 0.
#
# With --locale zh_CN the app runs in Chinese and every page title must be
# the translation from the built catalogue, and differ from the English.
#
# Output is TAP. Nothing but TAP goes to stdout; notes are '# ' comments.
#
# Run it with the system /usr/bin/python3, which has pyatspi. It needs
# $DISPLAY, a session bus, xdotool and ImageMagick's import.

import argparse
import gettext
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

from e2e_util import (App, Fatal, PAGE_TIMEOUT, ATSPI_TIMEOUT, POLL, Tap,
                      check_tools, header_switcher, is_selected,
                      make_workdir, named_twice, output_dir, rapport_binary,
                      report_failure, tab_lists, tabs_of, wait_for,
                      window_extents)

# The expected English titles, in the order of the view switcher.
PAGES = [
    ('customers', 'Customers'),
    ('requirements', 'Requirements'),
    ('priorities', 'Priorities'),
    ('questionnaires', 'Questionnaires'),
    ('reports', 'Reports'),
]


def expected_strings(locale):
    """The window title and page titles the app must show, from the catalogue
    the app itself uses, and the English msgids without a translation."""
    if not locale:
        return 'Rapport', [title for _, title in PAGES], []
    translation = gettext.translation('rapport',
                                      localedir=os.environ['RAPPORT_LOCALEDIR'],
                                      languages=[locale])
    titles = [translation.gettext(title) for _, title in PAGES]
    untranslated = [en for (_, en), tr in zip(PAGES, titles) if tr == en]
    return translation.gettext('Rapport'), titles, untranslated


# AT-SPI helpers. GTK 4.8 gives accessible names but no text (getText(0, -1)
# is ''), no Selection interface on the stack or the switcher, the "visible"
# state for every page of a stack, shown or not, and stale extents for the
# hidden ones; the pages themselves are free to change as the app grows. What
# it does keep exact is the selected state of the view switcher's buttons,
# which all three switchers (header, collapsed title, bottom bar) take from
# the stack's one selection model: when all three agree, the stack has
# changed its page. That the new page reached the screen is then checked on
# the pixels below the header bar.

def selected_names(switchers):
    """For each view switcher, the names of its selected buttons."""
    return [[t.name for t in tabs if is_selected(t)] for tabs in switchers]


def selected_page(switchers):
    """The page every switcher agrees is selected, or None."""
    lists = selected_names(switchers)
    if lists and all(names == lists[0] for names in lists) and len(lists[0]) == 1:
        return lists[0][0]
    return None


def click_points_from_extents(display, tabs):
    """Each button's centre, from its AT-SPI extents in window coordinates.

    This is the primary way: GTK 4.8 supports ATSPI_COORD_TYPE_WINDOW (not
    SCREEN), and with the window's X geometry it gives exact positions on
    every run, with no guessing from pixels or layout."""
    points = []
    for tab in tabs:
        e = window_extents(tab)
        if e.width <= 0 or e.height <= 0:
            return None
        x, y = e.x + e.width // 2, e.y + e.height // 2
        if not (0 <= x < display.frame_width and 0 <= y < display.frame_height):
            return None
        points.append((x, y))
    return points


def click_points_by_probing(display, tabs, names, tap):
    """Each button's centre, found by clicking along the header bar.

    The fallback when a GTK gives no usable extents. The switcher sits
    centred in the 47 px header bar and its buttons are laid out in a row of
    equal widths, so one row of clicks at y = 23 crosses all of them; the
    outer 15 % on each side hold the window buttons and the menu, which must
    not be clicked. A click that selects a page marks the left edge of its
    button when going right, and the right edge when going left; the two
    passes together give every button's edges except the first button's
    left and the last one's right, which the common width fills in."""
    y = 23
    # Wider than GTK's double-click distance (5 px), so two clicks in a row
    # on the empty header bar never maximize the window, and narrower than
    # a button (about 110 px for two Chinese characters).
    step = 20
    xs = list(range(int(display.frame_width * 0.15),
                    int(display.frame_width * 0.85), step))

    def selected():
        chosen = [t.name for t in tabs if is_selected(t)]
        return chosen[0] if len(chosen) == 1 else None

    def sweep(positions):
        edges = {}
        current = selected()
        for x in positions:
            display.click(x, y)
            # A click on a gap or on the selected button changes nothing, so
            # this wait cannot end early on those; it is bounded instead.
            deadline = time.monotonic() + 0.3
            page = current
            while time.monotonic() < deadline:
                page = selected()
                if page != current:
                    break
                time.sleep(POLL)
            if page != current and page is not None:
                edges.setdefault(page, x)
                current = page
        return edges

    left = sweep(xs)
    right = sweep(list(reversed(xs)))
    tap.comment('probe: left edges %r, right edges %r' % (left, right))
    widths = [right[n] - left[n] for n in names if n in left and n in right]
    if not widths:
        return None
    width = max(widths)
    points = []
    for name in names:
        if name in left and name in right:
            x = (left[name] + right[name]) // 2
        elif name in left:
            x = left[name] + width // 2
        elif name in right:
            x = right[name] - width // 2
        else:
            return None
        points.append((x, y))
    return points


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--locale', help='run the app in this language, e.g. zh_CN')
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    parser.add_argument('--probe', action='store_true',
                        help='find the buttons by probing, not by AT-SPI extents')
    args = parser.parse_args()

    tap = Tap()
    outdir = output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'shell-%s-' % args.locale if args.locale else 'shell-'
    workdir = make_workdir('shell')
    app = None

    try:
        binary = rapport_binary()
        check_tools()

        try:
            window_title, titles, untranslated = expected_strings(args.locale)
        except OSError as e:
            raise Fatal('no %s catalogue under RAPPORT_LOCALEDIR=%r: %s'
                        % (args.locale, os.environ.get('RAPPORT_LOCALEDIR'), e))
        if args.locale:
            if not tap.ok(not untranslated,
                          'the %s catalogue translates every page title'
                          % args.locale,
                          'untranslated: %s' % ', '.join(untranslated)):
                raise Fatal('without translations this test would pass '
                            'without showing anything in %s' % args.locale)

        app = App(binary, workdir, os.path.join(workdir, 'rapport.db'),
                  args.locale)
        # The window: the visible one this process maps with the title.
        app.start(tap, window_title)
        frame = app.frame
        tap.ok(frame.name == window_title,
               'the window’s accessible name is %r' % window_title,
               'it is %r' % frame.name)

        switcher = wait_for(lambda: header_switcher(app.atspi, len(PAGES)),
                            ATSPI_TIMEOUT, 'the view switcher on AT-SPI')
        tabs = tabs_of(switcher)
        # Every page is built with the window, shown or not.
        twice = named_twice(frame)
        tap.ok(not twice, 'no control in the window is named with its '
               'mnemonic underscore or twice over', 'named so: %s'
               % ', '.join(twice))
        names = [t.name for t in tabs]
        tap.ok(names == titles, 'the view switcher shows the page titles %r'
               % titles, 'it shows %r' % names)
        if args.locale:
            english = [title for _, title in PAGES]
            tap.ok(all(n != e for n, e in zip(names, english)),
                   'no page title is in English', 'titles: %r' % names)

        # Looked up once: walking the whole tree on every poll would cost
        # more as the pages fill up.
        # Only the view switchers: a page may hold tab lists of its own.
        switchers = [tabs for tabs in (tabs_of(tl) for tl in tab_lists(app.atspi))
                     if [t.name for t in tabs] == titles]
        tap.comment('%d view switchers (header, collapsed title, bottom bar)'
                    % len(switchers))

        display = app.display

        points = None if args.probe else click_points_from_extents(display, tabs)
        if points is None:
            tap.comment('finding the buttons by probing the header bar')
            points = click_points_by_probing(display, tabs, titles, tap)
        if points is None:
            raise Fatal('could not find where the view switcher’s buttons are')
        tap.comment('click points (window coordinates): %r' % points)

        # Every click must change the page, so start after the page shown at
        # startup and end on it.
        start = wait_for(lambda: selected_page(switchers), PAGE_TIMEOUT,
                         'a selected page')
        first = (titles.index(start) + 1) % len(PAGES)
        order = [(first + i) % len(PAGES) for i in range(len(PAGES))]
        previous_pixels = display.content_pixels()

        for index in order:
            page, title = PAGES[index][0], titles[index]
            display.click(*points[index])
            try:
                wait_for(lambda: selected_page(switchers) == title, PAGE_TIMEOUT,
                         'every view switcher to select %r' % title)
                # The selection is set before the next frame is drawn: wait
                # for the page to reach the screen, so the screenshot shows it.
                pixels = wait_for(lambda: display.content_pixels_unlike(previous_pixels),
                                  PAGE_TIMEOUT, 'the page on screen to change')
                passed, detail = True, None
            except Fatal as e:
                passed, detail, pixels = False, str(e), previous_pixels
                tap.comment('selected: %r' % selected_names(switchers))
            shot = os.path.join(outdir, prefix + page + '.png')
            subprocess.run(['import', '-window', 'root', shot], check=False)
            tap.ok(passed, 'a click on %r shows the %s page (%s)'
                   % (title, page, os.path.basename(shot)), detail)
            previous_pixels = pixels

        app.quit(tap)
        app.check_output(tap)

    except Exception as e:
        report_failure(tap, e, app,
                       os.path.join(outdir, prefix + 'atspi-tree.txt'))
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
