"""axe-core (axe-playwright-python) on each kind of page: no serious or critical violation (WCAG 2.1 AA)."""
from __future__ import annotations

import pytest

from conftest import serve

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "agencies": "co-quan/",   # a province heading links its name and notes its merger in words
    "agency": "co-quan/tinh-uy-ha-nam/",
    "type": "loai/cong-van/",
    "year": "nam/2021/",
    "document": "van-ban/2021/cong-van-154-cv-tu/",
    "document-with-backlinks": "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu/",
    "document-status-original": "van-ban/2021/chi-thi-04-ct-tu-trang-mau/",   # banner, download, grouped relations
    "accessibility-statement": "ho-tro-tiep-can/",
    "search": "tim-kiem/?q=chi+thi+16",
    "province": "co-quan/dia-phuong/ha-nam/",
    "missing": "chua-co/",
    "open-data": "du-lieu/",
    "staff": "huong-dan/",
}
PHONE = {"width": 390, "height": 844}
# axe's tags for WCAG 2.0 and 2.1, levels A and AA.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
              "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    return pytest.importorskip("axe_playwright_python.sync_playwright").Axe()


@pytest.fixture(scope="module")
def base(built_site):
    with serve(built_site) as url:
        yield url


def serious(results) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_violation(page, base, axe, name):
    page.goto(base + PAGES[name])
    if name == "search":
        page.wait_for_selector("#kho-tim-kiem[data-state=done] .kho-result")
    assert page.get_attribute("html", "lang") == "vi"
    assert serious(axe.run(page, options=WCAG_21_AA)) == []


def test_search_box_with_results_has_no_serious_violation(page, base, axe):
    page.goto(base)
    page.fill("[data-kho-search-input]", "154-CV/TU")
    page.wait_for_selector("[data-kho-search-result][data-state=done] .kho-result")
    assert serious(axe.run(page, context="[data-kho-search]", options=WCAG_21_AA)) == []


@pytest.mark.parametrize("name", ["home", "document", "document-with-backlinks", "agency", "missing", "search"])
def test_no_serious_violation_on_a_phone(page, base, axe, name):
    page.set_viewport_size(PHONE)
    page.goto(base + PAGES[name])
    if name == "search":
        page.wait_for_selector("#kho-tim-kiem[data-state=done] .kho-result")
    assert serious(axe.run(page, options=WCAG_21_AA)) == []


def test_the_feed_page_has_no_serious_violation(page, base, axe):
    page.goto(base + "co-quan/tinh-uy-ha-nam/feed.xml", wait_until="commit")
    page.wait_for_selector("h1")
    assert page.get_attribute("html", "lang") == "vi"
    # Chromium's own notice that XSLT is going away is no part of the page.
    assert serious(axe.run(page, context={"exclude": [["xslt-warning-banner"]]}, options=WCAG_21_AA)) == []


@pytest.mark.parametrize("path", ["huong-dan/cac-khoa/", "van-ban/2021/mau-thong-bao-doc-hai-77-tb-hu/"])
def test_a_table_wider_than_a_phone_can_be_reached_by_keyboard(page, base, axe, path):
    page.set_viewport_size(PHONE)
    page.goto(base + path)
    page.wait_for_load_state("load")
    wraps = page.locator("article .md-typeset__scrollwrap").evaluate_all(
        "ws => ws.filter(w => w.scrollWidth > w.clientWidth).map(w => w.tabIndex)")
    if path.startswith("huong-dan"):
        assert wraps, "the keys' table is wider than a phone"
    assert all(index == 0 for index in wraps)
    assert serious(axe.run(page, options=WCAG_21_AA)) == []
