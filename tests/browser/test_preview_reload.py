"""The staff preview in Chromium, served with the published CSP: after a save that breaks the
date, the page reloads itself (a script file polling the status file, no inline script) and opens
with the error. Window: preview.py --watch, as staff run it."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from _site import copy_docs
from conftest import ROOT

pytestmark = pytest.mark.browser

SEED_003 = "van-ban/2021/cong-van-154-cv-tu.md"
RECORD_CSP = ("document.addEventListener('securitypolicyviolation', e =>"
              " (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))")


def test_the_page_reloads_after_a_save_and_shows_the_error(tmp_path, page):
    docs = copy_docs(tmp_path)
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "preview.py"), str(docs / SEED_003),
                                "--docs", str(docs), "--out", str(tmp_path / "out"), "--watch", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(RECORD_CSP)
    try:
        lines = iter(process.stdout.readline, "")
        url = next(re.search(r"(http://127\.0\.0\.1:\d+/\S+)", line).group(1) for line in lines
                   if "127.0.0.1" in line)
        page.goto(url)
        assert page.locator(".kho-preview-banner.kho-preview-review").count() == 1   # seed 003's review flag
        page.evaluate("window.__notReloaded = true")
        time.sleep(0.05)
        edited = docs / SEED_003
        edited.write_text(edited.read_text(encoding="utf-8").replace("ngay_ban_hanh: '2021-04-28'",
                                                                     "ngay_ban_hanh: 30/8/2021"), encoding="utf-8")
        page.wait_for_selector(".kho-preview-banner.kho-preview-error", timeout=90_000)
        assert page.evaluate("window.__notReloaded === undefined")     # a new page: it reloaded itself
        assert "khóa 'ngay_ban_hanh' = '30/8/2021'" in page.locator(".kho-preview-loi").inner_text()
        assert page.evaluate("window.__csp || []") == [] and errors == []
    finally:
        process.terminate()
        process.wait(timeout=30)
