#!/usr/bin/python3
# bench-demo.py — `rapport demo --customers 100000` on a fresh database
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times the whole command as a user runs it: 100 000 sample customers with
# their contacts, cooperation records, tags and approvals, the full-text
# index built at the commit, then three sample follow-ups per customer
# (the default) in a second transaction. Each run starts from a fresh
# database in a temporary folder. Reports, for each run and as medians,
# the wall time, the CPU time (user + system, from wait4(), which waiting
# for a busy CPU does not inflate), the peak memory, and the time the
# command itself gives for the customers (which includes their search
# index).
#
# --compare BINARY runs another build (the one before a change, say) in
# alternation with this one, so both see the same load. The figures are
# TAP '# ' comments; the benchmark fails only when a command fails or two
# runs of the same build disagree about the data, never on timing.

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


class BenchError(Exception):
    pass


def run_demo(binary, database, customers, follow_ups, env):
    argv = [binary, '--database', database, 'demo', '--customers', str(customers)]
    if follow_ups is not None:
        argv += ['--follow-ups', str(follow_ups)]
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout = process.stdout.read().decode('utf-8', 'replace')
    stderr = process.stderr.read().decode('utf-8', 'replace')
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise BenchError('%s exited with %d: %s' % (' '.join(argv), code, stderr.strip()))
    match = re.search(r'\(([0-9.]+) s\)', stdout)
    return {
        'wall': wall,
        'cpu': usage.ru_utime + usage.ru_stime,
        'user': usage.ru_utime,
        'rss': usage.ru_maxrss / 1024.0,
        'customers_s': float(match.group(1)) if match else float('nan'),
        'summary': stdout.strip().replace('\n', ' / '),
    }


def counts(database):
    import sqlite3
    connection = sqlite3.connect(database)
    try:
        return tuple(connection.execute(sql).fetchone()[0] for sql in (
            'SELECT count(*) FROM customer',
            'SELECT count(*) FROM contact',
            'SELECT count(*) FROM cooperation',
            'SELECT count(*) FROM follow_up',
            'SELECT count(*) FROM search_customer',
        ))
    finally:
        connection.close()


def describe(name, runs):
    def median(key):
        return statistics.median(run[key] for run in runs)

    print('# %s: median wall %.2f s, CPU %.2f s (user %.2f s), customers with their index %.1f s, '
          'peak memory %.0f MiB; wall %s' % (
              name, median('wall'), median('cpu'), median('user'), median('customers_s'),
              median('rss'), ' '.join('%.2f' % run['wall'] for run in runs)), flush=True)
    print('# %s: CPU %s' % (name, ' '.join('%.2f' % run['cpu'] for run in runs)), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--customers', type=int, default=100000)
    parser.add_argument('--follow-ups', type=int, default=None,
                        help='per customer; the command\'s default (3) when not given')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--compare', metavar='BINARY',
                        help='another rapport build to run in alternation')
    args = parser.parse_args()

    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.access(binary, os.X_OK):
        print('Bail out! RAPPORT_BINARY is not set to an executable: %r' % binary, flush=True)
        return 1
    builds = [('rapport', binary)]
    if args.compare:
        if not os.access(args.compare, os.X_OK):
            print('Bail out! --compare %r is not an executable' % args.compare, flush=True)
            return 1
        builds.append(('compared', args.compare))

    env = dict(os.environ)
    env['LANGUAGE'] = 'C'
    env['LC_ALL'] = 'C.UTF-8'
    # The test environment's malloc checks would be timed too; a user
    # runs without them.
    env.pop('MALLOC_CHECK_', None)
    env.pop('MALLOC_PERTURB_', None)
    results = {name: [] for name, _ in builds}
    data = {name: set() for name, _ in builds}

    print('TAP version 13', flush=True)
    print('1..%d' % (len(builds) * args.runs), flush=True)
    test = 0
    with tempfile.TemporaryDirectory(prefix='bench-demo-') as folder:
        for run in range(args.runs):
            for name, path in builds:
                test += 1
                database = os.path.join(folder, '%s-%d.db' % (name, run))
                try:
                    result = run_demo(path, database, args.customers, args.follow_ups, env)
                except BenchError as error:
                    print('not ok %d - %s run %d: %s' % (test, name, run + 1, error), flush=True)
                    return 1
                data[name].add(counts(database))
                results[name].append(result)
                for suffix in ('', '-wal', '-shm'):
                    if os.path.exists(database + suffix):
                        os.unlink(database + suffix)
                print('ok %d - %s run %d: wall %.2f s, CPU %.2f s, peak %.0f MiB (%s)' % (
                    test, name, run + 1, result['wall'], result['cpu'], result['rss'],
                    result['summary']), flush=True)

    for name, _ in builds:
        describe(name, results[name])
        if len(data[name]) != 1:
            print('Bail out! %s made different data in different runs: %r' % (name, data[name]), flush=True)
            return 1
    if args.compare:
        def ratio(key):
            return (statistics.median(r[key] for r in results['rapport']) /
                    statistics.median(r[key] for r in results['compared']))
        print('# rapport / compared: wall %.2f, CPU %.2f' % (ratio('wall'), ratio('cpu')), flush=True)

    return 0


if __name__ == '__main__':
    sys.exit(main())
