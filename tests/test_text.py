import pytest

from vanban.text import fold, name_key, nfc, sentence_case, slugify


@pytest.mark.parametrize("a,b,same", [
    ("Tỉnh ủy Khánh Hòa", "Tỉnh uỷ Khánh Hoà", True), ("TỈNH ỦY HÀ NAM", "Tỉnh ủy Hà Nam", True),
    ("Hoa", "Hòa", False),
])
def test_name_key(a, b, same):
    assert (name_key(a) == name_key(b)) is same


@pytest.mark.parametrize("raw,expected", [
    ("Đinh Thị Lụa", "Dinh Thi Lua"), ("ÐUK", "DUK"), ("Nghị định", "Nghi dinh"),
])
def test_fold(raw, expected):
    assert fold(raw) == expected


def test_nfc_slug_and_case():
    assert nfc("Ð") == "Đ" and nfc("e\u0302\u0301") == "ế"
    assert slugify("Công văn 154-CV/TU") == "cong-van-154-cv-tu" and slugify("../../") == "van-ban"
    assert sentence_case("CHỈ THỊ") == "Chỉ thị" and sentence_case("Kết luận") == "Kết luận"
