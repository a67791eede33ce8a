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
