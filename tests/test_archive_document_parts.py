"""vanban.archive.document_parts: the status banner, the original's link and the grouped relations,
every value from a document escaped."""
from __future__ import annotations

import pytest

from _archive_pages import page
from test_archive_render import document_html, to_html
from vanban.archive.site import build_archive

XSS = "<img src=x onerror=alert(1)>"
CT15 = "van-ban/2021/ct15.md"
CT19 = "van-ban/2021/ct19.md"


@pytest.mark.parametrize("meta", [
    {"title": XSS}, {"loai_van_ban": XSS}, {"so_ky_hieu": f"19-CT/TU{XSS}"}, {"co_quan_ban_hanh": XSS},
])
def test_values_of_the_document_a_status_rests_on_are_escaped(meta):
    ended = (CT15, page(so_ky_hieu="15-CT/TU", loai_van_ban="Chỉ thị", ngay_ban_hanh="2021-03-01",
                        tinh_trang_hieu_luc=XSS))    # not a listed status: an error, never printed as HTML
    ender = (CT19, page("Nội dung.", **{
        "so_ky_hieu": "19-CT/TU", "loai_van_ban": "Chỉ thị", "ngay_ban_hanh": "2021-07-01", **meta,
        "van_ban_dan_chieu": [{"so_ky_hieu": "15-CT/TU", "quan_he": "thay_the", "co_quan": "Tỉnh ủy Hà Nam"}]}))
    archive = build_archive([ended, ender])
    html = document_html(archive, CT15, "Nội dung.") + document_html(archive, CT19, "Nội dung.")
    # generated pages (the home page lists status changes); their titles are escaped by hooks/titles.py
    html += "".join(to_html(text.split("---\n", 2)[2]) for text in archive.generated_pages().values())
    assert "<img" not in html
    assert "Hết hiệu lực" in html   # the replacing document was found, its values drawn


def test_one_list_when_every_relation_is_a_plain_mention():
    archive = build_archive([(CT15, page("Xem Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ."))])
    html = document_html(archive, CT15, "Nội dung.")
    part = html.split("Văn bản dẫn chiếu</h2>", 1)[1].split("<h2", 1)[0]
    assert part.lstrip().startswith("<ul>") and "<h3" not in part


def test_the_banner_says_unknown_in_words_and_stands_right_under_the_title():
    archive = build_archive([(CT15, page())])
    html = document_html(archive, CT15, "Nội dung.")
    title_end = html.index("</h1>\n") + len("</h1>\n")
    assert html[title_end:].startswith('<p class="kho-hieu-luc kho-hieu-luc--chua-xac-dinh" title="Hiệu lực: chưa xác định">')
    assert "Tình trạng hiệu lực</dt>\n<dd>Chưa xác định (kho chưa có văn bản nào thay thế hay bãi bỏ văn bản này)" in html
