"""Headless Chromium follows a moved document's old address to its new one, at / and under a sub-path."""
from __future__ import annotations

import pytest

from _site import MOVED_FROM, MOVED_TO, moved_site
from conftest import serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("sub_path", ["", "/kho-van-ban/"])
def test_old_address_reaches_the_moved_document(tmp_path_factory, page, sub_path):
    with serve(moved_site(tmp_path_factory), sub_path) as base:
        page.goto(base + MOVED_FROM)
        page.wait_for_url(base + MOVED_TO)
        assert "154-CV/TU" in page.locator(".kho-meta").inner_text()
