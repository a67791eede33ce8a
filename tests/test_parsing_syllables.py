"""Vietnamese syllables without their marks (vanban/parsing/syllables.py): what the second
recogniser reads of a signer's name on a scan ("Nguyen Hoa Binh") and the debris a seal makes
of it ("haanr Minh Chinh", "Grin Qong Luan", read on real scans)."""
from __future__ import annotations

import pytest

from vanban.parsing.syllables import is_person_name, is_syllable


@pytest.mark.parametrize("word", [
    "Nguyễn", "Nguyen", "Hòa", "Hoa", "Bình", "Binh", "Bốn", "Nhật", "Tân", "Sinh", "Chính", "Luận", "Luan",
    "Xuân", "Quỳnh", "Huỳnh", "Trương", "Cường", "Tuyết", "Quyết", "Nghĩa", "Nghiêm", "Giàng", "Giáp", "gì",
    "Kiều", "Thị", "Hữu", "Bạch", "Triệu", "Oanh", "Uyên", "Yến", "Thoại", "Khuê", "Thuở", "xoong", "Đức", "Phớc",
])
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", [
    "haanr", "Grin", "Qong", "guyer", "uimg", "tuog", "Bing",   # a seal and a script typeface, read by PP-OCR
    "Golf", "hsNyUyên", "Sih",                                  # read by Tesseract
    "kan", "ge", "nge", "ci", "ghat",                            # c/k, g/gh, ng/ngh before e, i, y and not before a
    "Ksor", "Kpă",                                              # minority names: other rules
])
def test_not_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("words, expected", [
    ("Nguyen Hoa Binh", True),
    ("Lê Thị Thu Hà", True),
    ("Nguyen", False),                 # one word
    ("Nguyen Van A B C D", False),     # six
    ("HIEU TRUONG", False),            # a title in capitals
    ("haanr Minh Chinh", False),
    ("Tran Cong luan", False),         # not capitalised
])
def test_person_names(words, expected):
    assert is_person_name(words.split()) == expected
