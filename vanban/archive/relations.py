"""Citations between documents and the backlink map, built in one pass.

A citation resolves only when exactly one document fits its symbol, its date
(or year) and its issuer context. Local symbols such as 761-CV/TU exist in
every province, so they need a province: from the cited issuer ("Tỉnh ủy Hà
Nam") or, for an issuer named without one ("Ban Thường vụ Tỉnh ủy"), from the
citing document, whose province may come from its district ("Huyện ủy Kim
Bảng" is in Hà Nam). A district body cited without its place ("của Huyện ủy")
is the citing document's own district. Several candidates, or none that can be told apart, make the
citation "ambiguous"; no candidate makes it "missing" (cited but not held).

Each citation also says what the citing document does to the cited one (quan_he,
vanban/relation_types.py): what staff wrote in van_ban_dan_chieu wins; otherwise the
clause around it in the body says (vanban/parsing/relation.py); otherwise dan_chieu.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..agencies import district_of, district_province, find_province, is_national_code, level_of
from ..places import District
from ..dates import parse_iso
from ..doctypes import canonical_type
from ..parsing.citations import merge_mentions
from ..relation_types import DEFAULT, RELATION_KEYS
from ..symbols import normalize_symbol, parse_symbol, symbol_key
from ..text import collapse_spaces, name_key, nfc
from .catalog import BodyMentions, Record
from .urls import unique_slugs

RESOLVED, AMBIGUOUS, MISSING = "resolved", "ambiguous", "missing"


@dataclass(frozen=True)
class Citation:
    so_ky_hieu: str | None
    loai_van_ban: str | None = None
    ngay: dt.date | None = None
    co_quan: str | None = None
    text: str | None = None   # the wording, for citations without a symbol
    quan_he: str | None = None  # relation type; None until known (staff or body), then DEFAULT at worst
    mot_phan: bool = False      # the relation touches part of the cited document


@dataclass
class Missing:
    """A document the archive cites but does not hold."""
    key: str
    slug: str
    citation: Citation
    province: str | None
    cited_by: list[Record] = field(default_factory=list)


@dataclass
class Link:
    citation: Citation
    status: str
    target: Record | None = None
    candidates: tuple[Record, ...] = ()
    missing: Missing | None = None

    @property
    def quan_he(self) -> str:
        return self.citation.quan_he or DEFAULT


@dataclass
class Relations:
    outgoing: dict[str, list[Link]]
    incoming: dict[str, list[Record]]
    missing: list[Missing]   # most-cited first
    # (cited src_uri, citing src_uri) -> the citing link, for resolved citations of a type other
    # than dan_chieu: what a page's "Bị thay thế bởi", "Là căn cứ của"… lists are made of.
    typed: dict[tuple[str, str], Link] = field(default_factory=dict)

    def relation(self, cited: str, citing: str) -> str:
        """What the citing document does to the cited one (both resolved): a relation key."""
        link = self.typed.get((cited, citing))
        return link.quan_he if link else DEFAULT


def _front_matter_citations(record: Record) -> list[Citation]:
    items = record.meta.get("van_ban_dan_chieu")
    citations = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        raw = item.get("so_ky_hieu")
        text = lambda k: collapse_spaces(nfc(str(item[k]))) if item.get(k) else None  # noqa: E731
        kind = item.get("quan_he") if item.get("quan_he") in RELATION_KEYS else None
        citations.append(Citation(
            normalize_symbol(str(raw)) if raw else None, canonical_type(text("loai_van_ban")) or text("loai_van_ban"),
            parse_iso(item.get("ngay")), text("co_quan"), text("nguyen_van") or (str(raw) if raw else None),
            kind, item.get("mot_phan") is True))
    return citations


def body_citations(found: BodyMentions) -> list[Citation]:
    """Citations in running text, with their date, issuer phrase and relation (the converter's grammar)."""
    return [Citation(c.so_ky_hieu, c.loai_van_ban, parse_iso(c.ngay), c.co_quan, c.nguyen_van or None,
                     c.quan_he, c.mot_phan) for c in merge_mentions(found.mentions)]


def _with_relation(citation: Citation, said: dict[str, Citation]) -> Citation:
    """A front-matter citation that does not say its relation takes the body's word for it."""
    if citation.quan_he is not None:
        return citation
    body = said.get(symbol_key(citation.so_ky_hieu)) if citation.so_ky_hieu else None
    return replace(citation, quan_he=body.quan_he if body else DEFAULT,
                   mot_phan=body.mot_phan if body else citation.mot_phan)


def citations_of(record: Record) -> list[Citation]:
    """Front-matter citations first, then new ones from the body; never the page's own numbers."""
    own = {symbol_key(s) for s in (record.so_ky_hieu, _copy_symbol(record)) if s}
    seen, result = set(own), []
    body = body_citations(record.mentions)
    said = {symbol_key(c.so_ky_hieu): c for c in body if c.so_ky_hieu}
    for citation in [_with_relation(c, said) for c in _front_matter_citations(record)] + body:
        key = symbol_key(citation.so_ky_hieu) if citation.so_ky_hieu else None
        if key and key in seen:
            continue
        seen.add(key)
        result.append(citation)
    return result


def _copy_symbol(record: Record) -> str | None:
    copy = record.meta.get("ban_sao")
    return str(copy.get("so_ky_hieu")) if isinstance(copy, dict) and copy.get("so_ky_hieu") else None


def is_national(citation: Citation) -> bool:
    parsed = parse_symbol(citation.so_ky_hieu or "")
    if citation.co_quan and level_of(citation.co_quan) == "Trung ương":
        return True
    return bool(parsed) and is_national_code(parsed.codes[-1])


def _cited_district(citation: Citation, citing: Record) -> District | None:
    """The district of a cited district body: the one it names ("của Huyện ủy Lý Nhân"), else the citing
    document's own ("của Huyện ủy" in a letter of Kim Bảng means Huyện ủy Kim Bảng). None for other levels."""
    if not citation.co_quan or level_of(citation.co_quan) != "Cấp huyện":
        return None
    return district_of(citation.co_quan) or citing.district


def _context_province(citation: Citation, citing: Record) -> str | None:
    named = find_province(citation.co_quan) or district_province(district_of(citation.co_quan))
    if named:
        return named
    return citing.province  # "Tỉnh ủy" written by a body of that same province, or by one of its districts


def _fits_date(citation: Citation, candidate: Record) -> bool:
    if citation.ngay and candidate.date:
        return citation.ngay == candidate.date
    parsed = parse_symbol(citation.so_ky_hieu or "")
    year = citation.ngay.year if citation.ngay else (int(parsed.year) if parsed and parsed.year else None)
    return year is None or candidate.year is None or year == candidate.year


def _fits_issuer(citation: Citation, candidate: Record) -> bool:
    """An issuer of another level is another body: "940/QĐ-UBND của Ủy ban nhân dân tỉnh"
    is not the 940/QĐ-UBND of a huyện's Ủy ban in the same province."""
    if not (citation.co_quan and candidate.co_quan):
        return True
    cited = level_of(citation.co_quan)
    return cited == "Khác" or level_of(candidate.co_quan) in (cited, "Khác")


@lru_cache(maxsize=4096)
def _place_key(province: str) -> str:
    return name_key(province)  # a few dozen provinces, compared for every candidate


def resolve(citation: Citation, citing: Record, by_symbol: dict[str, list[Record]]) -> tuple[str, tuple, str | None]:
    """(status, candidates, province) for one citation."""
    key = symbol_key(citation.so_ky_hieu) if citation.so_ky_hieu else None
    candidates = [r for r in by_symbol.get(key, [])
                  if r is not citing and _fits_date(citation, r) and _fits_issuer(citation, r)] if key else []
    province = None
    if key and not is_national(citation):
        province = _context_province(citation, citing)
        if province is None:
            return (AMBIGUOUS if candidates else MISSING), tuple(candidates), None
        candidates = [r for r in candidates if _place_key(r.province or "") == _place_key(province)]
        district = _cited_district(citation, citing)
        if district:   # every district of a province numbers its own 239-CV/HU
            candidates = [r for r in candidates if r.district == district]
    if len(candidates) == 1:
        return RESOLVED, tuple(candidates), province
    return (AMBIGUOUS if candidates else MISSING), tuple(candidates), province


def build_relations(records: list[Record]) -> Relations:
    """One pass over the documents: outgoing links, backlinks and missing documents."""
    by_symbol: dict[str, list[Record]] = {}
    for record in records:
        if record.symbol_key:
            by_symbol.setdefault(record.symbol_key, []).append(record)
    outgoing: dict[str, list[Link]] = {}
    incoming: dict[str, list[Record]] = {}
    missing: dict[str, Missing] = {}
    typed: dict[tuple[str, str], Link] = {}
    for record in records:
        links = outgoing.setdefault(record.src_uri, [])
        for citation in citations_of(record):
            status, candidates, province = resolve(citation, record, by_symbol)
            link = Link(citation, status, candidates[0] if status == RESOLVED else None, candidates)
            # A record is added to a list only while its own citations are read, so
            # "already there" means "added last": `record not in list` made this O(N²)
            # for a document cited by every page (16/CT-TTg).
            if status == RESOLVED:
                cited_by = incoming.setdefault(candidates[0].src_uri, [])
                if not cited_by or cited_by[-1] is not record:
                    cited_by.append(record)
                if link.quan_he != DEFAULT:
                    typed.setdefault((candidates[0].src_uri, record.src_uri), link)
            elif status == MISSING and citation.so_ky_hieu:
                link.missing = _missing_entry(missing, citation, province)
                if not link.missing.cited_by or link.missing.cited_by[-1] is not record:
                    link.missing.cited_by.append(record)
            links.append(link)
    labels = {k: m.citation.so_ky_hieu + (f" {m.province}" if m.province else "") for k, m in missing.items()}
    for key, slug in unique_slugs(labels).items():
        missing[key].slug = slug
    ordered = sorted(missing.values(), key=lambda m: (-len(m.cited_by), m.slug))
    return Relations(outgoing, incoming, ordered, typed)


def _missing_entry(missing: dict[str, Missing], citation: Citation, province: str | None) -> Missing:
    key = symbol_key(citation.so_ky_hieu) + (f"@{name_key(province)}" if province else "")
    if key not in missing:
        missing[key] = Missing(key, "", citation, province)  # slug set once all are known
    elif not missing[key].citation.ngay and citation.ngay:
        missing[key].citation = citation  # keep the most complete description
    return missing[key]
