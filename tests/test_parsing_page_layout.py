"""A scan's text from Tesseract's words and boxes (vanban/parsing/page_layout.py): the header band row by row,
each row the left column's words before the right column's.

The TSV rows are written here with the boxes Tesseract gave on a real A4 scan at 300 dpi (2480 px wide):
a Government decision whose left column is "THỦ TƯỚNG CHÍNH PHỦ" / "Số: 981 /QĐ-TTg" and whose
right column is the motto and "Hà Nội, ngày 14 tháng 9 năm 2024", read as interleaved rows.
"""
from __future__ import annotations

import pytest

from vanban.parsing.page_layout import field_lines, page_text, parse_tsv

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tsv(rows: list[tuple]) -> str:
    """rows: (text, left, top, width, height, block, paragraph, line)."""
    lines = [HEADER]
    for n, (text, left, top, width, height, block, par, line) in enumerate(rows, 1):
        lines.append(f"5\t1\t{block}\t{par}\t{line}\t{n}\t{left}\t{top}\t{width}\t{height}\t95.5\t{text}")
    return "\n".join(lines) + "\n"


def row(words: str, left: int, top: int, block: int, par: int, line: int, gap: int = 20) -> list[tuple]:
    """Words of one line laid out left to right, 50 px high."""
    out, x = [], left
    for word in words.split():
        width = 30 * len(word)
        out.append((word, x, top, width, 50, block, par, line))
        x += width + gap
    return out


# Tesseract's blocks as it found them: the date line's right part first, in a block of its own.
GOVERNMENT = (
    row("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", 800, 40, 1, 1, 1)
    + row("THỦ TƯỚNG CHÍNH PHỦ", 330, 270, 2, 1, 1) + row("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1035, 270, 2, 1, 1)
    + row("Hà Nội, ngày 44 tháng 9 năm 2024", 1220, 377, 5, 1, 1)
    + row("Độc lập - Tự do - Hạnh phúc", 1280, 340, 2, 1, 2)
    + row("Số: 384 /QĐ-TTg", 450, 375, 6, 1, 3)
    + row("QUYẾT ĐỊNH", 1000, 560, 3, 1, 1)
    + row("Phê chuẩn kết quả miễn nhiệm", 700, 620, 3, 1, 2)
    + row("Căn cứ Luật Tổ chức Chính phủ;", 300, 800, 4, 1, 1)
)


def test_header_band_is_read_row_by_row_left_column_first():
    text = page_text(parse_tsv(tsv(GOVERNMENT)), 2480, 3508)
    assert text.splitlines() == [
        "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ",
        "THỦ TƯỚNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 384 /QĐ-TTg Hà Nội, ngày 44 tháng 9 năm 2024", "",
        "QUYẾT ĐỊNH", "Phê chuẩn kết quả miễn nhiệm", "",
        "Căn cứ Luật Tổ chức Chính phủ;"]


def test_party_motto_and_two_level_issuer():
    rows = (row("TỈNH ỦY HÀ NAM", 300, 270, 1, 1, 1) + row("ĐẢNG CỘNG SẢN VIỆT NAM", 1300, 270, 1, 1, 1)
            + row("BAN TUYÊN GIÁO", 300, 340, 1, 1, 2)
            + row("Số: 154-CV/BTGTU", 300, 420, 1, 1, 3) + row("Hà Nam, ngày 28 tháng 4 năm 2021", 1300, 420, 1, 1, 3)
            + row("Kính gửi: Các đồng chí", 300, 700, 2, 1, 1))
    lines = page_text(parse_tsv(tsv(rows)), 2480, 3508).splitlines()
    assert lines[:3] == ["TỈNH ỦY HÀ NAM ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO",
                         "Số: 154-CV/BTGTU Hà Nam, ngày 28 tháng 4 năm 2021"]


def test_page_without_header_keeps_tesseract_order():
    rows = row("Điều 3. Bộ trưởng chịu trách nhiệm", 300, 200, 1, 1, 1) + row("thi hành Quyết định này", 300, 260, 1, 1, 2) \
        + row("Nơi nhận:", 300, 400, 2, 1, 1)
    assert page_text(parse_tsv(tsv(rows)), 2480, 3508) == \
        "Điều 3. Bộ trưởng chịu trách nhiệm\nthi hành Quyết định này\n\nNơi nhận:\n"


def test_a_motto_centred_above_the_header_is_left_alone():
    rows = row("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 500, 150, 1, 1, 1) + row("Số: 12/UBND-VP", 300, 300, 1, 1, 2)
    assert page_text(parse_tsv(tsv(rows)), 2480, 3508).splitlines() == \
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/UBND-VP"]


def test_tsv_rows_that_are_not_words_are_skipped():
    text = HEADER + "\n4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t\n5\t1\t1\t1\t1\t1\tx\t0\t10\t10\t90\tbad\n5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t90\t \n"
    assert parse_tsv(text) == []


def _with_stamp(rows: list[tuple]) -> list[tuple]:
    """The date row with a received stamp Tesseract read into it, three lines tall, before the year."""
    return [r for r in rows if r[0] != "năm"] + [("lh@wÔR", 1880, 330, 90, 150, 5, 1, 1)]


@pytest.mark.parametrize("rows, expected", [
    (GOVERNMENT, {"so": (450, 375, 880, 425, 50), "ngay": (1440, 377, 2110, 427, 50)}),
    (_with_stamp(GOVERNMENT), {"so": (450, 375, 880, 425, 50), "ngay": (1440, 377, 2110, 427, 50)}),
    # "Số" misread and glued to the digits written after it: the S-word on the date's row
    (row("THỦ TƯỚNG", 330, 270, 1, 1, 1) + row("CỘNG HOÀ XÃ HỘI", 1035, 270, 1, 1, 1)
     + row("S6:970QĐ1pẹ _", 450, 375, 2, 1, 1) + row("Hà Nội, ngày 13 tháng 9 năm 2024", 1220, 377, 2, 1, 1),
     {"so": (450, 375, 830, 425, 50), "ngay": (1440, 377, 2110, 427, 50)}),
    # an issuer that reads "so" too: the number line is the one level with the date
    (row("SỞ Y TẾ", 450, 270, 1, 1, 1) + row("CỘNG HOÀ XÃ HỘI", 1035, 270, 1, 1, 1)
     + row("Số: 72 /SYT-NVY", 450, 375, 2, 1, 1) + row("Hà Nội, ngày 13 tháng 9 năm 2024", 1220, 377, 2, 1, 1),
     {"so": (450, 375, 880, 425, 50), "ngay": (1440, 377, 2110, 427, 50)}),
    (row("Số: 12/UBND-VP", 300, 300, 1, 1, 2), {}),     # no motto: no header band
])
def test_field_lines_are_where_the_handwritten_digits_go(rows, expected):
    assert field_lines(parse_tsv(tsv(rows)), 2480, 3508) == expected
