#!/usr/bin/python3
# bench-startup.py — time from starting rapport to its first painted frame
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the real binary with RAPPORT_BENCH_FIRST_FRAME=1: at the first frame
# its window paints, main.c prints `first-frame-monotonic-us T` with
# g_get_monotonic_time() and quits. The time taken just before the spawn
# comes from time.monotonic_ns(), the same CLOCK_MONOTONIC, so T minus it is
# what a person waits for between launching and seeing the window.
#
# Three cases: a database that does not exist yet (created at startup), an
# empty one that exists (made by an earlier run), and one filled with
# `rapport demo --customers N` (generated data, the same on every machine).
# Each run gets its own copy, so no run reuses another's file or its cache.
#
# Needs $DISPLAY (xvfb-run) and a session bus (dbus-run-session), like
# `meson test --benchmark` under build-aux/test.sh. Output is TAP; the
# figures are '# ' comments.

import argparse
import errno
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUN_TIMEOUT = 30
RELINKING = (errno.ETXTBSY, errno.EACCES, errno.ENOENT)


class BenchError(Exception):
    pass


def first_frame_us(binary, env, database, workdir):
    """Starts rapport once; returns microseconds from spawn to first frame."""
    deadline = time.monotonic() + 30
    while True:
        start_us = time.monotonic_ns() // 1000
        try:
            process = subprocess.Popen([binary, '--database', database],
                                       env=env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE,
                                       text=True, cwd=workdir)
            break
        except OSError as e:
            # Another build in the shared build folder is relinking rapport
            # at this moment (busy, not yet executable, or not yet there);
            # it is done within seconds.
            if e.errno not in RELINKING or time.monotonic() > deadline:
                raise BenchError('cannot start %s: %s' % (binary, e))
            time.sleep(0.2)
    try:
        stdout, stderr = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise BenchError('rapport did not paint and quit within %d s'
                         % RUN_TIMEOUT)
    stamps = [line.split()[1] for line in stdout.splitlines()
              if line.startswith('first-frame-monotonic-us ')]
    if process.returncode != 0 or len(stamps) != 1:
        raise BenchError('rapport exited with %d and printed %r; stderr: %s'
                         % (process.returncode, stdout, stderr.strip()))
    return int(stamps[0]) - start_us


def percentile(values, fraction):
    """Nearest-rank percentile: a value that was really measured."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil, at least 1
    return ordered[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=15)
    parser.add_argument('--warmup', type=int, default=2)
    parser.add_argument('--demo-customers', type=int, default=5000)
    args = parser.parse_args()

    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.access(binary, os.X_OK):
        print('Bail out! RAPPORT_BINARY is not set to an executable: %r'
              % binary, flush=True)
        return 1
    if not os.environ.get('DISPLAY'):
        print('Bail out! no $DISPLAY: run under xvfb-run', flush=True)
        return 1

    workdir = tempfile.mkdtemp(prefix='rapport-bench-startup-')
    try:
        # One private home for all runs, so the user's files are never
        # touched and the warm-up runs fill whatever caches a real user's
        # home would already have.
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

        template = os.path.join(workdir, 'template.db')
        try:
            first_frame_us(binary, env, template, workdir)
        except BenchError as e:
            print('Bail out! %s' % ' '.join(str(e).split()), flush=True)
            return 1

        demo = os.path.join(workdir, 'demo.db')
        generated = subprocess.run([binary, '--database', demo, 'demo',
                                    '--customers', str(args.demo_customers)],
                                   env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)

        counter = [0]

        def new_database():
            counter[0] += 1
            return os.path.join(workdir, 'new-%d.db' % counter[0])

        def copy_of(source):
            def make():
                counter[0] += 1
                path = os.path.join(workdir, 'copy-%d.db' % counter[0])
                shutil.copyfile(source, path)
                if os.path.exists(source + '-wal'):
                    shutil.copyfile(source + '-wal', path + '-wal')
                return path
            return make

        demo_failure = None
        if generated.returncode != 0:
            demo_failure = '`rapport demo` failed: %s' % ' '.join(
                generated.stdout.split())

        # (name, database maker, reason to skip)
        cases = [('a new database', new_database, None),
                 ('an existing empty database', copy_of(template), None),
                 ('a database of %d demo customers' % args.demo_customers,
                  copy_of(demo), demo_failure)]
        print('1..%d' % len(cases), flush=True)
        failed = 0
        for number, (name, make_database, skip) in enumerate(cases, start=1):
            if skip:
                print('ok %d - startup to first frame, %s # SKIP %s'
                      % (number, name, skip), flush=True)
                continue
            try:
                for _ in range(args.warmup):
                    first_frame_us(binary, env, make_database(), workdir)
                samples = [first_frame_us(binary, env, make_database(), workdir)
                           / 1000.0 for _ in range(args.runs)]
            except BenchError as e:
                failed += 1
                print('not ok %d - startup to first frame, %s' % (number, name))
                print('# %s' % e, flush=True)
                continue
            print('# startup to first frame, %s, %d runs after %d warm-up:'
                  % (name, args.runs, args.warmup))
            print('#   min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms'
                  % (min(samples), statistics.median(samples),
                     percentile(samples, 0.9), max(samples)))
            print('#   all (ms): %s' % ' '.join('%.1f' % s for s in samples))
            print('ok %d - startup to first frame, %s: median %.1f ms'
                  % (number, name, statistics.median(samples)), flush=True)
        return 1 if failed else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
