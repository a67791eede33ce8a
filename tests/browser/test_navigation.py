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
        # grouped by relation ("Được thực hiện bởi", "Là căn cứ của"…): the first document listed
        cited_by = page.locator("#duoc-dan-chieu-boi ~ :is(ul, section) a").first
        target = cited_by.inner_text()
        cited_by.click()
        page.wait_for_load_state()
        assert page.locator(".kho-tom-tat").inner_text() == target
        assert page.url.startswith(base)
        # the new page links back to 154-CV/TU under "Văn bản dẫn chiếu" (in its "Thực hiện" group)
        outgoing = "#van-ban-dan-chieu ~ :is(ul, section):not(#duoc-dan-chieu-boi ~ *) a"
        assert page.locator(outgoing, has_text="154-CV/TU").count() == 1


@pytest.mark.parametrize("path", ["", "loai/cong-van/"])
def test_document_lists_fit_a_phone(built_site, page, path):
    """On a 390 px phone a row is the number, type and date on one line, the issuer and the subject under them."""
    page.set_viewport_size({"width": 390, "height": 844})
    with serve(built_site) as base:
        page.goto(base + path)
        table = page.locator("article .kho-bang-van-ban table")
        assert table.count() == 1 and page.evaluate("document.documentElement.scrollWidth") <= 390
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        wrap = page.locator("article .kho-bang-van-ban .md-typeset__scrollwrap")
        assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")   # nothing to scroll sideways
        cells = dict(table.locator("tbody tr").first.locator("td").evaluate_all(
            "tds => tds.map(td => { const r = td.getBoundingClientRect(); return [td.className, [r.top, r.left]]; })"))
        line = {cells[c][0] for c in ("kho-cot-so", "kho-cot-loai", "kho-cot-ngay") if c in cells}
        assert len(line) == 1 and ("kho-cot-loai" in cells) is (path == "")   # a type page has no type column
        (top,) = line
        assert top < cells["kho-cot-co-quan"][0] < cells["kho-cot-trich-yeu"][0]
        assert cells["kho-cot-trich-yeu"][1] == cells["kho-cot-co-quan"][1] == box["x"]
        assert table.locator("thead th").first.inner_text() == "Số, ký hiệu"   # still there for screen readers
