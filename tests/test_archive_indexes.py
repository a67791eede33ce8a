"""vanban.archive.indexes and pages: agencies by level, years and months, types, review, missing."""
import pytest

from _archive_pages import page
from vanban.archive.catalog import build_catalog
from vanban.archive.indexes import agencies, review, types, undated, years
from vanban.archive.site import build_archive

PAGES = [
    ("van-ban/2021/kl-a.md", page(so_ky_hieu="41-KL/TU", loai_van_ban="Kết luận", co_quan_ban_hanh="Tỉnh ủy Khánh Hòa",
                                  dia_danh="Khánh Hòa", ngay_ban_hanh="2021-07-11")),
    ("van-ban/2021/kl-b.md", page(so_ky_hieu="117-TB/TU", loai_van_ban="Thông báo",
                                  co_quan_ban_hanh="Tỉnh uỷ Khánh Hoà", ngay_ban_hanh="2021-07-20")),
    ("van-ban/2021/154.md", page()),
    ("van-ban/2021/239.md", page(so_ky_hieu="239-CV/HU", co_quan_ban_hanh="Huyện ủy", ngay_ban_hanh="2021-08-25")),
    ("van-ban/2021/dien.md", page(so_ky_hieu=None, loai_van_ban="Điện", co_quan_ban_hanh="Thường trực Ban Bí thư",
                                  ngay_ban_hanh="2021-07-21", can_xac_minh=["so_ky_hieu", "ngay_ban_hanh"])),
    ("van-ban/khong-ro-nam/ct.md", page(so_ky_hieu=None, loai_van_ban="Chỉ thị", ngay_ban_hanh=None,
                                        co_quan_ban_hanh="Ban Thường vụ Tỉnh ủy Quảng Ngãi")),
]
RECORDS = build_catalog(PAGES).records


def test_agencies_merge_spellings_and_sort_newest_first():
    khanh_hoa = [a for a in agencies(RECORDS) if a.slug == "tinh-uy-khanh-hoa"]
    assert len(khanh_hoa) == 1
    assert [r.src_uri for r in khanh_hoa[0].records] == ["van-ban/2021/kl-b.md", "van-ban/2021/kl-a.md"]


@pytest.mark.parametrize("name, level", [
    ("Thường trực Ban Bí thư", "Trung ương"), ("Tỉnh ủy Hà Nam", "Cấp tỉnh"),
    ("Ban Thường vụ Tỉnh ủy Quảng Ngãi", "Cấp tỉnh"), ("Huyện ủy", "Cấp huyện"),
])
def test_agency_levels(name, level):
    assert {a.name: a.level for a in agencies(RECORDS)}[name] == level


def test_years_months_and_undated():
    tree = years(RECORDS)
    assert list(tree) == [2021] and list(tree[2021]) == [8, 7, 4]
    assert [r.src_uri for r in tree[2021][7]] == ["van-ban/2021/dien.md", "van-ban/2021/kl-b.md", "van-ban/2021/kl-a.md"]
    assert [r.src_uri for r in undated(RECORDS)] == ["van-ban/khong-ro-nam/ct.md"]


def test_types_and_review():
    assert {name: len(docs) for name, docs in types(RECORDS).items()} == \
        {"Chỉ thị": 1, "Công văn": 2, "Điện": 1, "Kết luận": 1, "Thông báo": 1}
    assert [r.src_uri for r in review(RECORDS)] == ["van-ban/2021/dien.md"]


@pytest.mark.parametrize("src, must_contain", [
    ("co-quan/index.md", ["## Cấp tỉnh", "[Tỉnh ủy Hà Nam](tinh-uy-ha-nam.md) (1)", "## Trung ương"]),
    ("co-quan/tinh-uy-khanh-hoa.md", ['<td class="kho-cot-so">117-TB/TU</td>\n<td class="kho-cot-loai">Thông báo</td>\n'
                                     '<td class="kho-cot-ngay">20/07/2021</td>\n<td class="kho-cot-trich-yeu">',
                                     'href="../../van-ban/2021/kl-b/"']),
    ("nam/index.md", ["| [2021](2021/index.md) | 5 |", "[Chưa rõ ngày](khong-ro-ngay.md) | 1 |"]),
    ("nam/2021/07.md", ["/kl-a/", "/kl-b/", "/dien/"]),
    ("loai/dien.md", ['href="../../van-ban/2021/dien/"']),
    ("can-xac-minh.md", ["<td>so_ky_hieu, ngay_ban_hanh</td>"]),
    ("index.md", ["**6** văn bản", "(co-quan/index.md)", 'href="van-ban/2021/239/"']),
    ("huong-dan/cac-khoa.md", ["| `so_ky_hieu` | Số, ký hiệu |", "`can_xac_minh`"]),
])
def test_generated_pages(src, must_contain):
    generated = build_archive(PAGES).generated_pages()
    for text in must_contain:
        assert text in generated[src], generated[src]


def test_month_page_excludes_other_months():
    assert "/154/" not in build_archive(PAGES).generated_pages()["nam/2021/07.md"]


# Spellings met in the corpus for bodies with a parent and children in the register.
TREE = [
    ("van-ban/2020/tct.md", page(so_ky_hieu="470/TCT-TTKT", co_quan_ban_hanh="Tổng cục Thuế", ngay_ban_hanh="2020-05-05")),
    ("van-ban/2021/btc.md", page(so_ky_hieu="17986/BTC-CT", co_quan_ban_hanh="Bộ Tài chính", ngay_ban_hanh="2021-05-05")),
    ("van-ban/2021/ct-hn.md", page(so_ky_hieu=None, co_quan_ban_hanh="Cục Thuế thành phố Hà Nội",
                                   ngay_ban_hanh="2021-07-26")),
    ("van-ban/2025/ub-1.md", page(so_ky_hieu="010/CT-UBND", co_quan_ban_hanh="UBND tỉnh Đắk Lắk", ngay_ban_hanh="2025-09-01")),
    ("van-ban/2025/ub-2.md", page(so_ky_hieu="012/CT-UBND", co_quan_ban_hanh="Uỷ ban nhân dân tỉnh Đắk Lắk",
                                  ngay_ban_hanh="2025-10-15")),
    ("van-ban/2025/ub-3.md", page(so_ky_hieu="0130/KH-UBND", co_quan_ban_hanh="Ủy ban nhân dân tỉnh Đắk Lắk",
                                  ngay_ban_hanh="2025-11-15")),
    ("van-ban/2025/x.md", page(so_ky_hieu="1/VSDT", co_quan_ban_hanh="Viện Vệ sinh dịch tễ Hải Đảo Xa",
                               ngay_ban_hanh="2025-11-15")),
    ("van-ban/2025/y.md", page(so_ky_hieu="2/KH", co_quan_ban_hanh=None, can_xac_minh=["co_quan_ban_hanh"],
                               ngay_ban_hanh="2025-11-16")),
]


def test_spellings_of_one_body_fall_on_one_page():
    found = {a.name: len(a.records) for a in agencies(build_catalog(TREE).records)}
    assert found["Ủy ban nhân dân tỉnh Đắk Lắk"] == 3 and "UBND tỉnh Đắk Lắk" not in found


def test_parents_children_and_review_list():
    listed = {a.name: a for a in agencies(build_catalog(TREE).records)}
    assert [c.name for c in listed["Bộ Tài chính"].children] == ["Tổng cục Thuế"]
    assert listed["Cục Thuế thành phố Hà Nội"].parent.name == "Tổng cục Thuế"
    assert listed["Viện Vệ sinh dịch tễ Hải Đảo Xa"].body is None
    assert "Chưa rõ cơ quan ban hành" not in listed
    pages = build_archive(TREE).generated_pages()
    index = pages["co-quan/index.md"]
    assert index.index("### Chính phủ và các bộ, ngành") < index.index("- [Bộ Tài chính]") \
        < index.index("    - [Tổng cục Thuế]") < index.index("## Cấp tỉnh") < index.index("### [Tỉnh Đắk Lắk]")
    assert index.index("## Chưa có trong danh mục") < index.index("[Viện Vệ sinh dịch tễ Hải Đảo Xa]")
    assert "1 văn bản chưa rõ cơ quan ban hành" in index
    assert "## Cơ quan trực thuộc\n\n- [Tổng cục Thuế](tong-cuc-thue.md) (1)" in pages["co-quan/bo-tai-chinh.md"]
    assert "Trực thuộc: [Tổng cục Thuế](tong-cuc-thue.md)." in pages["co-quan/cuc-thue-thanh-pho-ha-noi.md"]
    assert "Trực thuộc: Chính phủ." in pages["co-quan/bo-tai-chinh.md"]
    assert "chưa có trong danh mục" in pages["co-quan/vien-ve-sinh-dich-te-hai-dao-xa.md"]
    dak_lak = pages["co-quan/dia-phuong/dak-lak.md"]
    assert "[Ủy ban nhân dân tỉnh Đắk Lắk](../uy-ban-nhan-dan-tinh-dak-lak.md) (3)" in dak_lak
    assert "gồm cả [Tỉnh Phú Yên](phu-yen.md)" in dak_lak
    assert "sáp nhập vào [Tỉnh Đắk Lắk](dak-lak.md)" in pages["co-quan/dia-phuong/phu-yen.md"]


def test_a_district_body_is_listed_under_the_province_its_documents_name():
    found = {a.name: a for a in agencies(build_catalog([
        ("van-ban/2021/kh.md", page(so_ky_hieu="12-KH/HU", co_quan_ban_hanh="Huyện ủy Kim Bảng", dia_danh="Kim Bảng",
                                    trich_yeu="Kế hoạch", body="Huyện ủy Kim Bảng, tỉnh Hà Nam.")),
        ("van-ban/2021/kh2.md", page(so_ky_hieu="13-KH/HU", co_quan_ban_hanh="Huyện ủy Kim Bảng",
                                     dia_danh="Hà Nam")),
    ]).records)}
    kim_bang = found["Huyện ủy Kim Bảng"]
    assert (kim_bang.level, kim_bang.group, kim_bang.key) == ("Cấp huyện", "Tỉnh Hà Nam", "huyen-uy.kim-bang")


def test_no_agency_or_type_slug_takes_a_name_the_build_writes():
    """A body named "Index" once replaced the agency index (co-quan/index.md) and retitled its feed."""
    from vanban.archive.urls import type_page, unique_slugs
    assert unique_slugs({"a": "Index", "b": "INDEX", "c": "Địa phương", "d": "README", "e": "Feed"}) == {
        "a": "index-2", "b": "index-3", "c": "dia-phuong-2", "d": "readme-2", "e": "feed-2"}
    assert type_page("Index") == "loai/index-2.md" and type_page("Công văn") == "loai/cong-van.md"
