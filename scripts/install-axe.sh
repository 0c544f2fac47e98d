#!/usr/bin/env bash
# axe-core for the accessibility tests: npm installs the exact version and checksum of
# tests/browser/package-lock.json into tests/browser/node_modules (nothing of it reaches the site).
# npm itself comes from Debian's packages where we may install them (root with apt-get);
# elsewhere the axe tests skip, except in CI (CI=true), where they must run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installerer npm for tilgjengelighetstestene (apt-get) ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq npm >/dev/null
  else
    echo "npm mangler og kan ikke installeres her; axe-testene hoppes over." >&2
    if [ "${CI:-}" = "true" ]; then
      exit 1
    fi
    exit 0
  fi
fi
npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error
