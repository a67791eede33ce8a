"""Finish the Pagefind 1.5 bundle after indexing (issue 4): smaller and byte-stable.

Pagefind writes, per page, a fragment named by a 7-hex content hash and an
entry in its page list (`pagefind.<hash>.pf_meta`, gzip + "pagefind_dcd" +
CBOR). This module rewrites three things:

* Fragments carry what a result shows (vanban/search_record.py display
  fields and the visible text excerpts quote) instead of the indexed word
  list, which nobody reads.
* Page k is renamed "<k in base 36>_<build tag>": the page list every query
  downloads shrinks from 10-digit hashes to counters (~48 KB -> ~12 KB for
  10,000 pages), and search.js knows each result's rank in date order from
  its id, so it sorts and filters without Pagefind's sort list and filter
  files (~90 KB for 10,000 pages). The tag hashes all fragments, so a changed
  archive renames every fragment and no browser keeps a stale one.
* Word positions become 0 (see _positions_dropped): they were most of the
  bytes of the index chunks a query downloads; and the chunks are cut
  smaller (CHUNK_BYTES), since a query loads one whole chunk per word.
* Every page gets the same word count: the indexed text is one copy of each
  word, so length says little, and equal counts compress to nothing.

`kho-facets.json` gives, per page in index order, the index of its value for
each filter (one character per page); search.js counts and filters with it. Nothing here depends on
the order Pagefind iterates its hash maps, so two builds are byte-identical.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from .search_record import FACETS, SearchRecord

SIGNATURE = b"pagefind_dcd"
SUPPORTED_VERSION = "1.5.2"
FACETS_FILE = "kho-facets.json"
TAG_LENGTH = 8
CHUNK_BYTES = 24_000  # encoded; about 6-8 KB gzipped once positions are zeros


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


def record_path(number: int) -> str:
    """Where record `number` is written for Pagefind to read (and the URL it reports)."""
    return f"r/{number:06d}.html"


def _record_number(url: str) -> int:
    match = re.fullmatch(r"/r/(\d{6})\.html", url)
    if not match:
        raise BundleError(f"unexpected page URL {url!r}")
    return int(match.group(1))


def _positions_dropped(locations: list[int]) -> list[int]:
    """Locations are word positions (>= 0) after weight or field marks (< 0).
    A record holds each word once and results quote their own text, so no
    position is ever read; as zeros they compress to almost nothing, while
    the marks and the count of locations, which ranking reads, stay."""
    return [loc if loc < 0 else 0 for loc in locations]


def _renumber_pages(pages: list, new_number: list[int]) -> list:
    """A word's page list: [[page delta, locations, meta locations], ...] in page order."""
    absolute, total = [], 0
    for delta, locations, meta_locations in pages:
        total += delta
        absolute.append([new_number[total], _positions_dropped(locations), _positions_dropped(meta_locations)])
    absolute.sort(key=lambda page: page[0])
    previous = 0
    for page in absolute:
        page[0], previous = page[0] - previous, page[0]
    return absolute


def _renumbered_word(word: list, new_number: list[int]) -> list:
    """A word of an index chunk: [word, pages, [[variant, pages], ...]]."""
    text, pages, variants = word
    return [text, _renumber_pages(pages, new_number),
            sorted(([form, _renumber_pages(p, new_number)] for form, p in variants), key=lambda v: v[0])]


def _split(words: list[list], target: int) -> list[list[tuple[list, bytes]]]:
    """Words (sorted) with their encodings, in chunks of about `target` encoded
    bytes: a query loads the chunk of each of its words, so small chunks mean
    little is downloaded besides that word."""
    chunks, current, size = [], [], 0
    for word in words:
        encoded = cbor_encode(word)
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


def _chunk_ranges(chunks: list[list[tuple[list, bytes]]]) -> list[list[str]]:
    """[from, to] of each chunk, shortened to distinguishing prefixes as
    Pagefind's own chunk_meta does (its search code expects exactly that)."""
    ranges = [[chunk[0][0][0], chunk[-1][0][0]] for chunk in chunks]
    for before, after in zip(ranges, ranges[1:]):
        to, frm = _common_prefixes(before[1], after[0])
        if to >= before[0]:
            before[1] = to
        after[0] = frm
    return ranges


def finish(bundle: Path, records: list[SearchRecord]) -> dict:
    """Rewrite the bundle Pagefind wrote from `records` (record k at record_path(k)). Returns figures."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != SUPPORTED_VERSION or len(entry.get("languages", {})) != 1:
        raise BundleError(f"expected one Pagefind {SUPPORTED_VERSION} index, got {entry}")
    (language, index_info), = entry["languages"].items()
    meta_path = bundle / f"pagefind.{index_info['hash']}.pf_meta"
    meta = cbor_decode(read_packed(meta_path))
    if len(meta) != 6 or meta[0] != SUPPORTED_VERSION or len(meta[1]) != len(records):
        raise BundleError(f"{meta_path.name}: {len(meta[1])} pages for {len(records)} records")

    # Pagefind numbers pages in the order it happened to read the files: renumber
    # them so that page k is record k (the k-th newest document), and cut the
    # words into smaller chunks than Pagefind's.
    fragments = bundle / "fragment"
    new_number = [_record_number(json.loads(read_packed(fragments / f"{page[0]}.pf_fragment"))["url"])
                  for page in meta[1]]
    if sorted(new_number) != list(range(len(records))):
        raise BundleError("the index does not hold every record exactly once")
    words = []
    for _, _, chunk_hash in meta[2]:
        old = bundle / "index" / f"{chunk_hash}.pf_index"
        words += [_renumbered_word(w, new_number) for w in cbor_decode(read_packed(old))[0]]
        old.unlink()
    words.sort(key=lambda word: word[0])
    chunks = _split(words, CHUNK_BYTES)
    meta[2] = []
    for (frm, to), chunk in zip(_chunk_ranges(chunks), chunks):
        payload = _head(4, 1) + _head(4, len(chunk)) + b"".join(encoded for _, encoded in chunk)
        name = f"{language}_{hashlib.sha256(payload).hexdigest()[:7]}"
        write_packed(bundle / "index" / f"{name}.pf_index", payload)
        meta[2].append([frm, to, name])

    word_count = round(sum(page[1] for page in meta[1]) / max(1, len(records)))
    bodies = [_json({"url": r.url, "content": r.excerpt, "word_count": word_count,
                     "filters": {}, "meta": r.display, "anchors": []}) for r in records]
    tag = hashlib.sha256("\n".join(bodies).encode("utf-8")).hexdigest()[:TAG_LENGTH]
    for path in fragments.glob("*.pf_fragment"):
        path.unlink()
    ids = [page_id(k, tag) for k in range(len(records))]
    for page, body in zip(ids, bodies):
        write_packed(fragments / f"{page}.pf_fragment", body.encode("utf-8"))

    meta[1] = [[page, word_count] for page in ids]
    meta[3], meta[4] = [], []  # no filter files, no sort lists: search.js uses the page ids
    meta_bytes = cbor_encode(meta)
    meta_hash = f"{language}_{hashlib.sha256(meta_bytes).hexdigest()[:10]}"
    meta_path.unlink()
    write_packed(bundle / f"pagefind.{meta_hash}.pf_meta", meta_bytes)
    for stale in (bundle / "filter").glob("*.pf_filter"):
        stale.unlink()
    index_info["hash"] = meta_hash
    entry_path.write_text(_json(entry), encoding="utf-8")
    (bundle / FACETS_FILE).write_text(_json(_facets(records, tag)), encoding="utf-8")
    return {"pages": len(records), "tag": tag}
