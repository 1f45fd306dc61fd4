#!/usr/bin/python3
# bench-requirement-board.py — the requirement board's first frame with
# 200 000 requirements against an empty database, in the same run
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts rapport with RAPPORT_BENCH_FIRST_FRAME and RAPPORT_BENCH_PAGE=
# requirements, so the board is the page painted first, and times spawn to
# first frame (see bench-startup.py, whose measuring it shares). The runs
# alternate between an empty database and one with `rapport demo
# --customers 200 --requirements 200000`, so both see the same machine
# load; the figure is the ratio of the medians (target: at most 1.3).
# The 200 000-requirement database (170 MB) is kept in --cache-dir.
#
# Output is TAP with the figures as comments; not pass/fail on timing.

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('bench_startup',
                                               os.path.join(HERE, 'bench-startup.py'))
bench_startup = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_startup)


def make_big(binary, env, path, requirements):
    """The cached database, made once per build folder and size."""
    if os.path.exists(path):
        return path
    partial = path + '.partial'
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(partial + suffix):
            os.remove(partial + suffix)
    result = subprocess.run([binary, '--database', partial, 'demo', '--customers', '200',
                             '--requirements', str(requirements)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if result.returncode != 0:
        raise bench_startup.BenchError('`rapport demo` failed: %s' % result.stdout)
    # A checkpoint, so the copy is one file.
    subprocess.run([binary, '--database', partial, 'db', 'check'], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.rename(partial, path)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=9)
    parser.add_argument('--warmup', type=int, default=2)
    parser.add_argument('--requirements', type=int, default=200000)
    parser.add_argument('--cache-dir', default=None)
    args = parser.parse_args()

    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.environ.get('DISPLAY'):
        print('Bail out! needs RAPPORT_BINARY and a $DISPLAY', flush=True)
        return 1

    workdir = tempfile.mkdtemp(prefix='rapport-bench-board-')
    cache_dir = args.cache_dir or workdir
    try:
        env = dict(os.environ)
        env['HOME'] = os.path.join(workdir, 'home')
        for var, sub in [('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                         ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')]:
            env[var] = os.path.join(env['HOME'], sub)
            os.makedirs(env[var])
        env.pop('RAPPORT_DATABASE', None)

        print('1..1', flush=True)
        try:
            big = make_big(binary, env, os.path.join(
                cache_dir, 'bench-requirements-%d.db' % args.requirements), args.requirements)
            env['RAPPORT_BENCH_FIRST_FRAME'] = '1'
            env['RAPPORT_BENCH_PAGE'] = 'requirements'
            empty = os.path.join(workdir, 'empty.db')
            bench_startup.first_frame_us(binary, env, empty, workdir)
            # The same 200 customers without requirements: what the board
            # itself adds, apart from the customers page behind it.
            customers = os.path.join(workdir, 'customers.db')
            subprocess.run([binary, '--database', customers, 'demo', '--customers', '200',
                            '--requirements', '0'], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

            times = {'empty': [], 'customers': [], 'big': []}
            for run in range(args.warmup + args.runs):
                for name, path in (('empty', empty), ('customers', customers), ('big', big)):
                    ms = bench_startup.first_frame_us(binary, env, path, workdir) / 1000.0
                    if run >= args.warmup:
                        times[name].append(ms)
        except bench_startup.BenchError as e:
            print('not ok 1 - requirement board first frame')
            print('# %s' % e, flush=True)
            return 1

        empty_median = statistics.median(times['empty'])
        big_median = statistics.median(times['big'])
        print('# board first frame, empty database: median %.0f ms (min %.0f, p90 %.0f)'
              % (empty_median, min(times['empty']), bench_startup.percentile(times['empty'], 0.9)))
        print('# board first frame, %d requirements: median %.0f ms (min %.0f, p90 %.0f)'
              % (args.requirements, big_median, min(times['big']),
                 bench_startup.percentile(times['big'], 0.9)))
        customers_median = statistics.median(times['customers'])
        print('# board first frame, 200 customers and no requirements: median %.0f ms'
              % customers_median)
        print('# ratio of medians: %.2f against the empty database (target 1.3); '
              '%.2f against the same customers without requirements'
              % (big_median / empty_median, big_median / customers_median))
        print('ok 1 - requirement board first frame', flush=True)
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
