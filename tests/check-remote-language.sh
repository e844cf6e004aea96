#!/bin/sh
# The stateful app.language switches the running app when it is activated
# from outside, as a class remote or a script would, on the session bus;
# the choice is remembered for the next start, and --language wins over it.
#
# Usage: check-remote-language.sh VECINOS (run under a display; it starts a
# private session bus of its own, and keeps its settings in a folder of its
# own)
set -eu

if [ "${VECINOS_PRIVATE_BUS:-}" != 1 ]; then
  VECINOS_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

app=$1
name=io.github.vecinos.Vecinos
path=/io/github/vecinos/Vecinos
config=$(mktemp -d)
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config" LANGUAGE=en
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$config"' EXIT

start() {
  "$app" "$@" >/dev/null 2>&1 &
  pid=$!
  gdbus wait --session --timeout 20 "$name"
}
call() {
  gdbus call --session --dest "$name" --object-path "$path" --method "org.gtk.Actions.$1" "$2" "$3" "$4"
}
state() {
  gdbus call --session --dest "$name" --object-path "$path" --method org.gtk.Actions.Describe language
}
quit() {
  call Activate quit "[]" {} >/dev/null
  wait $pid
  # The name goes with the process
  while gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner "$name" | grep -q true; do sleep 0.1; done
}

start
echo "before: $(state)"
state | grep -q "<'en'>"

call Activate language "[<'es'>]" {} >/dev/null
echo "after: $(state)"
state | grep -q "<'es'>"

# An unknown language changes nothing
call Activate language "[<'fr'>]" {} >/dev/null
state | grep -q "<'es'>"
quit

# Remembered: the next start is in Spanish
start
echo "next start: $(state)"
state | grep -q "<'es'>"
quit

# --language wins over what was remembered
start --language=en
echo "with --language=en: $(state)"
state | grep -q "<'en'>"
quit
echo "ok"
