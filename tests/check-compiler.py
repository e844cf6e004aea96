#!/usr/bin/env python3
"""vecinos-compile treats a dataset as untrusted input: on a copy of the
small test dataset, changed one way at a time, it refuses an infinite or
absurd value, nesting that would overflow json-glib's stack, a FIFO in place
of a file, an output that is one of its inputs, a NUL or a lone surrogate in
a text, a key given twice, texts over the limits, a language listed twice,
an address on a host publishers.json does not list or refuses, over http
where the publisher serves https, or malformed — each with a message naming the file, the record and the field, exit
status 1 and no temporary file left. A missing output folder, or one that is
a file, gets a message a teacher understands; four compiles to one output at
once all succeed and leave one whole database. Prints TAP.

Usage: check-compiler.py VECINOS_COMPILE SOURCE_MINI_DIR
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

compiler, source = sys.argv[1], sys.argv[2]
results = []


def check(condition, what):
    results.append((bool(condition), what))


def run(directory, output, timeout=60):
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE='en')
    try:
        return subprocess.run([compiler, directory, output], capture_output=True, text=True,
                              env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess([compiler], 'timeout', '', f'timed out after {timeout} s')


def leftovers(output):
    """The temporary files a compile to @output must not leave behind"""
    return [suffix for suffix in ('.part', '.part-journal', '.part-wal', '.part-shm', '.lock')
            if os.path.exists(output + suffix)]


def refuses(tmp, name, change, expected, file='events.json'):
    """Compiles a copy of the dataset after change(directory) and checks the
    compiler fails with every string of @expected in its message"""
    directory = os.path.join(tmp, name)
    shutil.copytree(source, directory)
    change(directory)
    output = os.path.join(tmp, f'{name}.sqlite')
    result = run(directory, output, timeout=20)
    message = result.stderr.strip()
    missing = [word for word in expected if word not in message]
    check(result.returncode == 1 and not missing,
          f'{name}: exit 1 naming {", ".join(expected)} (exit {result.returncode}: {message[:300]})')
    check(not os.path.exists(output) and not leftovers(output),
          f'{name}: no output and no temporary file left ({leftovers(output)})')


def replace_in(file, old, new, count=1):
    def change(directory):
        path = os.path.join(directory, file)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        assert old in text, f'{old!r} not in {file}'
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text.replace(old, new, count))
    return change


def write(file, text):
    def change(directory):
        path = os.path.join(directory, file)
        os.unlink(path)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    return change


with tempfile.TemporaryDirectory() as tmp:
    # The unchanged copy compiles: every failure below is the change's
    good = os.path.join(tmp, 'good')
    shutil.copytree(source, good)
    result = run(good, os.path.join(tmp, 'good.sqlite'))
    check(result.returncode == 0, f'the unchanged dataset compiles ({result.stderr.strip()})')

    result = subprocess.run([compiler, good], capture_output=True, text=True)
    check(result.returncode == 2 and 'Usage' in result.stderr,
          f'a usage error exits 2 (exit {result.returncode})')

    # Numbers
    refuses(tmp, 'infinite-value', replace_in('series.json', '"value": 33241', '"value": 1e999'),
            ['series.json', 'series “mx_homicides”', 'points[2].value', '1e999'], file='series.json')
    refuses(tmp, 'huge-value', replace_in('series.json', '"value": 33241', '"value": 1e300'),
            ['series.json', 'series “mx_homicides”', 'value for 2024', '1e+300'])
    refuses(tmp, 'huge-millions', replace_in('series.json', '"value": 400', '"value": 2e9'),
            ['series.json', 'series “merida_funding”', 'value for FY2008', '2e+09', 'usd_millions'])
    # A claim's words in a translation must be in that translation
    refuses(tmp, 'claim-translation-not-found',
            replace_in('claims.json', '"es": "26,037 en 2012"', '"es": "26,038 en 2012"'),
            ['claims.json', 'claim “a-1-c1”', '“es”', 'word for word'], file='claims.json')
    refuses(tmp, 'claim-translation-language',
            replace_in('claims.json', '"es": "26,037 en 2012"', '"fr": "26,037"'),
            ['claims.json', 'claim “a-1-c1”', '“fr”'], file='claims.json')
    refuses(tmp, 'huge-claim', replace_in('claims.json', '"value": 26037', '"value": -1e16'),
            ['claims.json', 'claim “a-1-c1”', 'value', '-1e+16'])

    # Nesting: json-glib's recursive parser overflows its stack at this depth
    deep = 100000
    refuses(tmp, 'deep-nesting',
            write('events.json', '{"events": [\n' + '[' * deep + ']' * deep + '\n]}\n'),
            ['events.json', 'line 2', 'nested more than 64 levels'])
    refuses(tmp, 'deep-in-record',
            replace_in('events.json', '"importance": 2,', '"importance": 2, "extra": ' + '[' * 70 + ']' * 70 + ','),
            ['events.json', 'line 7', 'nested more than 64 levels'])

    # Files that are not files: a FIFO blocked the compiler for ever
    refuses(tmp, 'fifo-input', lambda d: (os.unlink(os.path.join(d, 'events.json')),
                                          os.mkfifo(os.path.join(d, 'events.json'))),
            ['events.json', 'not an ordinary file'])
    refuses(tmp, 'folder-input', lambda d: (os.unlink(os.path.join(d, 'tours.json')),
                                            os.mkdir(os.path.join(d, 'tours.json'))),
            ['tours.json', 'not an ordinary file'])

    # Output = input
    directory = os.path.join(tmp, 'output-is-input')
    shutil.copytree(source, directory)
    events = os.path.join(directory, 'events.json')
    with open(events, 'rb') as f:
        before = f.read()
    os.symlink(events, os.path.join(tmp, 'link-to-events.json'))
    for output, what in ((events, 'its events.json'),
                         (os.path.join(directory, '.', 'series.json'), 'its series.json through “.”'),
                         (os.path.join(tmp, 'link-to-events.json'), 'a link to its events.json'),
                         (directory, 'the dataset folder'),
                         (os.path.join(directory, 'tours.json'), 'tours.json, read but absent')):
        if what.startswith('tours.json'):
            os.unlink(output)
        result = run(directory, output)
        check(result.returncode == 1 and 'Will not write' in result.stderr,
              f'output = input ({what}) is refused ({result.returncode}: {result.stderr.strip()})')
        check(not leftovers(output), f'output = input ({what}) leaves nothing behind ({leftovers(output)})')
    with open(events, 'rb') as f:
        check(f.read() == before, 'the dataset’s events.json is untouched')
    result = run(directory, os.path.join(directory, 'built.sqlite'))
    check(result.returncode == 0, f'an output in the dataset folder with another name is fine ({result.stderr.strip()})')

    # Text
    title = '"en": "NAFTA enters into force"'
    refuses(tmp, 'nul-in-title', replace_in('events.json', title, r'"en": "NAFTA\u0000 enters"'),
            ['events.json', 'event “nafta-in-force”', 'title.en', 'NUL'])
    refuses(tmp, 'lone-surrogate', replace_in('events.json', title, r'"en": "NAFTA \ud800 enters"'),
            ['events.json', 'event “nafta-in-force”', 'title.en', 'D800', 'lone surrogate'])
    refuses(tmp, 'low-surrogate', replace_in('events.json', title, r'"en": "NAFTA \udc00\ud800"'),
            ['events.json', 'event “nafta-in-force”', 'title.en', 'DC00'])
    refuses(tmp, 'nul-before-id',
            replace_in('events.json', '{ "id": "nafta-in-force",', r'{ "note": "a\u0000b", "id": "nafta-in-force",'),
            ['events.json', 'event “nafta-in-force”', '“note”', 'NUL'])
    refuses(tmp, 'duplicate-key',
            replace_in('events.json', '"importance": 1,', '"importance": 1, "importance": 3,'),
            ['events.json', 'event “nafta-in-force”', 'importance', 'twice'])
    refuses(tmp, 'duplicate-escaped-key',
            replace_in('events.json', '"title": { "en": "Water treaty",', r'"title": { "en": "Water treaty", "\u0065n": "Agua",'),
            ['events.json', 'event “water-treaty”', 'title.en', 'twice'])
    refuses(tmp, 'oversized-summary',
            replace_in('events.json', '"en": "The trade agreement takes effect."', '"en": "' + 'x' * 30000 + '"'),
            ['events.json', 'event “nafta-in-force”', 'summary.en', '30000', '20000'])
    refuses(tmp, 'oversized-excerpt',
            replace_in('excerpts.json', '"text": "', '"text": "' + 'y' * 20001),
            ['excerpts.json', 'text', '20000'])
    refuses(tmp, 'oversized-title',
            replace_in('events.json', title, '"en": "' + 'Ñ' * 300 + '"'),
            ['events.json', 'event “nafta-in-force”', 'title.en', '600 bytes', '500'])
    refuses(tmp, 'oversized-id', replace_in('events.json', '"id": "water-treaty"', '"id": "' + 'w' * 501 + '"'),
            ['events.json', 'item 2', '“id” longer than 500 bytes'])
    refuses(tmp, 'comment', replace_in('events.json', '"events": [', '"events": /* [ */ ['),
            ['events.json', 'line 2', '“/”', 'plain JSON'])
    refuses(tmp, 'not-utf8', lambda d: open(os.path.join(d, 'terms.json'), 'ab').write(b'\n\xff\n'),
            ['terms.json', 'not UTF-8'])
    refuses(tmp, 'language-twice',
            replace_in('dataset.json', '"languages": ["en", "es"]', '"languages": ["en", "es", "es"]'),
            ['dataset.json', '“languages” lists “es” twice'])

    # The publisher registry (publishers.json): every address on a listed
    # host, https unless the publisher serves only http, never on a refused
    # host, and well formed
    refuses(tmp, 'unknown-host', replace_in('events.json', 'https://www.ibwc.gov/', 'https://unknown.example.com/x'),
            ['events.json', 'https://unknown.example.com/x', 'unknown.example.com', 'not in publishers.json'])
    refuses(tmp, 'plain-http', replace_in('events.json', 'https://www.cbp.gov/', 'http://www.cbp.gov/'),
            ['events.json', 'http://www.cbp.gov/', 'does not say www.cbp.gov serves only http'])
    refuses(tmp, 'mirror-host', replace_in('series.json', 'https://www.inegi.org.mx/', 'https://www.archynetys.com/a'),
            ['series.json', 'www.archynetys.com', 'publishers.json refuses (content farm reposting news)'])
    refuses(tmp, 'trailing-dot', replace_in('events.json', 'https://ustr.gov/', 'https://ustr.gov./'),
            ['events.json', 'https://ustr.gov./', 'its host ends in a dot'])
    refuses(tmp, 'not-encoded', replace_in('events.json', 'https://www.gob.mx/se', 'https://www.gob.mx/se/año 2020'),
            ['events.json', 'it has characters that must be percent-encoded'])
    refuses(tmp, 'user-in-address', replace_in('events.json', 'https://www.gob.mx/se', 'https://www.gob.mx@evil.example/'),
            ['events.json', 'it names a user before its host'])
    refuses(tmp, 'registry-kind', replace_in('publishers.json', '"kind": "archive"', '"kind": "blog"'),
            ['publishers.json', '“blog” is not a kind of publisher'])
    refuses(tmp, 'registry-host-twice', replace_in('publishers.json', '"hosts": ["www.gob.mx"]', '"hosts": ["www.cbp.gov"]'),
            ['publishers.json', 'the host “www.cbp.gov” is listed twice'])
    refuses(tmp, 'registry-host-case', replace_in('publishers.json', '"hosts": ["www.gob.mx"]', '"hosts": ["WWW.gob.mx"]'),
            ['publishers.json', '“WWW.gob.mx” is not a host name in lower case'])
    # A publisher marked as serving only http may be cited over http
    accepted = os.path.join(tmp, 'http-only')
    shutil.copytree(source, accepted)
    replace_in('events.json', 'https://www.ibwc.gov/', 'http://old.example.net/page%20one')(accepted)
    result = run(accepted, os.path.join(tmp, 'http-only.sqlite'))
    check(result.returncode == 0, f'an http-only publisher is cited over http ({result.stderr.strip()})')
    # Without a registry (a teacher's folder) any well-formed host is fine,
    # a malformed one is not
    free = os.path.join(tmp, 'no-registry')
    shutil.copytree(source, free)
    os.unlink(os.path.join(free, 'publishers.json'))
    replace_in('events.json', 'https://www.ibwc.gov/', 'http://unknown.example.com/')(free)
    result = run(free, os.path.join(tmp, 'no-registry.sqlite'))
    check(result.returncode == 0, f'without publishers.json any well-formed host is cited ({result.stderr.strip()})')
    refuses(tmp, 'no-registry-trailing-dot',
            lambda d: (os.unlink(os.path.join(d, 'publishers.json')),
                       replace_in('events.json', 'https://ustr.gov/', 'https://ustr.gov./')(d)),
            ['events.json', 'its host ends in a dot'])

    # A claim compared with a figure in another unit says how the measures differ
    refuses(tmp, 'claim-unit', replace_in('claims.json', '"period": "2012", "measure_differs": true',
                                          '"period": "2012", "measure_differs": false'),
            ['claims.json', 'a-1-c1', 'its unit “persons” is not the unit of “mx_homicides”'])

    # A teacher's TimelineJS file (issue 16): compiled as it is; 1 with the
    # events it skipped listed, 2 when nothing could be read
    timeline = os.path.join(tmp, 'lesson.json')
    with open(timeline, 'w', encoding='utf-8') as f:
        f.write('{"events": [{"start_date": {"year": "1994"}, "text": {"headline": "NAFTA"}},'
                ' {"start_date": {"year": "1848", "month": "2"}, "text": {"headline": "Treaty"}}]}')
    result = run(timeline, os.path.join(tmp, 'lesson.sqlite'))
    check(result.returncode == 0 and os.path.exists(os.path.join(tmp, 'lesson.sqlite')),
          f'a TimelineJS JSON file compiles ({result.returncode}: {result.stderr.strip()})')
    sheet = os.path.join(tmp, 'lesson.csv')
    with open(sheet, 'w', encoding='utf-8') as f:
        f.write('Year;Month;Day;Headline;Text\n1994;1;1;TLCAN;Entra en vigor\n1994;13;;Mal mes;\n')
    result = run(sheet, os.path.join(tmp, 'sheet.sqlite'))
    check(result.returncode == 1 and 'line 3, column 1 (Year): its month is not a number from 1 to 12' in result.stderr
          and os.path.exists(os.path.join(tmp, 'sheet.sqlite')),
          f'a CSV with a bad row compiles the rest, lists the row and exits 1 ({result.returncode}: {result.stderr.strip()})')
    nothing = os.path.join(tmp, 'nothing.csv')
    with open(nothing, 'w', encoding='utf-8') as f:
        f.write('Year,Headline\nx,Bad\n')
    result = run(nothing, os.path.join(tmp, 'nothing.sqlite'))
    check(result.returncode == 2 and 'None of the timeline' in result.stderr
          and not os.path.exists(os.path.join(tmp, 'nothing.sqlite')),
          f'a timeline with nothing readable exits 2 and writes nothing ({result.returncode}: {result.stderr.strip()})')
    notes = os.path.join(tmp, 'notes.txt')
    with open(notes, 'w', encoding='utf-8') as f:
        f.write('Just some notes\n')
    result = run(notes, os.path.join(tmp, 'notes.sqlite'))
    check(result.returncode == 2 and 'not a TimelineJS spreadsheet' in result.stderr,
          f'a file that is no timeline exits 2 with one message ({result.returncode}: {result.stderr.strip()})')

    # Where the output goes
    output = os.path.join(tmp, 'no-such-folder', 'out.sqlite')
    result = run(good, output)
    check(result.returncode == 1 and 'Cannot write' in result.stderr and
          f'the folder “{os.path.join(tmp, "no-such-folder")}” does not exist' in result.stderr,
          f'a missing output folder is named ({result.returncode}: {result.stderr.strip()})')
    check('.part' not in result.stderr, 'the message does not speak of the temporary file')

    # As root chmod stops no write: a folder that is a file fails for everyone
    blocker = os.path.join(tmp, 'a-file')
    with open(blocker, 'w') as f:
        f.write('not a folder\n')
    output = os.path.join(blocker, 'out.sqlite')
    result = run(good, output)
    check(result.returncode == 1 and f'Cannot write “{output}”: “{blocker}” is a file, not a folder' in result.stderr,
          f'an output folder that is a file is named ({result.returncode}: {result.stderr.strip()})')

    # Four compiles to one output at once: they take turns
    output = os.path.join(tmp, 'shared.sqlite')
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE='en')
    processes = [subprocess.Popen([compiler, good, output], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=env) for _ in range(4)]
    outcomes = [(p.wait(timeout=120), p.stderr.read().strip()) for p in processes]
    for p in processes:
        p.stdout.close()
        p.stderr.close()
    check(all(status == 0 for status, _ in outcomes), f'four parallel compiles all succeed ({outcomes})')
    try:
        db = sqlite3.connect(f'file:{output}?mode=ro', uri=True)
        integrity = db.execute('PRAGMA integrity_check').fetchone()[0]
        events = db.execute('SELECT count(*) FROM event').fetchone()[0]
        db.close()
    except sqlite3.Error as e:
        integrity, events = str(e), 0
    check(integrity == 'ok' and events == 5, f'the output is one whole database ({integrity}, {events} events)')
    check(not leftovers(output), f'no temporary or lock file is left ({leftovers(output)})')

    # A compile killed halfway leaves a .part and its journal: the next one
    # starts afresh
    for suffix in ('.part', '.part-journal'):
        with open(output + suffix, 'wb') as f:
            f.write(b'garbage from a killed compile')
    result = run(good, output)
    check(result.returncode == 0 and not leftovers(output),
          f'stale temporary files are replaced ({result.stderr.strip()}, {leftovers(output)})')

for number, (ok, what) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _ in results) else 1)
