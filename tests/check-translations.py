#!/usr/bin/env python3
"""The translations are complete and every translatable file is listed.

Usage: check-translations.py SOURCE_ROOT

- each catalogue in po/LINGUAS passes `msgfmt --check` with 0 fuzzy and
  0 untranslated messages;
- every file of src/ and data/ with translatable strings is in POTFILES.in,
  and every file POTFILES.in lists exists.
"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
failures = []

listed = [line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
          if line.strip() and not line.startswith('#')]
for name in listed:
    if not (root / name).exists():
        failures.append(f'POTFILES.in lists {name}, which does not exist')

translatable = re.compile(r'\b_\(|\bN_\(|\bC_\(|\bNC_\(|translatable="yes"|<summary>|<p>|<li>|<caption>|^(Name|Comment|GenericName|Keywords)=', re.M)
candidates = [p for p in (root / 'src').rglob('*') if p.suffix in ('.c', '.ui')]
candidates += [p for p in (root / 'data').glob('*') if p.name.endswith(('.in', '.gschema.xml'))]
for path in sorted(candidates):
    name = path.relative_to(root).as_posix()
    if translatable.search(path.read_text(encoding='utf-8')) and name not in listed:
        failures.append(f'{name} has translatable strings but is not listed in po/POTFILES.in')

languages = (root / 'po' / 'LINGUAS').read_text().split()
if not languages:
    failures.append('po/LINGUAS lists no language')
for lang in languages:
    po = root / 'po' / f'{lang}.po'
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', str(po)],
                            capture_output=True, text=True, env={'LC_ALL': 'C'})
    stats = result.stderr.strip()
    print(f'{lang}.po: {stats}')
    if result.returncode != 0:
        failures.append(f'msgfmt --check fails on {lang}.po: {stats}')
    elif 'fuzzy' in stats or 'untranslated' in stats:
        failures.append(f'{lang}.po is not complete: {stats}')
    elif not re.match(r'^\d+ translated messages?\.?$', stats.splitlines()[-1]):
        failures.append(f'unexpected msgfmt statistics for {lang}.po: {stats}')

# The catalogue must cover the strings the code has today
pot = subprocess.run(['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_',
                      '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dpgettext2:2c,3',
                      '-o', '-', '--files-from', str(root / 'po' / 'POTFILES.in')],
                     cwd=root, capture_output=True, text=True)
if pot.returncode != 0:
    failures.append(f'xgettext failed: {pot.stderr.strip()}')
else:
    wanted = set(re.findall(r'^msgid "(.+)"$', pot.stdout, re.M))
    for lang in languages:
        have = set(re.findall(r'^msgid "(.+)"$', (root / 'po' / f'{lang}.po').read_text(encoding='utf-8'), re.M))
        for msgid in sorted(wanted - have):
            failures.append(f'{lang}.po lacks "{msgid}" (run: ninja -C build vecinos-update-po)')

for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures else 0)
