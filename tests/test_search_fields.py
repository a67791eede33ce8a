"""hooks/search_fields.py: what a document page hands to Pagefind."""
import datetime as dt
import importlib.util
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("search_fields", ROOT / "hooks" / "search_fields.py")
search_fields = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_fields)

PAGE_HTML = ('<html><body><nav>Trang chủ</nav><article class="md-content__inner md-typeset">'
             "<h1>T</h1>{body}</article><footer>chân trang</footer></body></html>")
META = {
    "title": "Công văn 154-CV/TU về việc tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn", "co_quan_ban_hanh": "Tỉnh uỷ Hà Nam",
    "ngay_ban_hanh": dt.date(2021, 4, 28), "nguoi_ky": "Đinh Thị Lụa",
}


def make_page(src_uri: str, meta: dict, body: str = "<p>Nội dung</p>"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta, content=body)


def render(page) -> str:
    return search_fields.on_post_page(PAGE_HTML.format(body=page.content), page, config={})


def test_document_page_gets_body_sort_meta_and_filters():
    html = render(make_page("van-ban/2021/cong-van-154-cv-tu.md", META))
    assert '<article class="md-content__inner md-typeset" data-pagefind-body data-pagefind-sort="ngay:2021-04-28">' in html
    assert '<span data-pagefind-meta="so_ky_hieu">154-CV/TU</span>' in html
    assert '<span data-pagefind-filter="co_quan_ban_hanh">Tỉnh ủy Hà Nam</span>' in html  # one tone placement
    assert '<span data-pagefind-filter="nam">2021</span>' in html
    assert "Đinh Thị Lụa dinh thi lua</p>" in html  # signer, as written and folded
    # the hidden blocks sit inside the article, nav and footer stay outside the body
    assert html.index("kho-search-copy") < html.index("</article>") < html.index("<footer>")


@pytest.mark.parametrize("src_uri, meta", [
    ("index.md", {"title": "Trang chủ"}),
    ("co-quan/tinh-uy-ha-nam.md", {"title": "Tỉnh ủy Hà Nam", "loai_van_ban": "Công văn"}),
    ("van-ban/README.md", {"title": "Ghi chú"}),
])
def test_other_pages_are_left_alone(src_uri, meta):
    page = make_page(src_uri, meta)
    assert render(page) == PAGE_HTML.format(body=page.content)


def test_scraped_values_are_escaped():
    meta = dict(META, title='<img src=x onerror="alert(1)">', co_quan_ban_hanh="A & <b>B</b>")
    html = render(make_page("van-ban/x.md", meta))
    assert "<img" not in html and "<b>B" not in html
    assert '<span data-pagefind-meta="title">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</span>' in html


def test_missing_date_sorts_last_with_an_unknown_year():
    html = render(make_page("van-ban/khong-ro-nam/x.md", dict(META, ngay_ban_hanh=None)))
    assert 'data-pagefind-sort="ngay:0000-00-00"' in html
    assert '<span data-pagefind-filter="nam">Không rõ năm</span>' in html


def test_nfd_page_is_published_nfc():
    import unicodedata
    page = make_page("van-ban/x.md", META, unicodedata.normalize("NFD", "<p>Nghị định</p>"))
    assert "<p>Nghị định</p>" in render(page)
