"""vanban.archive.open_data: the JSON and CSV dumps, per-document records, formula guard and streaming."""
from __future__ import annotations

import csv
import json
import tracemalloc

import pytest

from _archive_pages import page
from vanban.archive.open_data import MAX_LISTED, spreadsheet_safe, write_open_data
from vanban.archive.site import build_archive
from vanban.schema import json_schema

CV154 = "van-ban/2021/cong-van-154-cv-tu.md"
# A staff page citing 154-CV/TU (resolved: same province) and 761-CV/TU (not held).
CITING = ("van-ban/2021/ke-hoach-12.md", page(
    "Thực hiện Công văn số 154-CV/TU, ngày 28/4/2021 của Ban Thường vụ Tỉnh ủy và Công văn số 761-CV/TU, "
    "ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy.", title="Kế hoạch 12-KH/HU", so_ky_hieu="12-KH/HU",
    loai_van_ban="Kế hoạch", co_quan_ban_hanh="Huyện ủy Kim Bảng", ngay_ban_hanh="2021-05-05"))


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\",\"bấm\")", "'=HYPERLINK(\"http://x\",\"bấm\")"),
    ("+84 123", "'+84 123"),
    ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    (" =1+1", "' =1+1"),                    # a spreadsheet may look past leading spaces
    ("\xa0=1+1", "'\xa0=1+1"),
    ("\n=1+1", "'\n=1+1"),
    ("\uff1dHYPERLINK(\"http://x\")", "'\uff1dHYPERLINK(\"http://x\")"),   # full-width "＝"
    ("\uff0b84", "'\uff0b84"),
    ("V/v tăng cường", "V/v tăng cường"),
    ("154-CV/TU", "154-CV/TU"),            # a dash inside is harmless
    (["Như trên", "=cmd"], "Như trên; =cmd"),   # only the start of a cell counts
    (None, ""),
    (3, "3"),
])
def test_spreadsheet_safe(value, cell):
    assert spreadsheet_safe(value) == cell


def written(tmp_path, pages, site_url=None):
    archive = build_archive(pages)
    counts = write_open_data(tmp_path, archive, site_url)
    return archive, counts, tmp_path / "du-lieu"


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")   # BOM: Excel reads the file as UTF-8
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_dump_records_csv_and_edges(tmp_path):
    _, counts, out = written(tmp_path, [(CV154, page()), CITING])
    dump = json.loads((out / "van-ban.json").read_text(encoding="utf-8"))
    assert dump["so_van_ban"] == 2 and dump["giay_phep"] is None and dump["luoc_do"] == "du-lieu/schema.json"
    first, second = dump["van_ban"]   # newest first
    assert first["url"] == "van-ban/2021/ke-hoach-12/" and second["url"] == "van-ban/2021/cong-van-154-cv-tu/"
    assert second["front_matter"]["so_ky_hieu"] == "154-CV/TU"
    assert second["duoc_dan_chieu_boi"] == {"so_luong": 1, "van_ban": ["van-ban/2021/ke-hoach-12/"],
                                            "theo_quan_he": {"thuc_hien": ["van-ban/2021/ke-hoach-12/"]}}
    statuses = {c["so_ky_hieu"]: (c["trang_thai"], c.get("url") or c.get("trang_chua_co")) for c in first["dan_chieu"]}
    assert statuses == {"154-CV/TU": ("resolved", "van-ban/2021/cong-van-154-cv-tu/"),
                        "761-CV/TU": ("missing", "chua-co/761-cv-tu-ha-nam/")}
    # each document's own record is the same object as its entry in the dump
    assert json.loads((tmp_path / first["ban_ghi_json"]).read_text(encoding="utf-8")) == first
    assert first["ban_ghi_json"] == "du-lieu/van-ban/2021/ke-hoach-12.json"
    rows = read_csv(out / "van-ban.csv")
    assert [r["so_ky_hieu"] for r in rows] == ["12-KH/HU", "154-CV/TU"]
    assert rows[1]["co_quan_ban_hanh"] == "Tỉnh ủy Hà Nam" and rows[1]["so_lan_duoc_dan_chieu"] == "1"
    edges = read_csv(out / "trich-dan.csv")
    assert [(e["tu_so_ky_hieu"], e["so_ky_hieu"], e["den_van_ban"], e["trang_thai"], e["quan_he"]) for e in edges] == [
        ("12-KH/HU", "154-CV/TU", "van-ban/2021/cong-van-154-cv-tu/", "resolved", "thuc_hien"),
        ("12-KH/HU", "761-CV/TU", "", "missing", "thuc_hien")]   # "Thực hiện … và Công văn số 761-CV/TU"
    assert edges[0]["nguyen_van"].startswith("Công văn số 154-CV/TU")   # the wording as written
    assert counts == {"documents": 2, "citations": 2}
    assert json.loads((out / "schema.json").read_text(encoding="utf-8")) == json_schema()


def test_values_from_documents_stay_data(tmp_path):
    hostile = '=HYPERLINK("http://evil","x")'
    _, _, out = written(tmp_path, [(CV154, page(trich_yeu=hostile, nguoi_ky="@SUM(1)", title="</script><b>x"))])
    row = read_csv(out / "van-ban.csv")[0]
    assert row["trich_yeu"] == "'" + hostile and row["nguoi_ky"] == "'@SUM(1)"
    record = json.loads((out / "van-ban" / "2021" / "cong-van-154-cv-tu.json").read_text(encoding="utf-8"))
    assert record["front_matter"]["trich_yeu"] == hostile and record["front_matter"]["title"] == "</script><b>x"


def test_absolute_addresses_with_the_site_url(tmp_path):
    _, _, out = written(tmp_path, [(CV154, page())], "https://kho.example/kho/")
    record = json.loads((out / "van-ban.json").read_text(encoding="utf-8"))["van_ban"][0]
    assert record["url"] == "https://kho.example/kho/van-ban/2021/cong-van-154-cv-tu/"
    assert record["ban_ghi_json"] == "https://kho.example/kho/du-lieu/van-ban/2021/cong-van-154-cv-tu.json"


def citing_pages(n):
    return [(CV154, page())] + [
        (f"van-ban/2021/kh-{i}.md", page("Thực hiện Công văn số 154-CV/TU, ngày 28/4/2021 của Ban Thường vụ Tỉnh ủy.",
                                         title=f"Kế hoạch {i}-KH/HU", so_ky_hieu=f"{i}-KH/HU", loai_van_ban="Kế hoạch",
                                         co_quan_ban_hanh="Huyện ủy Kim Bảng", ngay_ban_hanh="2021-05-05"))
        for i in range(1, n + 1)]


def test_a_record_does_not_grow_with_the_documents_citing_it(tmp_path):
    _, _, out = written(tmp_path, citing_pages(MAX_LISTED + 15))
    record = json.loads((out / "van-ban" / "2021" / "cong-van-154-cv-tu.json").read_text(encoding="utf-8"))
    assert record["duoc_dan_chieu_boi"]["so_luong"] == MAX_LISTED + 15
    assert len(record["duoc_dan_chieu_boi"]["van_ban"]) == MAX_LISTED
    assert len(read_csv(out / "trich-dan.csv")) == MAX_LISTED + 15   # the full graph is in the edges


def _peak_bytes(tmp_path, n) -> int:
    archive = build_archive(citing_pages(n))
    write_open_data(tmp_path / str(n), archive, None)   # fill the URL caches first: they belong to the catalog
    tracemalloc.start()
    try:
        write_open_data(tmp_path / str(n), archive, None)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_files_are_streamed_not_built_in_memory(tmp_path):
    """Writing 4x the documents must not take 4x the memory: one record at a time."""
    small, large = _peak_bytes(tmp_path, 150), _peak_bytes(tmp_path, 600)
    assert large < small * 1.5, (small, large)
