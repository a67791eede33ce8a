#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run them.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! [ -x /usr/sbin/nginx ]; then
  # Browser tests drive Debian's Chromium; Playwright's own browser downloads are not used.
  # Debian's nginx serves the site with deploy/ in tests/test_deploy_nginx.py (started by the tests).
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver nginx >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt

.venv/bin/python -m pytest "$@"
