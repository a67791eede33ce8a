"""A hostile staff page (tests/fixtures/staff_pages/mau-thong-bao-doc-hai-77-tb-hu.md) publishes no live markup.

Its title, subject, signer, recipients and body carry script in every form we know
(tags, on* attributes, javascript:/data: URLs, forged html_block comments, attr_list,
TOC tricks). Every HTML file of the built site is parsed; none may hold a script,
handler or URL that came from it. The browser half is tests/browser/test_hostile.py.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from _site import HOSTILE_ORIGINAL, copy_docs, hostile_site, read
from conftest import ROOT, mkdocs_build
from vanban import sanitize

HOSTILE = "van-ban/2021/mau-thong-bao-doc-hai-77-tb-hu.md"
CITED = "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu.md"  # 12-KH/HU
# Tags no page of ours writes, whatever their attributes.
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.IGNORECASE)


class LiveMarkup(HTMLParser):
    """Collects what would run in a browser: handlers, script URLs, foreign tags, inline script code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(n == "http-equiv" for n, _ in attrs):
            self.found.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            scheme = _SCHEME.match("".join(ch for ch in (value or "") if ch >= " "))
            if name in URL_ATTRIBUTES and scheme and scheme[1].lower() in ("javascript", "data", "vbscript"):
                self.found.append(f"<{tag} {name}={value[:30]}>")
        # Data blocks (JSON, JSON-LD) are not run; a value that closes them shows up as live tags after.
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and kind in ("text/javascript", "application/javascript", "module")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(f"script text {data.strip()[:40]!r}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


def test_the_detector_sees_what_the_fixture_holds():
    # Guards the test itself: the raw payloads are caught before sanitising.
    raw = ('<p onmouseover="alert(1)">x</p><a href=" JaVaScRiPt:alert(1)">a</a><iframe></iframe>'
           '<img src="data:image/svg+xml,x"><script>alert(1)</script><meta http-equiv="refresh">')
    assert len(live_markup(raw)) == 6
    assert live_markup(sanitize.clean(raw)) == []


def test_no_built_html_file_holds_live_markup(built_site):
    found = {}
    for path in sorted(Path(built_site).rglob("*.html")):
        problems = live_markup(path.read_text(encoding="utf-8"))
        if problems:
            found[str(path.relative_to(built_site))] = problems
    assert found == {}


def test_the_hostile_page_is_published_as_text(built_site):
    html = read(built_site, HOSTILE)
    article = html[html.index("<article"):html.index("</article>")]
    for shown in ("&lt;script&gt;alert(&#x27;title&#x27;)", "&lt;svg onload=alert('nguoi_ky')&gt;Nguyễn Văn Mẫu",
                  "&lt;iframe src=javascript:alert('kinh_gui')&gt;", "Di chuột vào đoạn này.",
                  "Thực hiện Kế hoạch số 12-KH/HU"):
        assert shown in re.sub(r"</?a\b[^>]*>", "", article)   # the citation is a link where it stands
    for gone in ("forged-block", "body-script", "kho-html", "<!--", "alert('cell')", "ontoggle"):
        assert gone not in html
    assert '<th align="left">Cột</th>' in article   # what our Markdown makes stays


def test_its_subject_is_text_in_the_backlinks_of_12_kh_hu(built_site):
    html = read(built_site, CITED)
    cited_by = html[html.index('id="duoc-dan-chieu-boi"'):]
    assert "Thông báo 77-TB/HU ngày 6/5/2021 của Huyện ủy Kim Bảng</a>: Trang mẫu kiểm thử an toàn " \
           "&lt;img src=x onerror=alert('trich_yeu')&gt;" in cited_by


@pytest.mark.parametrize("index", ["co-quan/huyen-uy-kim-bang.md", "loai/thong-bao.md", "nam/2021/index.md",
                                   "nam/2021/05.md"])
def test_its_subject_is_text_on_the_index_pages(built_site, index):
    assert "Trang mẫu kiểm thử an toàn &lt;img src=x onerror=alert('trich_yeu')&gt;" in read(built_site, index)


def test_no_output_file_keeps_a_block_marker(built_site):
    for path in Path(built_site).rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js"):
            assert "kho-html" not in path.read_text(encoding="utf-8"), path


# ---- issue 17: the hostile site (tests/fixtures/hostile_site/ over the sample archive, built once) ----

@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_site(tmp_path_factory)


def test_no_html_file_of_the_hostile_site_holds_live_markup(hostile):
    site, _ = hostile
    found = {str(p.relative_to(site)): live_markup(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}
    assert {page: problems for page, problems in found.items() if problems} == {}


def test_theme_keys_of_a_staff_page_reach_no_template(hostile):
    site, log = hostile
    html = read(site, "van-ban/2021/mau-khoa-giao-dien-78-tb-hu.md")
    assert "<article" in html and "Trang mẫu kiểm thử các khóa mà giao diện đọc" in html   # not a redirect page
    assert 'name="author"' not in html and "alert(" not in html.split("<article", 1)[0]
    assert "Kho lưu trữ công khai các văn bản chỉ đạo" in html                 # the site's description, not the page's
    assert '<nav class="md-nav md-nav--primary"' in html or "md-sidebar--primary" in html   # `hide` not taken
    replaced = read(site, "van-ban/2021/mau-thay-trang-79-tb-hu.md")
    assert "<article" in replaced and "Nội dung của trang mẫu 79-TB/HU." in replaced
    for key in ("template", "location", "author", "kho_feed", "kho_json_ld", "ghi_chu"):
        assert f"mau-khoa-giao-dien-78-tb-hu.md: khóa '{key}' = " in log and "không có trong lược đồ" in log


def test_images_from_other_hosts_are_dropped(hostile):
    html = read(hostile[0], "van-ban/2021/mau-khoa-giao-dien-78-tb-hu.md")
    assert "tracker.example" not in html and '<img alt="điểm theo dõi">' in html


def test_a_body_named_index_never_replaces_the_agency_index(hostile):
    site, _ = hostile
    assert "<title>Cơ quan ban hành - " in (site / "co-quan" / "index.html").read_text(encoding="utf-8")
    assert "<title>Index - " in (site / "co-quan" / "index-2" / "index.html").read_text(encoding="utf-8")
    assert not (site / "co-quan" / "feed.xml").exists()
    assert "Index</title>" in (site / "co-quan" / "index-2" / "feed.xml").read_text(encoding="utf-8")


# The page is the archive's newest (2021-12-10), so the home page lists it too.
@pytest.mark.parametrize("index", ["co-quan/index.md", "loai/thong-bao.md", "nam/2021/index.md", "nam/2021/12.md",
                                   "index.md", "co-quan/huyen-uy-x-img-src-x-onerror-alert-co-quan-meta-http-equiv-refresh-content-0-url.md"])
def test_an_issuer_name_with_markup_is_text_on_the_index_pages(hostile, index):
    html = read(hostile[0], index)
    assert "Huyện ủy X &lt;img src=x onerror=alert(" in html or "81-TB/HU" in html   # listed, its issuer as text
    assert "<meta http-equiv" not in html and "onerror=alert('co_quan')>" not in html


@pytest.mark.parametrize("path", ["2021/mau-ngoai-van-ban-83-tb/index.html", "van-ban/2021/mau-ma.js",
                                  "van-ban/2021/mau-trang.html", "van-ban/2021/mau-ky-tu-an-82-tb/index.html"])
def test_refused_files_are_not_published(hostile, path):
    assert not (hostile[0] / path).exists()


def test_a_control_character_never_reaches_an_index_page(hostile):
    site, log = hostile
    assert "khóa 'co_quan_ban_hanh' = \"Huyện ủy Y \\x80<img" in log and "U+0080" in log
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Huyện ủy Y" not in text and "\x80" not in text, page


# 84-TB/HU carries markup in every value its status, original, print and relation parts show; 85-TB/HU,
# which replaces it, in the values its "theo …" basis and backlinks show (tests/fixtures/hostile_site/).
REPLACED = "van-ban/2021/mau-hieu-luc-doc-hai-84-tb-hu.md"
REFUSED_VALUES = "van-ban/2021/mau-gia-tri-sai-doc-hai-86-tb-hu.md"


def _element(html: str, css_class: str) -> str:
    """The first element whose class attribute starts with css_class, up to its closing tag."""
    start = html.index(f'class="{css_class}')
    tag = html.rindex("<", 0, start)
    name = html[tag + 1:start].split()[0]
    return html[tag:html.index(f"</{name}>", start) + len(name) + 3]


def test_the_page_parts_of_status_original_and_print_show_values_as_text(hostile):
    html = read(hostile[0], REPLACED)
    issuer = "Huyện ủy Z &lt;svg onload=alert(&#x27;co_quan-84&#x27;)&gt;"
    assert issuer.replace("&#x27;", "'") + "</a>" in _element(html, "kho-duong-dan")
    assert _element(html, "kho-tom-tat").endswith(f"ngày 13/5/2021 của {issuer}</p>")
    banner = _element(html, "kho-hieu-luc")
    assert 'kho-hieu-luc--het-hieu-luc' in banner and \
        'theo <a href="../mau-thay-the-doc-hai-85-tb-hu/">Thông báo 85-TB/HU ngày 20/05/2021</a>' in banner
    assert 'download="mau-hieu-luc-doc-hai-84-tb-hu.pdf">Tải văn bản gốc (PDF, ' in _element(html, "kho-ban-goc")
    heading = _element(html, "kho-dau-in")
    assert "HUYỆN ỦY Z &lt;SVG ONLOAD=ALERT(&#x27;CO_QUAN-84&#x27;)&gt;" in heading
    assert "&lt;/script&gt;&lt;script&gt;alert(&#x27;trich_yeu-84b&#x27;)&lt;/script&gt;" in heading
    relations = html[html.index('class="kho-relations"'):]
    assert ("Công văn &lt;img src=x onerror=alert('dc-loai')&gt; 86-CV/HU ngày 1/5/2021 của "
            "Ban &lt;img src=x onerror=alert('dc-co_quan')&gt; Thường vụ") in relations
    assert "</script><script>alert('trich_yeu-84b')" not in html   # nor in JSON-LD
    assert live_markup(html) == []


def test_the_replacing_page_lists_the_replaced_one_as_text(hostile):
    html = read(hostile[0], "van-ban/2021/mau-thay-the-doc-hai-85-tb-hu.md")
    assert ("Thay thế (1)</h3>\n<ul>\n<li><a href=\"../mau-hieu-luc-doc-hai-84-tb-hu/\">Thông báo 84-TB/HU ngày 13/5/2021 "
            "của Huyện ủy Z &lt;svg onload=alert('co_quan-84')&gt;</a>: Trang mẫu bị thay thế &lt;img") in html


def test_missing_documents_grouped_by_a_cited_type_show_it_as_text(hostile):
    html = read(hostile[0], "chua-co/index.md")
    assert ">Công văn &lt;img src=x onerror=alert('dc-loai')&gt; (1)</h2>" in html
    assert '<td class="kho-cot-co-quan">Ban &lt;img src=x onerror=alert(\'dc-co_quan\')&gt; Thường vụ</td>' in html
    assert live_markup(html) == []


def test_values_the_schema_refuses_reach_no_page_and_the_file_is_not_published(hostile):
    site, log = hostile
    for key in ("tinh_trang_hieu_luc", "ngay_co_hieu_luc", "ngay_het_hieu_luc", "ban_goc", "van_ban_dan_chieu"):
        assert f"mau-gia-tri-sai-doc-hai-86-tb-hu.md: khóa '{key}' = " in log, key
    html = read(site, REFUSED_VALUES)
    assert "Hiệu lực: chưa xác định" in html and "alert(" not in html and "kho-ban-goc" not in html
    assert [p.name for p in site.rglob("*.pdf") if "onerror" in p.name] == []
    assert f"van-ban/2021/{HOSTILE_ORIGINAL}" in log   # refused by the file policy, named


def test_an_original_whose_bytes_are_a_page_is_refused_and_not_published(hostile):
    """87-TB/HU's ban_goc is named .pdf and holds an SVG page with script: served without a type (some hosts),
    or sniffed, it would run as a page of the site."""
    site, log = hostile
    assert ("LỖI: docs/van-ban/2021/mau-ban-goc-la-trang-87-tb-hu.md: khóa 'ban_goc' = 'mau-ban-goc-la-trang-87-tb-hu.pdf': "
            "tệp bản gốc docs/van-ban/2021/mau-ban-goc-la-trang-87-tb-hu.pdf có đuôi .pdf nhưng nội dung là trang "
            "HTML/SVG/XML. Cách sửa: xuất lại bản gốc đúng định dạng (ví dụ In ra PDF), hoặc đặt tên tệp theo đúng "
            "định dạng của nó") in log.splitlines()
    assert [p for p in site.rglob("*") if p.is_file() and b"ban_goc-87" in p.read_bytes()] == []
    assert "kho-ban-goc" not in read(site, "van-ban/2021/mau-ban-goc-la-trang-87-tb-hu.md")


def test_the_feed_of_an_issuer_with_markup_is_text(hostile):
    feed = (hostile[0] / "co-quan" / "huyen-uy-z-svg-onload-alert-co-quan-84" / "feed.xml").read_text(encoding="utf-8")
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet ')
    assert "<svg" not in feed and "Huyện ủy Z &lt;svg onload=alert" in feed


# mkdocs.yml is a committed file too: the office's identity (extra:) with markup in every value.
HOSTILE_OFFICE = """extra:
  co_quan_van_hanh:
    ten: "<img src=x onerror=alert('ten')>Văn phòng"
    co_quan_chu_quan: "\\"><img src=x onerror=alert('chu_quan')>"
    dia_chi: "<script>alert('dia_chi')</script>"
    dien_thoai: "0226\\" onmouseover=\\"alert('dien_thoai')"
    email: "a@b.vn\\"><img src=x onerror=alert('email')>"
    logo: "javascript:alert('logo')"
  giay_phep_du_lieu:
    ten: "<img src=x onerror=alert('giay_phep')>"
    url: "javascript:alert('giay_phep_url')"
  lien_he_tiep_can: "<script>alert('lien_he')</script>"
"""


def test_the_office_identity_is_text_on_every_page(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config[:config.index("\nextra:\n") + 1] + HOSTILE_OFFICE, encoding="utf-8")
    for part in ("hooks", "overrides"):
        (tmp_path / part).symlink_to(ROOT / part, target_is_directory=True)
    result = mkdocs_build(tmp_path / "site", config=tmp_path / "mkdocs.yml", docs_dir=ROOT / "docs", strict=False)
    assert result.returncode == 0, result.stderr[-2000:]
    pages = {p.relative_to(tmp_path / "site").as_posix(): p.read_text(encoding="utf-8")
             for p in (tmp_path / "site").rglob("*.html")}
    assert {page: live_markup(html) for page, html in pages.items() if live_markup(html)} == {}
    home, statement = pages["index.html"], pages["ho-tro-tiep-can/index.html"]
    assert "&lt;img src=x onerror=alert(&#39;ten&#39;)&gt;Văn phòng" in home
    assert '<img src="assets/images/logo-mac-dinh.svg" alt="">' in home       # not the javascript: address
    assert "&lt;script&gt;alert(&#39;lien_he&#39;)&lt;/script&gt;" in statement
    assert "alert('giay_phep_url')" not in pages["du-lieu/index.html"]
    # …nor in the open data, which named it as the licence's address
    assert "alert('giay_phep_url')" not in (tmp_path / "site" / "du-lieu" / "van-ban.json").read_text(encoding="utf-8")
    assert ("mkdocs.yml: khóa 'extra.giay_phep_du_lieu.url' = \"javascript:alert('giay_phep_url')\": không phải địa chỉ "
            "web http(s)") in result.stderr


# A careless edit of the same block: a group written on one line, a phone number YAML reads as a number, a list.
# Each was a traceback of the build (ValueError in hooks/office.py) and of scripts/check.py.
MISSHAPEN_OFFICE = """extra:
  co_quan_van_hanh: Văn phòng Tỉnh ủy Hà Nam
  giay_phep_du_lieu:
    ten: [CC BY 4.0]
    url: creativecommons.org/licenses/by/4.0
  lien_he_tiep_can:
    don_vi: Phòng Hành chính
"""
MISSHAPEN_ERRORS = [
    "mkdocs.yml: khóa 'extra.co_quan_van_hanh' = 'Văn phòng Tỉnh ủy Hà Nam': phải là một nhóm khóa (ten, "
    "co_quan_chu_quan, dia_chi, dien_thoai, email, logo). Cách sửa: viết mỗi khóa con trên một dòng riêng, thụt "
    "vào dưới co_quan_van_hanh:, như mẫu trong mkdocs.yml",
    "mkdocs.yml: khóa 'extra.giay_phep_du_lieu.ten' = ['CC BY 4.0']: phải là một dòng chữ, YAML đọc thành một danh "
    "sách. Cách sửa: viết giá trị trong ngoặc kép trên cùng dòng, ví dụ ten: \"…\"",
    "mkdocs.yml: khóa 'extra.giay_phep_du_lieu.url' = 'creativecommons.org/licenses/by/4.0': không phải địa chỉ web "
    "http(s) (trang web và dữ liệu mở không ghi địa chỉ này). Cách sửa: viết địa chỉ đầy đủ của giấy phép, ví dụ "
    "https://creativecommons.org/licenses/by/4.0/deed.vi, hoặc để trống",
    "mkdocs.yml: khóa 'extra.lien_he_tiep_can' = {'don_vi': 'Phòng Hành chính'}: phải là một dòng chữ, YAML đọc thành "
    "một nhóm khóa. Cách sửa: viết giá trị trong ngoặc kép trên cùng dòng, ví dụ lien_he_tiep_can: \"…\"",
]


def test_an_office_identity_of_the_wrong_shape_is_an_error_naming_the_key_in_the_build_and_check(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config[:config.index("\nextra:\n") + 1] + MISSHAPEN_OFFICE, encoding="utf-8")
    for part in ("hooks", "overrides", "vanban"):
        (tmp_path / part).symlink_to(ROOT / part, target_is_directory=True)
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "check.py", tmp_path / "scripts")   # it reads the mkdocs.yml beside it
    result = mkdocs_build(tmp_path / "site", config=tmp_path / "mkdocs.yml", docs_dir=ROOT / "docs")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == MISSHAPEN_ERRORS
    checked = subprocess.run([sys.executable, str(tmp_path / "scripts" / "check.py"), str(ROOT / "docs")],
                             capture_output=True, text=True)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr[-3000:]
    assert [line[len("LỖI: "):] for line in checked.stdout.splitlines() if line.startswith("LỖI")] == MISSHAPEN_ERRORS
    loose = mkdocs_build(tmp_path / "loose", config=tmp_path / "mkdocs.yml", docs_dir=ROOT / "docs", strict=False)
    home = (tmp_path / "loose" / "index.html").read_text(encoding="utf-8")
    assert loose.returncode == 0 and "Chưa điền tên cơ quan vận hành kho" in home and "don_vi" not in home


def test_a_body_that_would_stall_markdown_stops_the_build_with_the_file_named(tmp_path):
    """Python-Markdown takes hours over a megabyte of "[": the page's budget (hooks/page_budget.py) stops it."""
    docs = copy_docs(tmp_path)
    page = docs / "van-ban" / "2021" / "cong-van-154-cv-tu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "[" * 300_000 + "\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", docs_dir=docs, strict=False, env={"KHO_PAGE_SECONDS": "3"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("docs/van-ban/2021/cong-van-154-cv-tu.md: trang hiển thị quá 3 giây, bản dựng dừng lại" in result.stderr
            and "Cách sửa: xóa đoạn đó" in result.stderr), result.stderr[-2000:]
