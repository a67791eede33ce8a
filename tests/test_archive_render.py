"""vanban.archive.render: every metadata value is escaped for Markdown and HTML."""
import re

import markdown as md_lib
import pytest

from _archive_pages import page
from vanban.archive.render import md
from vanban.archive.site import build_archive

EXTENSIONS = ["tables", "def_list", "attr_list", "md_in_html"]
XSS = "<img src=x onerror=alert(1)>"


def to_html(text: str) -> str:
    return md_lib.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("value, shown", [
    (XSS, "&lt;img src=x onerror=alert(1)&gt;"),
    ("**đậm** và _nghiêng_ # 1.", "**đậm** và _nghiêng_ # 1."),
    ("[link](javascript:alert(1))", "[link](javascript:alert(1))"),
    ("a | b", "a | b"),
    ("Tom & Jerry &amp;", "Tom &amp; Jerry &amp;amp;"),
])
def test_md_renders_values_literally(value, shown):
    html = to_html(f"| x |\n|---|\n| {md(value)} |\n")
    assert f"<td>{shown}</td>" in html


@pytest.mark.parametrize("value", [
    "Chỉ thị { onclick=alert(1) }", "Chỉ thị {: .x onclick=alert(1) }", "1. không phải danh sách",
    "# không phải tiêu đề", "- không phải gạch đầu dòng", "*nghiêng* `mã` ![ảnh](x.png)",
])
def test_md_values_make_no_markup_in_lists_and_definitions(value):
    html = to_html(f"- {md(value)}\n\nKhóa\n:   {md(value)}\n")
    assert not re.search(r"<[^>]*\sonclick=", html)
    for tag in ("<h1", "<ol", "<em>", "<code>", "<img"):
        assert tag not in html
    assert html.count("<li>") == 1 and html.count("<dd>") == 1


@pytest.mark.parametrize("meta", [
    {"title": XSS}, {"trich_yeu": XSS}, {"co_quan_ban_hanh": XSS}, {"nguoi_ky": XSS},
    {"kinh_gui": [XSS]}, {"noi_nhan": [XSS]}, {"nguon": 'https://x.vn/"><script>alert(1)</script>'},
    {"van_ban_dan_chieu": [{"so_ky_hieu": None, "nguyen_van": XSS, "co_quan": XSS}]},
])
def test_document_page_escapes_metadata(meta):
    pages = [("van-ban/2021/x.md", page(**meta)),
             ("van-ban/2021/y.md", page("Thực hiện Công văn số 154-CV/TU ngày 28/4/2021", so_ky_hieu="1-KH/TU"))]
    archive = build_archive(pages)
    html = to_html(archive.document_markdown("van-ban/2021/x.md", "Nội dung."))
    # MkDocs strips the front matter of generated pages; their titles are escaped by hooks/titles.py.
    html += "".join(to_html(text.split("---\n", 2)[2]) for text in archive.generated_pages().values())
    assert "<img" not in html and "<script" not in html


def test_document_page_order_panel_body_relations():
    archive = build_archive([("van-ban/2021/x.md", page("Chỉ thị số 16/CT-TTg"))])
    html = to_html(archive.document_markdown("van-ban/2021/x.md", "THÂN BÀI"))
    assert html.index('class="kho-meta"') < html.index("THÂN BÀI") < html.index("Văn bản dẫn chiếu") \
        < html.index("Được dẫn chiếu bởi")
    assert "chưa có trong kho" in html and 'href="../../chua-co/16-ct-ttg.md"' in html
