"""The site nav and a document's contents on the built site. hooks/nav_cache.py shares one
rendering of the nav between pages outside it: on every kind of page each nav link leads to
its nav page, and only a page in the nav marks itself active. hooks/document_page.py writes
the relations as HTML after the body and adds their headings to the contents."""
from __future__ import annotations

import posixpath
import re

import pytest

from _site import read, url_dir

# From the primary nav to the page's own table of contents (an active item nests a <nav> of its own).
NAV_RE = re.compile(r'<nav class="md-nav md-nav--primary".*?data-md-type="toc"', re.DOTALL)
# The readers' menu (issue 19): no staff page in it.
NAV_TARGETS = ["", "co-quan/", "nam/", "loai/", "tim-kiem/", "du-lieu/", "ho-tro-tiep-can/"]


def _nav_links(built_site, src_uri: str) -> tuple[list[str], list[str]]:
    """(where each nav link leads, from the site root; the active links' targets)."""
    nav = NAV_RE.search(read(built_site, src_uri))[0]
    here = "/" + url_dir(src_uri)

    def target(href: str) -> str:
        path = posixpath.normpath(posixpath.join(here, href)).lstrip("/")
        return "" if path in ("", ".") else path.rstrip("/") + "/"
    links = [target(h) for h in re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link(?: md-nav__link--active)? ?"', nav)]
    active = [target(h) for h in re.findall(r'<a href="([^"]+)" class="md-nav__link md-nav__link--active"', nav)]
    return links, active


@pytest.mark.parametrize("src_uri, active", [
    ("index.md", [""]),
    ("co-quan/index.md", ["co-quan/"]),
    ("huong-dan/mau-van-ban.md", []),       # staff pages: outside the menu
    ("co-quan/tinh-uy-ha-nam.md", []),      # outside the nav, under a nav section
    ("chua-co/index.md", []),
    ("nam/2021.md", []),
    ("loai/cong-van.md", []),
    ("tim-kiem.md", ["tim-kiem/"]),
])
def test_nav_links_lead_to_their_pages(built_site, src_uri, active):
    links, actives = _nav_links(built_site, src_uri)
    assert sorted(set(links)) == sorted(NAV_TARGETS)
    assert actives == active


def test_a_documents_contents_lists_its_body_then_its_relations(built_site):
    html = read(built_site, "van-ban/2021/mau-thong-bao-doc-hai-77-tb-hu.md")   # a page with a heading of its own
    toc = html[html.index('data-md-type="toc"'):html.index('<div class="md-content"')]
    anchors = re.findall(r'<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>', toc)
    assert anchors[-3:] == [("so-do-dan-chieu", "Sơ đồ dẫn chiếu"), ("van-ban-dan-chieu", "Văn bản dẫn chiếu"),
                            ("duoc-dan-chieu-boi", "Được dẫn chiếu bởi")]
    assert len(anchors) > 3 and all(f'id="{anchor}"' in html for anchor, _ in anchors)   # the body's headings first
    assert not re.search("[\ue000-\uf8ff]", html)   # no citation mark is left, in the contents or the body


def test_document_pages_share_a_nav_that_leads_everywhere(built_site):
    documents = sorted(p for p in built_site.glob("van-ban/*/*/index.html"))
    assert len(documents) >= 5
    for path in documents:
        src_uri = path.parent.relative_to(built_site).as_posix() + ".md"
        links, actives = _nav_links(built_site, src_uri)
        assert sorted(set(links)) == sorted(NAV_TARGETS) and actives == [], src_uri
