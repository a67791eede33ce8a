"""vanban.archive.status: staff's status wins; otherwise it is derived from held documents, with its basis,
and never guessed "còn hiệu lực"."""
from __future__ import annotations

import datetime as dt

import pytest

from _archive_pages import page
from vanban.archive.site import build_archive
from vanban.archive.status import derive_statuses

TODAY = dt.date(2021, 10, 1)
CT15 = ("van-ban/2021/ct15.md", page("Chỉ thị này có hiệu lực kể từ ngày ký.", title="Chỉ thị 15-CT/TU",
                                     so_ky_hieu="15-CT/TU", loai_van_ban="Chỉ thị", ngay_ban_hanh="2021-03-01"))


def later(body: str, number: str = "19-CT/TU", date: str = "2021-07-01", **meta):
    return (f"van-ban/2021/{number[:2]}.md", page(body, title=f"Chỉ thị {number}", so_ky_hieu=number,
                                                  loai_van_ban="Chỉ thị", ngay_ban_hanh=date, **meta))


def statuses(*pages):
    archive = build_archive(list(pages))
    return archive, derive_statuses(archive.catalog.records, archive.relations, TODAY)


@pytest.mark.parametrize("body, status, basis", [
    ("Chỉ thị này thay thế Chỉ thị số 15-CT/TU, ngày 01/3/2021 của Ban Thường vụ Tỉnh ủy.", "hết hiệu lực",
     "theo Chỉ thị 19-CT/TU ngày 01/07/2021 (thay thế văn bản này)"),
    ("Bãi bỏ Chỉ thị số 15-CT/TU, ngày 01/3/2021 của Ban Thường vụ Tỉnh ủy.", "hết hiệu lực",
     "theo Chỉ thị 19-CT/TU ngày 01/07/2021 (bãi bỏ văn bản này)"),
    ("Chỉ thị này bãi bỏ mục 2 Chỉ thị số 15-CT/TU, ngày 01/3/2021 của Ban Thường vụ Tỉnh ủy.",
     "hết hiệu lực một phần", "theo Chỉ thị 19-CT/TU ngày 01/07/2021 (bãi bỏ một phần văn bản này)"),
    ("Thực hiện Chỉ thị số 15-CT/TU, ngày 01/3/2021 của Ban Thường vụ Tỉnh ủy.", "chưa xác định", ""),
    # an amendment changes the document, it does not end it
    ("Chỉ thị này sửa đổi, bổ sung mục 2 Chỉ thị số 15-CT/TU, ngày 01/3/2021 của Ban Thường vụ Tỉnh ủy.",
     "chưa xác định", ""),
])
def test_derived_from_a_held_later_document(body, status, basis):
    _, found = statuses(CT15, later(body))
    force = found[CT15[0]]
    assert (force.status.name, force.basis, force.stated) == (status, basis, False)
    assert force.since == dt.date(2021, 3, 1)   # "có hiệu lực kể từ ngày ký"
    assert force.since_from == "có hiệu lực kể từ ngày ký"


def test_the_end_date_is_the_start_of_the_replacing_document():
    _, found = statuses(CT15, later("Chỉ thị này thay thế Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy. "
                                    "Chỉ thị này có hiệu lực kể từ ngày 15/7/2021."))
    assert found[CT15[0]].until == dt.date(2021, 7, 15)
    assert found["van-ban/2021/19.md"].since == dt.date(2021, 7, 15)


def test_two_levels_each_page_its_own_basis():
    a = later("Chỉ thị này thay thế Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy.")
    b = later("Bãi bỏ Chỉ thị số 19-CT/TU của Ban Thường vụ Tỉnh ủy.", "25-CT/TU", "2021-09-01")
    _, found = statuses(CT15, a, b)
    assert found[CT15[0]].ending.record.so_ky_hieu == "19-CT/TU"
    assert found[a[0]].ending.record.so_ky_hieu == "25-CT/TU" and found[a[0]].status.name == "hết hiệu lực"
    assert found[b[0]].status.name == "chưa xác định"


def test_staff_wins_over_what_is_derived():
    stated = (CT15[0], page("", title="Chỉ thị 15-CT/TU", so_ky_hieu="15-CT/TU", loai_van_ban="Chỉ thị",
                            ngay_ban_hanh="2021-03-01", tinh_trang_hieu_luc="Còn hiệu lực", ngay_co_hieu_luc="2021-03-05"))
    _, found = statuses(stated, later("Chỉ thị này thay thế Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy."))
    force = found[CT15[0]]
    assert (force.status.name, force.stated, force.since) == ("còn hiệu lực", True, dt.date(2021, 3, 5))
    assert force.ending.record.so_ky_hieu == "19-CT/TU"   # still known, for the relations; not the status


def test_an_older_text_never_ends_a_newer_one():
    _, found = statuses(CT15, later("Chỉ thị này thay thế Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy.",
                                    date="2021-01-01"))
    assert found[CT15[0]].status.name == "chưa xác định"


def test_staff_quan_he_wins_over_the_body():
    said = later("Chỉ thị này thay thế Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy.",
                 van_ban_dan_chieu=[{"so_ky_hieu": "15-CT/TU", "quan_he": "dan_chieu"}])
    archive, found = statuses(CT15, said)
    assert found[CT15[0]].status.name == "chưa xác định"
    assert archive.relations.outgoing[said[0]][0].quan_he == "dan_chieu"
    unsaid = later("Chỉ thị này thay thế Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy.",
                   van_ban_dan_chieu=[{"so_ky_hieu": "15-CT/TU", "loai_van_ban": "Chỉ thị"}])
    _, found = statuses(CT15, unsaid)   # the front matter does not say: the body does
    assert found[CT15[0]].status.name == "hết hiệu lực"


@pytest.mark.parametrize("meta, body, status, basis", [
    ({"ngay_co_hieu_luc": "2021-12-01"}, "", "chưa có hiệu lực", "theo ngày có hiệu lực ghi trên trang (01/12/2021)"),
    ({}, "Chỉ thị này có hiệu lực từ ngày 01 tháng 12 năm 2021.", "chưa có hiệu lực",
     "theo văn bản: “có hiệu lực từ ngày 01 tháng 12 năm 2021”"),
    ({"ngay_het_hieu_luc": "2021-09-30"}, "", "hết hiệu lực", "theo ngày hết hiệu lực ghi trên trang (30/09/2021)"),
    ({"ngay_co_hieu_luc": "2021-03-01"}, "", "chưa xác định", ""),    # in force since? nothing says it still is
    ({}, "Luật này có hiệu lực từ ngày 01/12/2021.", "chưa xác định", ""),   # another document's date
])
def test_dates_on_the_page(meta, body, status, basis):
    _, found = statuses(later(body, **meta))
    force = found["van-ban/2021/19.md"]
    assert (force.status.name, force.basis) == (status, basis)
    assert force.known == (status != "chưa xác định")


def test_nothing_known_is_never_guessed_in_force():
    archive = build_archive([CT15])
    force = archive.statuses[CT15[0]]
    assert force.status.name == "chưa xác định" and force.status.legal_force is None
    assert "còn hiệu lực" not in force.text().lower()
