"""Pagefind 1.5's input and the bundle it writes (issue 4): batched, smaller and byte-stable.

`Spool` writes each document's record (vanban/search_record.py) to disk as
the page is rendered, so the build never holds every document's text, and
cuts the records into batches of consecutive index numbers. Pagefind indexes
each batch into a bundle of its own: its memory grows by ~300 KB per record
of a batch (665 MB for one index of 2,000 documents, ~60 MB per batch), and
the CLI of one batch runs while Python merges the one before.

`Merger` merges the batch bundles into one (`pagefind.<hash>.pf_meta`, index chunks and
fragments are gzip + "pagefind_dcd" + CBOR) and rewrites four things:

* Fragments carry what a result shows (vanban/search_record.py display
  fields and the visible text excerpts quote) instead of the indexed word
  list, which nobody reads.
* Page k is renamed "<k in base 36>_<build tag>": the page list every query
  downloads shrinks from 10-digit hashes to counters (~48 KB -> ~12 KB for
  10,000 pages), and search.js knows each result's rank in date order from
  its id, so it sorts and filters without Pagefind's sort list and filter
  files (~90 KB for 10,000 pages). The tag hashes all fragments, so a changed
  archive renames every fragment and no browser keeps a stale one.
* Word positions become 0 (see _positions_dropped): they were most of the bytes of
  the index chunks a query downloads; and the chunks are cut smaller
  (CHUNK_BYTES), since a query loads one whole chunk per word.
* Every page gets the same word count: the indexed text is one copy of each
  word, so length says little, and equal counts compress to nothing.

Index chunks are merged straight from their CBOR bytes, one word at a time:
decoded into Python lists they took ~500 MB and 20 s for 2,000 documents.
The merged bundle is the one a single Pagefind index of all records gives.

`kho-facets.json` gives, per page in index order, the index of its value for
each filter (one character per page); search.js counts and filters with it. Nothing here depends on
the order Pagefind iterates its hash maps, so two builds are byte-identical.
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import re
import shutil
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate, chain
from operator import sub
from pathlib import Path

from .search_record import FACETS, SearchRecord, index_order

SIGNATURE = b"pagefind_dcd"
SUPPORTED_VERSION = "1.5.2"
FACETS_FILE = "kho-facets.json"
TAG_LENGTH = 8
CHUNK_BYTES = 24_000  # encoded; about 6-8 KB gzipped once positions are zeros
BATCH_BYTES = 500_000  # of record HTML per Pagefind batch: ~150 documents, ~60 MB in Pagefind


class BundleError(RuntimeError):
    """The bundle is not the Pagefind output this module knows how to finish."""


# ---- the CBOR subset Pagefind writes (minicbor: definite lengths, minimal ints) ----

def cbor_decode(data: bytes):
    value, end = _decode(data, 0)
    if end != len(data):
        raise BundleError(f"{len(data) - end} trailing bytes after CBOR value")
    return value


def _decode(data: bytes, i: int):
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i:i + size], "big"), i + size
    elif major == 7 and info in (20, 21, 22):
        n = info
    else:
        raise BundleError(f"unsupported CBOR item {data[i - 1]:#x}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return bytes(data[i:i + n]), i + n
    if major == 3:
        return data[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], i
    raise BundleError(f"unsupported CBOR major type {major}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise BundleError(f"integer too large: {n}")


def cbor_encode(value) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 + [False, True, None].index(value)])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    raise BundleError(f"cannot encode {type(value).__name__}")


def _read_head(data: bytes, i: int, major: int) -> tuple[int, int]:
    """(argument, next offset) of the item at offset i, which must be of type `major`."""
    first = data[i]
    info = first & 31
    if first >> 5 != major or info > 27:
        raise BundleError(f"expected CBOR major type {major} at byte {i}, found {first:#x}")
    if info < 24:
        return info, i + 1
    end = i + 1 + (1 << (info - 24))
    return int.from_bytes(data[i + 1:end], "big"), end


def _read_text(data: bytes, i: int) -> tuple[str, int]:
    n, i = _read_head(data, i, 3)
    return data[i:i + n].decode("utf-8"), i + n


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
        self._spans: list[tuple[int, int, int]] = []  # offset, html bytes, excerpt bytes
        self._order: list[int] = []

    def __len__(self) -> int:
        return len(self._records)

    def add(self, record: SearchRecord) -> None:
        html, excerpt = record.html.encode("utf-8"), record.excerpt.encode("utf-8")
        with self._file.open("ab") as spool:
            self._spans.append((spool.tell(), len(html), len(excerpt)))
            spool.write(html + excerpt)
        self._records.append(dataclasses.replace(record, html="", excerpt=""))

    def ordered(self) -> list[SearchRecord]:
        """The records in index order (vanban.search_record.index_order): record k is page k."""
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
                offset, length, _ = self._spans[arrived]
                spool.seek(offset)
                (batch / record_path(number)).write_bytes(spool.read(length))
                size += length
        if batch:
            yield batch

    def excerpts(self):
        """The excerpt of each record, in index order (after `ordered`)."""
        with self._file.open("rb") as spool:
            for arrived in self._order:
                offset, html, length = self._spans[arrived]
                spool.seek(offset + html)
                yield spool.read(length).decode("utf-8")


# ---- merging the index chunks of the batches ----

# A word's page list, [[page delta, locations, meta locations], ...], is read
# by regular expressions, in C: location lists hold only ints (first bytes
# 0x00-0x3b), and whatever follows a list (another list, an entry, a word)
# starts with a higher byte, so the greedy int runs stop exactly at the end of
# each list. A Python loop over the ~500,000 entries per 1,000 documents took most of the merge.
_UINT = rb"(?:[\x00-\x17]|\x18.|\x19..|\x1a.{4}|\x1b.{8})"
_INT = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38].|[\x19\x39]..|[\x1a\x3a].{4}|[\x1b\x3b].{8})"
_LIST = rb"(?:[\x80-\x97]|\x98.|\x99..)" + _INT + b"*"
_PAGE_ENTRY = re.compile(rb"\x83(" + _UINT + rb")(" + _LIST + _LIST + rb")", re.DOTALL)
_PAGE_ENTRIES = re.compile(rb"(?:\x83" + _UINT + _LIST + _LIST + rb")*", re.DOTALL)


class _Memo(dict):
    """A dict that computes a missing value with `function`, so that
    map(memo.__getitem__, keys) stays in C for the keys already seen."""

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __missing__(self, key):
        value = self[key] = self.function(key)
        return value


def _positions_dropped(locations: bytes) -> bytes:
    """Two location lists re-encoded with their word positions set to 0.

    Locations are word positions (>= 0) after weight or field marks (< 0).
    A record holds each word once and results quote their own text, so no
    position is ever read; as zeros they compress to almost nothing, while
    the marks and the count of locations, which ranking reads, stay."""
    out, i = bytearray(), 0
    for _ in range(2):
        count, j = _read_head(locations, i, 4)
        out += locations[i:j]
        for _ in range(count):
            first = locations[j]
            if first < 0x1C:            # a position: 0 as one byte
                out.append(0)
                j += 1 if first < 0x18 else 1 + (1 << (first - 0x18))
            elif 0x20 <= first < 0x3C:  # a mark: copied as written (minimal already)
                end = j + 1 if first < 0x38 else j + 1 + (1 << (first - 0x38))
                out += locations[j:end]
                j = end
            else:
                raise BundleError(f"unexpected location item {first:#x}")
        i = j
    if i != len(locations):
        raise BundleError("location list longer than its count")
    return bytes(out)


def _uint(encoded: bytes) -> int:
    return encoded[0] if encoded[0] < 24 else int.from_bytes(encoded[1:], "big")


class _Reader:
    """Reads the page lists of one merge: maps Pagefind's page numbers of a batch
    to record numbers, and remembers the few thousand location lists that recur."""

    def __init__(self):
        self.deltas = _Memo(_uint)
        self.dropped = _Memo(_positions_dropped)
        self.new_number: list[int] = []

    def page_list(self, data: bytes, i: int) -> tuple[list[tuple[int, bytes]], int]:
        """The page list at offset i as (new page number, encoded location lists)
        sorted by new number, and the next offset."""
        count, i = _read_head(data, i, 4)
        end = _PAGE_ENTRIES.match(data, i).end()
        entries = _PAGE_ENTRY.findall(data, i, end)
        if len(entries) != count:
            raise BundleError(f"page list of {count} entries holds {len(entries)} at byte {i}")
        if not entries:
            return [], end
        deltas, locations = zip(*entries)
        pages = map(self.new_number.__getitem__, accumulate(map(self.deltas.__getitem__, deltas)))
        return sorted(zip(pages, map(self.dropped.__getitem__, locations))), end


_HEADS = _Memo(lambda delta: b"\x83" + _head(0, delta))  # an entry's array head and delta


class _Pages:
    """A word's page list merged from the batches, encoded as it grows: batches hold
    consecutive page numbers, so each batch's pages come after the previous batch's."""
    __slots__ = ("count", "last", "encoded")

    def __init__(self):
        self.count, self.last, self.encoded = 0, 0, bytearray()

    def extend(self, pages: list[tuple[int, bytes]]) -> None:
        if not pages:
            return
        if self.count and pages[0][0] <= self.last:
            raise BundleError("Pagefind batches overlap")
        numbers, locations = zip(*pages)
        heads = map(_HEADS.__getitem__, map(sub, numbers, (self.last,) + numbers[:-1]))
        self.encoded += b"".join(chain.from_iterable(zip(heads, locations)))
        self.count += len(pages)
        self.last = numbers[-1]

    def cbor(self) -> bytes:
        return _head(4, self.count) + self.encoded


class _Word:
    """[word, pages, [[variant, pages], ...]]: variants are the spellings with diacritics."""
    __slots__ = ("pages", "variants")

    def __init__(self):
        self.pages, self.variants = _Pages(), {}

    def cbor(self, text: str) -> bytes:
        parts = [b"\x83", cbor_encode(text), self.pages.cbor(), _head(4, len(self.variants))]
        for form in sorted(self.variants):
            parts += [b"\x82", cbor_encode(form), self.variants[form].cbor()]
        return b"".join(parts)


def _read_chunk(payload: bytes, words: dict[str, _Word], reader: _Reader) -> None:
    """Merge the words of one Pagefind index chunk, [[word, pages, variants], ...], into `words`."""
    try:
        outer, i = _read_head(payload, 0, 4)
        count, i = _read_head(payload, i, 4)
        if outer != 1:
            raise BundleError(f"index chunk of {outer} items")
        for _ in range(count):
            if payload[i] != 0x83:
                raise BundleError(f"unexpected word entry {payload[i]:#x} at byte {i}")
            text, i = _read_text(payload, i + 1)
            word = words.get(text)
            if word is None:
                word = words[text] = _Word()
            pages, i = reader.page_list(payload, i)
            word.pages.extend(pages)
            variants, i = _read_head(payload, i, 4)
            for _ in range(variants):
                if payload[i] != 0x82:
                    raise BundleError(f"unexpected variant entry {payload[i]:#x} at byte {i}")
                form, i = _read_text(payload, i + 1)
                pages, i = reader.page_list(payload, i)
                merged = word.variants.get(form)
                if merged is None:
                    merged = word.variants[form] = _Pages()
                merged.extend(pages)
    except IndexError as error:  # cut short, or a page number the batch does not have
        raise BundleError(f"index chunk cut short or out of range: {error}") from None
    if i != len(payload):
        raise BundleError(f"{len(payload) - i} trailing bytes after an index chunk")


def _split(words, target: int) -> list[list[tuple[str, bytes]]]:
    """(word, encoding) pairs, sorted, in chunks of about `target` encoded
    bytes: a query loads the chunk of each of its words, so small chunks mean
    little is downloaded besides that word."""
    chunks, current, size = [], [], 0
    for word, encoded in words:
        current.append((word, encoded))
        size += len(encoded)
        if size >= target:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def _common_prefixes(a: str, b: str) -> tuple[str, str]:
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return a[:shared + 1], b[:shared + 1]


def _chunk_ranges(chunks: list[list[tuple[str, bytes]]]) -> list[list[str]]:
    """[from, to] of each chunk, shortened to distinguishing prefixes as
    Pagefind's own chunk_meta does (its search code expects exactly that)."""
    ranges = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for before, after in zip(ranges, ranges[1:]):
        to, frm = _common_prefixes(before[1], after[0])
        if to >= before[0]:
            before[1] = to
        after[0] = frm
    return ranges


# ---- the finished bundle ----

CODE_BASE = 0x30  # page codes are characters from "0" up: one character per page


def _facets(records: list[SearchRecord], tag: str) -> dict:
    """Per filter, its values (most used first) and one character per page
    giving the index of that page's value: 10,000 pages cost ~10 KB gzipped."""
    fields = {}
    for name in FACETS:
        counts = Counter(r.facets[name] for r in records)
        values = sorted(counts, key=lambda v: (-counts[v], v))
        if CODE_BASE + len(values) >= 0xD800:  # stay below the surrogate range
            raise BundleError(f"too many values for filter {name}: {len(values)}")
        index = {v: i for i, v in enumerate(values)}
        fields[name] = {"values": values,
                        "codes": "".join(chr(CODE_BASE + index[r.facets[name]]) for r in records)}
    return {"tag": tag, "pages": len(records), "fields": fields}


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
        self._words: dict[str, _Word] = {}
        self._reader = _Reader()
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
            _read_chunk(read_packed(part / "index" / f"{chunk_hash}.pf_index"), self._words, self._reader)

    def write(self, bundle: Path, excerpts) -> dict:
        """Write the finished bundle; `excerpts` yields each record's excerpt in order.
        The first batch's bundle must still exist. Returns figures."""
        records = self.records
        if self._first is None or self._pages != len(records):
            raise BundleError(f"the index holds {self._pages} pages for {len(records)} records")
        first, language, meta = self._first
        # The first batch's bundle gives the files Pagefind writes alike for
        # every index: its scripts, styles and entry file.
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.copytree(first, bundle, ignore=shutil.ignore_patterns("*.pf_*"))
        word_count = round(self._total_words / max(1, len(records)))
        with _Writer() as write:
            index_chunks = self._write_index(bundle / "index", language, write)
            tag = _write_fragments(bundle / "fragment", records, excerpts, word_count, write)

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
        (bundle / FACETS_FILE).write_text(_json(_facets(records, tag)), encoding="utf-8")
        return {"pages": len(records), "tag": tag}

    def _write_index(self, folder: Path, language: str, write: _Writer) -> list[list[str]]:
        """Write the merged words in chunks; returns pf_meta's chunk list."""
        words = self._words
        chunks = _split(((text, words.pop(text).cbor(text)) for text in sorted(words)), CHUNK_BYTES)
        index_chunks = []
        for (frm, to), chunk in zip(_chunk_ranges(chunks), chunks):
            payload = _head(4, 1) + _head(4, len(chunk)) + b"".join(encoded for _, encoded in chunk)
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
