#!/usr/bin/env python3
"""vecinos --export-chart, with no display: a PNG of the asked size, an SVG
that parses, a PDF, a CSV with one row per point, both languages, and clear
errors for an unknown series, a missing --output and a wrong extension;
then --compare, --index, --per-person and --log, on the small test dataset
and on the bundled one (which has a population to divide by). A failed
export (a full disk, a missing folder) keeps the previous file whole and
leaves nothing behind; usage errors end with status 2, failures with 1.
Prints TAP.

Usage: check-chart-export.py VECINOS DATASET BUNDLED_DATASET
"""
import csv
import os
import resource
import signal
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

vecinos, dataset, bundled = sys.argv[1], sys.argv[2], sys.argv[3]
results = []


def check(condition, what):
    results.append((bool(condition), what))


def run(args, language='en', data=None, file_size_limit=None):
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE=language)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)

    def limit_file_size():
        # A disk that fills up in the middle of a write, without mounting
        # one: past the limit, write() fails with EFBIG (SIGXFSZ ignored)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([vecinos, f'--dataset={data or dataset}', *args], capture_output=True,
                          text=True, env=env, timeout=60,
                          preexec_fn=limit_file_size if file_size_limit is not None else None)


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def read_csv_of(run, tmp, series):
    """The bundled dataset's figures of @series, through the CSV export"""
    path = os.path.join(tmp, f'{series}.csv')
    run([f'--export-chart={series}', f'--output={path}'], data=bundled)
    return read_csv(path)


with tempfile.TemporaryDirectory() as tmp:
    png = os.path.join(tmp, 'homicides.png')
    result = run(['--export-chart=mx_homicides', f'--output={png}', '--width=800', '--height=450'])
    check(result.returncode == 0, f'PNG export succeeds without a display ({result.stderr.strip()})')
    size = None
    if os.path.exists(png):
        with open(png, 'rb') as f:
            head = f.read(24)
        if head[:8] == b'\x89PNG\r\n\x1a\n':
            size = struct.unpack('>II', head[16:24])
    check(size == (800, 450), f'PNG is 800×450 ({size})')

    result = run(['--export-chart=mx_homicides', f'--output={png}'])
    with open(png, 'rb') as f:
        size = struct.unpack('>II', f.read(24)[16:24])
    check(size == (1920, 1080), f'PNG defaults to 1920×1080 for slides ({size})')

    svg = os.path.join(tmp, 'merida.svg')
    result = run(['--export-chart=merida_funding', f'--output={svg}'], 'es')
    check(result.returncode == 0, 'SVG export in Spanish succeeds')
    try:
        root = ET.parse(svg).getroot()
        check(root.tag.endswith('svg'), 'SVG parses as XML with an <svg> root')
    except (ET.ParseError, FileNotFoundError) as error:
        check(False, f'SVG parses ({error})')

    pdf = os.path.join(tmp, 'homicides.pdf')
    result = run(['--export-chart=mx_homicides', f'--output={pdf}'])
    with open(pdf, 'rb') as f:
        check(f.read(5) == b'%PDF-', 'PDF starts with a PDF header')

    table = os.path.join(tmp, 'homicides.csv')
    result = run(['--export-chart=mx_homicides', f'--output={table}'])
    with open(table, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 2, f'CSV has one row per point ({len(rows)})')
    check([r['period'] for r in rows] == ['2012', '2024'], 'CSV periods are the series\' periods')
    check(rows and rows[-1]['preliminary'] == 'true', 'CSV marks the preliminary figure')

    table = os.path.join(tmp, 'merida.csv')
    run(['--export-chart=merida_funding', f'--output={table}'])
    with open(table, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    check([r['period'] for r in rows] == ['FY2008'], 'CSV keeps fiscal years as FY')

    for language, expected in (('en', 'There is no series “nope” in this dataset.'),
                               ('es', 'No hay ninguna serie «nope» en este conjunto de datos.')):
        result = run(['--export-chart=nope', f'--output={png}'], language)
        check(result.returncode == 1 and expected in result.stderr,
              f'unknown series in {language}: status {result.returncode}, {result.stderr.strip()!r}')

    result = run(['--export-chart=mx_homicides'])
    check(result.returncode == 2 and '--output' in result.stderr, 'a missing --output is explained')
    result = run(['--export-chart=mx_homicides', f'--output={os.path.join(tmp, "chart.gif")}'])
    check(result.returncode == 2 and '.png, .svg, .pdf or .csv' in result.stderr,
          f'a wrong extension is explained, status 2 ({result.returncode})')
    result = run(['--export-chart=mx_homicides', f'--output={png}', '--width=10'])
    check(result.returncode == 2, 'a tiny size is refused')

    # Sizes out of range are refused, naming the option and the range;
    # --width=0 is not taken for "no --width"
    for option, expected in (('--width=0', '--width must be between 200 and 8192 pixels'),
                             ('--width=100000', '--width must be between 200 and 8192 pixels'),
                             ('--height=-5', '--height must be between 150 and 8192 pixels'),
                             ('--height=0', '--height must be between 150 and 8192 pixels'),
                             ('--width=99999999999999999999', '--width must be between'),
                             ('--width=wide', '--width needs a whole number of pixels, not “wide”')):
        sized = os.path.join(tmp, 'sized.png')
        result = run(['--export-chart=mx_homicides', f'--output={sized}', option])
        check(result.returncode == 2 and expected in result.stderr and not os.path.exists(sized),
              f'{option} is refused with status 2: {result.returncode}, {result.stderr.strip()!r}')
    result = run(['--export-chart=mx_homicides', f'--output={png}', '--width=8192', '--height=8192'])
    check(result.returncode == 2 and 'too large' in result.stderr,
          f'an absurd surface is refused: {result.returncode}, {result.stderr.strip()!r}')
    result = run(['--export-chart=mx_homicides', f'--output={png}', '--width=200', '--height=150'])
    check(result.returncode == 0, f'the smallest size is drawn ({result.stderr.strip()})')

    # Usage errors end with 2, before anything is opened or written
    usage_errors = {
        'unknown option': ['--export-chart=mx_homicides', f'--output={png}', '--bogus'],
        'no --output': ['--export-chart=mx_homicides'],
        'wrong extension': ['--export-chart=mx_homicides', f'--output={os.path.join(tmp, "c.jpeg")}'],
        'unparsable --width': ['--export-chart=mx_homicides', f'--output={png}', '--width=1e3'],
        '--output without --export-chart': [f'--output={png}'],
        '--width without --export-chart': ['--width=800'],
        '--compare without --export-chart': ['--compare=mx_homicides'],
        '--log without --export-chart': ['--log'],
        '--index without --export-chart': ['--index'],
        '--per-person without --export-chart': ['--per-person'],
    }
    for what, args in usage_errors.items():
        result = run(args)
        check(result.returncode == 2 and result.stderr.strip(),
              f'usage error, {what}: status {result.returncode}, {result.stderr.strip()!r}')
    result = run([f'--output={png}'])
    check('--output only goes with --export-chart' in result.stderr,
          f'an option without --export-chart is explained: {result.stderr.strip()!r}')

    # Failures of what was asked end with 1
    failures = {
        'unknown series': (['--export-chart=nope', f'--output={png}'], None),
        'per person without a population': (['--export-chart=mx_homicides', '--per-person',
                                             f'--output={png}'], None),
        'a logarithmic axis for negative figures': (['--export-chart=mx_gdp_growth', '--log',
                                                     f'--output={png}'], bundled),
        'a dataset that cannot be opened': (['--export-chart=mx_homicides', f'--output={png}'],
                                            os.path.join(tmp, 'missing.sqlite')),
        'a file that cannot be written': (['--export-chart=mx_homicides',
                                           f'--output={os.path.join(tmp, "no-folder", "c.png")}'], None),
    }
    for what, (args, data) in failures.items():
        result = run(args, data=data)
        check(result.returncode == 1 and result.stderr.strip(),
              f'failure, {what}: status {result.returncode}, {result.stderr.strip()!r}')

    # An export into a folder that does not exist says so
    for extension in ('png', 'svg', 'pdf', 'csv'):
        folder = os.path.join(tmp, 'no-such-folder')
        target = os.path.join(folder, f'chart.{extension}')
        result = run(['--export-chart=mx_homicides', f'--output={target}'])
        expected = f'Cannot export to “{target}”: the folder “{folder}” does not exist.'
        check(result.returncode == 1 and expected in result.stderr and not os.path.exists(folder),
              f'{extension} into a missing folder: {result.returncode}, {result.stderr.strip()!r}')

    # A disk that fills up during an export: the previous file stays whole,
    # and no temporary file is left beside it
    for extension in ('png', 'svg', 'pdf', 'csv'):
        folder = os.path.join(tmp, f'full-{extension}')
        os.mkdir(folder)
        target = os.path.join(folder, f'chart.{extension}')
        result = run(['--export-chart=mx_homicides', f'--output={target}'])
        with open(target, 'rb') as f:
            before = f.read()
        check(result.returncode == 0 and len(before) > 100,
              f'{extension}: a first export to replace ({len(before)} bytes, {result.stderr.strip()})')
        # The new file would be larger than the limit: mx_homicides
        # compared with merida_funding
        result = run(['--export-chart=mx_homicides', '--compare=merida_funding', f'--output={target}'],
                     file_size_limit=100)
        with open(target, 'rb') as f:
            after = f.read()
        check(result.returncode == 1, f'{extension}: a failed write ends with 1 ({result.returncode})')
        check(f'Cannot export to “{target}”: the file is too large for this disk.' in result.stderr,
              f'{extension}: the failure is explained ({result.stderr.strip()!r})')
        check(after == before, f'{extension}: the previous file is kept byte for byte')
        check(os.listdir(folder) == [f'chart.{extension}'],
              f'{extension}: nothing else is left in the folder ({sorted(os.listdir(folder))})')

    # A disk that is really full (ENOSPC): a small tmpfs mounted in a user
    # and mount namespace of our own, where the system allows one
    formats = ('png', 'svg', 'pdf', 'csv')
    full_disk = os.path.join(tmp, 'tmpfs')
    out = os.path.join(tmp, 'tmpfs-results')
    os.mkdir(full_disk)
    os.mkdir(out)
    script = r'''
        vecinos=$1 data=$2 disk=$3 out=$4
        mount -t tmpfs -o size=1m vecinos-test "$disk" || exit 77
        for ext in png svg pdf csv; do
            "$vecinos" --dataset="$data" --export-chart=mx_homicides --output="$disk/chart.$ext" || exit 3
            cp "$disk/chart.$ext" "$out/before.$ext"
        done
        dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null
        for ext in png svg pdf csv; do
            "$vecinos" --dataset="$data" --export-chart=mx_homicides --compare=merida_funding \
                --output="$disk/chart.$ext" 2>"$out/err.$ext"
            echo $? >"$out/status.$ext"
            cp "$disk/chart.$ext" "$out/after.$ext"
            ls -A "$disk" >"$out/ls.$ext"
        done
    '''
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE='en')
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    try:
        result = subprocess.run(['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', script,
                                 'sh', vecinos, dataset, full_disk, out],
                                capture_output=True, text=True, env=env, timeout=120)
        mounted = result.returncode == 0
    except OSError:
        result, mounted = None, False
    if result is not None and result.returncode == 3:
        check(False, f'exports on a small tmpfs before it is full ({result.stderr.strip()})')
    elif not mounted:
        check(True, '# SKIP no user namespace to mount a full disk in')
    for extension in formats if mounted else ():
        def read(name):
            with open(os.path.join(out, f'{name}.{extension}'), encoding='utf-8', errors='replace') as f:
                return f.read()

        target = os.path.join(full_disk, f'chart.{extension}')
        with open(os.path.join(out, f'before.{extension}'), 'rb') as f:
            before = f.read()
        with open(os.path.join(out, f'after.{extension}'), 'rb') as f:
            after = f.read()
        check(read('status').strip() == '1' and
              f'Cannot export to “{target}”: the disk is full.' in read('err'),
              f'{extension} on a full disk: status {read("status").strip()}, {read("err").strip()!r}')
        left = sorted(read('ls').split())
        check(after == before and left == sorted([f'chart.{e}' for e in formats] + ['filler']),
              f'{extension} on a full disk: the previous file is kept, nothing left '
              f'({len(before)} → {len(after)} bytes, {left})')

    # Two series: both in the CSV, the second after the first
    table = os.path.join(tmp, 'both.csv')
    result = run(['--export-chart=mx_homicides', '--compare=merida_funding', f'--output={table}'])
    rows = read_csv(table) if result.returncode == 0 else []
    check([(r['series'], r['period']) for r in rows] ==
          [('mx_homicides', '2012'), ('mx_homicides', '2024'), ('merida_funding', 'FY2008')],
          f'CSV of a comparison holds both series ({result.stderr.strip()})')
    result = run(['--export-chart=mx_homicides', '--compare=merida_funding', '--log', f'--output={png}'])
    check(result.returncode == 0, f'a comparison on a logarithmic axis renders ({result.stderr.strip()})')
    result = run(['--export-chart=mx_homicides', '--compare=nope', f'--output={png}'])
    check(result.returncode == 1 and '“nope”' in result.stderr, 'an unknown series to compare is explained')

    # What cannot be done is said, in the user's language
    for language, expected in (('en', 'cannot be shown per person'), ('es', 'no se puede mostrar por persona')):
        result = run(['--export-chart=mx_homicides', '--per-person', f'--output={png}'], language)
        check(result.returncode == 1 and expected in result.stderr,
              f'per person without a population, in {language}: {result.stderr.strip()!r}')
    result = run(['--export-chart=mx_homicides', '--compare=merida_funding', '--index', f'--output={png}'])
    check(result.returncode == 1 and 'no year' in result.stderr,
          f'indexes without a common year are refused: {result.stderr.strip()!r}')

    # Indexes: the first common year is 100
    table = os.path.join(tmp, 'index.csv')
    result = run(['--export-chart=mx_remittances', '--compare=us_exports_to_mx', '--index',
                  f'--output={table}'], data=bundled)
    rows = read_csv(table) if result.returncode == 0 else []
    first = {}
    for row in rows:
        first.setdefault(row['series'], row)
    check(set(first) == {'mx_remittances_index', 'us_exports_to_mx_index'},
          f'indexed series are named as such ({sorted(first)})')
    common = [r for r in rows if r['period'] == first.get('mx_remittances_index', {}).get('period')]
    check(len(common) == 2 and all(abs(float(r['value']) - 100) < 1e-9 for r in common),
          'both indexes are 100 in their first common year')

    # Per person: remittances divided by the population of the same year
    remittances = {r['period']: r for r in read_csv_of(run, tmp, 'mx_remittances')}
    population = {r['period']: r for r in read_csv_of(run, tmp, 'mx_population')}
    table = os.path.join(tmp, 'per-person.csv')
    result = run(['--export-chart=mx_remittances', '--per-person', f'--output={table}'], data=bundled)
    rows = {r['period']: r for r in read_csv(table)} if result.returncode == 0 else {}
    check(rows and all(abs(float(r['value']) - float(remittances[p]['value']) / float(population[p]['value'])) < 1e-9
                       for p, r in rows.items()),
          'per person is the figure divided by the population (millions of dollars / millions of people)')
    check(set(rows) == set(remittances) & set(population),
          'a year without a population is a gap, not an estimate')
    check(rows and all(r['preliminary'] == 'true' for p, r in rows.items()
                       if population[p]['preliminary'] == 'true'),
          'a figure divided by a projected population is preliminary')
    result = run(['--export-chart=mx_gdp_growth', '--log', f'--output={png}'], data=bundled)
    check(result.returncode == 1 and 'above zero' in result.stderr,
          f'a logarithmic axis for negative figures is refused: {result.stderr.strip()!r}')

    # Every series of the bundled dataset can be charted, and compared with
    # the next one, without an error
    import sqlite3
    with sqlite3.connect(f'file:{bundled}?mode=ro', uri=True) as db:
        slugs = [row[0] for row in db.execute('SELECT slug FROM series ORDER BY id')]
    failed = []
    for i, slug in enumerate(slugs):
        other = slugs[(i + 1) % len(slugs)]
        out = os.path.join(tmp, f'{slug}.svg')
        result = run([f'--export-chart={slug}', f'--compare={other}', f'--output={out}',
                      '--width=960', '--height=540'], data=bundled)
        if result.returncode != 0 or os.path.getsize(out) < 1000:
            failed.append(f'{slug}+{other}: {result.stderr.strip()}')
    check(len(slugs) == 28 and not failed,
          f'all {len(slugs)} series chart and compare with another ({failed})')

    # A chart put on a slide names its sources, both of a comparison, the
    # years of its figures and Vecinos (issue 14): read from the PDF's text
    with sqlite3.connect(f'file:{bundled}?mode=ro', uri=True) as db:
        orgs = dict(db.execute("SELECT slug, source_org FROM series WHERE slug IN ('mx_homicides', 'mx_remittances')"))
    for language in ('en', 'es'):
        pdf = os.path.join(tmp, f'sources-{language}.pdf')
        result = run(['--export-chart=mx_homicides', '--compare=mx_remittances', f'--output={pdf}'],
                     language, data=bundled)
        text = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True).stdout \
            if result.returncode == 0 else ''
        flat = ' '.join(text.split())
        check(all(org in flat for org in orgs.values()) and len(orgs) == 2,
              f'{language}: the PDF of a comparison names both sources {sorted(orgs.values())}')
        check('Vecinos' in flat and '1990' in flat and '2024' in flat,
              f'{language}: and says Vecinos and the years of the figures')
        png_path = os.path.join(tmp, f'sources-{language}.png')
        result = run(['--export-chart=mx_homicides', f'--output={png_path}'], language, data=bundled)
        check(result.returncode == 0, f'{language}: a PNG with its footer is written')

for number, (ok, what) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _ in results) else 1)
