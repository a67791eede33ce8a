"""Bytes a browser downloads to search the built site (issue 4's transfer model).

The site is served on 127.0.0.1 by a server that records every file it sends;
headless Chromium (Debian's, through Playwright) runs each reader flow in a
fresh profile: home page + header box, search page + query, a filter click.
Text files count gzipped (http.server does not compress; a real host would),
Pagefind's gzip files count as they are. Target: <= 300 KB per flow.
"""
from __future__ import annotations

import contextlib
import gzip
import http.server
import tempfile
import threading
from functools import partial
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from tests.conftest import CHROMIUM, CHROMIUM_ARGS

# Queries as readers type them: a number, a topic, a phrase in quotes, a number cited but not held.
QUERIES = ("chi thi 16", "phong chong dich covid", '"bầu cử đại biểu Quốc hội khóa XV"', "16/CT-TTg")
CATEGORIES = ("page + theme", "search code", "page list", "index chunks", "pair shards", "fragments", "search + facets")


class _Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records (path, gzipped size) of every file sent."""
    sent: list[tuple[str, int]] = []
    sizes: dict[Path, int] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        super().do_GET()
        if path.is_file():
            if path not in self.sizes:
                raw = path.read_bytes()
                # Pagefind's files are gzip already and go over the wire as they are.
                self.sizes[path] = len(raw) if raw[:2] == b"\x1f\x8b" else len(gzip.compress(raw, 6))
            self.sent.append((unquote(urlsplit(self.path).path), self.sizes[path]))


@contextlib.contextmanager
def recording_server(site: Path):
    _Recorder.sizes = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Recorder, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def category(path: str) -> str:
    if "/pagefind/fragment/" in path:
        return "fragments"
    if "/pagefind/index/" in path:
        return "index chunks"
    if "/pagefind/pairs/" in path:
        return "pair shards"
    if path.endswith(".pf_meta"):
        return "page list"   # Pagefind's page list: search-engine.js never needs it
    if path.endswith(("kho-search.json", "kho-facets.json")):
        return "search + facets"
    if "/pagefind/" in path or "/javascripts/search-" in path:
        return "search code"
    return "page + theme"


def measure(base: str, actions) -> list[tuple[str, int]]:
    """Run `actions(page, base)` in Chromium with a fresh profile; return the files the server sent."""
    from playwright.sync_api import sync_playwright
    _Recorder.sent = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                       args=CHROMIUM_ARGS)
        page = browser.new_page()
        actions(page, base)
        page.wait_for_timeout(500)
        browser.close()
    return list(_Recorder.sent)


def search_page(query: str, click_filter: bool = False):
    def run(page, base):
        page.goto(f"{base}tim-kiem/?q={quote(query)}")
        page.wait_for_selector("#kho-tim-kiem[data-state=done]", timeout=180000)
        if click_filter:
            page.locator('input[data-filter="co_quan_ban_hanh"]').first.check()
            page.wait_for_selector("#kho-tim-kiem[data-state=done]", timeout=180000)
    return run


def header_box(query: str):
    def run(page, base):
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.focus("[data-kho-search-input]")
        page.fill("[data-kho-search-input]", query)
        page.wait_for_selector("[data-kho-search-result][data-state=done]", timeout=180000)
    return run


def flows(queries=QUERIES):
    for query in queries:
        yield f"home + header box {query}", header_box(query)
        yield f"search page + {query}", search_page(query)
    yield f"search page + {queries[0]}, filter click", search_page(queries[0], click_filter=True)
    yield "search page, no query, filter click", search_page("", click_filter=True)


def transfer(site: Path, queries=QUERIES, verbose: bool = False) -> dict:
    """query_bytes_max: the largest flow, gzipped bytes; with verbose, one line per flow."""
    worst = 0
    with recording_server(site) as base:
        if verbose:
            print(f"  {'flow':52s} {'files':>5s} {'total KB':>8s}  " + "  ".join(f"{c:>13s}" for c in CATEGORIES))
        for label, actions in flows(queries):
            sent = measure(base, actions)
            total = sum(size for _, size in sent)
            worst = max(worst, total)
            if verbose:
                by = {c: sum(size for path, size in sent if category(path) == c) for c in CATEGORIES}
                print(f"  {label:52s} {len(sent):5d} {total / 1024:8.1f}  "
                      + "  ".join(f"{by[c] / 1024:13.1f}" for c in CATEGORIES), flush=True)
    return {"query_bytes_max": worst}
