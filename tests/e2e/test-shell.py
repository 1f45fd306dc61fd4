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
import errno
import gettext
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

try:
    import pyatspi
except ImportError:
    pyatspi = None

# The expected English titles, in the order of the view switcher.
PAGES = [
    ('customers', 'Customers'),
    ('requirements', 'Requirements'),
    ('priorities', 'Priorities'),
    ('questionnaires', 'Questionnaires'),
    ('reports', 'Reports'),
]

# Upper bounds for waits on a condition; each wait returns as soon as the
# condition holds, so they only cost time when something is wrong.
WINDOW_TIMEOUT = 30
ATSPI_TIMEOUT = 20
PAGE_TIMEOUT = 10
EXIT_TIMEOUT = 15
POLL = 0.05


class Fatal(Exception):
    """A failure after which the remaining steps cannot run."""


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def comment(self, text):
        for line in str(text).splitlines() or ['']:
            print('# ' + line, flush=True)

    def ok(self, passed, description, diagnostics=None):
        self.count += 1
        if not passed:
            self.failed += 1
        print('%s %d - %s' % ('ok' if passed else 'not ok', self.count,
                              description), flush=True)
        if diagnostics and not passed:
            self.comment(diagnostics)
        return passed

    def finish(self):
        print('1..%d' % self.count, flush=True)
        return 1 if self.failed else 0


def wait_for(condition, timeout, what):
    """Polls @condition until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = condition()
            if result:
                return result
        except Exception as e:  # An object may vanish while we look at it.
            last_error = e
        if time.monotonic() > deadline:
            detail = ' (last error: %r)' % last_error if last_error else ''
            raise Fatal('timed out after %d s waiting for %s%s'
                        % (timeout, what, detail))
        time.sleep(POLL)


def run(argv, **kwargs):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, **kwargs).stdout


def spawn(argv, **kwargs):
    """subprocess.Popen, waiting out a binary that is being relinked.

    The build folder is shared: when `meson test` runs while another
    build relinks rapport, exec fails for a moment with ETXTBSY (being
    written), EACCES (not yet executable) or ENOENT (not yet there)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return subprocess.Popen(argv, **kwargs)
        except OSError as e:
            if (e.errno not in (errno.ETXTBSY, errno.EACCES, errno.ENOENT)
                    or time.monotonic() > deadline):
                raise Fatal('cannot start %s: %s' % (argv[0], e))
            time.sleep(0.2)


def output_dir(args):
    if args.output_dir:
        return args.output_dir
    if 'MESON_BUILD_ROOT' in os.environ:
        return os.path.join(os.environ['MESON_BUILD_ROOT'], 'tests', 'e2e')
    if 'G_TEST_BUILDDIR' in os.environ:
        return os.environ['G_TEST_BUILDDIR']
    return os.getcwd()


def utf8_locale_for(language):
    """Returns a UTF-8 locale for @language if one is generated, else C.UTF-8.

    Debian generates few locales by default. With C.UTF-8, glibc's gettext
    still honours $LANGUAGE (it ignores it only for the plain "C" locale),
    so the app is translated either way; a non-UTF-8 zh_CN (GB2312) locale
    is never used, as GLib would then convert file names through it."""
    try:
        available = run(['locale', '-a']).split()
    except (OSError, subprocess.CalledProcessError):
        available = []
    for name in available:
        base, _, codeset = name.partition('.')
        if base == language and codeset.lower().replace('-', '') == 'utf8':
            return name
    return 'C.UTF-8'


def app_environment(home, locale):
    env = dict(os.environ)
    # A private home: the app must not read or write the user's files.
    env['HOME'] = home
    for var, sub in [('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                     ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')]:
        env[var] = os.path.join(home, sub)
        os.makedirs(env[var])
    # The test environment turns accessibility off for the other tests;
    # this one reads the app through AT-SPI.
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    env.pop('RAPPORT_DATABASE', None)
    env.pop('RAPPORT_BENCH_FIRST_FRAME', None)
    if locale:
        env['LANGUAGE'] = locale
        env['LANG'] = env['LC_ALL'] = utf8_locale_for(locale)
    else:
        env['LANGUAGE'] = 'en'
        env['LANG'] = env['LC_ALL'] = 'C.UTF-8'
    return env


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

def descendants(obj):
    stack = [obj]
    while stack:
        node = stack.pop()
        yield node
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        stack.extend(c for c in reversed(children) if c is not None)


def find_application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def find_frame(app):
    for i in range(app.childCount):
        child = app.getChildAtIndex(i)
        if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
            return child
    return None


def window_extents(obj):
    return obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def tab_lists(app):
    return [node for node in descendants(app)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]


def tabs_of(tab_list):
    return [node for node in (tab_list.getChildAtIndex(i)
                              for i in range(tab_list.childCount))
            if node is not None and node.getRole() == pyatspi.ROLE_PAGE_TAB]


def is_selected(obj):
    return obj.getState().contains(pyatspi.STATE_SELECTED)


def header_switcher(app, count):
    """The tab list that is on screen: the wide switcher in the header bar.
    The collapsed one and the bottom bar's have no size in a wide window."""
    best = None
    for tab_list in tab_lists(app):
        tabs = tabs_of(tab_list)
        if len(tabs) != count:
            continue
        try:
            width = window_extents(tab_list).width
        except Exception:
            width = -1  # Extents unsupported: any list will do.
        if width != 0 and (best is None or width > best[0]):
            best = (width, tab_list)
    return best[1] if best else None


def selected_names(switchers):
    """For each view switcher, the names of its selected buttons."""
    return [[t.name for t in tabs if is_selected(t)] for tabs in switchers]


def selected_page(switchers):
    """The page every switcher agrees is selected, or None."""
    lists = selected_names(switchers)
    if lists and all(names == lists[0] for names in lists) and len(lists[0]) == 1:
        return lists[0][0]
    return None


def release_keys():
    subprocess.run(['xdotool', 'keyup', 'ctrl+q'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Display:
    """The app's X window and the way from AT-SPI to screen positions."""

    def __init__(self, window_id, frame):
        self.window_id = window_id
        geometry = dict(line.split('=', 1) for line in
                        run(['xdotool', 'getwindowgeometry', '--shell',
                             window_id]).split())
        self.x = int(geometry['X'])
        self.y = int(geometry['Y'])
        self.width = int(geometry['WIDTH'])
        self.height = int(geometry['HEIGHT'])
        # AT-SPI window coordinates start at the GtkWindow's own corner. The
        # X window around it is larger by the client-side decoration's
        # margin (5 px each side on Debian 12), the same on opposite sides
        # when the window is not tiled: half the difference in size.
        extents = window_extents(frame)
        self.frame_width = extents.width
        self.frame_height = extents.height
        self.margin_x = (self.width - extents.width) // 2
        self.margin_y = (self.height - extents.height) // 2

    def to_screen(self, x, y):
        return self.x + self.margin_x + x, self.y + self.margin_y + y

    def click(self, x, y):
        """A real click at window coordinates (x, y)."""
        sx, sy = self.to_screen(x, y)
        run(['xdotool', 'mousemove', '--sync', str(sx), str(sy)])
        run(['xdotool', 'click', '1'])

    def content_pixels(self):
        """The raw pixels below the header bar, where the pages are."""
        top = 60  # Below the 47 px header bar and its shadow.
        x, y = self.to_screen(0, top)
        geometry = '%dx%d+%d+%d' % (self.frame_width, self.frame_height - top,
                                    x, y)
        return subprocess.run(['import', '-window', 'root', '-crop', geometry,
                               'rgb:-'], check=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE).stdout

    def content_pixels_unlike(self, pixels):
        """The pixels below the header bar if they differ from @pixels."""
        current = self.content_pixels()
        return current if current != pixels else None


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
    binary = os.environ.get('RAPPORT_BINARY')
    outdir = output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'shell-%s-' % args.locale if args.locale else 'shell-'
    workdir = tempfile.mkdtemp(prefix='rapport-e2e-shell-')
    stderr_path = os.path.join(workdir, 'stderr.txt')
    process = None

    try:
        if not binary or not os.access(binary, os.X_OK):
            raise Fatal('RAPPORT_BINARY is not set to an executable: %r' % binary)
        for tool in ('xdotool', 'import'):
            if shutil.which(tool) is None:
                raise Fatal('%s is not installed' % tool)
        if not os.environ.get('DISPLAY'):
            raise Fatal('no $DISPLAY: run under xvfb-run (see build-aux/test.sh)')

        if pyatspi is None:
            raise Fatal('no pyatspi: run with /usr/bin/python3 and install '
                        'python3-pyatspi')

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

        # Keys a crashed run on this display may have left down would
        # auto-repeat into the app (see the Ctrl+Q step).
        release_keys()

        home = os.path.join(workdir, 'home')
        env = app_environment(home, args.locale)
        database = os.path.join(workdir, 'rapport.db')
        with open(stderr_path, 'w') as stderr_file:
            process = spawn([binary, '--database', database], env=env,
                            stdin=subprocess.DEVNULL, stdout=stderr_file,
                            stderr=stderr_file, cwd=workdir)

        # The window: the visible one this process maps with the title.
        try:
            found = run(['xdotool', 'search', '--sync', '--onlyvisible',
                         '--pid', str(process.pid),
                         '--name', '^%s$' % re.escape(window_title)],
                        timeout=WINDOW_TIMEOUT).split()
        except subprocess.TimeoutExpired:
            found = []
        tap.ok(len(found) == 1, 'a window titled %r appears' % window_title,
               'xdotool found %r; app exit status %r'
               % (found, process.poll()))
        if len(found) != 1:
            raise Fatal('no window to drive')
        window_id = found[0]

        app = wait_for(lambda: find_application(process.pid), ATSPI_TIMEOUT,
                       'the app on the AT-SPI desktop')
        frame = wait_for(lambda: find_frame(app), ATSPI_TIMEOUT,
                         'the app’s window on AT-SPI')
        tap.ok(frame.name == window_title,
               'the window’s accessible name is %r' % window_title,
               'it is %r' % frame.name)

        switcher = wait_for(lambda: header_switcher(app, len(PAGES)),
                            ATSPI_TIMEOUT, 'the view switcher on AT-SPI')
        tabs = tabs_of(switcher)
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
        switchers = [tabs for tabs in (tabs_of(tl) for tl in tab_lists(app))
                     if [t.name for t in tabs] == titles]
        tap.comment('%d view switchers (header, collapsed title, bottom bar)'
                    % len(switchers))

        display = Display(window_id, frame)
        tap.comment('window %s at %d,%d size %dx%d, AT-SPI frame %dx%d'
                    % (window_id, display.x, display.y, display.width,
                       display.height, display.frame_width, display.frame_height))

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

        # Ctrl+Q quits. The app quits on the key press, and when its window
        # is gone before xdotool sends the releases, xdotool stops with
        # BadWindow: its status is not the app's, and the keys it pressed
        # stay down in the X server. Held down, they auto-repeat into the
        # next app on this display, which then quits at once; so they are
        # released afterwards in any case (a release of a key that is up
        # is ignored by the server).
        subprocess.run(['xdotool', 'key', '--window', window_id, 'ctrl+q'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            status = process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            status = 'still running after %d s' % EXIT_TIMEOUT
        finally:
            release_keys()
        tap.ok(status == 0, 'Ctrl+Q quits with exit status 0',
               'exit status: %r' % status)

        with open(stderr_path, errors='replace') as f:
            output = f.read()
        bad = [line for line in output.splitlines()
               if re.search(r'\b(WARNING|CRITICAL|ERROR)\b|\*\*', line)]
        tap.ok(not bad, 'the app prints no warnings or criticals',
               '\n'.join(bad))

    except Exception as e:
        # A Fatal says what it waited for; anything else is a bug here or a
        # tool that failed, and its traceback says where.
        tap.ok(False, 'the test ran to the end',
               str(e) if isinstance(e, Fatal) else traceback.format_exc())
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass  # Killed below.
        if process is not None:
            try:
                with open(stderr_path, errors='replace') as f:
                    tap.comment('app output:\n' + f.read())
            except OSError:
                pass
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(workdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
