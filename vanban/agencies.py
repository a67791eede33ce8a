"""Issuing bodies (cơ quan ban hành): a facade over the issuer register (vanban/register.py).

Callers keep asking simple questions (what level is this body, which province does this text name,
which issuer code does a body use) without knowing how the register reads names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .places import District, districts
from .register import LEVELS, register, resolve
from .text import collapse_spaces, fold, name_key, nfc

__all__ = ["LEVELS", "PROVINCES", "agency_key", "canonical_name", "district_of", "district_province", "expand_abbreviations",
           "find_province", "is_known_code", "is_national_code", "issuer_code",
           "issuer_of_symbol", "level_of", "province_from_host"]


def _province_names() -> tuple[str, ...]:
    names = []
    for p in register().provinces.values():
        names += [p.ten, *p.ten_khac]
        if p.thanh_pho and len(p.ten.split()) > 2:
            names.append(p.title)  # "Thành phố Hồ Chí Minh" is how the city is usually written
    return tuple(names)


PROVINCES = _province_names()

# Keywords giving the level of a body the register does not know; first match wins.
_LEVEL_RULES = (
    ("Cơ sở", r"\b(xã|phường|thị trấn|đặc khu|chi bộ|đảng ủy cơ sở)\b"),
    ("Cấp huyện", r"\b(huyện|quận|thị xã|thị ủy|huyện ủy|quận ủy)\b"),
    ("Cấp tỉnh", r"\b(tỉnh|tỉnh ủy|thành ủy|sở|khối)\b"),
    ("Trung ương", r"\b(trung ương|chính phủ|quốc hội|bộ [a-zđà-ỹ]|tổng cục|quốc gia)\b"),
)


def expand_abbreviations(text: str) -> str:
    """ "UBND tỉnh" -> "Ủy ban nhân dân tỉnh" (the register's list of abbreviations)."""
    for short, full in register().abbreviations.items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return text


def find_province(text: str | None) -> str | None:
    """The province named in text ("Hà Nam, ngày 28" -> "Hà Nam"), or None. Longest names first."""
    province = register().find_province(text)
    return province.ten if province else None


@lru_cache(maxsize=1 << 14)   # asked for every document and every citation of a district body
def district_of(issuer: str | None, place: str | None = None) -> District | None:
    """The district of a district body ("Huyện ủy Kim Bảng"), or of a district body named without it
    ("Huyện ủy") whose place line names it (dia_danh "Kim Bảng"). Only a district-level issuer has one:
    "Tỉnh ủy Lai Châu" is not the city of Lai Châu."""
    if not issuer or level_of(issuer) != "Cấp huyện":
        return None
    return districts().find(issuer) or districts().find(place)


def district_province(district: District | None) -> str | None:
    """The province of a district, by name ("Hà Nam")."""
    return register().provinces[district.tinh].ten if district else None


def province_from_host(url: str | None) -> str | None:
    """ "bacninh.gov.vn" -> "Bắc Ninh"."""
    match = re.search(r"([a-z]+)\.gov\.vn", (url or "").lower())
    if not match:
        return None
    for province in register().provinces.values():
        if fold(province.ten).lower().replace(" ", "") == match.group(1):
            return province.ten
    return None


def level_of(agency: str | None) -> str:
    """Trung ương / Cấp tỉnh / Cấp huyện / Cơ sở / Khác: from the register, else from the words in the name."""
    found = resolve(agency)
    if found.body:
        return found.body.level
    if found.template:
        return register().levels[found.template.cap]
    text = nfc(agency or "").lower().replace("uỷ", "ủy")
    for level, pattern in _LEVEL_RULES:
        if re.search(pattern, text):
            return level
    return "Khác"


def agency_key(name: str) -> str:
    """Key that groups spellings of one body: its register id, else the name up to abbreviations and tones."""
    found = resolve(name)
    if found.body:
        return found.body.id
    return name_key(expand_abbreviations(collapse_spaces(nfc(name))))


def canonical_name(name: str | None) -> str | None:
    """The register's name for a body ("UBND tỉnh Đắk Lắk" -> "Ủy ban nhân dân tỉnh Đắk Lắk"), else name as written."""
    body = resolve(name).body if name else None
    return body.ten if body else name


def issuer_code(issuer: str | None) -> str | None:
    """The code a central body puts in its symbols ("Thủ tướng Chính phủ" -> "TTg"), or None."""
    body = resolve(issuer).body
    if body is None or body.cap != "trung-uong" or not body.ma or body.ma[0] not in register().national_codes():
        return None
    return body.ma[0]


def issuer_of_symbol(symbol: str | None) -> str | None:
    """The central body a state symbol names ("217/CĐ-TTg" -> "Thủ tướng Chính phủ", "18345/BTC-NSNN" ->
    "Bộ Tài chính"), or None: only a code that no provincial body shares tells the issuer. Party
    symbols say nothing: "/TW" is written by the Central Committee, the Politburo and the Secretariat."""
    from .symbols import parse_symbol  # symbols reads the register's codes through this module
    parsed = parse_symbol(symbol or "")
    if not parsed or parsed.party:
        return None
    codes = parsed.codes[1:] if parsed.doc_type else parsed.codes
    if not codes or codes[0] not in register().national_codes():
        return None
    body = register().by_code(codes[0])
    return getattr(body, "ten", None)


def is_national_code(code: str) -> bool:
    """True for the issuer code of a central body: TW, BTGTW, TTg, CP, QH15..."""
    code = nfc(code)
    return code.upper().endswith("TW") or code in register().national_codes() or bool(re.fullmatch(r"QH\d*", code))


def is_known_code(code: str) -> bool:
    """Is this an issuer code the register knows (TTg, BTC, UBND, TU, HU, QH15…)? Used to repair OCR'd symbols."""
    code = nfc(code or "").strip()
    return bool(code) and (code in register().codes() or bool(re.fullmatch(r"(UBTV)?QH\d*", code)))
