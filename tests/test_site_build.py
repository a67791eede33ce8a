"""Build the sample archive (docs/) and check the generated pages in the built HTML."""
from __future__ import annotations

import hashlib
import json

import pytest
import yaml

from _site import copy_docs, find, internal_links, read, records, url_dir
from conftest import mkdocs_build, sample_docs
from vanban.archive import urls
from vanban.archive.site import build_archive

SEED_000 = lambda r: r.so_ky_hieu == "239-CV/HU"                                    # noqa: E731
SEED_001 = lambda r: r.loai_van_ban == "Điện"                                        # noqa: E731
SEED_002 = lambda r: r.loai_van_ban == "Chỉ thị" and r.province == "Quảng Ngãi"      # noqa: E731
SEED_003 = lambda r: r.so_ky_hieu == "154-CV/TU"                                    # noqa: E731
SEED_004 = lambda r: r.loai_van_ban == "Kết luận" and r.province == "Khánh Hòa"      # noqa: E731
HAND_WRITTEN = lambda r: r.so_ky_hieu == "12-KH/HU"                                 # noqa: E731


def agency_page_of(record) -> str:
    pages = [(r.src_uri, (sample_docs() / r.src_uri).read_text(encoding="utf-8")) for r in records()]
    return build_archive(pages).agency_src[record.agency_key]


@pytest.mark.parametrize("seed, other", [(SEED_003, SEED_004), (SEED_004, SEED_003), (SEED_002, SEED_000)])
def test_agency_page_lists_its_documents(built_site, seed, other):
    doc, other_doc = find(seed), find(other)
    page = agency_page_of(doc)
    links = internal_links(built_site, url_dir(page))
    assert url_dir(doc.src_uri) in links and url_dir(other_doc.src_uri) not in links
    assert url_dir(page) in internal_links(built_site, url_dir(urls.AGENCY_INDEX))


def test_agency_index_groups_by_level(built_site):
    html = read(built_site, urls.AGENCY_INDEX)
    assert html.index("Trung ương") < html.index("Cấp tỉnh") < html.index("Cấp huyện")


@pytest.mark.parametrize("page, listed, not_listed", [
    (urls.month_page(2021, 4), [SEED_003], [SEED_000, SEED_004]),
    (urls.month_page(2021, 8), [SEED_000], [SEED_003]),
    (urls.month_page(2021, 7), [SEED_001, SEED_004], [SEED_003]),
    (urls.year_page(2021), [SEED_000, SEED_001, SEED_003, SEED_004], [SEED_002]),
    (urls.type_page("Công văn"), [SEED_000, SEED_003], [SEED_001, SEED_004]),
    (urls.type_page("Điện"), [SEED_001], [SEED_000]),
    (urls.type_page("Kết luận"), [SEED_004], [SEED_001]),
    (urls.type_page("Chỉ thị"), [SEED_002], [SEED_003]),
    (urls.missing_page("16-ct-ttg"),
     [SEED_001, SEED_004], [SEED_000, SEED_003]),
])
def test_index_pages_list_the_right_documents(built_site, page, listed, not_listed):
    links = internal_links(built_site, url_dir(page))
    for seed in listed:
        assert url_dir(find(seed).src_uri) in links, (page, find(seed).src_uri)
    for seed in not_listed:
        assert url_dir(find(seed).src_uri) not in links, (page, find(seed).src_uri)


def test_year_index_counts(built_site):
    html = read(built_site, urls.YEAR_INDEX)
    dated_2021 = sum(1 for r in records() if r.year == 2021 and r.date)
    assert f'href="2021/">2021</a></td>\n<td>{dated_2021}</td>' in html


def test_154_cv_tu_shows_citations_and_backlink(built_site):
    doc = find(SEED_003)
    html = read(built_site, doc.src_uri)
    relations = html[html.index('id="van-ban-dan-chieu"'):]
    for symbol in ("81/TB-VPCP", "21/NQ-CP"):
        line = relations[relations.index(symbol):].split("</li>")[0]
        assert "chưa có trong kho" in line
    assert url_dir(find(HAND_WRITTEN).src_uri) in internal_links(built_site, url_dir(doc.src_uri))
    assert "Được dẫn chiếu bởi" in html and 'class="kho-meta"' in html


def test_metadata_panel_on_every_document(built_site):
    for record in records():
        html = read(built_site, record.src_uri)
        assert html.index('class="kho-meta"') < html.index('id="van-ban-dan-chieu"')


def test_missing_index_most_cited_first(built_site):
    html = read(built_site, urls.MISSING_INDEX)
    assert html.index("16/CT-TTg") < html.index("81/TB-VPCP")


def test_documents_the_archive_holds_are_never_listed_as_missing(built_site):
    # Seed 003's own header line "Số 154 - CV/TU — Hà Nam, ngày …" is not a citation.
    html = read(built_site, urls.MISSING_INDEX)
    held = [r.so_ky_hieu for r in records() if r.so_ky_hieu]
    assert "154-CV/TU" in held
    assert not [symbol for symbol in held if symbol in html]


def test_review_page_lists_flagged_documents(built_site):
    links = internal_links(built_site, url_dir(urls.REVIEW))
    flagged = [r for r in records() if r.review_keys]
    assert flagged and all(url_dir(r.src_uri) in links for r in flagged)


def test_home_page_has_counts_and_entry_points(built_site):
    links = internal_links(built_site, "")
    assert {url_dir(u) for u in (urls.AGENCY_INDEX, urls.YEAR_INDEX, urls.TYPE_INDEX, urls.MISSING_INDEX)} <= links
    assert f"<strong>{len(records())}</strong> văn bản" in read(built_site, urls.HOME)


def test_no_google_fonts_or_cdn(built_site):
    html = read(built_site, urls.HOME)
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


XSS = "<img src=x onerror=alert(1)>"


def test_scraped_title_is_escaped(tmp_path):
    docs = copy_docs(tmp_path)
    # Every value that reaches a page, a title, the nav or a generated index (agency, missing-document pages).
    meta = {"title": XSS, "so_ky_hieu": "9-CV/TU", "loai_van_ban": "Công văn", "trich_yeu": XSS,
            "co_quan_ban_hanh": f"Tỉnh ủy {XSS} Hà Nam", "dia_danh": XSS, "ngay_ban_hanh": "2021-03-03",
            "nguoi_ky": "<script>alert(1)</script>", "chuc_vu": XSS, "kinh_gui": [XSS], "noi_nhan": [XSS],
            "van_ban_dan_chieu": [{"so_ky_hieu": "77/CT-TTg", "loai_van_ban": XSS, "ngay": "2021-01-02",
                                   "co_quan": XSS, "nguyen_van": "<script>alert(1)</script>"}],
            "ban_sao": {"hinh_thuc": XSS, "so_ky_hieu": XSS, "co_quan": XSS}, "so_den": {"so": XSS},
            "nguon": "javascript:alert(1)", "can_xac_minh": ["chuc_vu"]}
    (docs / "van-ban" / "2021" / "xss.md").write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nNội dung.\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    built = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in html for html in built)
    assert not any("<img src=x" in html or "<script>alert" in html or 'href="javascript' in html for html in built)
    assert "&lt;img src=x onerror=alert(1)&gt;" in (tmp_path / "site" / "chua-co" / "77-ct-ttg" / "index.html").read_text(
        encoding="utf-8")
    # feeds and open data carry the values as text too (issue 10)
    feed = (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in feed and "<img" not in feed
    record = json.loads((tmp_path / "site" / "du-lieu" / "van-ban" / "2021" / "xss.json").read_text(encoding="utf-8"))
    assert record["front_matter"]["title"] == XSS


def _digest(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_reproducible_build(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for site in (first, second):
        result = mkdocs_build(site)
        assert result.returncode == 0, result.stderr
    a, b = _digest(first), _digest(second)
    assert {"sitemap.xml.gz", "index.html", "pagefind/kho-search.json", "feed.xml", "co-quan/tinh-uy-ha-nam/feed.xml",
            "du-lieu/van-ban.json", "du-lieu/van-ban.csv", "du-lieu/trich-dan.csv"} <= a.keys() and a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_document_page_size_does_not_grow_with_archive(tmp_path):
    small_site = tmp_path / "small"
    assert mkdocs_build(small_site, docs_dir=sample_docs()).returncode == 0   # the same pages, without the 60
    docs = copy_docs(tmp_path)
    for i in range(60):
        meta = {"title": f"Công văn {i + 300}-CV/TU", "so_ky_hieu": f"{i + 300}-CV/TU", "loai_van_ban": "Công văn",
                "trich_yeu": "V/v thử", "co_quan_ban_hanh": f"Tỉnh ủy {['Hà Nam', 'Khánh Hòa', 'Bắc Ninh'][i % 3]}",
                "ngay_ban_hanh": f"2020-{i % 12 + 1:02d}-10"}
        (docs / "van-ban" / "2020").mkdir(exist_ok=True)
        (docs / "van-ban" / "2020" / f"cv-{i}.md").write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nNội dung.\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    src = find(SEED_003).src_uri
    small = (small_site / url_dir(src) / "index.html").stat().st_size
    large = (tmp_path / "site" / url_dir(src) / "index.html").stat().st_size
    assert large <= small * 1.01, (small, large)


def test_agency_index_by_register_group_and_province(built_site):
    html = read(built_site, urls.AGENCY_INDEX)
    html = html[html.index("<article"):]  # not the table of contents
    assert html.index("Trung ương") < html.index(">Đảng<") < html.index("Thường trực Ban Bí thư") < html.index("Cấp tỉnh")
    assert html.index("Cấp tỉnh") < html.index("Tỉnh Hà Nam") < html.index("Tỉnh ủy Hà Nam")
    assert "từ 1/7/2025 thuộc Tỉnh Ninh Bình" in html and "Chưa rõ cơ quan ban hành</a>" not in html
    assert url_dir(urls.province_page("ha-nam")) in internal_links(built_site, url_dir(urls.AGENCY_INDEX))


def test_province_pages_link_merged_provinces(built_site):
    ha_nam, ninh_binh = urls.province_page("ha-nam"), urls.province_page("ninh-binh")
    assert url_dir(ninh_binh) in internal_links(built_site, url_dir(ha_nam))
    assert url_dir(ha_nam) in internal_links(built_site, url_dir(ninh_binh))
    assert "sáp nhập vào" in read(built_site, ha_nam) and "Nghị quyết 202/2025/QH15" in read(built_site, ninh_binh)
    agency = agency_page_of(find(SEED_003))
    assert url_dir(agency) in internal_links(built_site, url_dir(ha_nam))
    assert "Trực thuộc: Ban Chấp hành Trung ương Đảng" in read(built_site, agency)
