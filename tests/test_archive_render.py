"""vanban.archive.render: every metadata value is escaped for Markdown and HTML."""
import re

import markdown as md_lib
import pytest

from _archive_pages import page
from vanban.archive.render import html_block, md, text, unwrap_html
from vanban.archive import urls
from vanban.archive.diagram import SLOT
from vanban.archive.site import build_archive

EXTENSIONS = ["tables", "def_list", "attr_list", "md_in_html"]
XSS = "<img src=x onerror=alert(1)>"


def to_html(text: str) -> str:
    return md_lib.markdown(text, extensions=EXTENSIONS)


def document_html(archive, src_uri: str, body: str) -> str:
    """A document page's content as hooks/document_page.py makes it: the body through
    Markdown, then the archive's HTML around it."""
    return archive.document_html(src_uri, to_html(archive.document_markdown(src_uri, body)))


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
    html = document_html(archive, "van-ban/2021/x.md", "Nội dung.")
    # MkDocs strips the front matter of generated pages; their titles are escaped by hooks/titles.py.
    html += "".join(to_html(text.split("---\n", 2)[2]) for text in archive.generated_pages().values())
    assert "<img" not in html and "<script" not in html


def test_document_page_order_panel_body_relations():
    archive = build_archive([("van-ban/2021/x.md", page("Chỉ thị số 16/CT-TTg"))])
    html = document_html(archive, "van-ban/2021/x.md", "THÂN BÀI")
    assert html.index('class="kho-meta"') < html.index("THÂN BÀI") < html.index(SLOT) \
        < html.index('<h2 id="van-ban-dan-chieu">') < html.index('<h2 id="duoc-dan-chieu-boi">')
    assert "chưa có trong kho" in html and 'href="../../../chua-co/16-ct-ttg/"' in html
    assert "<!--" not in html


@pytest.mark.parametrize("value", [XSS, "Tom & Jerry &amp;", '"a" <b> \\ * _ |', "a -- b --> c", "  nhiều\n dòng  "])
def test_text_is_what_python_markdown_makes_of_md(value):
    assert f"<p>{text(value)}</p>" == to_html(md(value))


def test_pre_rendered_html_passes_through_python_markdown():
    html = "<table>\n<tr>\n<td>a</td>\n</tr>\n</table>"
    rendered = to_html("Trước\n\n" + html_block(html) + "\n## Sau\n\nCuối")
    assert unwrap_html(rendered) == f"<p>Trước</p>\n{html}\n<h2>Sau</h2>\n<p>Cuối</p>"
    assert unwrap_html(to_html(html_block(html))) == html


SOURCES = ["index.md", "co-quan/index.md", "co-quan/tinh-uy-ha-nam.md", "van-ban/2021/x.md", "nam/2021/07.md",
           "can-xac-minh.md", "README.md", "a/README.md", "van-ban/khong-ro-nam/ct y.md", "van-ban/2021/đ.md",
           "a.b/c.d.md"]


@pytest.mark.parametrize("from_src", SOURCES)
def test_href_is_the_url_mkdocs_writes(from_src):
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url
    origin = File(from_src, "/docs", "/site", True)
    for to_src in SOURCES:
        target = File(to_src, "/docs", "/site", True)
        assert urls.href(from_src, to_src) == get_relative_url(target.url, origin.url), to_src


@pytest.mark.parametrize("nguon_ocr, noted", [(True, True), (False, False), (..., False)])
def test_ocr_pages_carry_a_note_for_readers(nguon_ocr, noted):
    archive = build_archive([("van-ban/2021/x.md", page(nguon_ocr=nguon_ocr))])
    html = document_html(archive, "van-ban/2021/x.md", "THÂN BÀI")
    assert ('class="kho-ocr-note"' in html) is noted
    if noted:
        assert html.index("kho-ocr-note") < html.index("<dl>") and "nhận dạng (OCR) từ bản quét" in html
