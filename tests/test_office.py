"""The office's identity (vanban/office.py): defaults say they must be filled in; one notice while they do."""
from __future__ import annotations

import pytest

from vanban import office

FILLED = {
    "co_quan_van_hanh": {"ten": "Văn phòng Tỉnh ủy Hà Nam", "co_quan_chu_quan": "Tỉnh ủy Hà Nam",
                         "dia_chi": "Số 1 đường Trần Phú, phường Phủ Lý, tỉnh Ninh Bình",
                         "dien_thoai": "0226 3852 701", "email": "vanphong@hanam.dcs.vn",
                         "logo": "assets/images/logo-tinh-uy.svg"},
    "giay_phep_du_lieu": {"ten": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.vi"},
    "lien_he_tiep_can": "Phòng Hành chính, vanphong@hanam.dcs.vn",
}


def test_the_defaults_say_they_must_be_filled_in():
    extra = office.with_defaults({})
    assert extra["co_quan_van_hanh"]["ten"] == "Chưa điền tên cơ quan vận hành kho"
    assert all(value.startswith("Chưa điền") for key, value in extra["co_quan_van_hanh"].items() if key != "logo")
    assert extra["co_quan_van_hanh"]["logo"] == office.DEFAULT_LOGO
    assert extra["lien_he_tiep_can"].startswith("Chưa điền") and office.licence(extra) is None
    line = office.notice(extra)
    assert "\n" not in line and "tên cơ quan vận hành kho" in line and "logo" in line and "mkdocs.yml" in line


def test_filled_in_values_are_kept_and_no_notice():
    assert office.with_defaults(FILLED) == {**FILLED, "giay_phep_du_lieu": FILLED["giay_phep_du_lieu"]}
    assert office.notice(FILLED) is None
    assert office.licence(FILLED) == {"ten": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.vi"}


@pytest.mark.parametrize("change,named", [
    ({"co_quan_van_hanh": {**FILLED["co_quan_van_hanh"], "email": ""}}, "thư điện tử"),
    ({"co_quan_van_hanh": {**FILLED["co_quan_van_hanh"], "dia_chi": "chưa điền địa chỉ"}}, "địa chỉ"),
    ({"co_quan_van_hanh": {**FILLED["co_quan_van_hanh"], "logo": office.DEFAULT_LOGO}}, "logo"),
    ({"giay_phep_du_lieu": None}, "giấy phép dữ liệu mở"),
    ({"lien_he_tiep_can": "Chua dien"}, "hỗ trợ tiếp cận"),   # typed without tones
])
def test_each_unfilled_value_is_named(change, named):
    extra = {**FILLED, **change}
    (unfilled,) = office.unfilled(extra)
    assert named in unfilled
    assert named in office.notice(extra)


@pytest.mark.parametrize("value", ["javascript:alert(1)", "https://tracker.example/logo.png", "//tracker.example/l.svg",
                                   "data:image/svg+xml,<svg onload=alert(1)>", "assets/../../etc/logo.png",
                                   "assets/images/logo.svg\" onerror=\"alert(1)", "logo.exe"])
def test_a_logo_that_is_not_an_image_of_the_site_is_the_default_and_named(value):
    extra = {**FILLED, "co_quan_van_hanh": {**FILLED["co_quan_van_hanh"], "logo": value}}
    assert office.with_defaults(extra)["co_quan_van_hanh"]["logo"] == office.DEFAULT_LOGO
    assert office.unfilled(extra) == ["logo"]


def test_a_logo_under_assets_is_kept_without_its_leading_slash():
    extra = {**FILLED, "co_quan_van_hanh": {**FILLED["co_quan_van_hanh"], "logo": "/assets/images/Logo_Tinh-uy.PNG"}}
    assert office.with_defaults(extra)["co_quan_van_hanh"]["logo"] == "assets/images/Logo_Tinh-uy.PNG"


@pytest.mark.parametrize("change, key", [
    ({"co_quan_van_hanh": "Văn phòng Tỉnh ủy"}, "extra.co_quan_van_hanh"),
    ({"co_quan_van_hanh": {**FILLED["co_quan_van_hanh"], "dien_thoai": 2263852701}}, "extra.co_quan_van_hanh.dien_thoai"),
    ({"giay_phep_du_lieu": ["CC BY 4.0"]}, "extra.giay_phep_du_lieu"),
    ({"giay_phep_du_lieu": {"ten": "CC BY 4.0", "url": "javascript:alert(1)"}}, "extra.giay_phep_du_lieu.url"),
    ({"giay_phep_du_lieu": {"ten": "CC BY 4.0", "url": "https://x.vn/\" onmouseover=\"a"}}, "extra.giay_phep_du_lieu.url"),
    ({"lien_he_tiep_can": True}, "extra.lien_he_tiep_can"),
])
def test_a_value_of_the_wrong_shape_is_an_error_and_the_placeholder_is_shown(change, key):
    extra = {**FILLED, **change}
    assert [p.key for p in office.problems(extra)] == [key]
    shown = office.with_defaults(extra)   # never a traceback, never the value
    assert shown["giay_phep_du_lieu"]["url"] in ("", FILLED["giay_phep_du_lieu"]["url"])
    assert all(isinstance(v, str) for v in shown["co_quan_van_hanh"].values())
    assert office.licence(extra) is None or office.licence(extra)["url"] in (None, FILLED["giay_phep_du_lieu"]["url"])


def test_a_filled_in_identity_has_no_problem():
    assert office.problems(FILLED) == [] and office.problems({}) == []
