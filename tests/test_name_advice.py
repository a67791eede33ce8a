"""vanban/name_advice.py: the issuer, type and place as staff spell them (real names of the seeds and corpus)."""
from __future__ import annotations

import pytest

from vanban.name_advice import issuer_advice, place_advice, type_fix

RIGHT = [   # written as staff and converters write them: no advice
    "Tỉnh ủy Hà Nam", "Tỉnh uỷ Khánh Hoà", "UBND tỉnh Đắk Lắk", "TỈNH ỦY HÀ NAM", "Huyện ủy Kim Bảng",
    "Thường trực Ban Bí thư", "Bộ Tài chính cong hoa í", "Huyện ủy Châu Thành", "Ban Thường vụ Tỉnh ủy Quảng Ngãi",
]


@pytest.mark.parametrize("written", RIGHT)
def test_right_spellings_get_no_advice(written):
    assert issuer_advice(written) is None


@pytest.mark.parametrize("written, right", [
    ("Uy ban nhan dan tinh Dak Lak", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("UBND tinh Dak Lak", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("Ủy ban nhân dân tỉnh Dak Lak", "Ủy ban nhân dân tỉnh Đắk Lắk"),    # only the place unmarked
    ("Tinh uy Ha Nam", "Tỉnh ủy Hà Nam"),
    ("Huyen uy Kim Bang", "Huyện ủy Kim Bảng"),
    ("Tỉnh ũy Hà Nam", "Tỉnh ủy Hà Nam"),                                # the wrong mark
])
def test_a_known_name_without_its_diacritics_is_an_error_with_the_right_spelling(written, right):
    advice = issuer_advice(written)
    assert advice.error and advice.fix == f"viết đúng dấu: '{right}'"


def test_a_district_one_letter_off_is_a_warning_with_the_nearest_district():
    advice = issuer_advice("Huyện ủy Kim Bản")
    assert not advice.error
    assert advice.fix.startswith("Có phải: Huyện ủy Kim Bảng (Hà Nam)?")


@pytest.mark.parametrize("written, fix", [
    ("Cong van", "viết đúng dấu: 'Công văn'"),
    ("Kết luân", "viết đúng dấu: 'Kết luận'"),
    ("Công vă", "Có phải: 'Công văn'? chọn một trong: "),
    ("Công văn hỏa tốc", "chọn một trong: "),
])
def test_type_fix(written, fix):
    assert type_fix(written).startswith(fix)


@pytest.mark.parametrize("written, error, fix", [
    ("Hà Nam", None, None), ("Kim Bảng", None, None), ("thành phố Hồ Chí Minh", None, None),
    ("TP. Hồ Chí Minh", None, None), ("Xã Tân Lập", None, None), ("Nha Trang", None, None),
    ("Ha Nam", True, "viết đúng dấu: 'Hà Nam'"),
    ("tỉnh Dak Lak", True, "viết đúng dấu: 'Đắk Lắk'"),
    ("Hà Nan", False, "Có phải: Hà Nam?"),
    ("Kim Bản", False, "Có phải: Kim Bảng?"),
])
def test_place_advice(written, error, fix):
    advice = place_advice(written)
    assert (advice.error, advice.fix[:len(fix)]) == (error, fix) if fix else advice is None
