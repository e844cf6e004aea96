#!/usr/bin/python3
"""What a screen reader hears of the Documents view, in English and in Spanish (issue 14).

Usage: check-accessible-documents.py VECINOS DATASET   (under a display; the bundled dataset)

Starts Vecinos with a session bus and an accessibility bus of its own, opens
the Documents view as a user would (AT-SPI: the views' switcher), walks the
view as Orca does and checks, in each language:
- no name is a GTK class name ("GtkExpander", "GtkFlowBox"), keeps a
  mnemonic underscore or says itself twice; every control has a name;
- the list of documents is a list of named items, the one shown selected;
  the buttons under an excerpt are groups of buttons, not tables;
- "Original text" is a button named so; each "Check" button names the
  number it checks;
- text in another language than the interface's says which: the author's
  English words in Spanish, our Spanish translation in English
  (GTK 4.8 passes no text attribute of a label to AT-SPI: the description);
- the way to the original document is a link (role "link"): GTK 4.8 gives
  the links inside a label no role, so it is a link button, and a
  document's numbers, links in its text, are repeated by "Check" buttons.
The translation is switched on through its check box (AT-SPI's action).
A document with an address is opened by a guided tour's step (--tour).
TAP output.
"""
import os
import re
import subprocess
import sys

import atspi_harness  # noqa: E402
atspi_harness.in_private_session()

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

vecinos, dataset = sys.argv[1], sys.argv[2]

CLASS_NAME = re.compile(r'(Gtk|Vecinos|Gdk)[A-Z][A-Za-z]+')
MNEMONIC = re.compile(r'(^|[^_])_[^_\s]')
DOUBLED = re.compile(r'(.+) \1')
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'link', 'list item',
            'entry', 'combo box', 'scroll bar', 'page tab', 'spin button', 'slider'}
WORDS = {
    'en': {'documents': 'Documents', 'original': 'Original text', 'check': 'Check “',
           'other': 'Spanish', 'translation': 'Show the Vecinos translation into Spanish',
           'link': 'Read the original document'},
    'es': {'documents': 'Documentos', 'original': 'Texto original', 'check': 'Verificar «',
           'other': 'inglés', 'translation': 'Mostrar la traducción de Vecinos al español',
           'link': 'Leer el documento original'},
}
# A step of a bundled tour that opens a document with an address
TOUR, STEP = 'merida-to-bicentennial', 2

checks = []


def check(ok, what):
    checks.append((ok, what))


from atspi_harness import pump  # noqa: E402


def find_app(name):
    return atspi_harness.find_app(name, seconds=60)


class Node:
    def __init__(self, accessible):
        self.accessible = accessible
        self.role = accessible.get_role_name()
        self.name = accessible.get_name() or ''
        self.description = accessible.get_description() or ''
        self.states = accessible.get_state_set()
        self.children = []


def tree(accessible, depth=0):
    """The visible nodes below @accessible, as Node objects"""
    try:
        if not accessible.get_state_set().contains(Atspi.StateType.VISIBLE):
            return None
        node = Node(accessible)
        count = accessible.get_child_count()
    except GLib.Error:
        return None
    for i in range(count if depth < 60 else 0):
        try:
            child = tree(accessible.get_child_at_index(i), depth + 1)
        except GLib.Error:
            child = None
        if child is not None:
            node.children.append(child)
    return node


def flatten(node):
    yield node
    for child in node.children:
        yield from flatten(child)


def app_nodes(app):
    for i in range(app.get_child_count()):
        root = tree(app.get_child_at_index(i))
        if root is not None:
            yield from flatten(root)


def start(language, *options):
    env = dict(os.environ, LANGUAGE=language, GSETTINGS_BACKEND='memory')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    return subprocess.Popen([vecinos, f'--dataset={dataset}', f'--language={language}', *options], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def documents_view(app, words):
    """The Documents view's node (its list and the document), or None"""
    for node in app_nodes(app):
        if node.role == 'list' and node.name == words['documents']:
            view = node.accessible
            # Up from the list to the view named like it
            for _ in range(6):
                view = view.get_parent()
                if view is None:
                    break
                if (view.get_name() or '') == words['documents'] and view.get_role_name() != 'list':
                    return tree(view)
    return None


def show_documents(app, words):
    for node in app_nodes(app):
        if node.role == 'page tab' and node.name.replace('_', '') == words['documents']:
            node.accessible.do_action(0)
            pump(1.5)
            return True
    return False


def check_walk(view, where, words, translation_shown):
    nodes = list(flatten(view))
    check(len(nodes) > 50, f'{where}: the walk of the view found {len(nodes)} nodes')
    names = [(n.role, n.name) for n in nodes] + [(n.role, n.description) for n in nodes]

    classes = sorted({f'{r} “{t}”' for r, t in names if CLASS_NAME.fullmatch(t)})
    check(not classes, f'{where}: no name is a GTK class name' + (f' — {", ".join(classes)}' if classes else ''))
    controls = [n for n in nodes if n.role in CONTROLS]
    mnemonics = sorted({f'{n.role} “{n.name}”' for n in controls if MNEMONIC.search(n.name)})
    check(not mnemonics, f'{where}: no control\'s name keeps a mnemonic underscore'
          + (f' — {", ".join(mnemonics[:5])}' if mnemonics else ''))
    doubled = sorted({f'{n.role} “{n.name}”' for n in controls if DOUBLED.fullmatch(n.name)})
    check(not doubled, f'{where}: no name says itself twice' + (f' — {", ".join(doubled[:5])}' if doubled else ''))
    unnamed = sorted({n.role for n in controls if not n.name.strip()})
    check(not unnamed, f'{where}: every control has a name' + (f' — unnamed: {", ".join(unnamed)}' if unnamed else ''))
    tables = sorted({n.role for n in nodes if n.role in ('table', 'table cell')})
    check(not tables, f'{where}: the rows of buttons are groups, not tables ({tables})')

    items = [n for n in nodes if n.role == 'list item']
    selected = [n.name for n in items if n.states.contains(Atspi.StateType.SELECTED)]
    check(len(items) == 5 and all(len(n.name) > 20 for n in items),
          f'{where}: the five documents are list items named by title and byline ({[n.name[:30] for n in items]})')
    check(len(selected) == 1, f'{where}: the document shown is the one item selected ({selected})')

    # Each excerpt shown in translation has the author's words behind a
    # button (GTK's expander)
    expanders = [n for n in nodes if n.name == words['original'] and n.role != 'label']
    check((len(expanders) > 10) == translation_shown and all(n.role == 'push button' for n in expanders),
          f'{where}: each “{words["original"]}” is a button so named ({len(expanders)}; '
          f'{sorted({n.role for n in expanders})})')

    checks_ = [n for n in nodes if n.role == 'push button' and n.name.startswith(words['check'])]
    check(checks_ and all(len(n.name) > len(words['check']) + 3 for n in checks_),
          f'{where}: the “Check” buttons, the links of the text\'s numbers, name each number ({len(checks_)})')

    # Text in the other language says which: in English, our Spanish
    # translation; in Spanish, the author's English words
    other = words['other']
    marked = [n for n in nodes if n.role == 'label' and other.lower() in n.description.lower()]
    if translation_shown == (language_of(where) == 'en'):
        check(len(marked) > 10, f'{where}: the text in {other} says so in its description ({len(marked)}: '
              f'“{marked[0].description if marked else ""}”)')
    else:
        check(not marked, f'{where}: no text in the interface\'s language says it is in {other} ({len(marked)})')
    if language_of(where) == 'es':
        # A button quotes the claim's words as Vecinos' Spanish translation
        # has them (claim_wording), or the author's English and says so
        spanish = spanish_wordings()
        quoted = [n for n in checks_ if other not in n.description and
                  not any(w in n.name for w in spanish)]
        in_spanish = [n for n in checks_ if any(w in n.name for w in spanish)]
        check(not quoted and in_spanish, f'{where}: each “Check” button quotes the Spanish translation\'s '
              f'words ({len(in_spanish)}) or says it quotes the author\'s English ({len(quoted)} do neither)')


def spanish_wordings():
    """The claims' words in Vecinos' Spanish translations, from the dataset"""
    import sqlite3
    with sqlite3.connect(f'file:{dataset}?mode=ro', uri=True) as db:
        return [row[0] for row in db.execute("SELECT text FROM claim_wording WHERE lang = 'es'")]


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True, capture_output=True, timeout=20)


def press_on(accessible, key):
    """@key pressed with the keyboard on @accessible, reached with Tab: GTK
    4.8 gives a check box no AT-SPI action and no grab_focus. Real keys
    (xdotool) to the window, as a user's"""
    xdotool('search', '--sync', '--onlyvisible', '--name', 'Vecinos', 'windowfocus', '--sync', '%1')
    for _ in range(60):
        pump(0.1)
        if accessible.get_state_set().contains(Atspi.StateType.FOCUSED):
            break
        xdotool('key', '--clearmodifiers', 'Tab')
    else:
        return False
    xdotool('key', '--clearmodifiers', key)
    pump(1.5)
    return True


def language_of(where):
    return where[:2]


def check_link(app, language, words):
    where = f'{language}, a document with an address'
    process = start(language, f'--tour={TOUR}', f'--step={STEP}')
    try:
        pump(3.0)
        app = find_app('vecinos')
        view = documents_view(app, words) if app else None
        check(view is not None, f'{where}: the tour step opens the Documents view')
        if view is None:
            return
        links = [n for n in flatten(view) if n.role == 'link']
        check(any(n.name == words['link'] for n in links),
              f'{where}: “{words["link"]}” is a link ({[(n.role, n.name) for n in links]})')
    finally:
        process.terminate()
        process.wait(timeout=10)


Atspi.init()
for language in ('en', 'es'):
    words = WORDS[language]
    process = start(language)
    try:
        app = find_app('vecinos')
        check(app is not None, f'{language}: Vecinos is on the accessibility bus')
        if app is None:
            continue
        pump(1.0)
        check(show_documents(app, words), f'{language}: the views\' switcher has “{words["documents"]}”')
        view = documents_view(app, words)
        check(view is not None, f'{language}: the Documents view is named “{words["documents"]}”')
        if view is None:
            continue
        # In English the author's words first, in Spanish our translation;
        # then the other, through the translation's check box
        check_walk(view, language, words, translation_shown=(language == 'es'))
        box = [n for n in flatten(view) if n.role == 'check box' and n.name == words['translation']]
        check(len(box) == 1, f'{language}: the translation check box is named “{words["translation"]}”')
        if box:
            check(press_on(box[0].accessible, 'space'), f'{language}: Tab reaches the translation check box')
            view = documents_view(app, words)
            check_walk(view, f'{language}, translation {"off" if language == "es" else "on"}', words,
                       translation_shown=(language == 'en'))
    finally:
        process.terminate()
        process.wait(timeout=10)
    check_link(app, language, words)

print(f'1..{len(checks)}')
for number, (ok, what) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
sys.exit(0 if all(ok for ok, _ in checks) else 1)
