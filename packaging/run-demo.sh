#!/usr/bin/env bash
# What `make run` executes: the kiosk with the demo catalogue, in a window.
# Data lives in ./var/demo (gitignored); delete it to start from a fresh demo.
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIG="${KIOSK_CONFIG:-config/demo.toml}"
KIOSK=.venv/bin/welfare-kiosk

# --- 1. a screen to draw on --------------------------------------------------------
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && "${QT_QPA_PLATFORM:-}" != "offscreen" ]]; then
    echo "run-demo: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2
    echo "run-demo: on a desktop, run 'make run' from a terminal inside it;" >&2
    echo "run-demo: on a server, use a virtual screen:  xvfb-run -s '-screen 0 1920x1080x24' make run" >&2
    echo "run-demo: or look at the screens as pictures:  make screenshots" >&2
    exit 1
fi

# --- 2. the city backend (reference server) and enrolment ---------------------------
# (added by the sync part: start sync/server on 127.0.0.1 and enrol this kiosk)

# --- 3. the kiosk ------------------------------------------------------------------
mkdir -p var
echo "run-demo: starting the kiosk with $CONFIG (close the window or press Ctrl+C to stop)"
exec "$KIOSK" --config "$CONFIG" --demo "$@"
