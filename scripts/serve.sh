#!/usr/bin/env bash
# Set up, build the site from docs/ and serve it. Never overwrites a page in docs/.
# Usage: bash scripts/serve.sh [--build-only] [port]     then open http://127.0.0.1:${port:-8000}/
#   --build-only   set up and build site/, then stop (what CI and the tests run)
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1
if [ "${1:-}" = "--build-only" ]; then serve=0; shift; fi
port="${1:-8000}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian ships `python3 -m venv` in a separate package (python3-venv): install it when it is missing.
if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "Cài python3-venv (cần quyền root hoặc sudo)…" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt

# The sample directives go only into an empty docs/van-ban/, and never with --force: a page staff
# edited or added is never overwritten. (The samples are committed: a fresh clone has them already.)
# Only scanned PDFs need OCR (poppler, Tesseract); the samples are text, so nothing else is installed.
if [ -z "$(find docs/van-ban -name '*.md' -print -quit 2>/dev/null)" ]; then
  echo "docs/van-ban/ chưa có văn bản: chuyển các văn bản mẫu trong tests/fixtures/seeds/" >&2
  .venv/bin/python scripts/convert.py tests/fixtures/seeds --out docs/van-ban
fi
.venv/bin/python scripts/build.py   # mkdocs build --strict into a temp dir, then swapped in: never half-published
[ "$serve" = 1 ] || exit 0
echo "Serving site/ at http://127.0.0.1:${port}/ (Ctrl+C to stop)"
exec .venv/bin/python -m http.server --bind 127.0.0.1 --directory site "$port"
