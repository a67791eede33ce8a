"""When a document says it takes effect: "Chỉ thị này có hiệu lực kể từ ngày ký",
"Quyết định này có hiệu lực thi hành từ ngày 01 tháng 8 năm 2024".

Only a clause whose subject is this document counts ("<its type> này" or "Văn bản này"):
a Công văn quoting "Luật này có hiệu lực từ ngày 01/01/2015" is telling the reader about
the law. "Kể từ ngày ký" means the date of issue, which the caller knows; a clause that
counts days ("sau 45 ngày kể từ ngày ký") is not read: the archive never guesses a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import find_dates, iso
from ..doctypes import TYPE_NAMES
from ..text import collapse_spaces

_TYPES = "|".join(sorted((re.escape(t) for t in TYPE_NAMES), key=len, reverse=True))
_CLAUSE_RE = re.compile(
    r"(?<!\w)(?P<subject>" + _TYPES + r"|văn bản)\s+này\s+(?:chính thức\s+)?(?P<says>có\s+hiệu\s+lực(?:\s+thi\s+hành)?"
    r"\s*(?:,\s*)?(?:(?:kể\s+)?từ\s+|bắt đầu từ\s+)(?P<when>ngày\s+(?:ký|ban\s+hành)(?:\s+ban\s+hành)?(?!\w)|"
    r"(?=ngày)))", re.IGNORECASE)


@dataclass(frozen=True)
class Effective:
    date: str | None     # ISO date the text names; None: "from the date of signing" (see on_signing)
    on_signing: bool     # "kể từ ngày ký (ban hành)"
    phrase: str          # the words read, for "theo …": "có hiệu lực kể từ ngày ký"


def effective_from(text: str, own_type: str | None) -> Effective | None:
    """The first clause in which this document says when it takes effect, or None."""
    if "hiệu lực" not in text and "Hiệu lực" not in text and "HIỆU LỰC" not in text:
        return None   # most texts never say: skip the search
    for match in _CLAUSE_RE.finditer(text):
        subject = match.group("subject")
        if own_type and subject.casefold() not in (own_type.casefold(), "văn bản"):
            continue   # "Luật này có hiệu lực …" quoted in a Công văn
        if match.group("when"):
            return Effective(None, True, collapse_spaces(match.group("says")))
        found, parts = next(find_dates(text[match.end():match.end() + 40]), (None, None))
        date = iso(*parts) if found and found.start() == 0 else None
        if date:
            end = match.end() + found.end()
            return Effective(date, False, collapse_spaces(text[match.start("says"):end]))
    return None
