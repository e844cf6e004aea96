#!/bin/sh
# The stateful app.language switches the running app when it is activated
# from outside, as a class remote or a script would, on the session bus.
#
# Usage: check-remote-language.sh VECINOS (run under a display; it starts a
# private session bus of its own)
set -eu

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ "${VECINOS_PRIVATE_BUS:-}" != 1 ]; then
  VECINOS_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

app=$1
name=io.github.vecinos.Vecinos
path=/io/github/vecinos/Vecinos
LANGUAGE=en "$app" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

gdbus wait --session --timeout 20 "$name"
state() {
  gdbus call --session --dest "$name" --object-path "$path" \
    --method org.gtk.Actions.Describe language
}
echo "before: $(state)"
state | grep -q "<'en'>"

gdbus call --session --dest "$name" --object-path "$path" \
  --method org.gtk.Actions.Activate language "[<'es'>]" {} >/dev/null
echo "after: $(state)"
state | grep -q "<'es'>"

# An unknown language changes nothing
gdbus call --session --dest "$name" --object-path "$path" \
  --method org.gtk.Actions.Activate language "[<'fr'>]" {} >/dev/null
state | grep -q "<'es'>"

gdbus call --session --dest "$name" --object-path "$path" \
  --method org.gtk.Actions.Activate quit "[]" {} >/dev/null
wait $pid
echo "ok"
