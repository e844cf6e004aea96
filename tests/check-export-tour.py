#!/usr/bin/env python3
"""vecinos --export-tour, with no display: each bundled tour in English and
Spanish is a PDF with one page per step (pdfinfo) whose text holds, page by
page, the step's title (pdftotext); A4 by default, US Letter with
--paper=letter. Errors: an unknown tour (status 1, naming the tours there
are), a name that does not end in .pdf, no --output, a wrong --paper or a
chart option (status 2), a missing or unwritable folder (status 1), and a
write that fails halfway keeps the previous file whole and leaves nothing
behind. Prints TAP.

Usage: check-export-tour.py VECINOS DATASET_SOURCE BUNDLED_DATASET

DATASET_SOURCE is data/dataset, where the steps and their events' titles
are read from (tours.json, events.json).
"""
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile

vecinos, source, bundled = sys.argv[1], sys.argv[2], sys.argv[3]
results = []


def check(condition, what):
    results.append((bool(condition), what))


def run(args, language='en', file_size_limit=None):
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE=language)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)

    def limit_file_size():
        # A disk that fills up in the middle of a write: past the limit,
        # write() fails with EFBIG (SIGXFSZ ignored)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([vecinos, f'--dataset={bundled}', *args], capture_output=True, text=True,
                          env=env, timeout=120,
                          preexec_fn=limit_file_size if file_size_limit is not None else None)


def pdfinfo(path):
    out = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    return dict(line.split(':', 1) for line in out.splitlines() if ':' in line)


def pages_text(path):
    """The text of each page, its runs of white space made one space"""
    out = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True, text=True,
                         check=True).stdout
    return [re.sub(r'\s+', ' ', page).strip() for page in out.split('\f')]


def flat(text):
    return re.sub(r'\s+', ' ', text).strip()


with open(os.path.join(source, 'tours.json'), encoding='utf-8') as f:
    tours = json.load(f)['tours']
with open(os.path.join(source, 'events.json'), encoding='utf-8') as f:
    titles = {event['id']: event['title'] for event in json.load(f)['events']}
tour_ids = [tour['id'] for tour in tours]

with tempfile.TemporaryDirectory() as tmp:
    for tour in tours:
        for language in ('en', 'es'):
            path = os.path.join(tmp, f'{tour["id"]}-{language}.pdf')
            args = [f'--export-tour={tour["id"]}', f'--output={path}']
            if language != 'en':
                args.append(f'--language={language}')
            result = run(args, language)
            what = f'{tour["id"]} ({language})'
            check(result.returncode == 0 and os.path.exists(path),
                  f'{what}: exported without a display ({result.returncode}, {result.stderr.strip()!r})')
            if not os.path.exists(path):
                continue
            info = pdfinfo(path)
            steps = tour['steps']
            check(int(info.get('Pages', '0')) == len(steps),
                  f'{what}: {info.get("Pages", "?").strip()} pages for {len(steps)} steps')
            check('A4' in info.get('Page size', ''), f'{what}: A4 by default ({info.get("Page size", "").strip()})')
            check(flat(info.get('Title', '')) == flat(tour['title'][language]),
                  f'{what}: the PDF is titled as the tour ({info.get("Title", "").strip()!r})')
            text = pages_text(path)
            missing = [f'{n + 1}: {titles[step["event"]][language]}' for n, step in enumerate(steps)
                       if n >= len(text) or flat(titles[step['event']][language]) not in text[n]]
            check(not missing, f'{what}: each page has its step\'s title (missing: {missing})')
            narration = [n + 1 for n, step in enumerate(steps)
                         if n >= len(text) or flat(step['text'][language])[:40] not in text[n]]
            check(not narration, f'{what}: each page has its step\'s narration (missing: {narration})')
            check(all(re.search(rf'\b{n + 1} \w+ {len(steps)}\b', page) for n, page in enumerate(text[:len(steps)])),
                  f'{what}: each page says which step of how many it is')

    # US Letter when asked
    letter = os.path.join(tmp, 'letter.pdf')
    result = run([f'--export-tour={tour_ids[0]}', f'--output={letter}', '--paper=letter'])
    size = pdfinfo(letter).get('Page size', '') if os.path.exists(letter) else ''
    check(result.returncode == 0 and '612 x 792' in size, f'--paper=letter: US Letter pages ({size.strip()})')

    # An unknown tour: status 1, and the tours there are
    target = os.path.join(tmp, 'nothing.pdf')
    result = run(['--export-tour=no-such-tour', f'--output={target}'])
    check(result.returncode == 1 and 'There is no guided tour “no-such-tour”' in result.stderr and
          all(tour_id in result.stderr for tour_id in tour_ids) and not os.path.exists(target),
          f'unknown tour: status {result.returncode}, {result.stderr.strip()!r}')
    result = run(['--export-tour=no-such-tour', f'--output={target}', '--language=es'], 'es')
    check(result.returncode == 1 and '«no-such-tour»' in result.stderr and
          all(tour_id in result.stderr for tour_id in tour_ids),
          f'unknown tour, in Spanish: status {result.returncode}, {result.stderr.strip()!r}')

    # Usage errors: status 2, before anything is written
    usage = {
        'a name that does not end in .pdf': ([f'--export-tour={tour_ids[0]}',
                                              f'--output={os.path.join(tmp, "tour.png")}'],
                                             'the name must end in .pdf'),
        'no --output': ([f'--export-tour={tour_ids[0]}'], '--export-tour needs --output=FILE.pdf.'),
        'a paper it does not know': ([f'--export-tour={tour_ids[0]}', f'--output={target}', '--paper=a5'],
                                     '--paper is a4 or letter, not “a5”.'),
        'a chart option': ([f'--export-tour={tour_ids[0]}', f'--output={target}', '--width=800'],
                           '--width only goes with --export-chart=SERIES.'),
        '--paper without --export-tour': (['--paper=a4'], '--paper only goes with --export-tour=ID.'),
    }
    for what, (args, message) in usage.items():
        result = run(args)
        check(result.returncode == 2 and message in result.stderr,
              f'usage error, {what}: status {result.returncode}, {result.stderr.strip()!r}')
    check(not os.path.exists(os.path.join(tmp, 'tour.png')) and not os.path.exists(target),
          'usage errors write nothing')

    # A folder that does not exist, and one that cannot be written in
    folder = os.path.join(tmp, 'no-such-folder')
    target = os.path.join(folder, 'tour.pdf')
    result = run([f'--export-tour={tour_ids[0]}', f'--output={target}'])
    check(result.returncode == 1 and
          f'Cannot export to “{target}”: the folder “{folder}” does not exist.' in result.stderr,
          f'missing folder: status {result.returncode}, {result.stderr.strip()!r}')
    # A folder nobody may write in: a read-only one, or (the superuser
    # writes anywhere else) /sys, where not even root may add a file
    root = os.geteuid() == 0
    folder = '/sys' if root else os.path.join(tmp, 'read-only')
    if not root:
        os.mkdir(folder)
        os.chmod(folder, 0o555)
    target = os.path.join(folder, 'tour.pdf')
    before = set(os.listdir(folder))
    result = run([f'--export-tour={tour_ids[0]}', f'--output={target}'])
    check(result.returncode == 1 and
          f'Cannot export to “{target}”: you cannot write in the folder “{folder}”.' in result.stderr and
          set(os.listdir(folder)) == before,
          f'unwritable folder: status {result.returncode}, {result.stderr.strip()!r}')
    if not root:
        os.chmod(folder, 0o755)

    # A disk that fills up halfway: the previous file stays whole, and no
    # temporary file is left beside it
    folder = os.path.join(tmp, 'full')
    os.mkdir(folder)
    target = os.path.join(folder, 'tour.pdf')
    result = run([f'--export-tour={tour_ids[0]}', f'--output={target}', '--language=es'], 'es')
    with open(target, 'rb') as f:
        before = f.read()
    result = run([f'--export-tour={tour_ids[0]}', f'--output={target}'], file_size_limit=len(before) // 2)
    with open(target, 'rb') as f:
        after = f.read()
    check(result.returncode == 1 and
          f'Cannot export to “{target}”: the file is too large for this disk.' in result.stderr,
          f'a write that fails halfway: status {result.returncode}, {result.stderr.strip()!r}')
    check(after == before, 'the previous file is kept byte for byte')
    check(os.listdir(folder) == ['tour.pdf'], f'nothing else is left in the folder ({sorted(os.listdir(folder))})')

for n, (ok, what) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {n} - {what}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _ in results) else 1)
