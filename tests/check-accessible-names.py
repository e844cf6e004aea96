#!/usr/bin/python3
"""What a screen reader hears of each view, in English and in Spanish (issue 14).

Usage: check-accessible-names.py VECINOS DATASET   (under a display)

For each view in VIEWS and each language, starts Vecinos with a session bus
and an accessibility bus of its own, shows the view (AT-SPI: the switcher's
tab), walks what Orca walks (the header, the view; not the other views'
pages) and checks:
- no name is a GTK class name ("GtkImage", "GtkStackPage");
- no name keeps a mnemonic underscore ("_Timeline") or says itself twice;
- every control has a name, and a button drawn as an icon is named by what
  it does (the view's ICON_BUTTONS);
- the view's STATUS texts are status regions (role "status bar"), so a
  screen reader says them as they change;
- an event's sources are links (role "link"), each named by its source:
  started on the first step of the dataset's first tour, its event's.
A view is added to VIEWS with what its own checks need. TAP output.
"""
import os
import re
import sqlite3
import subprocess
import sys

import atspi_harness  # noqa: E402
atspi_harness.in_private_session()

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

vecinos, dataset = sys.argv[1], sys.argv[2]
LANGUAGES = ('en', 'es')
TITLES = {
    'timeline': {'en': 'Timeline', 'es': 'Línea del tiempo'},
    'charts': {'en': 'Charts', 'es': 'Gráficas'},
    'documents': {'en': 'Documents', 'es': 'Documentos'},
}

# The views checked, and what each must say. icon_buttons: the names of its
# buttons drawn as icons (header and view), by language; status: a pattern
# that one of its status regions matches, by language (None: any text);
# search: whether to open the search panel and check its status too
VIEWS = {
    'timeline': {
        'icon_buttons': {
            'en': {'Present to the class', 'Search', 'Main Menu', 'Zoom Out', 'Show All Events',
                   'Zoom to the Selected Event', 'Zoom In'},
            'es': None,   # the same buttons, named (their words are the catalogue's)
        },
        'status': r'\d+',
        'search': True,
    },
}

CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'entry', 'text',
            'page tab', 'link', 'spin button', 'slider', 'menu item', 'search box'}
CLASS_NAME = re.compile(r'(Gtk|Vecinos|Adw)[A-Z][A-Za-z]+')
MNEMONIC = re.compile(r'(?<![\w])_(?=\w)')
DOUBLED = re.compile(r'(.+) \1', re.S)

checks = []


def check(ok, what):
    checks.append((ok, what))


from atspi_harness import find_app, pump  # noqa: E402


def nodes(node, skip, depth=0):
    """Every visible node under node, as (node, role, name, has a label
    inside), but not the pages of the views in skip"""
    if node is None or depth > 60:
        return
    try:
        if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
            return
        role, name = node.get_role_name(), node.get_name() or ''
        count = node.get_child_count()
    except GLib.Error:
        return
    if role in ('panel', 'page tab list') and name in skip and depth > 0:
        return
    children = []
    for i in range(count):
        try:
            children.append(node.get_child_at_index(i))
        except GLib.Error:
            pass
    below = []
    for child in children:
        below.extend(nodes(child, skip, depth + 1))
    labelled = any(r in ('label', 'heading') for _, r, _, _ in below)
    yield (node, role, name, labelled)
    yield from below


def walk(app, skip):
    """nodes() of the application's windows"""
    for i in range(app.get_child_count()):
        yield from nodes(app.get_child_at_index(i), skip)


def find(app, role, name=None, pattern=None):
    for node, r, n, _ in walk(app, set()):
        if r == role and (name is None or n == name) and (pattern is None or re.search(pattern, n)):
            return node
    return None


def start(language, *args):
    env = dict(os.environ, LANGUAGE=language, GSETTINGS_BACKEND='memory')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    return subprocess.Popen([vecinos, f'--dataset={dataset}', f'--language={language}', *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def check_view(app, view, language):
    """The checks of one view, in one language"""
    spec = VIEWS[view]
    title = TITLES[view][language]
    where = f'{view} ({language})'
    tab = find(app, 'page tab', title)
    check(tab is not None, f'{where}: the views\' switcher has “{title}”')
    if tab is None:
        return
    tab.do_action(0)
    pump(1.0)
    skip = {t[language] for v, t in TITLES.items() if v != view}
    walked = list(walk(app, skip))
    check(len(walked) > 30, f'{where}: the walk found {len(walked)} nodes')

    classes = sorted({f'{r} “{n}”' for _, r, n, _ in walked if CLASS_NAME.fullmatch(n)})
    check(not classes, f'{where}: no name is a GTK class name' + (f' — {", ".join(classes)}' if classes else ''))
    mnemonics = sorted({f'{r} “{n}”' for _, r, n, _ in walked if MNEMONIC.search(n)})
    check(not mnemonics, f'{where}: no name keeps a mnemonic underscore'
          + (f' — {", ".join(mnemonics)}' if mnemonics else ''))
    doubled = sorted({f'{r} “{n}”' for _, r, n, _ in walked if DOUBLED.fullmatch(n)})
    check(not doubled, f'{where}: no name says itself twice' + (f' — {", ".join(doubled)}' if doubled else ''))
    unnamed = sorted({r for _, r, n, _ in walked if r in CONTROLS and not n.strip()})
    check(not unnamed, f'{where}: every control has a name' + (f' — unnamed: {", ".join(unnamed)}' if unnamed else ''))

    icons = {n for _, r, n, labelled in walked if r in ('push button', 'toggle button') and not labelled}
    expected = spec['icon_buttons'].get(language)
    if expected is not None:
        missing = sorted(expected - icons)
        check(not missing, f'{where}: the icon buttons are named by what they do'
              + (f' — missing {", ".join(missing)}; found {", ".join(sorted(icons))}' if missing else ''))
    bad = sorted(n for n in icons if not n.strip() or CLASS_NAME.fullmatch(n))
    check(not bad, f'{where}: no icon button is unnamed or named by its class' + (f' — {bad}' if bad else ''))

    statuses = [n for _, r, n, _ in walked if r == 'status bar']
    if spec.get('status') is not None:
        check(any(re.search(spec['status'], n) for n in statuses),
              f'{where}: a status region says the count (status regions: {statuses})')

    if spec.get('search'):
        search = None
        for node, r, n, labelled in walked:
            if r in ('push button', 'toggle button') and not labelled and n in ('Search', 'Buscar'):
                search = node
        check(search is not None, f'{where}: the header has the search button')
        if search is not None:
            search.do_action(0)
            pump(1.0)
            found = [n for _, r, n, _ in walk(app, skip) if r == 'status bar' and n.strip()]
            check(len(found) >= 2, f'{where}: the search panel\'s status is a status region too ({found})')
            entries = [n for _, r, n, _ in walk(app, skip) if r in ('entry', 'text', 'search box')]
            check(entries and all(n.strip() and not CLASS_NAME.fullmatch(n) for n in entries),
                  f'{where}: the search entries are named ({entries})')


def first_step_sources():
    """The first tour's slug and its first step's event's openable sources"""
    db = sqlite3.connect(f'file:{dataset}?mode=ro', uri=True)
    row = db.execute('SELECT t.slug, s.event_id FROM tour t JOIN tour_step s ON s.tour_id = t.id '
                     'ORDER BY t.slug, s.ordinal LIMIT 1').fetchone()
    sources = [name for name, url in db.execute('SELECT name, url FROM event_source WHERE event_id = ? '
                                                'ORDER BY ordinal', (row[1],))
               if re.match(r'(https?:|mailto:)', url)]
    db.close()
    return row[0], sources


def check_sources(language):
    tour, sources = first_step_sources()
    where = f'sources ({language})'
    check(len(sources) > 0, f'{where}: the first step of “{tour}” has sources to open ({sources})')
    process = start(language, f'--tour={tour}')
    try:
        app = find_app('vecinos')
        check(app is not None, f'{where}: Vecinos is on the accessibility bus')
        if app is None:
            return
        pump(1.0)
        links = {n for _, r, n, _ in walk(app, set()) if r == 'link'}
        missing = [name for name in sources if name not in links]
        check(not missing, f'{where}: each source is a link named by it — missing {missing}; links {sorted(links)}')
    finally:
        process.terminate()
        process.wait(timeout=10)


for language in LANGUAGES:
    process = start(language)
    try:
        Atspi.init()
        app = find_app('vecinos')
        check(app is not None, f'Vecinos is on the accessibility bus ({language})')
        if app is not None:
            pump(1.0)
            for view in VIEWS:
                check_view(app, view, language)
    finally:
        process.terminate()
        process.wait(timeout=10)
    check_sources(language)

print(f'1..{len(checks)}')
for number, (ok, what) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
sys.exit(0 if all(ok for ok, _ in checks) else 1)
