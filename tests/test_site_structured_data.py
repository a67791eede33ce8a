"""schema.org JSON-LD and the printed address on the built pages of the sample archive."""
from __future__ import annotations

import json
from html.parser import HTMLParser

from _site import read

STAFF_PAGE = "van-ban/2021/thong-bao-20-tb-hu-trang-mau.md"


class _JsonLd(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._in = [], False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._in:
            self.blocks.append("")

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data

    def handle_endtag(self, tag):
        self._in = False


def json_ld(html: str) -> list[dict]:
    parser = _JsonLd()
    parser.feed(html)
    return [json.loads(block) for block in parser.blocks]


def test_document_page_describes_itself_as_legislation(built_site):
    html = read(built_site, STAFF_PAGE)
    (data,) = json_ld(html)
    assert html.index("application/ld+json") < html.index("</head>")
    assert data["legislationIdentifier"] == "20-TB/HU" and data["legislationDate"] == "2021-05-20"
    assert data["legislationPassedBy"]["name"] == "Huyện ủy Kim Bảng"
    # Only the resolved citation is named (05-CV/TU is undecided, 99-CV/HU not held).
    assert [c["legislationIdentifier"] for c in data["citation"]] == ["12-KH/HU"]


def test_only_document_pages_have_it(built_site):
    assert json_ld(read(built_site, "index.md")) == []
    assert json_ld(read(built_site, "chua-ro/05-cv-tu.md")) == []


def test_every_page_carries_its_address_for_print(built_site):
    assert '<p class="kho-dia-chi-in">Nguồn: Kho văn bản chỉ đạo — van-ban/2021/thong-bao-20-tb-hu-trang-mau/</p>' \
        in read(built_site, STAFF_PAGE)
