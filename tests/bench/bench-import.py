#!/usr/bin/python3
# bench-import.py — `rapport import customers` against SQLite's own import
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes a 100 000-customer CSV the way a user would get one (`rapport demo`
# then `rapport export customers`), then, in the same run, times:
#
#   rapport   `rapport import customers FILE` into a fresh database: decode,
#             parse, check and write every row with its contacts and tags,
#             the pinyin and collation columns, the duplicate test, the
#             undo changeset and both full-text indexes, in one transaction.
#   baseline  the sqlite3 shell: `.import` of the same file into a plain
#             table plus an FTS5 trigram index over the same text, with the
#             same durability settings (WAL, synchronous=FULL).
#
# and prints both, their ratio (target: rapport ≤ 1.5 × baseline), a dry
# run (parse and check only), the undo changeset's size and the peak memory
# of each process. The machine is shared, so the two imports run in
# alternation --repeat times (default 3), each into a fresh database, and
# the ratio is given for each pair, for the medians, and for the CPU time
# (user + system, from wait4()), which waiting for a busy CPU does not
# inflate. The figures are TAP '# ' comments; the benchmark fails only
# when a command fails, never on timing.

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

TEXT_COLUMNS = [
    '客户名称', '统一社会信用代码', '身份证号', '所属行业', '负责人', '省份', '城市', '区县', '地址',
    '痛点', '决策链', '备注', '标签', '联系人', '职务', '电话', '邮箱',
]


class BenchError(Exception):
    pass


def run_measured(argv, env, stdin=None):
    """Like run(), with the process's own peak RSS from wait4()."""
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdin=stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BenchError('%s exited with %d: %s'
                         % (' '.join(argv[:4]), process.returncode,
                            stderr.decode('utf-8', 'replace').strip()))
    run_measured.cpu = usage.ru_utime + usage.ru_stime
    return elapsed, usage.ru_maxrss / 1024.0, stdout.decode('utf-8', 'replace')


def sqlite_value(database, sql):
    output = subprocess.run(['sqlite3', database, sql], check=True,
                            capture_output=True, text=True).stdout
    return output.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--customers', type=int, default=100000)
    parser.add_argument('--repeat', type=int, default=3)
    args = parser.parse_args()

    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.access(binary, os.X_OK):
        print('Bail out! RAPPORT_BINARY is not set to an executable: %r' % binary, flush=True)
        return 1
    if shutil.which('sqlite3') is None:
        print('Bail out! the sqlite3 shell is not installed', flush=True)
        return 1

    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    env['LANGUAGE'] = 'C'
    env['LC_ALL'] = 'C.UTF-8'
    # A benchmark measures the program, not the allocator's debugging aids.
    env.pop('MALLOC_CHECK_', None)
    env.pop('MALLOC_PERTURB_', None)

    workdir = tempfile.mkdtemp(prefix='rapport-bench-import-')
    print('1..1', flush=True)
    try:
        source = os.path.join(workdir, 'source.db')
        csv = os.path.join(workdir, 'customers.csv')

        demo_s, demo_mb, _ = run_measured([binary, '--database', source, 'demo',
                                           '--customers', str(args.customers)], env)
        print('# demo --customers %d: %.1f s, peak %.0f MB' % (args.customers, demo_s, demo_mb),
              flush=True)
        export_s, _, _ = run_measured([binary, '--database', source, 'export', 'customers',
                                       '-o', csv], env)
        size_mb = os.path.getsize(csv) / 1048576.0
        print('# export: %.1f s, %.1f MB of CSV' % (export_s, size_mb), flush=True)

        dry_db = os.path.join(workdir, 'dry.db')
        dry_s, dry_mb, _ = run_measured([binary, '--database', dry_db, 'import', 'customers',
                                         csv, '--dry-run'], env)
        print('# rapport import --dry-run (decode, parse, check): %.1f s, peak %.0f MB'
              % (dry_s, dry_mb), flush=True)

        body = " || ' ' || ".join('ifnull("%s", \'\')' % name for name in TEXT_COLUMNS)
        script = '\n'.join([
            'PRAGMA journal_mode = WAL;',
            'PRAGMA synchronous = FULL;',
            '.mode csv',
            '.import %s customers' % csv,
            "CREATE VIRTUAL TABLE search USING fts5 (body, tokenize = 'trigram');",
            'INSERT INTO search (rowid, body) SELECT rowid, %s FROM customers;' % body,
            '',
        ])

        def remove(prefix):
            for name in os.listdir(workdir):
                if name.startswith(prefix):
                    os.unlink(os.path.join(workdir, name))

        pairs = []
        for run in range(1, args.repeat + 1):
            remove('imported.db')
            target = os.path.join(workdir, 'imported.db')
            import_s, import_mb, out = run_measured([binary, '--database', target, 'import',
                                                     'customers', csv], env)
            import_cpu = run_measured.cpu
            imported = int(sqlite_value(target, 'SELECT count(*) FROM customer'))
            if imported != args.customers:
                raise BenchError('imported %d customers, not %d: %s' % (imported, args.customers, out))
            changeset_mb = int(sqlite_value(target, 'SELECT sum(length(changeset)) FROM journal')) / 1048576.0
            db_mb = sum(os.path.getsize(os.path.join(workdir, name))
                        for name in os.listdir(workdir) if name.startswith('imported.db')) / 1048576.0
            print('# run %d: rapport import customers: %.1f s (CPU %.1f s, %.0f rows/s), peak %.0f MB; '
                  'database %.0f MB, of which the undo changeset %.0f MB'
                  % (run, import_s, import_cpu, imported / import_s, import_mb, db_mb, changeset_mb),
                  flush=True)

            remove('baseline.db')
            baseline_db = os.path.join(workdir, 'baseline.db')
            with tempfile.TemporaryFile(mode='w+', encoding='utf-8') as commands:
                commands.write(script)
                commands.seek(0)
                baseline_s, baseline_mb, _ = run_measured(['sqlite3', baseline_db], env, stdin=commands)
            baseline_cpu = run_measured.cpu
            rows = int(sqlite_value(baseline_db, 'SELECT count(*) FROM customers'))
            if rows != args.customers:
                raise BenchError('sqlite3 imported %d rows, not %d' % (rows, args.customers))
            print('# run %d: sqlite3 .import + FTS5 trigram index: %.1f s (CPU %.1f s), peak %.0f MB; '
                  'ratio %.2f (CPU %.2f)'
                  % (run, baseline_s, baseline_cpu, baseline_mb, import_s / baseline_s,
                     import_cpu / baseline_cpu), flush=True)
            pairs.append((import_s, baseline_s, import_cpu, baseline_cpu))

        def median(values):
            values = sorted(values)
            return values[len(values) // 2]

        ratios = [a / b for a, b, _, _ in pairs]
        cpu_ratios = [c / d for _, _, c, d in pairs]
        ratio = median([a for a, _, _, _ in pairs]) / median([b for _, b, _, _ in pairs])
        print('# ratio rapport / sqlite3 of the median times: %.2f (target <= 1.5%s); '
              'per pair %s; of CPU times %s'
              % (ratio, '' if ratio <= 1.5 else '; missed by %.0f%%' % ((ratio / 1.5 - 1) * 100),
                 ', '.join('%.2f' % r for r in ratios), ', '.join('%.2f' % r for r in cpu_ratios)),
              flush=True)
        print('ok 1 import %d customers' % args.customers, flush=True)
    except (BenchError, OSError, subprocess.CalledProcessError) as error:
        print('not ok 1 %s' % error, flush=True)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    return 0


if __name__ == '__main__':
    sys.exit(main())
