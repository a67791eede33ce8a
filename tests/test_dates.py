import pytest

from vanban.dates import garbled_date, iso, parse_date, parse_iso, parse_posted_stamp


@pytest.mark.parametrize("raw,expected", [
    ("Hà Nam, ngày 28 tháng 4 năm 2021", (2021, 4, 28)), ("ngày 25/8/2021", (2021, 8, 25)),
    ("Ngày: 02.7.2021", (2021, 7, 2)), ("Ngày 21/7, Thường trực", (None, 7, 21)),
    ("ngày 31/2/2021", None), ("nghỉ lễ 30/4, 01/5", None),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("26/08/2021 04:38 CH", "2021-08-26T16:38"), ("25/07/2021 22:23", "2021-07-25T22:23"),
    ("01/01/2021 12:05 SA", "2021-01-01T00:05"), ("no stamp", None),
])
def test_posted_stamp(raw, expected):
    assert parse_posted_stamp(raw) == expected


def test_iso_needs_a_year_and_a_real_date():
    assert iso(2021, 4, 28) == "2021-04-28" and iso(None, 4, 28) is None and iso(2021, 2, 30) is None
    assert parse_iso("2021-04-28").day == 28 and parse_iso("2021-13-01") is None


@pytest.mark.parametrize("text, garbled", [
    ("Hà Nội, ngày,È2 tháng 9 năm 202}", True), ("ngày C4 tháng 3 năm 2023", True), ("ngay £0 tháng 4 năm 2021", True),
    ("ngày 29 tháng 44 năm 2022", True), ("ngày l8thang 8 năm 2021", True), ("ngày 05 tháng năm 2020", True),
    ("Hà Nội, ngày 3 tháng 3 năm 2020", False), ("ngày 28 tháng 4 năm 2021.", False), ("Số: 12/UBND-VX", False),
])
def test_garbled_date(text, garbled):
    assert garbled_date(text) is garbled
