#!/usr/bin/env bash
# Quick start: installs dependencies when needed, builds, and serves the app on port 3000.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node node_modules/next/dist/bin/next build
exec node scripts/start.mjs -p "${PORT:-3000}"
