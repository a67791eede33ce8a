import pytest

from vanban.parsing.signing import date_from_signature

STAMP = "Ký bởi: Tổng cục Thuế\nThời gian ký: 22.09.2021 14:40\n"


@pytest.mark.parametrize("header,expected", [
    ("Số: 3630 /TCT-CS Hà Nội, ngày,È2 tháng 9 năm 202}", "2021-09-22"),   # readable digits agree
    ("Số: 2762 /TCT-PC Ha Nội, ngày,ê§ thang} năm 2021", "2021-09-22"),
    ("Số: /22# /TCT-KK Ha Nội, ngay £0 tháng 9 năm 2021", None),          # day ?0 contradicts 22
    ("Số: 4489 /TCT-TTKT Hà Nội, ngày ñ| tháng 42 năm 2021", None),        # month 42 contradicts 09
    ("Số: 12/TCT-CS Hà Nội, ngày AF tháng năm", None),                      # nothing readable
    ("V/v chính sách thuế", None),                                          # no date line at all
])
def test_signing_time_fills_only_an_agreeing_garbled_date(header, expected):
    assert date_from_signature(STAMP + header, ["BỘ TÀI CHÍNH", header]) == expected


def test_no_stamp_no_date():
    assert date_from_signature("Hà Nội, ngày È2 tháng 9 năm 2021", ["Hà Nội, ngày È2 tháng 9 năm 2021"]) is None
