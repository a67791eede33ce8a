"""What a staff preview of one document needs from the whole archive, cached between runs.

A full build reads every page to compute citations and backlinks. The page
of one edited document needs much less: the document itself, every held
document its citations could resolve to (all those with a cited number, so an
ambiguous citation stays ambiguous), and the documents that cite its number
(they are listed as "Được dẫn chiếu bởi"). `PreviewCatalog` keeps, per
document file, its size and modification time, its own number and the numbers
it cites; each refresh stats every file and parses again only those that
changed, so at 10,000 documents a preview reads a handful of files.

The cache is JSON (.preview/catalog.json), never pickle: a committed or copied
cache file is untrusted, and loading a pickle runs code. It holds only numbers,
strings and paths; a cache of another version, another docs folder or any other
shape is ignored whole, and every entry is checked again against its file.

`preview_pages` gives the small archive a preview build renders: the edited
file as written and, for the related documents, their front matter (read again
from their files, by the one loader) with a body that holds only their
citations of the edited one. The preview is never the published site: it has no
search index, and the full build stays the one that is published.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..relation_types import DEFAULT
from ..symbols import symbol_key
from .catalog import Record, split_front_matter
from .relations import citations_of
from .status import start_of
from .urls import DOCUMENTS_DIR, is_document

CACHE_VERSION = 3   # 3: entries keep relations and start dates (2: JSON; 1 was a pickle, never read again)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml: a document cited 300 times has 300 stubs


@dataclass
class Entry:
    stamp: tuple[int, int]                 # (size, mtime_ns) of the file when it was parsed
    readable: bool                         # False: front matter missing or refused
    own_key: str | None                    # symbol_key of its own number
    cited: dict[str, list[str]] = field(default_factory=dict)  # symbol_key -> wordings in its body
    # symbol_key -> {so_ky_hieu, quan_he, mot_phan} when the citation is not a plain mention ("thay thế", "căn cứ"…):
    # a stub's body holds only the wording, so its front matter says the relation
    relations: dict[str, dict] = field(default_factory=dict)
    start: str | None = None   # when it takes effect, as its body says (the stub's body does not say it)

    def to_json(self) -> list:
        return [*self.stamp, self.readable, self.own_key, self.cited, self.relations, self.start]

    @classmethod
    def from_json(cls, item) -> "Entry":
        """An entry of the cache file, or ValueError when it is not exactly what to_json writes."""
        size, mtime, readable, own_key, cited, relations, start = item
        if not (isinstance(size, int) and isinstance(mtime, int) and isinstance(readable, bool)
                and (own_key is None or isinstance(own_key, str)) and isinstance(cited, dict)
                and all(isinstance(words, list) and all(isinstance(w, str) for w in words) for words in cited.values())
                and isinstance(relations, dict) and all(_is_relation(r) for r in relations.values())
                and (start is None or isinstance(start, str))):
            raise ValueError("not a cache entry")
        return cls((size, mtime), readable, own_key, cited, relations, start)


def _is_relation(item) -> bool:
    return (isinstance(item, dict) and set(item) == {"so_ky_hieu", "quan_he", "mot_phan"}
            and isinstance(item["so_ky_hieu"], str) and isinstance(item["quan_he"], str)
            and isinstance(item["mot_phan"], bool))


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def _entry(src_uri: str, text: str, stamp: tuple[int, int]) -> Entry:
    meta, body, _ = split_front_matter(text)
    if meta is None:
        return Entry(stamp, False, None)
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
                    "so_ky_hieu": citation.so_ky_hieu, "quan_he": citation.quan_he, "mot_phan": bool(citation.mot_phan)}
    start, _ = start_of(record)
    return Entry(stamp, True, record.symbol_key, cited, relations, start.isoformat() if start else None)


class PreviewCatalog:
    """Every document's preview facts, refreshed by file stamp and kept in `cache`."""

    def __init__(self, docs: Path, cache: Path):
        self.docs, self.cache = Path(docs), Path(cache)
        self.entries: dict[str, Entry] = self._load()

    def _load(self) -> dict[str, Entry]:
        """The cache's entries, or {} when there is none, or it is of another version, another docs
        folder or any other shape: then everything is parsed once."""
        try:
            data = json.loads(self.cache.read_text(encoding="utf-8"))
            if data["phien_ban"] != CACHE_VERSION or data["docs"] != str(self.docs.resolve()):
                return {}
            return {src: Entry.from_json(item) for src, item in data["entries"].items() if _safe_src(src)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

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
        data = {"phien_ban": CACHE_VERSION, "docs": str(self.docs.resolve()),
                "entries": {src: entry.to_json() for src, entry in self.entries.items()}}
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
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
            meta = split_front_matter((self.docs / src).read_text(encoding="utf-8-sig", errors="replace"))[0] \
                if other.readable else None
            if meta is None:
                continue
            wordings = other.cited.get(own_key, []) if src in citing else []
            stub = _stub_meta(meta, own_key if src in citing else None, other.relations.get(own_key))
            if other.start and not stub.get("ngay_co_hieu_luc"):
                stub["ngay_co_hieu_luc"] = other.start   # the end date of the document it replaces
            pages[src] = ("---\n" + yaml.dump(stub, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"
                          + "".join(f"{w}.\n\n" for w in wordings))
        return pages


def _safe_src(src: str) -> bool:
    """A cache key is a document's path under docs/, never a way out of it."""
    return isinstance(src, str) and is_document(src) and ".." not in src.split("/") and "\\" not in src


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
