"""vanban/places.py: district names give their province, their spelling and the nearest names."""
from __future__ import annotations

import pytest

from vanban.places import districts, near
from vanban.text import edit_distance


@pytest.mark.parametrize("text, district, province", [
    ("Kim Bảng", "Kim Bảng", "ha-nam"),                         # dia_danh of a district letter
    ("Huyện ủy Kim Bảng", "Kim Bảng", "ha-nam"),
    ("Ban Thường vụ Huyện uỷ Lý Nhân", "Lý Nhân", "ha-nam"),      # tone placement ignored
    ("UBND thành phố Nha Trang", "Nha Trang", "khanh-hoa"),
    ("Kim Bảng, ngày 25 tháng 8 năm 2021", "Kim Bảng", "ha-nam"),
])
def test_a_district_named_in_text_gives_its_province(text, district, province):
    found = districts().find(text)
    assert (found.ten, found.tinh) == (district, province)


@pytest.mark.parametrize("text", [
    "Huyện ủy Châu Thành",     # a name six provinces share: no province
    "Huyện ủy",                # no name
    "Vĩnh Phúc",               # a province; "Vinh" (Nghệ An) is not "Vĩnh": tones are kept
    "Kim Bản",                 # misspelt: found only as a near name
])
def test_no_district_when_the_name_is_shared_absent_or_misspelt(text):
    assert districts().find(text) is None


def test_spelling_and_nearest_names():
    assert [d.ten for d in districts().same_letters("Kim Bang")] == ["Kim Bảng"]
    assert [(d.ten, d.tinh) for d in districts().nearest("Kim Bản")] == [("Kim Bảng", "ha-nam")]
    assert near("Hà Nan", ["Hà Nam", "Hà Nội", "Nam Định"]) == ["Hà Nam"]
    assert near("Minh", ["Vinh"]) == []          # four letters: one letter off is another real name


@pytest.mark.parametrize("a, b, distance", [("kim ban", "kim bang", 1), ("thong ba", "thong bao", 1),
                                            ("ha nam", "ha noi", 2), ("abc", "abcdefgh", 4)])
def test_edit_distance_stops_past_its_limit(a, b, distance):
    assert edit_distance(a, b, limit=3) == min(distance, 4)
