"""Citation links in the built body of a staff page: resolved, missing and ambiguous (sample archive)."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser

from _site import read, url_dir

STAFF_PAGE = "van-ban/2021/thong-bao-20-tb-hu-trang-mau.md"   # tests/fixtures/staff_pages/


class _Anchors(HTMLParser):
    """Every <a> in the article: (href, class, text); records any link opened inside another."""
    def __init__(self):
        super().__init__()
        self.anchors, self.nested, self._open = [], False, None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.nested |= self._open is not None
            self._open = [dict(attrs).get("href"), dict(attrs).get("class") or "", ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.anchors.append(tuple(self._open))
            self._open = None


def _article(site, src: str) -> _Anchors:
    html = read(site, src)
    parser = _Anchors()
    parser.feed(html[html.index('<article'):html.index('</article>')])
    return parser


def test_each_citation_links_to_its_page(built_site):
    parser = _article(built_site, STAFF_PAGE)
    cited = {text: (href, cls) for href, cls, text in parser.anchors if "dan-chieu" in cls}
    assert cited == {
        "Kế hoạch số 12-KH/HU, ngày 05/5/2021":
            ("../mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu/", "dan-chieu dan-chieu--co"),
        "Công văn số 05-CV/TU": ("../../../chua-ro/05-cv-tu/", "dan-chieu dan-chieu--chua-ro"),
        "Công văn số 99-CV/HU, ngày 10/5/2021": ("../../../chua-co/99-cv-hu-ha-nam/", "dan-chieu dan-chieu--chua-co"),
    }
    page_dir = url_dir(STAFF_PAGE)
    for href, _ in cited.values():
        assert (built_site / posixpath.normpath(posixpath.join(page_dir, href)) / "index.html").is_file()


def test_own_number_code_and_staff_links_are_kept(built_site):
    parser = _article(built_site, STAFF_PAGE)
    assert not parser.nested
    assert ("../mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu/", "", "Kế hoạch 12-KH/HU của Huyện ủy") \
        in parser.anchors
    assert not any("20-TB/HU" in text for _, cls, text in parser.anchors if "dan-chieu" in cls)
    assert "<code>12-KH/HU</code>" in read(built_site, STAFF_PAGE)


def test_ambiguous_page_lists_the_candidates(built_site):
    html = read(built_site, "chua-ro/05-cv-tu.md")
    assert "05-CV/TU (chưa xác định được văn bản)" in html
    assert html.count('href="../../van-ban/2021/cong-van-05-cv-tu-') == 2
