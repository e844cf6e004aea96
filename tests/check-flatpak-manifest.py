#!/usr/bin/env python3
"""The Flatpak manifest parses and says what Vecinos needs, and no more.

Usage: check-flatpak-manifest.py MANIFEST
"""
import json
import sys

failures = []
manifest = json.load(open(sys.argv[1], encoding='utf-8'))


def expect(condition, message):
    if not condition:
        failures.append(message)


expect(manifest.get('id') == 'io.github.vecinos.Vecinos', 'id must be io.github.vecinos.Vecinos')
expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime must be org.gnome.Platform')
expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk must be org.gnome.Sdk')
try:
    expect(int(manifest.get('runtime-version', '0')) >= 49, 'runtime-version must be 49 or newer')
except ValueError:
    failures.append('runtime-version must be a GNOME release number')
expect(manifest.get('command') == 'vecinos', 'command must be vecinos')
expect(sorted(manifest.get('finish-args', [])) ==
       sorted(['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']),
       'finish-args must be exactly the four GUI permissions (no network, no filesystem)')

modules = manifest.get('modules', [])
expect(len(modules) == 1, 'the app must be the only module (json-glib and sqlite come with the runtime)')
if modules:
    module = modules[0]
    expect(isinstance(module, dict) and module.get('name') == 'vecinos', 'the module must be named vecinos')
    expect(module.get('buildsystem') == 'meson', 'the module must build with meson')
    expect(any(source.get('type') in ('dir', 'git') for source in module.get('sources', [])),
           'the module must build from this repository')

for failure in failures:
    print('FAIL:', failure)
print('manifest ok' if not failures else f'{len(failures)} problems')
sys.exit(1 if failures else 0)
