"""Portal news articles that report a directive instead of reproducing its header.

"Ngày 21/7, Thường trực Ban Bí thư có Điện gửi … về …": the lead sentence and the
headline give the type, issuer, number, date and subject; the posting stamp
("26/08/2021 04:38 CH") and "Nguồn: bacninh.gov.vn" give ngay_dang and nguon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_dates, parse_date, parse_posted_stamp
from ..doctypes import TYPE_NAMES
from ..symbols import SYMBOL_PATTERN, find_symbols, normalize_symbol
from ..text import collapse_spaces

_TYPES = "|".join(sorted(TYPE_NAMES, key=len, reverse=True))
_STAMP_LINE_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d\d(\s*(SA|CH|AM|PM))?$", re.IGNORECASE)
_SOURCE_RE = re.compile(r"^\(?\s*Nguồn\s*:\s*(?P<src>[^)]+?)\)?\.?$", re.IGNORECASE)
_LEAD_RE = re.compile(
    rf"(?:^|,\s*|\.\s+)(?P<issuer>[A-ZĐÀ-Ỹ][^,.;]{{2,80}}?)\s+(?:(?:đã|vừa|mới)\s+)?(?:ký\s+ban hành|có|ký|ban hành|gửi)\s+"
    rf"(?:văn bản\s+)?(?P<type>{_TYPES}|(?<=văn bản )(?i:{_TYPES}))(?:\s+số\s+(?P<sym>{SYMBOL_PATTERN}))?")
_SIGNER_RE = re.compile(
    r"đồng chí\s+(?P<name>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){2,5}?)\s*[-–,]\s*(?P<roles>[^.;]{3,120}?)\s+(?:đã\s+)?ký\b")
# "Giấy mời số 88/GM-UBND ngày 29/6/2016 của UBND huyện V/v Họp bàn …", "Kế hoạch của Tỉnh ủy về …"
_HEADLINE_RE = re.compile(rf"^(?P<type>{_TYPES})(?:\s+số\s+(?P<sym>\S+))?(?:\s*,?\s*(?P<date>ngày\s+[\d/.\-]+))?"
                          rf"\s+của\s+(?P<issuer>.+?)\s+(?P<subject>(?:về|V/v|tại|trong|đối với|việc)\b.+)$")
# The opening of a post about one document: the document first, then who issued it and what it says.
# "Quyết định số 21/2004/QĐ-UB, ngày 01/01/2004 của UBND tỉnh X về việc …" (a page presenting it);
# "Tại Công văn số 4154/UBND-KT ngày 20/5/2025, Chủ tịch UBND tỉnh đã có ý kiến chỉ đạo về …".
_DATE_WORDS = r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_REFERENCE_RE = re.compile(
    rf"^(?:(?:Tại|Theo)\s+)?(?P<type>{_TYPES})\s+số\s*:?\s*(?P<sym>{SYMBOL_PATTERN})\s*,?\s*(?:ngày\s+)?(?P<date>{_DATE_WORDS})"
    rf"(?:\s+của\s+(?P<issuer>[^,;:]{{3,80}}?)\s+(?:về|V/v)\b"
    rf"|\s*,\s*(?P<actor>[A-ZĐÀ-Ỹ][^,;:]{{2,60}}?)\s+(?:đã\s+)?(?:có ý kiến chỉ đạo|chỉ đạo|yêu cầu|giao|đề nghị|"
    rf"thông báo|quyết định)\b)")
# A summary of a document whose number the post does not give: "Thông tư quy định rõ đối tượng áp dụng …".
_TYPE_SAYS_RE = re.compile(rf"^(?P<type>{_TYPES})\s+(?:này\s+)?(?:quy định|nêu rõ|hướng dẫn|yêu cầu)\b")
# The date written right after the number of the document a post is about.
_OWN_DATE_RE = re.compile(rf"\s*,?\s*ngày\s+(?P<date>{_DATE_WORDS})")
# A news agency's or portal's tag before the lead: "(binhdinh.gov.vn) - ", "(Chinhphu.vn) – ".
_SOURCE_TAG_RE = re.compile(r"^\((?P<src>[\w.-]+\.(?:vn|com|net|org))\)\s*[-–—]\s*", re.IGNORECASE)
# A head of a People's Committee speaks for it: "Chủ tịch UBND tỉnh đã có ý kiến chỉ đạo" is the committee's letter.
_HEAD_OF_RE = re.compile(r"^(?:Phó\s+)?Chủ tịch\s+(?=UBND|Ủy ban nhân dân|Uỷ ban nhân dân)")
# A legal portal's title: "Công văn 2739/VPCP-ĐMDN năm 2019 quy định … do Văn phòng Chính phủ ban hành".
_PORTAL_TITLE_RE = re.compile(rf"^(?P<type>{_TYPES})\s+(?:số\s+)?(?P<sym>\S+)(?:\s+năm\s+\d{{4}})?\s+"
                              rf"(?P<subject>.+?)\s+do\s+(?P<issuer>.+?)\s+ban hành$")


@dataclass
class Article:
    ngay_dang: str | None = None
    stamp_raw: str | None = None
    nguon: str | None = None
    headline: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    symbol: str | None = None
    date: tuple | None = None           # (year|None, month, day)
    subject: str | None = None
    signer: str | None = None
    roles: list[str] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)


def find_source(lines: list[str], art: Article) -> None:
    for i in range(len(lines) - 1, max(-1, len(lines) - 15), -1):
        match = _SOURCE_RE.match(lines[i].strip())
        if match:
            art.nguon, _ = collapse_spaces(match.group("src")), art.taken.add(i)
            return


def _lead(lines: list[str], start: int) -> str:
    """The first paragraph after start (hard wraps joined)."""
    parts = []
    for line in lines[start:]:
        if not line.strip():
            if parts:
                break
            continue
        parts.append(line.strip())
        if re.search(r"[.:]\W?$", line.strip()) and len(" ".join(parts)) > 60:
            break
    return collapse_spaces(" ".join(parts))


def _subject_after(text: str, pos: int) -> str | None:
    match = re.search(r"\svề\s+(?:việc\s+)?[^.;]+", text[pos:])
    return collapse_spaces(match.group(0)).rstrip(" ,:") if match else None


def _report_date(opening: str) -> tuple | None:
    """The report's own date ("Ngày 21/7, ..."), not the date that follows a cited number
    ("Kết luận số 192-KL/TW, ngày 19/9/2025")."""
    cited_ends = [m.end() for m, _ in find_symbols(opening)]
    for date, parts in find_dates(opening):
        if not any(not opening[end:date.start()].strip(" ,(") for end in cited_ends):
            return parts
    return None


def parse_article(lines: list[str]) -> Article:
    art = Article()
    find_source(lines, art)
    content = [i for i, l in enumerate(lines[:8]) if l.strip()]
    for i in content[:3]:
        line = lines[i].strip()
        if _STAMP_LINE_RE.match(line):
            art.ngay_dang, art.stamp_raw = parse_posted_stamp(line), line
            art.taken.add(i)
        elif art.headline is None and len(line) < 300 and not re.search(r"[.:;]$", line):
            art.headline = collapse_spaces(line)
            art.taken.add(i)
        else:
            break
    start = max((i for i in art.taken if i < 8), default=-1) + 1
    lead = _lead(lines, start)
    if tag := _SOURCE_TAG_RE.match(lead):
        art.nguon, lead = art.nguon or tag["src"], lead[tag.end():]
    if _reference(lead, art):
        return art
    match = _LEAD_RE.search(lead)
    if match:
        art.doc_type, art.issuer = match.group("type"), _HEAD_OF_RE.sub("", collapse_spaces(match.group("issuer")))
        art.symbol = normalize_symbol(match.group("sym")) if match.group("sym") else None
        art.subject = _subject_after(lead, match.end())
        if art.symbol and (own := _OWN_DATE_RE.match(lead, match.end())):
            art.date = parse_date(f"ngày {own['date']}")  # "Kế hoạch số 45/KH-UBND ngày 12/3/2024": its own date
        if re.match(r"(?i)(hôm nay|ngày|sáng|chiều|tối|vừa qua)\b", art.issuer) or "đồng chí" in art.issuer:
            art.issuer = None
    signer = _SIGNER_RE.search(lead)
    if signer and match and match.start("issuer") < signer.end():
        art.issuer = None  # the "issuer" was the tail of the signer's titles
    if signer:
        art.signer = collapse_spaces(signer.group("name"))
        art.roles = [collapse_spaces(r) for r in signer.group("roles").split(",") if r.strip()]
    art.date = art.date or _report_date(lead[: match.start("type")] if match else lead[:40])
    head = _HEADLINE_RE.match(art.headline or "") or _PORTAL_TITLE_RE.match(art.headline or "")
    if head:
        if head.groupdict().get("date") and not art.date:
            art.date = parse_date(head["date"])
        art.doc_type = art.doc_type or head.group("type")
        art.issuer = art.issuer or collapse_spaces(head.group("issuer"))
        art.subject = art.subject or collapse_spaces(head.group("subject"))
        art.symbol = art.symbol or normalize_symbol(head.group("sym") or "")
    if not art.doc_type and (says := _TYPE_SAYS_RE.match(lead)):
        art.doc_type = says["type"]
    return art


def _reference(lead: str, art: Article) -> bool:
    """A lead that opens with the document it is about gives its type, number, date and issuer."""
    match = _REFERENCE_RE.match(lead)
    if not match:
        return False
    art.doc_type, art.symbol, art.date = match["type"], normalize_symbol(match["sym"]), parse_date(f"ngày {match['date']}")
    art.issuer = _HEAD_OF_RE.sub("", collapse_spaces(match["issuer"] or match["actor"]))
    art.subject = _subject_after(lead, match.start("issuer") if match["issuer"] else match.end())
    return True


# A legal portal's title line above the masthead: "Công văn 778/TCHQ-GSQL", "Quyết định 435/QĐ-UBND năm 2020 …".
_TITLE_TYPE_RE = re.compile(rf"^(?P<type>{_TYPES})\s+(?:số\s+)?(?P<sym>{SYMBOL_PATTERN})")


def title_type(lines: list[str], symbol: str | None) -> str | None:
    """The type a portal's title names (its first lines) for the document whose number it gives (the masthead's own)."""
    for line in lines:
        match = _TITLE_TYPE_RE.match(line.strip())
        if match and symbol and normalize_symbol(match["sym"]) == symbol:
            return match["type"]
    return None
