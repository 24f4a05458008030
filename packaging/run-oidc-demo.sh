#!/usr/bin/env bash
# The demo's OpenID provider for the phone key, on 127.0.0.1, for `make run`.
#
#   packaging/run-oidc-demo.sh start   # install if needed, start in the background, wait until ready,
#                                      # and tell the demo backend to use it
#   packaging/run-oidc-demo.sh stop    # stop the one started here
#
# It is packaging/oidc-demo/provider.js: panva's oidc-provider (the same one the phone key's
# tests use) whose login page takes any account id and password; account "demo" is greeted
# as Maija Meikäläinen; accounts "admin", "analyst", "it", "catalogue-editor" and "moderator"
# sign in to the backend's console (http://127.0.0.1:8765/console/) with those roles. Port: $WELFARE_OIDC_PORT (default 8766); its pid and log live in
# $WELFARE_DEMO_VAR/oidc-demo (default var/), and the backend whose provider it becomes is
# $WELFARE_DEMO_DB (default the demo backend's var/backend/demo.db; the tests point both
# elsewhere). `start` never fails the
# demo: without Node.js or the npm packages it says why and the kiosk's phone key says
# that its sign-in service does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${WELFARE_OIDC_PORT:-8766}"
ISSUER="http://127.0.0.1:$PORT"
DIR=packaging/oidc-demo
VAR="${WELFARE_DEMO_VAR:-var}"
PIDFILE="$VAR/oidc-demo/provider.pid"
LOG="$VAR/oidc-demo/provider.log"
DEMO_DB="${WELFARE_DEMO_DB:-sqlite:///$PWD/var/backend/demo.db}"
mkdir -p "$VAR/oidc-demo"

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
unavailable() {
    echo "run-oidc-demo: $1" >&2
    echo "run-oidc-demo: the demo runs without the phone key (the kiosk says its sign-in service does not answer)" >&2
    exit 0
}

case "${1:-}" in
  start)
    # The backend tells kiosks which provider to use; set it even when the provider
    # cannot start, so the kiosk names the provider as what is missing.
    "$PY" -m sync.server.cli --db "$DEMO_DB" set-oidc-provider --issuer "$ISSUER" --client-id welfare-kiosk \
        >/dev/null
    # The same provider signs city staff in to the backend's console (docs/console.md).
    "$PY" -m sync.server.cli --db "$DEMO_DB" set-console-provider --issuer "$ISSUER" --client-id welfare-console \
        >/dev/null
    if running; then
        echo "run-oidc-demo: already running (pid $(cat "$PIDFILE"))"
        exit 0
    fi
    command -v node >/dev/null 2>&1 || unavailable "Node.js is not installed (make system-deps installs it)"
    if [[ ! -f $DIR/node_modules/oidc-provider/package.json ]]; then
        command -v npm >/dev/null 2>&1 || unavailable "npm is not installed (make system-deps installs it)"
        echo "run-oidc-demo: installing the OpenID provider's npm packages (once)"
        (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) >"$LOG" 2>&1 ||
            unavailable "npm ci in $DIR failed (no network?); see $LOG"
    fi
    PORT="$PORT" node "$DIR/provider.js" >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 150); do
        if grep -q "^ready " "$LOG" 2>/dev/null; then
            echo "run-oidc-demo: OpenID provider for the phone key on $ISSUER (log: $LOG)"
            exit 0
        fi
        if ! running; then
            tail -n 5 "$LOG" >&2
            unavailable "the OpenID provider did not start (is port $PORT taken? set WELFARE_OIDC_PORT)"
        fi
        sleep 0.2
    done
    unavailable "the OpenID provider did not answer within 30 s; see $LOG"
    ;;
  stop)
    if running; then
        kill "$(cat "$PIDFILE")"
        echo "run-oidc-demo: stopped"
    fi
    rm -f "$PIDFILE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
