"""Group documents for the index pages: agencies by level, years and months, types, review.

Every function is linear in the number of documents and returns documents
newest first, so the rendered pages are stable from build to build.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..agencies import level_of
from ..register import LEVELS, Body, Province, register
from ..text import vietnamese_order
from .catalog import Record
from .urls import unique_slugs

UNKNOWN_AGENCY = "Chưa rõ cơ quan ban hành"
NOT_REGISTERED = "Chưa có trong danh mục cơ quan (cần xác minh)"
UNKNOWN_PROVINCE = "Chưa rõ tỉnh, thành phố"
UNKNOWN_TYPE = "Chưa rõ loại"
# How the Trung ương heading is split, by the register's kind of body.
CENTRAL_GROUPS = (("Đảng", ("dang",)), ("Quốc hội", ("dan-cu",)), ("Chủ tịch nước", ("chu-tich-nuoc",)),
                  ("Chính phủ và các bộ, ngành", ("hanh-chinh", "ban-chi-dao")),
                  ("Tòa án, Viện kiểm sát, Kiểm toán", ("tu-phap",)), ("Mặt trận, đoàn thể", ("doan-the",)))


def newest_first(records) -> list[Record]:
    return sorted(records, key=Record.sort_key, reverse=True)


@dataclass
class Agency:
    key: str
    name: str     # the register's name, else the spelling most documents use
    slug: str
    level: str
    records: list[Record]
    body: Body | None = None          # None: a name the register does not know
    parent: "Agency | None" = None    # set when the parent has documents too
    children: list["Agency"] = field(default_factory=list)

    @property
    def province(self) -> Province | None:
        """The body's province; for a district or commune body, the one its documents name."""
        found = register().province_of(self.body)
        if found is None and register().is_district(self.body):
            named = Counter(r.province for r in self.records if r.province)
            found = register().find_province(min(named, key=lambda p: (-named[p], p))) if named else None
        return found

    @property
    def group(self) -> str:
        """The heading under its level: a group of central bodies, a province, or the review list."""
        if self.body is None:
            return NOT_REGISTERED
        if self.body.cap == "trung-uong":
            return next(label for label, kinds in CENTRAL_GROUPS if self.body.loai in kinds)
        return self.province.title if self.province else UNKNOWN_PROVINCE

    def depth(self) -> int:
        return len(self.lineage()) - 1

    def lineage(self) -> list["Agency"]:
        chain, node = [self], self.parent
        while node is not None and node not in chain:
            chain.insert(0, node)
            node = node.parent
        return chain


def agencies(records: list[Record]) -> list[Agency]:
    """Issuing bodies, one per register id (or spelling key for names it does not know), parents linked.

    Documents without an issuer are not a body: see unknown_issuer()."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        if record.agency_key:
            groups.setdefault(record.agency_key, []).append(record)
    bodies = {key: register().get(key) for key in groups}
    names = {key: bodies[key].ten if bodies[key] and not register().is_district(bodies[key]) else _usual_name(group)
             for key, group in groups.items()}
    slugs = unique_slugs(names)
    result = {key: Agency(key, names[key], slugs[key], bodies[key].level if bodies[key] else level_of(names[key]),
                          newest_first(group), bodies[key]) for key, group in groups.items()}
    for agency in result.values():
        ancestors = register().ancestors(agency.body) if agency.body else []
        agency.parent = next((result[a.id] for a in ancestors if a.id in result), None)
        if agency.parent:
            agency.parent.children.append(agency)
    for agency in result.values():
        agency.children.sort(key=lambda a: (vietnamese_order(a.name), a.key))
    return sorted(result.values(), key=_order)


def _order(agency: Agency) -> tuple:
    """Level, group, then parents before their children, each level of the tree alphabetically."""
    level = LEVELS.index(agency.level) if agency.level in LEVELS else len(LEVELS)
    return (agency.body is None, level, _group_order(agency), [vietnamese_order(a.name) for a in agency.lineage()],
            agency.key)


def _group_order(agency: Agency) -> tuple:
    labels = [label for label, _ in CENTRAL_GROUPS]
    group = agency.group
    place = agency.province.ten if agency.province else group
    return (labels.index(group) if group in labels else len(labels), group == UNKNOWN_PROVINCE, vietnamese_order(place))


def unknown_issuer(records: list[Record]) -> list[Record]:
    """Documents whose issuer nobody has written yet: a review list, not a body."""
    return newest_first(r for r in records if not r.agency_key)


def _usual_name(group: list[Record]) -> str:
    counts = Counter(r.co_quan for r in group if r.co_quan)
    if not counts:
        return UNKNOWN_AGENCY
    return min(counts, key=lambda name: (-counts[name], name))


def by_level(agency_list: list[Agency]) -> list[tuple[str, list[tuple[str, list[Agency]]]]]:
    """[(level, [(group, agencies)])] for the index; unregistered names last, under their own heading."""
    out: list[tuple[str, list[tuple[str, list[Agency]]]]] = []
    for agency in agency_list:
        level = NOT_REGISTERED if agency.body is None else agency.level
        if not out or out[-1][0] != level:
            out.append((level, []))
        groups = out[-1][1]
        group = "" if agency.body is None else agency.group
        if not groups or groups[-1][0] != group:
            groups.append((group, []))
        groups[-1][1].append(agency)
    return out


def provinces(agency_list: list[Agency]) -> dict[str, list[Agency]]:
    """province id -> its bodies, for the province pages; also the provinces merged into or from them."""
    found: dict[str, list[Agency]] = {}
    for agency in agency_list:
        if agency.province:
            found.setdefault(agency.province.id, []).append(agency)
    reg = register()
    for province_id in list(found):
        province = reg.provinces[province_id]
        for other in (reg.successor(province), *reg.merged_into(province)):
            found.setdefault(other.id, [])
    return found


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
        groups.setdefault(record.loai_van_ban or UNKNOWN_TYPE, []).append(record)
    return dict(sorted(groups.items(), key=lambda kv: vietnamese_order(kv[0])))


def review(records: list[Record]) -> list[Record]:
    """Documents staff must check: non-empty can_xac_minh."""
    return newest_first(r for r in records if r.review_keys)
