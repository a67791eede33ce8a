import pytest

from vanban.parsing.citations import find_citations


@pytest.mark.parametrize("text,expected", [
    ("Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy về việc tiếp tục",
     ("761-CV/TU", "Công văn", "2021-08-25", "Ban Thường vụ Tỉnh ủy")),
    ("đang thực hiện Chỉ thị số 16 của Thủ tướng Chính phủ và các vùng", ("16/CT-TTg", "Chỉ thị", None, "Thủ tướng Chính phủ")),
    ("Nghị quyết số 21/NQ-CP ngày 26/02/2021 của Chính phủ về mua", ("21/NQ-CP", "Nghị quyết", "2021-02-26", "Chính phủ")),
    ("theo Nghị định số 96/2018/ND- CP ngày 30 tháng 6 năm 2018 của Chính phủ quy định", ("96/2018/NĐ-CP", "Nghị định", "2018-06-30", "Chính phủ")),
    ("Quyết định 940/QÐ-UBND ngày 30/6/2021 của Ủy ban nhân dân tỉnh về áp dụng", ("940/QĐ-UBND", "Quyết định", "2021-06-30", "Ủy ban nhân dân tỉnh")),
    ("tại Kết luận số 41 – KL/TU, ngày 11/7/2021 và", ("41-KL/TU", "Kết luận", "2021-07-11", None)),
    # The issuer ends where the sentence goes on (corpus doc-067, doc-048 and others).
    ("Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;",
     ("39/2022/NĐ-CP", "Nghị định", "2022-06-18", "Chính phủ")),
    ("triển khai thực hiện nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ ban hành kế hoạch hành động",
     ("214/NQ-CP", "Nghị quyết", "2025-07-23", "Chính phủ")),
    ("Nghị định số 105/2020/NĐ-CP ngày 08 tháng 9 năm 2020 của Chính phủ: Giao Bộ Giáo dục",
     ("105/2020/NĐ-CP", "Nghị định", "2020-09-08", "Chính phủ")),
    ("Điều 3, Nghị định số 11/2016/NĐ-CP ngày 03/02/2016 của Chính phủ gồm: nhà quản lý, giám đốc",
     ("11/2016/NĐ-CP", "Nghị định", "2016-02-03", "Chính phủ")),
    ("Quyết định số 12/QĐ-UBND ngày 5/1/2021 của Ủy ban nhân dân tỉnh ban hành Quy chế",
     ("12/QĐ-UBND", "Quyết định", "2021-01-05", "Ủy ban nhân dân tỉnh")),   # "ban" of "Ủy ban" stays
])
def test_citation_fields(text, expected):
    (citation,) = find_citations(text)
    assert (citation.so_ky_hieu, citation.loai_van_ban, citation.ngay, citation.co_quan) == expected
    assert citation.nguyen_van and citation.nguyen_van in text.replace("ND- CP", "ND- CP")


def test_own_number_excluded_and_duplicates_merged():
    text = "Công văn số 239-CV/HU về việc. Chỉ thị số 16/CT-TTg. Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng."
    from vanban.symbols import symbol_key
    citations = find_citations(text, {symbol_key("239-CV/HU")})
    assert [(c.so_ky_hieu, c.ngay) for c in citations] == [("16/CT-TTg", "2020-03-31")]


@pytest.mark.parametrize("text,expected", [
    ("thực hiện Chỉ thị số 16 của Thủ tướng Chính phủ.", ["16/CT-TTg"]),
    ("thực hiện Chỉ thịsố 16 của Thủ tướng Chính phủ.", []),   # "số" inside a word
    ("Số 16 của Thủ tướng Chính phủ", []),                     # no type word before the number
])
def test_bare_number_citations(text, expected):
    assert [c.so_ky_hieu for c in find_citations(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a form or an annex is part of a document, not one (real tax letters)
    ("gửi thông báo theo mẫu số 01/TB-BSTT-NNT ban hành kèm theo Nghị định sô 126/2020/NĐ-CP", ["126/2020/NĐ-CP"]),
    ("hồ sơ gia hạn theo mẫu số 01/GHAN ban hành kèm theo Thông tư 156/2013/TT-BTC", ["156/2013/TT-BTC"]),
    ("theo mẫu số mẫu 01/TBKN-TĐT ban hành kèm theo", []),
    ("tại phụ lục số 04/BHXH-TCT và 05/BHXH-TCT kèm Quy chế 1999/QCPH-BHXH-TCT", ["1999/QCPH-BHXH-TCT"]),
    ("việc truyền dir liệu tại phy lục 01/BHXH-TCT và", []),                      # "phy lục": OCR's phụ lục
    ("Mẫu biểu ban hành kèm theo Thông tư số 80/2021/TT-BTC", ["80/2021/TT-BTC"]),  # a document after the word
])
def test_forms_and_annexes_are_not_citations(text, expected):
    assert [c.so_ky_hieu for c in find_citations(text)] == expected
