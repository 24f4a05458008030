#!/usr/bin/env bash
# The reference city backend with demo data on 127.0.0.1, for `make run`.
#
#   packaging/run-backend-demo.sh start   # start in the background, wait until it answers
#   packaging/run-backend-demo.sh stop    # stop the one started here
#   packaging/run-backend-demo.sh         # run in the foreground (Ctrl+C stops it)
#
# `welfare-backend demo` keeps its SQLite database in var/backend/demo.db, imports the
# demo catalogue for site "demo-site" and, unless the local kiosk is already enrolled,
# leaves a one-time enrolment code in var/kiosk/enrolment-code, which the kiosk's sync
# worker exchanges for credentials on its first sync. Port: $WELFARE_BACKEND_PORT
# (default 8765, the kiosk's default backend.url).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${WELFARE_BACKEND_PORT:-8765}"
PIDFILE=var/backend/demo.pid
LOG=var/backend/demo.log
mkdir -p var/backend

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

case "${1:-foreground}" in
  start)
    if running; then
      echo "run-backend-demo: already running (pid $(cat "$PIDFILE"))"
      exit 0
    fi
    # One demo doctor on duty for "Talk to a nurse now" (config/demo.toml video.on_demand_service).
    WELFARE_VIDEO_ON_DUTY="${WELFARE_VIDEO_ON_DUTY:-remote-doctor=1}" "$PY" -m sync.server.cli demo --port "$PORT" >"$LOG" 2>&1 &
    echo $! >"$PIDFILE"
    for _ in $(seq 1 150); do
      if "$PY" - "$PORT" <<'PYEOF' 2>/dev/null; then
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/v1/health", timeout=1).read()
PYEOF
        echo "run-backend-demo: reference backend on http://127.0.0.1:$PORT (log: $LOG)"
        exit 0
      fi
      if ! running; then
        echo "run-backend-demo: the backend did not start; see $LOG:" >&2
        tail -n 20 "$LOG" >&2
        exit 1
      fi
      sleep 0.2
    done
    echo "run-backend-demo: the backend did not answer within 30 s; see $LOG" >&2
    exit 1
    ;;
  stop)
    if running; then
      kill "$(cat "$PIDFILE")"
      echo "run-backend-demo: stopped"
    fi
    rm -f "$PIDFILE"
    ;;
  foreground)
    WELFARE_VIDEO_ON_DUTY="${WELFARE_VIDEO_ON_DUTY:-remote-doctor=1}" exec "$PY" -m sync.server.cli demo --port "$PORT"
    ;;
  *)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac
