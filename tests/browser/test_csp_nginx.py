"""Chromium on the site as nginx serves it with deploy/ (CSP and all), at / and under /kho-van-ban/.

Every request goes to the test server, no console message is an error or a CSP
violation, and search works (plain JavaScript reading the index: no wasm, no worker).
"""
from __future__ import annotations

import pytest

from _nginx import SUB_PATH, build_for, nginx

pytestmark = pytest.mark.browser

PAGES = ["", "co-quan/", "co-quan/tinh-uy-ha-nam/", "loai/cong-van/", "nam/2021/", "nam/2021/04/",
         "van-ban/2021/cong-van-154-cv-tu/", "van-ban/2021/mau-thong-bao-doc-hai-77-tb-hu/",
         "huong-dan/", "can-xac-minh/", "chua-co/", "co-quan/dia-phuong/ha-nam/", "du-lieu/", "ho-tro-tiep-can/",
         "khong-co-trang-nay/"]
# Chromium's own console notice on a page made by XSLT (the feeds'): the browser's, not the site's.
XSLT_NOTICE = "XSLTProcessor and XSLT Processing Instructions have been deprecated"
RECORD_CSP = ("document.addEventListener('securitypolicyviolation', e =>"
              " (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))")


@pytest.fixture(scope="module", params=["/", SUB_PATH], ids=["root", "sub-path"])
def base(request):
    site = build_for(request.param)
    with nginx(site, request.param) as url:
        yield url


@pytest.fixture
def watched(page):
    """The page, with every request, console message, page error and CSP violation recorded."""
    seen = {"requests": [], "console": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.add_init_script(RECORD_CSP)
    return page, seen


def check(page, seen, base: str) -> None:
    origin = "/".join(base.split("/", 3)[:3]) + "/"
    assert [u for u in seen["requests"] if not u.startswith(origin)] == []
    # A 404 page is logged by Chromium as a failed resource load: that one is expected.
    console = [m for m in seen["console"] if "404 (Not Found)" not in m]
    assert console == [] and seen["errors"] == []
    assert page.evaluate("window.__csp || []") == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_pages_load_under_the_csp(watched, base, path):
    page, seen = watched
    response = page.goto(base + path)
    page.wait_for_load_state("load")
    assert response.status == (404 if path.startswith("khong-co") else 200)
    assert page.evaluate("typeof __md_get") == "function"   # Material's moved inline script ran
    assert page.evaluate("__md_scope.href") == base         # scoped to the site root at any depth
    check(page, seen, base)


def test_search_works_under_the_csp(watched, base):
    page, seen = watched
    page.goto(base)
    page.fill("[data-kho-search-input]", "154-CV/TU")
    page.wait_for_selector("[data-kho-search-result][data-state=done]")
    first = page.locator("[data-kho-search-result] .kho-result__link").first
    assert first.get_attribute("href").endswith("/van-ban/2021/cong-van-154-cv-tu/")
    page.goto(base + "tim-kiem/?q=dinh+thi+lua&sap_xep=lien-quan")
    page.wait_for_selector("#kho-tim-kiem[data-state=done]")
    assert "154-CV/TU" in page.locator(".kho-page__list .kho-result").first.inner_text()
    assert any(u.endswith(".pf_fragment") for u in seen["requests"])
    assert any(u.endswith(".pf_index") for u in seen["requests"])
    check(page, seen, base)


def test_a_feed_reads_as_a_page_under_the_csp(page, base):
    """nginx sends feed.xml as text/xml: Chromium runs its XSLT (a file of the site) and the page
    takes its CSS from a file too, so the CSP blocks nothing of ours. (Chromium adds its own
    XSLT-WARNING-BANNER with inline styles; the CSP blocks those, and they are the browser's.)"""
    requests, failed, console = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: console.append(m.text))
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => (window.__csp = window.__csp "
                         "|| []).push((e.target && e.target.tagName) + ' ' + e.violatedDirective))")
    response = page.goto(base + "loai/cong-van/feed.xml", wait_until="commit")
    assert response.headers["content-type"].startswith(("text/xml", "application/xml"))
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Kho văn bản chỉ đạo: Công văn"
    assert page.evaluate("getComputedStyle(document.querySelector('.dau')).backgroundColor") == "rgb(31, 58, 96)"
    origin = "/".join(base.split("/", 3)[:3]) + "/"
    assert failed == [] and [u for u in requests if not u.startswith(origin)] == []
    ours = [v for v in page.evaluate("window.__csp || []") if not v.startswith("XSLT-WARNING-BANNER ")]
    assert ours == []
    others = [m for m in console if XSLT_NOTICE not in m and "Content Security Policy" not in m]
    assert others == [] and sum("Content Security Policy" in m for m in console) == len(page.evaluate("window.__csp || []"))
