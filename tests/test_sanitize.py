"""vanban.sanitize: a document body keeps what our Markdown makes and loses what can run."""
from __future__ import annotations

from html.parser import HTMLParser

import markdown as md_lib
import pytest

from _archive_pages import page as archive_page
from conftest import SEEDS, STAFF_PAGES
from vanban.archive.render import html_block, unwrap_html
from vanban.archive.site import build_archive
from vanban.convert import convert_path
from vanban.sanitize import clean

# The Markdown extensions of mkdocs.yml.
EXTENSIONS = ["tables", "def_list", "attr_list", "md_in_html", "admonition", "toc"]
CONFIGS = {"tables": {"use_align_attribute": True}}


def to_html(text: str) -> str:
    return md_lib.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS)


class _Structure(HTMLParser):
    """Tags, attributes and text in order; <br /> and <br> alike."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list = []

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, sorted((n, (v or "").replace(" ", "").rstrip(";")) for n, v in attrs)))

    def handle_endtag(self, tag):
        self.items.append("/" + tag)

    def handle_data(self, data):
        if data.strip():
            self.items.append(" ".join(data.split()))


def structure(html: str) -> list:
    parser = _Structure()
    parser.feed(html)
    return [item for item in parser.items if item not in ("/br", "/hr", "/img")]


def body(page_markdown: str) -> str:
    return page_markdown.split("---\n", 2)[2]


@pytest.mark.parametrize("source", sorted(SEEDS.glob("*.txt")) + [
    p for p in sorted(STAFF_PAGES.glob("*.md")) if "doc-hai" not in p.name], ids=lambda p: p.name)
def test_everything_our_markdown_makes_of_real_pages_survives(source):
    text = convert_path(source).markdown if source.suffix == ".txt" else source.read_text(encoding="utf-8")
    html = to_html(body(text))
    assert structure(clean(html)) == structure(html)


@pytest.mark.parametrize("kept", [
    '<p><a href="../../2021/cong-van-154-cv-tu/" class="dan-chieu dan-chieu--co" title="154-CV/TU">154-CV/TU</a></p>',
    '<p><a href="https://tinhuy.hanam.gov.vn/x">nguồn</a> <a href="mailto:vanthu@example.vn">thư</a></p>',
    '<p><a href="#muc-1">mục 1</a></p>',
    '<h2 id="muc-1">I. MỤC ĐÍCH</h2>',
    '<div class="admonition note">\n<p class="admonition-title">Lưu ý</p>\n<p>x</p>\n</div>',
    '<table>\n<thead>\n<tr>\n<th align="right">Số</th>\n</tr>\n</thead>\n</table>',
    '<p><abbr title="Ban Chấp hành Trung ương">BCHTƯ</abbr> <sup>1</sup> <sub>2</sub> <code>16/CT-TTg</code></p>',
    '<ol start="3">\n<li><strong>Ba</strong> <em>và</em> <b>b</b> <i>i</i></li>\n</ol>',
])
def test_keeps(kept):
    assert clean(kept) == kept


@pytest.mark.parametrize("hostile, shown", [
    ("<script>alert(1)</script><p>Nội dung</p>", "<p>Nội dung</p>"),
    ('<p onmouseover="alert(1)" onclick="alert(2)">Nội dung</p>', "<p>Nội dung</p>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "<a>x</a>"),
    ('<a href="vbscript:msgbox(1)" target="_blank">x</a>', "<a>x</a>"),
    ('<img src="data:image/svg+xml,x" onerror="alert(1)" alt="ảnh">', '<img alt="ảnh">'),
    ("<iframe src=\"https://x.vn\"></iframe><object></object><embed src=x>", ""),
    ('<form action="https://x.vn"><input name="q"><button>Gửi</button></form>', "Gửi"),
    ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
    ('<table><tr><td style="text-align:left;background:url(javascript:alert(1))">x</td></tr></table>',
     "<table><tbody><tr><td>x</td></tr></tbody></table>"),
    ('<p style="position:fixed">x</p>', "<p>x</p>"),
    ('<div class="x" id="__search" data-md-component="search">x</div>', '<div class="x">x</div>'),
    ("<!--kho-html\n<img src=x onerror=alert(1)>\n-->", ""),
    ('<meta http-equiv="refresh" content="0"><base href="https://x.vn/">', ""),
    ("<svg><script>alert(1)</script></svg><math><mi>x</mi></math>", ""),
    # Next to the plain tags that skip nh3 (_PLAIN_TAG_RE): one attribute more and nh3 cleans.
    ('<p class="a" onclick="alert(1)">x</p>', '<p class="a">x</p>'),
    ('<h2 id="muc-1" onmouseover="alert(1)">x</h2>', '<h2 id="muc-1">x</h2>'),
    ('<p/onclick=alert(1)>x</p>', "<p>x</p>"),
    ('<div class="admonition note"><p>x</p><script>alert(1)</script></div>', '<div class="admonition note"><p>x</p></div>'),
    ('<table><tr><td align="left" onclick="alert(1)">x</td></tr></table>',
     '<table><tbody><tr><td align="left">x</td></tr></tbody></table>'),
])
def test_removes(hostile, shown):
    assert clean(hostile) == shown


def test_a_body_cannot_forge_a_trusted_block():
    """As hooks/document_page.py builds a document page: the body through Markdown and
    the sanitiser, then the archive's own panel around it."""
    forged = "<!--kho-html\n<img src=x onerror=alert(1)>\n-->\n\n"
    forged += "<!--kho-html " + "0" * 32 + "\n<img src=x onerror=alert(2)>\n-->\n"
    archive = build_archive([("van-ban/2021/x.md", archive_page())])
    body = archive.document_markdown("van-ban/2021/x.md", forged + "\nThân bài <b onclick=x>đậm</b>")
    page = archive.document_html("van-ban/2021/x.md", clean(to_html(body)))
    assert '<details class="kho-meta"' in page and "<b>đậm</b>" in page
    assert "<img" not in page and "onclick" not in page and "<!--" not in page


def test_without_a_sanitiser_unwrapping_is_unchanged():
    rendered = to_html("<p onclick=x>a</p>\n\n" + html_block("<p>b</p>"))
    assert unwrap_html(rendered) == "<p onclick=x>a</p>\n\n<p>b</p>"


@pytest.mark.parametrize("source", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_a_converted_body_of_plain_tags_is_published_as_markdown_made_it(source):
    html = to_html(body(convert_path(source).markdown))
    assert clean(html) == html
