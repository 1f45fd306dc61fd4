#!/usr/bin/python3
# bench-priorities.py — first frame of the priorities page, empty and with
# 5 000 open requirements
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window opens on the page it showed last (the GSettings key
# last-page), so the runs use GLib's keyfile settings backend with
# last-page='priorities': the first painted frame is the priority matrix
# and its ranked list. Each run starts the real binary with
# RAPPORT_BENCH_FIRST_FRAME=1 (see bench-startup.py, whose timing function
# this reuses) on its own copy of one of two databases made with
# `rapport demo`:
#
#   - an empty one (demo customers, no requirements);
#   - the same with N requirements (default 5 000), all of them reopened
#     (status pending or in progress), so every one is on the matrix.
#
# The target is a first frame with 5 000 open requirements within 1.3× the
# empty one, measured in the same run. Output is TAP; figures are comments.
# Needs $DISPLAY and a session bus, like the other benchmarks.

import argparse
import importlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

startup = importlib.import_module('bench-startup')


def make_demo(binary, env, path, customers, requirements, workdir):
    argv = [binary, '--database', path, 'demo', '--customers', str(customers)]
    if requirements:
        argv += ['--requirements', str(requirements)]
    done = subprocess.run(argv, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, cwd=workdir)
    if done.returncode != 0:
        raise startup.BenchError('`rapport demo` failed: %s' % ' '.join(done.stdout.split()))
    # Reopen the closed ones: the matrix shows open requirements.
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE requirement SET status = 'pending'"
                           " WHERE status IN ('done', 'rejected')")
        connection.commit()
        (open_count,) = connection.execute(
            "SELECT count(*) FROM requirement WHERE status IN ('pending', 'in_progress')"
            " AND merged_into IS NULL").fetchone()
        connection.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    finally:
        connection.close()
    return open_count


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=11)
    parser.add_argument('--warmup', type=int, default=2)
    parser.add_argument('--requirements', type=int, default=5000)
    parser.add_argument('--customers', type=int, default=200)
    args = parser.parse_args()

    binary = os.environ.get('RAPPORT_BINARY')
    if not binary or not os.access(binary, os.X_OK):
        print('Bail out! RAPPORT_BINARY is not set to an executable: %r' % binary, flush=True)
        return 1
    if not os.environ.get('DISPLAY'):
        print('Bail out! no $DISPLAY: run under xvfb-run', flush=True)
        return 1

    workdir = tempfile.mkdtemp(prefix='rapport-bench-priorities-')
    try:
        env = dict(os.environ)
        env['HOME'] = os.path.join(workdir, 'home')
        for var, sub in [('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                         ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')]:
            env[var] = os.path.join(env['HOME'], sub)
            os.makedirs(env[var])
        env.pop('RAPPORT_DATABASE', None)
        env['RAPPORT_BENCH_FIRST_FRAME'] = '1'

        # The window opens on the page of the keyfile: the priorities page,
        # or, for the third case, the customers page.
        env['GSETTINGS_BACKEND'] = 'keyfile'

        def env_for(page):
            config = os.path.join(env['HOME'], 'config-' + page)
            keyfile_dir = os.path.join(config, 'glib-2.0', 'settings')
            os.makedirs(keyfile_dir)
            with open(os.path.join(keyfile_dir, 'keyfile'), 'w') as f:
                f.write("[org/rapportcrm/Rapport]\nlast-page='%s'\n" % page)
            return dict(env, XDG_CONFIG_HOME=config)

        try:
            empty = os.path.join(workdir, 'empty.db')
            make_demo(binary, env, empty, args.customers, 0, workdir)
            full = os.path.join(workdir, 'full.db')
            n_open = make_demo(binary, env, full, args.customers, args.requirements, workdir)
        except startup.BenchError as e:
            print('Bail out! %s' % e, flush=True)
            return 1

        counter = [0]

        def copy_of(source):
            counter[0] += 1
            path = os.path.join(workdir, 'copy-%d.db' % counter[0])
            shutil.copyfile(source, path)
            return path

        priorities = env_for('priorities')
        customers = env_for('customers')
        # The third case tells what the requirements cost the window
        # whichever page shows (the requirement board loads them too).
        cases = [('no requirements', empty, priorities),
                 ('%d open requirements' % n_open, full, priorities),
                 ('%d open requirements, window on the customers page' % n_open, full, customers)]
        print('1..%d' % (len(cases) + 1), flush=True)
        medians = []
        # Interleaved, so that a change in the machine's load during the run
        # touches both cases alike.
        samples = {name: [] for name, _, _ in cases}
        try:
            for name, source, case_env in cases:
                for _ in range(args.warmup):
                    startup.first_frame_us(binary, case_env, copy_of(source), workdir)
            for _ in range(args.runs):
                for name, source, case_env in cases:
                    samples[name].append(
                        startup.first_frame_us(binary, case_env, copy_of(source), workdir) / 1000.0)
        except startup.BenchError as e:
            print('Bail out! %s' % ' '.join(str(e).split()), flush=True)
            return 1

        for number, (name, _, _) in enumerate(cases, start=1):
            values = samples[name]
            median = statistics.median(values)
            medians.append(median)
            print('# first frame, %s, %d runs after %d warm-up:'
                  % (name, args.runs, args.warmup))
            print('#   min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms'
                  % (min(values), median, startup.percentile(values, 0.9), max(values)))
            print('ok %d - first frame, %s: median %.1f ms'
                  % (number, name, median), flush=True)

        ratio = medians[1] / medians[0]
        print('# ratio of the medians: %.2f (target 1.3 or less)' % ratio)
        print('# the priorities page against the customers page, both with the'
              ' requirements: %.2f' % (medians[1] / medians[2]))
        print('ok %d - first frame with %d open requirements is %.2f× the empty one'
              % (len(cases) + 1, n_open, ratio), flush=True)
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
