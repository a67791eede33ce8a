"""Headless Chromium: home -> agency index -> province -> agency -> document -> backlink, at the root and under a sub-path."""
from __future__ import annotations

import pytest

from conftest import serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("sub_path", ["", "/kho-van-ban/"])
def test_home_agency_document_backlink(built_site, page, sub_path):
    with serve(built_site, sub_path) as base:
        page.goto(base)
        assert "Kho văn bản chỉ đạo" in page.title()
        page.locator("article a", has_text="Theo cơ quan ban hành").first.click()
        page.wait_for_url("**/co-quan/")
        page.locator("article a", has_text="Tỉnh Hà Nam").first.click()   # the province's page
        page.wait_for_url("**/co-quan/dia-phuong/ha-nam/")
        page.locator("article a", has_text="Tỉnh ủy Hà Nam").first.click()
        page.wait_for_url("**/co-quan/*/")
        assert "Hà Nam" in page.locator("h1").inner_text()
        page.locator("article table a").filter(has_text="tiếp tục tăng cường").first.click()
        page.wait_for_url("**/van-ban/**")
        assert page.locator(".kho-meta").is_visible()
        assert "154-CV/TU" in page.locator(".kho-meta").inner_text()
        cited_by = page.locator("#duoc-dan-chieu-boi + ul a").first
        target = cited_by.inner_text()
        cited_by.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == target
        assert page.url.startswith(base)
        # the new page links back to 154-CV/TU under "Văn bản dẫn chiếu"
        assert page.locator("#van-ban-dan-chieu + ul a", has_text="154-CV/TU").count() == 1
