#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run them.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for the browser tests (Playwright's own browser downloads are not
# used); poppler, Tesseract and its Vietnamese model for PDF scans; DejaVu for the test PDFs.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftoppm >/dev/null \
   || ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie \
   || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver \
    poppler-utils tesseract-ocr tesseract-ocr-vie fonts-dejavu-core >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt

.venv/bin/python -m pytest "$@"
