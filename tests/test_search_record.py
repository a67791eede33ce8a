"""vanban.search.record: what the index holds and shows for each document."""
import datetime as dt
import unicodedata

from vanban.search.facets import UNKNOWN_FORCE, UNKNOWN_ISSUER, UNKNOWN_TYPE, UNKNOWN_YEAR
from vanban.search.record import MISSING, MissingDoc, SearchDoc, build_records

META = {
    "title": "Công văn 154-CV/TU về việc tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn", "co_quan_ban_hanh": "Tỉnh uỷ Hà Nam",
    "ngay_ban_hanh": dt.date(2021, 4, 28), "nguoi_ky": "Đinh Thị Lụa",
}
BODY = "Đồng chí Đinh Văn Thiệu, Phó Chủ tịch UBND tỉnh, chỉ đạo; chỉ đạo kịp thời."
MISSING_16 = MissingDoc(url="chua-co/16-ct-ttg/", so_ky_hieu="16/CT-TTg", province=None, loai_van_ban="Chỉ thị",
                        co_quan="Thủ tướng Chính phủ", cited_by=3)


def doc(url: str, **changes) -> SearchDoc:
    return SearchDoc(url=url, meta=dict(META, **changes), text=BODY)


def test_records_run_newest_first_undated_last_ties_by_url_then_numbers_not_held():
    records = build_records([
        doc("van-ban/khong-ro-nam/b/", ngay_ban_hanh=None),
        MISSING_16,
        doc("van-ban/2021/c/", ngay_ban_hanh=dt.date(2021, 7, 25)),
        doc("van-ban/2019/a/", ngay_ban_hanh="2019-01-02"),
        doc("van-ban/2021/b/", ngay_ban_hanh=dt.date(2021, 7, 25)),
        doc("van-ban/khong-ro-nam/a/", ngay_ban_hanh=None),
    ])
    assert [r.url for r in records] == [
        "/van-ban/2021/b/", "/van-ban/2021/c/", "/van-ban/2019/a/",
        "/van-ban/khong-ro-nam/a/", "/van-ban/khong-ro-nam/b/", "/chua-co/16-ct-ttg/"]


def test_display_and_filters_of_seed_003():
    record, = build_records([doc("van-ban/2021/cong-van-154-cv-tu/")])
    assert record.display == {
        "title": META["title"], "so_ky_hieu": "154-CV/TU", "loai": "Công văn",
        "ngay": "2021-04-28", "co_quan": "Tỉnh ủy Hà Nam", "nguoi_ky": "Đinh Thị Lụa"}  # one tone placement
    assert record.facets == {"co_quan_ban_hanh": "Tỉnh ủy Hà Nam", "loai_van_ban": "Công văn", "nam": "2021",
                             "hieu_luc": "Chưa xác định"}
    assert record.excerpt == BODY


def test_the_status_filter_is_the_one_the_build_settled_on():
    stated, = build_records([doc("van-ban/x/", tinh_trang_hieu_luc="còn hiệu lực")])
    derived, = build_records([doc("van-ban/x/", tinh_trang_hieu_luc="còn hiệu lực", kho_hieu_luc="Hết hiệu lực")])
    assert stated.facets["hieu_luc"] == "Còn hiệu lực" and derived.facets["hieu_luc"] == "Hết hiệu lực"


def test_indexed_html_holds_each_body_word_once_then_each_field_at_its_weight():
    record, = build_records([doc("van-ban/2021/cong-van-154-cv-tu/")])
    body = record.html.split("<p>")[1].split("</p>")[0]
    assert body.split().count("chỉ") == 1 and body.split().count("đạo") == 1
    assert "dinh" in body.split() and "Thiệu" in body.split()  # đ folded, the name as written
    assert '<p data-pagefind-weight="10">so cong van 154 cv tu 154cvtu</p>' in record.html
    assert '<p data-pagefind-weight="9">dinh thi lua</p>' in record.html
    assert "2842021" in record.html.split('data-pagefind-weight="3">')[1]
    assert "data-pagefind-meta" not in record.html  # shown fields are added to the bundle, not indexed


def test_a_number_cited_but_not_held_is_found_by_its_number_type_and_issuer():
    record, = build_records([MISSING_16])
    assert record.kind == MISSING and record.facets == {} and record.excerpt == ""
    assert '<p data-pagefind-weight="10">so chi thi 16 ct ttg 16ctttg</p>' in record.html
    assert record.display == {"so_ky_hieu": "16/CT-TTg", "loai": "Chỉ thị", "co_quan": "Thủ tướng Chính phủ",
                              "dan_chieu": "3"}


def test_scraped_values_are_escaped_in_the_indexed_html():
    record, = build_records([doc("van-ban/x/", title='<img src=x onerror="alert(1)">',
                                 co_quan_ban_hanh="A & <b>B</b>")])
    assert "<img" not in record.html and "<b>" not in record.html
    assert record.display["title"] == '<img src=x onerror="alert(1)">'  # shown as text by search-page.js


def test_missing_values_get_named_filter_values():
    record, = build_records([doc("van-ban/x/", ngay_ban_hanh=None, co_quan_ban_hanh=None, loai_van_ban=None)])
    assert record.facets == {"nam": UNKNOWN_YEAR, "co_quan_ban_hanh": UNKNOWN_ISSUER, "loai_van_ban": UNKNOWN_TYPE,
                             "hieu_luc": UNKNOWN_FORCE}
    assert UNKNOWN_TYPE == "Chưa rõ loại"  # the type index's name for them
    assert "ngay" not in record.display and record.date == ""


def test_nfd_input_is_indexed_and_shown_nfc():
    nfd = SearchDoc(url="van-ban/x/", meta={k: unicodedata.normalize("NFD", v) if isinstance(v, str) else v
                                             for k, v in META.items()},
                    text=unicodedata.normalize("NFD", BODY))
    record, = build_records([nfd])
    for text in (record.html, record.excerpt, *record.display.values(), *record.facets.values()):
        assert text == unicodedata.normalize("NFC", text)
    assert record.display["co_quan"] == "Tỉnh ủy Hà Nam"


def test_the_issuer_filter_has_one_value_per_register_body():
    records = build_records([doc("van-ban/a/", co_quan_ban_hanh="UBND tỉnh Đắk Lắk"),
                             doc("van-ban/b/", co_quan_ban_hanh="Uỷ ban nhân dân tỉnh Đắk Lắk")])
    assert {r.facets["co_quan_ban_hanh"] for r in records} == {"Ủy ban nhân dân tỉnh Đắk Lắk"}
