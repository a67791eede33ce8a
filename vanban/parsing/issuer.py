"""The issuer as the register names it: canonical name with its place, register id, and whether staff must check.

The header parsers find the words ("UBND tỉnh Đắk Lắk", "Tổng cục Thuế Cục Thuế tp Hà Nội", an OCR'd
masthead); this module only asks the register what they mean. A name the register does not know is kept
as written and flagged: new bodies appear, and a guess is never published as fact.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..agencies import expand_abbreviations
from ..register import Template, register, resolve


@dataclass
class Issuer:
    name: str | None
    body_id: str | None = None
    unsure: bool = False     # list co_quan_ban_hanh in can_xac_minh


def symbol_issuer_code(symbol) -> str | None:
    """The issuer part of a symbol: 16/CT-TTg -> TTg, 4046/TCT-TTKT -> TCT, 239-CV/HU -> HU."""
    if symbol is None:
        return None
    if symbol.party:
        return symbol.codes[-1]
    return symbol.codes[1] if symbol.doc_type and len(symbol.codes) > 1 else symbol.codes[0]


def _symbol_body(symbol):
    """The central body a state symbol's code names uniquely (TCT -> Tổng cục Thuế), or None."""
    code = symbol_issuer_code(symbol)
    if symbol is None or symbol.party or code not in register().national_codes():
        return None
    found = register().by_code(code)
    return None if isinstance(found, Template) else found


def canonical_issuer(written: str | None, symbol=None, context: list[str | None] = ()) -> Issuer:
    """written: the issuer as the text gives it, place included when known; context: texts naming the
    province (the masthead's parent line, the place of issue) for a name written without one."""
    if not written:
        return Issuer(None)
    province = next((p.id for p in map(register().find_province, filter(None, context)) if p), None)
    found = resolve(written, province)
    own = _symbol_body(symbol)
    if own and found.body is not own:
        # The number says who wrote it: a recipient's header or received stamp above the
        # real masthead ("CUC THUE TINH HOA BINH" over "BỘ TÀI CHÍNH / TỔNG CỤC THUẾ") is not the issuer.
        return Issuer(own.ten, own.id, unsure=True)
    if found.body is None and found.place:
        # A portal's "Nơi ban hành" that names only the place: the symbol's code names the body (4001/UBND-ĐT).
        template = register().by_code(symbol_issuer_code(symbol) or "")
        if isinstance(template, Template) and not template.district:
            body = register().instantiate(template, found.place)
            return Issuer(body.ten, body.id, unsure=True)
    if found.body is None:
        return Issuer(expand_abbreviations(written), unsure=True)  # kept as written, "UBND" spelt out
    return Issuer(found.body.ten, found.body.id)


def issuer_of_place(symbol, place: str | None) -> Issuer | None:
    """A document whose masthead is lost (columns cut off by a scan or OCR tool): a provincial body's
    code in its symbol (70/KH-UBND) and a place of issue that is a province's name (a province's bodies
    date their documents there; a district's or commune's write their own place) name the body. Unsure."""
    province = register().find_province(place) if place else None
    template = register().by_code(symbol_issuer_code(symbol) or "") if symbol and not symbol.party else None
    if province is None or not isinstance(template, Template) or template.district:
        return None
    body = register().instantiate(template, province)
    return Issuer(body.ten, body.id, unsure=True)


def ocr_masthead(text: str | None) -> str | None:
    """The central body an OCR-damaged masthead names ("ỦY BAN THƯỜNG VỤ QUOC HOL"), or None."""
    body = register().nearest(text) if text else None
    return body.ten if body else None
