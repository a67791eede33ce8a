"""Damaged OCR: the few fields closed lists can still confirm in text that lost its tone marks.

OCR run without the Vietnamese model (or over a legacy font) writes marked vowels
as "~ 6 9 ( ) '" and drops the rest: "S~: 1S /2020/()1)-T'l'g", "Thu tu6ng Chinh
phu ban hanh Quyit atnh". Such text is refused by the readers; before it is, this
module recovers only what a closed list confirms, matching a diacritic-free
outline of each line:

- type: the document naming itself ("Quyết định này", doctypes.py), else a
  "V/v" subject line (a Công văn);
- issuer: a legible issuer code in the number line, a masthead or a
  "<body> ban hành" phrase that matches a known central body (infer.py, agencies.py);
- date: "ngày D tháng M năm YYYY" next to the place, every digit legible;
- number: a "Số:" line that parses whole under the symbol grammar;
- citations: symbols whose type code is a known type.

Everything else is null. The caller publishes the result with every key in
can_xac_minh and a "bản OCR chất lượng thấp" note, or refuses the file when
fewer than two fields came back (a type alone identifies nothing).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import islice

from ..agencies import PROVINCES
from ..dates import iso, make_date
from ..doctypes import TYPE_NAMES
from ..model import VanBan
from ..symbols import parse_symbol
from ..text import fold
from .body import paragraphs
from .citations import find_citations
from .extract import _EXPECTED, Parsed
from .infer import known_state_issuers, state_issuer_for_code
from .noise import clean_lines

HEADER_LINES = 25        # the number, date and masthead sit in the first lines
_MATCH = 0.85            # outline similarity that counts as the same words
_MIN_FIELDS = 2          # of number, type, issuer, date

# Characters OCR without the Vietnamese model puts for a marked vowel inside a word ("tu6ng", "h9i", "Quy8t").
_VOWEL_STANDINS_RE = re.compile(r"(?<=[a-z])[~69@8€]|[~69@8€](?=[a-z])")
_NOT_LETTER_RE = re.compile(r"[^a-z]+")
# The motto printed beside the masthead: "CỘNG HÒA XÃ HỘI ..." and "Độc lập - Tự do - Hạnh phúc".
_MOTTO_RE = re.compile(r"\bc\S{0,2}ng\s*h\S{0,2}a\s*x|\bd\S{0,2}c\s*\S{1,4}p\s*-|\bviet\s*nam\b.*\bdoc\b")
_NUMBER_LINE_RE = re.compile(r"^\s*[sS]\S{0,2}\s*:\s*(?P<rest>.+)$")
_DATE_RE = re.compile(r",\s*n\S{0,2}y\s*(\d{1,2})\s+th\S{0,2}ng\s+(\d{1,2})\s+n\S{0,2}m\s+((?:19|20)\d\d)\b")
_SUBJECT_RE = re.compile(r"^\s*(?:v\s*/\s*v|ve\s+viec)\b")
_NAY_RE = re.compile(r"nay\b")   # a word that is "nay" ("này" without its marks), punctuation after it allowed
_ISSUING_RE = re.compile(r"(.{6,40})\s+ban\s+hanh\b")
_CODE_RE = re.compile(r"[A-ZĐ]{2,}")
# Candidate phrases tried against the closed lists, at most: each try compares with every name,
# so a page of a million "x ban hanh" would take hours, and real documents name themselves early.
MAX_CANDIDATES = 50


def outline(text: str) -> str:
    """Lower-case ASCII with OCR stand-ins for vowels read as "o": "Thu tu6ng" -> "thu tuong"."""
    return _VOWEL_STANDINS_RE.sub("o", fold(text).lower())


def _letters(text: str) -> str:
    return _NOT_LETTER_RE.sub("", outline(text))


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= _MATCH


_TYPES = {_letters(name): name for name in TYPE_NAMES}


def _known_bodies() -> list[tuple[str, str]]:
    """(letters, name) of every central body the lists know, longest first, also without "Việt Nam"."""
    pairs: dict[str, str] = {}
    for name in known_state_issuers():
        pairs[_letters(name)] = name
        if name.endswith(" Việt Nam"):
            pairs.setdefault(_letters(name[: -len(" Việt Nam")]), name)
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


_BODIES = _known_bodies()
# Masthead lines that only name a place ("THANH PHO HO CHI MINH", "VIET NAM").
_PLACES = {"vietnam"} | {_letters(p) for p in PROVINCES} | {"thanhpho" + _letters(p) for p in PROVINCES}


def _body_in(text: str, at_end: bool = False) -> str | None:
    """The known body the text names (with at_end, the body its last words name)."""
    letters = _letters(text)
    return next((name for key, name in _BODIES if _similar(key, letters[-len(key) - 2:] if at_end else letters)),
                None)


def _type_of(words: str) -> str | None:
    letters = _letters(words)
    return next((name for key, name in _TYPES.items() if _similar(key, letters)), None)


def _self_references(lines: list[str]):
    """The two words before each "nay" ("quyet dinh" of "Quyet dinh nay"), by words: the regex
    (\\S+\\s+\\S+)\\s+nay was quadratic in a long run of letters without a space."""
    for line in lines:
        words, after = outline(line).split(), 0
        for i in range(2, len(words)):
            if i - 2 >= after and _NAY_RE.match(words[i]):
                yield f"{words[i - 2]} {words[i - 1]}"
                after = i + 1


def recover_type(lines: list[str]) -> str | None:
    """The type the document names itself by ("QuySt dinh nay" x9), else Công văn for a "V/v" subject."""
    votes: dict[str, int] = {}
    for words in islice(_self_references(lines), MAX_CANDIDATES):
        name = _type_of(words)
        if name:
            votes[name] = votes.get(name, 0) + 1
    if votes:
        return max(votes, key=votes.get)
    if any(_SUBJECT_RE.match(outline(line)) for line in lines[:HEADER_LINES]):
        return "Công văn"
    return None


def _number_line(header: list[str]) -> str | None:
    """What follows "Số:" (OCR: "S6:", "S~:", "S:") on the first such line with a digit near the start."""
    for line in header:
        match = _NUMBER_LINE_RE.match(line)
        if match and any(ch.isdigit() for ch in match.group("rest")[:12]):
            return match.group("rest")
    return None


def recover_symbol(header: list[str]) -> str | None:
    """The number line's symbol when it parses whole from its start; a misread digit is never fixed."""
    symbol = parse_symbol(_number_line(header) or "")
    return str(symbol) if symbol else None


def _masthead_parts(header: list[str]) -> list[str]:
    """Left column of the masthead lines above the number: the motto beside them cut off."""
    parts = []
    for line in header:
        if _NUMBER_LINE_RE.match(line):
            break
        key = outline(line)
        motto = _MOTTO_RE.search(key)
        part = line[: motto.start()] if motto else line
        if _letters(part):
            parts.append(part)
    return parts


def recover_issuer(header: list[str], lines: list[str]) -> str | None:
    """A known central body: from the number line's issuer code, the masthead's last name, or "<body> ban hành"."""
    for code in _CODE_RE.findall((_number_line(header) or "").upper()):
        for candidate in (code, code[1:] if code[0] in "IL1" else ""):  # "ITCT": a slash read as I
            if candidate and (name := state_issuer_for_code(candidate)):
                return name
    parts = _masthead_parts(header)
    # The issuer is the masthead's last name; a name above it is the parent body, a line below it its place.
    while parts and _letters(parts[-1]) in _PLACES:
        parts.pop()
    if parts and (name := _body_in(parts[-1])):
        return name
    phrases = (match.group(1) for line in lines for match in _ISSUING_RE.finditer(outline(line)))
    for phrase in islice(phrases, MAX_CANDIDATES):
        if name := _body_in(phrase, at_end=True):
            return name
    return None


def recover_date(header: list[str]) -> str | None:
    """"<place>, ngày 24 tháng 4 năm 2020" with every digit legible; anything less is no date."""
    for line in header:
        match = _DATE_RE.search(outline(line))
        if match:
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            if make_date(year, month, day):
                return iso(year, month, day)
    return None


def recover(text: str) -> Parsed | None:
    """A Parsed with the recovered fields (all flagged), or None when fewer than two came back."""
    lines = clean_lines(text)
    header = [line for line in lines if line.strip()][:HEADER_LINES]
    doc = VanBan()
    doc.so_ky_hieu = recover_symbol(header)
    doc.loai_van_ban = recover_type(lines)
    doc.co_quan_ban_hanh = recover_issuer(header, lines)
    doc.ngay_ban_hanh = recover_date(header)
    found = [doc.so_ky_hieu, doc.loai_van_ban, doc.co_quan_ban_hanh, doc.ngay_ban_hanh]
    if sum(bool(v) for v in found) < _MIN_FIELDS:
        return None
    own = {doc.so_ky_hieu} if doc.so_ky_hieu else set()
    doc.van_ban_dan_chieu = [c for c in find_citations(" ".join(lines)) if c.loai_van_ban
                             and c.so_ky_hieu not in own]
    for key in _EXPECTED:
        doc.flag(key)
    doc.title = title(doc)
    return Parsed(doc, body(lines), ocr=True)


def body(lines: list[str]) -> list[str]:
    """Paragraphs of the OCR text; the header lines up to the subject stay one per paragraph,
    since joining two columns of damaged text makes neither readable."""
    text_lines = [line for line in lines if line.strip()]
    number = next((i for i, line in enumerate(text_lines[:HEADER_LINES]) if _NUMBER_LINE_RE.match(line)), -1)
    head = text_lines[: number + 2] if number >= 0 else []
    rest = lines[lines.index(head[-1]) + 1:] if head else lines
    return [" ".join(line.split()) for line in head] + paragraphs(rest)


def title(doc: VanBan) -> str:
    head = doc.loai_van_ban or "Văn bản"
    if doc.so_ky_hieu:
        return f"{head} {doc.so_ky_hieu}"
    if doc.co_quan_ban_hanh:
        head += f" của {doc.co_quan_ban_hanh}"
    if doc.ngay_ban_hanh:
        year, month, day = doc.ngay_ban_hanh.split("-")
        head += f" ngày {int(day)}/{int(month)}/{year}"
    return head
