"""vanban.archive.listing and the pages that list documents: every list shows number, type, date,
issuer and subject (less what its page states), a document without subject its first words, and
a long list goes on pages of at most PAGE_SIZE rows whose size does not grow with the archive."""
from __future__ import annotations

import re

import pytest

from _archive_pages import page
from vanban.archive.listing import PAGE_SIZE, Group, paginate
from vanban.archive.site import build_archive

ROW = re.compile(r"<tr>\n<td ")


def rows(markdown: str) -> int:
    return len(ROW.findall(markdown))


def many(count: int, year: int = 2021, **meta) -> list[tuple[str, str]]:
    """`count` documents of one body, over the months of one year."""
    return [(f"van-ban/{year}/cv-{i}.md", page(title=f"Công văn {i}-CV/TU", so_ky_hieu=f"{i}-CV/TU",
                                             ngay_ban_hanh=f"{year}-{i % 12 + 1:02d}-{i % 28 + 1:02d}", **meta))
            for i in range(1, count + 1)]


@pytest.fixture(scope="module")
def big():
    """450 documents of Tỉnh ủy Hà Nam in 2021, and one document without a subject."""
    return build_archive(many(450) + [("van-ban/2021/khong-trich-yeu.md", page(
        "*Số 174/CV-BCĐ*\n\n**Kính gửi:**\n\n- Các Bộ\n\nThực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 của Bộ "
        "Chính trị, Ban Chỉ đạo đề nghị các Bộ, cơ quan ngang Bộ khẩn trương rà soát, ban hành văn bản hướng dẫn "
        "thực hiện nhiệm vụ được phân cấp trong tháng 12 năm 2025.",
        title="Công văn 174/CV-BCĐ", so_ky_hieu="174/CV-BCĐ", trich_yeu=None, ngay_ban_hanh="2021-12-31",
        co_quan_ban_hanh="Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp"))]).generated_pages()


def test_pagination_cuts_groups_and_keeps_every_row():
    pages = paginate([Group("Tháng 12", list(range(150))), Group("Tháng 11", list(range(130)))], size=100)
    assert [[(g.heading, len(g.items), g.continued) for g in p] for p in pages] == [
        [("Tháng 12", 100, False)], [("Tháng 12", 50, True), ("Tháng 11", 50, False)], [("Tháng 11", 80, True)]]
    assert pages[1][0].count == 150


@pytest.mark.parametrize("first, more", [
    ("co-quan/tinh-uy-ha-nam.md", ["co-quan/tinh-uy-ha-nam/trang-2.md", "co-quan/tinh-uy-ha-nam/trang-3.md"]),
    ("nam/2021/index.md", ["nam/2021/trang-2.md", "nam/2021/trang-3.md"]),
    ("loai/cong-van.md", ["loai/cong-van/trang-2.md", "loai/cong-van/trang-3.md"]),
    ("co-quan/dia-phuong/ha-nam.md", ["co-quan/dia-phuong/ha-nam/trang-2.md", "co-quan/dia-phuong/ha-nam/trang-3.md"]),
])
def test_a_long_list_is_on_pages_of_at_most_200_rows_with_page_links(big, first, more):
    listed = [big[first], *(big[src] for src in more)]
    assert [rows(text) for text in listed][:2] == [PAGE_SIZE, PAGE_SIZE] and all(rows(t) <= PAGE_SIZE for t in listed)
    assert more[-1].replace("3", "4") not in big
    assert '(trang 2/3)"' in big[more[0]]
    nav = big[more[0]][big[more[0]].index('<nav class="kho-phan-trang"'):]
    assert 'aria-current="page">2</a>' in nav and 'rel="prev"' in nav and 'rel="next"' in nav


def test_page_links_stay_few_however_long_the_list():
    pages = build_archive(many(PAGE_SIZE * 30)).generated_pages()
    nav = re.search(r'<nav class="kho-phan-trang".*?</nav>', pages["loai/cong-van/trang-15.md"], re.S)[0]
    assert nav.count("<li>") <= 2 + 1 + 2 * 2 + 1 + 2 and "Trang 15/30" in nav


def test_a_year_continues_a_month_on_the_next_page(big):
    second = big["nam/2021/trang-2.md"]
    assert re.search(r"^## \[Tháng \d+/2021\]\(\d\d\.md\) \(\d+, tiếp theo\)$", second, re.M)


@pytest.mark.parametrize("src, absent", [
    ("index.md", None), ("nam/2021/07.md", None),
    ("loai/cong-van.md", "loai"), ("co-quan/tinh-uy-ha-nam.md", "co-quan"), ("co-quan/dia-phuong/ha-nam.md", "co-quan"),
])
def test_every_list_has_number_type_date_issuer_subject_less_the_page_s_own(big, src, absent):
    text = big[src]
    for column in ("so", "loai", "ngay", "co-quan", "trich-yeu"):
        assert (f'<th class="kho-cot-{column}">' in text) is (column != absent), column
    if absent is None:
        assert '<td class="kho-cot-co-quan">Tỉnh ủy Hà Nam</td>' in text


def test_a_document_without_subject_shows_its_first_words(big):
    home = big["index.md"]
    assert ">Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 của Bộ Chính trị, Ban Chỉ đạo đề nghị các Bộ, cơ quan " \
           "ngang Bộ khẩn…</a>" in home


def test_a_province_page_lists_its_documents_by_body():
    archive = build_archive([
        ("van-ban/2021/a.md", page()),
        ("van-ban/2021/b.md", page(so_ky_hieu="239/UBND-VX", co_quan_ban_hanh="Ủy ban nhân dân tỉnh Hà Nam"))])
    text = archive.generated_pages()["co-quan/dia-phuong/ha-nam.md"]
    assert "## Văn bản theo cơ quan ban hành" in text
    party, council = text.index("### [Tỉnh ủy Hà Nam](../tinh-uy-ha-nam.md) (1)"), text.index("### [Ủy ban nhân dân tỉnh")
    first, second = sorted((party, council))
    assert first < text.index(">154-CV/TU<" if first == party else ">239/UBND-VX<") < second
    assert text.index(">239/UBND-VX<" if first == party else ">154-CV/TU<") > second
    assert '<th class="kho-cot-co-quan">' not in text     # the heading names the body


def test_missing_documents_by_type_most_cited_first_with_what_citations_say():
    cites = lambda i, body: (f"van-ban/2021/c{i}.md", page(body, so_ky_hieu=f"{i}-KH/TU"))  # noqa: E731
    archive = build_archive([
        cites(1, "Thực hiện Công điện số 218/CĐ-TTg và Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ."),
        cites(2, "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020."),
        cites(3, "Thực hiện Chỉ thị số 16/CT-TTg và Chỉ thị số 15/CT-TTg."),
    ])
    text = archive.generated_pages()["chua-co/index.md"]
    assert "Theo loại: [Chỉ thị](index.md#chi-thi) (2), [Công điện](index.md#cong-dien) (1).\n" in text
    chi_thi, cong_dien = text.index("## Chỉ thị (2) {#chi-thi}"), text.index("## Công điện (1) {#cong-dien}")
    assert chi_thi < text.index(">16/CT-TTg</a>") < text.index(">15/CT-TTg</a>") < cong_dien
    row = re.search(r'<a href="16-ct-ttg/">16/CT-TTg</a></td>\n(.*?)</tr>', text, re.S)[1]
    assert re.findall(r">([^<]*)</td>", row) == ["31/03/2020", "Thủ tướng Chính phủ", "3"]
    row = re.search(r'<a href="218-cd-ttg/">218/CĐ-TTg</a></td>\n(.*?)</tr>', text, re.S)[1]
    assert re.findall(r">([^<]*)</td>", row) == ["—", "Thủ tướng Chính phủ", "1"]   # the issuer its symbol names
