"""Ambiguous citations, grouped by the number they cite: one short page per number.

A citation is ambiguous when several held documents fit it (relations.resolve).
Its link, in the body and in the diagram, goes to a page that lists those
candidates so that the reader can choose; it never guesses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..symbols import symbol_key
from .catalog import Record
from .relations import AMBIGUOUS, Relations
from .urls import unique_slugs

MAX_CANDIDATES = 30   # the page stays the same size whatever the archive holds


@dataclass
class Ambiguous:
    key: str            # symbol_key of the cited number
    so_ky_hieu: str
    slug: str = ""
    candidates: list[Record] = field(default_factory=list)
    cited_by: int = 0   # how many documents cite it without saying which one


def ambiguous_symbols(relations: Relations) -> dict[str, Ambiguous]:
    """symbol_key -> Ambiguous, for every number cited ambiguously (one pass over the links)."""
    found: dict[str, Ambiguous] = {}
    seen: dict[str, set[int]] = {}
    for links in relations.outgoing.values():
        counted = set()
        for link in links:
            if link.status != AMBIGUOUS or not link.citation.so_ky_hieu:
                continue
            key = symbol_key(link.citation.so_ky_hieu)
            entry = found.setdefault(key, Ambiguous(key, link.citation.so_ky_hieu))
            ids = seen.setdefault(key, set())
            for candidate in link.candidates:
                if id(candidate) not in ids:
                    ids.add(id(candidate))
                    entry.candidates.append(candidate)
            if key not in counted:
                counted.add(key)
                entry.cited_by += 1
    for key, slug in unique_slugs({k: a.so_ky_hieu for k, a in found.items()}).items():
        found[key].slug = slug
    for entry in found.values():
        entry.candidates.sort(key=Record.sort_key, reverse=True)
    return found
