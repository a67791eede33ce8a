import pytest

from vanban.symbols import find_symbols, normalize_symbol, parse_symbol, symbol_key


@pytest.mark.parametrize("raw,expected", [
    ("Số 154 - CV/TU", "154-CV/TU"), ("Số: 239-CV/HU", "239-CV/HU"), ("16/CT-TTg", "16/CT-TTg"),
    ("30/2020/ND-CP", "30/2020/NĐ-CP"), ("215 -BS/ĐUK", "215-BS/ĐUK"), ("940/QÐ-UBND", "940/QĐ-UBND"),
    ("07–KL/TW", "07-KL/TW"), ("số 3630 /TCT-CS", "3630/TCT-CS"), ("12-CV", None), ("Công văn", None),
    ("154-cv/tu", "154-CV/TU"),  # typed in lower case by staff

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


@pytest.mark.parametrize("text,found", [
    ("theo Công văn 12/CT-TTg và", ["12/CT-TTg"]),
    ("mã a12/CT-TTg không phải", []),                  # a number inside a word is no symbol
    ("điểm 1.12/CT-TTg hoặc 3/12/CT-TTg", []),         # nor one that continues another number
    ("(16/CT-TTg)", ["16/CT-TTg"]),
    ("x1 / 2021/NĐ-CP", ["2021/NĐ-CP"]),                # the scan goes on after a rejected start
    ("Số 154 - CV/TU — Hà Nam, ngày 28", ["154-CV/TU"]),  # seed 003's header: "Hà" is no code
    ("Thông báo số 118/TB-lội dung", ["118/TB"]),        # OCR glue: lower-case words are no codes
    ("theo Chỉ thị 1/Dose và 2021/Con", []),
    ("Quy định số 08-QĐi/TW và 81/TTr- NHNN", ["08-QĐi/TW", "81/TTr-NHNN"]),
])
def test_find_symbols_boundaries(text, found):
    assert [str(s) for _, s in find_symbols(text)] == found


@pytest.mark.parametrize("text,expected", [
    # A unit's code joined to its office's (mixed case), "&" and a dot inside a code, "/nb" (nội bộ).
    ("Số: 123/SGDĐT-CTrTT", "123/SGDĐT-CTrTT"), ("45/QLN&TTBĐS", "45/QLN&TTBĐS"), ("12/BC-V.I ngày", "12/BC-V.I"),
    ("15-TB/TU/nb", "15-TB/TU/nb"), ("05/TB-VPCP/nb", "05/TB-VPCP/nb"), ("1249a/CTPH-UBDT-BTP", "1249a/CTPH-UBDT-BTP"),
    # a unit code with Ư (Ứng dụng CNTT): the letters without tone marks belong to codes; words still do not
    ("công văn số 2105/BTTTT-ƯDCNTT ngày 3/7/2009", "2105/BTTTT-ƯDCNTT"), ("12/UBND-VP Ông", "12/UBND-VP"),
    # HD is a Hướng dẫn (HD 36-HD/VPTW), never a Hợp đồng's HĐ
    ("Hướng dẫn số 45-HD/BTGTU", "45-HD/BTGTU"), ("4545/HD-NHCS ngày", "4545/HD-NHCS"),
    # Words are not codes: a lower-case letter after another, or a sentence after the symbol's dot.
    ("12/UBND-VX. Căn cứ", "12/UBND-VX"), ("12/UBND-Ban", "12/UBND"), ("4085/UBND-ĐT và", "4085/UBND-ĐT"),
])
def test_compound_and_mixed_case_codes(text, expected):
    assert [str(s) for _, s in find_symbols(text)] == [expected]
