"""The copy block ("Sao y bản chính", "Sao lục", "Trích sao") at the end of a copy.

It has its own issuer, number, place, date and Nơi nhận; none of them is the
document's own, and its number is not a citation.
"""
from __future__ import annotations

import re

from .casing import official_case
from .lines import (quick_fold, ITEM_RE, NOI_NHAN_RE, SO_LINE_RE, first_symbol, is_name, is_role, is_upper,
                    list_items, place_date)

_FORMS = {"sao y ban chinh": "Sao y bản chính", "sao y": "Sao y", "sao luc": "Sao lục", "trich sao": "Trích sao"}
_MARKER_RE = re.compile(r"^(sao y ban chinh|sao y|sao luc|trich sao)\b")


def _marker(line: str) -> str | None:
    if len(line.split()) > 6:
        return None
    match = _MARKER_RE.match(quick_fold(line).lower().strip())
    return _FORMS[match.group(1)] if match else None


def _walk_back(lines: list[str], i: int) -> int:
    while i > 0:
        line = lines[i - 1].strip()
        if line and not (ITEM_RE.match(line) or NOI_NHAN_RE.match(line) or SO_LINE_RE.match(line)
                         or is_upper(line) or re.fullmatch(r"[*\s]+", line)):
            break
        i -= 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def parse_copy_block(lines: list[str]) -> tuple[dict | None, set[int], list[str]]:
    """(ban_sao metadata, line indexes used, raw lines of the block) or (None, set(), [])."""
    for m in range(len(lines) - 1, len(lines) // 2 - 1, -1):
        form = _marker(lines[m])
        if form:
            break
    else:
        return None, set(), []
    start = _walk_back(lines, m)
    block = list(range(start, len(lines)))
    copy = {"hinh_thuc": form, "so_ky_hieu": None, "co_quan": None, "dia_danh": None, "ngay": None}
    agency, parent, recipients, in_list = [], None, [], False
    for i in block:
        line = lines[i].strip()
        if not line or i == m:
            in_list = in_list and not line == "" or in_list
            continue
        if NOI_NHAN_RE.match(line):
            in_list = True
            continue
        if in_list and ITEM_RE.match(line):
            recipients.append(line)
            continue
        in_list = False
        if (so := SO_LINE_RE.match(line)) and copy["so_ky_hieu"] is None:
            symbol = first_symbol(so.group("rest"))
            copy["so_ky_hieu"] = str(symbol) if symbol else None
        elif (found := place_date(line)) and found[1]:
            copy["dia_danh"], copy["ngay"] = found
        elif is_role(line):
            copy["chuc_vu"] = official_case(line)
        elif is_name(line):
            copy["nguoi_ky"] = line
        elif is_upper(line):
            if quick_fold(line).upper().startswith("DANG BO") and not agency:
                parent = line
            else:
                agency.append(line)
    if agency:
        copy["co_quan"] = official_case(" ".join(agency))
    if parent:
        copy["cap_tren"] = official_case(parent)
    if recipients:
        copy["noi_nhan"] = list_items(recipients)
    return copy, set(block), [lines[i] for i in block]
