#!/usr/bin/env python3
"""The command line: --version, and an unknown language refused with a clear,
translated message and exit status 2, before any window opens; so are an
unknown option, a value GOption cannot parse, and the export options
without --export-chart (usage errors all end with 2).

Usage: check-command-line.py VECINOS
"""
import os
import subprocess
import sys

vecinos = sys.argv[1]
failures = []


def run(args, language):
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE=language)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    return subprocess.run([vecinos, *args], capture_output=True, text=True, env=env, timeout=30)


result = run(['--version'], 'en')
if result.returncode != 0 or not result.stdout.startswith('Vecinos '):
    failures.append(f'--version: status {result.returncode}, output {result.stdout!r}')

for language, expected in (('en', 'Unknown language “fr”. Vecinos can be used in: en, es.'),
                           ('es', 'Idioma desconocido: “fr”. Vecinos se puede usar en: en, es.')):
    result = run(['--language=fr'], language)
    if result.returncode != 2:
        failures.append(f'--language=fr in {language}: status {result.returncode}, expected 2')
    if expected not in result.stderr:
        failures.append(f'--language=fr in {language}: {result.stderr!r} lacks {expected!r}')

for args, expected in ((['--no-such-option'], 'Unknown option --no-such-option'),
                       (['--language'], '--language'),
                       (['--output=chart.png'], '--output only goes with --export-chart=SERIES.'),
                       (['--width=0'], '--width only goes with --export-chart=SERIES.'),
                       (['--log'], '--log only goes with --export-chart=SERIES.'),
                       (['--step=2'], '--step=N goes with --tour=ID, and counts the steps from 1.'),
                       (['--tour=nafta-to-usmca', '--step=-1'], '--step=N goes with --tour=ID')):
    result = run(args, 'en')
    if result.returncode != 2:
        failures.append(f'{" ".join(args)}: status {result.returncode}, expected 2')
    if expected not in result.stderr:
        failures.append(f'{" ".join(args)}: {result.stderr!r} lacks {expected!r}')

for failure in failures:
    print('FAIL:', failure)
print('command line ok' if not failures else f'{len(failures)} problems')
sys.exit(1 if failures else 0)
