#!/bin/sh
# Installs the system packages Vecinos needs to build, run and test it
# (with --fuzz: those `make fuzz` needs).
# On Debian and Ubuntu it installs only what is missing (through sudo when
# not root); elsewhere it lists what to install and stops.
set -eu

packages="gcc make meson ninja-build pkg-config python3 gettext
libgtk-4-dev libjson-glib-dev libsqlite3-dev libglib2.0-dev-bin libxml2-utils
desktop-file-utils appstream xvfb xauth dbus fonts-dejavu-core librsvg2-common
at-spi2-core python3-pyatspi xdotool poppler-utils openbox"

# `make fuzz` only: clang and its libFuzzer runtime (not needed to build,
# run or test Vecinos)
if [ "${1:-}" = "--fuzz" ]; then
  packages="clang libclang-rt-dev"
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "This is not a Debian or Ubuntu system, so nothing was installed." >&2
  echo "Install these packages (Debian names; yours may differ) and run the command again:" >&2
  echo "  $(echo $packages)" >&2
  exit 1
fi

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

[ -z "$missing" ] && exit 0

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "Installing packages needs root, and sudo is not available. As root, run:" >&2
  echo "  apt-get install$missing" >&2
  exit 1
fi

$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
