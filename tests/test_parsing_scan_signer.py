"""The signer's name on a scan from two recognisers (vanban/parsing/scan_signer.py).

Each column is what PP-OCR's detector found and read in the signature column of a real scan
(300 dpi, the column's crop; boxes in its pixels), beside Tesseract's reading of the same column.
The seal hides the name's first letters and the signature crosses it; a name is taken only when
the two readers agree on the given names up to marks, or a name printed in the text confirms it.
"""
from __future__ import annotations

import pytest

from vanban.parsing.scan import ColumnLine
from vanban.parsing.scan_signer import second_signer


def column(*lines: tuple[str, tuple[int, int, int, int]]) -> list[ColumnLine]:
    return [ColumnLine(text, 0.9, box) for text, box in lines]


GOVERNMENT = column(("KT. THU TUONG", (314, 101, 759, 158)), ("HO THU TUONG", (352, 164, 753, 217)),
                    ("QHL", (139, 470, 200, 620)), ("Nguyen Hoa Binh", (314, 647, 765, 698)))
GOVERNMENT_TESSERACT = ["|", "KT. THỦ TƯỚNG", "= tt@ THỦ TƯỚNG", "œ", "đ/ sÉ> NÀN LAN", "kồ> * v. .",
                        "“hsNyUyên Hòa Bình"]
# A province's plan: the name under a seal, an e-signing stamp's text at the column's left edge.
PROVINCE = column(("TM. UY BAN NHAN DAN", (205, 92, 886, 145)), ("CHU TICH", (402, 158, 704, 220)),
                  ("TINH", (438, 226, 511, 340)), ("BAN", (169, 429, 246, 528)), ("guyen Bon", (433, 511, 717, 575)),
                  ("Uy ban Nhan", (1, 540, 202, 592)), ("Tinh Dak Nong", (0, 651, 239, 710)),
                  ("16:52:00 +07:00", (0, 742, 252, 778)))
PROVINCE_TESSERACT = ["TM. UY BAN NHAN DAN", "_ CHỦ TỊCH", "2 và", "Ủy ban Nhân -f BC2)/ n Bồn", "lân tỉnh Đăk ¬..x.",
                      "Nông „", "Tỉnh Đăk Nông", "I8.06.2019", "16:52:00 +07:00"]
PRIME_MINISTER = column(("TH&TUONG", (496, 101, 855, 161)), ("1 N", (606, 154, 631, 246)),
                        ("h phu;", (0, 262, 123, 322)), ("QHL", (283, 362, 347, 508)),
                        ("haanr Minh Chinh", (464, 515, 907, 563)), ("P, PL;", (0, 899, 109, 953)))
MINISTRY = column(("KT. BO TRUONG", (316, 65, 797, 123)), ("THUTRUONG", (347, 133, 766, 188)),
                  ("guyer Sinh Nhat Tan", (319, 497, 846, 554)), ("Nam;", (1, 682, 102, 738)))
# A university's: the name in a script typeface, which neither reader reads.
UNIVERSITY = column(("HIEUTRUONG", (348, 9, 786, 56)), ("TRUONGMM", (265, 81, 633, 227)),
                    ("DAIHOC", (243, 169, 477, 239)), ("*Grin Bing Luan", (300, 351, 796, 439)))


@pytest.mark.parametrize("lines, tesseract, printed, name", [
    # the given names agree up to marks (Tesseract's marks); the surname PP-OCR read is in the list
    (GOVERNMENT, GOVERNMENT_TESSERACT, [], "Nguyễn Hòa Bình"),
    (GOVERNMENT, ["„4T, THỦ TƯỚNG", "ZXGPHỔ*RHŨ TƯỚNG", "X.N ¬ : ven Hòa Bình"], [], "Nguyễn Hòa Bình"),
    # the seal hid the surname's first letter: "guyen" is the end of one surname only
    (PROVINCE, PROVINCE_TESSERACT, [], "Nguyễn Bồn"),
    # the readers disagree on a given name, or the surname is unreadable to both: none
    (GOVERNMENT, ["KT. THỦ TƯỚNG", "“hsNyUyên Hòa Bính Ạ"], [], None),
    (GOVERNMENT, ["KT. THỦ TƯỚNG", "“hsNyUyên Hoà"], [], None),
    (PRIME_MINISTER, ["JNÊMTƯỚNG", "_ \"Golf Minh Chính", "1;"], [], None),
    (MINISTRY, ["KT. BỘ TRƯỜNG _.", "ca TXSNguyêp Sí:h Nhật Tân", "Nam; „, s"], [], None),
    (UNIVERSITY, ["HIỆU TRƯỞNG””", "loi ổ 27 W0 Quận"], ["Trần Công Luận"], None),
    # a name printed in the text that the reading spells up to marks
    (column(("THU TUONG", (496, 101, 855, 161)), ("Pham Minh Chinh", (464, 515, 907, 563))), ["xx"],
     ["Hồ Đức Phớc", "Phạm Minh Chính"], "Phạm Minh Chính"),
    # no title above, or the only name-like line is a stamp's at the column's edge: none
    (column(("Nguyen Hoa Binh", (314, 647, 765, 698))), ["Nguyễn Hòa Bình"], [], None),
    (column(("CHU TICH", (402, 158, 704, 220)), ("Tinh Dak Nong", (0, 651, 239, 710))), ["Tỉnh Đăk Nông"], [], None),
])
def test_second_signer(lines, tesseract, printed, name):
    found = second_signer(lines, tesseract, printed)
    assert (found[0] if found else None) == name
    if found:
        assert "PP-OCR" in found[1]
