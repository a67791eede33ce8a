import pytest

from vanban.parsing.body import escape, paragraphs, to_markdown


def test_unwrap_keeps_items_apart():
    lines = ["Ngày 21/7, Thường trực có Điện gửi", "các Tỉnh uỷ về phòng, chống dịch.", "1. Toàn hệ thống tiếp tục tập trung",
             "cao nhất cho công tác.", "- Bảo đảm lương thực,", "thực phẩm.", "- Bảo đảm vận tải.", "cán bộ, công", "", "chức, viên chức."]
    assert paragraphs(lines) == ["Ngày 21/7, Thường trực có Điện gửi các Tỉnh uỷ về phòng, chống dịch.",
                                 "1. Toàn hệ thống tiếp tục tập trung cao nhất cho công tác.", "- Bảo đảm lương thực, thực phẩm.",
                                 "- Bảo đảm vận tải. cán bộ, công chức, viên chức."]


@pytest.mark.parametrize("para,markdown", [
    ("2.4. Về công tác lấy mẫu, xét nghiệm:", "#### 2.4. Về công tác lấy mẫu, xét nghiệm:"),
    ("1. Đồng chí Bí thư Đảng ủy các xã", "### 1\\. Đồng chí Bí thư Đảng ủy các xã"),
    ("a) Về nhiệm vụ", "#### a) Về nhiệm vụ"),
    ("- Mục một", "- Mục một"),
    ("1. " + "Nội dung dài " * 20 + ".", "1\\. " + "Nội dung dài " * 20 + "."),
])
def test_structure(para, markdown):
    assert to_markdown([para]) == markdown


def test_escape_renders_literally():
    import markdown
    html = markdown.markdown(to_markdown(["<script>alert(1)</script> *đậm* # [link](x) | a_b_c"]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<em>" not in html and "<a " not in html and "*đậm*" in html and "a_b_c" in html
    assert escape("# tiêu đề").startswith("\\#")
