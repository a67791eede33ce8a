"""The masthead: the issuer's name lines and the national motto beside them.

Table layouts and OCR cut both at arbitrary words ("CỘNG HÒA XÃ" / "HỘI CHỦ
NGHĨA VIỆT NAM", "UBND THÀNH PHỐ HÀ" / "NỘI"), so motto pieces are recognised
as pieces of the whole phrase and never become part of an issuer's name.
"""
from __future__ import annotations

import re

from ..agencies import find_province
from ..text import collapse_spaces
from .casing import official_case
from .lines import quick_fold

MOTTO_RE = re.compile(r"^CONG$|CONG\s*HOA\s*XA|HOA\s*XA\s*HOI|XA\s*HOI\s*CHU|CHU\s*NGHIA\s*VIET|DOC\s*LAP\W|HANH\s*PHUC|"
                      r"TU\s*DO\s*-\s*HANH|"
                      r"DANG\s+CONG\s+SAN\s+VIET\s+NAM")
_LONGEST_MASTHEAD_LINE = 600   # both columns of a masthead flattened into one line are far shorter
_MOTTOS = (" CONG HOA XA HOI CHU NGHIA VIET NAM ", " DANG CONG SAN VIET NAM ")
# Compared on folded capitals: OCR drops tone marks ("TONG CỤC THUE").
_PARENT_RE = re.compile(r"^(DANG BO|DANG CONG SAN|BO |BAN CHAP HANH DANG BO|BAN CHAP HANH TRUNG UONG$|UBND\b|"
                        r"UY BAN NHAN DAN\b|TONG CUC THUE\W*$|BAO HIEM XA HOI VIET ?NAM$)")
_AGENCY_START = re.compile(r"^(TINH UY|THANH UY|HUYEN UY|QUAN UY|THI UY|DANG UY|TONG CUC|CUC|VU |SO |BAN |VAN PHONG|"
                           r"CHI CUC|TRUNG TAM|BAO HIEM|UY BAN KIEM TRA|PHONG |TIEU BAN|THUONG TRUC|BAO |DAI |TAP CHI|"
                           r"TRUONG |HOC VIEN|NHA XUAT BAN|DANG BO |CHI BO|CONG AN|THANH TRA|KHO BAC|LIEN DOAN)")
# Owners whose units are named "<unit> <owner>": a Party committee, the Front, a mass organisation, an
# election committee, a People's Council ("Ban Tuyên giáo và Dân vận Tỉnh ủy X", "Ban Thường trực Ủy ban
# MTTQ Việt Nam tỉnh X", "Tiểu ban Văn phòng Ủy ban bầu cử tỉnh X").
_OWNER_RE = re.compile(r"^(TINH UY|THANH UY|HUYEN UY|QUAN UY|THI UY|DANG UY|UY BAN (MAT TRAN|MTTQ)|MAT TRAN|"
                       r"UY BAN BAU CU|HOI DONG BAU CU|LIEN DOAN LAO DONG|CONG DOAN|HOI |DOAN |BAN CHAP HANH DOAN|"
                       r"HOI DONG NHAN DAN|HDND)")
# Units that carry their own name or place: never glued to their owner ("Báo Lâm Đồng", "Huyện ủy Sơn Hà").
_SELF_NAMED = re.compile(r"^(BAO |DAI |TAP CHI|TRUONG |HOC VIEN|NHA XUAT BAN|TINH UY|THANH UY|HUYEN UY|QUAN UY|"
                         r"THI UY|DANG BO |UY BAN NHAN DAN|UBND|LIEN DOAN LAO DONG)|\b(TINH|HUYEN|XA|PHUONG|QUAN|THI TRAN|THANH PHO) \w")
_LOCAL_UBND = re.compile(r"^(UY BAN NHAN DAN|UBND) (HUYEN|QUAN|THI XA|XA|PHUONG|THI TRAN|THANH PHO)\b")
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
    if len(line) > _LONGEST_MASTHEAD_LINE:
        return line, False, None  # a paragraph: searching it for the motto's words costs and finds nothing
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
    lines = _rejoin_uy_ban([collapse_spaces(line) for line in agency_lines if line.strip()])
    if not lines:
        return None, None
    keys = [_key(line) for line in lines]
    split = next((k for k in range(1, len(lines)) if _AGENCY_START.match(keys[k])), None)
    if split is None:
        return None, official_case(" ".join(lines))
    parent, issuer = " ".join(lines[:split]), " ".join(lines[split:])
    parent_key, issuer_key = " ".join(keys[:split]), " ".join(keys[split:])
    if parent_key == "BAN CHAP HANH TRUNG UONG" and _CENTRAL_BODY.match(issuer_key):
        return parent, _central_body(issuer)
    if _LOCAL_UBND.match(parent_key) and not find_province(parent) and not _SELF_NAMED.search(issuer_key):
        return parent, _unit_of(issuer, issuer_key, parent)
    if _PARENT_RE.match(parent_key):
        return parent, official_case(issuer)
    if _OWNER_RE.match(parent_key) and not _SELF_NAMED.search(issuer_key):
        return parent, f"{official_case(issuer)} {official_case(parent)}"
    if _SELF_NAMED.search(issuer_key):  # "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" / "LIÊN ĐOÀN LAO ĐỘNG TỈNH X"
        return parent, official_case(issuer)
    return None, official_case(" ".join(lines))


def _rejoin_uy_ban(lines: list[str]) -> list[str]:
    """Lines a narrow cell wrapped inside "ỦY BAN" ("CHỦ TỊCH ỦY" / "BAN NHÂN DÂN") joined again:
    no body is named "Ban nhân dân", so the line before it ends in the name's first word."""
    joined: list[str] = []
    for line in lines:
        if joined and _key(joined[-1]).split()[-1] == "UY" and _key(line).startswith("BAN NHAN DAN"):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _unit_of(unit: str, key: str, ubnd: str) -> str:
    """A unit of a district's or commune's People's Committee: "Phòng Tài chính - Kế hoạch huyện X";
    its office is "Văn phòng Ủy ban nhân dân huyện X"."""
    owner = re.sub(r"^UBND\b", "Ủy ban nhân dân", official_case(ubnd))
    if key == "VAN PHONG":
        return f"Văn phòng {owner}"
    place = re.sub(r"^(?:Ủy ban nhân dân|UBND)\s+", "", owner)
    return f"{official_case(unit)} {place}"
