"""`mkdocs serve` rebuilds the generated indexes when staff add a document."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from _site import copy_docs, url_dir
from conftest import ROOT
from vanban.archive import urls

NEW_PAGE = """---
title: Thông báo 99-TB/TU về lịch tiếp dân
so_ky_hieu: 99-TB/TU
loai_van_ban: Thông báo
trich_yeu: Về lịch tiếp công dân tháng 9 năm 2021
co_quan_ban_hanh: Tỉnh ủy Hà Nam
ngay_ban_hanh: 2021-09-01
---

Ban Thường vụ Tỉnh ủy thông báo lịch tiếp công dân.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, predicate, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = fetch(url)
        if html is not None and predicate(html):
            return html
        time.sleep(0.5)
    raise AssertionError(f"{url} never satisfied the condition within {seconds} s")


def test_adding_a_document_updates_the_type_index_while_serving(tmp_path):
    docs = copy_docs(tmp_path)
    port = free_port()
    env = dict(os.environ, KHO_DOCS_DIR=str(docs))
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        index_url = f"http://127.0.0.1:{port}/{url_dir(urls.type_page('Thông báo'))}"
        before = fetch_after_start(f"http://127.0.0.1:{port}/", index_url)
        assert "99-TB/TU" not in (before or "")
        (docs / "van-ban" / "2021" / "thong-bao-99-tb-tu.md").write_text(NEW_PAGE, encoding="utf-8")
        after = wait_for(index_url, lambda html: "99-TB/TU" in html)
        assert "lịch tiếp công dân" in after
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch_after_start(home: str, index_url: str) -> str | None:
    """Wait until the server answers, then return the index page (None: no such page yet)."""
    wait_for(home, lambda html: "Kho văn bản" in html)
    return fetch(index_url)
