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
