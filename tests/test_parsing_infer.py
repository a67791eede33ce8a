"""vanban.parsing.infer: issuers from symbol codes and known spellings (real OCR'd mastheads)."""
import pytest

from vanban.parsing.infer import issuer_from_symbol, known_spelling
from vanban.symbols import parse_symbol


@pytest.mark.parametrize("read, known", [
    ("Bo Ngoai giao", "Bộ Ngoại giao"), ("Bảo hiếm xa hội Vietnam", "Bảo hiểm xã hội Việt Nam"),
    ("Thủ tướng Chínhphủ", "Thủ tướng Chính phủ"), ("Tổng cục Thuế", "Tổng cục Thuế"),
    ("Cục Thuế tp Hải Phòng", None), ("Bộ Ngoại thương", None),
])
def test_known_spelling(read, known):
    assert known_spelling(read) == known


@pytest.mark.parametrize("symbol, issuer", [
    ("17/2022/UBTVQH15", "Ủy ban Thường vụ Quốc hội"), ("470/TCT-TTKT", "Tổng cục Thuế"),
    ("860/BHXH-BT", None),  # every province's Bảo hiểm xã hội writes BHXH too (issue 7 register)
    ("239-CV/HU", "Huyện ủy"), ("6880/UBND-KGVX", None),
])
def test_issuer_from_symbol(symbol, issuer):
    assert issuer_from_symbol(parse_symbol(symbol)) == issuer
