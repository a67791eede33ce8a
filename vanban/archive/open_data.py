"""Open data for re-users: the whole archive as JSON and CSV, the citation edges, the schema,
and one JSON record per document (the page "Dữ liệu mở", docs/du-lieu/index.md, describes them).

    du-lieu/van-ban.json            every document's record (document_record), newest first
    du-lieu/van-ban.csv             one row per document (UTF-8 with BOM, so Excel reads Vietnamese)
    du-lieu/trich-dan.csv           one row per citation: from, to, symbol, wording, status
    du-lieu/schema.json             the front-matter JSON Schema (vanban.schema.json_schema)
    du-lieu/van-ban/<address>.json  one document's record (urls.record_json), linked from its page

Every file is written as it is produced, one document at a time: nothing but the
catalog the build already holds is kept in memory. Values that came from documents
stay data: JSON escapes them, and a CSV cell that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
A record's size does not grow with the archive: candidates and "cited by" are capped.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
from pathlib import Path

from ..schema import json_schema
from . import urls
from .indexes import newest_first
from .relations import MISSING, RESOLVED, Link

MAX_LISTED = 20   # "cited by" and ambiguous candidates listed in a record; the full graph is trich-dan.csv
LICENCE_NOTE = ("Dữ liệu do kho biên soạn chưa có giấy phép chính thức; xem tình trạng giấy phép ở trang "
                "Dữ liệu mở (du-lieu/). Khi dùng lại, xin ghi nguồn: Kho văn bản chỉ đạo.")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DOCUMENT_COLUMNS = ("url", "ban_ghi_json", "so_ky_hieu", "loai_van_ban", "trich_yeu", "co_quan_ban_hanh", "dia_danh",
                    "ngay_ban_hanh", "nguoi_ky", "chuc_vu", "kinh_gui", "noi_nhan", "nguon", "ngay_dang",
                    "can_xac_minh", "so_van_ban_dan_chieu", "so_lan_duoc_dan_chieu", "title")
CITATION_COLUMNS = ("tu_van_ban", "tu_so_ky_hieu", "den_van_ban", "so_ky_hieu", "nguyen_van", "trang_thai",
                    "trang_chua_co")


class Addresses:
    """Site paths as published: absolute with the site's address, else relative to the site root."""

    def __init__(self, site_url: str | None):
        self.base = site_url.rstrip("/") + "/" if site_url else ""

    def page(self, src_uri: str) -> str:
        return self.base + urls.site_url(src_uri)

    def file(self, site_path: str) -> str:
        return self.base + site_path


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _citation(link: Link, where: Addresses) -> dict:
    c = link.citation
    item = {"so_ky_hieu": c.so_ky_hieu, "loai_van_ban": c.loai_van_ban, "ngay": c.ngay.isoformat() if c.ngay else None,
            "co_quan": c.co_quan, "nguyen_van": c.text, "trang_thai": link.status}
    if link.status == RESOLVED:
        item["url"] = where.page(link.target.src_uri)
    elif link.candidates:
        item["ung_vien"] = [where.page(r.src_uri) for r in link.candidates[:MAX_LISTED]]
    elif link.missing:
        item["trang_chua_co"] = where.page(urls.missing_page(link.missing.slug))
    return item


def document_record(record, links: list[Link], cited_by: list, where: Addresses) -> dict:
    """One document: its address, its front matter as staff wrote it, its resolved citations."""
    newest = newest_first(cited_by)[:MAX_LISTED] if len(cited_by) > MAX_LISTED else newest_first(cited_by)
    return {
        "url": where.page(record.src_uri),
        "ban_ghi_json": where.file(urls.record_json(record.src_uri)),
        "tep_nguon": f"docs/{record.src_uri}",
        "front_matter": {str(k): _json_value(v) for k, v in record.meta.items()},
        "dan_chieu": [_citation(link, where) for link in links],
        "duoc_dan_chieu_boi": {"so_luong": len(cited_by), "van_ban": [where.page(r.src_uri) for r in newest]},
    }


def spreadsheet_safe(value) -> str:
    """A CSV cell that Excel, LibreOffice and Sheets show as text, never run as a formula."""
    if value is None:
        return ""
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _document_row(record, record_json: dict) -> list[str]:
    meta = record.meta
    values = {"url": record_json["url"], "ban_ghi_json": record_json["ban_ghi_json"],
              "so_ky_hieu": record.so_ky_hieu, "loai_van_ban": record.loai_van_ban, "co_quan_ban_hanh": record.co_quan,
              "ngay_ban_hanh": record.date.isoformat() if record.date else None,
              "so_van_ban_dan_chieu": len(record_json["dan_chieu"]),
              "so_lan_duoc_dan_chieu": record_json["duoc_dan_chieu_boi"]["so_luong"]}
    return [spreadsheet_safe(values[c] if c in values else _json_value(meta.get(c))) for c in DOCUMENT_COLUMNS]


def _citation_rows(record, record_json: dict):
    for item in record_json["dan_chieu"]:
        yield [spreadsheet_safe(v) for v in (record_json["url"], record.so_ky_hieu, item.get("url"), item["so_ky_hieu"],
                                             item["nguyen_van"], item["trang_thai"], item.get("trang_chua_co"))]


def licence_note(licence: dict | None) -> str:
    if not licence:
        return LICENCE_NOTE
    return f"Dữ liệu do kho biên soạn được cấp theo giấy phép {licence['ten']}" + (
        f" ({licence['url']})." if licence.get("url") else ".")


def write_open_data(site_dir: Path, archive, site_url: str | None, licence: dict | None = None) -> dict:
    """Write every open-data file under site_dir/du-lieu/; returns counts for the build log.
    licence: {"ten", "url"} the office chose (vanban.office.licence), None while it has not."""
    where = Addresses(site_url)
    out = Path(site_dir) / urls.DATA_DIR
    out.mkdir(parents=True, exist_ok=True)
    (out / "schema.json").write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    records = newest_first(archive.catalog.records)
    edges = 0
    with open(out / "van-ban.json", "w", encoding="utf-8") as dump, \
            open(out / "van-ban.csv", "w", encoding="utf-8-sig", newline="") as table, \
            open(out / "trich-dan.csv", "w", encoding="utf-8-sig", newline="") as citations:
        documents, edge_writer = csv.writer(table), csv.writer(citations)
        documents.writerow(DOCUMENT_COLUMNS)
        edge_writer.writerow(CITATION_COLUMNS)
        # The header object, left open ("}" dropped) for the list that follows.
        dump.write(json.dumps({"ten": "Kho văn bản chỉ đạo", "giay_phep": licence, "ghi_chu_giay_phep": licence_note(licence),
                               "luoc_do": where.file(urls.DATA_DIR + "schema.json"), "so_van_ban": len(records)},
                              ensure_ascii=False)[:-1] + ', "van_ban": [')
        for i, record in enumerate(records):
            item = document_record(record, archive.relations.outgoing.get(record.src_uri, []),
                                   archive.relations.incoming.get(record.src_uri, []), where)
            text = json.dumps(item, ensure_ascii=False)
            dump.write(("\n" if i == 0 else ",\n") + text)
            _write_record(os.path.join(site_dir, urls.record_json(record.src_uri)), text)
            documents.writerow(_document_row(record, item))
            for row in _citation_rows(record, item):
                edge_writer.writerow(row)
                edges += 1
        dump.write("\n]}\n")
    return {"documents": len(records), "citations": edges}


def _write_record(path: str, text: str) -> None:
    # os.path, not pathlib: pathlib interns every path part, which would keep N names alive.
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
