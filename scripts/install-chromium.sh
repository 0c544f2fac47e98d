#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, where we are allowed to (root with apt-get).
# Elsewhere the browser tests skip, except in CI (CI=true), where they must run.
set -euo pipefail
if [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ]; then
  exit 0   # a browser chosen by the environment (e.g. Chrome on GitHub's runners)
fi
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerer Chromium for nettlesertestene (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium mangler og kan ikke installeres her (krever root og apt-get)." >&2
echo "Nettlesertestene hoppes over. Installer pakken «chromium» for å kjøre dem." >&2
if [ "${CI:-}" = "true" ]; then
  exit 1
fi
