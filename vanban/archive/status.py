"""Is it still in force? Each document's status of legal force, and what it rests on.

What staff write (tinh_trang_hieu_luc, ngay_co_hieu_luc, ngay_het_hieu_luc) wins. Otherwise
the build derives, and says from what ("theo …"):

- a held document, not older, that replaces or repeals this one (quan_he thay_the / bai_bo,
  resolved to this page) -> "hết hiệu lực"; one that replaces or repeals part of it
  (mot_phan) -> "hết hiệu lực một phần". The earliest such document is named;
- an end date staff wrote that has passed -> "hết hiệu lực";
- a start date (staff's, or the body's "có hiệu lực kể từ ngày ký / từ ngày …") still to
  come -> "chưa có hiệu lực";
- nothing known -> "chưa xác định". The archive never guesses "còn hiệu lực".

The start date is also derived from the body when staff leave it out; the end date is the
start date of the document that ended this one, when that is known.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import parse_iso, today_in_vietnam
from ..legal_force import NOT_IN_FORCE, NOT_YET, PARTLY, STATUS_BY_NAME, SUSPENDED, UNKNOWN, Status, status_of
from ..relation_types import BAI_BO, ENDS_FORCE, THAY_THE
from .catalog import Record
from .relations import Relations
from .render import fmt_date

_ENDED_BY = {THAY_THE: "thay thế", BAI_BO: "bãi bỏ"}


@dataclass(frozen=True)
class Ending:
    """A held document that replaces or repeals (part of) this one."""
    record: Record
    quan_he: str      # THAY_THE | BAI_BO
    partial: bool

    @property
    def verb(self) -> str:
        """"thay thế", "bãi bỏ một phần": what it did to this document."""
        return _ENDED_BY[self.quan_he] + (" một phần" if self.partial else "")


@dataclass(frozen=True)
class ForceStatus:
    status: Status
    stated: bool                     # staff wrote tinh_trang_hieu_luc
    since: dt.date | None = None     # ngày có hiệu lực
    since_from: str | None = None    # the body's words it was read from, when staff did not write it
    until: dt.date | None = None     # ngày hết hiệu lực
    ending: Ending | None = None     # the held document the status rests on
    basis: str = ""                  # "theo …": what a derived status rests on, in words

    @property
    def known(self) -> bool:
        return self.status.name != UNKNOWN

    @property
    def changed(self) -> dt.date | None:
        """When the status last changed (for "latest changes"): the end date, else the date of the
        document that ended it."""
        return self.until or (self.ending.record.date if self.ending else None)

    def text(self) -> str:
        """One line of plain text: "Hết hiệu lực theo Chỉ thị 19/CT-TTg ngày 24/09/2021 (thay thế văn bản này)"."""
        return " ".join(part for part in (self.status.label, self.basis) if part)


def ending_label(record: Record) -> str:
    """"Chỉ thị 19/CT-TTg ngày 24/09/2021": how a status names the document it rests on."""
    name = " ".join(v for v in (record.loai_van_ban, record.so_ky_hieu) if v) or record.title
    return name + (f" ngày {fmt_date(record.date)}" if record.date else "")


def start_of(record: Record) -> tuple[dt.date | None, str | None]:
    """(ngày có hiệu lực, the body's words when it was read from them)."""
    stated = parse_iso(record.meta.get("ngay_co_hieu_luc"))
    if stated or record.effective is None:
        return stated, None
    said = record.effective
    return (record.date if said.on_signing else parse_iso(said.date)), said.phrase


def _endings(records: list[Record], relations: Relations) -> dict[str, list[Ending]]:
    """cited src_uri -> the held documents that replace or repeal it, oldest first."""
    by_src = {r.src_uri: r for r in records}
    found: dict[str, list[Ending]] = {}
    for (cited, citing), link in relations.typed.items():
        if link.quan_he not in ENDS_FORCE or cited not in by_src or citing not in by_src:
            continue
        target, ender = by_src[cited], by_src[citing]
        if target.date and ender.date and ender.date < target.date:
            continue   # an older text cannot end a newer one: the citation was misread
        found.setdefault(cited, []).append(Ending(ender, link.quan_he, link.citation.mot_phan))
    for endings in found.values():
        endings.sort(key=lambda e: (e.partial, e.record.date or dt.date.max, e.record.src_uri))
    return found


def derive_statuses(records: list[Record], relations: Relations, today: dt.date | None = None) -> dict[str, ForceStatus]:
    """src_uri -> its status of legal force (staff's, else derived with its basis)."""
    today = today or today_in_vietnam()
    starts = {r.src_uri: start_of(r) for r in records}
    endings = _endings(records, relations)
    return {r.src_uri: _status(r, starts, endings.get(r.src_uri, []), today) for r in records}


def _status(record: Record, starts: dict, endings: list[Ending], today: dt.date) -> ForceStatus:
    since, since_from = starts[record.src_uri]
    stated_end = parse_iso(record.meta.get("ngay_het_hieu_luc"))
    ending = endings[0] if endings else None
    until = stated_end or (starts[ending.record.src_uri][0] if ending and not ending.partial else None)
    stated = status_of(record.meta.get("tinh_trang_hieu_luc"))
    if stated:
        return ForceStatus(stated, True, since, since_from, stated_end, ending)
    if ending:
        basis = f"theo {ending_label(ending.record)} ({ending.verb} văn bản này)"
        status = STATUS_BY_NAME[PARTLY if ending.partial else NOT_IN_FORCE]
        return ForceStatus(status, False, since, since_from, until, ending, basis)
    if stated_end and stated_end <= today:
        return ForceStatus(STATUS_BY_NAME[NOT_IN_FORCE], False, since, since_from, stated_end, None,
                           f"theo ngày hết hiệu lực ghi trên trang ({fmt_date(stated_end)})")
    if since and since > today:
        basis = (f"theo văn bản: “{since_from}”" if since_from
                 else f"theo ngày có hiệu lực ghi trên trang ({fmt_date(since)})")
        return ForceStatus(STATUS_BY_NAME[NOT_YET], False, since, since_from, stated_end, None, basis)
    return ForceStatus(STATUS_BY_NAME[UNKNOWN], False, since, since_from, stated_end)


def latest_changes(records: list[Record], statuses: dict[str, ForceStatus], limit: int) -> list[Record]:
    """Documents whose force ended or changed, most recent change first (the home page lists them)."""
    changed = [r for r in records if statuses[r.src_uri].status.name in (NOT_IN_FORCE, PARTLY, SUSPENDED)
               and statuses[r.src_uri].changed]
    return sorted(changed, key=lambda r: (statuses[r.src_uri].changed, r.src_uri), reverse=True)[:limit]
