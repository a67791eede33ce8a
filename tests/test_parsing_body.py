import pytest

from vanban.parsing.body import escape, paragraphs, to_markdown


def test_unwrap_keeps_items_apart():
    lines = ["Ngày 21/7, Thường trực có Điện gửi", "các Tỉnh uỷ về phòng, chống dịch.", "1. Toàn hệ thống tiếp tục tập trung",
             "cao nhất cho công tác.", "- Bảo đảm lương thực,", "thực phẩm.", "- Bảo đảm vận tải.", "cán bộ, công", "", "chức, viên chức."]
    assert paragraphs(lines) == ["Ngày 21/7, Thường trực có Điện gửi các Tỉnh uỷ về phòng, chống dịch.",
                                 "1. Toàn hệ thống tiếp tục tập trung cao nhất cho công tác.", "- Bảo đảm lương thực, thực phẩm.",
                                 "- Bảo đảm vận tải. cán bộ, công chức, viên chức."]


@pytest.mark.parametrize("para,markdown", [
    # A numbered or lettered item stays an item of the text, however short (issue 19: "2." became
    # a heading of 223/CĐ-TTg and entered the page's table of contents).
    ("2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:",
     "2\\. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:"),
    ("2.4. Về công tác lấy mẫu, xét nghiệm:", "2.4. Về công tác lấy mẫu, xét nghiệm:"),
    ("1. Đồng chí Bí thư Đảng ủy các xã", "1\\. Đồng chí Bí thư Đảng ủy các xã"),
    ("a) Về nhiệm vụ", "a) Về nhiệm vụ"),
    ("1.1. Quy định trường hợp được gia hạn nộp thuế", "1.1. Quy định trường hợp được gia hạn nộp thuế"),
    # Sections of the text are headings: Roman numerals and articles.
    ("II. CÁC NHIỆM VỤ, GIẢI PHÁP CỤ THỂ", "## II. CÁC NHIỆM VỤ, GIẢI PHÁP CỤ THỂ"),
    ("I- ĐÁNH GIÁ TÌNH HÌNH", "## I- ĐÁNH GIÁ TÌNH HÌNH"),
    ("Điều 1. Phạm vi điều chỉnh", "## Điều 1. Phạm vi điều chỉnh"),
    ("- Mục một", "- Mục một"),
    ("1. " + "Nội dung dài " * 20 + ".", "1\\. " + "Nội dung dài " * 20 + "."),
])
def test_structure(para, markdown):
    assert to_markdown([para]) == markdown


@pytest.mark.parametrize("lines,expected", [
    # 223/CĐ-TTg: the addressee "các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa" was cut by a dash.
    (["- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các", "tỉnh: Gia Lai,", "- Đắk Lắk và Khánh Hòa;",
      "- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công", "Thương, Giáo dục và Đào tạo;"],
     ["- Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa;",
      "- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương, Giáo dục và Đào tạo;"]),
    # A Party recipient list: each item ends with a comma and is a recipient of its own.
    (["- Các tỉnh uỷ, thành uỷ,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", "- Lưu Văn phòng Trung ương Đảng."],
     ["- Các tỉnh uỷ, thành uỷ,", "- Các ban đảng, đảng ủy trực thuộc Trung ương,", "- Lưu Văn phòng Trung ương Đảng."]),
])
def test_list_items_keep_their_shape(lines, expected):
    assert paragraphs(lines) == expected


def test_escape_renders_literally():
    import markdown
    html = markdown.markdown(to_markdown(["<script>alert(1)</script> *đậm* # [link](x) | a_b_c"]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<em>" not in html and "<a " not in html and "*đậm*" in html and "a_b_c" in html
    assert escape("# tiêu đề").startswith("\\#")
