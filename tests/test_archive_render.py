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


# ---- a document page reads text first (issue 19) -----------------------------------------------

@pytest.mark.parametrize("kind, number, date, issuer, words", [
    ("Công điện", "217/CĐ-TTg", "2025-11-08", "Thủ tướng Chính phủ",
     "Công điện 217/CĐ-TTg ngày 8/11/2025 của Thủ tướng Chính phủ"),
    ("Công điện", "218/CĐ-TTg", None, None, "Công điện 218/CĐ-TTg"),        # a part not known is left out
    (None, "154-CV/TU", "2021-04-28", None, "154-CV/TU ngày 28/4/2021"),
    ("Công văn", None, None, "Tỉnh ủy Hà Nam", "Công văn của Tỉnh ủy Hà Nam"),
    (None, None, None, None, "Văn bản"),
])
def test_citations_read_as_words(kind, number, date, issuer, words):
    import datetime as dt
    from vanban.archive.render import citation_words
    assert citation_words(kind, number, dt.date.fromisoformat(date) if date else None, issuer) == words


def test_cited_documents_are_listed_in_words_never_with_dashes():
    """223/CĐ-TTg lists "(217/CĐ-TTg (Công điện))" and "(—)": now words, the issuer from the symbol."""
    pages = [("van-ban/2025/223.md", page(
        "Tiếp theo các Công điện số 217/CĐ-TTg, 218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025.",
        title="Công điện 223/CĐ-TTg", so_ky_hieu="223/CĐ-TTg", loai_van_ban="Công điện",
        co_quan_ban_hanh="Thủ tướng Chính phủ", ngay_ban_hanh="2025-11-20")),
        ("van-ban/2025/217.md", page(title="Công điện 217/CĐ-TTg", so_ky_hieu="217/CĐ-TTg", loai_van_ban="Công điện",
                                     co_quan_ban_hanh="Thủ tướng Chính phủ", ngay_ban_hanh="2025-11-16",
                                     trich_yeu="V/v tập trung ứng phó mưa lũ"))]
    html = document_html(build_archive(pages), "van-ban/2025/223.md", "Nội dung.")
    cites = html[html.index('id="van-ban-dan-chieu"'):html.index('id="duoc-dan-chieu-boi"')]
    assert ">Công điện 217/CĐ-TTg ngày 16/11/2025 của Thủ tướng Chính phủ</a>: V/v tập trung ứng phó mưa lũ" in cites
    assert "Công điện 218/CĐ-TTg của Thủ tướng Chính phủ" in cites
    assert "Công điện 222/CĐ-TTg ngày 19/11/2025 của Thủ tướng Chính phủ" in cites
    assert "(—)" not in cites and "—)" not in cites and "(Công điện)" not in cites


def test_document_page_is_breadcrumb_title_summary_panel_then_text():
    archive = build_archive([("van-ban/2021/x.md", page(
        kinh_gui=["Các huyện ủy, thị ủy"], noi_nhan=["Như trên", "Lưu VP"]))])
    html = document_html(archive, "van-ban/2021/x.md",
                         "**Kính gửi:**\n\n- Các huyện ủy, thị ủy\n\nTHÂN BÀI\n\n**Nơi nhận:**\n\n- Như trên\n- Lưu VP")
    trail = re.sub(r"<[^>]+>", "", html[html.index('<nav class="kho-duong-dan"'):html.index("</nav>")])
    assert trail == "Trang chủ › Cơ quan › Tỉnh ủy Hà Nam › 2021"
    assert html.index("kho-duong-dan") < html.index('<h1 class="kho-tieu-de">') < html.index('class="kho-tom-tat') \
        < html.index('<details class="kho-meta"') < html.index("<summary>Thông tin văn bản</summary>") \
        < html.index("THÂN BÀI") < html.index(SLOT)
    assert ">Công văn <span class=\"kho-so-ky-hieu\">154-CV/TU</span> ngày 28/4/2021 của Tỉnh ủy Hà Nam</p>" in html
    assert html.count("Kính gửi") == 1 and html.count("Nơi nhận") == 1      # once: in the text
    assert html.count("Các huyện ủy, thị ủy") == 1 and html.count("Lưu VP") == 1


def test_recipients_stay_in_the_panel_when_the_text_has_none():
    archive = build_archive([("van-ban/2021/x.md", page(kinh_gui=["Các huyện ủy"], noi_nhan=["Lưu VP"]))])
    html = document_html(archive, "van-ban/2021/x.md", "THÂN BÀI")
    panel = html[html.index("<details"):html.index("</details>")]
    assert "<dt>Kính gửi</dt>" in panel and "<dd>Các huyện ủy</dd>" in panel and "<dd>Lưu VP</dd>" in panel


@pytest.mark.parametrize("body, printed", [
    ("*Số 154-CV/TU — Hà Nam, ngày 28 tháng 4 năm 2021*\n\nTHÂN BÀI", False),   # the text's number line says it
    ("*Số 154 - CV/TU — Hà Nam, ngày 28 tháng 4 năm 2021*\n\nTHÂN BÀI", False),  # as the seed writes it
    ("THÂN BÀI", True),
])
def test_the_summary_line_is_printed_only_when_the_text_has_no_number_line(body, printed):
    html = document_html(build_archive([("van-ban/2021/x.md", page())]), "van-ban/2021/x.md", body)
    assert ('class="kho-tom-tat kho-tom-tat--in"' in html) is printed
    assert '<div class="kho-dau-in" aria-hidden="true"><p class="kho-dau-in__co-quan">TỈNH ỦY HÀ NAM</p>' in html


def test_a_document_without_issuer_or_date_has_a_shorter_breadcrumb():
    archive = build_archive([("van-ban/khong-ro-nam/x.md", page(co_quan_ban_hanh=None, ngay_ban_hanh=None))])
    html = document_html(archive, "van-ban/khong-ro-nam/x.md", "THÂN BÀI")
    trail = re.sub(r"<[^>]+>", "", html[html.index('<nav class="kho-duong-dan"'):html.index("</nav>")])
    assert trail == "Trang chủ › Cơ quan"
