"""The citation diagram on built document pages of the sample archive."""
from __future__ import annotations

import posixpath
import re

from _site import raw_links, read, url_dir

KE_HOACH = "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu.md"


def _diagram(html: str) -> str:
    match = re.search(r'<figure class="so-do-dan-chieu".*?</figure>', html, re.DOTALL)
    assert match, "no diagram"
    return match.group(0)


def test_document_page_has_a_diagram_whose_nodes_link_to_pages(built_site):
    diagram = _diagram(read(built_site, KE_HOACH))
    links = raw_links(diagram)
    assert len(links) == 5   # 154-CV/TU, its two missing citations, 20-TB/HU and 77-TB/HU citing it
    for href in links:
        target = posixpath.normpath(posixpath.join(url_dir(KE_HOACH), href))
        assert (built_site / target / "index.html").is_file(), href
    assert "chưa có trong kho" in diagram and "<script" not in diagram
    assert 'id="so-do-dan-chieu"' in read(built_site, KE_HOACH)   # its heading, listed in the page's contents


def test_every_document_page_has_one(built_site):
    pages = list((built_site / "van-ban").rglob("index.html"))
    assert pages and all(p.read_text(encoding="utf-8").count('class="so-do-dan-chieu"') == 1 for p in pages)


def test_agency_page_shows_which_bodies_it_cites(built_site):
    html = read(built_site, "co-quan/huyen-uy-kim-bang.md")
    overview = re.search(r'<figure class="so-do-dan-chieu so-do-dan-chieu--co-quan".*?</figure>', html, re.DOTALL)
    assert overview and html.index("so-do-dan-chieu--co-quan") < html.index("<table")
    assert raw_links(overview.group(0)) == ["../tinh-uy-ha-nam/"]
    assert "1 lần dẫn chiếu văn bản chưa có trong kho" in overview.group(0)   # 99-CV/HU
