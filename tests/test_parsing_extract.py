import pytest

from vanban.parsing.extract import extract

OCR_HEADER = """Ký bởi: Tổng cục Thuế
Thời gian ký: 22.09.2021 14:40

BỘ TÀI CHÍNH CONG HOA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TONG CYC THUE Độc lập - Tự do - Hạnh phúc
Số: 4046 /TCT-TTKT Hà Nội, ngày,È2 tháng 9 năm 202}
V/v triển khai công tác thanh tra.

Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.

Tổng cục Thuế đề nghị các Cục Thuế triển khai thực hiện công tác thanh tra, kiểm tra thuế theo kế hoạch đã được phê duyệt.
"""


def test_garbled_masthead_and_date_on_an_ocr_scan():
    doc = extract(OCR_HEADER).doc
    # "Bộ Tài chính tong cyc thue" is OCR garbage: the issuer comes from the symbol's code instead, flagged
    assert doc.co_quan_ban_hanh == "Tổng cục Thuế" and "co_quan_ban_hanh" in doc.can_xac_minh
    # "ngày,È2 tháng 9 năm 202}" is partly illegible: null and flagged, never taken from the signing time
    assert doc.ngay_ban_hanh is None and "ngay_ban_hanh" in doc.can_xac_minh
    # a number read by OCR and confirmed nowhere else is flagged; the text is OCR (stamp lines)
    assert doc.so_ky_hieu == "4046/TCT-TTKT" and "so_ky_hieu" in doc.can_xac_minh and doc.nguon_ocr


def test_signer_must_be_a_person():
    text = ("Số hiệu:\n|\n12/UBND-VX\n|\nNgười ký:\n|\nSở Y tế\n|\n\nỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/UBND-VX\n"
            "V/v phòng, chống dịch.\n\nỦy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện nghiêm các biện pháp phòng, chống dịch.\n")
    doc = extract(text).doc
    assert doc.nguoi_ky is None and "nguoi_ky" in doc.can_xac_minh


def test_resolution_dated_by_its_adoption_clause():
    # a Standing Committee resolution: no date in the header, only in the closing clause (OCR'd)
    text = ("ỦY BAN THƯỜNG VỤ QUOC HOL CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hanh phúc\n\n"
            "Nghị quyết số: 17/2022/UBTVQHI5\n\nNGHỊ QUYET\nVề số giờ làm thêm trong 01 năm của người lao động\n\n"
            "UY BAN THUONG VỤ QUOC HỘI\nCăn cứ Bộ luật Lao động số 45/2019/QH14,\n\nQUYÉT NGHỊ:\n"
            "Điều 1. Người sử dụng lao động được sử dụng người lao động làm thêm giờ.\n\n"
            "Nghị quyết nay được Uy ban Thưởng vụ Quốc hội nước Cong hòa xã\n\n"
            "hội chủ nghĩa Viet Nam khóa XV, phiên hop thứ 9 thông qua ngày 23 thang 3\n\nnăm 2022.\n")
    doc = extract(text).doc
    assert doc.so_ky_hieu == "17/2022/UBTVQH15" and doc.ngay_ban_hanh == "2022-03-23"
    assert "ngay_ban_hanh" in doc.can_xac_minh  # an adoption date; a court council issues days later


@pytest.mark.parametrize("head, issuer", [
    # OCR left the masthead's issuer in mixed case: "Bộ YTÉ" beside the motto
    ("Bộ YTÉ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nsốl 0688/BYT-MT Hà Nội, ngàyló thảngU năm 2021\n"
     "V/v phòng, chống dịch COVID-19\n", "Bộ Y tế"),
    # a guide without a masthead names its issuer in its annex line
    ("HƯỚNG DẪN TẠM THỜI\nGiám sát người nhập cảnh vào Việt Nam\n"
     "(Ban hành kèm theo Công văn số /BYT-DP ngày /9/2020 của Bộ Y tế)\nI. MỤC ĐÍCH\n", "Bộ Y tế"),
    # a name the register does not spell that way gives nothing
    ("HƯỚNG DẪN TẠM THỜI\nGiám sát người nhập cảnh\n(Ban hành kèm theo Công văn số 12 của Bộ Y tê Hà)\nI. MỤC ĐÍCH\n", None),
])
def test_issuer_named_outside_the_masthead_is_flagged(head, issuer):
    doc = extract(head + "\nTổ chức giám sát, xét nghiệm người nhập cảnh trong tình hình mới.\n", ocr=True).doc
    assert doc.co_quan_ban_hanh == issuer and "co_quan_ban_hanh" in doc.can_xac_minh


@pytest.mark.parametrize("text, expected", [
    # a letter without its masthead (a draft's fragment): addressed with "Gửi:", the ministry speaks in the body
    ("Gửi:\n- Các Bộ, cơ quan ngang Bộ;\n- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
     "Ngày 12/5/2009 Bộ Thông tin và Truyền thông đã công bố Hướng dẫn lập dự toán phần mềm.\n\n"
     "Bộ Thông tin và Truyền thông công bố sửa đổi một số điểm tại công văn số 2105/BTTTT-ƯDCNTT ngày 12/5/2009.\n",
     ("Công văn", "Bộ Thông tin và Truyền thông", ["2105/BTTTT-ƯDCNTT"], True)),
    # an OCR tool's Markdown: the masthead's left column lost, the heading marked "#", the authority line names the body
    ("# CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\nSố: /QĐ-UBND\n\nĐiện Biên, ngày tháng năm 2025\n\n"
     "# QUYẾT ĐỊNH\n\nVề việc công bố danh mục thủ tục hành chính lĩnh vực đất đai\n\n"
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n",
     ("Quyết định", "Ủy ban nhân dân tỉnh Điện Biên", [], False)),
    # columns cut off by the scan: a provincial code in the symbol and the province as place of issue
    ("Số 45/KH-UBND\n\nĐiện Biên, ngày 15 tháng 9 năm 2025\n\n# KẾ HOẠCH Thực hiện công tác dân vận năm\n\n"
     "Thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n",
     ("Kế hoạch", "Ủy ban nhân dân tỉnh Điện Biên", [], True)),
])
def test_a_document_without_its_masthead_still_names_its_issuer(text, expected):
    doc = extract(text).doc
    assert (doc.loai_van_ban, doc.co_quan_ban_hanh, [c.so_ky_hieu for c in doc.van_ban_dan_chieu],
            "co_quan_ban_hanh" in doc.can_xac_minh) == expected  # inferred issuers are flagged


_LETTER = """{agency}
Số: {number}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 21 tháng 11 năm 2025
{heading}
Kính gửi:
- Thuế các tỉnh, thành phố;
- Chi cục Thuế doanh nghiệp lớn.
Nhằm tạo điều kiện, hỗ trợ người nộp thuế trong việc thực hiện các thủ tục về thuế, đề nghị các đơn vị triển khai./.
"""


@pytest.mark.parametrize("agency, number, heading, expected", [
    # the unit's code is also a type's code (CT: Cục Thuế, Chỉ thị): an addressed letter without a heading is a Công văn
    ("CỤC THUẾ", "5435/CT-NVT", "", ("Công văn", True)),
    ("SỞ TÀI CHÍNH", "88/QĐ-STC", "", ("Công văn", True)),
    # a heading, or a type that is addressed (Tờ trình, Báo cáo), keeps the type
    ("ỦY BAN NHÂN DÂN TỈNH GIA LAI", "12/CT-UBND", "CHỈ THỊ\nVề tăng cường phòng cháy", ("Chỉ thị", False)),
    ("SỞ TÀI CHÍNH", "88/TTr-STC", "", ("Tờ trình", False)),
])
def test_an_addressed_letter_is_not_a_normative_type_by_its_code(agency, number, heading, expected):
    doc = extract(_LETTER.format(agency=agency, number=number, heading=heading)).doc
    assert (doc.loai_van_ban, "loai_van_ban" in doc.can_xac_minh) == expected
