import pytest

from vanban.agencies import agency_key, find_province, issuer_code, issuer_of_symbol, level_of, province_from_host


@pytest.mark.parametrize("name,level", [
    ("Thường trực Ban Bí thư", "Trung ương"), ("Tỉnh ủy Hà Nam", "Cấp tỉnh"), ("Huyện ủy", "Cấp huyện"),
    ("Đảng ủy xã Tân Lập", "Cơ sở"), ("Thường trực Tỉnh uỷ Khánh Hoà", "Cấp tỉnh"),
])
def test_level_of(name, level):
    assert level_of(name) == level


def test_places_and_codes():
    assert find_province("trên địa bàn tỉnh Quảng Ngãi") == "Quảng Ngãi"
    assert find_province("Hà Nam, ngày 28") == "Hà Nam"
    assert province_from_host("https://bacninh.gov.vn/news") == "Bắc Ninh"
    assert issuer_code("Thủ tướng Chính phủ") == "TTg" and issuer_code("Bộ Chính trị") is None
    assert agency_key("UBND tỉnh") == agency_key("Ủy ban nhân dân tỉnh")


@pytest.mark.parametrize("symbol, issuer", [
    ("217/CĐ-TTg", "Thủ tướng Chính phủ"), ("18345/BTC-NSNN", "Bộ Tài chính"), ("11296/BC-BNV", "Bộ Nội vụ"),
    ("13/2023/NĐ-CP", "Chính phủ"), ("81/TB-VPCP", "Văn phòng Chính phủ"),
    ("192-KL/TW", None),       # Party: the Central Committee, the Politburo and the Secretariat all write /TW
    ("761-CV/TU", None), ("6880/UBND-KGVX", None),   # a code every province shares
    ("không số", None), (None, None),
])
def test_the_issuer_a_central_symbol_names(symbol, issuer):
    assert issuer_of_symbol(symbol) == issuer
