"""What a staff preview of one document needs from the whole archive, cached between runs.

A full build reads every page to compute citations and backlinks. The page
of one edited document needs much less: the document itself, every held
document its citations could resolve to (all those with a cited number, so an
ambiguous citation stays ambiguous), and the documents that cite its number
(they are listed as "Được dẫn chiếu bởi"). `PreviewCatalog` keeps, per
document file, its size and modification time, its front matter and the numbers
it cites; each refresh stats every file and parses again only those that
changed, so at 10,000 documents a preview reads a handful of files.

`preview_pages` gives the small archive a preview build renders: the edited
file as written and, for the related documents, their front matter with a
body that holds only their citations of the edited one. The preview is never
the published site: it has no search index, and the full build stays the one
that is published.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..relation_types import DEFAULT
from ..symbols import symbol_key
from .catalog import Record, split_front_matter
from .relations import citations_of
from .status import start_of
from .urls import DOCUMENTS_DIR

CACHE_VERSION = 2   # 2: entries keep the relation of each number cited (issue 20)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml: a document cited 300 times has 300 stubs


@dataclass
class Entry:
    stamp: tuple[int, int]                 # (size, mtime_ns) of the file when it was parsed
    meta: dict | None                      # None: front matter missing or broken
    own_key: str | None                    # symbol_key of its own number
    cited: dict[str, list[str]] = field(default_factory=dict)  # symbol_key -> wordings in its body
    # symbol_key -> {so_ky_hieu, quan_he, mot_phan} when the citation is not a plain mention ("thay thế", "căn cứ"…):
    # a stub's body holds only the wording, so its front matter says the relation
    relations: dict[str, dict] = field(default_factory=dict)
    start: str | None = None   # when it takes effect, as its body says (the stub's body does not say it)


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def _entry(src_uri: str, text: str, stamp: tuple[int, int]) -> Entry:
    meta, body, _ = split_front_matter(text)
    if meta is None:
        return Entry(stamp, None, None)
    record = Record(src_uri, meta, body)
    cited: dict[str, list[str]] = {}
    relations: dict[str, dict] = {}
    front = {str(c.get("so_ky_hieu")) for c in meta.get("van_ban_dan_chieu") or [] if isinstance(c, dict)}
    for citation in citations_of(record):
        if citation.so_ky_hieu:
            wording = [] if citation.so_ky_hieu in front else [citation.text or citation.so_ky_hieu]
            cited.setdefault(symbol_key(citation.so_ky_hieu), []).extend(wording)
            if citation.quan_he not in (None, DEFAULT):
                relations[symbol_key(citation.so_ky_hieu)] = {
                    "so_ky_hieu": citation.so_ky_hieu, "quan_he": citation.quan_he, "mot_phan": citation.mot_phan}
    start, _ = start_of(record)
    return Entry(stamp, meta, record.symbol_key, cited, relations, start.isoformat() if start else None)


class PreviewCatalog:
    """Every document's preview facts, refreshed by file stamp and kept in `cache`."""

    def __init__(self, docs: Path, cache: Path):
        self.docs, self.cache = Path(docs), Path(cache)
        self.entries: dict[str, Entry] = {}
        try:
            with self.cache.open("rb") as stream:
                version, docs_dir, entries = pickle.load(stream)
            if (version, docs_dir) == (CACHE_VERSION, str(self.docs.resolve())):
                self.entries = entries
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            pass  # no cache yet, or an old one: everything is parsed once

    def refresh(self) -> int:
        """Parse the files that are new or changed since the cache; returns how many."""
        seen, parsed = set(), 0
        for folder, _, names in os.walk(self.docs / DOCUMENTS_DIR):
            for name in names:
                if not name.endswith(".md"):
                    continue
                path = Path(folder, name)
                src_uri = path.relative_to(self.docs).as_posix()
                seen.add(src_uri)
                stamp = _stamp(path)
                known = self.entries.get(src_uri)
                if known is None or known.stamp != stamp:
                    self.entries[src_uri] = _entry(src_uri, path.read_text(encoding="utf-8-sig", errors="replace"),
                                                   stamp)
                    parsed += 1
        gone = set(self.entries) - seen
        for src_uri in gone:
            del self.entries[src_uri]
        if parsed or gone:
            self._save()
        return parsed

    def _save(self) -> None:
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        partial = self.cache.with_suffix(".tmp")
        with partial.open("wb") as stream:
            pickle.dump((CACHE_VERSION, str(self.docs.resolve()), self.entries), stream, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.cache)   # never a half-written cache

    def related(self, src_uri: str) -> tuple[list[str], list[str]]:
        """(documents its citations could resolve to, documents citing its number)."""
        entry = self.entries[src_uri]
        cited = [src for src, other in self.entries.items()
                 if src != src_uri and other.own_key and other.own_key in entry.cited]
        citing = [src for src, other in self.entries.items()
                  if src != src_uri and entry.own_key and entry.own_key in other.cited]
        return sorted(cited), sorted(citing)

    def preview_pages(self, src_uri: str) -> dict[str, str]:
        """src_uri -> text of every document page the preview of `src_uri` builds."""
        path = self.docs / src_uri
        pages = {src_uri: path.read_text(encoding="utf-8-sig", errors="replace")}
        cited, citing = self.related(src_uri)
        own_key = self.entries[src_uri].own_key
        for src in cited + citing:
            other = self.entries[src]
            if other.meta is None:
                continue
            wordings = other.cited.get(own_key, []) if src in citing else []
            stub = _stub_meta(other.meta, own_key if src in citing else None, other.relations.get(own_key))
            if other.start and not stub.get("ngay_co_hieu_luc"):
                stub["ngay_co_hieu_luc"] = other.start   # the end date of the document it replaces
            pages[src] = ("---\n" + yaml.dump(stub, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"
                          + "".join(f"{w}.\n\n" for w in wordings))
        return pages


def _stub_meta(meta: dict, cites_key: str | None, relation: dict | None = None) -> dict:
    """A related document's front matter with only its citations of the edited one: its
    other citations would add "not held" pages the preview does not need. The relation its
    body named ("Chỉ thị này thay thế …") is written into the citation, as the stub's body
    keeps only the wording."""
    kept = [c for c in meta.get("van_ban_dan_chieu") or [] if isinstance(c, dict) and cites_key
            and c.get("so_ky_hieu") and symbol_key(str(c["so_ky_hieu"])) == cites_key]
    if relation and cites_key:
        said = {"quan_he": relation["quan_he"], "mot_phan": relation["mot_phan"]}
        kept = [{**c, **said} if c.get("quan_he") is None else c for c in kept] or [relation]
    return {**meta, "van_ban_dan_chieu": kept}
