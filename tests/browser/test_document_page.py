"""Headless Chromium on a document page: body citation links, the diagram on a 390 px phone, and print."""
from __future__ import annotations

import pytest

from conftest import serve

pytestmark = pytest.mark.browser

STAFF_PAGE = "van-ban/2021/thong-bao-20-tb-hu-trang-mau/"


@pytest.fixture(scope="module")
def base(built_site):
    with serve(built_site, "/kho-van-ban/") as url:
        yield url


def test_citation_in_the_body_opens_the_cited_document(page, base):
    page.goto(base + STAFF_PAGE)
    page.locator("article a.dan-chieu--co").click()
    page.wait_for_url("**/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu/")
    assert "12-KH/HU" in page.locator("h1").inner_text()


def test_diagram_fits_a_phone(page, base):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + STAFF_PAGE)
    diagram = page.locator(".so-do-dan-chieu")
    assert diagram.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = diagram.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    missing = diagram.locator("a.sddc-nut--chua-co")
    assert "chưa có trong kho" in missing.inner_text()
    assert missing.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    # nodes are stacked, each as wide as the column
    widths = diagram.locator(".sddc-cap1 > li > .sddc-nut").evaluate_all("ns => ns.map(n => n.offsetWidth)")
    assert widths and min(widths) > 300


def test_printed_page_is_the_directive_with_its_address(page, base):
    page.goto(base + STAFF_PAGE)
    page.emulate_media(media="print")
    hidden = (".md-header, .md-sidebar, .md-search, .md-footer, .kho-relations, .so-do-dan-chieu, .kho-meta, "
              ".kho-duong-dan, article h1")   # the directive alone: no panel, no web title (issue 19)
    assert page.locator(hidden).evaluate_all("els => els.filter(e => e.getClientRects().length > 0).length") == 0
    for shown in (".kho-dau-in", ".kho-noi-dung", "article a.dan-chieu--co"):
        assert page.locator(shown).first.is_visible()
    address = page.locator(".kho-dia-chi-in")
    assert address.is_visible() and STAFF_PAGE in address.inner_text()
    assert address.evaluate("e => getComputedStyle(e).position") == "fixed"   # repeated on every sheet
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


CT03 = "van-ban/2021/chi-thi-03-ct-tu-trang-mau/"   # replaced by 04-CT/TU (tests/fixtures/staff_pages)
CT04 = "van-ban/2021/chi-thi-04-ct-tu-trang-mau/"   # repealed, has its original file


def test_status_banner_is_one_line_on_a_phone_and_in_full_on_a_desktop(page, base):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + CT03)
    banner = page.locator("p.kho-hieu-luc")
    line = banner.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    box = banner.bounding_box()
    assert box["height"] < 2 * line and box["x"] + box["width"] <= 390
    assert box["y"] < page.locator("article h1").bounding_box()["y"] + 200   # right under the title
    assert "Hết hiệu lực" in banner.inner_text() and "theo" in banner.get_attribute("title")
    page.set_viewport_size({"width": 1366, "height": 768})
    assert "theo Chỉ thị 04-CT/TU" in banner.inner_text()
    assert banner.evaluate("e => e.scrollWidth <= e.clientWidth")   # nothing cut on a desktop


def test_the_printout_of_a_document_with_a_status_and_an_original_is_the_directive_alone(page, base):
    """The banner and the download are the archive's words, not the directive's: not printed (issue 19's print
    rule over issue 20's parts)."""
    page.goto(base + CT04)
    page.emulate_media(media="print")
    for part in ("p.kho-hieu-luc", ".kho-ban-goc"):
        assert page.locator(part).evaluate_all("els => els.filter(e => e.getClientRects().length > 0).length") == 0, part
    shown = page.locator("article").inner_text()
    assert "Hết hiệu lực" not in shown and "Tải văn bản gốc" not in shown and "SHA-256" not in shown
    assert "Chỉ thị này thay thế" in shown


def test_the_original_downloads_as_the_file_it_names(page, base):
    page.goto(base + CT04)
    link = page.locator("a.kho-ban-goc__tai")
    assert link.inner_text().startswith("Tải văn bản gốc (PDF, ")
    with page.expect_download() as download:
        link.click()
    saved = download.value.path()
    assert download.value.suggested_filename == "chi-thi-04-ct-tu-trang-mau.pdf"
    assert open(saved, "rb").read().startswith(b"%PDF")


def test_diagram_groups_above_and_below_the_document(page, base):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(base + CT04)
    diagram = page.locator(".so-do-dan-chieu")
    above = diagram.locator(".sddc-ben--dan-chieu").bounding_box()
    centre = diagram.locator(".sddc-giua").bounding_box()
    below = diagram.locator(".sddc-ben--duoc-dan-chieu").bounding_box()
    assert above["y"] + above["height"] <= centre["y"] and centre["y"] + centre["height"] <= below["y"]
    groups = diagram.locator(".sddc-ben--duoc-dan-chieu .sddc-nhom").evaluate_all(
        "ns => ns.map(n => n.getBoundingClientRect().top)")
    assert len(groups) == 4 and len(set(groups)) < len(groups)   # side by side when there is room
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
