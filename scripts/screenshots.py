#!/usr/bin/env python3
"""Screenshots of the pages a reader sees first, for docs-dev/screenshots.md.

    python scripts/screenshots.py [--site DIR] [--out docs-dev/screenshots] [--document PATH] [--agency PATH] [--query Q]

Builds docs/ into a temporary folder (or takes the site already built in --site, e.g. the one
../shared/tools/corpus_site leaves), serves it on 127.0.0.1 and takes the home page, a document,
an agency page and a search, each on a 390 × 844 phone and a 1366 × 768 desktop, with Debian's
Chromium through Playwright (fresh profile). What is shown is the first screen, as a reader
opening the page sees it. The site never publishes docs-dev/.
"""
from __future__ import annotations

import argparse
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
SCREENS = {"dien-thoai": {"width": 390, "height": 844}, "may-tinh": {"width": 1366, "height": 768}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"mkdocs build thất bại:\n{result.stderr}")


def shoot(site: Path, out: Path, pages: dict[str, str]) -> list[Path]:
    from playwright.sync_api import sync_playwright
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base, written = f"http://127.0.0.1:{server.server_port}/", []
    try:
        with tempfile.TemporaryDirectory(prefix="kho-anh-") as profile, sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                                    args=CHROMIUM_ARGS)
            page = browser.new_page()
            for screen, size in SCREENS.items():
                page.set_viewport_size(size)
                for name, path in pages.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    if name == "tim-kiem":   # the results, not the empty box
                        page.wait_for_selector("#kho-tim-kiem[data-state=done]", timeout=15_000)
                    target = out / f"{name}-{screen}.png"
                    page.screenshot(path=str(target))
                    written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build docs/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs-dev" / "screenshots")
    parser.add_argument("--document", default="van-ban/2021/cong-van-154-cv-tu/")
    parser.add_argument("--agency", default="co-quan/tinh-uy-ha-nam/")
    parser.add_argument("--query", default="covid")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pages = {"trang-chu": "", "van-ban": args.document, "co-quan": args.agency, "tim-kiem": f"tim-kiem/?q={args.query}"}
    with tempfile.TemporaryDirectory(prefix="kho-site-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        for path in shoot(site, args.out, pages):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
