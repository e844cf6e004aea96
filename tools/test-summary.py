#!/usr/bin/env python3
"""Prints the closing line of a test run, `N passed, N failed`, from meson's
testlog.json files: one per build directory (`make test` runs the tests in
build/ and again under ASan and UBSan in build-asan/), all counted together.
Each TAP test case (`ok` / `not ok`) counts once; a test that does not speak
TAP, or that died before finishing its plan, counts as one. A log that is
missing (its run never started) counts as one failure.

Usage: test-summary.py BUILD_DIR/meson-logs/testlog.json...
"""
import json
import re
import sys

passed = failed = 0
if len(sys.argv) < 2:
    sys.exit(__doc__)
for path in sys.argv[1:]:
    try:
        log = open(path, encoding='utf-8')
    except OSError as error:
        print(f'{path}: {error.strerror}', file=sys.stderr)
        failed += 1
        continue
    with log:
        for line in log:
            test = json.loads(line)
            output = test.get('stdout') or ''
            ok = len(re.findall(r'^ok \d+', output, re.M))
            not_ok = len(re.findall(r'^not ok \d+', output, re.M))
            plan = re.search(r'^1\.\.(\d+)', output, re.M)
            finished = test['result'] in ('OK', 'EXPECTEDFAIL')
            if ok + not_ok == 0:
                passed += finished
                failed += not finished
                continue
            passed += ok
            failed += not_ok
            # A crash part-way loses the cases after it: count the test once more
            if not finished and not_ok == 0:
                failed += 1
            elif finished and plan and int(plan.group(1)) != ok + not_ok:
                failed += 1

print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
