"""Headers a legal portal's text export flattened into a few long lines: the official layout's
lines are found again (NĐ 30/2020/NĐ-CP Phụ lục I) and every field comes out. Snippets follow the
layouts of such scrapes with made-up numbers and names."""
import pytest

from vanban.parsing.extract import extract
from vanban.parsing.unfold import unfold_header

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------"
BODY = ("Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại Công văn số 1520/VPCP-KTTH ngày 03/3/2021, "
        "đề nghị các đơn vị khẩn trương triển khai thực hiện.")


@pytest.mark.parametrize("text, want", [
    # a letter: the two columns on one line, "Số … V/v …", then the date and Kính gửi on one line
    (f"Công văn 1187/BTC-QLN\nBỘ TÀI CHÍNH CỤC QUẢN LÝ NỢ ------- {MOTTO}\n"
     "Số: 1187/BTC-QLN V/v hướng dẫn quản lý vốn vay ODA năm 2021\n"
     f"Hà Nội, ngày 08 tháng 02 năm 2021 Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.\n{BODY}\n",
     {"so_ky_hieu": "1187/BTC-QLN", "ngay_ban_hanh": "2021-02-08", "loai_van_ban": "Công văn", "dia_danh": "Hà Nội",
      "trich_yeu": "V/v hướng dẫn quản lý vốn vay ODA năm 2021"}),
    # a decision: number, place and date, heading, subject and authority line on one line
    (f"Quyết định 512/QĐ-UBND năm 2021\nỦY BAN NHÂN DÂN TỈNH GIA LAI -------\n{MOTTO}\n"
     "Số: 512/QĐ-UBND Gia Lai, ngày 21 tháng 6 năm 2021 QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG "
     "THIÊN TAI NĂM 2021 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;\n"
     f"QUYẾT ĐỊNH:\nĐiều 1. {BODY}\n",
     {"so_ky_hieu": "512/QĐ-UBND", "ngay_ban_hanh": "2021-06-21", "loai_van_ban": "Quyết định", "dia_danh": "Gia Lai",
      "co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Gia Lai",
      "trich_yeu": "Về việc ban hành kế hoạch phòng, chống thiên tai năm 2021"}),
    # a resolution: "Nghị quyết số:" glued to the motto, the number on the next line, the body's name as authority
    ("Nghị quyết 03/2021/NQ-HĐTP\nHỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO -------\n"
     f"{MOTTO} Nghị quyết số:\n03/2021/NQ-HĐTP\nHà Nội, ngày 24 tháng 12 năm 2021 NGHỊ QUYẾT HƯỚNG DẪN ÁP DỤNG "
     "MỘT SỐ QUY ĐỊNH CỦA BỘ LUẬT HÌNH SỰ HỘI ĐỒNG THẨM PHÁN TÒA ÁN NHÂN DÂN TỐI CAO\n"
     "Căn cứ Luật Tổ chức Tòa án nhân dân ngày 24 tháng 11 năm 2014;\n"
     "Nghị quyết này đã được Hội đồng Thẩm phán thông qua ngày 10 tháng 12 năm 2021.\n",
     {"so_ky_hieu": "03/2021/NQ-HĐTP", "ngay_ban_hanh": "2021-12-24", "loai_van_ban": "Nghị quyết",
      "co_quan_ban_hanh": "Hội đồng Thẩm phán Tòa án nhân dân tối cao"}),
    # "Số:" alone, then the number, place, date, heading, a capital subject and the body on one line
    (f"Chỉ thị 115/TTg\nPHỦ THỦ TƯỚNG ----- {MOTTO}\nSố:\n115/TTg Hà Nội, ngày 12 tháng 4 năm 1982 CHỈ THỊ "
     "VỀ CÔNG TÁC THỦY LỢI Ngày 05 tháng 3 năm 1981 Hội đồng Chính phủ đã ra Quyết định số 27-CP về công tác thủy lợi.\n",
     {"so_ky_hieu": "115/TTg", "ngay_ban_hanh": "1982-04-12", "loai_van_ban": "Chỉ thị",
      "trich_yeu": "Về công tác thủy lợi"}),
    # the V/v subject and the date on the number's line, the body after the addressee
    (f"BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- {MOTTO}\nSố: 2210/BKHĐT-PC V/v góp ý dự thảo Luật Đầu tư 2020 "
     "Hà Nội, ngày 14 tháng 4 năm 2020 Kính gửi: Tổng công ty Điện lực miền Bắc Phúc đáp Công văn số 88/EVNNPC-PC "
     "ngày 2 tháng 4 năm 2020 của Tổng công ty, Bộ Kế hoạch và Đầu tư có ý kiến như sau:\n1. Về phạm vi điều chỉnh.\n",
     {"so_ky_hieu": "2210/BKHĐT-PC", "ngay_ban_hanh": "2020-04-14", "loai_van_ban": "Công văn",
      "trich_yeu": "V/v góp ý dự thảo Luật Đầu tư 2020", "kinh_gui": ["Tổng công ty Điện lực miền Bắc"]}),
])
def test_a_flattened_header_gives_every_field(text, want):
    doc = extract(text).doc
    got = {key: getattr(doc, key) for key in want}
    assert got == want
    assert not {"so_ky_hieu", "ngay_ban_hanh", "loai_van_ban"} & set(doc.can_xac_minh)


def test_the_body_after_the_addressee_keeps_its_citation():
    text = (f"BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- {MOTTO}\nSố: 2210/BKHĐT-PC V/v góp ý Hà Nội, ngày 14 tháng 4 năm 2020 "
            "Kính gửi: Tổng công ty Điện lực miền Bắc Phúc đáp Công văn số 88/EVNNPC-PC ngày 2 tháng 4 năm 2020 "
            "của Tổng công ty, Bộ có ý kiến như sau:\n")
    assert [c.so_ky_hieu for c in extract(text).doc.van_ban_dan_chieu] == ["88/EVNNPC-PC"]


@pytest.mark.parametrize("lines", [
    # a header already on its lines stays as it is (a place of two words before "phố")
    ["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HUẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
     "Số: 12/NQ-HĐND", "Thành phố Huế, ngày 18 tháng 11 năm 2025", "NGHỊ QUYẾT"],
    # no motto: a news post is not a header, its dates and places are left alone
    ["Tin tức", "Chiều 12/5, tại Hà Nội, ngày 12 tháng 5 năm 2025 Bộ Tài chính tổ chức hội nghị QUYẾT ĐỊNH mới."],
])
def test_lines_that_are_not_a_flattened_header_stay(lines):
    assert unfold_header(lines) == lines


def test_a_date_in_the_body_is_not_cut():
    lines = ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 5/BYT-KH",
             "Hà Nội, ngày 2 tháng 3 năm 2024", "Căn cứ Hội nghị tại Đà Nẵng, ngày 1 tháng 3 năm 2024 Bộ quyết định."]
    assert unfold_header(lines) == lines


def test_the_portal_title_names_the_type_of_the_masthead_number():
    text = (f"Công văn 1187/BTC-QLN\nBỘ TÀI CHÍNH CỤC QUẢN LÝ NỢ ------- {MOTTO}\nSố: 1187/BTC-QLN\n"
            f"Hà Nội, ngày 08 tháng 02 năm 2021\n{BODY}\n")
    assert extract(text).doc.loai_van_ban == "Công văn"
    other = text.replace("Công văn 1187/BTC-QLN\n", "Công văn 1520/VPCP-KTTH\n")  # a title about another number
    assert extract(other).doc.loai_van_ban is None
