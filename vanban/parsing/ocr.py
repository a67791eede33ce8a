"""Text read by OCR from a scan: how to recognise it, and the second witnesses in the
same input that may confirm what was read from it.

OCR misreads digits ("4046/TCT-TTKT" for 1046), so a number, date or signer read from
OCR text is published flagged for review unless another, independent place agrees:
the document's self-reference in its annex ("(Kèm theo Công văn số 2000/TCT-QLRR ngày
09/6/2021 ...)"), the title line of the file's own metadata header (the PDF's file
name: "CV 2020 03 12 CV 104612032020TCTTrien khai"), or the legal portal's table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..agencies import is_known_code
from ..dates import iso, make_date, parse_date, today_in_vietnam
from ..doctypes import type_for_code
from ..symbol_repair import repair_by_named_body, repair_by_named_type
from ..symbols import Symbol, find_symbols, parse_symbol, symbol_key
from ..text import fold, name_key, nfc
from .header import type_of_heading
from .lines import SO_LINE_RE, SO_WORD, is_name

_PAGE_BREAK_RE = re.compile(r"^-+\s*PAGE BREAK\s*-+\s*$", re.IGNORECASE | re.MULTILINE)
# [ \t]*, not \s*: at each of a million empty lines \s* would run to the end of the text.
_STAMP_RE = re.compile(r"^[ \t]*(?:Ký bởi|Thời gian ký)[ \t]*:", re.IGNORECASE | re.MULTILINE)
# The header a PDF-to-text tool puts before the text: YAML naming the original format.
_TOOL_HEADER_RE = re.compile(r"\A\ufeff?---\n(?:[a-z_]+:.*\n)*?(?:original_format|conversion_date):.*\n")
_TOOL_TITLE_RE = re.compile(r"\A\ufeff?---\n(?:[a-z_]+:.*\n)*?title:\s*\"?(?P<title>[^\"\n]*)")
# Letters and signs no Vietnamese text uses, which OCR puts where tone marks were ("ngày,È2", "202}" aside).
_CONFUSABLE_RE = re.compile(r"[äåæçëîïñöøûüÿßÄÅÆÇËÎÏÑÖØÛÜ£¿§†¢¥¶]")
_SIGNED_BY_RE = re.compile(r"^[ \t]*Ký bởi[ \t]*:[ \t]*(?P<name>.+?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_ANNEX_REF_RE = re.compile(
    r"kèm theo\s+(?:công văn|văn bản|quyết định|nghị quyết|nghị định|thông báo|thông tư|kế hoạch|chỉ thị|"
    r"hướng dẫn|kết luận|quy định)\s+(?:số|sô|sồ|so|s6)\W{0,2}(?P<rest>[^\n)]{0,80})", re.IGNORECASE)
_LEADING_DATE_RE = re.compile(r"^\D*?((?:19|20)\d\d) (\d\d) (\d\d)\b")


def looks_ocr(text: str) -> bool:
    """Signs of OCR: page-break markers, digital-signature stamp lines, a PDF tool's
    header, or several characters that Vietnamese never uses."""
    if _TOOL_HEADER_RE.match(text) or _PAGE_BREAK_RE.search(text) or _STAMP_RE.search(text):
        return True
    confusables = len(_CONFUSABLE_RE.findall(text))
    return confusables >= 5 and confusables * 2000 >= len(text)


@dataclass
class Witnesses:
    """What other places in the input say the document's number, date and signer are."""
    numbers: set[str] = field(default_factory=set)     # number digits alone ("1046", from a file name)
    symbols: list = field(default_factory=list)        # Symbols written out in full elsewhere
    dates: set[str] = field(default_factory=set)       # ISO dates
    signers: set[str] = field(default_factory=set)     # name keys
    title: FileTitle | None = None                     # the file name, when the tool's header gives one

    def confirm_symbol(self, symbol: str | None) -> bool:
        """Same number, and for a full symbol one code in common: the annex's "2000/TCT-OLRR"
        confirms 2000/TCT-QLRR (its unit code misread again), "2001/TCT-QLRR" does not."""
        parsed = parse_symbol(symbol) if symbol else None
        if not parsed:
            return False
        number, codes = parsed.number.lstrip("0"), {symbol_key(c) for c in parsed.codes}
        return number in self.numbers or any(
            other.number.lstrip("0") == number and codes & {symbol_key(c) for c in other.codes} for other in self.symbols)

    def confirm_date(self, date: str | None) -> bool:
        return bool(date) and date in self.dates

    def confirm_signer(self, name: str | None) -> bool:
        return bool(name) and name_key(name) in self.signers


@dataclass
class FileTitle:
    """What the file name a person typed says: "CV 2020 03 12 CV 104612032020TCTTrien khai"
    names a Công văn 1046 of 12/3/2020 from TCT."""
    numbers: set[str]          # the number of each digit run, cut from a date glued to it
    types: set[str]            # types its abbreviations name (CV, NQ, TB)
    letters: list[str]         # its runs of capitals ("TCTT"), where issuer codes are glued

    def reading(self, symbol: Symbol, doc_type: str | None) -> str | None:
        """The file name's number for an OCR-read symbol it does not confirm, when exactly one of
        its numbers is the closest OCR-plausible misreading of the digits read (at most 2 edits, and
        not more than half its digits: 4046 for 1046, 470 for 1770), its type abbreviation names the
        same type, and one of the symbol's issuer codes is written in it (TCT, CP). Else None."""
        if self.types and doc_type not in self.types:
            return None
        issuer_codes = symbol.codes[1:] if symbol.doc_type else symbol.codes
        if not any(run.startswith(fold(code).upper()) for code in issuer_codes for run in self.letters):
            return None
        read = symbol.number.lstrip("0")
        close = sorted((_edit_distance(read, n), n) for n in self.numbers
                       if n != read and _edit_distance(read, n) <= min(2, (len(n) + 1) // 2))
        if not close or (len(close) > 1 and close[0][0] == close[1][0]):
            return None
        return close[0][1]


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: OCR substitutes, drops and adds digits."""
    row = list(range(len(b) + 1))
    for i, ch in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ch != other))
    return row[-1]


def _compact_date(digits: str) -> str | None:
    """ "12032020" -> 2020-03-12, "291122" -> 2022-11-29, "19720" -> 2020-07-19: a date run
    together in a file name, day and month with or without their leading zero."""
    for day_len in (2, 1):
        for month_len in (2, 1):
            day, month, year = digits[:day_len], digits[day_len:day_len + month_len], digits[day_len + month_len:]
            if len(year) == 2:
                year = "20" + year
            if len(year) == 4 and year[:2] in ("19", "20") and day.isdigit() and month.isdigit() \
                    and make_date(int(year), int(month), int(day)):
                return iso(int(year), int(month), int(day))
    return None


def _date_alone(run: str) -> bool:
    """A digit run of a file name that is a past date by itself ("181022", "05052020"); a short
    one such as "1770" or "5619" is a number, whatever date its digits could spell."""
    date = _compact_date(run) if len(run) >= 5 else None
    return bool(date) and date <= today_in_vietnam().isoformat()


def _title_witnesses(title: str, found: Witnesses) -> None:
    """Numbers and dates in a file name such as "CV 2021 06 09 CV 2000 09062021 TCT Gioi thieu"."""
    leading = _LEADING_DATE_RE.match(title)
    leading_date = None
    if leading and make_date(int(leading[1]), int(leading[2]), int(leading[3])):
        leading_date = iso(int(leading[1]), int(leading[2]), int(leading[3]))
        found.dates.add(leading_date)
        title = title[leading.end():]
    numbers = set()
    for run in re.findall(r"\d+", title):
        if date := _compact_date(run):  # "TB 330 VPCP 181022"
            found.dates.add(date)
        splits = []
        for cut in range(1, min(len(run), 6) + 1):
            rest = run[cut:]
            date = _compact_date(rest) if rest else None
            if not rest or date or re.fullmatch(r"(?:19|20)\d\d", rest):
                splits.append((run[:cut].lstrip("0"), date))
                found.numbers.add(run[:cut].lstrip("0"))
            if date:
                found.dates.add(date)
        # The file's number: a run that is a date alone holds none; where the leading date is glued
        # to the run ("27682672021" after "2021 07 26"), the cut before it.
        agreeing = [n for n, d in splits if leading_date and d == leading_date]
        if not _date_alone(run):
            numbers.update(n for n in agreeing or [n for n, _ in splits] if n)
    words = fold(title)
    types = {type_for_code(t) for t in re.findall(r"(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])", words)} - {None}
    if re.search(r"\b(?:Chi|CHI) (?:thi|THI)\b", words):  # "Chi thi 11 2019 CTTTg"
        types.add("Chỉ thị")
    found.title = FileTitle(numbers, types, re.findall(r"[A-Z]{2,}", words))


def witnesses(text: str, portal: dict) -> Witnesses:
    found = Witnesses()
    title = _TOOL_TITLE_RE.match(text)
    if title and _TOOL_HEADER_RE.match(text):
        _title_witnesses(title["title"], found)
    for match in _ANNEX_REF_RE.finditer(text):
        rest = join_spaced_digits(nfc(match["rest"]))  # "Công văn số1 0 9 4 3/BYT-MT"
        symbol = next(find_symbols(rest), None)
        if symbol:
            found.symbols.append(symbol[1])
            date = parse_date(rest[symbol[0].end():])
            if date and date[0]:
                found.dates.add(iso(*date))
    if (symbol := parse_symbol(portal.get("so_ky_hieu") or "")):
        found.symbols.append(symbol)
    if (date := parse_date(portal.get("ngay_ban_hanh") or "")) and date[0]:
        found.dates.add(iso(*date))
    signers = [m["name"] for m in _SIGNED_BY_RE.finditer(text)] + [portal.get("nguoi_ky") or ""]
    found.signers.update(name_key(n) for n in signers if is_name(n))
    return found


def stamp_signer(text: str) -> str | None:
    """The person a digital-signature stamp names ("Ký bởi: Nguyễn Văn A"); agencies do not count."""
    return next((m["name"].strip(" .") for m in _SIGNED_BY_RE.finditer(text) if is_name(m["name"])), None)


# A "Số:" line whose number OCR garbled before the slash: "Số: #49 /TCT-TTKT", "Sé: ##20 /TCT-DNNCN",
# "sốl 0688/BYT-MT". It is the document's own number line, never a citation.
_GARBLED_SO_RE = re.compile(rf"^{SO_WORD}\s*[:.]?\s*(?P<number>[^/\n]{{1,9}}?)\s*/\s*[A-ZĐ]")


def garbled_so_line(lines: list[str]) -> int | None:
    """Index of the first garbled "Số:" line, or None."""
    for i, line in enumerate(lines):
        match = _GARBLED_SO_RE.match(line.strip())
        if match and not match["number"].replace(" ", "").isdigit():
            return i
    return None


def garbled_number(so_line: str | None) -> bool:
    """ "Số: 3{85 /BNG-LS": debris glued before the digits, so the number read ("85") is part of it."""
    so = SO_LINE_RE.match((so_line or "").strip())
    match = next(find_symbols(so["rest"]), None) if so else None
    return bool(match) and bool(so["rest"][: match[0].start()].strip())


# "86:5619 SYT-NVY Thành phố …": the "Số:" garbled and the slash lost, digits then issuer codes.
_SLASHLESS_SO_RE = re.compile(r"^\S{1,3}\s*[:.]\s*(?P<number>\d{1,6})\s+(?P<codes>[A-ZĐ]{2,}(?:-[A-ZĐ0-9]{1,8}){0,3})(?![\w/])")


def slashless_so_line(lines: list[str], seen: Witnesses) -> tuple[int, Symbol, str] | None:
    """(index, symbol, text as read) of a number line that lost its "Số:" and slash, only when a
    witness confirms the number it spells (the file name "CV5619 So Y"); else None."""
    for i, line in enumerate(lines):
        match = _SLASHLESS_SO_RE.match(line.strip())
        symbol = match and parse_symbol(f"{match['number']}/{match['codes']}", whole=True)
        if symbol and seen.confirm_symbol(str(symbol)):
            return i, symbol, match[0]
    return None


_SPACED_DIGITS_RE = re.compile(r"(?<!\d)\d(?: \d){1,5}(?![\d])")
_SPACED_NUMBER_RE = re.compile(r"(?<![\d ])\d(?: \d){1,5}(?=\s?/)")  # "Công văn số1 0 9 4 3/BYT-MT"
# "ngài: 19 tháng 7": the word "ngày" misread, before a clean day and "tháng".
_NGAY_RE = re.compile(r"\bng[àa]i\s*:?\s*(?=\d{1,2}\s+th[áa]ng\b)")


def join_spaced_number(line: str) -> str:
    """Body lines: only a number pulled apart right before its symbol's slash is joined."""
    return _SPACED_NUMBER_RE.sub(lambda m: m[0].replace(" ", ""), line) if " /" in line or "/" in line else line


def join_spaced_digits(line: str) -> str:
    """A header line with OCR's layout damage undone: digits a letter-spaced scan pulled apart
    ("Số: 1 0 9 4 3 /BYT-MT", "ngày 2 4 tháng 12"), "ngài" for "ngày", and a fraction slash for the
    symbol's ("985⁄QĐ-TTg"). Digits are never changed."""
    line = line.replace("\u2044", "/")
    if " " not in line:
        return line
    line = _SPACED_DIGITS_RE.sub(lambda m: m[0].replace(" ", ""), line)
    return _NGAY_RE.sub("ngày ", line) if "ng" in line else line


# Citations on a scan. Body lines that are another header's number line: an attached document's
# ("Sé:. 248 /TCT-CS Hà Nội, ngày AP tháng …"), a copy block's ("Số: 17/SL-LĐLĐ"), or the own one
# OCR left without its "Số:" ("864305 /TCT-KK. Hà Nội, ngdy, Jf tháng 4") cite nothing.
_NUMBER_LINE_RE = re.compile(rf"^(?:{SO_WORD}\s*[:.]{{1,2}}\s*\d"
                             r"|\d{1,6}\s*/\s*[A-ZĐ][\w/-]*[.,]?\s+[A-ZĐ][^\d,]{1,30},\s*ng)")
# Text repairs before citations are read: a fraction slash from the PDF ("01⁄2016/TTLT"), a
# legislature number cut off ("64/2025/QH 15"), a slash lost before a Tờ trình code ("125TTr-HĐND"),
# a hyphen read as a bracket ("60/2021/NĐ) CP"),
# "ngày" glued to a code ("6670/BYT-MTngày"), a year cut at a line end ("03/202 1/UBTVQH15").
_TEXT_FIXES = ((re.compile("\u2044"), "/"),
               (re.compile(r"(?<=/QH) (?=1\d\b)"), ""),                   # "64/2025/QH 15"
               (re.compile(r"(?<![\d/.,])(\d{1,5})(?=TTr-[A-ZĐ])"), r"\1/"),  # "125TTr-HĐND"
               (re.compile(r"(\d/(?:19|20)\d\d/[A-ZĐ]{2,4})\) ?(?=[A-ZĐ]{2,}\b)"), r"\1-"),  # "60/2021/NĐ) CP"
               (re.compile(r"(?<=[A-ZĐ])(?=ngày\b)"), " "),
               (re.compile(r"(?<![\d/])(\d{1,5}/(?:19|20)\d) (\d)(?=/[A-ZĐ])"), r"\1\2"))
# Debris glued before a number ("sô:#1/2020/NĐGP"), or one or two digits before it ("SỐ 3 1/2021/TT-",
# "Nghị định số 11 23/2021/NĐ-CP" for 115/2021): its digits cannot be trusted.
_DEBRIS_BEFORE_RE = re.compile(r"(?:[#$%&*@{}\[\]|~^\\]|(?<![\w/])\d{1,2} )$")


def is_number_line(line: str) -> bool:
    """A header's number line standing in the body of a scan (see _NUMBER_LINE_RE)."""
    return bool(_NUMBER_LINE_RE.match(line.strip()))


def citation_text(text: str) -> str:
    """OCR text with the damage that hides or breaks citations undone (see _TEXT_FIXES)."""
    for pattern, replacement in _TEXT_FIXES:
        text = pattern.sub(replacement, text)
    return text


def repair_named_issuers(citations: list, text: str, own: set[str]) -> list:
    """Citations whose issuer or type code OCR misread, repaired from the body and the type the
    sentence names around them (symbol_repair.repair_by_named_body, repair_by_named_type); one per
    document, never the own number."""
    kept: dict[str, object] = {}
    for citation in citations:
        symbol = parse_symbol(citation.so_ky_hieu)
        raw = citation.nguyen_van
        at = text.find(raw) if raw else -1
        context = text[max(0, at - 150):at + len(raw)] if at >= 0 else raw
        fixed = repair_by_named_type(repair_by_named_body(symbol, context), citation.loai_van_ban) if symbol else None
        if fixed is not None and fixed != symbol:
            citation.so_ky_hieu = str(fixed)
        key = symbol_key(citation.so_ky_hieu)
        if key not in own:
            kept.setdefault(key, citation)
    return list(kept.values())


def trusted_number(text: str, number_start: int) -> bool:
    """False when the digits of a cited number at text[number_start:] follow OCR debris."""
    return not _DEBRIS_BEFORE_RE.search(text[max(0, number_start - 4):number_start])


# The codes after the number of a "Số:" line whose digits OCR garbled: "Só: #2 /QĐ-TTg", "Số: 2 † /2026/TT-BCT".
_CODES_AFTER_NUMBER_RE = re.compile(r"/\s*(?:(?:19|20)\d\d\s*/\s*)?(?P<type>[A-ZĐ]{1,4}[a-zđ]?)\s*[-–]\s*[A-ZĐ]")


def type_from_number_line(so_line: str | None) -> str | None:
    """The type the own number's type code names when its digits are illegible but its codes are not
    ("Só: #2 /QĐ-TTg" is a Quyết định); a number line printed before the digits were written in.
    A code that is also an issuer's ("AO5f /CT-TTHT": CT is Cục Thuế here) names nothing."""
    match = _CODES_AFTER_NUMBER_RE.search(so_line or "")
    return type_for_code(match["type"]) if match and not is_known_code(match["type"]) else None


# The type heading on a line a received stamp's debris ran into: "DEN i: : _¬ CHỈ THỊ".
_DEBRIS_HEADING_RE = re.compile(r"^(?P<debris>.*?[:;_¬|~{}\[\]].*?)\s(?P<heading>[A-ZĐÀ-Ỹ]{2,}(?: [A-ZĐÀ-Ỹ]{2,}){0,2})\s*$")


def heading_after_debris(lines: list[str]) -> str | None:
    """The type a heading names when OCR put stamp debris before it on its line; the debris holds
    no word of running text (two lower-case letters or more)."""
    for line in lines:
        match = _DEBRIS_HEADING_RE.match(line.strip())
        words = re.findall(r"[^\W\d_]{2,}", match["debris"]) if match else []
        if match and not any(w.islower() for w in words) and (found := type_of_heading(match["heading"])):
            return found
    return None
