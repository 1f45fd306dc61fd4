#!/usr/bin/python3
"""Prints `N passed, N failed` from meson's own test logs.

Each argument is a meson-logs/testlog.json. Passed counts OK and EXPECTEDFAIL;
failed counts FAIL, ERROR, TIMEOUT and UNEXPECTEDPASS; skipped tests are
reported on a line of their own and counted in neither.
"""

import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as log:
                lines = [line for line in log if line.strip()]
        except OSError as error:
            print(f"summarize-tests: cannot read {path}: {error}", file=sys.stderr)
            failed += 1
            continue
        for line in lines:
            result = json.loads(line).get("result")
            if result in PASSED:
                passed += 1
            elif result in SKIPPED:
                skipped += 1
            else:
                failed += 1
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
