"""Shared fixtures: a built site, a loopback HTTP server and headless Chromium."""
from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"
# Hand-written staff pages that exist only for tests (e.g. a page citing 154-CV/TU in its
# body, to exercise "Được dẫn chiếu bởi"); the public docs/ holds no made-up directive.
STAFF_PAGES = FIXTURES / "staff_pages"
# The original file (ban_goc) a sample page declares: a PDF made at test time (tests/_pdfs.py).
SAMPLE_ORIGINAL = "chi-thi-04-ct-tu-trang-mau.pdf"
SAMPLE_ORIGINAL_TEXT = "TRANG MẪU\nBản gốc minh họa của Chỉ thị 04-CT/TU (trang mẫu); không phải văn bản thật."
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def no_moves_left_behind():
    """vanban.archive.urls keeps the documents' moved addresses as module state (a build moves
    them): every test starts from plain paths."""
    yield
    from vanban.archive import urls
    urls.use_document_addresses({})


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", docs_dir: Path | None = None,
                 strict: bool = True, env: dict | None = None, builder: str = "mkdocs",
                 timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build` (or builder="properdocs", the fallback) as a user would; raises only past `timeout`."""
    cmd = [sys.executable, "-m", builder, "build", "-q", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    full_env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", **(env or {}))
    if docs_dir is not None:
        full_env["KHO_DOCS_DIR"] = str(docs_dir)
    return subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)


_sample_docs: Path | None = None


def sample_docs() -> Path:
    """The sample archive: a copy of docs/ plus tests/fixtures/staff_pages/ under van-ban/, and the
    original file one of them declares.

    Made once per test session, in a temp dir that is removed at exit.
    """
    global _sample_docs
    if _sample_docs is None:
        docs = Path(tempfile.mkdtemp(prefix="kho-docs-")) / "docs"
        shutil.copytree(ROOT / "docs", docs)
        for page in sorted(STAFF_PAGES.glob("*.md")):
            shutil.copy(page, docs / "van-ban" / "2021" / page.name)
        from tests._pdfs import text_pdf   # tests.: scripts/bench.py --judge builds the sample too
        (docs / "van-ban" / "2021" / SAMPLE_ORIGINAL).write_bytes(text_pdf(SAMPLE_ORIGINAL_TEXT))
        _sample_docs = docs
    return _sample_docs


def pytest_sessionfinish(session, exitstatus):
    if _sample_docs is not None:
        shutil.rmtree(_sample_docs.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample archive (see sample_docs), built once per test session with --strict."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site, docs_dir=sample_docs())
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@contextlib.contextmanager
def serve(site: Path, sub_path: str = ""):
    """Serve `site` on 127.0.0.1 at a free port, optionally under a sub-path.

    Yields the base URL, ending in "/". The server stops when the block ends.
    """
    root = Path(tempfile.mkdtemp(prefix="kho-serve-"))
    target = root / sub_path.strip("/") if sub_path.strip("/") else root
    if target != root:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(site, target_is_directory=True)
        served = root
    else:
        served = site
    handler = partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        prefix = f"/{sub_path.strip('/')}/" if sub_path.strip("/") else "/"
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Debian Chromium through Playwright, with a fresh profile."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright_sync.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()
