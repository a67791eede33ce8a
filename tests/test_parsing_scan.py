"""Typed or handwritten digits on a scan (vanban/parsing/scan.py).

Each case is a header row as Tesseract measured it on a real scan at 300 dpi: the word, its
confidence, box and stroke width (vanban/ocr.py). The numbers and days written in by hand were
misread ("981" as 384, "14" as 44, "09" as 03, "115" as 445) and must not be published.
"""
from __future__ import annotations

import pytest

from vanban.model import VanBan
from vanban.parsing.scan import ScanLayout, Word, day_doubt, distrust_handwriting, number_doubt
from vanban.symbols import parse_symbol


def words(spec: str) -> list[Word]:
    """ "text conf left top width height stroke; ..." -> Words."""
    out = []
    for item in spec.split(";"):
        text, conf, left, top, width, height, stroke = item.split()
        out.append(Word(text, float(conf), int(left), int(top), int(width), int(height), float(stroke)))
    return out


DATE_ROW = "Hà 97 1222 377 72 43 4.0; Nội, 97 1308 377 94 50 3.6; ngày 97 1425 376 114 56 3.8; {day}; " \
           "tháng 97 1627 376 136 54 3.9; 9 97 1778 376 29 42 3.9; năm 96 1822 376 99 42 4.0; 2024 96 1939 376 114 42 3.9"
NUMBER_ROW = "Số: 97 451 374 65 52 3.8; {number}; /QĐ-TTg 42 655 385 209 51 3.9"


def layout(number: str, day: str) -> ScanLayout:
    return ScanLayout(words(NUMBER_ROW.format(number=number) + "; " + DATE_ROW.format(day=day)))


@pytest.mark.parametrize("number_word, number, doubted", [
    ("384 92 573 379 54 48 4.9", "384", True),      # handwritten 981: pen strokes 1.26x the year's
    ("445 92 573 379 54 58 4.1", "445", True),      # handwritten 115: 1.38x as tall as the typed year
    ("6 65 660 398 30 50 3.1", "6", True),          # handwritten 561: Tesseract itself unsure
    ("3722 91 500 380 120 44 4.1", "3722", False),  # typed
    ("1053 48 500 380 120 44 3.9", "1053", True),   # right, but Tesseract was unsure: null, never a guess
])
def test_number(number_word, number, doubted):
    assert bool(number_doubt(layout(number_word, "14 96 1549 380 60 42 3.9"), number)) == doubted


@pytest.mark.parametrize("day_word, day, doubted", [
    ("44 88 1549 380 60 47 4.8", 44, True),          # handwritten 14
    ("03 70 1549 380 60 45 4.9", 3, True),           # handwritten 09
    ("15 96 1549 380 60 41 4.3", 15, False),         # written with a fine pen, read right: looks typed
    ("28 96 1549 380 60 41 3.7", 28, False),         # typed
    ("05 96 1549 380 60 41 3.7", 5, False),          # the day written with its zero
])
def test_day(day_word, day, doubted):
    assert bool(day_doubt(layout("3722 91 573 379 54 44 3.8", day_word), day, 9)) == doubted


def test_letter_spaced_number_is_checked_digit_by_digit():
    spaced = layout("1 96 573 379 20 42 3.8; 0 96 600 379 20 42 3.8; 4 96 627 379 20 42 3.9", "28 96 1549 380 60 41 3.7")
    assert number_doubt(spaced, "104") is None
    assert "không tìm thấy" in number_doubt(spaced, "1046")


def test_without_a_typed_year_the_row_is_the_reference():
    row = words("Số: 97 451 374 65 52 3.8; 384 92 573 379 54 48 4.9; /QĐ-TTg 95 655 385 209 51 3.9")
    assert number_doubt(ScanLayout(row), "384")
    assert number_doubt(ScanLayout(words("Số: 97 451 374 65 52 3.8; 384 92 573 379 54 48 4.0")), "384") is None


def test_doubtful_fields_are_null_and_flagged_with_why():
    doc = VanBan(so_ky_hieu="384/QĐ-TTg", ngay_ban_hanh="2024-09-28")
    kept = distrust_handwriting(doc, parse_symbol(doc.so_ky_hieu),
                                layout("384 92 573 379 54 48 4.9", "28 96 1549 380 60 41 3.7"), confirmed=False)
    assert kept is None and doc.so_ky_hieu is None and doc.ngay_ban_hanh == "2024-09-28"
    assert "viết tay" in doc.ly_do_xac_minh["so_ky_hieu"] and "so_ky_hieu" in doc.can_xac_minh


def test_a_witnessed_number_stays():
    doc = VanBan(so_ky_hieu="384/QĐ-TTg")
    symbol = parse_symbol(doc.so_ky_hieu)
    assert distrust_handwriting(doc, symbol, layout("384 92 573 379 54 48 4.9", "28 96 1549 380 60 41 3.7"),
                                confirmed=True) == symbol
    assert doc.so_ky_hieu == "384/QĐ-TTg"
