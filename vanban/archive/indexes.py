"""Group documents for the index pages: agencies by level, years and months, types, review.

Every function is linear in the number of documents and returns documents
newest first, so the rendered pages are stable from build to build.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..agencies import LEVELS, level_of
from ..text import vietnamese_order
from .catalog import Record
from .urls import unique_slugs

UNKNOWN_AGENCY = "Chưa rõ cơ quan ban hành"


def newest_first(records) -> list[Record]:
    return sorted(records, key=Record.sort_key, reverse=True)


@dataclass
class Agency:
    key: str
    name: str     # the spelling most documents use
    slug: str
    level: str
    records: list[Record]


def agencies(records: list[Record]) -> list[Agency]:
    """Issuing bodies, one per agency_key ("Tỉnh uỷ Khánh Hoà" == "Tỉnh ủy Khánh Hòa")."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(record.agency_key or "", []).append(record)
    names = {key: _usual_name(group) for key, group in groups.items()}
    slugs = unique_slugs(names)
    result = [Agency(key, names[key], slugs[key], level_of(names[key]) if key else "Khác", newest_first(group))
              for key, group in groups.items()]
    return sorted(result, key=lambda a: (LEVELS.index(a.level), vietnamese_order(a.name), a.key))


def _usual_name(group: list[Record]) -> str:
    counts = Counter(r.co_quan for r in group if r.co_quan)
    if not counts:
        return UNKNOWN_AGENCY
    return min(counts, key=lambda name: (-counts[name], name))


def by_level(agency_list: list[Agency]) -> list[tuple[str, list[Agency]]]:
    return [(level, [a for a in agency_list if a.level == level])
            for level in LEVELS if any(a.level == level for a in agency_list)]


def years(records: list[Record]) -> dict[int, dict[int, list[Record]]]:
    """year -> month -> documents, newest year first; undated documents are left out."""
    tree: dict[int, dict[int, list[Record]]] = {}
    for record in newest_first(records):
        if record.date:
            tree.setdefault(record.date.year, {}).setdefault(record.date.month, []).append(record)
    return tree


def undated(records: list[Record]) -> list[Record]:
    return newest_first(r for r in records if not r.date)


def types(records: list[Record]) -> dict[str, list[Record]]:
    """loai_van_ban -> documents, types sorted by name."""
    groups: dict[str, list[Record]] = {}
    for record in newest_first(records):
        groups.setdefault(record.loai_van_ban or "Chưa rõ loại", []).append(record)
    return dict(sorted(groups.items(), key=lambda kv: vietnamese_order(kv[0])))


def review(records: list[Record]) -> list[Record]:
    """Documents staff must check: non-empty can_xac_minh."""
    return newest_first(r for r in records if r.review_keys)
