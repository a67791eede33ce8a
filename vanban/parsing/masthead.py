"""The masthead: the issuer's name lines and the national motto beside them.

Table layouts and OCR cut both at arbitrary words ("CỘNG HÒA XÃ" / "HỘI CHỦ
NGHĨA VIỆT NAM", "UBND THÀNH PHỐ HÀ" / "NỘI"), so motto pieces are recognised
as pieces of the whole phrase and never become part of an issuer's name.
"""
from __future__ import annotations

import re

from ..text import collapse_spaces
from .casing import official_case
from .lines import quick_fold

MOTTO_RE = re.compile(r"^CONG$|CONG\s*HOA\s*XA|HOA\s*XA\s*HOI|XA\s*HOI\s*CHU|CHU\s*NGHIA\s*VIET|DOC\s*LAP\W|HANH\s*PHUC|"
                      r"TU\s*DO\s*-\s*HANH|"
                      r"DANG\s+CONG\s+SAN\s+VIET\s+NAM")
_MOTTOS = (" CONG HOA XA HOI CHU NGHIA VIET NAM ", " DANG CONG SAN VIET NAM ")
# Compared on folded capitals: OCR drops tone marks ("TONG CỤC THUE").
_PARENT_RE = re.compile(r"^(DANG BO|DANG CONG SAN|BO |BAN CHAP HANH DANG BO|BAN CHAP HANH TRUNG UONG$|UBND\b|"
                        r"UY BAN NHAN DAN\b|TONG CUC THUE\W*$|BAO HIEM XA HOI VIET ?NAM$)")
_AGENCY_START = re.compile(r"^(TINH UY|THANH UY|HUYEN UY|QUAN UY|THI UY|DANG UY|TONG CUC|CUC|VU |SO |BAN |VAN PHONG|"
                           r"CHI CUC|TRUNG TAM|BAO HIEM|UY BAN KIEM TRA)")
# Bodies of the Party Central Committee are named "<body> Trung ương" (Ban Tổ chức Trung ương).
_CENTRAL_BODY = re.compile(r"^(BAN |VAN PHONG|UY BAN KIEM TRA)")


def _key(text: str) -> str:
    return " ".join(quick_fold(text).upper().replace("*", " ").split())


def _in_motto(words: str) -> bool:
    return any(f" {words} " in motto for motto in _MOTTOS)


def _open_end(piece: str) -> str | None:
    """The motto text a next line may continue, or None when the phrase is complete."""
    return None if piece.endswith("VIET NAM") else piece


def _is_motto_piece(key: str) -> bool:
    """A whole line that starts or ends a motto. "VIỆT NAM" alone also ends names
    ("TỔNG LIÊN ĐOÀN LAO ĐỘNG" / "VIỆT NAM"), so it counts only as a continuation."""
    return (len(key.split()) >= 2 and key != "VIET NAM" and _in_motto(key)
            and (key.startswith(("CONG HOA", "DANG CONG")) or key.endswith("VIET NAM")))


def split_motto(line: str, tail: str | None) -> tuple[str, bool, str | None]:
    """(issuer part of the line, whether the line holds motto text, motto text a next line may continue).

    tail is what the previous line returned: motto text that stopped mid-phrase.
    """
    folded = quick_fold(line).upper()
    key = " ".join(folded.replace("*", " ").split())
    if tail and key and _in_motto(f"{tail} {key}"):
        return "", True, _open_end(f"{tail} {key}")
    if _is_motto_piece(key):
        return "", True, _open_end(key)
    match = MOTTO_RE.search(folded)
    if not match:
        return line, False, None
    start = _motto_start(folded, match.start())
    rest = _key(line[start:])
    return line[:start].strip(" |-—"), True, _open_end(rest) if _in_motto(rest) else None


def _motto_start(folded: str, found: int) -> int:
    """Back to the motto's first word when OCR garbled the words MOTTO_RE looks for:
    "BO TAI CHINH CONG HOA Í CHU NGHĨA VIET NAM", "TONG CUC THUE Doc lọc Tự do - Hạnh phúc"."""
    for word in ("CONG HOA", "DOC L"):
        cut = folded.upper().rfind(word, max(0, found - 16), found)
        if cut > 0:
            return cut
    return found


def _central_body(name: str) -> str:
    body = official_case(name)
    return "Văn phòng Trung ương Đảng" if _key(name) == "VAN PHONG" else f"{body} Trung ương"


def issuer_from_agency(agency_lines: list[str]) -> tuple[str | None, str | None]:
    """(parent body, issuer) from the masthead's name lines.

    The issuer starts at the first line after the parent's that opens a body's name
    ("SỞ ...", "CỤC ..."); the parent may wrap ("UBND THÀNH PHỐ HÀ" / "NỘI") and gives the place.
    """
    lines = [collapse_spaces(line) for line in agency_lines if line.strip()]
    if not lines:
        return None, None
    keys = [_key(line) for line in lines]
    split = next((k for k in range(1, len(lines)) if _AGENCY_START.match(keys[k])), None)
    if split is not None and _PARENT_RE.match(" ".join(keys[:split])):
        parent, issuer = " ".join(lines[:split]), " ".join(lines[split:])
        if " ".join(keys[:split]) == "BAN CHAP HANH TRUNG UONG" and _CENTRAL_BODY.match(" ".join(keys[split:])):
            return parent, _central_body(issuer)
        return parent, official_case(issuer)
    return None, official_case(" ".join(lines))
