"""What the search index holds for each document (issue 4).

Pagefind does not read the published pages: each document becomes a small
record built here. Its indexed text is every distinct word of the body once
(vanban.search.text.distinct_words) plus weighted blocks for the number,
the signer and the metadata. What a result shows (title, number, date,
issuer, the visible text quoted in excerpts) and what the filters count are
added to the bundle afterwards (vanban/search/bundle.py), so none of it is
indexed twice.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import (
    canonical_tones, distinct_words, escape, excerpt_source, iso_date, search_copy,
)
from ..agencies import canonical_name
from ..legal_force import status_of
from ..symbols import normalize_symbol
from ..text import nfc

UNKNOWN_ISSUER = "Không rõ cơ quan"
UNKNOWN_YEAR = "Không rõ năm"
UNKNOWN_TYPE = "Không rõ loại"
# Results quote from this much of the visible text: a directive's substance
# sits in its first pages, and each result downloads what is kept here.
EXCERPT_CHARS = 9000
FACETS = ("co_quan_ban_hanh", "loai_van_ban", "nam", "hieu_luc")
# The status of legal force the build settled on (vanban/archive/status.py) is in page.meta as
# kho_hieu_luc; a page read on its own (tests, tools) falls back to what staff wrote.
UNKNOWN_FORCE = "Chưa xác định"


@dataclass(frozen=True)
class SearchDoc:
    """A document page as the build sees it."""
    url: str    # site-relative: "van-ban/2021/cong-van-154-cv-tu/"
    meta: dict  # front matter
    text: str   # visible text of the body


@dataclass(frozen=True)
class SearchRecord:
    url: str          # "/van-ban/2021/cong-van-154-cv-tu/", as Pagefind returns it
    date: str         # ISO date, "" when unknown
    html: str         # what Pagefind indexes
    display: dict     # shown in a result
    excerpt: str      # visible text a result quotes
    facets: dict      # filter name -> value


def _display(meta: dict, date: str) -> dict:
    symbol = str(meta.get("so_ky_hieu") or "")   # `so_ky_hieu: 154` is a number in the front matter
    shown = {
        "title": meta.get("title"),
        "so_ky_hieu": normalize_symbol(symbol) or symbol if symbol else None,
        "loai": meta.get("loai_van_ban"),
        "ngay": date,
        "co_quan": canonical_tones(str(meta.get("co_quan_ban_hanh") or "")),
        "trich_yeu": meta.get("trich_yeu"),
    }
    return {k: nfc(str(v)) for k, v in shown.items() if v}


def _facets(meta: dict, date: str) -> dict:
    return {
        # One filter value per body, whatever the spelling ("UBND tỉnh X" / "Ủy ban nhân dân tỉnh X").
        "co_quan_ban_hanh": canonical_tones(str(canonical_name(meta.get("co_quan_ban_hanh")) or "")) or UNKNOWN_ISSUER,
        "loai_van_ban": canonical_tones(str(meta.get("loai_van_ban") or "")) or UNKNOWN_TYPE,
        "nam": date[:4] if date else UNKNOWN_YEAR,
        "hieu_luc": str(meta.get("kho_hieu_luc") or _stated_force(meta) or UNKNOWN_FORCE),
    }


def _stated_force(meta: dict) -> str | None:
    status = status_of(meta.get("tinh_trang_hieu_luc"))
    return status.label if status else None


def record_html(meta: dict, body_words: list[str]) -> str:
    """The page Pagefind indexes: each body word once, then the weighted blocks."""
    copy = search_copy(meta)
    return (
        '<html lang="vi"><body><main data-pagefind-body>'
        f'<p>{escape(" ".join(body_words))}</p>'
        f'<p data-pagefind-weight="10">{escape(copy.symbols)}</p>'
        f'<p data-pagefind-weight="10">{escape(copy.signer)}</p>'
        f'<p data-pagefind-weight="3">{escape(copy.metadata)}</p>'
        "</main></body></html>"
    )


def record_of(doc: SearchDoc) -> SearchRecord:
    date = iso_date(doc.meta.get("ngay_ban_hanh")) or ""
    return SearchRecord(
        url="/" + doc.url.lstrip("/"),
        date=date,
        html=record_html(doc.meta, distinct_words(doc.text)),
        display=_display(doc.meta, date),
        excerpt=excerpt_source(doc.text, EXCERPT_CHARS),
        facets=_facets(doc.meta, date),
    )


def index_order(records: list[SearchRecord]) -> list[int]:
    """Positions of `records` newest first, undated ("") last, ties by URL:
    page k of the index is the k-th newest document."""
    order = sorted(range(len(records)), key=lambda k: records[k].url)
    order.sort(key=lambda k: records[k].date, reverse=True)  # stable: ties keep URL order
    return order


def build_records(docs: list[SearchDoc]) -> list[SearchRecord]:
    """Records in index order: newest first."""
    records = [record_of(doc) for doc in docs]
    return [records[k] for k in index_order(records)]
