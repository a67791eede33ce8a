"""Inference for fields the text does not state outright; callers flag what these fill."""
from __future__ import annotations

import collections
import re

from ..agencies import PROVINCES, find_province, level_of, province_from_host
from functools import lru_cache

from ..register import Template, register
from ..text import fold
from .issuer import symbol_issuer_code
from .lines import quick_fold

# Party issuer codes at the end of a symbol (239-CV/HU -> Huyện ủy).
_PARTY_ISSUERS = {"TU": "Tỉnh ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "THU": "Thành ủy", "TP": "Thành ủy",
                  "ĐU": "Đảng ủy", "ĐUK": "Đảng ủy Khối", "TW": "Ban Chấp hành Trung ương", "BBT": "Ban Bí thư"}


@lru_cache(maxsize=1)
def _central_issuers() -> dict[str, str]:
    """Issuer code (Đ folded to D, upper case) -> name of the central body that code names uniquely
    nationwide (4046/TCT-TTKT, 990/TB-TCT); provincial codes such as UBND or BHXH are not, and are left out."""
    found = {}
    for code in sorted(register().national_codes()):
        body = register().by_code(code)
        if body is not None and not isinstance(body, Template):
            found.setdefault(fold(code).upper(), body.ten)
    return found


def state_issuer_for_code(code: str) -> str | None:
    """The central body a state issuer code names, Đ written as D or not ("TLD" -> Tổng Liên đoàn ...)."""
    key = fold(code).upper()
    return _central_issuers().get(key) or _central_issuers().get(key.rstrip("0123456789") or key)  # UBTVQH15


def known_state_issuers() -> tuple[str, ...]:
    """Names of the central bodies whose issuer codes the register knows."""
    return tuple(sorted(set(_central_issuers().values())))


def issuer_from_symbol(symbol) -> str | None:
    """The body a symbol's issuer code names: 239-CV/HU -> Huyện ủy, 4046/TCT-TTKT -> Tổng cục Thuế.

    Party codes name a kind of committee; state codes are read from the register, and only those unique
    nationwide (TCT, BHXH of Bảo hiểm xã hội Việt Nam is not: every province uses it) name a body."""
    if symbol is None:
        return None
    if symbol.party:
        return _PARTY_ISSUERS.get(symbol.codes[-1].upper())
    return state_issuer_for_code(symbol_issuer_code(symbol) or "")


@lru_cache(maxsize=1)
def _central_by_fold() -> dict[str, str]:
    return {quick_fold(b.ten).lower().replace(" ", ""): b.ten
            for b in register().bodies.values() if b.cap == "trung-uong"}


def known_spelling(issuer: str | None) -> str | None:
    """ "Bo Ngoai giao", "Bộ YTÉ" (OCR without marks or spaces) -> the central body's register name."""
    return _central_by_fold().get(quick_fold(issuer or "").lower().replace(" ", ""))


_PROVINCE_BY_FOLD = {quick_fold(p).lower(): p for p in PROVINCES}
_MENTION_RE = re.compile(r"\b(?:tinh|thanh pho|tp\.?) (" + "|".join(
    re.escape(k) for k in sorted(_PROVINCE_BY_FOLD, key=len, reverse=True)) + r")\b")


def most_mentioned_province(text: str) -> str | None:
    """The province the text names most often after "tỉnh"/"thành phố" ("tỉnh Khánh Hòa")."""
    counts = collections.Counter(_MENTION_RE.findall(quick_fold(text).lower()))
    best = counts.most_common(1)
    return _PROVINCE_BY_FOLD[best[0][0]] if best else None


def place_for_issuer(issuer: str, candidates: list[str | None], body: str) -> str | None:
    """Province to complete a provincial issuer ("Tỉnh ủy" -> "Tỉnh ủy Hà Nam"), or None."""
    if find_province(issuer) or level_of(issuer) != "Cấp tỉnh":
        return None
    for text in candidates:
        province = find_province(text) or province_from_host(text)
        if province:
            return province
    return most_mentioned_province(body)


def infer_year(month: int, day: int, citation_dates: list[str], fallback: str | None) -> int | None:
    """Year of a "ngày 21/7" date: the latest cited year whose documents predate it."""
    years = sorted({int(d[:4]) for d in citation_dates if d}, reverse=True)
    for year in years:
        if all(d <= f"{year:04d}-{month:02d}-{day:02d}" for d in citation_dates if d and int(d[:4]) == year):
            return year
    if years:
        return years[0]
    return int(fallback[:4]) if fallback else None


# A letter speaks of its writer in the third person: "Bộ Thông tin và Truyền thông công bố …",
# "Văn phòng Chính phủ thông báo …", "Ngày 17/10/2008 Bộ X đã công bố …".
_SPEAKS_RE = re.compile(r"(?:^|[.;]\s+)(?:Ngày\s+[\d/.]+,?\s+)?(?P<body>(?:Bộ|Ủy ban|Uỷ ban|UBND|Văn phòng|Tổng cục|Cục|Sở|"
                        r"Ban|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy)\s[^,.;:]{2,80}?)\s+(?:đã\s+)?(?:công bố|thông báo|đề nghị|"
                        r"hướng dẫn|yêu cầu|trả lời|có ý kiến|trân trọng)\b")


def speaking_body(text: str) -> str | None:
    """The central body a letter names as the one speaking, when the register spells it that way."""
    for match in _SPEAKS_RE.finditer(text[:3000]):
        if known := known_spelling(match["body"]):
            return known
    return None


# The place a portal's name gives: "… huyện Krông Nô", "… TỈNH ĐẮK NÔNG".
_SITE_PLACE_RE = re.compile(r"\b(huyện|thị xã|thành phố|quận|tỉnh|xã|phường|thị trấn)\s+(\S+(?:\s+\S+){0,3})$", re.IGNORECASE)
_COMMITTEE_LEVEL = {"huyện ủy": "huyện", "tỉnh ủy": "tỉnh", "thị ủy": "thị xã", "thành ủy": "thành phố", "quận ủy": "quận"}


def complete_from_site(issuer: str, site: str | None) -> str | None:
    """A body a post names without its place ("UBND huyện", "Huyện ủy") completed with the place of the
    portal that published it ("Trang thông tin điện tử huyện Krông Nô"), when the levels agree."""
    from .casing import official_case
    match = _SITE_PLACE_RE.search(official_case(site.upper()) if site else "")
    if not match:
        return None
    level, name = match[1].lower(), match[2]
    if issuer.lower().endswith(f" {level}") or _COMMITTEE_LEVEL.get(issuer.lower()) == level:
        return f"{issuer} {name}"
    return None
