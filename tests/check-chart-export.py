#!/usr/bin/env python3
"""vecinos --export-chart, with no display: a PNG of the asked size, an SVG
that parses, a PDF, a CSV with one row per point, both languages, and clear
errors for an unknown series, a missing --output and a wrong extension.
Prints TAP.

Usage: check-chart-export.py VECINOS DATASET
"""
import csv
import os
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

vecinos, dataset = sys.argv[1], sys.argv[2]
results = []


def check(condition, what):
    results.append((bool(condition), what))


def run(args, language='en'):
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE=language)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    return subprocess.run([vecinos, f'--dataset={dataset}', *args], capture_output=True,
                          text=True, env=env, timeout=60)


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
    check(result.returncode == 1 and '.png, .svg, .pdf or .csv' in result.stderr,
          'a wrong extension is explained')
    result = run(['--export-chart=mx_homicides', f'--output={png}', '--width=10'])
    check(result.returncode == 2, 'a tiny size is refused')

for number, (ok, what) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _ in results) else 1)
