import pytest

from vanban.parsing.noise import clean_lines, is_noise_line


@pytest.mark.parametrize("line,noise", [
    ("Lượt xem: 202", True), ("Thống kê truy cập", True), ("Đang online: 224", True), ("Ảnh minh họa.", True),
    ("Link tải toàn văn Kết luận.", True), ("Gửi bình chọn  Xem kết quả", True), ("Thăm dò ý kiến", True),
    ("Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế và Thỏa thuận Bảo về Dữ liệu cá nhân bên dưới.", True),
    ("Bản dịch này thuộc quyền sở hữu của", True), ("Đăng nhập", True),
    ("Thực hiện Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu, Bộ yêu cầu", False),
    ("1. Các cấp ủy, chính quyền tập trung lãnh đạo.", False),
])
def test_noise_lines(line, noise):
    assert is_noise_line(line) is noise


def test_clean_lines_layout_slogan_footer():
    raw = ("HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH VỀ Ý CHÍ TỰ LỰC.\n"
           "  25/07/2021 22:23  |  Lượt xem 1122  \nTIÊU ĐỀ BÀI IN trang In trang\n|\n**Số: 12/CT-TTg**\n"
           + "Nội dung dòng thân bài.\n" * 6 + "--- PAGE BREAK ---\nKý bởi: Văn phòng\nThời gian ký: 01.01.2021\n"
           "Dòng cuối.\n\nLiên kết website\nThông tin khác")
    lines = clean_lines(raw)
    assert lines[0] == "25/07/2021 22:23"
    assert "Số: 12/CT-TTg" in lines and "Dòng cuối." in lines
    assert not any("Liên kết" in l or "Ký bởi" in l or "PAGE BREAK" in l or "Thông tin khác" in l for l in lines)


@pytest.mark.parametrize("line,noise", [
    ("các màu sắc:", True), ("Soft + Tel: +84-8-3930 3279 * www.ThuVienPhapLuat.vn", True),
    ("Các màu sắc của cờ Tổ quốc được quy định như sau:", False),
])
def test_more_noise_lines(line, noise):
    assert is_noise_line(line) is noise


def test_counter_between_table_cells_and_digital_stamps():
    raw = ("Cell1 | Lượt xem: 12 | Cell3\n" + " " * 5000 + "Lượt\n"
           "Người ký: Sở Y tế\nEmail: syt@example.gov.vn\nThời gian ký: 25.09.2020\n\nSỞ Y TẾ\nNội dung văn bản.")
    lines = [l for l in clean_lines(raw) if l]
    assert lines[0] == "Cell1  Cell3" and "Lượt" in lines  # a long run of spaces is scanned once, not per space
    assert "Sở Y tế" not in " ".join(lines) and lines[-2:] == ["SỞ Y TẾ", "Nội dung văn bản."]


# Markup of pages saved from the legal portal, as it stands in the corpus (issue 19).
@pytest.mark.parametrize("raw,lines", [
    # 223/CĐ-TTg: the italic date's closing "*" after a space ended the number line with a stray "*".
    ("Số: 223/CĐ-TTg\n|\n*Hà Nội, ngày 20\ntháng 11 năm 2025 *",
     ["Số: 223/CĐ-TTg", "", "Hà Nội, ngày 20", "tháng 11 năm 2025"]),
    # 174/CV-BCĐ: italic item numbers.
    ("*1.3.* Trên cơ sở các Nghị định của", ["1.3. Trên cơ sở các Nghị định của"]),
    # 229/CĐ-TTg: italic inside quotation marks; a footnote mark "(*)" is text.
    ("tương ái, “*tình dân tộc, nghĩa đồng bào*”, tinh thần", ["tương ái, “tình dân tộc, nghĩa đồng bào”, tinh thần"]),
    ("Ghi chú (*) và 5 * 3", ["Ghi chú (*) và 5 * 3"]),
    # A Markdown heading marker is the portal's markup, not text.
    ("## Tăng cường sử dụng hàng dự trữ quốc gia", ["Tăng cường sử dụng hàng dự trữ quốc gia"]),
])
def test_portal_markup_is_not_text(raw, lines):
    assert clean_lines(raw) == lines


def test_portal_news_summary_is_dropped():
    """229/CĐ-TTg: the portal's "## headline" and its summary up to "Xem chi tiết tại ..." precede the
    document; they were shown (and indexed) as "## Thi đua cao điểm ... Ngày 26/11/2025, ...". """
    raw = ("**Tình trạng:**\n|\nĐã biết\n|\n"
           "## Thi đua cao điểm khắc phục khó khăn, tăng tốc hoàn thành nhiệm vụ năm 2025\n"
           "**Ngày 26/11/2025, Thủ tướng Chính phủ có Công điện 229/CĐ-TTg về khẩn trương triển khai.**\n"
           "Theo đó, tại Công điện 229/CĐ-TTg, Thủ tướng Chính phủ yêu cầu:\n"
           "- Khẩn trương thực hiện quyết liệt, đồng bộ các nhiệm vụ.\n"
           "Xem chi tiết tại Công điện 229/CĐ-TTg ngày 26/11/2025.\n|\n**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------\n"
           "Số: 229/CĐ-TTg")
    text = "\n".join(clean_lines(raw))
    assert "Thi đua cao điểm" not in text and "Theo đó" not in text and "Xem chi tiết" not in text
    assert "THỦ TƯỚNG CHÍNH" in text and "Số: 229/CĐ-TTg" in text


def test_a_heading_without_the_portal_summary_keeps_its_text():
    raw = "## Thông tin sáp nhập\nNgày 21/11/2025, Bộ Nội vụ đã ban hành Công văn 10988/BNV-CQĐP.\nNội dung."
    assert clean_lines(raw) == ["Thông tin sáp nhập", "Ngày 21/11/2025, Bộ Nội vụ đã ban hành Công văn 10988/BNV-CQĐP.",
                                "Nội dung."]

