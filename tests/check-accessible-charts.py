#!/usr/bin/python3
"""What a screen reader hears in the Charts view, in English and in Spanish.

Usage: check-accessible-charts.py VECINOS DATASET   (under a display)

Starts Vecinos on DATASET in the Charts view (the last-view setting, in a
keyfile of its own) with a session bus and an accessibility bus of its
own, once per language, and walks the view's accessible tree as Orca would
(AT-SPI: role, name, description, states). Checks (issue 14):

- every node a user can reach (focusable, or a button, check, drop-down,
  entry, list item, table row, image) has a name: not a GTK class name
  ("GtkFlowBox", "GtkToggleButton"), no mnemonic underscore ("Copy
  _Citation"), not said twice ("Copy Citation Copy Citation");
- no node at all is named by a class, but for GTK's own parts we cannot
  name (scroll bars, a pane's handle, a check's icon, inside a button);
- the drop-downs' buttons say their value ("Compare with: Nothing");
- Show Data comes after its button, and is a table: rows of cells;
- Copy Citation says what it did in a status (role status bar);
- in Spanish, the controls' names are not the English ones.
TAP output.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

import atspi_harness  # noqa: E402
atspi_harness.in_private_session()

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

vecinos, dataset = sys.argv[1], sys.argv[2]
CLASS_NAME = re.compile(r'(Gtk|Vecinos)[A-Z][A-Za-z]+')
MNEMONIC = re.compile(r'(^|[^_])_[^_\s]')
INTERACTIVE = {'push button', 'toggle button', 'check box', 'combo box', 'entry', 'list item',
               'table row', 'image', 'menu item', 'radio button'}
# GTK's own parts, which no application can name in GTK 4.8
GTK_PARTS = {'GtkScrollbar', 'GtkRange', 'GtkPanedHandle', 'GtkBuiltinIcon'}

checks = []


def check(ok, what):
    checks.append((ok, what))


from atspi_harness import pump  # noqa: E402


def find_app(name):
    return atspi_harness.find_app(name, seconds=60)


class Node:
    def __init__(self, accessible, role, name, description, focusable, inside_button):
        self.accessible = accessible
        self.role = role
        self.name = name or ''
        self.description = description or ''
        self.focusable = focusable
        self.inside_button = inside_button


def walk(node, nodes, inside_button=False, depth=0):
    """Visible nodes in document order (GTK 4.8 sets VISIBLE, not SHOWING)"""
    if node is None or depth > 80:
        return
    try:
        states = node.get_state_set()
        if not states.contains(Atspi.StateType.VISIBLE):
            return
        role = node.get_role_name()
        nodes.append(Node(node, role, node.get_name(), node.get_description(),
                          states.contains(Atspi.StateType.FOCUSABLE), inside_button))
        count = node.get_child_count()
    except GLib.Error:
        return
    inside = inside_button or role in ('push button', 'toggle button', 'combo box')
    for i in range(count):
        try:
            walk(node.get_child_at_index(i), nodes, inside, depth + 1)
        except GLib.Error:
            pass


def find(node, role, name, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if node.get_role_name() == role and node.get_name() == name:
            return node
        for i in range(node.get_child_count()):
            found = find(node.get_child_at_index(i), role, name, depth + 1)
            if found is not None:
                return found
    except GLib.Error:
        pass
    return None


def charts_view(app, label):
    for i in range(app.get_child_count()):
        view = find(app.get_child_at_index(i), 'panel', label)
        if view is not None:
            return view
    return None


def run(language, view_label):
    config = tempfile.mkdtemp()
    os.makedirs(os.path.join(config, 'glib-2.0', 'settings'))
    with open(os.path.join(config, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
        f.write("[io/github/vecinos/Vecinos]\nlast-view='charts'\n")
    env = dict(os.environ, LANGUAGE=language, GSETTINGS_BACKEND='keyfile', XDG_CONFIG_HOME=config)
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    errors = tempfile.TemporaryFile(mode='w+')
    process = subprocess.Popen([vecinos, f'--dataset={dataset}', f'--language={language}'], env=env,
                               stdout=subprocess.DEVNULL, stderr=errors)
    try:
        app = find_app('vecinos')
        check(app is not None, f'{language}: Vecinos is on the accessibility bus')
        if app is None:
            return None
        # On a busy machine the window and the chart's table take a while
        view, nodes = None, []
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            pump(0.5)
            try:
                view = charts_view(app, view_label)
            except GLib.Error as error:
                print(f'# {language}: {error.message}; the program says:')
                errors.seek(0)
                for line in errors.read().splitlines()[-20:]:
                    print(f'#   {line}')
                view = None
                break
            if view is not None:
                nodes = []
                walk(view, nodes)
                if sum(n.role == 'table row' for n in nodes) > 5:
                    break
        check(view is not None, f'{language}: the Charts view “{view_label}” is shown')
        if view is None:
            return None
        report(language, nodes)
        copy_citation(language, view, nodes)
        return nodes
    finally:
        process.terminate()
        process.wait(timeout=10)
        errors.close()


def report(language, nodes):
    reachable = [n for n in nodes if not n.inside_button and (n.focusable or n.role in INTERACTIVE)]
    check(len(reachable) > 20, f'{language}: {len(reachable)} controls and rows in the view')
    bad = []
    for n in reachable:
        name = n.name.strip()
        half = name[:len(name) // 2].strip()
        if not name:
            bad.append(f'{n.role} with no name')
        elif CLASS_NAME.fullmatch(name):
            bad.append(f'{n.role} named by its class “{name}”')
        elif MNEMONIC.search(name):
            bad.append(f'{n.role} “{name}” keeps a mnemonic underscore')
        elif half and name == f'{half} {half}':
            bad.append(f'{n.role} “{name}” says its name twice')
    for line in bad:
        print(f'# {language}: {line}')
    check(not bad, f'{language}: every control has a name of its own, once, with no underscore')

    classes = sorted({f'{n.role} “{n.name}”' for n in nodes
                      if CLASS_NAME.fullmatch(n.name) and n.name not in GTK_PARTS and not n.inside_button})
    for line in classes:
        print(f'# {language}: named by its class: {line}')
    check(not classes, f'{language}: no node of the view is named by a GTK class')

    drop_downs = [n for n in nodes if n.role == 'push button' and n.inside_button and n.focusable
                  and ': ' in n.name]
    check(len(drop_downs) >= 1, f'{language}: the Compare drop-down says its value '
          f'({[n.name for n in drop_downs]})')

    order = {id(n): i for i, n in enumerate(nodes)}
    tables = [n for n in nodes if n.role in ('table', 'tree table')]
    check(len(tables) == 1, f'{language}: Show Data is one table ({[n.role for n in tables]})')
    if tables:
        table = tables[0]
        buttons = [n for n in nodes if n.role in ('push button', 'toggle button')
                   and order[id(n)] < order[id(table)]]
        check(len(buttons) >= 3, f'{language}: Show Data, Copy Citation and Export come before the table')
        rows = [n for n in nodes[order[id(table)]:] if n.role == 'table row']
        cells = [n for n in nodes[order[id(table)]:] if n.role == 'table cell']
        check(len(rows) > 5 and len(cells) >= 5 * (len(rows) - 1),
              f'{language}: the table has rows of cells ({len(rows)} rows, {len(cells)} cells)')


def copy_citation(language, view, nodes):
    buttons = [n for n in nodes if n.role in ('push button', 'toggle button') and not n.inside_button]
    # The second of Show Data, Copy Citation, Export
    copy = next((n for n in buttons if 'Cit' in n.name or 'cit' in n.name), None)
    check(copy is not None, f'{language}: Copy Citation is a button')
    if copy is None:
        return
    check(Atspi.Action.do_action(copy.accessible, 0), f'{language}: Copy Citation can be pressed')
    deadline = time.monotonic() + 10
    status = []
    while not status and time.monotonic() < deadline:
        pump(0.3)
        after = []
        walk(view, after)
        status = [n for n in after if n.role == 'status bar' and n.name]
    check(len(status) == 1, f'{language}: a status says what Copy Citation did '
          f'({[n.name for n in status]})')


Atspi.init()
english = run('en', 'Charts')
spanish = run('es', 'Gráficas')
if english and spanish:
    def controls(nodes):
        return {n.name for n in nodes if n.role in ('push button', 'check box', 'entry', 'combo box')
                and n.name and not n.inside_button}
    left = sorted(controls(english) & controls(spanish))
    for name in left:
        print(f'# still English in Spanish: “{name}”')
    check(not left, f'the controls are named in Spanish in Spanish ({len(controls(spanish))} controls)')

print(f'1..{len(checks)}')
for number, (ok, what) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
sys.exit(0 if all(ok for ok, _ in checks) else 1)
