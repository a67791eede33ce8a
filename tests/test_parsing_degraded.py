"""Damaged OCR (vanban/parsing/degraded.py): only fields a closed list confirms, all flagged.

Every snippet is copied from a corpus document that OCR without the Vietnamese model
turned into "S~: 1S /2020/()1)-T'l'g"; the expected values were read off the originals.
"""
from __future__ import annotations

import pytest

from vanban.convert import convert_bytes
from vanban.parsing import degraded

# Header lines, as OCR'd (corpus doc-019, doc-085, doc-107, doc-017).
TLD = ["TONG LIEN DOAN LAO IX)NG C)NG HOAXAHQI CHt'J NGH?A VIF NAM",
       "VIET NAM Dc 1p - Ti do - H3nh phüc",
       "S: 2946/TLD-TC Ha Nôi, ngày 26 tháng 10 nám 2021",
       "V/v süa di di tirçing duçic lüi dóng",
       "KPCD"]
TTG = ["Tllt 0 l TU'<'~N(~ ClliNII PIii'/ C()N<; ll(>A XA IJ()l CH(J NGH1A Vf/;,T ,\"-'.AM",
       "U<)c lijp - Tlf do - H~nh phuc",
       "S~: 1S /2020/()1)-T'l'g",
       "I fa N(Ji, ngay 24 thang 4 nam 2020",
       "QUY(t r-OfNH"]
TTG_BODY = ["Thu tu6ng Chinh phu ban hanh Quyit atnh quy atnh vi vi¢c thl!c hi¢n",
            "1. Thai gian t~m hoan th\\l'c hi~n hqp d6ng lao d9ng, nghi vi~c khong",
            "0ieu 1 QuySt dinh nay; d@ nghi ta chuc cong doan ca s6 (neu c6) va ca quan",
            "a) Duqc huong chinh sach ho trq theo quy dinh tai QuySt dinh nay",
            "khoan 2 Bieu 1 Quy8t dinh nay thi tra lai"]
TCT = ["Ngay ..0 11.;1.w.",
       "BO TAJ xA",
       "TONG Cl)C Tfi.l:,��-=-------�tlqc lip - T\\f do - H�nh phuc",
       "S6: 5V9 ITCT-CS Ha N9;, ngay 0oLthang J nam 202 I",
       "V/v tang cucmg quan ly"]
LDLD_HCM = ["TONG LIENDOANLAODONG VI;ETNAM CONG HOA XA HOI CHU NGI-liA VIET NAM",
            "LIEN DOAN LAO BONG(cid:9) DOc 14p - Tu. do - 14nh phtic",
            "THANH PHO HO CHI MINH",
            "S6:31f Ii/LDLD-TC TP. Ha Chi Minh, ngay 26 thong cnarn 2021",
            "Ve viec thanh town tien lacing cho nhang"]


@pytest.mark.parametrize("header,symbol", [
    (TLD, "2946/TLĐ-TC"),  # TLĐ is a known code: D→Đ repaired (vanban/symbols.py)
    (TTG, None),          # "1S": a misread digit is never repaired
    (TCT, None),          # "5V9"
    (LDLD_HCM, None),     # "31f Ii"
])
def test_symbol_only_when_it_parses_whole(header, symbol):
    assert degraded.recover_symbol(header) == symbol


@pytest.mark.parametrize("header,date", [
    (TLD, "2021-10-26"),
    (TTG, "2020-04-24"),
    (TCT, None),          # "ngay 0oLthang J nam 202 I"; the received stamp "Ngay ..0 11" is no date either
    (LDLD_HCM, None),     # "thong cnarn": the month is illegible, so no date is guessed
])
def test_date_only_with_every_digit_legible(header, date):
    assert degraded.recover_date(header) == date


@pytest.mark.parametrize("lines,doc_type", [
    (TTG + TTG_BODY, "Quyết định"),   # "QuySt dinh nay": the document names itself
    (TLD, "Công văn"),                # a "V/v" subject
    (LDLD_HCM, "Công văn"),           # "Ve viec"
    (TTG[:4], None),                  # the heading "QUY(t r-OfNH" alone matches nothing
])
def test_type_from_self_reference_or_subject(lines, doc_type):
    assert degraded.recover_type(lines) == doc_type


@pytest.mark.parametrize("header,body,issuer", [
    (TLD, [], "Tổng Liên đoàn Lao động Việt Nam"),   # the code TLD in the number line
    (TCT, [], "Tổng cục Thuế"),                      # "ITCT-CS": the slash read as I
    (TTG, TTG_BODY, "Thủ tướng Chính phủ"),          # "Thu tu6ng Chinh phu ban hanh"
    (TTG, ["xa h(Ji; Thu tu6ng Chinh phu ban hanh Quyit atnh"], "Thủ tướng Chính phủ"),  # the body ends the phrase
    (TTG, [], None),                                 # the masthead is illegible
    # The first masthead line is the parent body (Tổng Liên đoàn); the issuer under it
    # (Liên đoàn Lao động Thành phố) is in no list, so nothing is published.
    (LDLD_HCM, [], None),
])
def test_issuer_only_from_known_bodies(header, body, issuer):
    assert degraded.recover_issuer(header, header + body) == issuer


def test_masthead_name_is_matched_on_its_outline():
    header = ["TONG LIEN DOAN LAO IX)NG C)NG HOAXAHQI CHt'J NGH?A VIF NAM", "VIET NAM Dc 1p - Ti do - H3nh phüc",
              "S: 2946/TC Ha Nôi, ngày 26 tháng 10 nám 2021"]
    assert degraded.recover_issuer(header, header) == "Tổng Liên đoàn Lao động Việt Nam"


def _convert(lines):
    return convert_bytes(("\n".join(lines) + "\n").encode("utf-8"), "scan.txt")


@pytest.mark.parametrize("lines,expected", [
    (TLD, {"so_ky_hieu": "2946/TLĐ-TC", "loai_van_ban": "Công văn", "ngay_ban_hanh": "2021-10-26",
           "co_quan_ban_hanh": "Tổng Liên đoàn Lao động Việt Nam"}),
    (TTG + TTG_BODY, {"so_ky_hieu": None, "loai_van_ban": "Quyết định", "ngay_ban_hanh": "2020-04-24",
                      "co_quan_ban_hanh": "Thủ tướng Chính phủ"}),
])
def test_published_with_every_field_flagged_and_a_note(lines, expected):
    result = _convert(lines * 6)   # long enough to be refused by the readers as text without tone marks
    assert result.status == "review", result.error
    meta = result.metadata
    assert {key: meta[key] for key in expected} == expected
    assert set(meta["can_xac_minh"]) >= {"so_ky_hieu", "loai_van_ban", "ngay_ban_hanh", "co_quan_ban_hanh",
                                         "trich_yeu", "nguoi_ky"}
    assert meta["trich_yeu"] is None and meta["nguoi_ky"] is None   # free text is never guessed
    assert '!!! warning "Bản OCR chất lượng thấp"' in result.markdown


def test_citations_keep_known_type_codes_only():
    lines = TTG + ["Can cu· Nghi quydt s6 42/NQ-CP ngay 09 thang 4 nam 2020 cua Chfnh plni.",
                   "Nghj dinh s6 126/2020/Nf)-CP va Thong tu s6 152/2015/TT-BTC", "Thong bao s 45511B-TLD"] + TTG_BODY
    cited = [c["so_ky_hieu"] for c in _convert(lines * 6).metadata["van_ban_dan_chieu"]]
    assert cited == ["42/NQ-CP", "152/2015/TT-BTC"]


@pytest.mark.parametrize("lines", [
    LDLD_HCM,                                                          # a type alone identifies nothing
    ["Cong hoa xa hoi chu nghia Viet Nam doc lap tu do hanh phuc"],   # nothing from any list
])
def test_refused_in_one_line_when_too_little_comes_back(lines):
    result = _convert(lines * 12)
    assert result.status == "error" and "\n" not in result.error and "không có dấu tiếng Việt" in result.error
