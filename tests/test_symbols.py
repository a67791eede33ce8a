import pytest

from vanban.symbols import find_symbols, normalize_symbol, parse_symbol, search_variants, symbol_key


@pytest.mark.parametrize("raw,expected", [
    ("Số 154 - CV/TU", "154-CV/TU"), ("Số: 239-CV/HU", "239-CV/HU"), ("16/CT-TTg", "16/CT-TTg"),
    ("30/2020/ND-CP", "30/2020/NĐ-CP"), ("215 -BS/ĐUK", "215-BS/ĐUK"), ("940/QÐ-UBND", "940/QĐ-UBND"),
    ("07–KL/TW", "07-KL/TW"), ("số 3630 /TCT-CS", "3630/TCT-CS"), ("12-CV", None), ("Công văn", None),
])
def test_normalize_symbol(raw, expected):
    assert normalize_symbol(raw) == expected


@pytest.mark.parametrize("raw,party,doc_type", [
    ("07-KL/TW", True, "Kết luận"), ("16/CT-TTg", False, "Chỉ thị"), ("6880/UBND-KGVX", False, None),
])
def test_parse_symbol_kind_and_type(raw, party, doc_type):
    symbol = parse_symbol(raw)
    assert (symbol.party, symbol.doc_type) == (party, doc_type)


def test_find_and_key():
    text = "Kết luận số 07-KL/TW, ngày 11/6/2021 và Thông báo số 81/TB-VPCP ngày 26/4/2021"
    assert [str(s) for _, s in find_symbols(text)] == ["07-KL/TW", "81/TB-VPCP"]
    assert symbol_key("154/CV-TU") == symbol_key("154-CV/TU") == symbol_key("0154 cv tu")
    assert "154 CV TU" in search_variants("154-CV/TU")
