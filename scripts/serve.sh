#!/usr/bin/env bash
# Set up, convert the bundled sample directives, build the site and serve it.
# Usage: bash scripts/serve.sh [port]     then open http://127.0.0.1:${1:-8000}/
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8000}"

# PDF scans are OCR'd with poppler and Tesseract's Vietnamese model (Debian packages).
if ! command -v pdftoppm >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils tesseract-ocr tesseract-ocr-vie >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt

.venv/bin/python scripts/convert.py tests/fixtures/seeds --out docs/van-ban --force
.venv/bin/python scripts/build.py   # mkdocs build --strict into a temp dir, then swapped in: never half-published
echo "Serving site/ at http://127.0.0.1:${port}/ (Ctrl+C to stop)"
exec .venv/bin/python -m http.server --bind 127.0.0.1 --directory site "$port"
