import pytest

from vanban.parsing.casing import official_case, plausible_name, subject_case


@pytest.mark.parametrize("raw,expected", [
    ("MỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY 08/10/2025", "Một số nội dung quy định số 377-QĐ/TW ngày 08/10/2025"),
    ("VỀ PHÒNG, CHỐNG DỊCH COVID-19 CỦA UBND TỈNH", "Về phòng, chống dịch COVID-19 của UBND tỉnh"),
    ("KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ MAI VĂN CHÍNH TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH ĐẮK LẮK",
     "Kết luận của Phó Thủ tướng Chính phủ Mai Văn Chính tại buổi làm việc với lãnh đạo tỉnh Đắk Lắk"),
    ("KẾT LUẬN CỦA ĐỒNG CHÍ TỔNG BÍ THƯ TẠI BUỔI LÀM VIỆC", "Kết luận của đồng chí Tổng Bí thư tại buổi làm việc"),
    ("CHỨNG THƯ CHỮ KÝ SỐ", "Chứng thư chữ ký số"),                   # "chữ" is no name after "thư"
    ("V/V TẬP TRUNG ỨNG PHÓ LŨ", "V/v tập trung ứng phó lũ"),
    ("về việc đã viết thường", "về việc đã viết thường"),
])
def test_subject_case(raw, expected):
    assert subject_case(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("BỘ XÂY DỰNG", "Bộ Xây dựng"), ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("SỞ Y TẾ THÀNH PHỐ HỒ CHÍ MINH", "Sở Y tế Thành phố Hồ Chí Minh"),
    ("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "KT. Bộ trưởng, Chủ nhiệm"), ("BỘ CHÍNH TRỊ", "Bộ Chính trị"),
    # places of Tây Nguyên's peoples are names, not abbreviations; abbreviations stay
    ("ỦY BAN NHÂN DÂN XÃ ĐẮK DRÔ", "Ủy ban nhân dân xã Đắk Drô"), ("HUYỆN ỦY KRÔNG NÔ", "Huyện ủy Krông Nô"),
    ("ỦY BAN NHÂN DÂN XÃ NÂM N'JANG", "Ủy ban nhân dân xã Nâm N'Jang"), ("UBND HUYỆN CƯ JÚT", "UBND huyện Cư Jút"),
    ("ỦY BAN MTTQ VIỆT NAM XÃ TÂN LẬP", "Ủy ban MTTQ Việt Nam xã Tân Lập"),
])
def test_official_case(raw, expected):
    assert official_case(raw) == expected


@pytest.mark.parametrize("name,ok", [
    ("Tổng cục Thuế", True), ("Ban Chỉ đạo sắp xếp ĐVHC các cấp", True), ("Cục Thuế tp Hải Phòng", True),
    ("KT. Tổng cục trưởng", True), ("Ủy ban nhân dân tỉnh Đắk Lắk", True), ("Bộ Tài chính", True),
    ("Bộ Tài chính tong cyc thue", False), ("Thủ tướng chínhphủ", False), ("Ủy Ban Thường vụ quoc hol", False),
    ("“bo tài chính _ Tổng cục Thuế", False), ("Bảo hiểm xã hội vietnam", False), ("KT. Tong 2 cvc truong", False),
    ("Trung tam kiem soat bệnh tật", False), (None, False),
    ("Huyện ủy Krông Nô", True), ("Ủy ban nhân dân xã Nâm N'Jang", True), ("UBND huyện Đắk Glong", True),
])
def test_plausible_name(name, ok):
    assert plausible_name(name) is ok
