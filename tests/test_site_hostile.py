"""A hostile staff page (tests/fixtures/staff_pages/mau-thong-bao-doc-hai-77-tb-hu.md) publishes no live markup.

Its title, subject, signer, recipients and body carry script in every form we know
(tags, on* attributes, javascript:/data: URLs, forged html_block comments, attr_list,
TOC tricks). Every HTML file of the built site is parsed; none may hold a script,
handler or URL that came from it. The browser half is tests/browser/test_hostile.py.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from _site import read
from vanban import sanitize

HOSTILE = "van-ban/2021/mau-thong-bao-doc-hai-77-tb-hu.md"
CITED = "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu.md"  # 12-KH/HU
# Tags no page of ours writes, whatever their attributes.
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.IGNORECASE)


class LiveMarkup(HTMLParser):
    """Collects what would run in a browser: handlers, script URLs, foreign tags, inline script code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(n == "http-equiv" for n, _ in attrs):
            self.found.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            scheme = _SCHEME.match("".join(ch for ch in (value or "") if ch >= " "))
            if name in URL_ATTRIBUTES and scheme and scheme[1].lower() in ("javascript", "data", "vbscript"):
                self.found.append(f"<{tag} {name}={value[:30]}>")
        # Data blocks (JSON, JSON-LD) are not run; a value that closes them shows up as live tags after.
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and kind in ("text/javascript", "application/javascript", "module")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(f"script text {data.strip()[:40]!r}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


def test_the_detector_sees_what_the_fixture_holds():
    # Guards the test itself: the raw payloads are caught before sanitising.
    raw = ('<p onmouseover="alert(1)">x</p><a href=" JaVaScRiPt:alert(1)">a</a><iframe></iframe>'
           '<img src="data:image/svg+xml,x"><script>alert(1)</script><meta http-equiv="refresh">')
    assert len(live_markup(raw)) == 6
    assert live_markup(sanitize.clean(raw)) == []


def test_no_built_html_file_holds_live_markup(built_site):
    found = {}
    for path in sorted(Path(built_site).rglob("*.html")):
        problems = live_markup(path.read_text(encoding="utf-8"))
        if problems:
            found[str(path.relative_to(built_site))] = problems
    assert found == {}


def test_the_hostile_page_is_published_as_text(built_site):
    html = read(built_site, HOSTILE)
    article = html[html.index("<article"):html.index("</article>")]
    for shown in ("&lt;script&gt;alert(&#x27;title&#x27;)", "&lt;svg onload=alert('nguoi_ky')&gt;Nguyễn Văn Mẫu",
                  "&lt;iframe src=javascript:alert('kinh_gui')&gt;", "Di chuột vào đoạn này.",
                  "Thực hiện Kế hoạch số 12-KH/HU"):
        assert shown in re.sub(r"</?a\b[^>]*>", "", article)   # the citation is a link where it stands
    for gone in ("forged-block", "body-script", "kho-html", "<!--", "alert('cell')", "ontoggle"):
        assert gone not in html
    assert '<th align="left">Cột</th>' in article   # what our Markdown makes stays


def test_its_subject_is_text_in_the_backlinks_of_12_kh_hu(built_site):
    html = read(built_site, CITED)
    cited_by = html[html.index('id="duoc-dan-chieu-boi"'):]
    assert "Thông báo 77-TB/HU ngày 6/5/2021 của Huyện ủy Kim Bảng</a>: Trang mẫu kiểm thử an toàn " \
           "&lt;img src=x onerror=alert('trich_yeu')&gt;" in cited_by


@pytest.mark.parametrize("index", ["co-quan/huyen-uy-kim-bang.md", "loai/thong-bao.md", "nam/2021/index.md",
                                   "nam/2021/05.md"])
def test_its_subject_is_text_on_the_index_pages(built_site, index):
    assert "Trang mẫu kiểm thử an toàn &lt;img src=x onerror=alert('trich_yeu')&gt;" in read(built_site, index)


def test_no_output_file_keeps_a_block_marker(built_site):
    for path in Path(built_site).rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js"):
            assert "kho-html" not in path.read_text(encoding="utf-8"), path
