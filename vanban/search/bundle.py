"""Pagefind 1.5's input and the bundle it writes (issue 4): batched, smaller and byte-stable.

`Spool` writes each document's record (vanban/search/record.py) to disk as
the page is rendered, so the build never holds every document's text, and
cuts the records into batches of consecutive index numbers. Pagefind indexes
each batch into a bundle of its own: its memory grows by ~300 KB per record
of a batch (665 MB for one index of 2,000 documents, ~60 MB per batch), and
the CLI of one batch runs while Python merges the one before.

`Merger` merges the batch bundles into one (`pagefind.<hash>.pf_meta`, index chunks and
fragments are gzip + "pagefind_dcd" + CBOR) and rewrites four things:

* Fragments carry what a result shows (vanban/search/record.py display
  fields and the visible text excerpts quote) instead of the indexed word
  list, which nobody reads.
* Page k is renamed "<k in base 36>_<build tag>": search.js knows each
  result's rank in date order from its id, so it sorts and filters without
  Pagefind's sort list and filter files, and never downloads the page list.
  The tag hashes all fragments, so a changed archive renames every fragment
  and no browser keeps a stale one.
* Word positions give way to one weight per field the word is in (see
  chunks.weights_kept): positions were most of the bytes of the index chunks
  a query downloads, and the weights are what search.js ranks with; the
  chunks are cut smaller (CHUNK_BYTES), since a query loads one whole chunk per word.
* Every page gets the same word count: the indexed text is one copy of each
  word, so length says little, and equal counts compress to nothing.

Index chunks are merged straight from their CBOR bytes, one word at a time
(vanban/search/chunks.py, over the CBOR helpers in vanban/search/cbor.py):
decoded into Python lists they took ~500 MB and 20 s for 2,000 documents.
The merged bundle is the one a single Pagefind index of all records gives.

`kho-search.json` is all a search reads besides chunks and fragments: the
chunk list and the weight of each field. `kho-facets.json`, which only the
search page reads, gives per facet one character per document (the index of
its value) and the documents' dates. Pagefind's own runtime
(pagefind.js and its wasm) is not used: search.js reads the chunks itself
(docs-dev/search.md says why). Nothing here depends on the order Pagefind
iterates its hash maps, so two builds are byte-identical.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import hashlib
import json
import re
import shutil
from array import array
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .cbor import BundleError, cbor_head, cbor_decode, cbor_encode
from .chunks import chunk_ranges, read_chunk, LocationReader, split_chunks, WordPages
from .facets import FACETS
from .pairs import write_pairs
from .fields import FIELDS
from .record import DOCUMENT, SearchRecord, index_order

SIGNATURE = b"pagefind_dcd"
SUPPORTED_VERSION = "1.5.2"
SEARCH_FILE = "kho-search.json"
FACETS_FILE = "kho-facets.json"
TAG_LENGTH = 8
CHUNK_BYTES = 24_000  # encoded; about 6-8 KB gzipped once positions are gone
BATCH_BYTES = 500_000  # of record HTML per Pagefind batch: ~150 documents, ~60 MB in Pagefind


# ---- Pagefind's file envelope ----

def read_packed(path: Path) -> bytes:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise BundleError(f"{path.name}: not a Pagefind file")
    return raw[len(SIGNATURE):]


def write_packed(path: Path, payload: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + payload, compresslevel=9, mtime=0))


def page_id(number: int, tag: str) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return f"{text}_{tag}"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# ---- Pagefind's input ----

def record_path(number: int) -> str:
    """Where record `number` is written for Pagefind to read (and the URL it reports)."""
    return f"r/{number:06d}.html"


def _record_number(url: str) -> int:
    match = re.fullmatch(r"/r/(\d{6})\.html", url)
    if not match:
        raise BundleError(f"unexpected page URL {url!r}")
    return int(match.group(1))


class Spool:
    """The records of one build, appended to one file in `directory` (which must be
    empty or absent) as pages are rendered: creating a file per record then costs
    ~1 ms while MkDocs writes the site, and the build never holds the records' text."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True)
        self._file = self.directory / "records"
        self._records: list[SearchRecord] = []   # html and excerpt are in the file
        self._spans: list[tuple[int, int, int, int]] = []  # offset, html, excerpt and pair bytes
        self._order: list[int] = []

    def __len__(self) -> int:
        return len(self._records)

    def add(self, record: SearchRecord) -> None:
        html, excerpt = record.html.encode("utf-8"), record.excerpt.encode("utf-8")
        with self._file.open("ab") as spool:
            self._spans.append((spool.tell(), len(html), len(excerpt), len(record.pairs)))
            spool.write(html + excerpt + record.pairs)
        self._records.append(dataclasses.replace(record, html="", excerpt="", pairs=b""))

    def ordered(self) -> list[SearchRecord]:
        """The records in index order (vanban.search.record.index_order): record k is page k."""
        self._order = index_order(self._records)
        return [self._records[k] for k in self._order]

    def batches(self, batch_bytes: int | None = None):
        """Yield batch folders in order, each written as it is asked for (after
        `ordered`): record k at <batch>/record_path(k), consecutive numbers, about
        `batch_bytes` of HTML per batch. Writing one batch overlaps Pagefind's run
        on the one before (hooks/search_index.py)."""
        batch_bytes = batch_bytes or BATCH_BYTES
        batch, size = None, batch_bytes
        with self._file.open("rb") as spool:
            for number, arrived in enumerate(self._order):
                if size >= batch_bytes:
                    if batch:
                        yield batch
                    batch, size = self.directory / f"batch-{number:06d}", 0
                    (batch / "r").mkdir(parents=True)
                offset, length, _, _ = self._spans[arrived]
                spool.seek(offset)
                (batch / record_path(number)).write_bytes(spool.read(length))
                size += length
        if batch:
            yield batch

    def excerpts(self):
        """The excerpt of each record, in index order (after `ordered`)."""
        with self._file.open("rb") as spool:
            for arrived in self._order:
                offset, html, length, _ = self._spans[arrived]
                spool.seek(offset + html)
                yield spool.read(length).decode("utf-8")

    def pair_hashes(self):
        """The pair hashes of each record, in index order (after `ordered`): one pass over
        the spool, which vanban.search.pairs.write_pairs makes once per group of shards."""
        with self._file.open("rb") as spool:
            for arrived in self._order:
                offset, html, excerpt, length = self._spans[arrived]
                spool.seek(offset + html + excerpt)
                yield array("I", spool.read(length))

    def pair_postings(self) -> int:
        return sum(span[3] for span in self._spans) // array("I").itemsize



# ---- the finished bundle ----

CODE_BASE = 0x30  # page codes are characters from "0" up: one character per page
_LAST_CODE = 0xD7FF  # stay below the surrogate range


def _code(value: int, what: str) -> str:
    if CODE_BASE + value > _LAST_CODE:
        raise BundleError(f"{what}: {value} does not fit one character")
    return chr(CODE_BASE + value)


def _facets(documents: list[SearchRecord]) -> list[dict]:
    """Per facet (vanban/search/facets.py), its values and one character per document
    giving the index of that document's value: 10,000 documents cost ~10 KB gzipped."""
    result = []
    for facet in FACETS:
        counts = Counter(r.facets[facet.name] for r in documents)
        values = sorted(counts, key=lambda v: (-counts[v], v))
        index = {v: i for i, v in enumerate(values)}
        entry = {"name": facet.name, "label": facet.label, "newest_first": facet.newest_first,
                 "values": values, "codes": "".join(_code(index[r.facets[facet.name]], facet.name) for r in documents)}
        if facet.group:
            entry["groups"] = list(facet.groups)
            entry["group_of"] = [facet.groups.index(facet.group(v)) for v in values]
        result.append(entry)
    return result


def _dates(documents: list[SearchRecord]) -> dict:
    """The dates of the documents, newest first, as the first one and one character per
    later dated document giving the days since the one before it (pages run by date)."""
    days = [dt.date.fromisoformat(r.date).toordinal() for r in documents if r.date]
    steps = "".join(_code(a - b, "days between two documents") for a, b in zip(days, days[1:]))
    return {"newest": documents[0].date if days else None, "dated": len(days), "steps": steps}


def search_file(records: list[SearchRecord], tag: str, chunks: list[list[str]], pairs: dict) -> dict:
    """kho-search.json: what every search needs besides the index chunks and fragments;
    `pairs` names the pair shards (vanban/search/pairs.py) a quoted phrase reads."""
    documents = sum(1 for r in records if r.kind == DOCUMENT)
    return {"tag": tag, "documents": documents, "pages": len(records), "chunks": chunks,
            "fields": {f.name: f.stored_weight for f in FIELDS}, "pairs": pairs}


def facets_file(records: list[SearchRecord]) -> dict:
    """kho-facets.json: what the search page filters and sorts with. It grows with the
    archive (one character per document and facet), so the header box never loads it."""
    documents = [r for r in records if r.kind == DOCUMENT]
    return {"facets": _facets(documents), "dates": _dates(documents)}


def _read_part(part: Path) -> tuple[str, list, list[int]]:
    """(language, pf_meta, new number of each page) of one batch's bundle."""
    entry = json.loads((part / "pagefind-entry.json").read_text(encoding="utf-8"))
    if entry.get("version") != SUPPORTED_VERSION or len(entry.get("languages", {})) != 1:
        raise BundleError(f"expected one Pagefind {SUPPORTED_VERSION} index, got {entry}")
    (language, index_info), = entry["languages"].items()
    meta = cbor_decode(read_packed(part / f"pagefind.{index_info['hash']}.pf_meta"))
    if len(meta) != 6 or meta[0] != SUPPORTED_VERSION:
        raise BundleError(f"{part.name}: unexpected page list {meta[:1]}")
    # Pagefind numbers pages in the order it happened to read the files; the URL
    # of each page's fragment gives its record, whose number is the page's new one.
    new_number = [_record_number(json.loads(read_packed(part / "fragment" / f"{page[0]}.pf_fragment"))["url"])
                  for page in meta[1]]
    return language, meta, new_number


class Merger:
    """Merges the batches' bundles into one, a batch at a time (while Pagefind indexes
    the next): `add` each batch's bundle in record order, then `write`."""

    def __init__(self, records: list[SearchRecord]):
        self.records = records
        self._words: dict[str, WordPages] = {}
        self._reader = LocationReader()
        self._first: tuple[Path, str, list] | None = None  # the first bundle, its language and pf_meta
        self._pages = 0          # pages merged so far
        self._total_words = 0    # Pagefind's word counts of those pages

    def add(self, part: Path) -> None:
        language, meta, new_number = _read_part(part)
        if self._first is None:
            self._first = (part, language, meta)
        elif (language, _json(meta[5])) != (self._first[1], _json(self._first[2][5])):
            raise BundleError(f"{part.name}: another language or settings than {self._first[0].name}")
        if sorted(new_number) != list(range(self._pages, self._pages + len(new_number))):
            raise BundleError(f"{part.name}: not the records that follow the previous batch")
        self._pages += len(new_number)
        self._total_words += sum(page[1] for page in meta[1])
        self._reader.new_number = new_number
        for _, _, chunk_hash in meta[2]:
            read_chunk(read_packed(part / "index" / f"{chunk_hash}.pf_index"), self._words, self._reader)

    def write(self, bundle: Path, excerpts, pair_hashes=None, pair_postings: int = 0) -> dict:
        """Write the finished bundle; `excerpts` yields each record's excerpt in order, and
        each call of `pair_hashes()` each record's pair hashes (vanban/search/pairs.py).
        The first batch's bundle must still exist. Returns figures."""
        records = self.records
        if self._first is None or self._pages != len(records):
            raise BundleError(f"the index holds {self._pages} pages for {len(records)} records")
        first, language, meta = self._first
        # Of the files Pagefind writes alike for every index, the entry file is kept (it names
        # the page list); its scripts, styles and wasm are not: search-engine.js reads the index.
        shutil.rmtree(bundle, ignore_errors=True)
        for folder in (bundle / "index", bundle / "fragment"):
            folder.mkdir(parents=True)
        shutil.copy(first / "pagefind-entry.json", bundle / "pagefind-entry.json")
        word_count = round(self._total_words / max(1, len(records)))
        with _Writer() as write:
            index_chunks = self._write_index(bundle / "index", language, write)
            tag = _write_fragments(bundle / "fragment", records, excerpts, word_count, write)
        pairs = write_pairs(bundle, pair_hashes or (lambda: ([] for _ in records)), pair_postings)

        meta[1] = [[page_id(k, tag), word_count] for k in range(len(records))]
        meta[2] = index_chunks
        meta[3], meta[4] = [], []  # no filter files, no sort lists: search.js uses the page ids
        meta_bytes = cbor_encode(meta)
        meta_hash = f"{language}_{hashlib.sha256(meta_bytes).hexdigest()[:10]}"
        write_packed(bundle / f"pagefind.{meta_hash}.pf_meta", meta_bytes)
        entry_path = bundle / "pagefind-entry.json"
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        entry["languages"][language].update(hash=meta_hash, page_count=len(records))
        entry_path.write_text(_json(entry), encoding="utf-8")
        (bundle / SEARCH_FILE).write_text(_json(search_file(records, tag, index_chunks, pairs)), encoding="utf-8")
        (bundle / FACETS_FILE).write_text(_json(facets_file(records)), encoding="utf-8")
        return {"pages": len(records), "tag": tag, "pair_shards": pairs["shards"]}

    def _write_index(self, folder: Path, language: str, write: _Writer) -> list[list[str]]:
        """Write the merged words in chunks; returns pf_meta's chunk list."""
        words = self._words
        chunks = split_chunks(((text, words.pop(text).cbor(text)) for text in sorted(words)), CHUNK_BYTES)
        index_chunks = []
        for (frm, to), chunk in zip(chunk_ranges(chunks), chunks):
            payload = cbor_head(4, 1) + cbor_head(4, len(chunk)) + b"".join(encoded for _, encoded in chunk)
            name = f"{language}_{hashlib.sha256(payload).hexdigest()[:7]}"
            write(folder / f"{name}.pf_index", payload)
            index_chunks.append([frm, to, name])
        return index_chunks


def _write_fragments(folder: Path, records: list[SearchRecord], excerpts, word_count: int, write: _Writer) -> str:
    """Write each record's fragment, first under a temporary name, then under its
    page id once the tag that hashes them all is known. Returns the tag."""
    tag_hash = hashlib.sha256()
    for k, (record, excerpt) in enumerate(zip(records, excerpts, strict=True)):
        body = _json({"url": record.url, "content": excerpt, "word_count": word_count,
                      "filters": {}, "meta": record.display, "anchors": []}).encode("utf-8")
        tag_hash.update(b"\n" + body if k else body)
        write(folder / f"{k}.tmp", body)
    write.wait()
    tag = tag_hash.hexdigest()[:TAG_LENGTH]
    for k in range(len(records)):
        (folder / f"{k}.tmp").rename(folder / f"{page_id(k, tag)}.pf_fragment")
    return tag


class _Writer:
    """write_packed in two threads: gzip level 9 is most of the writing, and zlib
    releases the GIL. A few files are in flight, never every excerpt in memory."""

    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=2)
        self._pending: deque = deque()

    def __call__(self, path: Path, payload: bytes) -> None:
        self._pending.append(self._pool.submit(write_packed, path, payload))
        if len(self._pending) > 16:
            self._pending.popleft().result()

    def wait(self) -> None:
        while self._pending:
            self._pending.popleft().result()

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                self.wait()
        finally:
            self._pool.shutdown(cancel_futures=True)
