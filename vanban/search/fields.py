"""The fields a document is found by, each indexed with its own weight (issue 18).

The record Pagefind indexes (vanban/search/record.py) holds the body's words
at weight 1, then one block per field below. A field's words are written as
`text.index_words` gives them (folded, no punctuation), so Pagefind never
splits one into parts of a lower weight, and the weight Pagefind stores with a
word (24 × the block's weight) tells which field it came from. The merge keeps
one weight per field a word is in (vanban/search/chunks.py), and search.js
ranks with them: a number above a title, a signer above a mention in the body.
kho-search.json tells the browser each field's stored weight, so the two
halves never disagree on a number.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import date_words, index_words, iso_date, symbol_words

WEIGHT_UNIT = 24   # Pagefind stores data-pagefind-weight="w" as round(24 × w)


@dataclass(frozen=True)
class Field:
    name: str     # as search.js and the search page's address know it
    weight: int   # data-pagefind-weight of its block: the field ranks above every lower weight

    @property
    def stored_weight(self) -> int:
        return self.weight * WEIGHT_UNIT


NUMBER = Field("so_ky_hieu", 10)     # the document's own number, its type, "số"
SIGNER = Field("nguoi_ky", 9)        # who signed it
SUBJECT = Field("trich_yeu", 7)      # title and trích yếu
DETAILS = Field("thong_tin", 3)      # issuer, place, signer's title, date
CITES = Field("dan_chieu", 2)        # numbers of the documents it cites, as the resolver read them
FIELDS = (NUMBER, SIGNER, SUBJECT, DETAILS, CITES)


def _words(*values) -> list[str]:
    return list(dict.fromkeys(w for v in values if v for w in index_words(v)))


def field_words(meta: dict, cites: tuple[str, ...] = ()) -> dict[Field, list[str]]:
    """Each field's words for one document: `meta` its front matter, `cites` the numbers
    of the documents it cites (short citations the resolver tied to a number included)."""
    symbol = meta.get("so_ky_hieu")
    number = symbol_words(symbol) if symbol else []
    return {
        NUMBER: list(dict.fromkeys((["so"] if number else []) + _words(meta.get("loai_van_ban")) + number)),
        SIGNER: _words(meta.get("nguoi_ky")),
        SUBJECT: _words(meta.get("title"), meta.get("trich_yeu")),
        DETAILS: _words(meta.get("co_quan_ban_hanh"), meta.get("dia_danh"), meta.get("chuc_vu"))
        + date_words(iso_date(meta.get("ngay_ban_hanh"))),
        CITES: list(dict.fromkeys(w for s in cites for w in symbol_words(s))),
    }
