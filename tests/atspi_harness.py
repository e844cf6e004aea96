"""What the AT-SPI tests share: a D-Bus session of their own (with its
accessibility bus) for the test and the Vecinos it starts, and waiting for
Vecinos to appear on that bus.

    import atspi_harness
    atspi_harness.in_private_session()   # first, before importing gi
"""

import os
import re
import subprocess
import sys
import tempfile
import time


def use_session_bus():
    """The accessibility bus of this D-Bus session, for the test and for the
    Vecinos it starts (both inherit AT_SPI_BUS_ADDRESS). Without it both look
    for the bus in a property of the X root window, which an earlier AT-SPI
    test on the same display may have left pointing at a bus that is gone —
    then Vecinos never appears on the bus."""
    address = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus', '--object-path',
                              '/org/a11y/bus', '--method', 'org.a11y.Bus.GetAddress'],
                             capture_output=True, text=True, timeout=30).stdout
    match = re.search(r"'([^']+)'", address)
    if match:
        os.environ['AT_SPI_BUS_ADDRESS'] = match.group(1)


def in_private_session():
    """Runs the calling script again inside `dbus-run-session` (and returns
    there, on its session's accessibility bus); outside, exits with its
    status. The accessibility daemons the private bus starts write to
    standard output too: what is not TAP is passed on as a TAP comment (a
    file, not a pipe: a daemon left behind would hold a pipe open)."""
    if os.environ.get('VECINOS_PRIVATE_BUS') != '1':
        env = dict(os.environ, VECINOS_PRIVATE_BUS='1')
        with tempfile.TemporaryFile(mode='w+') as output:
            status = subprocess.call(['dbus-run-session', '--', sys.executable] + sys.argv, env=env,
                                     stdout=output)
            output.seek(0)
            for line in output.read().splitlines():
                tap = re.match(r'(ok|not ok|1\.\.\d|#)', line)
                print(line if tap else f'# {line}')
        sys.exit(status)
    use_session_bus()


def pump(seconds):
    """Lets AT-SPI's events in for @seconds"""
    from gi.repository import GLib
    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        context.iteration(False)
        time.sleep(0.01)


def find_app(name, seconds=40):
    """The application called @name on the accessibility bus, or None after
    @seconds"""
    from gi.repository import Atspi
    for _ in range(int(seconds * 10)):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        pump(0.1)
    return None
