"""The search page's filters, one entry each (issue 18).

A facet names the value each document has for it; vanban/search/bundle.py
writes every facet's values and one code per page into kho-search.json, and
search.js draws, counts and applies whatever facets the file lists. Adding a
filter is one more `Facet` here (as the status of legal force was).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..agencies import LEVELS, canonical_name, level_of
from ..legal_force import status_of
from .text import canonical_tones

UNKNOWN_ISSUER = "Không rõ cơ quan"
UNKNOWN_YEAR = "Không rõ năm"
UNKNOWN_TYPE = "Chưa rõ loại"   # as the type index names documents without one
UNKNOWN_FORCE = "Chưa xác định"


@dataclass(frozen=True)
class Facet:
    name: str                             # the page address's parameter: ?loai_van_ban=Chỉ thị
    label: str                            # its heading on the search page
    value: Callable[[dict, str], str]     # (front matter, ISO date or "") -> this document's value
    newest_first: bool = False            # values listed as years, newest first (else most used first)
    group: Callable[[str], str] | None = None   # value -> the heading it is listed under
    groups: tuple[str, ...] = ()          # those headings, in order


def _type(meta: dict, date: str) -> str:
    return canonical_tones(str(meta.get("loai_van_ban") or "")) or UNKNOWN_TYPE


def _issuer(meta: dict, date: str) -> str:
    # One value per body, whatever the spelling ("UBND tỉnh X" / "Ủy ban nhân dân tỉnh X").
    return canonical_tones(str(canonical_name(meta.get("co_quan_ban_hanh")) or "")) or UNKNOWN_ISSUER


def _year(meta: dict, date: str) -> str:
    return date[:4] if date else UNKNOWN_YEAR


def _force(meta: dict, date: str) -> str:
    """The status of legal force the build settled on (vanban/archive/status.py), which page.meta
    carries as kho_hieu_luc; a page read on its own (tests, tools) falls back to what staff wrote."""
    if meta.get("kho_hieu_luc"):
        return str(meta["kho_hieu_luc"])
    status = status_of(meta.get("tinh_trang_hieu_luc"))
    return status.label if status else UNKNOWN_FORCE


def _level(issuer: str) -> str:
    return "Khác" if issuer == UNKNOWN_ISSUER else level_of(issuer)


FACETS = (
    Facet("loai_van_ban", "Loại văn bản", _type),
    Facet("co_quan_ban_hanh", "Cơ quan ban hành", _issuer, group=_level, groups=LEVELS),
    Facet("nam", "Năm", _year, newest_first=True),
    Facet("hieu_luc", "Hiệu lực", _force),
)


def facet_values(meta: dict, date: str) -> dict[str, str]:
    return {f.name: f.value(meta, date) for f in FACETS}
