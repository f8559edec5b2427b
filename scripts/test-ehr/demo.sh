#!/usr/bin/env bash
# npm run ehr:demo: the app and the test EHR on loopback, wired together for a SMART launch.
#   EHR launch (embedded in the test EHR's screen): http://127.0.0.1:3161/ehr?launch=L-main
#   EHR launch (top level): http://127.0.0.1:3000/launch?iss=http://127.0.0.1:3161/fhir&launch=L-main
#   Standalone: http://127.0.0.1:3000 -> "Open from Test EHR"
# APP_PORT and EHR_PORT change the ports. Everything is in memory; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP_PORT="${APP_PORT:-3000}"
EHR_PORT="${EHR_PORT:-3161}"
export NEXT_TELEMETRY_DISABLED=1
[ -d node_modules ] || npm ci --no-audit --no-fund
DIST="${NEXT_DIST_DIR:-.next}"
[ -f "$DIST/BUILD_ID" ] || npx next build
EHR="http://127.0.0.1:${EHR_PORT}"
export LABS_SMART_ISSUERS="[{\"iss\":\"${EHR}/fhir\",\"clientId\":\"labs-test-client\",\"name\":\"Test EHR\",\"frameOrigins\":[\"${EHR}\"]}]"
node --import tsx scripts/test-ehr/server.ts --port "$EHR_PORT" --app "http://127.0.0.1:${APP_PORT}" &
EHR_PID=$!
trap 'kill "$EHR_PID" 2>/dev/null || true' EXIT INT TERM
echo "App:  http://127.0.0.1:${APP_PORT}  (Open from Test EHR)"
echo "EHR:  ${EHR}/ehr?launch=L-main  (scenarios: L-main L-empty L-deny L-token L-down L-slow L-noscope)"
node node_modules/next/dist/bin/next start -p "$APP_PORT" -H 127.0.0.1
