#!/usr/bin/python3
"""What a screen reader hears, before and after English ⇄ Spanish in place.

Usage: check-accessible-language.py VECINOS DATASET   (under a display)

Starts Vecinos on DATASET with a session bus and the accessibility bus of
its own, walks the accessible tree as Orca would (AT-SPI: the role, name and
description of every visible node), switches the running app to Spanish
through app.language on the session bus, walks again, and checks that no name or description of the English walk is
still there, apart from those that read the same in both languages (names,
numbers, acronyms, the documents' own words); and the same back in English.
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
APP_ID = 'io.github.vecinos.Vecinos'
PATH = '/io/github/vecinos/Vecinos'

# Read the same in both languages: the test dataset's names and the
# documents' original words
SAME = {
    'Vecinos', 'Ana Author', 'Charting the Road Ahead', 'Stumbling Blocks', 'A Foundation', 'A Magazine',
    'Homicides reached 26,037 in 2012, after NAFTA had long been in force.',
    'Remittances keep growing.', 'The new president took office.',
    'Claudia Sheinbaum (Morena)', 'Enrique Peña Nieto (PRI)',
}

checks = []


def check(ok, what):
    checks.append((ok, what))


def same_in_both(text):
    # A class name is what GTK 4.8 says of a widget with no name of its
    # own: in no language (issue 14 names them)
    if re.fullmatch(r'(Gtk|Vecinos)[A-Z][A-Za-z]+', text):
        return True
    return text in SAME or not any(c.islower() for c in text)


from atspi_harness import find_app, pump  # noqa: E402


def walk(node, texts, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.get_state_set()
        # GTK 4.8 does not set SHOWING below the window: VISIBLE it does
        if not states.contains(Atspi.StateType.VISIBLE):
            return
        role = node.get_role_name()
        for text in (node.get_name(), node.get_description()):
            if text:
                texts.setdefault(text, role)
        count = node.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            walk(node.get_child_at_index(i), texts, depth + 1)
        except GLib.Error:
            pass


def tree(app):
    texts = {}
    pump(0.5)
    for i in range(app.get_child_count()):
        walk(app.get_child_at_index(i), texts)
    return texts


def switch(language):
    subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path', PATH,
                    '--method', 'org.gtk.Actions.Activate', 'language', f"[<'{language}'>]", '{}'],
                   check=True, capture_output=True)
    pump(1.5)


def compare(before, after, to):
    left = sorted(t for t in before if t in after and not same_in_both(t))
    for text in left:
        print(f'# still there after switching to {to}: {after[text]} “{text}”')
    check(not left, f'no text of the other language left after switching to {to} ({len(after)} texts)')
    check(len(after) > 30, f'the walk after switching to {to} found {len(after)} texts')


env = dict(os.environ, LANGUAGE='en', GSETTINGS_BACKEND='memory')
env.pop('GTK_A11Y', None)
env.pop('NO_AT_BRIDGE', None)
process = subprocess.Popen([vecinos, f'--dataset={dataset}'], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    Atspi.init()
    app = find_app('vecinos')
    check(app is not None, 'Vecinos is on the accessibility bus')
    if app is not None:
        english = tree(app)
        check('Timeline' in english, 'the English walk has the views')
        switch('es')
        spanish = tree(app)
        check('Línea del tiempo' in spanish, 'the Spanish walk has the views in Spanish')
        compare(english, spanish, 'Spanish')
        switch('en')
        back = tree(app)
        compare(spanish, back, 'English')
finally:
    process.terminate()
    process.wait(timeout=10)

print(f'1..{len(checks)}')
for number, (ok, what) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {number} - {what}')
sys.exit(0 if all(ok for ok, _ in checks) else 1)
