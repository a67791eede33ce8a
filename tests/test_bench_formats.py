"""Format invariance (scripts/benchmarks/formats.py): one document, built here, put into every carrier
staff have (.docx with and without header tables, Word's .htm, a portal page, born-digital and
e-signed PDFs) reads the same; a blank the signing system fills is null and flagged, or the stamp's
value, flagged."""
from __future__ import annotations

import pytest

from scripts.benchmarks.formats import CARRIERS, compare, document_from
from vanban.convert import convert_bytes

BODY = ["Thực hiện Công điện số 17/CĐ-TTg ngày 10/3/2024 của Thủ tướng Chính phủ về tăng cường phòng, chống "
        "dịch bệnh, đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện tốt các nội dung sau:",
        "1. Tổ chức rà soát, kiểm tra các cơ sở trên địa bàn, báo cáo kết quả trước ngày 30/3/2024.",
        "2. Tăng cường thông tin, tuyên truyền để Nhân dân biết, chủ động phòng bệnh./."]

DOCUMENTS = [
    # a province's letter: V/v under the number, addressed, signed for the chairman
    dict(so_ky_hieu="1234/UBND-KT", loai_van_ban="Công văn", co_quan_ban_hanh="Ủy ban nhân dân tỉnh Đắk Nông",
         dia_danh="Đắk Nông", ngay_ban_hanh="2024-03-12", trich_yeu="V/v tăng cường phòng, chống dịch bệnh",
         kinh_gui=["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố"], nguoi_ky="Lê Trọng Yên",
         chuc_vu="KT. Chủ tịch, Phó Chủ tịch", noi_nhan=["Như trên", "Lưu: VT, KGVX"]),
    # HD 36: a Huyện ủy's plan, the Party's line in place of the motto, "Số" without a colon
    dict(so_ky_hieu="112-KH/HU", loai_van_ban="Kế hoạch", co_quan_ban_hanh="Huyện ủy Krông Nô", dia_danh="Krông Nô",
         ngay_ban_hanh="2024-03-14", trich_yeu="Tổ chức các hoạt động kỷ niệm 94 năm Ngày thành lập Đoàn",
         nguoi_ky="Lê Văn Hùng", chuc_vu="T/M Ban Thường vụ, Phó Bí thư", noi_nhan=["Ban Tuyên giáo Tỉnh ủy", "Lưu: VT"]),
    # a commune's decision, no number mention in the body, a long subject
    dict(so_ky_hieu="36/QĐ-UBND", loai_van_ban="Quyết định", co_quan_ban_hanh="Ủy ban nhân dân xã Đắk Drô",
         dia_danh="Đắk Drô", ngay_ban_hanh="2024-02-20",
         trich_yeu="Về việc thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo trên địa bàn xã năm 2024",
         nguoi_ky="Nguyễn Thị Hồng Nhung", chuc_vu="Chủ tịch", noi_nhan=["Như Điều 3", "Lưu: VT"]),
]


@pytest.mark.parametrize("carrier", list(CARRIERS))
@pytest.mark.parametrize("meta", DOCUMENTS, ids=lambda m: m["so_ky_hieu"])
def test_every_carrier_reads_the_same(meta, carrier):
    reference = {**meta, "van_ban_dan_chieu": [{"so_ky_hieu": "17/CĐ-TTg"}]}
    data, name = CARRIERS[carrier](document_from(meta, BODY))
    result = convert_bytes(data, name)
    assert result.status != "error", result.error
    assert compare(reference, result.metadata, carrier) == {key: "same" for key in
                                                            ("so_ky_hieu", "ngay_ban_hanh", "loai_van_ban",
                                                             "co_quan_ban_hanh", "nguoi_ky", "citations")}


def test_an_e_signed_pdf_takes_the_stamped_values_flagged_never_the_signing_time():
    meta = DOCUMENTS[0]
    blank = convert_bytes(*CARRIERS["pdf-esign"](document_from(meta, BODY))).metadata
    assert (blank["so_ky_hieu"], blank["ngay_ban_hanh"]) == (None, None)   # the signing time is the day before
    stamped = convert_bytes(*CARRIERS["pdf-stamped"](document_from(meta, BODY))).metadata
    assert (stamped["so_ky_hieu"], stamped["ngay_ban_hanh"]) == ("1234/UBND-KT", "2024-03-12")
    assert {"so_ky_hieu", "ngay_ban_hanh"} <= set(blank["can_xac_minh"]) & set(stamped["can_xac_minh"])


def test_a_value_that_differs_unflagged_is_counted():
    reference = {"so_ky_hieu": "1234/UBND-KT", "ngay_ban_hanh": "2024-03-12"}
    outcome = compare(reference, {"so_ky_hieu": "1234/UBND", "ngay_ban_hanh": None, "can_xac_minh": []}, "pdf")
    assert (outcome["so_ky_hieu"], outcome["ngay_ban_hanh"]) == ("differ+unflagged", "null")
