#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run them.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for the browser tests (Playwright's own browser downloads are not
# used); poppler, Tesseract and its Vietnamese model for PDF scans; libGL for OpenCV, which the
# second recogniser of handwritten digits loads (requirements-ocr.txt); DejaVu for the test PDFs;
# nginx to serve the built site with deploy/ (tests/test_deploy_nginx.py starts and stops it).
DEBIAN_PACKAGES="chromium chromium-driver poppler-utils tesseract-ocr tesseract-ocr-vie libgl1 fonts-dejavu-core nginx"
missing=$(for p in $DEBIAN_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt

# The fallback-builder test must run here and in CI, never skip (tests/test_site_properdocs.py).
KHO_REQUIRE_PROPERDOCS=1 .venv/bin/python -m pytest "$@"
