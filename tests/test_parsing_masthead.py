import pytest

from vanban.parsing.masthead import issuer_from_agency, split_motto


@pytest.mark.parametrize("line,tail,expected", [
    ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None, ("CHÍNH PHỦ", True)),
    ("HỘI CHỦ NGHĨA VIỆT NAM", None, ("", True)),                       # "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA ..."
    ("CỘNG HÒA", None, ("", True)),
    ("VIỆT NAM", "CONG HOA XA HOI CHU NGHIA", ("", True)),             # the motto's last words
    ("VIỆT NAM", None, ("VIỆT NAM", False)),                            # "TỔNG LIÊN ĐOÀN LAO ĐỘNG" / "VIỆT NAM"
    ("VIỆT NAM Độc lập - Tự do - Hạnh phúc", None, ("VIỆT NAM", True)),
    ("HỘI", None, ("HỘI", False)),                                      # "HỘI" / "ĐỒNG NHÂN DÂN"
    ("ĐẢNG CỘNG SẢN", None, ("", True)),
])
def test_split_motto(line, tail, expected):
    assert split_motto(line, tail)[:2] == expected


def test_motto_tail_carries_to_next_line():
    assert split_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", None)[2] == "CONG HOA XA HOI CHU NGHIA"
    assert split_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None)[2] is None


@pytest.mark.parametrize("lines,expected", [
    (["UBND THÀNH PHỐ HÀ", "NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], ("UBND THÀNH PHỐ HÀ NỘI", "Sở Giáo dục và Đào tạo")),
    (["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"], ("BỘ TÀI CHÍNH", "Tổng cục Thuế")),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Văn phòng Trung ương Đảng")),
    (["BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN TỔ CHỨC"], ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Tổ chức Trung ương")),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG"], (None, "Ban Chấp hành Trung ương")),
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"], (None, "Ủy ban nhân dân tỉnh Đắk Lắk")),
    # a table cell wrapped inside "ỦY BAN" (legal-portal scrapes): no body is named "Ban nhân dân"
    (["ỦY", "BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], (None, "Ủy ban nhân dân Thành phố Hồ Chí Minh")),
    (["CHỦ TỊCH ỦY", "BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], (None, "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp")),
    (["TỈNH ỦY LÂM ĐỒNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"], ("TỈNH ỦY LÂM ĐỒNG", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng")),
])
def test_issuer_from_agency(lines, expected):
    assert issuer_from_agency(lines) == expected
