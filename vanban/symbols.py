"""The grammar of số ký hiệu (document number and symbol).

Party documents:  239-CV/HU, 07-KL/TW, 215-BS/ĐUK      number-TYPE/ISSUER
State documents:  16/CT-TTg, 6880/UBND-KGVX          number/TYPE-ISSUER
                  30/2020/NĐ-CP, 190/2025/QH15        number/year/TYPE-ISSUER

Scraped and OCR'd text adds spaces ("154 - CV/TU"), en dashes, U+00D0 for Đ
and plain D for Đ ("ND-CP"). This module is the only place that knows this;
OCR confusions inside codes ("UBTVQHI5") are repaired in symbol_repair.py.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .doctypes import type_for_code
from .symbol_repair import party_shape, repair_codes
from .text import fold, nfc

# Hyphen, non-breaking hyphens and the en dash. Not the em dash: "154-CV/TU — Hà Nam"
# uses it as punctuation, and "Hà" is no code.
_DASH = r"[-‐‑–]"
_SEP = rf"\s*(?:{_DASH}|/)\s*"
# A code segment is upper case, may hold digits and "&" (BNN&MT, QH15, QLN&TTBĐS), and may end in
# one lower-case letter by convention (TTg, QĐi, CTr). A unit's code may join such codes
# (SGDĐT-CTrTT: a lower-case letter between capitals) or carry a dot between capitals (V.I).
# Words such as "Hà", "Ban" are not codes: a lower-case letter never follows another one.
_UPPER = "A-ZĐÐƯƠÔÂĂÊ"  # ƯDCNTT (Ứng dụng CNTT): codes keep the letters without tone marks
_CODE = rf"[{_UPPER}](?:[{_UPPER}0-9&]|[a-zđ](?=[{_UPPER}])|\.(?=[{_UPPER}]))*[a-zđ]?"
# "…/nb" (nội bộ: an internal document) closes some symbols in lower case.
_INTERNAL = "nb"

# number, optional "/year", then 1–4 code segments joined by - or /.
# The number must not continue a word or another number; that test sits after its
# first digit, so the pattern starts with a digit and the regex engine can skip
# ahead to digits instead of trying every position of a long text.
SYMBOL_PATTERN = (
    rf"(\d(?<![\w/.-]\d)\d{{0,5}}(?:[a-zA-Z](?=\s*{_DASH}|\s*/))?)(?:\s*/\s*((?:19|20)\d\d))?"
    rf"((?:{_SEP}{_CODE}){{1,4}}(?:/{_INTERNAL})?)(?![\w&])"
)
SYMBOL_RE = re.compile(SYMBOL_PATTERN)
_CODE_RE = re.compile(rf"{_CODE}|(?<=/){_INTERNAL}$")
_NUMBER_PREFIX_RE = re.compile(r"^\s*(?:số|so)\s*:?\s*", re.IGNORECASE)

# Codes that are written with Đ: plain-D spellings are restored to these.
_D_CODES = {fold(c).upper(): c for c in (
    "NĐ", "QĐ", "QĐi", "CĐ", "ĐUK", "BCĐ", "HĐND", "ĐU", "ĐCT", "ĐTN", "ĐA", "ĐT", "BCĐTW", "TLĐ",
)}
# Codes that carry a lower-case letter by convention.
_MIXED_CASE = {c.upper(): c for c in ("TTg", "QĐi", "CTr", "TTr", "QyĐ", "QHo")}


@dataclass(frozen=True)
class Symbol:
    number: str
    year: str | None
    codes: tuple[str, ...]
    party: bool

    def __str__(self) -> str:
        if self.party:  # 239-CV/HU: number-TYPE/ISSUER...
            head, *rest = self.codes
            return f"{self.number}-{head}" + "".join(f"/{c}" for c in rest)
        year = f"/{self.year}" if self.year else ""
        codes, internal = (self.codes[:-1], f"/{_INTERNAL}") if self.codes[-1] == _INTERNAL else (self.codes, "")
        return f"{self.number}{year}/" + "-".join(codes) + internal

    @property
    def doc_type(self) -> str | None:
        """The type its code names, or None (6880/UBND-KGVX names none)."""
        return type_for_code(self.codes[0], party=self.party)


@functools.lru_cache(maxsize=4096)  # a few hundred codes recur in every text
def _fix_code(code: str) -> str:
    code = nfc(code)
    if code == _INTERNAL:
        return code
    upper = code.upper()
    if upper in _MIXED_CASE:
        return _MIXED_CASE[upper]
    if fold(upper) in _D_CODES and "D" in upper:
        return _D_CODES[fold(upper)]
    if code.isupper() or len(code) <= 2:
        return upper
    return code  # keep mixed case the issuer chose (e.g. "TTg")


def _parse_match(match: re.Match[str]) -> Symbol | None:
    number, year, tail = match.group(1), match.group(2), match.group(3)
    first_sep = re.match(rf"\s*({_DASH}|/)", tail)
    codes = tuple(_fix_code(c) for c in _CODE_RE.findall(tail))
    if not codes or not first_sep:
        return None
    party = first_sep.group(1) != "/" and year is None
    if party and len(codes) < 2:
        return None  # "12-CV" alone is not a full Party symbol
    codes = repair_codes(codes, party)
    if not party and year is None and party_shape(codes):
        party, codes = True, repair_codes(codes, True)  # "57/NQ-TW" is 57-NQ/TW
    return Symbol(number, year, codes, party)


@functools.lru_cache(maxsize=1 << 15)  # pure, and the same names and numbers recur in every document
def parse_symbol(text: str, whole: bool = False) -> Symbol | None:
    """Parse a số ký hiệu written in any common spelling, or return None.

    With whole=True nothing may follow the symbol ("99-CV/TU<script>" is refused).
    """
    text = _NUMBER_PREFIX_RE.sub("", nfc(text or ""))
    for candidate in (text, text.upper()):  # staff may type "154-cv/tu"
        match = SYMBOL_RE.search(candidate)
        if not match or candidate[: match.start()].strip():
            continue
        if whole and candidate[match.end():].strip():
            return None
        return _parse_match(match)
    return None


def normalize_symbol(text: str | None) -> str | None:
    """Canonical spelling: "Số 154 - CV/TU" -> "154-CV/TU", "30/2020/ND-CP" -> "30/2020/NĐ-CP"."""
    symbol = parse_symbol(text) if text else None
    return str(symbol) if symbol else None


def find_symbols(text: str):
    """Yield (match, Symbol) for every symbol in running text."""
    for match in SYMBOL_RE.finditer(text):
        symbol = _parse_match(match)
        if symbol:
            yield match, symbol


@functools.lru_cache(maxsize=1 << 15)  # pure, and the same names and numbers recur in every document
def symbol_key(text: str) -> str:
    """Comparison key: case, Đ/D and separators ignored ("154/CV-TU" == "154-CV/TU")."""
    key = re.sub(r"[^A-Z0-9&]", "", fold(nfc(text)).upper())
    return key.lstrip("0")  # "07-KL/TW" and "7-KL/TW" are the same document
