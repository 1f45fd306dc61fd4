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
# Then, as a floor, the sqlite3 shell loads the same rows (the first
# run's customers, industries, contacts, cooperation records, follow-ups,
# tags and tag links, exported to CSV) into tables with the same columns
# and indexes and builds the same two full-text indexes, in one
# transaction with the same journal and sync settings: what SQLite alone
# takes to write this much, with none of the generating, checking or
# deriving. Its tables have no CHECK constraints, the unique code index is
# a plain one (CSV has no NULL), and the shell cannot load Rapport's
# one-and-two-character tokenizer, so that index is FTS5's unicode61 with
# prefixes of 1 and 2 over the same text. A second floor loads only the
# customers, contacts, tags and the search indexes: what the customers
# page needs, without the sample data of the later pages.
#
# --compare BINARY runs another build (the one before a change, say) in
# alternation with this one, so both see the same load. The figures are
# TAP '# ' comments; the benchmark fails only when a command fails or two
# runs of the same build disagree about the data, never on timing.

import argparse
import csv
import os
import re
import resource
import shutil
import sqlite3
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


FLOOR_TABLES = ('industry', 'customer', 'contact', 'cooperation', 'follow_up',
                'tag', 'customer_tag')
# What the customers page itself needs: no cooperation records or
# follow-ups.
CUSTOMER_TABLES = ('industry', 'customer', 'contact', 'tag', 'customer_tag')


def floor_script(database, folder, tables):
    """Exports @database's rows of @tables to CSV in @folder and returns
    the sqlite3 shell script that loads them as described at the top."""
    connection = sqlite3.connect(database)
    lines = ['PRAGMA journal_mode = WAL;', 'PRAGMA synchronous = FULL;', 'BEGIN;']
    imports = []
    try:
        for table in tables:
            columns = connection.execute('PRAGMA table_info(%s)' % table).fetchall()
            keys = [c[1] for c in columns if c[5]]
            lines.append('CREATE TABLE %s (%s);' % (table, ', '.join(
                '%s INTEGER PRIMARY KEY' % c[1] if keys == ['id'] and c[1] == 'id' else c[1]
                for c in columns)))
            path = os.path.join(folder, table + '.csv')
            with open(path, 'w', newline='', encoding='utf-8') as f:
                csv.writer(f).writerows(connection.execute('SELECT * FROM %s' % table))
            imports.append('.import --csv %s %s' % (path, table))
        indexes = [row[0].replace('CREATE UNIQUE INDEX', 'CREATE INDEX') + ';'
                   for row in connection.execute(
                       "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                       " AND tbl_name IN (%s)" % ','.join("'%s'" % t for t in tables))]
        path = os.path.join(folder, 'search.csv')
        with open(path, 'w', newline='', encoding='utf-8') as f:
            csv.writer(f).writerows(connection.execute('SELECT rowid, body FROM search_customer'))
    finally:
        connection.close()
    return '\n'.join(lines + imports + indexes + [
        'CREATE TABLE search_text (id INTEGER, body);',
        '.import --csv %s search_text' % path,
        "CREATE VIRTUAL TABLE search_customer USING fts5 (body, tokenize = 'trigram');",
        'INSERT INTO search_customer (rowid, body) SELECT id, body FROM search_text;',
        "CREATE VIRTUAL TABLE search_short USING fts5 (body, prefix = '1 2');",
        'INSERT INTO search_short (rowid, body) SELECT id, body FROM search_text;',
        'COMMIT;', '']).encode('utf-8')


def run_floor(script, database):
    """Runs the sqlite3 shell on @script; returns its wall and CPU time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(['sqlite3', '-bail', database], input=script,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise BenchError('sqlite3 failed: %s' % result.stderr.decode('utf-8', 'replace').strip())
    return {'wall': wall, 'cpu': (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}


def remove_database(database):
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(database + suffix):
            os.unlink(database + suffix)


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
    parser.add_argument('--floor-runs', type=int, default=3,
                        help='runs of the sqlite3 shell loading the same rows (0: none)')
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
    floor_runs = args.floor_runs if shutil.which('sqlite3') else 0
    print('1..%d' % (len(builds) * args.runs + (2 if floor_runs else 0)), flush=True)
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
                if name == 'rapport' and run == 0:
                    sample = database  # kept for the floor
                else:
                    remove_database(database)
                print('ok %d - %s run %d: wall %.2f s, CPU %.2f s, peak %.0f MiB (%s)' % (
                    test, name, run + 1, result['wall'], result['cpu'], result['rss'],
                    result['summary']), flush=True)

        floors = []
        if floor_runs:
            for what, tables in (('the same rows', FLOOR_TABLES),
                                 ('the customers, contacts and tags alone', CUSTOMER_TABLES)):
                test += 1
                script = floor_script(sample, folder, tables)
                floor = []
                for run in range(floor_runs):
                    database = os.path.join(folder, 'floor-%d.db' % run)
                    try:
                        floor.append(run_floor(script, database))
                        if tables == FLOOR_TABLES and counts(database) not in data['rapport']:
                            raise BenchError('it holds %r rows, the demo %r'
                                             % (counts(database), data['rapport']))
                    except BenchError as error:
                        print('not ok %d - the sqlite3 shell loading %s: %s' % (test, what, error),
                              flush=True)
                        return 1
                    remove_database(database)
                print('ok %d - the sqlite3 shell loads %s: wall %s s' % (
                    test, what, ' '.join('%.2f' % r['wall'] for r in floor)), flush=True)
                floors.append((what, floor))
            remove_database(sample)

    for name, _ in builds:
        describe(name, results[name])
        if len(data[name]) != 1:
            print('Bail out! %s made different data in different runs: %r' % (name, data[name]), flush=True)
            return 1
    for what, floor in floors:
        print('# sqlite3 shell loading %s from CSV with the same indexes and both '
              'full-text indexes: median wall %.2f s, CPU %.2f s' % (
                  what, statistics.median(r['wall'] for r in floor),
                  statistics.median(r['cpu'] for r in floor)), flush=True)
    if floors:
        floor = floors[0][1]
        print('# rapport / sqlite3 loading the same rows: wall %.2f, CPU %.2f' % (
            statistics.median(r['wall'] for r in results['rapport']) /
            statistics.median(r['wall'] for r in floor),
            statistics.median(r['cpu'] for r in results['rapport']) /
            statistics.median(r['cpu'] for r in floor)), flush=True)
    if args.compare:
        def ratio(key):
            return (statistics.median(r[key] for r in results['rapport']) /
                    statistics.median(r[key] for r in results['compared']))
        print('# rapport / compared: wall %.2f, CPU %.2f' % (ratio('wall'), ratio('cpu')), flush=True)

    return 0


if __name__ == '__main__':
    sys.exit(main())
