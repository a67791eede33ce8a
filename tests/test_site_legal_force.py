"""Is it still in force? On the built sample archive (tests/fixtures/staff_pages): documents that replace,
repeal, amend, implement, guide and are based on each other, two levels deep.

    154-CV/TU (seed) <-căn cứ- 03-CT/TU <-thay thế- 04-CT/TU <-bãi bỏ- 50-QĐ/TU -sửa đổi-> 02-HD/TU
                                                      ^-thực hiện- 30-KH/HU <-bãi bỏ mục 3- 35-KH/HU
                                                      ^-hướng dẫn- 02-HD/TU

30-KH/HU's staff wrote "hết hiệu lực" (the plan's term ended): it wins over the derived "một phần".
04-CT/TU has its original PDF (made at test time, conftest.SAMPLE_ORIGINAL).
"""
from __future__ import annotations

import csv
import hashlib
import json
import re

from _site import read, url_dir
from conftest import SAMPLE_ORIGINAL, sample_docs
from test_site_structured_data import json_ld
from vanban.search.bundle import CODE_BASE

CT03 = "van-ban/2021/chi-thi-03-ct-tu-trang-mau.md"
CT04 = "van-ban/2021/chi-thi-04-ct-tu-trang-mau.md"
HD02 = "van-ban/2021/huong-dan-02-hd-tu-trang-mau.md"
KH30 = "van-ban/2021/ke-hoach-30-kh-hu-trang-mau.md"
KH35 = "van-ban/2021/ke-hoach-35-kh-hu-trang-mau.md"
QD50 = "van-ban/2021/quyet-dinh-50-qd-tu-trang-mau.md"
CV154 = "van-ban/2021/cong-van-154-cv-tu.md"


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def banner(html: str) -> str:
    found = re.search(r'<p class="kho-hieu-luc kho-hieu-luc--([a-z-]+)"[^>]*>(.*?)</p>', html, re.DOTALL)
    return f"{found[1]}: {plain(found[2])}"


def test_status_under_the_title_with_its_basis(built_site):
    assert banner(read(built_site, CT03)) == \
        "het-hieu-luc: Hết hiệu lực theo Chỉ thị 04-CT/TU ngày 01/08/2021 (thay thế văn bản này)"
    assert banner(read(built_site, CT04)) == \
        "het-hieu-luc: Hết hiệu lực theo Quyết định 50-QĐ/TU ngày 10/09/2021 (bãi bỏ văn bản này)"
    assert banner(read(built_site, KH30)) == "het-hieu-luc: Hết hiệu lực hết hiệu lực từ 31/12/2021"  # staff's
    assert banner(read(built_site, HD02)) == "chua-xac-dinh: Hiệu lực: chưa xác định"   # amended, not ended
    assert banner(read(built_site, QD50)) == "chua-xac-dinh: Hiệu lực: chưa xác định có hiệu lực từ 10/09/2021"
    html = read(built_site, CT03)
    assert html.index("</h1>") < html.index('class="kho-hieu-luc') < html.index('class="kho-meta"')
    assert 'href="../chi-thi-04-ct-tu-trang-mau/"' in html[html.index('class="kho-hieu-luc'):]


def test_the_panel_says_the_dates_and_where_they_come_from(built_site):
    panel = plain(read(built_site, CT04).split('class="kho-meta"', 1)[1].split("</dl>", 1)[0])
    assert "Tình trạng hiệu lực Hết hiệu lực theo Quyết định 50-QĐ/TU ngày 10/09/2021 (bãi bỏ văn bản này)" in panel
    assert "Ngày có hiệu lực 15/08/2021 (theo văn bản: “có hiệu lực kể từ ngày 15/8/2021”)" in panel
    assert "Ngày hết hiệu lực 10/09/2021" in panel   # the repealing decision takes effect on signing
    kh30 = plain(read(built_site, KH30).split('class="kho-meta"', 1)[1].split("</dl>", 1)[0])
    assert "Tình trạng hiệu lực Hết hiệu lực (văn thư ghi)" in kh30


def _sections(html: str, heading_id: str) -> dict[str, list[str]]:
    """h3 heading -> the link texts under it, in the section after <h2 id=heading_id>."""
    part = html.split(f'<h2 id="{heading_id}">', 1)[1].split("<h2", 1)[0]
    found = {}
    for title, body in re.findall(r"<h3[^>]*>(.*?)</h3>(.*?)</section>", part, re.DOTALL):
        found[plain(title)] = [plain(a) for a in re.findall(r"<a [^>]*>(.*?)</a>", body)]
    return found


def test_relations_grouped_by_type_both_ways(built_site):
    ct04 = read(built_site, CT04)
    assert _sections(ct04, "van-ban-dan-chieu") == {
        "Thay thế (1)": ["Chỉ thị 03-CT/TU ngày 1/6/2021 của Tỉnh ủy Hà Nam"],
        "Dẫn chiếu khác (1)": ["Quyết định 50-QĐ/TU ngày 10/9/2021 của Tỉnh ủy Hà Nam"]}
    incoming = _sections(ct04, "duoc-dan-chieu-boi")
    # (03-CT/TU's note names 04-CT/TU too: a plain mention)
    assert list(incoming) == ["Bị bãi bỏ bởi (1)", "Được hướng dẫn bởi (1)", "Được thực hiện bởi (1)",
                              "Dẫn chiếu khác (1)"]
    assert incoming["Bị bãi bỏ bởi (1)"] == ["Quyết định 50-QĐ/TU ngày 10/9/2021 của Tỉnh ủy Hà Nam"]
    assert list(_sections(read(built_site, CT03), "duoc-dan-chieu-boi")) == ["Bị thay thế bởi (1)"]
    assert list(_sections(read(built_site, CT03), "van-ban-dan-chieu")) == ["Văn bản căn cứ (1)", "Dẫn chiếu khác (1)"]
    assert list(_sections(read(built_site, CV154), "duoc-dan-chieu-boi")) == [
        "Được thực hiện bởi (1)", "Là căn cứ của (1)"]
    assert list(_sections(read(built_site, HD02), "duoc-dan-chieu-boi")) == ["Được sửa đổi, bổ sung bởi (1)"]
    kh30 = _sections(read(built_site, KH30), "duoc-dan-chieu-boi")
    assert list(kh30) == ["Bị bãi bỏ bởi (1)"]
    assert "một phần" in read(built_site, KH30).split('id="duoc-dan-chieu-boi"', 1)[1]


def _diagram_groups(html: str, side: str) -> list[str]:
    part = html.split(f'sddc-ben--{side}"', 1)[1].split("</section>", 1)[0]
    return [plain(name) for name in re.findall(r'<p class="sddc-nhom-ten">(.*?)</p>', part)]


def test_diagram_groups_the_same_way_above_and_below(built_site):
    html = read(built_site, CT04)
    figure = html.split('<figure class="so-do-dan-chieu"', 1)[1]
    assert figure.index("sddc-ben--dan-chieu") < figure.index("sddc-giua") < figure.index("sddc-ben--duoc-dan-chieu")
    assert _diagram_groups(html, "dan-chieu") == ["Thay thế (1)", "Dẫn chiếu khác (1)"]
    assert _diagram_groups(html, "duoc-dan-chieu") == ["Bị bãi bỏ bởi (1)", "Được hướng dẫn bởi (1)",
                                                       "Được thực hiện bởi (1)", "Được dẫn chiếu bởi (1)"]
    # two levels: 03-CT/TU (replaced) and under it what it is based on, the seed 154-CV/TU
    above = figure.split("sddc-ben--dan-chieu", 1)[1].split("sddc-giua", 1)[0]
    assert above.index("03-CT/TU") < above.index("154-CV/TU")


def test_json_ld_names_force_repeals_amends_and_bases(built_site):
    (ct03,) = json_ld(read(built_site, CT03))
    assert ct03["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert [d["legislationIdentifier"] for d in ct03["isBasedOn"]] == ["154-CV/TU"]
    (ct04,) = json_ld(read(built_site, CT04))
    assert [d["legislationIdentifier"] for d in ct04["legislationRepeals"]] == ["03-CT/TU"]
    (qd50,) = json_ld(read(built_site, QD50))
    assert [d["legislationIdentifier"] for d in qd50["legislationRepeals"]] == ["04-CT/TU"]
    assert [d["legislationIdentifier"] for d in qd50["legislationAmends"]] == ["02-HD/TU"]
    assert "legislationLegalForce" not in qd50          # unknown: never asserted
    (hd02,) = json_ld(read(built_site, HD02))
    assert [d["legislationIdentifier"] for d in hd02["isBasedOn"]] == ["04-CT/TU"]   # hướng dẫn thi hành


def test_the_original_is_published_with_its_size_and_sha256(built_site):
    source = (sample_docs() / "van-ban" / "2021" / SAMPLE_ORIGINAL).read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    html = read(built_site, CT04)
    link = re.search(r'<a class="kho-ban-goc__tai" href="([^"]+)" type="application/pdf"[^>]*>([^<]+)</a>', html)
    assert link[2] == f"Tải văn bản gốc (PDF, {round(len(source) / 1000)} KB)"
    published = built_site / url_dir(CT04) / link[1]
    assert published.read_bytes() == source and link[1] == "ban-goc.pdf"
    assert f"<code>{digest}</code>" in html
    assert not (built_site / "van-ban" / "2021" / SAMPLE_ORIGINAL).exists()   # only at its stable address
    (data,) = json_ld(html)
    assert data["encoding"] == [{"@type": "LegislationObject", "name": SAMPLE_ORIGINAL, "encodingFormat": "application/pdf",
                                 "contentUrl": "ban-goc.pdf", "contentSize": f"{len(source)} B", "sha256": digest}]


def test_open_data_has_the_status_relations_and_original(built_site):
    dump = {d["url"]: d for d in json.loads((built_site / "du-lieu" / "van-ban.json").read_text("utf-8"))["van_ban"]}
    ct03 = dump[url_dir(CT03)]
    assert {k: v for k, v in ct03.items() if "hieu_luc" in k} == {
        "tinh_trang_hieu_luc": "hết hiệu lực", "hieu_luc_van_thu_ghi": False,
        "hieu_luc_theo": "theo Chỉ thị 04-CT/TU ngày 01/08/2021 (thay thế văn bản này)",
        "hieu_luc_theo_van_ban": url_dir(CT04), "ngay_co_hieu_luc": "2021-06-01",
        "ngay_co_hieu_luc_theo": "có hiệu lực kể từ ngày ký", "ngay_het_hieu_luc": "2021-08-15"}
    assert dump[url_dir(KH30)]["hieu_luc_van_thu_ghi"] is True
    assert ct03["duoc_dan_chieu_boi"]["theo_quan_he"] == {"thay_the": [url_dir(CT04)]}
    assert [(c["so_ky_hieu"], c["quan_he"]) for c in ct03["dan_chieu"]] == [("04-CT/TU", "dan_chieu"),
                                                                          ("154-CV/TU", "can_cu")]
    ct04 = dump[url_dir(CT04)]
    assert ct04["ban_goc"][0]["url"] == url_dir(CT04) + "ban-goc.pdf" and len(ct04["ban_goc"][0]["sha256"]) == 64
    rows = {r["url"]: r for r in csv.DictReader(
        (built_site / "du-lieu" / "van-ban.csv").read_text("utf-8-sig").splitlines())}
    assert rows[url_dir(KH30)]["tinh_trang_hieu_luc"] == "hết hiệu lực"
    assert rows[url_dir(KH35)]["tinh_trang_hieu_luc"] == "chưa xác định"
    assert rows[url_dir(CT04)]["ban_goc_sha256"] == ct04["ban_goc"][0]["sha256"]
    edges = list(csv.DictReader((built_site / "du-lieu" / "trich-dan.csv").read_text("utf-8-sig").splitlines()))
    assert {(e["tu_so_ky_hieu"], e["so_ky_hieu"], e["quan_he"], e["mot_phan"]) for e in edges} >= {
        ("35-KH/HU", "30-KH/HU", "bai_bo", "có"), ("50-QĐ/TU", "04-CT/TU", "bai_bo", ""),
        ("50-QĐ/TU", "02-HD/TU", "sua_doi", "có"), ("02-HD/TU", "04-CT/TU", "huong_dan", "")}


def test_status_is_a_search_filter(built_site):
    facets = json.loads((built_site / "pagefind" / "kho-facets.json").read_text(encoding="utf-8"))
    field, = [f for f in facets["facets"] if f["name"] == "hieu_luc"]
    assert field["label"] == "Hiệu lực"
    assert set(field["values"]) == {"Chưa xác định", "Hết hiệu lực"}
    ended = chr(CODE_BASE + field["values"].index("Hết hiệu lực"))
    assert field["codes"].count(ended) == 3   # 03-CT/TU, 04-CT/TU, and 30-KH/HU as its staff wrote


def test_home_page_lists_the_latest_changes_of_status(built_site):
    html = read(built_site, "index.md")
    part = plain(html.split("Thay đổi hiệu lực mới nhất</h2>", 1)[1].split("</table>", 1)[0])
    assert part.index("Kế hoạch 30-KH/HU") < part.index("Chỉ thị 04-CT/TU") < part.index("Chỉ thị 03-CT/TU (trang mẫu")
    assert "bị bãi bỏ bởi 50-QĐ/TU" in part and "bị thay thế bởi 04-CT/TU" in part
