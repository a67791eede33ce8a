#!/usr/bin/env bash
# Set up, convert the bundled sample directives, build the site and serve it.
# Usage: bash scripts/serve.sh [port]     then open http://127.0.0.1:${1:-8000}/
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8000}"

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt

.venv/bin/python scripts/convert.py tests/fixtures/seeds --out docs/van-ban --force
.venv/bin/python scripts/build.py   # mkdocs build --strict into a temp dir, then swapped in: never half-published
echo "Serving site/ at http://127.0.0.1:${port}/ (Ctrl+C to stop)"
exec .venv/bin/python -m http.server --bind 127.0.0.1 --directory site "$port"
