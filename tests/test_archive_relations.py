"""vanban.archive.relations: resolve citations by symbol, date and issuer context; backlinks in one pass."""
import datetime as dt

import pytest

from _archive_pages import page
from conftest import ROOT
from vanban.archive.catalog import body_mentions, build_catalog
from vanban.archive.relations import AMBIGUOUS, MISSING, RESOLVED, body_citations, build_relations, citations_of

# Two provinces each issued a 761-CV/TU on the same day.
CV761_HA_NAM = ("van-ban/2021/761-ha-nam.md", page(so_ky_hieu="761-CV/TU", ngay_ban_hanh="2021-08-25"))
CV761_KHANH_HOA = ("van-ban/2021/761-khanh-hoa.md", page(
    so_ky_hieu="761-CV/TU", ngay_ban_hanh="2021-08-25", co_quan_ban_hanh="Tỉnh ủy Khánh Hòa", dia_danh="Khánh Hòa"))
CITE_761 = "Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy về việc tăng cường."

# Every Ủy ban of a province numbers its own Quyết định: the tỉnh's and a huyện's 940/QĐ-UBND.
QD940 = dict(so_ky_hieu="940/QĐ-UBND", loai_van_ban="Quyết định", ngay_ban_hanh="2021-06-30", dia_danh="Quảng Ngãi")
QD940_TINH = ("van-ban/2021/940-tinh.md", page(**QD940, co_quan_ban_hanh="Ủy ban nhân dân tỉnh Quảng Ngãi"))
QD940_BINH_SON = ("van-ban/2021/940-binh-son.md", page(**QD940, co_quan_ban_hanh="Ủy ban nhân dân huyện Bình Sơn"))
CITE_940 = "thực hiện nghiêm Quyết định 940/QĐ-UBND ngày 30/6/2021 của Ủy ban nhân dân tỉnh về áp dụng biện pháp"
QUANG_NGAI = {"co_quan_ban_hanh": "Ban Thường vụ Tỉnh ủy Quảng Ngãi", "dia_danh": None, "body": CITE_940}


def citing(body: str, **meta) -> tuple[str, str]:
    defaults = dict(so_ky_hieu="239-CV/HU", co_quan_ban_hanh="Huyện ủy", dia_danh=None, ngay_ban_hanh="2021-08-26")
    return ("van-ban/2021/citing.md", page(body, **{**defaults, **meta}))


def links_of(pages):
    relations = build_relations(build_catalog(pages).records)
    return relations, relations.outgoing["van-ban/2021/citing.md"]


@pytest.mark.parametrize("archive, citing_meta, status, target", [
    # Huyện ủy of an unknown province: either 761-CV/TU could be meant.
    ([CV761_HA_NAM, CV761_KHANH_HOA], {}, AMBIGUOUS, None),
    # Even one candidate is not enough without issuer context: never link the wrong province.
    ([CV761_HA_NAM], {}, AMBIGUOUS, None),
    # The citing Huyện ủy is in Hà Nam: "Tỉnh ủy" means Tỉnh ủy Hà Nam.
    ([CV761_HA_NAM, CV761_KHANH_HOA], {"co_quan_ban_hanh": "Huyện ủy Kim Bảng", "dia_danh": "Hà Nam"},
     RESOLVED, "van-ban/2021/761-ha-nam.md"),
    ([CV761_HA_NAM, CV761_KHANH_HOA], {"dia_danh": "Khánh Hoà"}, RESOLVED, "van-ban/2021/761-khanh-hoa.md"),
    # Quảng Ngãi's 761-CV/TU is not in the archive.
    ([CV761_HA_NAM, CV761_KHANH_HOA], {"dia_danh": "Quảng Ngãi"}, MISSING, None),
    # Same symbol, day and province, but a huyện's Ủy ban: not the "Ủy ban nhân dân tỉnh" the text cites.
    ([QD940_BINH_SON], QUANG_NGAI, MISSING, None),
    ([QD940_BINH_SON, QD940_TINH], QUANG_NGAI, RESOLVED, "van-ban/2021/940-tinh.md"),
])
def test_local_symbol_needs_issuer_context(archive, citing_meta, status, target):
    meta = dict(citing_meta)
    _, links = links_of(archive + [citing(meta.pop("body", CITE_761), **meta)])
    assert [link.status for link in links] == [status]
    assert (links[0].target.src_uri if links[0].target else None) == target


@pytest.mark.parametrize("cited_meta, citation, status", [
    ({"so_ky_hieu": "16/CT-TTg", "ngay_ban_hanh": "2020-03-31", "co_quan_ban_hanh": "Thủ tướng Chính phủ"},
     "theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ", RESOLVED),
    ({"so_ky_hieu": "16/CT-TTg", "ngay_ban_hanh": "2020-03-31", "co_quan_ban_hanh": "Thủ tướng Chính phủ"},
     "theo Chỉ thị số 16/CT-TTg ngày 12/5/2022 của Thủ tướng Chính phủ", MISSING),   # another year's 16/CT-TTg
    ({"so_ky_hieu": "154-CV/TU"}, "Công văn số 154 - CV/TU, ngày 28/4/2021 của Tỉnh ủy Hà Nam", RESOLVED),
    ({"so_ky_hieu": "154-CV/TU"}, "Công văn số 154-CV/TU, ngày 29/4/2021 của Tỉnh ủy Hà Nam", MISSING),
])
def test_date_and_year_must_fit(cited_meta, citation, status):
    _, links = links_of([("van-ban/2021/cited.md", page(**cited_meta)), citing(citation)])
    assert [link.status for link in links] == [status]


@pytest.mark.parametrize("text, expected", [
    (CITE_761, ("761-CV/TU", "Công văn", dt.date(2021, 8, 25), "Ban Thường vụ Tỉnh ủy")),
    ("đặc biệt là Kết luận số 07-KL/TW, ngày\n11/6/2021 của Bộ Chính trị về một số nhiệm vụ",
     ("07-KL/TW", "Kết luận", dt.date(2021, 6, 11), "Bộ Chính trị")),
    ("theo Chỉ thị số 16/CT-TTg của Thủ trướng Chính phủ....", ("16/CT-TTg", "Chỉ thị", None, "Thủ trướng Chính phủ")),
    ("Công văn số 6880/UBND-KGVX ngày 23/7/2021", ("6880/UBND-KGVX", "Công văn", dt.date(2021, 7, 23), None)),
    ("thực hiện giãn cách theo Chỉ thị số 16 của Thủ tướng Chính phủ.",
     ("16/CT-TTg", "Chỉ thị", None, "Thủ tướng Chính phủ")),
])
def test_body_citations_take_date_and_issuer(text, expected):
    found = body_citations(body_mentions(text))[0]
    assert (found.so_ky_hieu, found.loai_van_ban, found.ngay, found.co_quan) == expected


def test_own_and_copy_numbers_are_not_citations():
    record = build_catalog([("van-ban/2021/x.md", page(
        "Công văn số 154-CV/TU. Số 215 -BS/ĐUK. Sao y bản chính. Thực hiện Nghị quyết số 21/NQ-CP",
        ban_sao={"hinh_thuc": "Sao y bản chính", "so_ky_hieu": "215-BS/ĐUK"}))]).records[0]
    assert [c.so_ky_hieu for c in citations_of(record)] == ["21/NQ-CP"]


def test_front_matter_and_body_citations_merge():
    record = build_catalog([("van-ban/2021/x.md", page(
        "Thực hiện Chỉ thị số 16 của Thủ tướng Chính phủ và Chỉ thị số 16/CT-TTg, Kết luận số 41-KL/TU",
        van_ban_dan_chieu=[{"so_ky_hieu": "16/CT-TTg", "loai_van_ban": "Chỉ thị", "co_quan": "Thủ tướng Chính phủ"}]))
    ]).records[0]
    assert [c.so_ky_hieu for c in citations_of(record)] == ["16/CT-TTg", "41-KL/TU"]


def test_backlinks_and_missing_documents_in_one_pass():
    cited = ("van-ban/2021/154.md", page())
    a = ("van-ban/2021/a.md", page("Thực hiện Công văn số 154-CV/TU ngày 28/4/2021 của Ban Thường vụ Tỉnh ủy; "
                                   "Chỉ thị số 16/CT-TTg", so_ky_hieu="12-KH/HU", co_quan_ban_hanh="Huyện ủy Kim Bảng"))
    b = ("van-ban/2021/b.md", page("giãn cách theo Chỉ thị số 16/CT-TTg", so_ky_hieu=None,
                                   co_quan_ban_hanh="Thường trực Tỉnh ủy Khánh Hòa", dia_danh="Khánh Hòa"))
    relations = build_relations(build_catalog([cited, a, b]).records)
    assert [r.src_uri for r in relations.incoming["van-ban/2021/154.md"]] == ["van-ban/2021/a.md"]
    top = relations.missing[0]
    assert (top.citation.so_ky_hieu, top.slug, [r.src_uri for r in top.cited_by]) == \
        ("16/CT-TTg", "16-ct-ttg", ["van-ban/2021/a.md", "van-ban/2021/b.md"])


# From a real Cục Thuế letter: the city's Chỉ thị, cited with the city named; a district of the same city
# numbers its own 17/CT-UBND. The register knows "Ủy ban nhân dân Thành phố Hà Nội" is provincial.
CT17 = dict(so_ky_hieu="17/CT-UBND", loai_van_ban="Chỉ thị", ngay_ban_hanh="2021-07-23", dia_danh="Hà Nội")
CITE_17 = "Thực hiện theo Chỉ thị số 17/CT-UBND ngày 23/7/2021 của Ủy ban nhân dân Thành phố Hà Nội về việc thực hiện"


@pytest.mark.parametrize("held, status", [
    ([("van-ban/2021/17-quan.md", page(**CT17, co_quan_ban_hanh="Ủy ban nhân dân quận Hoàn Kiếm"))], MISSING),
    ([("van-ban/2021/17-quan.md", page(**CT17, co_quan_ban_hanh="Ủy ban nhân dân quận Hoàn Kiếm")),
      ("van-ban/2021/17-tp.md", page(**CT17, co_quan_ban_hanh="UBND thành phố Hà Nội"))], RESOLVED),
])
def test_the_cited_issuers_level_and_province_come_from_the_register(held, status):
    _, links = links_of(held + [citing(CITE_17, co_quan_ban_hanh="Cục Thuế thành phố Hồ Chí Minh",
                                       so_ky_hieu="6770/CTTPHCM-KK")])
    assert [link.status for link in links] == [status]


# Citations as district and provincial letters write them: no place, the reader knows it.
SEED_PAGES = ("van-ban/2021/cong-van-154-cv-tu.md", "van-ban/2021/ket-luan-thuong-truc-tinh-uy-khanh-hoa-2021-07-25.md",
              "van-ban/2021/dien-thuong-truc-ban-bi-thu-2021-07-21.md")
KIM_BANG = dict(co_quan_ban_hanh="Huyện ủy Kim Bảng", dia_danh="Kim Bảng", ngay_ban_hanh="2021-08-26")
OTHERS = [   # what else the archive holds: the cited documents, and the same numbers elsewhere
    ("van-ban/2021/154-khanh-hoa.md", page(co_quan_ban_hanh="Tỉnh ủy Khánh Hòa", dia_danh="Khánh Hòa")),
    ("van-ban/2021/07-kl-tw.md", page(so_ky_hieu="07-KL/TW", loai_van_ban="Kết luận", ngay_ban_hanh="2021-06-11",
                                      co_quan_ban_hanh="Bộ Chính trị", dia_danh="Hà Nội")),
    ("van-ban/2021/239-kim-bang.md", page(so_ky_hieu="239-CV/HU", **{**KIM_BANG, "ngay_ban_hanh": "2021-08-25"})),
    ("van-ban/2021/239-ly-nhan.md", page(so_ky_hieu="239-CV/HU", ngay_ban_hanh="2021-08-25",
                                         co_quan_ban_hanh="Huyện ủy Lý Nhân", dia_danh="Lý Nhân")),
    ("van-ban/2021/6880-khanh-hoa.md", page(so_ky_hieu="6880/UBND-KGVX", ngay_ban_hanh="2021-07-23",
                                            co_quan_ban_hanh="Ủy ban nhân dân tỉnh Khánh Hòa", dia_danh="Khánh Hòa")),
    ("van-ban/2021/6880-ha-nam.md", page(so_ky_hieu="6880/UBND-KGVX", ngay_ban_hanh="2021-07-23",
                                         co_quan_ban_hanh="Ủy ban nhân dân tỉnh Hà Nam")),
]


@pytest.mark.parametrize("citing_page, wording, target", [
    # The case: a Huyện ủy of Hà Nam cites the Tỉnh ủy's letter (seed 003) without naming the province.
    (("van-ban/2021/citing.md", page("Thực hiện Công văn số 154-CV/TU, ngày 28/4/2021 của Ban Thường vụ Tỉnh ủy.",
                                     so_ky_hieu="240-CV/HU", **KIM_BANG)),
     "154-CV/TU", "van-ban/2021/cong-van-154-cv-tu.md"),
    # A central document, cited from a district: found whatever the place.
    (("van-ban/2021/citing.md", page("Thực hiện Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị.",
                                     so_ky_hieu="240-CV/HU", **KIM_BANG)),
     "07-KL/TW", "van-ban/2021/07-kl-tw.md"),
    # "của Huyện ủy" in a letter of Kim Bảng's Ủy ban: Huyện ủy Kim Bảng, not Lý Nhân's 239-CV/HU of that day.
    (("van-ban/2021/citing.md", page("Thực hiện Công văn số 239-CV/HU, ngày 25/8/2021 của Huyện ủy.",
                                     so_ky_hieu="1500/UBND-VP", co_quan_ban_hanh="Ủy ban nhân dân huyện Kim Bảng",
                                     dia_danh="Kim Bảng", ngay_ban_hanh="2021-08-27")),
     "239-CV/HU", "van-ban/2021/239-kim-bang.md"),
    # The province's own letter (seed 004, Khánh Hòa) citing "của UBND tỉnh".
    (None, "6880/UBND-KGVX", "van-ban/2021/6880-khanh-hoa.md"),
    # Seed 001 (Thường trực Ban Bí thư) citing the Bộ Chính trị.
    (None, "07-KL/TW", "van-ban/2021/07-kl-tw.md"),
])
def test_citations_without_a_place_resolve_as_staff_write_them(citing_page, wording, target):
    seeds = [(src, (ROOT / "docs" / src).read_text(encoding="utf-8")) for src in SEED_PAGES]
    relations = build_relations(build_catalog(seeds + OTHERS + ([citing_page] if citing_page else [])).records)
    source = citing_page[0] if citing_page else next(
        src for src in SEED_PAGES if any(l.citation.so_ky_hieu == wording for l in relations.outgoing[src]))
    link = next(l for l in relations.outgoing[source] if l.citation.so_ky_hieu == wording)
    assert (link.status, link.target and link.target.src_uri) == (RESOLVED, target)


def test_a_district_letter_knows_its_province_and_district():
    record = build_catalog([("van-ban/2021/x.md", page(**KIM_BANG, so_ky_hieu="240-CV/HU"))]).records[0]
    assert (record.province, record.district.ten) == ("Hà Nam", "Kim Bảng")
    # A provincial body is not the city of its name.
    record = build_catalog([("van-ban/2021/x.md", page(co_quan_ban_hanh="Tỉnh ủy Lai Châu", dia_danh=None))]).records[0]
    assert (record.province, record.district) == ("Lai Châu", None)
