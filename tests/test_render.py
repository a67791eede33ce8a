"""vanban.render: one page's body from what the converter read, each part once."""
from vanban.model import VanBan
from vanban.parsing.extract import Parsed, extract
from vanban.render import render_body


def test_an_addressee_first_line_is_not_repeated_above_the_kinh_gui_list():
    """A page without a header (corpus doc-050) opened with "Kính gửi: Các cơ quan, …", which the
    converter took as its headline and printed above the same Kính gửi list."""
    doc = VanBan(kinh_gui=["Các cơ quan, tổ chức trong hệ thống chính trị"])
    body = render_body(Parsed(doc, ["Ngày 15/10/2025, Cơ quan thường trực đã có văn bản."],
                              headline="Kính gửi: Các cơ quan, tổ chức trong hệ thống chính trị"))
    assert body.count("Kính gửi") == 1 and body.startswith("**Kính gửi:**")


def test_a_real_headline_stays():
    body = render_body(Parsed(VanBan(), ["Nội dung."], headline="Tỉnh ủy chỉ đạo phòng, chống dịch"))
    assert body.startswith("Tỉnh ủy chỉ đạo phòng, chống dịch\n\nNội dung.")


def test_the_number_line_keeps_its_shape():
    """223/CĐ-TTg: "*Số: 223/CĐ-TTg — Hà Nội, ngày 20 tháng 11 năm 2025 \\**" ended with a stray star."""
    raw = "THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 223/CĐ-TTg\n|\n*Hà Nội, ngày 20\ntháng 11 năm 2025 *\n|\n**CÔNG ĐIỆN**\nNội dung."
    first = render_body(extract(raw)).split("\n\n")[0]
    assert first == "*Số: 223/CĐ-TTg — Hà Nội, ngày 20 tháng 11 năm 2025*"
