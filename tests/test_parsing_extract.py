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
