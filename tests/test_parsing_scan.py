"""Typed or handwritten digits on a scan (vanban/parsing/scan.py).

Each case is a header row as Tesseract measured it on a real scan at 300 dpi: the word, its
confidence, box and stroke width (vanban/ocr.py). The numbers and days written in by hand were
misread ("981" as 384, "14" as 44, "09" as 03, "115" as 445) and must not be published.
"""
from __future__ import annotations

import datetime as dt

import pytest

from vanban.model import Citation, VanBan
from vanban.parsing.page_layout import TsvWord
from vanban.parsing.scan import (LineRead, ScanLayout, day_doubt, distrust_handwriting, number_doubt, second_date,
                                 second_number, typed_codes)
from vanban.symbols import parse_symbol


def words(spec: str) -> list[TsvWord]:
    """ "text conf left top width height stroke; ..." -> Words."""
    out = []
    for item in spec.split(";"):
        text, conf, left, top, width, height, stroke = item.split()
        out.append(TsvWord(text, float(conf), int(left), int(top), int(width), int(height), stroke=float(stroke)))
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


# The second recogniser's readings (vanban/second_reader.py) of the three crops of a line, as
# recorded on real scans whose digits were written in by hand; the truth is in the comment.
def reads(*texts: str, score: float = 0.97) -> list[LineRead]:
    return [LineRead(text, (score,) * len(text)) for text in texts]


@pytest.mark.parametrize("texts, typed, tesseract, expected", [
    (("S6: 1139/QD-TTg", "So: 1139/QD-TTg", "S6: 1139/QD-TTg"), "1/QĐ-TTg", None, "1139"),
    (("S6: 729 /QB-TTg", "S6: 729 /QB-TTg", "S: 729 /QD-TTg"), "1/QĐ-TTg", None, "729"),  # Đ read as B
    (("S6: 2 1 /2026/TT-BCT",) * 3, "1/2026/TT-BCT", None, "21"),                           # digits spaced
    (("So 154-CV/TU",) * 3, "1-CV/TU", None, "154"),                                        # a Party number
    (("S6: 981 /QD-TTg", "S6: 984 /QB-TTg", "S6: 984 /QD-TTg"), "1/QĐ-TTg", None, None),   # 981: crops disagree
    (("So: 4444/QD-TTg", "So: 4444/QD-TTg", " So: 444/QD-TTg"), "1/QĐ-TTg", None, None),  # 1114
    (("S6:37/KH-UBND", "S6: 37/KH-UBND", "S6: 317/KH-UBND"), "1/KH-UBND", None, None),     # 317
    (("S6: AM5 /NQ-CP",) * 3, "1/NQ-CP", None, None),                                       # 115: letters
    (("S6： H60 /QD-TTg",) * 3, "1/QĐ-TTg", None, None),                                    # 1160
    (("S6: 539/QD-DHTD",) * 3, "1/KH-UBND", None, None),        # other codes: not the number line
    (("S6: 561/TB-DHTD", "S6: 561/TB-DHTD", "S6: 5"), "1/TB-ĐHTĐ", None, None),  # one crop shows no line
    (("S6: 981 /QD-TTg",) * 3, "1/QĐ-TTg", 384, None),          # Tesseract read other digits plausibly
    (("S6: 981 /QD-TTg",) * 3, "1/QĐ-TTg", 981, "981"),         # ... or the same
    (("S6: 0981 /QD-TTg",) * 3, "1/QĐ-TTg", None, None),        # no number opens with 0
    (("S6: 123456/QD-TTg",) * 3, "1/QĐ-TTg", None, None),       # six digits
    (("S6: 981 /QD-TTg",), "1/QĐ-TTg", None, None),             # one reading is no agreement
])
def test_second_number(texts, typed, tesseract, expected):
    assert second_number(ScanLayout(second={"so": reads(*texts)}), parse_symbol(typed), tesseract) == expected


def test_second_number_scores_below_the_floor_are_doubtful():
    assert second_number(ScanLayout(second={"so": reads("S6: 981 /QD-TTg", score=0.4) * 3}), parse_symbol("1/QĐ-TTg"), None) is None


LINE_14_9 = ("ngay 14 thang 9 nam 2024", "ngay 14 thing 9 nam 2024", "ngay 14 thang 9 nam 2024")


@pytest.mark.parametrize("texts, tesseract_day, tesseract_month, signed, expected", [
    (LINE_14_9, None, 9, "2024-09-16", (14, 9)),
    (LINE_14_9, 44, 9, "2024-09-16", (14, 9)),       # Tesseract's 44 is no day: no witness against
    (LINE_14_9, 13, 9, "2024-09-16", None),          # Tesseract read another plausible day
    (LINE_14_9, None, 8, "2024-09-16", None),        # ... or month
    (LINE_14_9, None, None, None, (14, 9)),          # no e-signing time to check against
    (LINE_14_9, None, None, "2024-09-13", None),     # dated after it was signed
    (LINE_14_9, None, None, "2024-10-20", None),     # signed five weeks later: not this date
    (("ngay 44 thang 9 nam 2024",) * 3, None, None, None, None),                            # no such day
    (("ngay 31 thang 9 nam 2024",) * 3, None, None, None, None),                            # 31/9
    (("ngay 11 thang 10 nam 2024", "ngay t1 thang 10 nam 2024", "ngay t1 thang 10 nam 2024"), None, None,
     "2024-10-11", (11, 10)),                                                # a 1 read as t in the day's slot
    (("ngay 11 thang 10 nam 2024", "ngay t1 thang 10 nam 2024", "ngay t1 thang 10 nam 2024"), None, None,
     "2024-10-10", None),                                                    # ... but signed the day before
    (("ngayn8 thang 6 nam 2024", "ngay8 thang 6 nam 2024", "ngay8 thang 6 nam 2024"), None, None, None, None),  # 18
    (("ngay 29 thang H nam 2024",) * 3, None, None, None, (29, 4)),          # an open 4 read as H
    (("ngay 29 thang H nam 2024", "ngay 29 thang 11 nam 2024", "ngay 29 thang H nam 2024"), None, None, None, None),
    (("ngay 14 thang 9 nam 2023",) * 3, None, None, None, None),                            # not the year read
    (("ngay 09 thang 10 nam 2024", "ngay 0g thang 10 nam 2024", "ngay 09 thang 10 nam 2024"), None, None, None,
     (9, 10)),                                                               # a 9 read as g
    (("ngay 1n thang 10 nam 2024",) * 3, None, None, None, None),           # n is no digit's shape
    (("ngay 26 thang 5 nam 2024", "ngay 26 thang 5 nam 2024", "ngay 86 thang 5 nam 2024"), None, None, None,
     None),                                                                  # a confident 8 against two 2s
    (("ngay28 heONAREN", "ngay28 ERRGEN", "ngay2 heEN"), None, None, None, None),            # a stamp over the line
])
def test_second_date(texts, tesseract_day, tesseract_month, signed, expected):
    layout = ScanLayout(second={"ngay": reads(*texts)}, signed=signed)
    assert second_date(layout, 2024, tesseract_day, tesseract_month, today=dt.date(2025, 1, 1)) == expected


def scored(text: str, scores: list[float]) -> LineRead:
    return LineRead(text, tuple(scores))


# Readings recorded on real scans with each character's score: a character scored below the floor
# (0.5) may differ from what the other crops read confidently; a confident one may not.
DAY_26 = (scored("ngay 26 thang 5 nam 2024", [1.0, 1.0, 0.96, 1.0, 0.91, 0.96, 1.0, 1.0, 1.0, 1.0, 0.99, 1.0, 1.0,
                                               0.98, 1.0, 0.65, 1.0, 0.93, 1.0, 1.0, 1.0, 0.99, 1.0, 1.0]),
          scored("ngay 26 thang 5 nim 2024", [1.0, 1.0, 0.99, 1.0, 0.96, 0.64, 1.0, 1.0, 1.0, 1.0, 0.96, 1.0, 1.0,
                                               0.97, 1.0, 0.92, 1.0, 0.53, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
          scored("ngy 86 thang 5 nam 2024", [1.0, 1.0, 0.99, 0.94, 0.36, 0.99, 1.0, 1.0, 0.99, 0.8, 1.0, 1.0, 0.62,
                                              1.0, 1.0, 1.0, 0.53, 0.99, 0.96, 1.0, 1.0, 1.0, 1.0]))
DAY_10 = (scored("ngay /0 thang 01 nam 2024", [1.0, 1.0, 1.0, 1.0, 0.5, 0.3, 0.94, 0.95, 1.0, 1.0, 0.98, 1.0, 1.0,
                                                0.72, 1.0, 0.99, 0.78, 1.0, 0.96, 1.0, 0.9, 1.0, 1.0, 1.0, 0.98]),
          scored("ngay 10 thaing 01 nam 2024", [1.0, 1.0, 1.0, 1.0, 0.65, 0.41, 0.95, 0.92, 1.0, 1.0, 0.96, 0.52,
                                                 1.0, 1.0, 0.87, 1.0, 0.99, 0.87, 1.0, 0.93, 0.99, 0.62, 1.0, 1.0,
                                                 1.0, 0.99]),
          scored("ngayl0 thang 01 nam 2024", [1.0, 1.0, 1.0, 1.0, 0.36, 0.61, 1.0, 1.0, 1.0, 0.95, 1.0, 1.0, 1.0, 1.0,
                                               0.98, 0.56, 1.0, 0.9, 1.0, 0.78, 1.0, 1.0, 1.0, 1.0]))


@pytest.mark.parametrize("readings, not_before, expected", [
    (DAY_26, None, (26, 5)),                   # the third crop's 8 scored 0.36: no witness against 26
    (DAY_10, None, (10, 1)),                   # "/0", "10", "l0": each place read confidently by one crop at least
    (DAY_10, dt.date(2024, 1, 11), None),      # it cites a document dated after it: not this date
    (DAY_10, dt.date(2024, 1, 10), (10, 1)),   # ... one of the same day is fine
    (DAY_26[:1] + DAY_26[2:], None, None),     # the 8 scored low, the 2 once: two crops, one sure reading, not enough
    ((scored("ngay 14 thang 9 nam 2024", [0.4] * 24),) * 3, None, None),   # no place read confidently
])
def test_second_date_weighs_each_character_by_its_score(readings, not_before, expected):
    layout = ScanLayout(second={"ngay": list(readings)})
    assert second_date(layout, 2024, None, None, today=dt.date(2025, 1, 1), not_before=not_before) == expected


def test_second_date_is_never_in_the_future():
    layout = ScanLayout(second={"ngay": reads(*LINE_14_9)})
    assert second_date(layout, 2024, None, None, today=dt.date(2024, 9, 13)) is None


@pytest.mark.parametrize("line, expected", [
    ("Số: Z@o/QĐ-TTg Hà Nội, ngày †( tháng 10 năm 2024", "1/QĐ-TTg"),
    ("Số: 2 † /2026/TT-BCT Hà Nội, ngàyJ© lh@wÔR\\ tău", "1/2026/TT-BCT"),
    ("Số: ÈŒ /QĐ-UBND Hải Dương, ngày |D tháng Ú1 năm 2011", "1/QĐ-UBND"),
    ("Số970QĐ1pẹ _ Hà Nội, ngày 13 tháng 9 năm 2024", None),     # no code after a slash
    (None, None),
])
def test_typed_codes_of_a_garbled_number_line(line, expected):
    typed = typed_codes(line)
    assert (str(typed) if typed else None) == expected


SECOND = {"so": reads("S6: 981 /QD-TTg", "S6: 981 /QD-TTg", "So: 981 /QD-TTg"), "ngay": reads(*LINE_14_9)}


def test_handwritten_fields_taken_from_the_second_recogniser_stay_flagged_with_where_they_came_from():
    doc = VanBan(so_ky_hieu="384/QĐ-TTg", ngay_ban_hanh="2024-09-14")
    scan = layout("384 80 573 379 54 48 4.9", "14 80 1549 380 60 47 4.8")   # Tesseract unsure of both
    scan.second, scan.signed = SECOND, "2024-09-16"
    kept = distrust_handwriting(doc, parse_symbol(doc.so_ky_hieu), scan, confirmed=False)
    assert str(kept) == doc.so_ky_hieu == "981/QĐ-TTg" and doc.ngay_ban_hanh == "2024-09-14"
    for key in ("so_ky_hieu", "ngay_ban_hanh"):
        assert key in doc.can_xac_minh and "bộ nhận dạng thứ hai" in doc.ly_do_xac_minh[key]


def test_a_number_tesseract_garbled_is_read_with_the_codes_it_read():
    doc = VanBan()
    scan = layout("Z@o 30 573 379 54 48 4.9", "14 80 1549 380 60 47 4.8")
    scan.second = SECOND
    kept = distrust_handwriting(doc, None, scan, confirmed=False, number_line="Số: Z@o /QĐ-TTg Hà Nội, ngày")
    assert str(kept) == doc.so_ky_hieu == "981/QĐ-TTg" and "so_ky_hieu" in doc.can_xac_minh


@pytest.mark.parametrize("cited, expected", [
    ("2024-09-10", "2024-09-14"),    # cites a document dated before the line's date
    ("2024-09-15", None),            # cites one dated after: the reading cannot be the date
])
def test_a_date_read_with_letters_says_so_and_is_not_before_what_it_cites(cited, expected):
    doc = VanBan(van_ban_dan_chieu=[Citation("12/2024/NĐ-CP", ngay=cited)])
    scan = layout("384 80 573 379 54 48 4.9", "†( 36 1549 380 60 47 4.8")
    scan.second = {"ngay": reads("ngay 14 thang 9 nam 2024", "ngay l4 thang 9 nam 2024", "ngay 1H thang 9 nam 2024")}
    distrust_handwriting(doc, None, scan, confirmed=True)
    assert doc.ngay_ban_hanh == expected
    if expected:   # (a null date is flagged by extraction, as every missing field)
        why = doc.ly_do_xac_minh["ngay_ban_hanh"]
        assert "ngay_ban_hanh" in doc.can_xac_minh and "H→4, l→1" in why and cited in why


def test_without_the_second_recogniser_the_reason_names_the_package():
    doc = VanBan(so_ky_hieu="384/QĐ-TTg", ngay_ban_hanh="2024-09-14")
    scan = layout("384 92 573 379 54 48 4.9", "44 88 1549 380 60 47 4.8")
    scan.second_missing = "chưa cài gói Python rapidocr_onnxruntime (pip install -r requirements-ocr.txt)"
    assert distrust_handwriting(doc, parse_symbol(doc.so_ky_hieu), scan, confirmed=False) is None
    assert doc.so_ky_hieu is None and doc.ngay_ban_hanh is None
    assert "rapidocr_onnxruntime" in doc.ly_do_xac_minh["so_ky_hieu"] and "so_ky_hieu" in doc.can_xac_minh


# A number line whose codes Tesseract lost ("Số970QĐ1pẹ _ Hà Nội, …"): the codes the second
# recogniser reads on every crop are taken only when they are the document's own, the type's code
# and its issuer's, which the header gave.
@pytest.mark.parametrize("texts, doc_type, issuer, expected", [
    (("So: 970/QD-TTg ..", "S6: 970/QD-TTg ..", "So: 970/QD-TTg .."), "Quyết định", "Thủ tướng Chính phủ", "970/QĐ-TTg"),
    (("So: 970/QD-TTg",) * 3, "Quyết định", "THỦ TƯỚNG CHÍNH PHỦ", "970/QĐ-TTg"),
    (("So: 970/QD-TTg",) * 3, "Nghị quyết", "Thủ tướng Chính phủ", None),      # not the type the heading gave
    (("So: 970/QD-TTg",) * 3, "Quyết định", "Bộ Công Thương", None),           # nor the issuer
    (("So: 970/QD-TTg", "So: 970/QB-TTg", "So: 970/QD-TTg"), "Quyết định", "Thủ tướng Chính phủ", None),  # codes differ
    (("So: 970/QD-TTg", "So: 970/QD-TTg", "So: 976/QD-TTg"), "Quyết định", "Thủ tướng Chính phủ", None),  # digits differ
    (("So: 970/QD-TTg",) * 3, None, "Thủ tướng Chính phủ", None),
])
def test_codes_tesseract_lost_are_the_documents_own(texts, doc_type, issuer, expected):
    doc = VanBan(loai_van_ban=doc_type, co_quan_ban_hanh=issuer)
    scan = ScanLayout(second={"so": reads(*texts)})
    kept = distrust_handwriting(doc, None, scan, confirmed=False, number_line="Số970QĐ1pẹ _ Hà Nội, ngày 13 tháng 9")
    assert (str(kept) if kept else None) == doc.so_ky_hieu == expected
    if expected:
        assert "bộ nhận dạng thứ hai" in doc.ly_do_xac_minh["so_ky_hieu"] and "so_ky_hieu" in doc.can_xac_minh
