"""The accessibility bus of this D-Bus session, for an AT-SPI test and for
the Vecinos it starts (both inherit AT_SPI_BUS_ADDRESS). Without it both
look for the bus in a property of the X root window, which an earlier
AT-SPI test on the same display may have left pointing at a bus that is
gone — then Vecinos never appears on the bus."""

import os
import re
import subprocess


def use_session_bus():
    address = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus', '--object-path',
                              '/org/a11y/bus', '--method', 'org.a11y.Bus.GetAddress'],
                             capture_output=True, text=True, timeout=30).stdout
    match = re.search(r"'([^']+)'", address)
    if match:
        os.environ['AT_SPI_BUS_ADDRESS'] = match.group(1)
