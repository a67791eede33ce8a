"""What the search index holds for each document (issues 4 and 18).

Pagefind does not read the published pages: each document becomes a small
record built here. Its indexed text is every distinct word of the body once
(vanban.search.text.distinct_words), then one weighted block per field
(vanban/search/fields.py). What a result shows (title, number, date, issuer,
the visible text quoted in excerpts) and what the filters count
(vanban/search/facets.py) are added to the bundle afterwards
(vanban/search/bundle.py), so none of it is indexed twice.

A number the archive cites but does not hold gets a record too: its number
block alone, shown as a "Chưa có trong kho" card that links its page. Those
records follow every document in the index, so page k < documents is a document.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .facets import facet_values
from .fields import FIELDS, NUMBER, DETAILS, field_words
from .pairs import pair_hashes
from .text import canonical_tones, distinct_words, escape, excerpt_source, iso_date
from ..symbols import normalize_symbol
from ..text import nfc

# Results quote from this much of the visible text: a directive's substance
# sits in its first pages, and each result downloads what is kept here.
EXCERPT_CHARS = 9000
DOCUMENT, MISSING = "van-ban", "chua-co"   # record kinds


@dataclass(frozen=True)
class SearchDoc:
    """A document page as the build sees it."""
    url: str    # site-relative: "van-ban/2021/cong-van-154-cv-tu/"
    meta: dict  # front matter
    text: str   # visible text of the body
    cites: tuple[str, ...] = ()   # numbers of the documents it cites, as the resolver read them


@dataclass(frozen=True)
class MissingDoc:
    """A number the archive cites but does not hold, and its "chưa có trong kho" page."""
    url: str           # "chua-co/16-ct-ttg/"
    so_ky_hieu: str
    province: str | None   # a local number (761-CV/TU) is another document in each province
    loai_van_ban: str | None
    co_quan: str | None
    cited_by: int      # documents that cite it


@dataclass(frozen=True)
class SearchRecord:
    url: str          # "/van-ban/2021/cong-van-154-cv-tu/", as Pagefind returns it
    date: str         # ISO date, "" when unknown
    html: str         # what Pagefind indexes
    display: dict     # shown in a result
    excerpt: str      # visible text a result quotes
    facets: dict = field(default_factory=dict)   # filter name -> value (documents only)
    kind: str = DOCUMENT
    pairs: bytes = b""   # sorted hashes of its adjacent word pairs (vanban/search/pairs.py), array("I") bytes


def _display(meta: dict, date: str) -> dict:
    symbol = str(meta.get("so_ky_hieu") or "")   # `so_ky_hieu: 154` is a number in the front matter
    shown = {
        "title": meta.get("title"),
        "so_ky_hieu": normalize_symbol(symbol) or symbol if symbol else None,
        "loai": meta.get("loai_van_ban"),
        "ngay": date,
        "co_quan": canonical_tones(str(meta.get("co_quan_ban_hanh") or "")),
        "trich_yeu": meta.get("trich_yeu"),
        "nguoi_ky": meta.get("nguoi_ky"),   # shown, and where a phrase such as a name is checked
    }
    return {k: nfc(str(v)) for k, v in shown.items() if v}


def record_html(body_words: list[str], words: dict) -> str:
    """The page Pagefind indexes: each body word once, then one weighted block per field."""
    blocks = "".join(f'<p data-pagefind-weight="{f.weight}">{escape(" ".join(words[f]))}</p>'
                     for f in FIELDS if words.get(f))
    return (f'<html lang="vi"><body><main data-pagefind-body><p>{escape(" ".join(body_words))}</p>'
            f"{blocks}</main></body></html>")


def record_of(doc: SearchDoc) -> SearchRecord:
    date = iso_date(doc.meta.get("ngay_ban_hanh")) or ""
    return SearchRecord(
        url="/" + doc.url.lstrip("/"),
        date=date,
        html=record_html(distinct_words(doc.text), field_words(doc.meta, doc.cites)),
        display=_display(doc.meta, date),
        excerpt=excerpt_source(doc.text, EXCERPT_CHARS),
        facets=facet_values(doc.meta, date),
        pairs=pair_hashes(phrase_texts(doc)).tobytes(),
    )


def phrase_texts(doc: SearchDoc) -> list[str]:
    """Where a quoted phrase is looked for: the body and the fields a result shows it in
    (search-page.js holdsPhrases reads the same ones from the fragment)."""
    return [doc.text] + [str(doc.meta.get(k) or "") for k in ("title", "trich_yeu", "nguoi_ky")]


def missing_record_of(doc: MissingDoc) -> SearchRecord:
    """The card of a number cited but not held: found by its number, type and issuer alone."""
    words = field_words({"so_ky_hieu": doc.so_ky_hieu, "loai_van_ban": doc.loai_van_ban,
                         "co_quan_ban_hanh": doc.co_quan, "dia_danh": doc.province})
    shown = {"so_ky_hieu": doc.so_ky_hieu, "loai": doc.loai_van_ban, "tinh": doc.province,
             "co_quan": doc.co_quan, "dan_chieu": str(doc.cited_by)}
    return SearchRecord(
        url="/" + doc.url.lstrip("/"), date="",
        html=record_html([], {NUMBER: words[NUMBER], DETAILS: words[DETAILS]}),
        display={k: nfc(str(v)) for k, v in shown.items() if v}, excerpt="", kind=MISSING)


def index_order(records: list[SearchRecord]) -> list[int]:
    """Positions of `records` in index order: documents newest first, undated ("") last,
    ties by URL, so page k of the index is the k-th newest document; then the numbers
    cited but not held, in the order given (most cited first)."""
    documents = sorted((k for k, r in enumerate(records) if r.kind == DOCUMENT), key=lambda k: records[k].url)
    documents.sort(key=lambda k: records[k].date, reverse=True)  # stable: ties keep URL order
    return documents + [k for k, r in enumerate(records) if r.kind != DOCUMENT]


def build_records(docs: list) -> list[SearchRecord]:
    """Records in index order (SearchDoc and MissingDoc mixed)."""
    records = [record_of(d) if isinstance(d, SearchDoc) else missing_record_of(d) for d in docs]
    return [records[k] for k in index_order(records)]
