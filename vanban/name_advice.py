"""Advice on the names staff write: the issuer, the type and the place of a directive.

Two mistakes are common and the register alone lets them through, because it compares names
folded (an OCR'd name that lost its marks must still be found):
- a name typed without (or with wrong) diacritics: "Uy ban nhan dan tinh Dak Lak" is the register's
  "Ủy ban nhân dân tỉnh Đắk Lắk", and the public page would print it unmarked. That is an error,
  with the right spelling;
- a name one letter off a known one: "Huyện ủy Kim Bản" would become a new body. That is a warning,
  with the nearest names (edit distance on the folded form, after the register's abbreviations).
The schema (vanban/schema.py) turns each Advice into a Problem of its key.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .doctypes import TYPE_NAMES
from .places import KIND_NAMES, districts, folded, near
from .register import Body, register, resolve, words
from .text import fold, name_key


MISMARKED = "sai hoặc thiếu dấu tiếng Việt"
NOT_A_PLACE = "không phải tên tỉnh, thành phố hay huyện, quận, thị xã trong danh mục địa danh"


@dataclass(frozen=True)
class Advice:
    message: str
    fix: str
    error: bool   # False: a warning to review


def _mismarked(written_words: list[str], reference: set[str]) -> bool:
    """Does a written word have the letters of a word of the reference spellings but not its marks?"""
    marks_by_letters: dict[str, set[str]] = {}
    for word in reference:
        marks_by_letters.setdefault(fold(word).lower(), set()).add(name_key(word))
    return any(name_key(w) not in marks_by_letters.get(fold(w).lower(), {name_key(w)}) for w in written_words)


def _spellings(body: Body) -> set[str]:
    """Every word of every name the register accepts for a body: its name and aliases, its template's,
    its province's and its parents' (a child is often written after its parent)."""
    reg = register()
    names = [body.ten, *body.bi_danh, *reg.abbreviations.values()]
    template = reg.templates.get(body.mau or "")
    if template:
        names += [template.ten, template.ten_thanh_pho or "", *template.bi_danh]
    province = reg.province_of(body)
    if province:
        names += [province.display, province.title, *province.ten_khac]
    names += [a.ten for a in reg.ancestors(body)]
    return {w for name in names for w in words(name)[0]}


@lru_cache(maxsize=1 << 12)   # the same issuer is written on many pages
def issuer_advice(written: str) -> Advice | None:
    """The right diacritics of a known body, or the nearest districts of an unknown district body."""
    found = resolve(written)
    if found.body is None:
        return None   # not in the register: schema._check_register warns and suggests names
    written_words = words(found.text, register().abbreviations)[0]
    if found.junk:   # trailing OCR debris the register dropped ("Bộ Tài chính cong hoa í") is not the name
        written_words = written_words[:-len(found.junk.split())]
    if _mismarked(written_words, _spellings(found.body)):
        return Advice(MISMARKED, f"viết đúng dấu: '{found.body.ten}'", True)
    return _unknown_district(found.body)


def _unknown_district(body: Body) -> Advice | None:
    """ "Huyện ủy Kim Bản": a district body whose place no district has, near one that exists."""
    reg = register()
    if not reg.is_district(body) or body.tinh:
        return None
    template = reg.templates[body.mau]
    place = body.ten[len(template.ten.split("{ten}")[0]):]
    if districts().named(place):
        return None   # a name two provinces share ("Châu Thành"): known, its province unknown
    nearest = districts().nearest(place)
    if not nearest:
        return None
    options = " / ".join(f"{template.ten.format(ten=d.ten)} ({reg.provinces[d.tinh].ten})" for d in nearest)
    return Advice(f"không có huyện, quận, thị xã nào tên '{place}' trong danh mục địa danh",
                  f"Có phải: {options}? Viết đúng tên địa danh (vanban/data/huyen.yaml)", False)


def type_fix(written: str) -> str:
    """The fix for a type name not in the list: its diacritics, else the nearest types, then the list."""
    same = [name for name in TYPE_NAMES if fold(name).casefold() == fold(written).casefold()]
    if same:
        return f"viết đúng dấu: '{same[0]}'"
    nearest = near(written, TYPE_NAMES)
    guess = f"Có phải: {' / '.join(repr(n) for n in nearest)}? " if nearest else ""
    return guess + "chọn một trong: " + ", ".join(TYPE_NAMES)


_PLACE_KINDS = ("tinh", "thanh pho", "tp", *(folded(k) for k in KIND_NAMES.values()))


@lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """Every accepted spelling of a province or district -> its usual name ("Đăk Lăk" -> "Đắk Lắk")."""
    names = {n: p.ten for p in register().provinces.values() for n in (p.ten, *p.ten_khac)}
    return {**{d.ten: d.ten for d in districts().all}, **names}


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    return frozenset(name_key(n) for n in _place_names())


def _place_part(written: str) -> str:
    """The name in a place line: "thành phố Hà Nội" -> "Hà Nội", "TP. Hồ Chí Minh" -> "Hồ Chí Minh"."""
    tokens = written.split()
    for kind in sorted(_PLACE_KINDS, key=len, reverse=True):
        size = len(kind.split())
        if len(tokens) > size and folded(" ".join(tokens[:size])).replace(".", "") == kind:
            tokens = tokens[size:]
            break
    return " ".join(tokens).strip(" .,")


@lru_cache(maxsize=1 << 12)
def place_advice(written: str) -> Advice | None:
    """dia_danh is a province or a district ("Hà Nam", "Kim Bảng", "thành phố Hồ Chí Minh"): its right
    diacritics, or the nearest names. A place neither known nor near one (a commune) gets no advice."""
    place = _place_part(written)
    if not place or name_key(place) in _place_keys():
        return None
    same = sorted({usual for n, usual in _place_names().items() if folded(n) == folded(place)})
    if same:
        return Advice(MISMARKED, "viết đúng dấu: " + " / ".join(f"'{n}'" for n in same), True)
    nearest = list(dict.fromkeys(_place_names()[n] for n in near(place, _place_names())))
    if nearest:
        return Advice(NOT_A_PLACE, f"Có phải: {' / '.join(nearest)}? Nếu đúng là nơi khác (xã, phường), giữ nguyên",
                      False)
    return None
