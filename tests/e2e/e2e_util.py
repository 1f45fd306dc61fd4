# e2e_util.py — what the end-to-end tests share
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The tests start the real rapport binary on the X display the test runs
# under (see build-aux/test.sh), drive it with real input (xdotool) and read
# it back through AT-SPI (pyatspi). This module holds the parts they share:
# TAP output, bounded waits, the app's private environment, the AT-SPI
# look-ups, the way from AT-SPI extents to screen positions, screenshots,
# quitting with Ctrl+Q and a dump of the accessible tree for failures.
#
# The scripts that import it set sys.dont_write_bytecode first, so running
# a test leaves no __pycache__ in the source tree.

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import traceback

try:
    import pyatspi
except ImportError:
    pyatspi = None

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


def wait_stable(condition, settle, timeout, what):
    """Polls @condition until it has returned the same true value for
    @settle seconds in a row; returns that value.

    For a state the app reaches through intermediate ones that look alike,
    with no signal that it is done: a search entry searches 150 ms after
    the last key, so right after typing the list may still show the result
    for the text without its last character."""
    deadline = time.monotonic() + timeout
    since, value, last_error = None, None, None
    while True:
        try:
            current = condition()
        except Exception as e:
            current, last_error = None, e
        now = time.monotonic()
        if current and current == value:
            if now - since >= settle:
                return value
        else:
            since, value = now, current
        if now > deadline:
            detail = ' (last error: %r)' % last_error if last_error else ''
            raise Fatal('timed out after %d s waiting for %s; last seen %r%s'
                        % (timeout, what, current, detail))
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


def run_cli(binary, argv, env, cwd):
    """Runs a command-line verb of rapport (no display needed); returns its
    output (stdout and stderr together), or raises Fatal on failure."""
    process = spawn([binary] + argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = process.communicate(timeout=120)
    if process.returncode != 0:
        raise Fatal('rapport %s failed with status %d:\n%s'
                    % (' '.join(argv), process.returncode, output))
    return output


def output_dir(args):
    if args.output_dir:
        return args.output_dir
    if 'MESON_BUILD_ROOT' in os.environ:
        return os.path.join(os.environ['MESON_BUILD_ROOT'], 'tests', 'e2e')
    if 'G_TEST_BUILDDIR' in os.environ:
        return os.environ['G_TEST_BUILDDIR']
    return os.getcwd()


_held_display = None


def hold_display(timeout=WINDOW_TIMEOUT):
    """Opens a connection to the X display and keeps it until the test
    ends.

    Xvfb (without -noreset, as xvfb-run starts it) resets itself whenever
    its last client disconnects, and a client that connects during the
    reset gets "cannot open display". Every xdotool call is a client of its
    own, and so are the apps of the tests before this one: the app started
    right after one of them quit could fail to start. With this connection
    open the display never runs empty while the test runs; and it is
    retried, in case the test before this one just left."""
    global _held_display
    if _held_display is not None:
        return
    libx11 = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
    libx11.XOpenDisplay.restype = ctypes.c_void_p
    libx11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    connection = wait_for(lambda: libx11.XOpenDisplay(None), timeout,
                          'a connection to the X display %r'
                          % os.environ.get('DISPLAY'))
    _held_display = (libx11, connection)


def check_tools():
    """Raises Fatal unless the display, the tools and pyatspi are there;
    holds the display (see hold_display())."""
    for tool in ('xdotool', 'import'):
        if shutil.which(tool) is None:
            raise Fatal('%s is not installed' % tool)
    if not os.environ.get('DISPLAY'):
        raise Fatal('no $DISPLAY: run under xvfb-run (see build-aux/test.sh)')
    if pyatspi is None:
        raise Fatal('no pyatspi: run with /usr/bin/python3 and install '
                    'python3-pyatspi')
    hold_display()


def rapport_binary():
    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.access(binary, os.X_OK):
        raise Fatal('RAPPORT_BINARY is not set to an executable: %r' % binary)
    return binary


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


def app_environment(home, locale=None):
    env = dict(os.environ)
    # A private home: the app must not read or write the user's files.
    env['HOME'] = home
    for var, sub in [('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                     ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')]:
        env[var] = os.path.join(home, sub)
        os.makedirs(env[var])
    # The test environment turns accessibility off for the other tests;
    # these read the app through AT-SPI.
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


def screenshot(path):
    subprocess.run(['import', '-window', 'root', path], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


# AT-SPI -----------------------------------------------------------------
#
# GTK 4.8 gives accessible names and roles, the Text interface (but
# getText(0, -1) is '': ask for characterCount characters), extents in
# WINDOW coordinates only (not SCREEN), and keeps the "focused" state of
# plain entries, but not of an AdwEntryRow, which has no focusable child
# in the tree. A button with an accessible label and a visible mnemonic
# label is named by both ("Save Save", or "_Save Save" for the label GtkButton
# sets itself): GTK 4.8 joins its label to its labelled-by's names. The app
# names such buttons once (crm_gui_name_buttons_once()); named_twice() finds
# any left.

def descendants(obj):
    stack = [obj]
    while stack:
        node = stack.pop()
        yield node
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        stack.extend(c for c in reversed(children) if c is not None)


def children_of(obj):
    return [c for c in (obj.getChildAtIndex(i) for i in range(obj.childCount))
            if c is not None]


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


def find_toplevel(app, name):
    """The app's toplevel window called @name, whatever its role (GTK 4.8
    gives an AdwWindow the role "filler", not "frame" or "dialog")."""
    for child in children_of(app):
        if child.name == name:
            return child
    return None


def window_extents(obj):
    return obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def has_size(obj):
    e = window_extents(obj)
    return e.width > 0 and e.height > 0


def text_of(obj):
    """The text of a label or an entry; its name if it has no Text."""
    try:
        text = obj.queryText()
    except NotImplementedError:
        return obj.name
    return text.getText(0, text.characterCount)


def is_selected(obj):
    return obj.getState().contains(pyatspi.STATE_SELECTED)


def is_focused(obj):
    return obj.getState().contains(pyatspi.STATE_FOCUSED)


def is_sensitive(obj):
    return obj.getState().contains(pyatspi.STATE_SENSITIVE)


def named(obj, name):
    """Whether @obj is called @name, also as GTK 4.8 names a button with an
    accessible label and a visible one: "Add contact Add Contact"."""
    return obj.name == name or obj.name.startswith(name + ' ')


def find_all(root, role, name=None, where=None):
    """Every descendant of @root with @role (and @name), in tree order."""
    found = []
    for node in descendants(root):
        try:
            if node.getRole() != role:
                continue
            if name is not None and not named(node, name):
                continue
            if where is not None and not where(node):
                continue
        except Exception:
            continue  # Gone while we looked.
        found.append(node)
    return found


def named_twice(root):
    """The names under @root that a screen reader would read wrong: with a
    mnemonic's underscore ("_Save Save", GTK 4.8 joining a button's label
    as written to the label it shows) or twice over ("Save Save")."""
    found = []
    for node in descendants(root):
        try:
            name = node.name
        except Exception:  # a node gone since its parent listed it
            continue
        words = (name or '').split(' ')
        half = len(words) // 2
        if '_' in (name or '') or (half and len(words) % 2 == 0
                                   and words[:half] == words[half:]):
            found.append('%s %r' % (node.getRoleName(), name))
    return found


def find_one(root, role, name=None, where=None):
    """The one descendant with @role and @name that has a size: pages of a
    stack that are not shown keep their widgets, with no size."""
    found = [node for node in find_all(root, role, name, where) if has_size(node)]
    return found[0] if len(found) == 1 else None


def tab_lists(app):
    return [node for node in descendants(app)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]


def tabs_of(tab_list):
    return [node for node in children_of(tab_list)
            if node.getRole() == pyatspi.ROLE_PAGE_TAB]


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


def describe(obj):
    """One line about @obj: role, name, text, extents, actions, states."""
    parts = ['%s %r' % (obj.getRoleName(), obj.name)]
    try:
        text = obj.queryText()
        parts.append('text=%r' % text.getText(0, text.characterCount))
    except Exception:
        pass
    try:
        e = window_extents(obj)
        parts.append('at=(%d,%d %dx%d)' % (e.x, e.y, e.width, e.height))
    except Exception:
        pass
    try:
        action = obj.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if names:
            parts.append('actions=%s' % ','.join(names))
    except Exception:
        pass
    try:
        states = [pyatspi.stateToString(s) for s in obj.getState().getStates()
                  if s in (pyatspi.STATE_FOCUSED, pyatspi.STATE_SELECTED,
                           pyatspi.STATE_SENSITIVE, pyatspi.STATE_CHECKED,
                           pyatspi.STATE_EXPANDED)]
        if states:
            parts.append('[%s]' % ','.join(states))
    except Exception:
        pass
    return ' '.join(parts)


def dump_tree(root, path):
    """Writes the accessible tree under @root to @path, one node a line,
    leaving out the subtrees with no size (pages not shown). For finding
    out, after a failure, what the app showed and what it is called."""
    lines = []

    def visit(node, depth):
        try:
            if depth > 1 and not has_size(node):
                return
        except Exception:
            pass
        try:
            lines.append('  ' * depth + describe(node))
        except Exception as e:
            lines.append('  ' * depth + '(gone: %r)' % e)
            return
        for child in children_of(node):
            visit(child, depth + 1)

    visit(root, 0)
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return path


# X windows and real input -----------------------------------------------

def search_args(pid, title):
    # --all: by default xdotool lists the windows that match any of the
    # conditions, here every window of the process.
    return ['xdotool', 'search', '--all', '--onlyvisible', '--pid', str(pid),
            '--name', '^%s$' % re.escape(title)]


def find_window(pid, title, timeout=WINDOW_TIMEOUT):
    """The ids of the visible X windows of @pid titled exactly @title,
    once there is one."""
    argv = search_args(pid, title)
    try:
        return run(argv[:2] + ['--sync'] + argv[2:], timeout=timeout).split()
    except subprocess.TimeoutExpired:
        return []


def window_shown(pid, title):
    """Whether @pid shows a window titled @title now (no waiting)."""
    result = subprocess.run(search_args(pid, title), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    return bool(result.stdout.split())


def focus_window(window_id):
    """Gives the keyboard to @window_id, as a window manager would on a
    click: with none, the focus otherwise follows the pointer."""
    run(['xdotool', 'windowfocus', '--sync', window_id])


def key(*keys):
    """Real key presses (XTEST) into the window that has the focus."""
    run(['xdotool', 'key'] + list(keys))


def type_text(text, delay=80):
    """Real typing (XTEST) into the window that has the focus. Characters
    without a key, like Chinese, work with GSK_RENDERER=cairo."""
    run(['xdotool', 'type', '--delay', str(delay), text])


def type_into(entry, text, delay=80):
    """Real typing (XTEST) into @entry, which has the focus, one character
    at a time: each is typed once the entry shows the one before, as a
    person watching the screen types. xdotool types a character without
    a key by mapping a spare keycode to it for that key press; the same
    Chinese character twice in quick succession on a busy machine was
    seen to arrive once. Raises Fatal when a character never shows."""
    before = text_of(entry)
    for i, character in enumerate(text):
        run(['xdotool', 'type', '--delay', str(delay), character])
        wait_for(lambda: text_of(entry) == before + text[:i + 1], PAGE_TIMEOUT,
                 'the entry to hold %r' % (before + text[:i + 1]))


def move_pointer(x, y):
    """Moves the pointer to screen position (x, y) and waits until it is
    there. Not when it is there already: `xdotool mousemove --sync` to
    where the pointer is was seen to hang for 15 s over a GTK window."""
    where = dict(line.split('=', 1) for line in
                 run(['xdotool', 'getmouselocation', '--shell']).split())
    if (int(where['X']), int(where['Y'])) != (x, y):
        run(['xdotool', 'mousemove', '--sync', str(x), str(y)])


def release_keys(keys='ctrl+q'):
    subprocess.run(['xdotool', 'keyup', keys],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Display:
    """An X window of the app and the way from AT-SPI to screen positions."""

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
        move_pointer(*self.to_screen(x, y))
        run(['xdotool', 'click', '1'])

    def contains(self, extents, top=0):
        """Whether @extents lie wholly inside the window, below @top."""
        return (extents.width > 0 and extents.height > 0
                and extents.x >= 0 and extents.y >= top
                and extents.x + extents.width <= self.frame_width
                and extents.y + extents.height <= self.frame_height)

    def click_object(self, obj):
        """A real click on the middle of @obj, which must be in the window."""
        e = window_extents(obj)
        if not self.contains(e):
            raise Fatal('%s is not inside its window (%dx%d)'
                        % (describe(obj), self.frame_width, self.frame_height))
        self.click(e.x + e.width // 2, e.y + e.height // 2)

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


def settled_extents(obj, timeout=PAGE_TIMEOUT):
    """@obj's extents once they stop changing (a scroll or a revealer may
    still be moving it): the same over 0.2 s."""
    def extents():
        e = window_extents(obj)
        return (e.x, e.y, e.width, e.height)
    return wait_stable(extents, 0.2, timeout, 'the place of %s to settle'
                       % describe(obj))


def scroll_into_view(display, obj, viewport, timeout=PAGE_TIMEOUT):
    """Turns the mouse wheel over @viewport (a scrolled window's AT-SPI
    object) until @obj lies wholly inside it, with real wheel clicks."""
    deadline = time.monotonic() + timeout
    while True:
        x, y, w, h = settled_extents(obj)
        v = window_extents(viewport)
        top, bottom = max(v.y, 0), min(v.y + v.height, display.frame_height)
        if w > 0 and h > 0 and y >= top and y + h <= bottom:
            return
        if time.monotonic() > deadline:
            raise Fatal('could not scroll %s into view (viewport %d..%d)'
                        % (describe(obj), top, bottom))
        # Button 5 scrolls down (the object is below), 4 up.
        button = '5' if y + h > bottom else '4'
        move_pointer(*display.to_screen(v.x + v.width // 2, (top + bottom) // 2))
        run(['xdotool', 'click', button])


# The app's process ------------------------------------------------------

class App:
    """The rapport binary started on a database with a private home, its
    window, and its output, which must stay free of warnings."""

    def __init__(self, binary, workdir, database, locale=None):
        self.binary = binary
        self.workdir = workdir
        self.database = database
        self.env = app_environment(os.path.join(workdir, 'home'), locale)
        self.stderr_path = os.path.join(workdir, 'stderr.txt')
        self.process = None
        self.window_id = None
        self.atspi = None
        self.frame = None
        self.display = None

    def cli(self, *argv):
        """A command-line verb on the app's database, as a user runs it."""
        return run_cli(self.binary, ['--database', self.database] + list(argv),
                       self.env, self.workdir)

    def start(self, tap, title):
        """Starts the app and waits for its window, on X and on AT-SPI."""
        # Keys a crashed run on this display may have left down would
        # auto-repeat into the app (see quit()).
        release_keys()
        with open(self.stderr_path, 'w') as stderr_file:
            self.process = spawn([self.binary, '--database', self.database],
                                 env=self.env, stdin=subprocess.DEVNULL,
                                 stdout=stderr_file, stderr=stderr_file,
                                 cwd=self.workdir)
        found = find_window(self.process.pid, title)
        tap.ok(len(found) == 1, 'a window titled %r appears' % title,
               'xdotool found %r; app exit status %r'
               % (found, self.process.poll()))
        if len(found) != 1:
            raise Fatal('no window to drive')
        self.window_id = found[0]
        self.atspi = wait_for(lambda: find_application(self.process.pid),
                              ATSPI_TIMEOUT, 'the app on the AT-SPI desktop')
        self.frame = wait_for(lambda: find_frame(self.atspi), ATSPI_TIMEOUT,
                              'the app’s window on AT-SPI')
        self.display = Display(self.window_id, self.frame)
        tap.comment('window %s at %d,%d size %dx%d, AT-SPI frame %dx%d'
                    % (self.window_id, self.display.x, self.display.y,
                       self.display.width, self.display.height,
                       self.display.frame_width, self.display.frame_height))

    def quit(self, tap):
        """Ctrl+Q, and the exit status must be 0.

        The app quits on the key press, and when its window is gone before
        xdotool sends the releases, xdotool stops with BadWindow: its status
        is not the app's, and the keys it pressed stay down in the X server.
        Held down, they auto-repeat into the next app on this display, which
        then quits at once; so they are released afterwards in any case (a
        release of a key that is up is ignored by the server)."""
        subprocess.run(['xdotool', 'key', '--window', self.window_id, 'ctrl+q'],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            status = self.process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            status = 'still running after %d s' % EXIT_TIMEOUT
        finally:
            release_keys()
        tap.ok(status == 0, 'Ctrl+Q quits with exit status 0',
               'exit status: %r' % status)
        return status == 0

    def output(self):
        try:
            with open(self.stderr_path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''

    def check_output(self, tap):
        bad = [line for line in self.output().splitlines()
               if re.search(r'\b(WARNING|CRITICAL|ERROR)\b|\*\*', line)]
        tap.ok(not bad, 'the app prints no warnings or criticals',
               '\n'.join(bad))

    def stop(self):
        """Stops the app if it still runs: SIGTERM, then SIGKILL."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def make_workdir(name):
    return tempfile.mkdtemp(prefix='rapport-e2e-%s-' % name)


def report_failure(tap, error, app=None, dump_path=None):
    """Reports @error as a failed test. With the @app: keeps its accessible
    tree in @dump_path, stops it and shows its output.

    A Fatal says what it waited for; anything else is a bug in the test or
    a tool that failed, and its traceback says where."""
    tap.ok(False, 'the test ran to the end',
           str(error) if isinstance(error, Fatal) else
           ''.join(traceback.format_exception(type(error), error,
                                              error.__traceback__)))
    if app is None:
        return
    if dump_path and app.atspi is not None:
        try:
            dump_tree(app.atspi, dump_path)
            tap.comment('accessible tree: %s' % dump_path)
        except Exception as e:
            tap.comment('no accessible tree: %r' % e)
    app.stop()
    if app.process is not None:
        tap.comment('app output:\n' + app.output())
