"""The register of relation phrases: what a citation's clause says this document does to the cited one.

    "Chỉ thị này thay thế Chỉ thị số 15/CT-TTg ..."                   -> thay_the
    "Căn cứ Nghị định số 15/2021/NĐ-CP ..."                             -> can_cu
    "Luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15" -> dan_chieu (another
                                                                            document's history)

A phrase of PHRASES governs the citation after it when
  - its subject is this document: "Căn cứ" and "Thực hiện" open their clause (after a list
    marker, "Để", …); the others open it too ("Điều 2. Bãi bỏ …", "V/v hướng dẫn thực hiện …")
    or follow "<this document's type> này" / "Văn bản này" with no other document named between;
  - it is not passive or past ("được sửa đổi, bổ sung bởi", "đã bãi bỏ"), not part of another
    document's name ("Luật sửa đổi, bổ sung …", "Nghị định thay thế …") and not inside
    brackets that describe another document ("(thay thế Nghị quyết số …)");
  - between it and the citation stand only short words: the cited document's type, a part
    reference ("khoản 7 Điều 11", "một số điều của": then the relation is partial), or earlier
    citations of a list it governs ("Nghị định số 1/…, Nghị định số 2/…").
Anything else stays dan_chieu: a wrong "thay thế" would tell readers a document is dead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..doctypes import TYPE_NAMES
from ..relation_types import BAI_BO, CAN_CU, DEFAULT, HUONG_DAN, SUA_DOI, THAY_THE, THUC_HIEN

# The phrases, by the relation they name. Each ends where the cited document (or its part) begins.
PHRASES: tuple[tuple[str, str], ...] = (
    (CAN_CU, r"căn cứ(?:\s+(?:vào|theo))?"),
    (HUONG_DAN, r"hướng dẫn(?:\s+(?:triển khai\s+)?(?:thi hành|thực hiện))?"),
    (THUC_HIEN, r"(?:triển khai\s+)?thực hiện(?:\s+(?:theo|nghiêm))?"),
    (THAY_THE, r"thay thế(?:\s+cho)?"),
    (BAI_BO, r"(?:bãi|hủy|huỷ)\s+bỏ"),
    (SUA_DOI, r"sửa đổi(?:\s*,\s*|\s+và\s+|\s+)bổ sung|sửa đổi"),
)
# Searched in the lower-cased window (four times faster than IGNORECASE over the alternatives).
_KEYWORDS = ("căn cứ", "hướng dẫn", "thực hiện", "thay thế", "bỏ", "sửa đổi")   # each phrase holds one
_LEAD = 24   # the most a phrase starts before its last keyword ("hướng dẫn triển khai thực hiện")
_PHRASE_RE = re.compile("(?<!\\w)(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in PHRASES) + ")(?!\\w)")
# Only these open a clause; the others may follow "<type> này".
_OPENERS = (CAN_CU, THUC_HIEN)

_WINDOW = 300      # characters read before a citation
_MAX_GAP = 120     # between a phrase and the citation it governs
_MAX_JOINT = 110       # between two citations of one list
_MAX_OPENER_GAP = 80   # … after "Căn cứ" or "Thực hiện", where commas may stand ("Căn cứ chỉ đạo của X, của Y tại …")
_TYPES = "|".join(sorted((re.escape(t) for t in TYPE_NAMES), key=len, reverse=True))
# A clause ends at a sentence or list boundary.
_BOUNDARY_RE = re.compile(r"(?:[.;:!?](?=\s)|\n|^)")
# What may open a clause before its subject: Markdown and list markers, "Điều 2.", "V/v".
_OPENING_RE = re.compile(
    r"^(?:[\s*_#>+•\-–]|\d{1,3}[.)]|[a-zđ][.)]|[IVXLC]{1,5}[.)]|Điều\s+\d+\w*\s*[.:]|V/v\b|Về việc\b)*", re.IGNORECASE)
_LEAD_IN_RE = re.compile(r"^(?:(?:để|nhằm|tiếp tục|tiếp theo|đồng thời|nghiêm túc)\s+)+", re.IGNORECASE)
# A citation's number ("15/2021/NĐ-CP", "761-CV/TU", "số 16"): another document named in between.
_DIGIT_RE = re.compile(r"\d")
_NUMBER_RE = re.compile(r"(?:\bsố\s+)?\d+\s*[/\-–]\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\w/\-–.&]*|\bsố\s+\d+")
# Words between a phrase and the citation that make it something else than what this document does.
_GAP_BLOCK_RE = re.compile(r"(?<!\w)(?:quy định|bởi|được|đã|bị|theo|như|việc|là|pháp lý|trái với|trước đây)(?!\w)",
                           re.IGNORECASE)
_NOUN_AFTER_RE = re.compile(r"\s*(?:tại|của|trong)(?!\w)", re.IGNORECASE)
# The subject right before a phrase: passive or past, or the noun the phrase belongs to.
_NOT_THIS_RE = re.compile(
    rf"(?<!\w)(?:được|bị|đã|sẽ|đang|chưa|theo|việc|của|tại|các|văn bản|nội dung|dự thảo|mới|{_TYPES})\s*$",
    re.IGNORECASE)
# A part of the cited document: "khoản 7 Điều 11", "gạch đầu dòng thứ tư điểm a", "một phần", "một số điều".
_PART_RE = re.compile(r"(?<!\w)(?:điểm|khoản|điều|mục|chương|phần|phụ lục|gạch đầu dòng|tiết|đoạn|một phần)(?!\w)",
                      re.IGNORECASE)
# A phrase followed by a number is the type word of a citation ("các Hướng dẫn số 16-HD/BTCTW").
_TYPE_WORD_AFTER_RE = re.compile(r"\s*(?:số|so)?\s*:?\s*\d", re.IGNORECASE)
# Between two citations of one list: the first one's date and issuer, then "," or "và". Possessive
# ({…}+): an issuer ends at "và" or a comma, so nothing is tried twice.
_LIST_JOINT_RE = re.compile(
    r"^\s*,?\s*(?:ngày\s*[\d/.\-\s]{6,12}+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})?"
    r"(?:\s*,?\s*(?:của|do)\s+(?:(?!về\s|và\s|quy\s|hướng\s|sửa\s|thay\s|bãi\s|hủy\s|huỷ\s)[^,;:.()\n]){2,60}+)?"
    rf"\s*(?:,|và|;)\s*(?:các\s+)?(?:(?:{_TYPES})\s*)?(?:số\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Relation:
    quan_he: str = DEFAULT
    partial: bool = False   # the phrase names parts of the cited document: "bãi bỏ khoản 7 Điều 11 …"


MENTION = Relation()


def relation(text: str, start: int, own_type: str | None = None) -> Relation:
    """The relation the clause before text[start] (where a citation begins) names.
    own_type: this document's type ("Công văn"), so "Luật này …" quoted in it is not read as
    this document; unknown (None), only "văn bản này" names this document."""
    return _relation(text, start, own_type, depth=0)


@dataclass(frozen=True)
class _Phrase:
    kind: str     # the relation it names
    start: int    # in the text
    end: int
    words: str    # as written ("Căn cứ", "THỰC HIỆN")


def _last_phrase(text: str, window_start: int, start: int) -> _Phrase | None:
    """The last phrase before `start` that is not the type word of a citation ("các Hướng dẫn số 16-…").
    Each phrase holds one of _KEYWORDS: found from the end with str.rfind, then the phrase is matched
    around it (a regex scan of the whole window cost most of the classifier's time)."""
    window = text[window_start:start]
    low = window.lower()
    if len(low) != len(window):   # a character whose lower case is longer: offsets would drift
        return None
    end = len(low)
    while (at := max(low.rfind(word, 0, end) for word in _KEYWORDS)) >= 0:
        for found in _PHRASE_RE.finditer(low, max(0, at - _LEAD)):
            if found.start() > at:
                break
            if found.end() > at and not _TYPE_WORD_AFTER_RE.match(text, window_start + found.end()):
                return _Phrase(found.lastgroup, window_start + found.start(), window_start + found.end(),
                               window[found.start():found.end()])
        end = at + 1   # then the keywords that start before this one
    return None


def _relation(text: str, start: int, own_type: str | None, depth: int) -> Relation:
    window_start = max(0, start - _WINDOW)
    phrase = _last_phrase(text, window_start, start)
    if phrase is None:
        return MENTION
    gap = text[phrase.end:start]
    numbers = list(_NUMBER_RE.finditer(gap)) if _DIGIT_RE.search(gap) else []
    if numbers:   # another citation stands between: this one may continue its list
        previous = numbers[-1]
        joint = gap[previous.end():]   # a date, an issuer and "," or "và": never longer than this
        if depth >= 8 or len(joint) > _MAX_JOINT or not _LIST_JOINT_RE.match(joint):
            return MENTION
        return _relation(text, phrase.end + previous.start(), own_type, depth + 1)
    if not _plain_gap(gap, phrase.kind):
        return MENTION
    if phrase.kind not in _OPENERS and _NOUN_AFTER_RE.match(gap):
        return MENTION   # "hướng dẫn tại Công văn số …": the guidance in it, not this document guiding it
    if not _is_this_document(text, window_start, phrase, own_type):
        return MENTION
    partial = bool(_PART_RE.search(gap)) and phrase.kind in (THAY_THE, BAI_BO, SUA_DOI)
    return Relation(phrase.kind, partial)


def _plain_gap(gap: str, kind: str) -> bool:
    """Only short words between the phrase and the citation ("Căn cứ quy định tại Điều 6 …" is a
    basis; "thực hiện theo quy định tại …" is not this document implementing it)."""
    if kind in _OPENERS:
        blocked = _GAP_BLOCK_RE.search(gap.replace("quy định", "")) if kind == CAN_CU else _GAP_BLOCK_RE.search(gap)
        return len(gap) <= _MAX_OPENER_GAP and not blocked and not re.search(r"[.;:()\n]", gap)
    return len(gap) <= _MAX_GAP and not _GAP_BLOCK_RE.search(gap) and not re.search(r"[.,;:()\n]", gap)


def _is_this_document(text: str, window_start: int, phrase: _Phrase, own_type: str | None) -> bool:
    before = text[window_start:phrase.start]
    clause = before[[m.end() for m in _BOUNDARY_RE.finditer(before)][-1]:]
    if clause.rstrip().endswith("(") or clause.count("(") > clause.count(")"):
        return False   # "(thay thế Nghị quyết số …)": what a document named before the bracket did
    subject = _OPENING_RE.sub("", clause, count=1).strip()
    if phrase.kind in _OPENERS:
        subject = _LEAD_IN_RE.sub("", subject)
        # A capital "Căn cứ" opens a clause whose full stop the text lost; a heading in capitals does not.
        capital = phrase.words[0].isupper() and not phrase.words.isupper()
        return not subject or (capital and not _ends_with_another(subject))
    if not subject:
        return True
    if _ends_with_another(subject):
        return False
    return _names_this_document(subject, own_type)


def _ends_with_another(subject: str) -> bool:
    """The words right before the phrase make it passive, past, or part of another document's name.
    (Only the tail is searched: the longest word listed is 18 characters.)"""
    return bool(_NOT_THIS_RE.search(subject[-40:]))


def _names_this_document(subject: str, own_type: str | None) -> bool:
    """"Công văn này …", "Quyết định này có hiệu lực kể từ ngày ký và …": this document is the
    subject, and no other document is named after it."""
    names = re.escape(own_type) if own_type else "(?!)"   # type unknown: only "văn bản này"
    this = None
    for this in re.finditer(rf"(?<!\w)(?:{names}|văn bản)\s+này(?!\w)", subject, re.IGNORECASE):
        pass
    if this is None:
        return False
    rest = subject[this.end():]
    return len(rest) <= _MAX_GAP and not _NUMBER_RE.search(rest) and not re.search(
        rf"(?<!\w)(?:{_TYPES})(?!\w)", rest, re.IGNORECASE)
