"""OCR repair of the codes inside a số ký hiệu, only towards known values.

Scans confuse I with 1 and T, O with 0, g with P ("406/NQ-UBTVQHI5", "2862/ICT-HTQT",
"914/CĐ-TTP"). A code is changed only when it is unknown as read and exactly one
repaired spelling is known for its position: a type code (doctypes.py) first, an
issuer code (agencies.is_known_code) after it. Anything else stays as read: unit
codes (TTKT, KHNV) are nobody's list, and the number's own digits are never touched
(a misread "4046" for 1046 stays; OCR numbers are flagged for review instead).
Plain D for Đ and TTG for TTg are restored in symbols.py, which knows those spellings.
"""
from __future__ import annotations

import functools

from .agencies import is_known_code
from .doctypes import type_for_code

# (as read, meant). The digit swaps hold only next to a digit ("QHI5"); the letter swaps anywhere
# ("ICT", "TTP", "TTp", "TTs", "BNW").
_DIGIT_SWAPS = (("I", "1"), ("l", "1"), ("O", "0"))
_LETTER_SWAPS = (("I", "T"), ("O", "C"), ("P", "g"), ("p", "g"), ("s", "g"), ("W", "V"))
# The lower-case letter some codes end in by convention (TTr, TTg, CTr, QĐi), read as another letter ("TTY").
_CONVENTION_ENDINGS = "rgi"
# Party issuers: a symbol naming one is number-TYPE/ISSUER even when written "57/NQ-TW".
_PARTY_ISSUERS = frozenset(("TW", "TU", "HU", "QU", "THU", "ĐU", "ĐUK"))


def _is_type(code: str, party: bool) -> bool:
    return type_for_code(code, party=party) is not None


def _candidates(code: str) -> set[str]:
    """Spellings one OCR confusion away, plus every digit-position confusion at once."""
    found, all_digits = set(), list(code)
    for i, ch in enumerate(code):
        near_digit = any(0 <= j < len(code) and code[j].isdigit() for j in (i - 1, i + 1))
        for read, meant in _DIGIT_SWAPS:
            if ch == read and near_digit:
                found.add(code[:i] + meant + code[i + 1:])
                all_digits[i] = meant
        for read, meant in _LETTER_SWAPS:
            if ch == read:
                found.add(code[:i] + meant + code[i + 1:])
    found.add("".join(all_digits))
    # a letter read twice ("QĐĐ")
    found.update(code[:i] + code[i + 1:] for i in range(1, len(code)) if code[i] == code[i - 1] and code[i].isalpha())
    found.discard(code)
    return found


def _ending_candidates(code: str) -> set[str]:
    """A convention letter misread at the end ("TTY", "TTy" for TTr): tried only when nothing else fits."""
    if len(code) < 3 or not code[-1].isalpha() or code[-1] in _CONVENTION_ENDINGS:
        return set()
    return {code[:-1] + ending for ending in _CONVENTION_ENDINGS}


def _repair(code: str, known) -> str:
    if known(code):
        return code
    for candidates in (_candidates, _ending_candidates):
        fixes = {c for c in candidates(code) if known(c)}
        if fixes:
            return fixes.pop() if len(fixes) == 1 else code
    return code


def looks_cut(symbol) -> bool:
    """A symbol OCR cut short or broke: an unknown one-letter code at the end ("16/CT-T", "3/I"),
    an unknown two-letter code alone ("125/2020/NI"), or a year-form number that stops after its type code
    ("28/2021/QĐ", "204/2015/TT"). Such a citation on a scan is noise, not a document."""
    last = symbol.codes[-1]
    unknown = not (_is_type(last, symbol.party) or is_known_code(last))
    # Two letters are a unit code after an issuer ("2974/LS-PL", "6288/BYT-MT"), never a whole symbol.
    if unknown and (len(last) == 1 or (len(last) == 2 and len(symbol.codes) == 1)):
        return True
    return bool(symbol.year) and len(symbol.codes) == 1 and _is_type(last, False) and not is_known_code(last)


def party_shape(codes: tuple[str, ...]) -> bool:
    """ "57/NQ-TW": a Party type code then a Party issuer, written the state way."""
    return len(codes) == 2 and _is_type(codes[0], True) and codes[1] in _PARTY_ISSUERS


@functools.lru_cache(maxsize=4096)
def repair_codes(codes: tuple[str, ...], party: bool) -> tuple[str, ...]:
    """The codes of one symbol with OCR confusions repaired where the result is known.

    Party symbols are TYPE/ISSUER...; state ones TYPE-ISSUER-UNIT, ISSUER-UNIT or
    ISSUER (30/2020/NĐ-CP, 4085/UBND-ĐT, 17/2022/UBTVQH15)."""
    if party:
        head = _repair(codes[0], lambda c: _is_type(c, True))
        return (head, *(_repair(c, is_known_code) for c in codes[1:]))
    first = codes[0]
    if len(codes) > 1:  # TYPE-ISSUER: the first code is a type when one fits ("TTY-BNV" is TTr, not TTg)
        first = _repair(first, lambda c: _is_type(c, False))
    first = _repair(first, lambda c: _is_type(c, False) or is_known_code(c))
    if _is_type(first, False) and len(codes) > 1:
        return (first, _repair(codes[1], is_known_code), *codes[2:])
    return (first, *codes[1:])


def _names_of(code: str) -> list[str]:
    """Folded names of the body that puts `code` in its symbols, and of its organs (Bộ Chính trị
    and Ban Bí thư sign with the Central Committee's TW)."""
    from .register import register
    from .text import fold
    body = register().by_code(code)
    if body is None or not hasattr(body, "cap"):
        return []   # a template (UBND of any province) names no one body
    bodies = [body] + [b for b in register().bodies.values() if b.cha == body.id and not b.ma]
    return [fold(name).lower() for b in bodies for name in (b.ten, *b.bi_danh)]


def repair_by_named_type(symbol, named_type: str | None):
    """A cited symbol whose type code OCR cut by its convention letter, repaired to the code of the
    type the sentence names ("Tờ trình 4017/TT-BNNMT" is 4017/TTr-BNNMT). Else unchanged."""
    from dataclasses import replace
    from .doctypes import code_for_type
    code = code_for_type(named_type or "")
    first = symbol.codes[0]
    if symbol.party or not code or len(symbol.codes) < 2 or code == first or code[:-1] != first \
            or code[-1] not in _CONVENTION_ENDINGS:
        return symbol
    return replace(symbol, codes=(code, *symbol.codes[1:]))


def repair_by_named_body(symbol, context: str):
    """A cited symbol whose issuer code (its last, when no other is one) OCR misread into no known code,
    repaired to the one known code
    a letter away whose body the sentence names ("đề nghị của Bộ Giao thông vận tải tại Tờ trình số
    9628/TTr-BGTTT" is BGTVT; "Kết luận số 14-KL/TH … của Bộ Chính trị" is TW). Else unchanged."""
    from dataclasses import replace
    from .register import register
    from .text import fold
    last, before = symbol.codes[-1], symbol.codes[:-1]
    if len(symbol.codes) < 2 or is_known_code(last) or _is_type(last, symbol.party):
        return symbol
    if any(is_known_code(code) and not _is_type(code, symbol.party) for code in before):
        return symbol   # the issuer is known and the unknown code is its unit's (2488/TCT-CS)
    near = [code for code in register().codes()
            if len(code) == len(last) and sum(a != b for a, b in zip(code, last)) == 1]
    words = fold(context).lower()
    named = [code for code in near if any(name in words for name in _names_of(code))]
    return replace(symbol, codes=(*symbol.codes[:-1], named[0])) if len(named) == 1 else symbol
