"""Body text -> Markdown blocks: unwrap hard wraps, keep structure, escape raw text.

"I." and "Điều 1." start headings when short, paragraphs otherwise; a numbered
or lettered item ("1.", "2.1.", "a)") is always a paragraph, as the text wrote it
(a short "2. Chủ tịch Ủy ban nhân dân các tỉnh:" is an item of the text, not a
title of the page, and must not enter its table of contents). "-", "+", "•"
start list items. Nothing is interpreted as Markdown or HTML: "<script>", "*"
and "#" render literally.
"""
from __future__ import annotations

import re

_LIST_RE = re.compile(r"^[-–+•]\s*(?=\S)")
_NUMBER_RE = re.compile(r"^(?P<num>(?:Điều\s+\d+[a-z]?\.?|[IVXLC]+[.\-–]|\d+(?:\.\d+)*[.)]|[a-zđ]\)))\s+(?=\S)")
_END_RE = re.compile(r"[.:;!?…][\"”’)»]*$")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~^=])")
_ORDERED_RE = re.compile(r"^(\d+)([.)]\s)")
_BULLET_RE = re.compile(r"^([-+]\s)")


# Replacement functions, not "\\\1" templates: sub() with a template makes a
# Python-level call (re._subx) every time, even when nothing matches.
def _backslash_first(match: re.Match[str]) -> str:
    return "\\" + match.group(1)


def _backslash_second(match: re.Match[str]) -> str:
    return match.group(1) + "\\" + match.group(2)


def escape(text: str) -> str:
    """Literal text for Markdown: HTML characters as entities, Markdown marks backslashed."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(_backslash_first, text)
    text = _ORDERED_RE.sub(_backslash_second, text)   # "1. " would start an ordered list
    return _BULLET_RE.sub(_backslash_first, text)


def _starts_block(line: str) -> bool:
    return bool(_LIST_RE.match(line) or _NUMBER_RE.match(line))


def _open_enumeration(item: str) -> bool:
    """A list item cut inside an enumeration after a colon ("- ... các tỉnh: Gia Lai," then
    "- Đắk Lắk và Khánh Hòa;"): the next dash continues it. A plain item ending with a comma
    ("- Các tỉnh ủy, thành ủy,") is a recipient of its own, as in every Party list."""
    return bool(_LIST_RE.match(item)) and item.endswith(",") and ":" in item


def paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; a blank line inside a sentence (page break) is also joined."""
    paras: list[str] = []
    current: list[str] = []
    pending_break = False
    for raw in lines:
        line = raw.strip()
        if not line:
            pending_break = bool(current)
            continue
        if current:
            prev = current[-1]
            if _LIST_RE.match(line) and _open_enumeration(" ".join(current)):
                current.append(_LIST_RE.sub("", line))
                pending_break = False
                continue
            continues = not _starts_block(line) and not (_END_RE.search(prev) and (line[0].isupper() or line[0].isdigit()
                                                                                    or line[0] in "“\"'‘("))
            if pending_break:
                continues = continues and line[0].islower() and not _END_RE.search(prev)
            if continues:
                current.append(line)
                pending_break = False
                continue
            paras.append(" ".join(current))
        current, pending_break = [line], False
    if current:
        paras.append(" ".join(current))
    return [" ".join(p.split()) for p in paras]


def _is_section(num: str) -> bool:
    """"Điều 1." and Roman "II." / "II-" open sections; "1.", "2.1." and "a)" are items."""
    return num.startswith("Điều") or bool(re.match(r"^[IVXLC]+[.\-–]$", num))


def to_markdown(paras: list[str]) -> str:
    """Markdown blocks separated by blank lines; list items stay adjacent."""
    blocks: list[str] = []
    for para in paras:
        number = _NUMBER_RE.match(para)
        if _LIST_RE.match(para):
            item = "- " + escape(_LIST_RE.sub("", para))
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        elif number and _is_section(number.group("num").strip()) and len(para.split()) <= 16 \
                and not para.endswith("."):
            blocks.append("## " + escape(para))
        else:
            blocks.append(escape(para))
    return "\n\n".join(blocks)
