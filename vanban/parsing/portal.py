"""The legal portal's own metadata table ("Số hiệu:", "Loại văn bản:", "Nơi ban hành:" ...).

It sits before the document's header; its values are a second witness for the
header fields and its lines are not content. So is the portal's news summary
("**Ngày 18/11/2025, Bộ Tài chính đã ban hành Công văn 17899/BTC-VP về việc ...**",
dropped from the text by noise.py): its "về việc ..." is a witness for the subject.
"""
from __future__ import annotations

import re

from ..text import collapse_spaces, fold

_LABELS = {
    "so hieu": "so_ky_hieu", "loai van ban": "loai_van_ban", "noi ban hanh": "co_quan_ban_hanh",
    "nguoi ky": "nguoi_ky", "ngay ban hanh": "ngay_ban_hanh", "ngay hieu luc": None,
    "ngay cong bao": None, "so cong bao": None, "tinh trang": None,
}
_SUMMARY_SUBJECT_RE = re.compile(
    r"^\*\*Ngày \d{1,2}/\d{1,2}/\d{4}, [^*\n]{3,200}? (?:đã )?(?:ban hành|có) [^*\n]{2,40}? \d[^\s*]* "
    r"(?P<subject>về việc [^*\n]{5,400}?)\.?\*\*", re.MULTILINE)
_LABEL_RE = re.compile(r"^(?P<label>[^:]{4,20}):\s*(?P<value>.*)$")


def parse_portal_table(lines: list[str]) -> tuple[dict, set[int]]:
    """Values of the portal's table (keyed like the schema) and the line indexes it used."""
    values, taken = {}, set()
    i = 0
    while i < min(len(lines), 120):
        match = _LABEL_RE.match(lines[i].strip())
        key = fold(match.group("label")).lower().strip() if match else None
        if key not in _LABELS:
            i += 1
            continue
        taken.add(i)
        value = match.group("value").strip()
        j = i + 1
        while not value and j < len(lines) and j < i + 4:
            if lines[j].strip():
                value = lines[j].strip()
                taken.add(j)
            j += 1
        if _LABELS[key] and value and value.lower() not in ("đang cập nhật", "đã biết"):
            values.setdefault(_LABELS[key], collapse_spaces(value))
        i = j
    return values, taken


def summary_subject(text: str) -> str | None:
    """"Về việc ..." from the portal's news summary of the document, or None."""
    found = _SUMMARY_SUBJECT_RE.search(text)
    return collapse_spaces("V" + found["subject"][1:]) if found else None
