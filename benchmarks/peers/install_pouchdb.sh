#!/bin/sh
# pouchdb-server, the offline-sync peer of benchmarks/sync_peers.py, into
# benchmarks/peers/pouchdb/node_modules (gitignored). Run once before the benchmark,
# never at test time: `sh benchmarks/peers/install_pouchdb.sh`. Needs node and npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/pouchdb"
cd "$here/pouchdb"
[ -f package.json ] || printf '{"name": "kiosk-benchmark-peers", "private": true}\n' > package.json
npm install --no-audit --no-fund --loglevel=error pouchdb-server@4.2.0
echo "pouchdb-server: $here/pouchdb/node_modules/.bin/pouchdb-server"
