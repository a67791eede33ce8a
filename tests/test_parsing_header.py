import pytest

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


def test_header_after_a_portal_summary():
    lines = ["Ngày 22/11/2025, Bộ Xây dựng ban hành Công điện về tập trung ứng phó và kịp thời khắc phục hậu quả mưa lũ.",
             "Xem chi tiết tại Công điện 96/CĐ-BXD ngày 22/11/2025.", "", "BỘ XÂY DỰNG", "", "CỘNG HÒA XÃ HỘI",
             "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Số: 96/CĐ-BXD", "", "Hà", "Nội, ngày 22 tháng 11 năm 2025",
             "", "CÔNG ĐIỆN", "VỀ VIỆC TẬP TRUNG", "ỨNG PHÓ MƯA LŨ", "BỘ XÂY DỰNG điện:", "- Các Cục: Đường bộ Việt Nam"]
    head = parse_header(lines)
    assert (head.issuer, head.so_ky_hieu, head.dia_danh, head.ngay) == ("Bộ Xây dựng", "96/CĐ-BXD", "Hà Nội", "2025-11-22")
    assert (head.doc_type, head.subject) == ("Công điện", "Về việc tập trung ứng phó mưa lũ")
    assert 0 not in head.taken and 17 not in head.taken


@pytest.mark.parametrize("lines,expected", [
    # heading cut in two, motto cut in two, number on the line after "Số:"
    (["HỘI", "ĐỒNG NHÂN DÂN", "THÀNH PHỐ HUẾ", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Số:", "36/2025/NQ-HĐND",
      "NGHỊ", "QUYẾT", "", "QUY ĐỊNH VỀ CHÍNH SÁCH HỌC PHÍ", "", "Căn cứ Luật Tổ chức chính quyền địa phương;"],
     ("Hội đồng nhân dân Thành phố Huế", "36/2025/NQ-HĐND", "Nghị quyết", None, "Quy định về chính sách học phí")),
    # a heading with more words; "CỦA ĐỒNG CHÍ" names a person, so it stays in the subject across a blank line
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "ĐẢNG CỘNG", "SẢN VIỆT NAM", "Số 432-TB/VPTW", "THÔNG BÁO KẾT LUẬN",
      "CỦA ĐỒNG CHÍ TỔNG BÍ THƯ", "", "TẠI BUỔI LÀM VIỆC VỚI ĐẢNG UỶ BỘ Y TẾ", "", "Ngày 24/11/2025, tại Trụ sở"],
     ("Văn phòng Trung ương Đảng", "432-TB/VPTW", "Thông báo", None,
      "Kết luận của đồng chí Tổng Bí thư tại buổi làm việc với Đảng ủy Bộ Y tế")),
    # an issuer phrase that continues on the next line
    (["Số 221-KL/TW", "KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ,", "BAN BÍ THƯ", "VỀ TÌNH HÌNH HOẠT ĐỘNG", "", "Tại phiên họp ngày 28/11/2025"],
     (None, "221-KL/TW", "Kết luận", "Bộ Chính trị, Ban Bí thư", "Về tình hình hoạt động")),
    # a subject in ordinary case under the heading
    (["CHÍNH PHỦ", "Số: 52/2021/NĐ-CP", "NGHỊ ĐỊNH", "Gia hạn thời hạn nộp thuế giá trị gia tăng,", "tiền thuê đất trong năm 2021",
      "", "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"],
     ("Chính phủ", "52/2021/NĐ-CP", "Nghị định", None, "Gia hạn thời hạn nộp thuế giá trị gia tăng, tiền thuê đất trong năm 2021")),
    # a Công văn whose subject says "Về ..." instead of "V/v"
    (["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 5155/SGDĐT-GDTX", "Về hướng dẫn đánh giá trung tâm", "học tập cộng đồng",
      "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025", "Kính gửi: Ủy ban nhân dân phường, xã"],
     ("Sở Giáo dục và Đào tạo", "5155/SGDĐT-GDTX", None, None, "Về hướng dẫn đánh giá trung tâm học tập cộng đồng")),
    # no masthead: a numbered heading is not an issuer; the type heading keeps its extra words
    (["HƯỚNG DẪN TẠM THỜI", "Giám sát người nhập cảnh vào Việt Nam", "(Ban hành kèm theo Công văn số /BYT-DP)", "I. MỤC ĐÍCH",
      "Tổ chức giám sát, xét nghiệm người nhập cảnh trong tình hình mới đảm bảo việc thực hiện mục tiêu kép."],
     (None, None, "Hướng dẫn", None, "Tạm thời giám sát người nhập cảnh vào Việt Nam")),
    # a header read column after column (a .docx typed without a table, a page's paragraphs), the V/v
    # subject long on one line: it belongs to the left column, it is not a portal's summary
    (["ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "-------", "Số: 2154/UBND-KT",
      "V/v thực hiện Công điện số 17/CĐ-BXD của Bộ Xây dựng về bảo đảm an toàn thi công xây dựng trong mùa mưa lũ",
      "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Bình Phước, ngày 20 tháng 05 năm 2025",
      "", "Kính gửi: Các sở, ban, ngành tỉnh.", "Thực hiện Công điện số 17/CĐ-BXD ngày 19/5/2025 của Bộ Xây dựng,",
      "Chủ tịch UBND tỉnh giao Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan rà soát các công trình.",
      "Các địa phương kiểm tra, phát hiện sớm các nguy cơ sạt lở, có phương án di dời người dân./."],
     ("Ủy ban nhân dân tỉnh Bình Phước", "2154/UBND-KT", None, None,
      "V/v thực hiện Công điện số 17/CĐ-BXD của Bộ Xây dựng về bảo đảm an toàn thi công xây dựng trong mùa mưa lũ")),
])
def test_header_layouts(lines, expected):
    head = parse_header(lines)
    assert (head.issuer, head.so_ky_hieu, head.doc_type, head.type_issuer, head.subject) == expected


def test_subject_without_masthead_stops_at_the_body():
    lines = ["CÔNG ĐIỆN", "", "V/V TẬP TRUNG ỨNG", "PHÓ VÀ KHẮC PHỤC HẬU QUẢ MƯA LŨ", "", "THỦ TƯỚNG CHÍNH PHỦ điện:",
             "- Đồng chí Bí thư Tỉnh ủy các tỉnh;"]
    head = parse_header(lines)
    assert head.subject == "V/v tập trung ứng phó và khắc phục hậu quả mưa lũ" and 5 not in head.taken


def test_subject_stops_at_the_authority_line():
    lines = ["CỤC THUẾ", "Số: 3509/QĐ-CT", "QUYẾT ĐỊNH", "BAN HÀNH QUY TẮC ỨNG XỬ VỚI NGƯỜI NỘP THUẾ", "", "CỤC TRƯỞNG CỤC THUẾ",
             "", "Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;"]
    assert parse_header(lines).subject == "Ban hành quy tắc ứng xử với người nộp thuế"


# Subject lines of real scans: OCR's spellings of "V/v".
@pytest.mark.parametrize("line", ["Viv thông báo hiệu lực của", "VW thực hiện chống thất thu, dam", "‘VW nộp hồ sơ khai thuế",
                                  "'V/ hướng dẫn việc kiểm tra và cong", "VWv triển khai hướng dẫn y tế", "Vw triển khai"])
def test_ocr_vv_subject(line):
    head = parse_header(["BỘ TÀI CHÍNH", "Số: 2862 /TCT-HTQT", line, "", "Kính gửi: Cục Thuế các tỉnh."])
    assert head.subject and head.subject.startswith("V/v ")


@pytest.mark.parametrize("lines, issuer", [
    (["BO TAI CHINH CONG HOA Í CHU NGHĨA VIET NAM", "TONG CUC THUE Doc lọc Tự do - Hạnh phúc"], "Tổng cục Thuế"),
    (["TONG CỤC THUÊ: CỘNG HÒA XA HỘI CHỦ NGHĨA VIỆT NAM", "CỤC THUÊ TP HO CHÍ MINH Độc lập - Tự do - Hạnh phúc"],
     "Cục Thuế tp Hồ Chí Minh"),
])
def test_ocr_masthead(lines, issuer):
    assert parse_header(lines + ["Số: 1305 /TCT-KK"]).issuer == issuer


@pytest.mark.parametrize("after", [
    "Căn cứ Công văn số 389/BYT-BH ngày 31/01/2020 của Bộ Y tế trả lời",  # 14 words: not body-like by length
    "Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 và",
])
def test_kinh_gui_ends_where_the_body_opens(after):
    lines = ["BẢO HIỂM XÃ HỘI VIỆT NAM CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "BẢO HIỂM XÃ HỘI TP. HỒ CHÍ MINH Độc lập - Tự do - Hạnh phúc",
             "Số: 12/BHXH-QLT TP.Hồ Chí Minh, ngày 10 tháng 02 năm 2020", "V/v đóng bảo hiểm y tế",
             "Kính gửi: Các đơn vị sử dụng lao động trên địa bàn Thành phố", after,
             "Bảo hiểm xã hội (BHXH) Việt Nam về vướng mắc đóng bảo hiểm y tế cho lao động người nước ngoài."]
    head = parse_header(lines)
    assert head.kinh_gui == ["Các đơn vị sử dụng lao động trên địa bàn Thành phố"]
    assert 5 not in head.taken


@pytest.mark.parametrize("line, expected", [
    ("Hà Nội, ngày 05 tháng 04 năm 2019", ("Hà Nội", "2019-04-05")),
    ("TP. Hồ Chí Minh, ngày 28 tháng 11 năm 2025", ("Thành phố Hồ Chí Minh", "2025-11-28")),
    ("Nâm N'Jang, ngày 10 tháng 10 năm 2023", ("Nâm N'Jang", "2023-10-10")),
    # a law's name in a "Căn cứ" line read where the header's date was left blank for the signing system
    ("Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;", None),
    ("Hà Nội, ngày      tháng 11 năm 2025", None),
])
def test_place_and_date_line(line, expected):
    from vanban.parsing.lines import place_date
    found = place_date(line)
    assert (found if found is None or found[1] else None) == expected
