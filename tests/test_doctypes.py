import pytest

from vanban.doctypes import canonical_type, code_for_type, type_for_code


@pytest.mark.parametrize("raw,expected", [("CHỈ THỊ", "Chỉ thị"), ("kết luận", "Kết luận"), ("Điện", "Điện"), ("Thư", None)])
def test_canonical_type(raw, expected):
    assert canonical_type(raw) == expected


@pytest.mark.parametrize("code,party,expected", [("CT", False, "Chỉ thị"), ("TT", True, "Thông tri"), ("TT", False, "Thông tư"),
                                                 ("ND", False, "Nghị định"), ("KGVX", False, None)])
def test_type_for_code(code, party, expected):
    assert type_for_code(code, party=party) == expected


def test_code_for_type():
    assert code_for_type("Chỉ thị") == "CT" and code_for_type("Điện") is None


@pytest.mark.parametrize("raw,expected", [
    # NĐ 30/2020 Phụ lục III and HD 36-HD/VPTW name these; a label writes the heading's words.
    ("TỜ TRÌNH", "Tờ trình"), ("PHIẾU TRÌNH", "Phiếu trình"), ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động"),
    ("Văn bản hợp nhất", "Văn bản hợp nhất"), ("GIẤY MỜI", "Giấy mời"), ("QUY CHẾ", "Quy chế"), ("BIÊN BẢN", "Biên bản"),
    ("PHƯƠNG ÁN", "Phương án"), ("báo cáo", "Báo cáo"),
])
def test_types_of_the_official_lists(raw, expected):
    assert canonical_type(raw) == expected


@pytest.mark.parametrize("symbol,expected", [
    ("01/VBHN-BTC", "Văn bản hợp nhất"), ("88/GM-UBND", "Giấy mời"), ("12/TTr-STC", "Tờ trình"),
    ("32-CTr/TU", "Chương trình"), ("05/QyĐ-UBND", "Quy định"), ("15-QĐi/TW", "Quy định"), ("3/PA-UBND", "Phương án"),
])
def test_symbol_codes_name_their_type(symbol, expected):
    from vanban.symbols import parse_symbol
    assert parse_symbol(symbol).doc_type == expected
