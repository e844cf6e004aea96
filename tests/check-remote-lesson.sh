#!/bin/sh
# A second `vecinos --tour=ID --step=N --present` hands its lesson to the
# Vecinos already running (as the desktop file's actions "Start a Guided
# Tour" and "Presentation" do), and so can a script or a class remote on
# the session bus through app.tour and app.present.
#
# Usage: check-remote-lesson.sh VECINOS DATASET (run under a display; it
# starts a private session bus of its own)
set -eu

if [ "${VECINOS_PRIVATE_BUS:-}" != 1 ]; then
  VECINOS_PRIVATE_BUS=1 exec dbus-run-session -- "$0" "$@"
fi

app=$1
export VECINOS_DATASET=$2
name=io.github.vecinos.Vecinos
path=/io/github/vecinos/Vecinos
pid=
trap 'kill $pid 2>/dev/null || true' EXIT

describe() {
  gdbus call --session --dest "$name" --object-path "$path" --method org.gtk.Actions.Describe "$1"
}
# Waits (up to 10 s) until app.$1's state reads $2
expect() {
  tries=0
  until describe "$1" | grep -qF "$2"; do
    tries=$((tries + 1))
    if [ $tries -gt 100 ]; then
      echo "not ok: app.$1 is $(describe "$1"), not $2" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "ok: app.$1 $2"
}

"$app" >/dev/null 2>&1 &
pid=$!
gdbus wait --session --timeout 20 "$name"
expect tour "<('', 0)>"
expect present "<false>"

# A second launch: it hands over its options and ends
"$app" --tour=trade --step=2 --present
expect tour "<('trade', 2)>"
expect present "<true>"

# From the bus: another step, then the tour ended and presenting left
gdbus call --session --dest "$name" --object-path "$path" --method org.gtk.Actions.SetState \
  tour "<('trade', 3)>" {} >/dev/null
expect tour "<('trade', 3)>"
gdbus call --session --dest "$name" --object-path "$path" --method org.gtk.Actions.SetState \
  tour "<('', 0)>" {} >/dev/null
gdbus call --session --dest "$name" --object-path "$path" --method org.gtk.Actions.SetState \
  present "<false>" {} >/dev/null
expect tour "<('', 0)>"
expect present "<false>"

# A tour the dataset does not have changes nothing
"$app" --tour=no-such-tour
sleep 0.5
expect tour "<('', 0)>"

gdbus call --session --dest "$name" --object-path "$path" --method org.gtk.Actions.Activate quit "[]" {} >/dev/null
wait $pid
echo "ok"
