#!/bin/sh
# run-on-screen.sh WIDTHxHEIGHT TEST [ARGS…] — runs TEST on an X server of
# its own, of that size (1024x768: a classroom projector), under a window
# manager (Openbox), as on a desktop: full screen is the window manager's
# to grant, and a window larger than the screen is what a user would see
# cut. Openbox starts TEST once it manages the screen, and leaves when TEST
# ends; TEST's output and status are ours.
set -eu

size=$1
program=$(readlink -f "$2")
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RUN_ON_SCREEN_DIR="$work"
# shellcheck disable=SC2016
xvfb-run -a -s "-screen 0 ${size}x24" \
  openbox --sm-disable \
    --startup "sh -c '\"\$0\" \"\$@\" >\"\$RUN_ON_SCREEN_DIR/log\" 2>&1; echo \$? >\"\$RUN_ON_SCREEN_DIR/status\"; openbox --exit' $program $*" \
  >"$work/openbox.log" 2>&1 || true
[ -f "$work/log" ] && cat "$work/log"
if [ ! -s "$work/status" ]; then
  echo "run-on-screen.sh: $program did not run (is Openbox installed?)" >&2
  cat "$work/openbox.log" >&2
  exit 1
fi
exit "$(cat "$work/status")"
