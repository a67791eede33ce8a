"""vanban.archive.structured_data: schema.org Legislation JSON-LD that no value can break out of."""
import json
import re

from _archive_pages import page
from vanban.archive.site import build_archive
from vanban.archive.structured_data import json_ld_script, legislation

CV154_TITLE = "Công văn 154-CV/TU về việc tiếp tục tăng cường công tác phòng, chống dịch Covid-19"
CV154 = ("van-ban/2021/154.md", page())   # the seed's front matter (Tỉnh ủy Hà Nam, 28/4/2021)
CITING = ("van-ban/2021/ke-hoach.md", page(
    "Thực hiện Công văn số 154-CV/TU, ngày 28/4/2021 của Ban Thường vụ Tỉnh ủy và Công văn số 9-CV/TU của Tỉnh ủy.",
    title="Kế hoạch 12-KH/HU", so_ky_hieu="12-KH/HU", loai_van_ban="Kế hoạch", co_quan_ban_hanh="Huyện ủy Kim Bảng",
    ngay_ban_hanh="2021-05-05"))


def _data(pages, src, site_url=None):
    archive = build_archive(pages)
    return legislation(archive.by_src[src], archive.relations.outgoing[src], site_url)


def test_fields_and_resolved_citations_only():
    data = _data([CV154, CITING], CITING[0])
    assert data["@type"] == "Legislation" and data["@context"] == "https://schema.org"
    assert (data["legislationIdentifier"], data["legislationDate"], data["legislationType"], data["inLanguage"]) == \
        ("12-KH/HU", "2021-05-05", "Kế hoạch", "vi")
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Huyện ủy Kim Bảng"}
    assert data["legislationJurisdiction"]["name"] == "Hà Nam"
    # 9-CV/TU is not held: only 154-CV/TU is named.
    assert data["citation"] == [{"@type": "Legislation", "legislationIdentifier": "154-CV/TU",
                                 "name": CV154_TITLE, "url": "../154/"}]
    assert "url" not in data



def test_absolute_addresses_with_a_site_url():
    data = _data([CV154, CITING], CITING[0], "https://kho.example.vn/kho-van-ban/")
    assert data["url"] == "https://kho.example.vn/kho-van-ban/van-ban/2021/ke-hoach/"
    assert data["citation"][0]["url"] == "https://kho.example.vn/kho-van-ban/van-ban/2021/154/"


def test_national_issuer_is_the_country_and_missing_values_are_left_out():
    data = _data([("van-ban/2021/dien.md", page(so_ky_hieu=None, co_quan_ban_hanh="Thủ tướng Chính phủ",
                                                 dia_danh=None, ngay_ban_hanh=None))], "van-ban/2021/dien.md")
    assert data["legislationJurisdiction"] == {"@type": "Country", "name": "Việt Nam"}
    assert "legislationIdentifier" not in data and "legislationDate" not in data and "citation" not in data


def test_no_value_can_close_the_script():
    evil = 'A </script><script>alert(1)</script> & <!-- b'
    archive = build_archive([("van-ban/2021/x.md", page(title=evil, trich_yeu=evil))])
    script = json_ld_script(archive.by_src["van-ban/2021/x.md"], [])
    inner = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', script, re.DOTALL).group(1)
    assert not re.search(r"[<>&]", inner)
    assert json.loads(inner)["name"] == evil
