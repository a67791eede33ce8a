from vanban.parsing.header import parse_header, type_of_heading


def test_formal_header():
    lines = ["BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỔNG CỤC THUẾ Độc lập - Tự do - Hạnh phúc",
             "Số: 3630 /TCT-CS Hà Nội, ngày 22 tháng 9 năm 2021", "V/v chính sách thuế", "tài nguyên.", "",
             "Kính gửi: Cục Thuế tỉnh Tây Ninh.", "", "Trả lời Công văn số 129/TLDTPH-KHKT ngày 27/5/2021 của Công ty, Tổng cục Thuế có ý kiến như sau:"]
    head = parse_header(lines)
    assert (head.issuer, head.so_ky_hieu, head.dia_danh, head.ngay) == ("Tổng cục Thuế", "3630/TCT-CS", "Hà Nội", "2021-09-22")
    assert head.subject == "V/v chính sách thuế tài nguyên."
    assert head.kinh_gui == ["Cục Thuế tỉnh Tây Ninh"]
    assert 8 not in head.taken


def test_received_stamp_is_not_the_number():
    lines = ["ĐẢNG ỦY KHỐI CƠ QUAN TỈNH", "ĐẾN\tSố: 332", "Ngày: 02.7.2021", "", "CHỈ THỊ", "", "CỦA BAN THƯỜNG VỤ TỈNH ỦY",
             "", "về công tác phòng, chống dịch", "", "Thời gian qua, tình hình dịch bệnh Covid-19 diễn biến ngày càng phức tạp, khó lường, rất nhiều."]
    head = parse_header(lines)
    assert head.so_ky_hieu is None and head.ngay is None
    assert head.so_den == {"so": "332", "ngay": "2021-07-02", "co_quan": "Đảng ủy Khối cơ quan tỉnh"}
    assert (head.doc_type, head.type_issuer, head.subject) == ("Chỉ thị", "Ban Thường vụ Tỉnh ủy", "về công tác phòng, chống dịch")


def test_type_heading():
    assert type_of_heading("KÉT LUẬN") == "Kết luận" and type_of_heading("Kết luận của Thường trực") is None
