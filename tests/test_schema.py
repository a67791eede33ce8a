"""The front-matter schema: one validator for the converter, the hooks and check.py."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from vanban.schema import FIELDS, REQUIRED_KEYS, json_schema, validate

VALID = {
    "title": "Công văn 154-CV/TU về việc tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "so_ky_hieu": "154-CV/TU",
    "loai_van_ban": "Công văn",
    "trich_yeu": "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "co_quan_ban_hanh": "Tỉnh ủy Hà Nam",
    "ngay_ban_hanh": "2021-04-28",
    "van_ban_dan_chieu": [{"so_ky_hieu": "81/TB-VPCP", "ngay": "2021-04-26", "co_quan": "Văn phòng Chính phủ"}],
}


def errors(meta: dict) -> list[tuple[str, str]]:
    return [(p.key, p.fix) for p in validate(meta) if p.severity == "error"]


def test_a_complete_page_has_no_problem():
    assert validate(VALID) == []


@pytest.mark.parametrize("change, key, fix_contains", [
    ({"loai_van_ban": "Chi thi"}, "loai_van_ban", "'Chỉ thị'"),          # typed without diacritics
    ({"loai_van_ban": "Công văn hỏa tốc"}, "loai_van_ban", "chọn một trong"),
    ({"ngay_ban_hanh": "2021-02-30"}, "ngay_ban_hanh", "YYYY-MM-DD"),     # impossible date
    ({"ngay_ban_hanh": "28/4/2021"}, "ngay_ban_hanh", "YYYY-MM-DD"),      # not ISO
    ({"so_ky_hieu": "công văn một"}, "so_ky_hieu", "239-CV/HU"),
    ({"so_ky_hieu": "99-CV/TU<script>"}, "so_ky_hieu", "chỉ ghi '99-CV/TU'"),  # not silently cut
    ({"can_xac_minh": ["nguoiky"]}, "can_xac_minh", "nguoi_ky"),             # a misspelt key
    ({"kinh_gui": "Các huyện ủy"}, "kinh_gui", "- "),                      # a string, not a list
    ({"trich_yeu": None}, "trich_yeu", "can_xac_minh"),                    # null without a flag
    ({"van_ban_dan_chieu": [{"so_ky_hieu": "21/NQ-CP", "ngay": "2021-13-01"}]}, "van_ban_dan_chieu", "YYYY-MM-DD"),
    ({"nguon_ocr": "có"}, "nguon_ocr", "true"),                              # a flag, not a word
    ({"van_ban_dan_chieu": [{"loai_van_ban": "Chỉ thị", "ngay": "2020-03-31"}]}, "van_ban_dan_chieu", "so_ky_hieu: 16/CT-TTg"),
    ({"van_ban_dan_chieu": [{"so_ky_hieu": " ", "co_quan": "Thủ tướng"}]}, "van_ban_dan_chieu", "so_ky_hieu: 16/CT-TTg"),
    ({"noi_nhan": "Như trên"}, "noi_nhan", 'noi_nhan: ["Như trên"]'),
    ({"ngay_ban_hanh": "2099-04-28"}, "ngay_ban_hanh", "can_xac_minh"),                 # a typo in the year
    # status of legal force, its dates, relation types and the original file (issue 20)
    ({"tinh_trang_hieu_luc": "con hieu luc"}, "tinh_trang_hieu_luc", "'còn hiệu lực'"),
    ({"tinh_trang_hieu_luc": "đã hủy"}, "tinh_trang_hieu_luc", "chưa xác định"),
    ({"ngay_co_hieu_luc": "2021-05-01", "ngay_het_hieu_luc": "2021-04-30"}, "ngay_het_hieu_luc", "trước ngày có hiệu lực"),
    ({"ngay_het_hieu_luc": "2021-04-01"}, "ngay_het_hieu_luc", "trước khi được ban hành"),
    ({"ngay_co_hieu_luc": "2021-02-30"}, "ngay_co_hieu_luc", "YYYY-MM-DD"),
    ({"van_ban_dan_chieu": [{"so_ky_hieu": "81/TB-VPCP", "quan_he": "Thay thế"}]}, "van_ban_dan_chieu", "quan_he: thay_the"),
    ({"van_ban_dan_chieu": [{"so_ky_hieu": "81/TB-VPCP", "quan_he": "huy"}]}, "van_ban_dan_chieu", "can_cu, thuc_hien"),
    ({"van_ban_dan_chieu": [{"so_ky_hieu": "81/TB-VPCP", "mot_phan": "có"}]}, "van_ban_dan_chieu", "mot_phan: true"),
    ({"ban_goc": "../cong-van.pdf"}, "ban_goc", "cùng thư mục"),
    ({"ban_goc": "cong-van.html"}, "ban_goc", ".pdf"),
    ({"ban_goc": ["a.pdf", 3]}, "ban_goc", "ban_goc: cong-van-154-cv-tu.pdf"),
])
def test_bad_values_name_the_key_and_the_fix(change, key, fix_contains):
    found = errors({**VALID, **change})
    assert [k for k, _ in found] == [key]
    assert fix_contains in found[0][1]


@pytest.mark.parametrize("symbol", ["154-CV/TU", "Số 154 - CV/TU", "154-cv/tu", "30/2020/ND-CP", None])
def test_symbols_in_any_common_spelling_are_accepted(symbol):
    assert errors({**VALID, "so_ky_hieu": symbol}) == []


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_every_required_key_must_be_present(key):
    meta = {k: v for k, v in VALID.items() if k != key}
    assert [k for k, _ in errors(meta)] == [key]


def test_the_keys_of_legal_force_and_the_original_are_accepted():
    meta = {**VALID, "tinh_trang_hieu_luc": "Hết hiệu lực một phần", "ngay_co_hieu_luc": "2021-04-28",
            "ngay_het_hieu_luc": "2099-01-01", "ban_goc": ["cong-van-154-cv-tu.pdf", "ban-quet.tiff"],
            "van_ban_dan_chieu": [{"so_ky_hieu": "81/TB-VPCP", "quan_he": "thuc_hien", "mot_phan": False}]}
    assert validate(meta) == []


@pytest.mark.parametrize("change, today, key", [
    ({"ngay_co_hieu_luc": "2021-04-20"}, None, "ngay_co_hieu_luc"),    # before issue: retroactive force is rare
    ({"tinh_trang_hieu_luc": "còn hiệu lực", "ngay_het_hieu_luc": "2021-06-01"}, dt.date(2021, 7, 1), "tinh_trang_hieu_luc"),
    ({"tinh_trang_hieu_luc": "chưa có hiệu lực", "ngay_co_hieu_luc": "2021-06-01"}, dt.date(2021, 7, 1),
     "tinh_trang_hieu_luc"),
])
def test_a_status_its_own_dates_contradict_is_a_warning(change, today, key):
    problems = validate({**VALID, **change}, today=today)
    assert [(p.key, p.severity) for p in problems] == [(key, "warning")]


def test_a_future_date_is_judged_against_the_given_today():
    def error_keys(today):
        return [p.key for p in validate(VALID, today=today) if p.severity == "error"]
    assert error_keys(dt.date(2021, 4, 27)) == ["ngay_ban_hanh"]   # dated tomorrow
    assert error_keys(dt.date(2021, 4, 28)) == []                  # dated today


def test_a_flagged_future_date_is_a_review_warning():
    meta = {**VALID, "ngay_ban_hanh": "2099-04-28", "can_xac_minh": ["ngay_ban_hanh"]}
    assert [(p.key, p.severity) for p in validate(meta)] == [("ngay_ban_hanh", "warning")]


def test_null_with_a_review_flag_is_a_warning_not_an_error():
    meta = {**VALID, "co_quan_ban_hanh": None, "ngay_ban_hanh": None, "can_xac_minh": ["co_quan_ban_hanh"]}
    problems = validate(meta)
    assert [(p.key, p.severity) for p in problems] == [("co_quan_ban_hanh", "warning")]


def test_the_message_names_file_key_value_and_fix():
    problem = validate({**VALID, "ngay_ban_hanh": "2021-02-30"})[0]
    line = problem.format("docs/van-ban/2021/x.md")
    assert re.search(r"docs/van-ban/2021/x\.md: khóa 'ngay_ban_hanh' = '2021-02-30': .+ Cách sửa: .+", line)


def test_json_schema_carries_the_same_keys_and_types():
    schema = json_schema()
    assert schema["required"] == list(REQUIRED_KEYS)
    assert set(schema["properties"]) == {f.key for f in FIELDS}
    assert "Chỉ thị" in schema["properties"]["loai_van_ban"]["enum"]


def test_front_matter_contract_documents_every_key_with_its_label():
    contract = (Path(__file__).resolve().parent.parent / "docs-dev" / "front-matter.md").read_text(encoding="utf-8")
    for field in FIELDS:
        assert re.search(rf"^\| `{field.key}` \| {re.escape(field.label)} \|", contract, re.M), field.key
