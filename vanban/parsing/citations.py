"""Cited documents: symbol, type, date and issuer phrase, from running text.

"Công văn số 761-CV/TU, ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy về …" and
unnumbered state citations like "Chỉ thị số 16 của Thủ tướng Chính phủ",
which resolve to 16/CT-TTg through the issuer and type codes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..agencies import issuer_code
from ..dates import find_dates, iso
from ..doctypes import TYPE_NAMES, canonical_type, code_for_type
from ..model import MENTION, Citation
from ..symbols import find_symbols, symbol_key
from ..text import collapse_spaces
from .relation import relation

_TYPES = "|".join(sorted(TYPE_NAMES, key=len, reverse=True))
_TYPE_BEFORE_RE = re.compile(rf"(?P<type>{_TYPES})\s*(?:số|Số|so)?\s*:?\s*$", re.IGNORECASE)
# "số 16" not followed by a symbol tail; the type word before it is checked separately.
# (?<!\wsố) is \b written after the literal, so the engine scans for "số" quickly.
_BARE_NUMBER_RE = re.compile(r"số(?<!\wsố)\s+(?P<num>\d{1,5})(?![\d/\-–.,]\d)(?![\w/\-])")
# A form or an annex is part of a document, not one: "theo mẫu số 01/TB-BSTT-NNT",
# "phụ lục số 04/BHXH-TCT và 05/BHXH-TCT".
_FORM_BEFORE_RE = re.compile(r"(?:mẫu|ph[uụy] l[uụ]c)(?:\s*(?:số|sô|so|mẫu|:|,|và|\d[\w/&-]*))*\s*$", re.IGNORECASE)
_TYPE_WORD_RE = re.compile(rf"(?P<type>{_TYPES})\s+$", re.IGNORECASE)
_DATE_AFTER_RE = re.compile(r"^\s*[,(]?\s*(?:ban hành\s+)?(?=ngày)", re.IGNORECASE)
_ISSUER_RE = re.compile(r"^\s*,?\s*(?:của|do)\s+(?P<issuer>[^,;:.()\[\]\n]{2,120})")
# Words that end an issuer phrase ("của Ban Thường vụ Tỉnh ủy về việc ...", "của Chính phủ gồm: …").
_STOP_WORDS = {"về", "tại", "để", "nhằm", "theo", "và", "với", "trong", "đã", "có", "quy", "hướng", "gồm",
               "sẽ", "thì", "là", "trả", "hỏi", "gửi", "đối", "cho", "khi", "được", "phê", "việc", "(", "trên"}


def _issuer(text: str) -> tuple[str | None, int]:
    match = _ISSUER_RE.match(text)
    if not match:
        return None, 0
    words = []
    parts = match.group("issuer").split()
    for n, word in enumerate(parts):
        if words and word.lower() in _STOP_WORDS and not (word == "Ban" or word[0].isupper()):
            break
        if words and word == "ban" and parts[n + 1:n + 2] == ["hành"]:
            break   # "của Chính phủ ban hành Quy chế …": the verb, not "Ủy ban"
        words.append(word)
        if len(words) >= 10:
            break
    issuer = collapse_spaces(" ".join(words))
    return issuer or None, match.start("issuer") + len(" ".join(words))


def _context(text: str, start: int, end: int) -> tuple[str | None, str | None, str | None, int, int]:
    """(type, ISO date, issuer, end of number and date, end of phrase) around a symbol at text[start:end]."""
    before = _TYPE_BEFORE_RE.search(text[max(0, start - 30):start])
    doc_type = canonical_type(before.group("type")) if before else None
    date = None
    tail = text[end:end + 160]
    lead = _DATE_AFTER_RE.match(tail)
    if lead:
        match, parts = next(find_dates(tail[lead.end():]), (None, None))
        if match and match.start() == 0:
            date = iso(*parts)
            end += lead.end() + match.end()
            tail = text[end:end + 160]
    issuer, used = _issuer(tail)
    return doc_type, date, issuer, end, end + used


@dataclass(frozen=True)
class Mention:
    """One place a citation stands in the text: text[start:end] is "Công văn số 761-CV/TU,
    ngày 25/8/2021" (type, number and date; the issuer phrase after it is not included)."""
    start: int
    end: int
    key: str            # symbol_key of the cited number
    citation: Citation
    number_start: int   # text[number_start:number_end] is the number alone ("761-CV/TU", "số 16")
    number_end: int


def mentions(text: str, wanted: set[str] | None = None, own_type: str | None = None):
    """Every citation where it stands, in the converter's grammar (numbered, then bare "số 16"),
    with the relation its clause names (parsing/relation.py; own_type: this document's type).
    `wanted`: only numbers with these symbol_keys (the rest cost no context reading)."""
    for match, symbol in find_symbols(text):
        key = symbol_key(str(symbol))
        if wanted is not None and key not in wanted:
            continue
        if _FORM_BEFORE_RE.search(text[max(0, match.start() - 40):match.start()]):
            continue
        doc_type, date, issuer, number_end, end = _context(text, match.start(), match.end())
        start = match.start()
        before = _TYPE_BEFORE_RE.search(text[max(0, start - 30):start])
        if before:
            start = max(0, start - 30) + before.start()
        raw = collapse_spaces(text[start:end])
        kind = relation(text, start, own_type)
        yield Mention(start, number_end, key,
                      Citation(str(symbol), doc_type or symbol.doc_type, date, issuer, raw, kind.quan_he, kind.partial),
                      match.start(), match.end())
    for match in _BARE_NUMBER_RE.finditer(text):
        type_word = _TYPE_WORD_RE.search(text[max(0, match.start() - 25):match.start()])
        if not type_word:
            continue
        doc_type = canonical_type(type_word.group("type"))
        _, date, issuer, number_end, end = _context(text, match.end(), match.end())
        code, agency = code_for_type(doc_type or ""), issuer_code(issuer)
        if not (code and agency):
            continue
        symbol = f"{match.group('num')}/{code}-{agency}"
        start = max(0, match.start() - 25) + type_word.start()
        kind = relation(text, start, own_type)
        yield Mention(start, number_end, symbol_key(symbol),
                      Citation(symbol, doc_type, date, issuer, collapse_spaces(text[start:end]), kind.quan_he, kind.partial),
                      match.start(), match.end())


def find_citations(text: str, exclude: set[str] = frozenset(), trusted=None, own_type: str | None = None) -> list[Citation]:
    """Citations in order of first mention, one per document (symbol_key), details merged.
    `trusted(text, number_start)`: False drops a mention (OCR debris before its digits)."""
    found = mentions(text, own_type=own_type)
    if trusted is not None:
        found = (m for m in found if trusted(text, m.number_start))
    return merge_mentions(found, exclude)


def merge_mentions(found, exclude: set[str] = frozenset()) -> list[Citation]:
    """find_citations over mentions already found (the archive keeps a body's mentions to link them)."""
    merged: dict[str, Citation] = {}

    def add(key: str, citation: Citation) -> None:
        if key in exclude:
            return
        known = merged.get(key)
        if not known:
            merged[key] = replace(citation)  # a copy: the mention keeps what was read where it stands
            return
        for attr in ("loai_van_ban", "ngay", "co_quan"):
            if getattr(known, attr) is None:
                setattr(known, attr, getattr(citation, attr))
        if known.quan_he == MENTION:  # "Căn cứ Chỉ thị số 15 …" later in the text than a plain mention
            known.quan_he, known.mot_phan = citation.quan_he, citation.mot_phan

    for mention in found:
        add(mention.key, mention.citation)
    return list(merged.values())
