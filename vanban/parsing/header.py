"""The formal header: issuer, national motto, Số, place and date, type heading,
subject (V/v or "về ..."), Kính gửi, and the received stamp ("ĐẾN Số: … Ngày: …"),
which belongs to the receiving office, not to the document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import parse_date, iso
from ..doctypes import TYPE_NAMES
from ..symbols import find_symbols
from ..text import collapse_spaces, fold, sentence_case
from .casing import official_case
from .lines import (quick_fold, ITEM_RE, SO_LINE_RE, first_symbol, is_upper, list_items, place_date)

_MOTTO_RE = re.compile(r"^CONG$|CONG\s*HOA\s*XA|HOA\s*XA\s*HOI|XA\s*HOI\s*CHU|CHU\s*NGHIA\s*VIET|DOC\s*LAP\W|HANH\s*PHUC|DANG\s+CONG\s+SAN\s+VIET\s+NAM")
_TYPE_BY_FOLD = {quick_fold(t).upper(): t for t in TYPE_NAMES}
_VV_RE = re.compile(r"^(?:V/v|V/V|v/v|Vv|Vw|Về việc|VỀ VIỆC)\b\.?\s*(?P<rest>.*)$")
_KINH_GUI_RE = re.compile(r"^(?:Đồng\s+)?K[íi]nh\s*g[ửưu]i\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_STAMP_RE = re.compile(r"(?<![\wÀ-ỹ])ĐẾN(?![\wÀ-ỹ])")
_STAMP_FIELD_RE = re.compile(r"^(Số|Ngày|Chuyển|Chuyên|Lưu hồ sơ|Người nhận)\s*:", re.IGNORECASE)
# Compared on folded capitals: OCR drops tone marks ("TONG CỤC THUE").
_PARENT_RE = re.compile(r"^(DANG BO|DANG CONG SAN|BO |BAN CHAP HANH DANG BO|UBND |UY BAN NHAN DAN (TINH|THANH PHO) )")
_AGENCY_START = re.compile(r"^(TINH UY|THANH UY|HUYEN UY|QUAN UY|THI UY|DANG UY|TONG CUC|CUC|VU |SO |BAN |VAN PHONG|"
                           r"CHI CUC|TRUNG TAM|BAO HIEM)")
HEADER_SCAN = 40


@dataclass
class Header:
    agency_lines: list[str] = field(default_factory=list)
    issuer: str | None = None
    parent: str | None = None          # "ĐẢNG BỘ TỈNH QUẢNG NGÃI": gives the place
    so_ky_hieu: str | None = None
    symbol_raw: str | None = None
    dia_danh: str | None = None
    ngay: str | None = None
    date_raw: str | None = None
    doc_type: str | None = None
    type_issuer: str | None = None     # "CỦA BAN THƯỜNG VỤ TỈNH ỦY"
    subject: str | None = None
    kinh_gui: list[str] = field(default_factory=list)
    so_den: dict | None = None
    stamp_raw: list[str] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)


def type_of_heading(line: str) -> str | None:
    """ "CHỈ THỊ", "KÉT LUẬN" (OCR), "Điện" -> the controlled type name."""
    text = collapse_spaces(line).strip(" .:")
    if not text or len(text.split()) > 4 or not (is_upper(text) or text in TYPE_NAMES):
        return None
    return _TYPE_BY_FOLD.get(quick_fold(text).upper())


def _body_like(line: str) -> bool:
    return len(line.split()) > 14 and not is_upper(line)


def _parse_stamp(lines: list[str], head: Header) -> None:
    for i, line in enumerate(lines[:15]):
        if not _STAMP_RE.search(line):
            continue
        before, after = _STAMP_RE.split(line, 1)
        block = [i]
        agency = before.strip()
        if not agency and i > 0 and is_upper(lines[i - 1]):
            agency, block = lines[i - 1], [i - 1, i]
        texts = [after]
        for j in range(i + 1, min(i + 6, len(lines))):
            if not _STAMP_FIELD_RE.match(lines[j].strip()):
                break
            block.append(j)
            texts.append(lines[j])
        joined = " ".join(texts)
        number = re.search(r"Số\s*:?\s*(\d+)", joined)
        if not number:
            continue
        date = parse_date(joined)
        head.so_den = {"so": number.group(1), "ngay": iso(*date) if date else None,
                       "co_quan": official_case(agency) if agency else None}
        head.stamp_raw = [lines[k] for k in block]
        head.taken.update(block)
        return


def _split_motto(line: str) -> tuple[str, bool]:
    match = _MOTTO_RE.search(quick_fold(line).upper())
    return (line[: match.start()].strip(" |-—"), True) if match else (line, False)


def _take_subject(lines: list[str], start: int, head: Header) -> int:
    """Subject lines after a type heading: "CỦA ..." then "về ..." or capital lines."""
    parts, i = [], start
    while i < len(lines) and i < start + 8:
        line = lines[i].strip()
        if not line:
            if parts:
                break
            i += 1
            continue
        if quick_fold(line).upper().startswith("CUA ") and not parts and head.type_issuer is None:
            head.type_issuer = official_case(line[4:])
        elif parts and is_upper(line) and quick_fold(line).upper().rstrip(" :") in {quick_fold(a).upper() for a in head.agency_lines}:
            break  # the issuer's name repeated before the preamble ("CHÍNH PHỦ")
        elif parts and _body_like(line) and not is_upper(line):
            break
        elif parts or quick_fold(line).lower().startswith("ve ") or is_upper(line):
            parts.append(line)
        else:
            break
        head.taken.add(i)
        i += 1
    if parts:
        text = collapse_spaces(" ".join(parts))
        head.subject = sentence_case(text) if is_upper(text) else text
    return i


def _take_vv(lines: list[str], i: int, head: Header) -> None:
    parts = [_VV_RE.match(lines[i]).group("rest")]
    head.taken.add(i)
    for j in range(i + 1, min(i + 6, len(lines))):
        line = lines[j].strip()
        if not line or _KINH_GUI_RE.match(line) or place_date(line) or SO_LINE_RE.match(line) or is_upper(line):
            break
        parts.append(line)
        head.taken.add(j)
    head.subject = "V/v " + collapse_spaces(" ".join(parts)).strip()


def take_kinh_gui(lines: list[str], limit: int, head: Header) -> None:
    for i, line in enumerate(lines[:limit]):
        match = _KINH_GUI_RE.match(line.strip())
        if not match:
            continue
        block, j = [match.group("rest")], i + 1
        head.taken.add(i)
        while j < len(lines):
            line = lines[j].strip()
            if _KINH_GUI_RE.match(line):
                break
            if not line:
                nxt = next((l for l in lines[j + 1 : j + 4] if l.strip()), "")
                if block[-1].strip() and not ITEM_RE.match(nxt):
                    break
            elif not ITEM_RE.match(line) and (block[-1].rstrip().endswith((".", ";")) or _body_like(line)):
                break
            block.append(line)
            head.taken.add(j)
            j += 1
        head.kinh_gui += list_items(block)


def _issuer_from_agency(head: Header) -> None:
    lines = [collapse_spaces(l) for l in head.agency_lines if l.strip()]
    if not lines:
        return
    first, last = quick_fold(lines[0]).upper(), quick_fold(lines[-1]).upper()
    if len(lines) >= 2 and _PARENT_RE.match(first) and _AGENCY_START.match(last):
        head.parent = lines[0]
        head.issuer = official_case(" ".join(lines[1:]))
    else:
        head.issuer = official_case(" ".join(lines))


def parse_header(lines: list[str]) -> Header:
    head = Header()
    _parse_stamp(lines, head)
    limit = min(len(lines), HEADER_SCAN)
    i = 0
    while i < limit:
        line = lines[i].strip()
        if i in head.taken or not line:
            i += 1
            continue
        agency, motto = _split_motto(line)
        so = SO_LINE_RE.match(agency)
        if motto:
            head.taken.add(i)
            if agency and is_upper(agency) and not so:
                head.agency_lines.append(agency)
            if not so:
                i += 1
                continue
            line = agency
        if so and head.symbol_raw is None:
            symbol = first_symbol(so.group("rest"))
            head.symbol_raw, head.so_ky_hieu = line, str(symbol) if symbol else None
            head.taken.add(i)
            rest = so.group("rest")
            match = next(find_symbols(rest), None)
            after = rest[match[0].end():] if match else rest
            found = place_date(after)
            if found and head.ngay is None:
                (head.dia_danh, head.ngay), head.date_raw = found, after
        elif head.ngay is None and not _body_like(line) and (found := place_date(line)) and found[1]:
            (head.dia_danh, head.ngay), head.date_raw = found, line
            head.taken.add(i)
        elif (head.ngay is None and "ngày" in line.lower() and i + 1 < len(lines) and not _body_like(line)
              and (found := place_date(line + " " + lines[i + 1].strip())) and found[1]):
            (head.dia_danh, head.ngay), head.date_raw = found, line + " " + lines[i + 1].strip()
            head.taken.update((i, i + 1))
            i += 1
        elif head.doc_type is None and (doc_type := type_of_heading(line)):
            head.doc_type = doc_type
            head.taken.add(i)
            i = _take_subject(lines, i + 1, head)
            continue
        elif head.subject is None and _VV_RE.match(line):
            _take_vv(lines, i, head)
        elif (is_upper(line) and head.doc_type is None and head.symbol_raw is None and len(line.split()) <= 12
              and not re.search(r"\d", line)):
            head.agency_lines.append(line)
            head.taken.add(i)
        elif _body_like(line) or _KINH_GUI_RE.match(line):
            break
        i += 1
    take_kinh_gui(lines, max(limit, len(lines) // 3), head)
    _issuer_from_agency(head)
    return head
