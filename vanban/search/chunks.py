"""Merging the index chunks of several Pagefind batches into one index.

Each word's page list is read straight from its CBOR bytes and re-encoded with
renumbered pages and one weight per field instead of positions (weights_kept);
chunks are then cut to CHUNK_BYTES.
"""
from __future__ import annotations

import re
from itertools import accumulate, chain
from operator import sub

from .cbor import BundleError, cbor_decode, cbor_head, read_cbor_head, read_cbor_text, cbor_encode

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


_BODY_MARK = b"\x38\x18"   # -25: weight 24, Pagefind's mark for an unweighted word


def weights_kept(locations: bytes) -> bytes:
    """Two location lists re-encoded as one (weight mark, position 0) pair per weight they hold.

    Locations are word positions (>= 0) after weight marks (< 0). A record holds
    each word once per field, in blocks of distinct weights (vanban/search/fields.py),
    so the weights say which fields hold the word, and that is all search.js reads:
    no position is ever used, and as zeros they compress to almost nothing."""
    out, i = bytearray(), 0
    for _ in range(2):
        count, j = read_cbor_head(locations, i, 4)
        marks, mark = [], _BODY_MARK
        for _ in range(count):
            first = locations[j]
            if first < 0x1C:            # a position, under the last mark
                if mark not in marks:
                    marks.append(mark)
                j += 1 if first < 0x18 else 1 + (1 << (first - 0x18))
            elif 0x20 <= first < 0x3C:  # a mark (negative int, minimal already)
                end = j + 1 if first < 0x38 else j + 1 + (1 << (first - 0x38))
                mark = locations[j:end]
                j = end
            else:
                raise BundleError(f"unexpected location item {first:#x}")
        marks.sort(key=lambda m: cbor_decode(m))   # heaviest first: the same bytes for the same fields
        out += cbor_head(4, 2 * len(marks)) + b"".join(m + b"\x00" for m in marks)
        i = j
    if i != len(locations):
        raise BundleError("location list longer than its count")
    return bytes(out)


def _uint(encoded: bytes) -> int:
    return encoded[0] if encoded[0] < 24 else int.from_bytes(encoded[1:], "big")


class LocationReader:
    """Reads the page lists of one merge: maps Pagefind's page numbers of a batch
    to record numbers, and remembers the few thousand location lists that recur."""

    def __init__(self):
        self.deltas = _Memo(_uint)
        self.kept = _Memo(weights_kept)
        self.new_number: list[int] = []

    def page_list(self, data: bytes, i: int) -> tuple[list[tuple[int, bytes]], int]:
        """The page list at offset i as (new page number, encoded location lists)
        sorted by new number, and the next offset."""
        count, i = read_cbor_head(data, i, 4)
        end = _PAGE_ENTRIES.match(data, i).end()
        entries = _PAGE_ENTRY.findall(data, i, end)
        if len(entries) != count:
            raise BundleError(f"page list of {count} entries holds {len(entries)} at byte {i}")
        if not entries:
            return [], end
        deltas, locations = zip(*entries)
        pages = map(self.new_number.__getitem__, accumulate(map(self.deltas.__getitem__, deltas)))
        return sorted(zip(pages, map(self.kept.__getitem__, locations))), end


_HEADS = _Memo(lambda delta: b"\x83" + cbor_head(0, delta))  # an entry's array head and delta


class PageList:
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
        return cbor_head(4, self.count) + self.encoded


class WordPages:
    """[word, pages, [[variant, pages], ...]]: variants are the spellings with diacritics."""
    __slots__ = ("pages", "variants")

    def __init__(self):
        self.pages, self.variants = PageList(), {}

    def cbor(self, text: str) -> bytes:
        parts = [b"\x83", cbor_encode(text), self.pages.cbor(), cbor_head(4, len(self.variants))]
        for form in sorted(self.variants):
            parts += [b"\x82", cbor_encode(form), self.variants[form].cbor()]
        return b"".join(parts)


def read_chunk(payload: bytes, words: dict[str, WordPages], reader: LocationReader) -> None:
    """Merge the words of one Pagefind index chunk, [[word, pages, variants], ...], into `words`."""
    try:
        outer, i = read_cbor_head(payload, 0, 4)
        count, i = read_cbor_head(payload, i, 4)
        if outer != 1:
            raise BundleError(f"index chunk of {outer} items")
        for _ in range(count):
            if payload[i] != 0x83:
                raise BundleError(f"unexpected word entry {payload[i]:#x} at byte {i}")
            text, i = read_cbor_text(payload, i + 1)
            word = words.get(text)
            if word is None:
                word = words[text] = WordPages()
            pages, i = reader.page_list(payload, i)
            word.pages.extend(pages)
            variants, i = read_cbor_head(payload, i, 4)
            for _ in range(variants):
                if payload[i] != 0x82:
                    raise BundleError(f"unexpected variant entry {payload[i]:#x} at byte {i}")
                form, i = read_cbor_text(payload, i + 1)
                pages, i = reader.page_list(payload, i)
                merged = word.variants.get(form)
                if merged is None:
                    merged = word.variants[form] = PageList()
                merged.extend(pages)
    except IndexError as error:  # cut short, or a page number the batch does not have
        raise BundleError(f"index chunk cut short or out of range: {error}") from None
    if i != len(payload):
        raise BundleError(f"{len(payload) - i} trailing bytes after an index chunk")


def split_chunks(words, target: int) -> list[list[tuple[str, bytes]]]:
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


def chunk_ranges(chunks: list[list[tuple[str, bytes]]]) -> list[list[str]]:
    """[from, to] of each chunk, shortened to distinguishing prefixes as
    Pagefind's own chunk_meta does (its search code expects exactly that)."""
    ranges = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for before, after in zip(ranges, ranges[1:]):
        to, frm = _common_prefixes(before[1], after[0])
        if to >= before[0]:
            before[1] = to
        after[0] = frm
    return ranges


