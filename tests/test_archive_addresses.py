"""vanban.archive.addresses: permanent addresses from `slug`, redirects from `duong_dan_cu`, clear conflicts."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from _archive_pages import page
from vanban.archive import urls
from vanban.archive.addresses import Redirect, check_live_pages, redirect_file, redirect_page
from vanban.archive.site import build_archive
from vanban.schema import old_path, validate

CV154 = "van-ban/2021/cong-van-154-cv-tu.md"
CV239 = "van-ban/2021/cong-van-239-cv-hu.md"
CV239_META = dict(title="Công văn 239-CV/HU", so_ky_hieu="239-CV/HU", co_quan_ban_hanh="Huyện ủy Kim Bảng")



def errors(archive, src_uri):
    return [p for p in archive.catalog.problems[src_uri] if p.severity == "error"]


@pytest.mark.parametrize("value, folder", [
    ("van-ban/2021/cong-van-154-cv-tu/", "van-ban/2021/cong-van-154-cv-tu/"),
    ("/van-ban/2021/cong-van-154-cv-tu", "van-ban/2021/cong-van-154-cv-tu/"),
    ("van-ban/2021/cong-van-154-cv-tu.md", "van-ban/2021/cong-van-154-cv-tu/"),   # the old file name
    ("van-ban/2021/cong-van-154-cv-tu/index.html", "van-ban/2021/cong-van-154-cv-tu/"),
    ("https://kho.example/van-ban/2021/x/", None),   # a host: write the path from the site root
    ("van-ban/../co-quan/", None),
    ("van-ban/2021/x/?a=1", None),
    ("feed.xml", None),                              # not a page
    ("", None),
])
def test_old_path_forms(value, folder):
    assert old_path(value) == folder


@pytest.mark.parametrize("meta, key", [
    ({"slug": "2021/Cong-Van-154"}, "slug"),           # upper case
    ({"slug": "/2021/cong-van-154-cv-tu"}, "slug"),    # leading slash
    ({"slug": "2021/công-văn-154"}, "slug"),           # diacritics
    ({"duong_dan_cu": "van-ban/2021/x/"}, "duong_dan_cu"),              # not a list
    ({"duong_dan_cu": ["http://kho.example/van-ban/x/"]}, "duong_dan_cu"),
])
def test_schema_rejects_bad_address_keys(meta, key):
    assert [p.key for p in validate(page_meta(**meta)) if p.severity == "error"] == [key]


def page_meta(**meta):
    from _archive_pages import BASE
    return {**BASE, **meta}


def test_without_slug_the_address_is_the_file_path_and_ignores_the_title():
    before = build_archive([(CV154, page())])
    after = build_archive([(CV154, page(title="Công văn 154-CV/TU (đã sửa lỗi chính tả)", trich_yeu="V/v sửa"))])
    assert urls.site_url(CV154) == "van-ban/2021/cong-van-154-cv-tu/"
    assert before.addresses.moved == after.addresses.moved == {}


def test_slug_keeps_the_address_when_the_file_moves():
    moved_file = "van-ban/2020/cong-van-154-ha-nam.md"   # renamed and put in another year folder
    archive = build_archive([(moved_file, page(slug="2021/cong-van-154-cv-tu"))])
    assert archive.addresses.moved == {moved_file: "van-ban/2021/cong-van-154-cv-tu/"}
    assert urls.site_url(moved_file) == "van-ban/2021/cong-van-154-cv-tu/"
    assert urls.record_json(moved_file) == "du-lieu/van-ban/2021/cong-van-154-cv-tu.json"
    assert not errors(archive, moved_file)


def test_an_old_address_gets_a_redirect_to_the_new_one():
    archive = build_archive([(CV154, page(slug="2021/tinh-uy-ha-nam-154-cv-tu",
                                          duong_dan_cu=["van-ban/2021/cong-van-154-cv-tu/"]))])
    assert archive.addresses.redirects == [Redirect("van-ban/2021/cong-van-154-cv-tu/", CV154)]
    assert redirect_file(archive.addresses.redirects[0]) == "van-ban/2021/cong-van-154-cv-tu/index.html"


@pytest.mark.parametrize("pages, src, message", [
    # two documents claim one old address: the second is told who has it
    ([(CV154, page(duong_dan_cu=["van-ban/2020/cu/"])), (CV239, page(**CV239_META, duong_dan_cu=["van-ban/2020/cu"]))],
     CV239, f"đã được {CV154} khai báo"),
    # an old address that is another document's live page
    ([(CV154, page(duong_dan_cu=["van-ban/2021/cong-van-239-cv-hu/"])), (CV239, page(**CV239_META))],
     CV154, f"đang là địa chỉ của văn bản {CV239}"),
    # an old address that is the page's own address
    ([(CV154, page(duong_dan_cu=["van-ban/2021/cong-van-154-cv-tu.md"]))], CV154, "địa chỉ hiện tại của chính trang này"),
    # a slug that is another document's address
    ([(CV154, page(slug="2021/cong-van-239-cv-hu")), (CV239, page(**CV239_META))],
     CV154, f"đã là của {CV239}"),
])
def test_conflicts_are_errors_naming_both_files(pages, src, message):
    archive = build_archive(pages)
    found = [p for p in errors(archive, src) if message in p.message]
    assert found and found[0].format(src).startswith(src), [p.message for p in errors(archive, src)]
    assert all(r.src_uri != src or r.old not in message for r in archive.addresses.redirects)


def test_an_old_address_that_is_an_index_page_is_an_error():
    archive = build_archive([(CV154, page(duong_dan_cu=["co-quan/tinh-uy-ha-nam/"]))])
    live = {urls.page_dir(src): src for src in archive.generated_pages()}
    check_live_pages(archive.addresses, archive.by_src, live)
    assert archive.addresses.redirects == []
    assert "co-quan/tinh-uy-ha-nam.md" in errors(archive, CV154)[0].message


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_redirect_page_is_static_escaped_and_relative():
    build_archive([(CV154, page(slug="2021/tinh-uy-ha-nam-154-cv-tu"))])
    html = redirect_page(Redirect("van-ban/2021/cong-van-154-cv-tu/", CV154), "<b>Công văn</b> & \"x\"", None)
    parser = _Head()
    parser.feed(html)
    tags = dict((tag, attrs) for tag, attrs in parser.tags if tag in ("link", "a"))
    refresh = [attrs for tag, attrs in parser.tags if tag == "meta" and attrs.get("http-equiv") == "refresh"]
    assert refresh == [{"http-equiv": "refresh", "content": "0; url=../tinh-uy-ha-nam-154-cv-tu/"}]
    assert tags["link"] == {"rel": "canonical", "href": "../tinh-uy-ha-nam-154-cv-tu/"}
    assert tags["a"]["href"] == "../tinh-uy-ha-nam-154-cv-tu/"
    assert "<script" not in html and "style" not in html and "<b>" not in html and "&lt;b&gt;" in html
    absolute = redirect_page(Redirect("van-ban/2021/cong-van-154-cv-tu/", CV154), "x", "https://kho.example/kho/")
    assert '<link rel="canonical" href="https://kho.example/kho/van-ban/2021/tinh-uy-ha-nam-154-cv-tu/">' in absolute
