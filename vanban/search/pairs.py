"""The adjacent-word-pair index: which documents hold two words next to each other (issue 18).

The word index keeps no positions, so a quoted phrase used to be checked in the
fragments of at most 36 candidates, each cut at 9,000 characters. This index
answers it for every document and every text length: each pair of adjacent
words of a document's texts (body, title, trích yếu, signer; words as
`phrase_words` gives them, đ folded to d) is hashed (CRC-32 of "word word" in
UTF-8: zlib in Python, a 256-entry table in search-engine.js) and kept in one of
S shard files, shard = hash * S >> 32, so a shard holds one range of hashes. A
phrase of k words reads the shards of its k-1 pairs and keeps the documents
holding them all: exact for two words; for three or more a document may hold
each pair apart, so the results shown are still confirmed in their fragments.
A hash shared by two pairs only adds documents, never drops one.

A shard file (`pairs/<tag>/<shard>.pf_pairs`, gzip) is one entry per hash, in
hash order, each as unsigned LEB128 varints:

    hash − previous hash (the first: the hash itself), page count,
    first page, then each page − the one before it.

S is chosen so that a shard is about SHARD_BYTES gzipped (a first pass weighs one
group of provisional shards); kho-search.json gives S and the tag (a hash of every
shard, so a changed archive renames them all and no browser keeps a stale one).
The writer streams: the documents' hashes stay on disk in the spool, and each
pass reads them once for a group of shards holding at most GROUP_POSTINGS.
"""
from __future__ import annotations

import gzip
import hashlib
import shutil
from array import array
from bisect import bisect_left
from functools import lru_cache
from itertools import chain, groupby
from pathlib import Path
from zlib import crc32

from .cbor import BundleError
from .text import phrase_words

PAIRS_DIR = "pairs"
SHARD_BYTES = 8_000          # gzipped bytes a shard aims at: what one pair of a phrase costs
BYTES_PER_POSTING = 1.0      # gzipped bytes a posting costs, roughly: the provisional S that _sized weighs
GROUP_POSTINGS = 1_000_000   # postings held in memory at once while writing (~40 MB)
_PAGE_BITS = 24              # a page number fits below 16 M documents


@lru_cache(maxsize=1 << 17)
def _token_words(token: str) -> tuple[str, ...]:
    return tuple(phrase_words(token).split())


def text_words(text: str) -> list[str]:
    """phrase_words(text).split(), a whitespace token at a time: folding is token-local,
    and directives repeat their tokens, so each distinct token is folded once."""
    return list(chain.from_iterable(map(_token_words, (text or "").split())))


def pair_hash(first: str, second: str) -> int:
    """The hash of two adjacent words: search-engine.js pairHash is its twin."""
    return crc32(f"{first} {second}".encode("utf-8"))


def pair_hashes(texts) -> array:
    """The sorted distinct hashes of the adjacent word pairs of each text (no pair spans two texts)."""
    pairs = set()
    for text in texts:
        words = text_words(text)
        pairs.update(map(" ".join, zip(words, words[1:])))
    return array("I", sorted({crc32(p.encode("utf-8")) for p in pairs}))


def shard_of(hash_: int, shards: int) -> int:
    return (hash_ * shards) >> 32


def _first_hash(shard: int, shards: int) -> int:
    """The smallest hash of `shard`: ceil(shard * 2**32 / shards)."""
    return -((-shard << 32) // shards)


def shard_count(postings: int) -> int:
    """S for an archive of this many (document, pair) postings: shards of about SHARD_BYTES."""
    return max(1, round(postings * BYTES_PER_POSTING / SHARD_BYTES))


# ---- the shard format ----

_SMALL = [bytes([v]) if v < 0x80 else bytes([v & 0x7F | 0x80, v >> 7]) for v in range(1 << 14)]


def _varint(value: int) -> bytes:
    if value < 1 << 14:
        return _SMALL[value]
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def encode_shard(entries) -> bytes:
    """(hash, sorted pages) in hash order, as the shard's bytes (before gzip)."""
    out, previous = [], 0
    for hash_, pages in entries:
        out += [_varint(hash_ - previous), _varint(len(pages)), _varint(pages[0])]
        out += map(_varint, (b - a for a, b in zip(pages, pages[1:])))
        previous = hash_
    return b"".join(out)


def decode_shard(data: bytes) -> dict[int, list[int]]:
    """hash -> pages of a shard's bytes (tests and verify; search-engine.js reads it the same way)."""
    def varint() -> int:
        nonlocal i
        value = shift = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value
    i, hash_, entries = 0, 0, {}
    try:
        while i < len(data):
            hash_ += varint()
            count, page = varint(), varint()
            pages = [page]
            for _ in range(count - 1):
                page += varint()
                pages.append(page)
            entries[hash_] = pages
    except IndexError:
        raise BundleError("pair shard cut short") from None
    return entries


# ---- writing ----

def _group_entries(documents, shards: int, low: int, high: int):
    """(hash, pages) of shards low..high-1, in hash order, from one pass over the documents."""
    start, stop = _first_hash(low, shards), _first_hash(high, shards)
    postings = []
    for page, hashes in enumerate(documents()):
        part = hashes[bisect_left(hashes, start):bisect_left(hashes, stop)]
        postings += [(h << _PAGE_BITS) | page for h in part]
    postings.sort()
    mask = (1 << _PAGE_BITS) - 1
    for hash_, group in groupby(postings, key=lambda v: v >> _PAGE_BITS):
        yield hash_, [v & mask for v in group]


def _sized(documents, shards: int, postings: int) -> int:
    """S from the gzipped size of the first group of `shards` provisional shards: hashes
    spread evenly, so one group tells what all weigh. How much a posting costs depends
    on the archive (a repetitive one shares its pairs: long page lists compress well)."""
    sample = max(1, min(shards, shards * GROUP_POSTINGS // max(1, postings)))
    entries = groupby(_group_entries(documents, shards, 0, sample), key=lambda entry: shard_of(entry[0], shards))
    weight = sum(len(gzip.compress(encode_shard(group), compresslevel=9, mtime=0)) for _, group in entries)
    return max(1, round(weight * shards / sample / SHARD_BYTES))


def write_pairs(folder: Path, documents, postings: int, shards: int | None = None) -> dict:
    """Write the shards under folder/pairs/<tag>/ and return {"shards": S, "tag": tag}.

    `documents()` yields, for page 0, 1, …, its sorted hashes (pair_hashes), and may be
    called again: each call is one pass over the spool. `postings` is their total count;
    S (`shards`) is sized from them unless given."""
    shards = shards or _sized(documents, shard_count(postings), postings)
    per_group = max(1, shards * GROUP_POSTINGS // max(1, postings))
    work = folder / PAIRS_DIR / "new"
    shutil.rmtree(folder / PAIRS_DIR, ignore_errors=True)
    work.mkdir(parents=True)
    tag_hash = hashlib.sha256()
    for low in range(0, shards, per_group):
        high = min(shards, low + per_group)
        entries = _group_entries(documents, shards, low, high)
        by_shard = groupby(entries, key=lambda entry: shard_of(entry[0], shards))
        written = set()
        for shard, group in by_shard:
            payload = encode_shard(group)
            tag_hash.update(f"{shard}:{len(payload)}\n".encode() + payload)
            (work / f"{shard}.pf_pairs").write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
            written.add(shard)
        for shard in set(range(low, high)) - written:   # no pair falls there: an empty shard
            (work / f"{shard}.pf_pairs").write_bytes(gzip.compress(b"", mtime=0))
    tag = tag_hash.hexdigest()[:8]
    work.rename(folder / PAIRS_DIR / tag)
    return {"shards": shards, "tag": tag}


def shard_path(folder: Path, pairs: dict, shard: int) -> Path:
    return folder / PAIRS_DIR / pairs["tag"] / f"{shard}.pf_pairs"


def phrase_pages(folder: Path, pairs: dict, phrase: str) -> set[int]:
    """The pages holding every adjacent pair of `phrase` (tests; search-engine.js does the same)."""
    words = text_words(phrase)
    pages = None
    for first, second in zip(words, words[1:]):
        hash_ = pair_hash(first, second)
        shard = decode_shard(gzip.decompress(shard_path(folder, pairs, shard_of(hash_, pairs["shards"])).read_bytes()))
        held = set(shard.get(hash_, ()))
        pages = held if pages is None else pages & held
    return pages or set()
