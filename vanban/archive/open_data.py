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
(starting with = + - @ or their full-width forms, or with any space, tab or line break,
behind which a spreadsheet may still find a formula) gets a leading apostrophe.
A record's size does not grow with the archive: candidates and "cited by" are capped.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import unicodedata
from pathlib import Path

from ..relation_types import DEFAULT
from ..schema import FIELD_BY_KEY, json_schema
from . import urls
from .indexes import newest_first
from .originals import Original
from .relations import RESOLVED, Link, Relations
from .status import ForceStatus

MAX_LISTED = 20   # "cited by" and ambiguous candidates listed in a record; the full graph is trich-dan.csv
LICENCE_NOTE = ("Dữ liệu do kho biên soạn chưa có giấy phép chính thức; xem tình trạng giấy phép ở trang "
                "Dữ liệu mở (du-lieu/). Khi dùng lại, xin ghi nguồn: Kho văn bản chỉ đạo.")
_FORMULA_START = ("=", "+", "-", "@")   # also their full-width forms (NFKC): "＝" is "=" to a spreadsheet
DOCUMENT_COLUMNS = ("url", "ban_ghi_json", "so_ky_hieu", "loai_van_ban", "trich_yeu", "co_quan_ban_hanh", "dia_danh",
                    "ngay_ban_hanh", "nguoi_ky", "chuc_vu", "kinh_gui", "noi_nhan", "nguon", "ngay_dang",
                    "can_xac_minh", "so_van_ban_dan_chieu", "so_lan_duoc_dan_chieu", "title",
                    "tinh_trang_hieu_luc", "hieu_luc_theo", "ngay_co_hieu_luc", "ngay_het_hieu_luc",
                    "ban_goc", "ban_goc_kich_thuoc", "ban_goc_sha256")
CITATION_COLUMNS = ("tu_van_ban", "tu_so_ky_hieu", "den_van_ban", "so_ky_hieu", "nguyen_van", "trang_thai",
                    "trang_chua_co", "quan_he", "mot_phan")


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
            "co_quan": c.co_quan, "nguyen_van": c.text, "trang_thai": link.status, "quan_he": link.quan_he,
            "mot_phan": c.mot_phan}
    if link.status == RESOLVED:
        item["url"] = where.page(link.target.src_uri)
    elif link.candidates:
        item["ung_vien"] = [where.page(r.src_uri) for r in link.candidates[:MAX_LISTED]]
    elif link.missing:
        item["trang_chua_co"] = where.page(urls.missing_page(link.missing.slug))
    return item


def _force(force: ForceStatus, where: Addresses) -> dict:
    """The status of legal force the build settled on and what it rests on, under the names of the
    CSV columns (one flat record: the same field in JSON and CSV)."""
    return {"tinh_trang_hieu_luc": force.status.name, "hieu_luc_van_thu_ghi": force.stated,
            "hieu_luc_theo": force.basis or None,
            "hieu_luc_theo_van_ban": where.page(force.ending.record.src_uri) if force.ending else None,
            "ngay_co_hieu_luc": force.since.isoformat() if force.since else None,
            "ngay_co_hieu_luc_theo": force.since_from,
            "ngay_het_hieu_luc": force.until.isoformat() if force.until else None}


def _original(original: Original, where: Addresses) -> dict:
    return {"url": where.file(original.address), "ten_tep": original.name, "dinh_dang": original.media_type,
            "kich_thuoc": original.size, "sha256": original.sha256}


def _typed_incoming(record, newest_citing: list, relations: Relations | None, where: Addresses) -> dict:
    """relation key -> the (newest MAX_LISTED) documents that cite this one that way, for all but dan_chieu.
    newest_citing: the citing documents, newest first."""
    if relations is None:
        return {}
    found: dict[str, list] = {}
    for other in newest_citing:
        kind = relations.relation(record.src_uri, other.src_uri)
        if kind != DEFAULT and len(found.setdefault(kind, [])) < MAX_LISTED:
            found[kind].append(where.page(other.src_uri))
    return found


def document_record(record, links: list[Link], cited_by: list, where: Addresses, force: ForceStatus | None = None,
                    originals: list[Original] = (), relations: Relations | None = None) -> dict:
    """One document: its address, its front matter as staff wrote it, its resolved citations, its
    status of legal force and original files."""
    ordered = newest_first(cited_by)
    item = {
        "url": where.page(record.src_uri),
        "ban_ghi_json": where.file(urls.record_json(record.src_uri)),
        "tep_nguon": f"docs/{record.src_uri}",
        # The schema's keys: a key outside it is a warning, ignored everywhere (vanban.schema.unknown_key).
        "front_matter": {k: _json_value(v) for k, v in record.meta.items() if k in FIELD_BY_KEY},
        "dan_chieu": [_citation(link, where) for link in links],
        "duoc_dan_chieu_boi": {"so_luong": len(cited_by), "van_ban": [where.page(r.src_uri) for r in ordered[:MAX_LISTED]],
                               "theo_quan_he": _typed_incoming(record, ordered, relations, where)},
        "ban_goc": [_original(o, where) for o in originals],
    }
    if force is not None:
        item.update(_force(force, where))
    return item


def spreadsheet_safe(value) -> str:
    """A CSV cell that Excel, LibreOffice and Sheets show as text, never run as a formula."""
    if value is None:
        return ""
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    first = text[:1]
    risky = first.isspace() or unicodedata.normalize("NFKC", first).startswith(_FORMULA_START)
    return "'" + text if risky else text


def _document_row(record, record_json: dict) -> list[str]:
    meta = record.meta
    originals = record_json["ban_goc"]
    values = {"url": record_json["url"], "ban_ghi_json": record_json["ban_ghi_json"],
              "so_ky_hieu": record.so_ky_hieu, "loai_van_ban": record.loai_van_ban, "co_quan_ban_hanh": record.co_quan,
              "ngay_ban_hanh": record.date.isoformat() if record.date else None,
              "so_van_ban_dan_chieu": len(record_json["dan_chieu"]),
              "so_lan_duoc_dan_chieu": record_json["duoc_dan_chieu_boi"]["so_luong"],
              **{key: record_json.get(key) for key in ("tinh_trang_hieu_luc", "hieu_luc_theo", "ngay_co_hieu_luc",
                                                       "ngay_het_hieu_luc")},
              "ban_goc": [o["url"] for o in originals], "ban_goc_kich_thuoc": [o["kich_thuoc"] for o in originals],
              "ban_goc_sha256": [o["sha256"] for o in originals]}
    return [spreadsheet_safe(values[c] if c in values else _json_value(meta.get(c))) for c in DOCUMENT_COLUMNS]


def _citation_rows(record, record_json: dict):
    for item in record_json["dan_chieu"]:
        yield [spreadsheet_safe(v) for v in (record_json["url"], record.so_ky_hieu, item.get("url"), item["so_ky_hieu"],
                                             item["nguyen_van"], item["trang_thai"], item.get("trang_chua_co"),
                                             item["quan_he"], "có" if item["mot_phan"] else "")]


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
                                   archive.relations.incoming.get(record.src_uri, []), where,
                                   archive.statuses[record.src_uri], archive.originals.get(record.src_uri, []),
                                   archive.relations)
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
