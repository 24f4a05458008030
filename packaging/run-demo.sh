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
# The demo backend on 127.0.0.1:8765 with the demo catalogue, a demo nurse and resident
# card (printed below), and a one-time enrolment code in var/kiosk/ that the kiosk's
# sync worker exchanges for device credentials on its first sync.
mkdir -p var
bash packaging/run-backend-demo.sh start
trap 'bash packaging/run-backend-demo.sh stop' EXIT
grep -h "demo staff card" var/backend/demo.log || true

# --- 3. the phone key's OpenID provider ----------------------------------------------
# A real provider on 127.0.0.1:8766 (packaging/oidc-demo), set as the demo backend's
# provider. The kiosk's QR code holds a link to it: open that link in a browser on
# this machine and sign in as "demo" with any password.
bash packaging/run-oidc-demo.sh start
trap 'bash packaging/run-oidc-demo.sh stop; bash packaging/run-backend-demo.sh stop' EXIT
echo "run-demo: the city's console: http://127.0.0.1:${WELFARE_BACKEND_PORT:-8765}/console/ (sign in as admin, any password; docs/console.md)"

# --- 4. the kiosk ------------------------------------------------------------------
echo "run-demo: starting the kiosk with $CONFIG (close the window or press Ctrl+C to stop)"
"$KIOSK" --config "$CONFIG" --demo "$@"
