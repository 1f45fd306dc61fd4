#!/usr/bin/python3
# bench-customer-list.py — the customer list on 100 000 customers: first
# frame, scrolling to the last row and back, and peak memory
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the real binary with RAPPORT_BENCH_FIRST_FRAME=1 and
# RAPPORT_BENCH_SCROLL=1 on the Customers page (the default page). main.c
# prints `first-frame-monotonic-us T` at the first painted frame; then
# src/gui/crm-bench-hooks.c waits 250 ms for start-up to settle (printing
# `startup-frame FRAME_US` for each frame painted meanwhile), pages the
# customer list down to its last row,
# jumps to the top, to the end and to the top again, then 40 times to far
# places spread over the list (as a scroll bar drag does), one step per frame,
# and prints `scroll-step KIND SET_US FRAME_US CPU_US` for each: the time
# gtk_adjustment_set_value() took (the rows now shown are fetched and bound
# in there) and the time the next frame took from "before-paint" to
# "after-paint" (layout and paint). Their sum is the step's figure: over
# 16 ms a 60 Hz display misses a frame. CPU_US, the thread's CPU time in
# both, tells a step that worked that long from one that waited for a CPU
# on a busy machine. Before the first step and after the
# last it prints `memory start|end HWM_KB RSS_KB` (peak and current
# resident set size, from /proc/self/status), and quits at the end.
#
# Two databases, in the same run: an empty one and one of
# `rapport demo --customers 100000` (about 300 000 contacts). Making the
# large one takes about 16 s, so it is kept in the build folder, named
# after a digest of what the binary's demo makes for 100 customers (dates,
# timestamps and the undo journal left out, as they change with the day):
# a change to the generator or the schema makes a new one. Each run opens
# its own copy.
#
# Needs $DISPLAY (xvfb-run) and a session bus (dbus-run-session), like
# `meson test --benchmark`. Output is TAP; the figures are '# ' comments.

import argparse
import glob
import hashlib
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

RUN_TIMEOUT = 900
FRAME_BUDGET_MS = 16.0
CACHE_PREFIX = 'bench-customer-list-'
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?")


class BenchError(Exception):
    pass


def percentile(values, fraction):
    """Nearest-rank percentile: a value that was really measured."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil, at least 1
    return ordered[int(rank) - 1]


def demo(binary, env, database, customers):
    result = subprocess.run([binary, '--database', database, 'demo',
                             '--customers', str(customers)],
                            env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if result.returncode != 0:
        raise BenchError('`rapport demo --customers %d` failed: %s'
                         % (customers, ' '.join(result.stdout.split())))


def demo_digest(binary, env, workdir):
    """A digest of what this binary's demo generator and schema make."""
    sample = os.path.join(workdir, 'digest.db')
    demo(binary, env, sample, 100)
    digest = hashlib.sha256()
    connection = sqlite3.connect(sample)
    try:
        # The schema, then every stored table's rows. Not iterdump(): it
        # reads the full-text tables through their tokenizers, and the
        # one-character index's is the app's own (crm_short); their
        # stored pages are in their shadow tables, which are read here.
        tables = connection.execute(
            "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
            "ORDER BY type, name").fetchall()
        for name, sql in tables:
            digest.update(sql.encode())
            # The undo journal holds the same rows again, as a binary
            # changeset with the day's timestamps inside.
            if (not sql.startswith('CREATE TABLE') or name.startswith('journal')
                    or name.startswith('sqlite_')):
                continue
            for row in connection.execute('SELECT * FROM "%s" ORDER BY 1' % name):
                digest.update(TIMESTAMP.sub('D', repr(row)).encode())
    finally:
        connection.close()
    return digest.hexdigest()[:16]


def large_database(binary, env, workdir, cache_dir, customers):
    """Returns the path of the cached demo database, making it if needed."""
    key = demo_digest(binary, env, workdir)
    os.makedirs(cache_dir, exist_ok=True)
    cached = os.path.join(cache_dir, '%s%d-%s.db'
                          % (CACHE_PREFIX, customers, key))
    if os.path.exists(cached):
        return cached, False

    for stale in glob.glob(os.path.join(cache_dir, CACHE_PREFIX + '*')):
        os.unlink(stale)
    partial = os.path.join(workdir, 'large.db')
    start = time.monotonic()
    demo(binary, env, partial, customers)
    print('# made the %d-customer database in %.1f s: %s'
          % (customers, time.monotonic() - start, cached), flush=True)
    # Folded into the main file, so one copy of it is the whole database.
    connection = sqlite3.connect(partial)
    connection.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    connection.close()
    shutil.move(partial, cached + '.tmp')
    os.rename(cached + '.tmp', cached)
    return cached, True


def run_once(binary, env, database, workdir, keep_as=None):
    """Starts rapport on a copy of @database, or on a new one when it is
    None, kept as @keep_as; returns its figures."""
    copy = keep_as or os.path.join(workdir, 'run.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(copy + suffix):
            os.unlink(copy + suffix)
    if database is not None:
        shutil.copyfile(database, copy)
        if os.path.exists(database + '-wal'):
            shutil.copyfile(database + '-wal', copy + '-wal')

    start_us = time.monotonic_ns() // 1000
    process = subprocess.Popen([binary, '--database', copy], env=env,
                               stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=workdir)
    try:
        stdout, stderr = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise BenchError('rapport did not scroll and quit within %d s'
                         % RUN_TIMEOUT)

    figures = {'steps': [], 'startup_frames': []}
    for line in stdout.splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == 'first-frame-monotonic-us':
            figures['first_frame_ms'] = (int(words[1]) - start_us) / 1000.0
        elif words[0] == 'startup-frame':
            figures['startup_frames'].append(int(words[1]) / 1000.0)
        elif words[0] == 'scroll-rows':
            figures['rows'] = int(words[1])
        elif words[0] == 'scroll-step':
            figures['steps'].append((words[1], int(words[2]) / 1000.0,
                                     int(words[3]) / 1000.0,
                                     int(words[4]) / 1000.0))
        elif words[0] == 'memory' and len(words) == 4:
            figures[words[1] + '_hwm_kb'] = int(words[2])
            figures[words[1] + '_rss_kb'] = int(words[3])
        elif words[0] == 'scroll-error':
            raise BenchError(line)

    if (process.returncode != 0 or 'first_frame_ms' not in figures
            or 'end_hwm_kb' not in figures or not figures['steps']):
        raise BenchError('rapport exited with %d and printed %d lines; '
                         'stderr: %s' % (process.returncode,
                                         len(stdout.splitlines()),
                                         ' '.join(stderr.split())[-500:]))
    return figures


def report(name, runs):
    steps = [step for run in runs for step in run['steps']]
    totals = [set_ms + frame_ms for _, set_ms, frame_ms, _ in steps]
    sets = [set_ms for _, set_ms, _, _ in steps]
    frames = [frame_ms for _, _, frame_ms, _ in steps]
    cpus = [cpu_ms for _, _, _, cpu_ms in steps]
    over = [step for step in steps if step[1] + step[2] > FRAME_BUDGET_MS]
    over_cpu = [step for step in over if step[3] > FRAME_BUDGET_MS]

    print('# %s: %d rows, %d run(s)' % (name, runs[0].get('rows', 0),
                                        len(runs)))
    print('#   first frame (spawn to first paint): %s ms'
          % ', '.join('%.1f' % run['first_frame_ms'] for run in runs))
    startup = ['  '.join('%.1f' % frame for frame in run['startup_frames'])
               for run in runs]
    print('#   frames after the first, in the 250 ms before scrolling (ms): '
          '%s' % ' | '.join(startup))
    print('#   scroll steps: %d; step = set_value + next frame (ms):'
          % len(steps))
    for label, values in (('step', totals), ('  set_value', sets),
                          ('  frame', frames), ('  CPU', cpus)):
        print('#     %-11s median %6.2f  p95 %6.2f  max %6.2f'
              % (label, statistics.median(values), percentile(values, 0.95),
                 max(values)))
    print('#   steps over %.0f ms: %d of %d, %d of them with over %.0f ms '
          'of CPU time' % (FRAME_BUDGET_MS, len(over), len(steps),
                           len(over_cpu), FRAME_BUDGET_MS))
    for number, run in enumerate(runs, start=1):
        run_over = ['%s #%d %.1f+%.1f (CPU %.1f)'
                    % (kind, index, set_ms, frame_ms, cpu_ms)
                    for index, (kind, set_ms, frame_ms, cpu_ms)
                    in enumerate(run['steps'])
                    if set_ms + frame_ms > FRAME_BUDGET_MS]
        jumps = ['%s %.1f+%.1f (CPU %.1f)' % (kind, set_ms, frame_ms, cpu_ms)
                 for kind, set_ms, frame_ms, cpu_ms in run['steps']
                 if kind in ('jump-top', 'jump-end')]
        print('#   run %d: jumps (set+frame ms): %s' % (number,
                                                        ', '.join(jumps)))
        far = [(set_ms + frame_ms, cpu_ms)
               for kind, set_ms, frame_ms, cpu_ms in run['steps']
               if kind == 'jump-far']
        if far:
            print('#   run %d: %d far jumps: step median %.1f max %.1f ms, '
                  'CPU median %.1f max %.1f ms'
                  % (number, len(far),
                     statistics.median(step for step, _ in far),
                     max(step for step, _ in far),
                     statistics.median(cpu for _, cpu in far),
                     max(cpu for _, cpu in far)))
        if run_over:
            print('#   run %d: over budget (kind #step set+frame ms): %s'
                  % (number, ', '.join(run_over[:20])))

    def mib(key):
        return ', '.join('%.1f' % (run.get(key, -1024) / 1024.0)
                         for run in runs)

    print('#   RSS with the list open, before scrolling: %s MiB'
          % mib('start_rss_kb'))
    print('#   peak RSS (VmHWM), list open and scrolled: %s MiB; '
          'RSS at the end: %s MiB' % (mib('end_hwm_kb'), mib('end_rss_kb')),
          flush=True)
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=2)
    parser.add_argument('--customers', type=int, default=100000)
    parser.add_argument('--cache-dir', default=None,
                        help='where the large database is kept between runs '
                             '(default: a temporary folder, not kept)')
    args = parser.parse_args()

    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.access(binary, os.X_OK):
        print('Bail out! RAPPORT_BINARY is not set to an executable: %r'
              % binary, flush=True)
        return 1
    if not os.environ.get('DISPLAY'):
        print('Bail out! no $DISPLAY: run under xvfb-run', flush=True)
        return 1

    workdir = tempfile.mkdtemp(prefix='rapport-bench-list-')
    try:
        env = dict(os.environ)
        env['HOME'] = os.path.join(workdir, 'home')
        for var, sub in [('XDG_CONFIG_HOME', 'config'),
                         ('XDG_DATA_HOME', 'data'),
                         ('XDG_CACHE_HOME', 'cache'),
                         ('XDG_STATE_HOME', 'state')]:
            env[var] = os.path.join(env['HOME'], sub)
            os.makedirs(env[var])
        env.pop('RAPPORT_DATABASE', None)
        env['RAPPORT_BENCH_FIRST_FRAME'] = '1'
        env['RAPPORT_BENCH_SCROLL'] = '1'

        print('1..2', flush=True)
        try:
            large, _ = large_database(binary, env, workdir,
                                      args.cache_dir or workdir,
                                      args.customers)
        except (BenchError, OSError, sqlite3.Error) as e:
            print('Bail out! %s' % ' '.join(str(e).split()), flush=True)
            return 1

        # The first start creates an empty database (not measured: it is
        # also the warm-up); the empty case runs on copies of it.
        empty = os.path.join(workdir, 'empty.db')
        try:
            run_once(binary, env, None, workdir, keep_as=empty)
        except (BenchError, OSError) as e:
            print('Bail out! %s' % ' '.join(str(e).split()), flush=True)
            return 1

        cases = [('an empty database', empty),
                 ('%d customers' % args.customers, large)]
        failed = 0
        for number, (name, database) in enumerate(cases, start=1):
            try:
                runs = [run_once(binary, env, database, workdir)
                        for _ in range(args.runs)]
            except (BenchError, OSError) as e:
                failed += 1
                print('not ok %d - customer list, %s' % (number, name))
                print('# %s' % ' '.join(str(e).split()), flush=True)
                continue
            totals = report(name, runs)
            print('ok %d - customer list, %s: step max %.1f ms, '
                  'peak RSS %.1f MiB'
                  % (number, name, max(totals),
                     max(run['end_hwm_kb'] for run in runs) / 1024.0),
                  flush=True)
        return 1 if failed else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
