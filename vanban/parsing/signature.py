"""The signature block (T/M, K/T, T/L, title, signer name) and the Nơi nhận list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import collapse_spaces
from .casing import official_case
from .lines import ITEM_RE, NOI_NHAN_RE, is_name, is_role, is_upper, list_items

_SIGNED_RE = re.compile(r"^\(?\s*(đã ký|đã kí|ký tên|kí tên|ký|\(?chữ ký\)?)\s*\)?\.?$", re.IGNORECASE)


@dataclass
class Signature:
    nguoi_ky: str | None = None
    chuc_vu: str | None = None
    noi_nhan: list[str] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)


def _title_name(line: str) -> str:
    line = collapse_spaces(line).strip(" .,")
    return line.title() if is_upper(line) else line


def _is_name_line(line: str) -> bool:
    return is_name(line) or (is_upper(line) and is_name(line.title()))


def _sig_line(line: str) -> bool:
    return not line or is_role(line) or _is_name_line(line) or bool(_SIGNED_RE.match(line))


def _take_noi_nhan(lines: list[str], n: int, sig: Signature) -> int:
    """Collect the list after "Nơi nhận:" at n; return the index after it."""
    sig.taken.add(n)
    rest = NOI_NHAN_RE.sub("", lines[n]).strip()
    items, roles, i = [], [], n + 1
    if rest:
        (roles if is_role(rest) else items).append(rest)
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            nxt = next((l.strip() for l in lines[i + 1 : i + 3] if l.strip()), "")
            if items and not ITEM_RE.match(nxt):
                break
        elif is_role(line) or _is_name_line(line):
            break
        elif ITEM_RE.match(line) or items:
            items.append(line)
        else:
            break
        sig.taken.add(i)
        i += 1
    sig.noi_nhan = list_items(items)
    if roles:
        sig.chuc_vu = official_case(roles[0])
    return i


def parse_signature(lines: list[str], end: int) -> Signature:
    """Signature and Nơi nhận in lines[:end] (end = start of a copy block, or len)."""
    sig = Signature()
    floor = max(0, end - 40)
    n = next((i for i in range(end - 1, floor - 1, -1) if NOI_NHAN_RE.match(lines[i].strip())), None)
    region = []
    if n is not None:
        after = _take_noi_nhan(lines, n, sig)
        region += [i for i in range(after, end)]
        i = n
        while i > floor and _sig_line(lines[i - 1].strip()):  # signature printed before the list
            i -= 1
            region.insert(0, i)
    else:
        i = end
        while i > floor and _sig_line(lines[i - 1].strip()):
            i -= 1
        region = list(range(i, end))
    roles, name = ([sig.chuc_vu] if sig.chuc_vu else []), None
    for i in region:
        line = lines[i].strip()
        if not line:
            continue
        if is_role(line):
            roles.append(official_case(line))
        elif _is_name_line(line) and name is None:
            name = _title_name(line)
        elif not _SIGNED_RE.match(line):
            continue
        sig.taken.add(i)
    if name or roles:
        sig.nguoi_ky = name
        sig.chuc_vu = ", ".join(dict.fromkeys(r.strip(" ,") for r in roles)) or None
    return sig
