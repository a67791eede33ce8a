"""Reading a Pagefind bundle back: is everything it names there, and which pages hold a word.

`verify_bundle` opens what `pagefind-entry.json` and the page list (`.pf_meta`)
reference — every index chunk, filter file and fragment, and the pair shards
kho-search.json names — decodes each, and
checks that the chunks cover their word ranges and point at pages that exist.
`word_pages` answers an exact-word query from the index chunks, so the same
queries can be run over Pagefind's own output and over the finished bundle
(tests/test_search_verify.py). Both read any Pagefind 1.5 bundle, before or
after vanban/search/bundle.py rewrites it.
"""
from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from .bundle import SEARCH_FILE, SUPPORTED_VERSION, read_packed
from .cbor import BundleError, cbor_decode
from .pairs import decode_shard, shard_of, shard_path


@dataclass
class BundleView:
    folder: Path
    language: str
    meta: list          # the decoded .pf_meta: [version, pages, chunks, filters, sorts, settings]

    @property
    def page_ids(self) -> list[str]:
        return [page[0] for page in self.meta[1]]


def open_bundle(folder: Path) -> BundleView:
    folder = Path(folder)
    entry_path = folder / "pagefind-entry.json"
    if not entry_path.is_file():
        raise BundleError(f"{entry_path}: missing")
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != SUPPORTED_VERSION or len(entry.get("languages", {})) != 1:
        raise BundleError(f"{entry_path}: expected one Pagefind {SUPPORTED_VERSION} index, got {entry}")
    (language, info), = entry["languages"].items()
    meta = _decoded(folder / f"pagefind.{info['hash']}.pf_meta")
    if len(meta) != 6 or meta[0] != SUPPORTED_VERSION:
        raise BundleError(f"{folder}: unexpected page list {meta[:1]}")
    if info.get("page_count") != len(meta[1]):
        raise BundleError(f"{entry_path}: page_count {info.get('page_count')} for {len(meta[1])} pages")
    return BundleView(folder, language, meta)


def _packed(path: Path) -> bytes:
    if not path.is_file():
        raise BundleError(f"{path}: referenced but missing")
    return read_packed(path)


def _decoded(path: Path):
    try:
        return cbor_decode(_packed(path))
    except (IndexError, UnicodeDecodeError) as error:
        raise BundleError(f"{path}: cut short or not CBOR ({error})") from None


def _pages(entries: list, page_count: int, where: str) -> list[int]:
    """Page numbers of a page list [[delta, locations, meta locations], ...]."""
    numbers, number = [], 0
    for delta, *_ in entries:
        number += delta
        numbers.append(number)
    if numbers and (numbers[-1] >= page_count or any(b <= a for a, b in zip(numbers, numbers[1:]))):
        raise BundleError(f"{where}: page numbers {numbers[:5]}… out of order or beyond {page_count} pages")
    return numbers


def _chunk_words(view: BundleView, chunk: list) -> list:
    frm, to, name = chunk
    words = _decoded(view.folder / "index" / f"{name}.pf_index")[0]
    for text, *_ in words:
        if not (text >= frm and text[:len(to)] <= to):
            raise BundleError(f"index/{name}.pf_index: word {text!r} outside its range {frm!r}-{to!r}")
    return words


def verify_bundle(folder: Path) -> dict:
    """Open and decode everything the bundle references; raise BundleError naming the first fault."""
    view = open_bundle(folder)
    pages = len(view.meta[1])
    words = 0
    for chunk in view.meta[2]:
        for text, entries, variants in _chunk_words(view, chunk):
            _pages(entries, pages, f"word {text!r}")
            for form, variant_entries in variants:
                _pages(variant_entries, pages, f"variant {form!r}")
            words += 1
    for name, hash_ in view.meta[3]:
        _decoded(view.folder / "filter" / f"{hash_}.pf_filter")
    for page_id in view.page_ids:
        fragment = json.loads(_packed(view.folder / "fragment" / f"{page_id}.pf_fragment"))
        if not fragment.get("url"):
            raise BundleError(f"fragment/{page_id}.pf_fragment: no url")
    return {"pages": pages, "chunks": len(view.meta[2]), "words": words, "filters": len(view.meta[3]),
            "pair_shards": _verify_pairs(view.folder, pages)}


def _verify_pairs(folder: Path, pages: int) -> int:
    """Every pair shard kho-search.json names exists, decodes, holds only its own hashes
    and points at pages that exist (Pagefind's own bundle has none: 0)."""
    search = folder / SEARCH_FILE
    pairs = json.loads(search.read_text(encoding="utf-8")).get("pairs") if search.is_file() else None
    if not pairs:
        return 0
    for shard in range(pairs["shards"]):
        path = shard_path(folder, pairs, shard)
        if not path.is_file():
            raise BundleError(f"{path}: referenced but missing")
        try:
            entries = decode_shard(gzip.decompress(path.read_bytes()))
        except (OSError, EOFError, zlib.error) as error:
            raise BundleError(f"{path}: not gzip ({error})") from None
        for hash_, numbers in entries.items():
            if shard_of(hash_, pairs["shards"]) != shard or numbers[-1] >= pages or numbers != sorted(set(numbers)):
                raise BundleError(f"{path}: hash {hash_} out of its shard, or pages {numbers[:5]}… out of order")
    return pairs["shards"]


def word_pages(folder: Path, word: str) -> set[str]:
    """URLs (as the fragments give them) of the pages whose index holds `word`, a key
    as Pagefind stores it (tones stripped, đ kept), in any of its spellings."""
    view = open_bundle(folder)
    ids = view.page_ids
    for chunk in view.meta[2]:
        frm, to, _ = chunk
        if word >= frm and word[:len(to)] <= to:
            for text, entries, variants in _chunk_words(view, chunk):
                if text == word:
                    numbers = set(_pages(entries, len(ids), word))
                    for form, variant_entries in variants:
                        numbers.update(_pages(variant_entries, len(ids), form))
                    return {json.loads(_packed(view.folder / "fragment" / f"{ids[n]}.pf_fragment"))["url"]
                            for n in numbers}
    return set()
