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


def test_vietnamese_order_puts_d_stroke_with_d_and_tones_after_the_base():
    from vanban.text import vietnamese_order
    names = ["Kết luận", "Điện", "Chỉ thị", "Công văn", "Quyết định", "Quy định", "Dự thảo"]
    assert sorted(names, key=vietnamese_order) == [
        "Chỉ thị", "Công văn", "Điện", "Dự thảo", "Kết luận", "Quy định", "Quyết định"]
