"""The site as a reader sees it, without a browser (issue 19): the office's identity from mkdocs.yml,
no "Made with", staff pages apart (footer link, no sitemap entry, noindex) and no developer words
on public pages. The browser half is tests/browser/test_reader_pages.py."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from _site import read
from conftest import ROOT, mkdocs_build, sample_docs
from vanban.archive.urls import is_staff_page

SITE_URL = "https://vanban.example.gov.vn/kho/"
# Words of the people who build the site, not of its readers.
DEVELOPER_WORDS = re.compile(r"\b(README|front[ _]matter|YAML|Markdown|mkdocs|hooks?|commit|Issuer register|"
                             r"Material for MkDocs|Made with)\b", re.IGNORECASE)
OFFICE = """extra:
  co_quan_van_hanh:
    ten: "Văn phòng Tỉnh ủy <b>Hà Nam</b>"
    co_quan_chu_quan: "Tỉnh ủy Hà Nam"
    dia_chi: "Số 1 đường Trần Phú, phường Phủ Lý"
    dien_thoai: "0226 3852 701"
    email: "vanphong@hanam.dcs.vn"
    logo: assets/images/logo-mac-dinh.svg
  giay_phep_du_lieu:
    ten: "CC BY 4.0"
    url: "https://creativecommons.org/licenses/by/4.0/deed.vi"
  lien_he_tiep_can: "Phòng Hành chính, vanphong@hanam.dcs.vn"
"""


@pytest.fixture(scope="module")
def office_site(tmp_path_factory) -> tuple[Path, str]:
    """The sample archive built by an office that filled in its identity, with its public address."""
    project = tmp_path_factory.mktemp("office")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nextra:\n" in config and config.rstrip().endswith('"')   # the identity ends mkdocs.yml
    (project / "mkdocs.yml").write_text(config[:config.index("\nextra:\n") + 1] + OFFICE, encoding="utf-8")
    for part in ("hooks", "overrides"):
        (project / part).symlink_to(ROOT / part, target_is_directory=True)
    result = mkdocs_build(project / "site", config=project / "mkdocs.yml", docs_dir=sample_docs(),
                          env={"KHO_SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    yield project / "site", result.stderr
    shutil.rmtree(project / "site", ignore_errors=True)


def _public_pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        src = path.parent.relative_to(site).as_posix()
        if not is_staff_page(src + ".md") and not src.startswith("huong-dan"):
            yield src, path.read_text(encoding="utf-8")


def test_every_page_shows_the_office_and_no_made_with(built_site):
    for src, html in _public_pages(built_site):
        assert "Made with" not in html and "squidfunk" not in html, src
        assert '<span class="md-ellipsis kho-tieu-de-trang__don-vi">Chưa điền tên cơ quan vận hành kho</span>' in html
        footer = html[html.index('<footer class="md-footer kho-chan-trang">'):]
        assert "Chưa điền địa chỉ" in footer and "Chưa điền số điện thoại" in footer and "href=\"mailto:" not in footer
        assert re.search(r'<a href="[./]*huong-dan/">Dành cho văn thư</a>', footer), src
    assert (built_site / "assets/giay-phep/material-for-mkdocs.txt").is_file()   # Material's MIT notice


def test_a_filled_in_identity_is_shown_escaped_and_linked(office_site):
    site, log = office_site
    assert "cơ quan vận hành kho còn để mặc định" not in log
    html = read(site, "index.md")
    assert "Văn phòng Tỉnh ủy &lt;b&gt;Hà Nam&lt;/b&gt;" in html and "<b>Hà Nam" not in html
    assert '<a href="tel:02263852701">0226 3852 701</a>' in html
    assert '<a href="mailto:vanphong@hanam.dcs.vn">vanphong@hanam.dcs.vn</a>' in html
    data = read(site, "du-lieu/index.md")
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.vi" rel="license">CC BY 4.0</a>' in data
    assert "Phòng Hành chính, vanphong@hanam.dcs.vn" in read(site, "ho-tro-tiep-can.md")
    head = (site / "du-lieu/van-ban.json").read_text(encoding="utf-8")[:600]
    assert json.loads(head[:head.index(', "van_ban"')] + "}")["giay_phep"]["ten"] == "CC BY 4.0"
    assert not any("Chưa điền" in html for _, html in _public_pages(site))


def test_staff_pages_are_apart_from_the_readers(office_site):
    site, _ = office_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}co-quan/</loc>" in sitemap and f"<loc>{SITE_URL}van-ban/2021/cong-van-154-cv-tu/</loc>" in sitemap
    for staff in ("huong-dan/", "huong-dan/mau-van-ban/", "huong-dan/cac-khoa/", "can-xac-minh/"):
        assert f"<loc>{SITE_URL}{staff}</loc>" not in sitemap
        assert '<meta name="robots" content="noindex">' in (site / staff / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots"' not in read(site, "index.md")


def test_no_developer_words_on_public_pages(built_site):
    found = {}
    for src, html in _public_pages(built_site):
        article = html[html.index("<article"):html.index("</article>")]
        # field names of the open data (<code>front_matter</code>) are data for re-users, not prose
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<code>[^<]*</code>", " ", article))
        words = DEVELOPER_WORDS.findall(text)
        if words:
            found[src] = words
    assert found == {}
