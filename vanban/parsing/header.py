"""The formal header: issuer, national motto, Số, place and date, type heading,
subject (V/v or "về ..."), Kính gửi, and the received stamp ("ĐẾN Số: … Ngày: …"),
which belongs to the receiving office, not to the document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import parse_date, iso
from ..doctypes import TYPE_NAMES
from ..symbols import find_symbols
from ..text import collapse_spaces
from .casing import official_case, subject_case
from .lines import (quick_fold, ITEM_RE, SO_LINE_RE, first_symbol, is_role, is_upper, list_items, place_date)
from .layout import is_ornament
from .masthead import issuer_from_agency, split_motto

_TYPE_BY_FOLD = {quick_fold(t).upper(): t for t in TYPE_NAMES}
# OCR reads V/v as "Viv", "VW", "Vlv", "VWv", "V/" (with a stray quote before it).
_VV_RE = re.compile(r"^[‘'“\"]?(?:[Vv][/il1]?[vVwWy]{1,2}|V/|Về việc|VỀ VIỆC)(?!\w)\.?\s*(?P<rest>.*)$")
# "Kính gửi", and "Gửi:"/"Đồng gửi:" of letters within the Party and to members (the colon then required).
_KINH_GUI_RE = re.compile(r"^(?:(?:Đồng\s+)?K[íi]nh\s*g[ửưu]i\s*:?|(?:Đồng\s+)?g[ửu]i\s*:)\s*(?P<rest>.*)$", re.IGNORECASE)
_STAMP_RE = re.compile(r"(?<![\wÀ-ỹ])ĐẾN(?![\wÀ-ỹ])")
_STAMP_FIELD_RE = re.compile(r"^(Số|Ngày|Chuyển|Chuyên|Lưu hồ sơ|Người nhận)\s*:", re.IGNORECASE)
_SO_ALONE_RE = re.compile(r"^(?:Nghị quyết\s+)?(?:Số|SỐ|số)\s*:?$")
_VE_RE = re.compile(r"^Về\s+(?!việc\b)\S")
_NUMBERED_RE = re.compile(r"^(?:[IVX]+|\d+)[.)]\s")
# Lines that open a body, never a subject: "Căn cứ ...", "(Ban hành kèm theo ...)", "I. MỤC ĐÍCH".
_NOT_SUBJECT_RE = re.compile(r"^(?:\(|Căn cứ|Thực hiện|Theo|Ngày|Trong|Để|Nhằm|Qua|Sau|Tại|Vừa qua|Hiện nay|Kính gửi|"
                             r"(?:[IVX]+|\d+)[.)]\s)")
HEADER_SCAN = 40
# The authority line under a decision's or resolution's subject (thẩm quyền ban hành, NĐ 30/2020 Phụ lục I):
# the title of the body's head, then the body ("BỘ TRƯỞNG BỘ TƯ PHÁP", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH").
AUTHORITY_TITLES = (r"(?:BỘ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|"
                    r"THỐNG ĐỐC|TỔNG KIỂM TOÁN)\b")
_AUTHORITY_LINE_RE = re.compile(rf"^{AUTHORITY_TITLES}(?:\s+\S+){{0,8}}$")


def _is_authority(line: str) -> bool:
    """In capitals, and no colon: "THỦ TƯỚNG CHÍNH PHỦ điện:" opens a telegram's body."""
    return bool(_AUTHORITY_LINE_RE.match(line)) and is_upper(line) and not line.endswith(":")


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
    authority: str | None = None       # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", under the subject
    subject: str | None = None
    kinh_gui: list[str] = field(default_factory=list)
    so_den: dict | None = None
    stamp_raw: list[str] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)


_HEAD_TITLE_RE = re.compile(r"^(?:BỘ TRƯỞNG|CHỦ TỊCH|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|GIÁM ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|THỐNG ĐỐC)\s+")


def authority_body(line: str | None) -> str | None:
    """The body an authority line names: "BỘ TRƯỞNG BỘ TƯ PHÁP" -> "Bộ Tư pháp", "CHỦ TỊCH ỦY BAN NHÂN DÂN
    TỈNH X" -> "Ủy ban nhân dân tỉnh X"; "THỦ TƯỚNG CHÍNH PHỦ" issues in its own name."""
    body = _HEAD_TITLE_RE.sub("", collapse_spaces(line or "")).strip(" :")
    return official_case(body) if body and is_upper(body) else None


def type_of_heading(line: str) -> str | None:
    """ "CHỈ THỊ", "KÉT LUẬN" (OCR), "Điện" -> the controlled type name."""
    text = collapse_spaces(line).strip(" .:")
    if not text or len(text.split()) > 4 or not (is_upper(text) or text in TYPE_NAMES):
        return None
    return _TYPE_BY_FOLD.get(quick_fold(text).upper())


def _heading_with_rest(line: str) -> tuple[str, str] | None:
    """ "THÔNG BÁO KẾT LUẬN", "HƯỚNG DẪN TẠM THỜI" -> (type, the words after it, which open the subject)."""
    text = collapse_spaces(line).strip(" .:")
    words = text.split()
    if not is_upper(text) or not 3 <= len(words) <= 6:
        return None
    for n in (4, 3, 2, 1):
        found = _TYPE_BY_FOLD.get(quick_fold(" ".join(words[:n])).upper())
        if found and len(words) - n <= 3:
            return found, " ".join(words[n:])
    return None


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


def _plain_subject(lines: list[str], start: int) -> list[int]:
    """Indexes of a subject written in ordinary case right under the type heading
    ("NGHỊ ĐỊNH" / "Gia hạn thời hạn nộp thuế ...", a Party plan's "KẾ HOẠCH" / "tổ chức các hoạt động …"):
    up to 3 lines before a blank line, a rule, or the body's first line ("Ngày 26/6/2023, …", "Căn cứ …")."""
    taken = []
    for i in range(start, min(start + 4, len(lines))):
        line = lines[i].strip()
        if not line or is_ornament(line):
            break
        long = _body_like(line) and (taken or len(line.split()) > 40)  # a subject may be one long line
        if _NOT_SUBJECT_RE.match(line) or _VV_RE.match(line) or line.isupper() or long or len(taken) == 3:
            if taken and len(taken) < 3:
                break  # the body opens right under the subject (paragraphs of a .docx, no blank line)
            return []
        taken.append(i)
    text = " ".join(lines[i].strip() for i in taken)
    return taken if text[:1].isalpha() and not re.search(r"[.:;]$", text) else []


def _case_subject(parts: list[str]) -> str:
    """Runs of capital lines in sentence case, as one sentence; ordinary-case lines keep their case."""
    runs: list[tuple[str, bool]] = []
    for part in parts:
        upper = is_upper(part)
        if runs and upper and runs[-1][1]:
            runs[-1] = (f"{runs[-1][0]} {part}", True)
        else:
            runs.append((part, upper))
    cased = [subject_case(text) if upper else text for text, upper in runs]
    for k in range(1, len(cased)):
        if runs[k][1] or runs[k - 1][1]:  # mid-sentence after or in a capital run
            cased[k] = cased[k][:1].lower() + cased[k][1:]
    return collapse_spaces(" ".join(cased))


def _repeats_issuer(line: str, following: str, agencies: tuple[str, ...]) -> bool:
    """The issuer's name again, opening the body: "CHÍNH PHỦ", "THỦ" / "TƯỚNG CHÍNH PHỦ điện:"."""
    for text in (line, f"{line} {following}"):
        key = " ".join(quick_fold(text).upper().rstrip(" :").split())
        if key in agencies or (text.endswith(":") and key.startswith(agencies)):
            return True
    return False


def _take_subject(lines: list[str], start: int, head: Header, parts: list[str] | None = None) -> int:
    """Subject lines after a type heading: "CỦA ..." (the issuer) then "về ..." or capital lines.

    "CỦA ĐỒNG CHÍ ..." names a person, so it belongs to the subject; an issuer line
    ending in "," or "VÀ" continues on the next line ("CỦA BỘ CHÍNH TRỊ," / "BAN BÍ THƯ").
    """
    parts, i, issuer_open = list(parts or []), start, False
    names = head.agency_lines + [" ".join(head.agency_lines)] if head.agency_lines else []
    agencies = tuple(" ".join(quick_fold(a).upper().rstrip(" :").split()) for a in names)
    while i < len(lines) and i < start + 8:
        line = lines[i].strip()
        key = quick_fold(line).upper()
        following = next((l.strip() for l in lines[i + 1 : i + 3] if l.strip()), "")
        if not line:
            if (parts and not (is_upper(parts[-1]) and is_upper(following) and not is_role(following))
                    and not _is_authority(following)):
                break  # a blank line inside capitals does not end them; the signer's title ("CỤC TRƯỞNG CỤC THUẾ") does
            i += 1
            continue
        if issuer_open and is_upper(line) and not key.startswith("VE "):
            head.type_issuer = f"{head.type_issuer} {official_case(line)}"
            issuer_open = bool(re.search(r"(,| VA)$", key))
        elif key.startswith("CUA ") and not key.startswith("CUA DONG CHI") and not parts and head.type_issuer is None:
            head.type_issuer = official_case(line[4:])
            issuer_open = bool(re.search(r"(,| VA)$", key))
        elif parts and agencies and _repeats_issuer(line, following, agencies):
            break
        elif parts and _is_authority(line):
            head.taken.add(i)
            head.authority = line
            i += 1
            break
        elif parts and (_body_like(line) and not is_upper(line) or _NOT_SUBJECT_RE.match(line) or line.endswith(":")):
            break  # the body begins ("THỦ TƯỚNG CHÍNH PHỦ điện:", "Căn cứ ...")
        elif parts or key.lower().startswith("ve ") or line.isupper():  # capitals, a lone one too ("Ý" / "KIẾN …")
            parts.append(line)
            issuer_open = False
        elif plain := _plain_subject(lines, i):
            parts += [lines[k].strip() for k in plain]
            head.taken.update(plain)
            i = plain[-1] + 1
            break
        else:
            break
        head.taken.add(i)
        i += 1
    if head.type_issuer:
        head.type_issuer = head.type_issuer.rstrip(" ,")
    if parts:
        head.subject = _case_subject(parts)
    return i


def _take_vv(lines: list[str], i: int, head: Header, prefix: str = "V/v ") -> None:
    """The "V/v ..." subject of a Công văn (or "Về ..." under the number), up to 6 lines."""
    match = _VV_RE.match(lines[i])
    parts = [match.group("rest") if match else lines[i].strip()]
    head.taken.add(i)
    for j in range(i + 1, min(i + 6, len(lines))):
        line = lines[j].strip()
        if not line or _KINH_GUI_RE.match(line) or place_date(line) or SO_LINE_RE.match(line) or is_upper(line):
            break
        parts.append(line)
        head.taken.add(j)
    subject = collapse_spaces(" ".join(parts))
    head.subject = prefix + (subject_case(subject) if is_upper(subject) else subject)


# A line that opens the body, never an addressee: "Căn cứ Công văn số 389/BYT-BH ..." after a Kính gửi line.
_BODY_OPENER_RE = re.compile(r"^(?:Căn cứ|Thực hiện)\s")


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
            elif not ITEM_RE.match(line) and (block[-1].rstrip().endswith((".", ";")) or _body_like(line)
                                              or _BODY_OPENER_RE.match(line)):
                break
            block.append(line)
            head.taken.add(j)
            j += 1
        head.kinh_gui += list_items(block)


def header_start(lines: list[str]) -> int:
    """Where the document's own header begins: 0, or the masthead after a portal's
    summary of the document (content lines, then the issuer and the motto)."""
    tail, content_first = None, False
    for i, line in enumerate(lines[: min(len(lines) // 2, 150)]):
        if content_first and not is_upper(line):
            continue  # after a portal's summary the motto is in capitals; skip folding the summary
        _, motto, tail = split_motto(line, tail)
        if motto and not content_first:
            return 0  # the usual case: the masthead comes first
        if motto:
            while i > 0 and (not lines[i - 1].strip() or is_upper(lines[i - 1])):
                i -= 1
            return i
        # a long V/v subject is the left column's, read before the motto: not a summary
        content_first = content_first or (_body_like(line) and not _VV_RE.match(line.strip()))
    return 0


def column_agency(left: list[str]) -> list[str]:
    """The name lines of the header's left column: the capitals above the Số line
    (cơ quan chủ quản, then cơ quan ban hành), without rules and stars."""
    names = []
    for line in left:
        line = line.strip()
        if SO_LINE_RE.match(line) or _SO_ALONE_RE.match(line) or _VV_RE.match(line):
            break
        if is_upper(line) and not is_ornament(line) and not re.search(r"\d", line) and not type_of_heading(line):
            names.append(line.strip(" *-_"))   # a type heading set at the margin is not a name
    return names


def parse_header(lines: list[str], left: list[str] | None = None) -> Header:
    """left: the header's left column, when the reader saw the layout: the issuer is read from it
    alone; otherwise the issuer's lines are told apart from the motto's line by line."""
    head = Header()
    _parse_stamp(lines, head)
    i = header_start(lines)
    limit = min(len(lines), i + HEADER_SCAN)
    tail = None
    while i < limit:
        line = lines[i].strip()
        if i in head.taken or not line:
            i += 1
            continue
        if _SO_ALONE_RE.match(line) and i + 1 < len(lines) and SO_LINE_RE.match("Số: " + lines[i + 1].strip()):
            head.taken.add(i)  # "Số:" with the number on the next line
            i += 1
            line = "Số: " + lines[i].strip()
        agency, motto, tail = split_motto(line, tail)
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
        elif (head.ngay is None and len(line.split()) == 1 and line[:1].isupper() and i + 1 < len(lines)
              and "ngày" in lines[i + 1].lower() and (found := place_date(f"{line} {lines[i + 1].strip()}"))
              and found[1]):
            # a place name cut by the layout: "Hà" / "Nội, ngày 21 tháng 11 năm 2025"
            (head.dia_danh, head.ngay), head.date_raw = found, f"{line} {lines[i + 1].strip()}"
            head.taken.update((i, i + 1))
            i += 1
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
        elif (head.doc_type is None and i + 1 < len(lines) and len(line.split()) <= 2
              and (doc_type := type_of_heading(f"{line} {lines[i + 1].strip()}"))):
            head.doc_type = doc_type  # "NGHỊ" / "QUYẾT": a heading cut by the layout
            head.taken.update((i, i + 1))
            i = _take_subject(lines, i + 2, head)
            continue
        elif head.doc_type is None and (found := _heading_with_rest(line)):
            head.doc_type = found[0]
            head.taken.add(i)
            i = _take_subject(lines, i + 1, head, [found[1]])
            continue
        elif head.subject is None and _VV_RE.match(line):
            _take_vv(lines, i, head)
        elif head.subject is None and head.doc_type is None and head.symbol_raw and _VE_RE.match(line) \
                and not _body_like(line):
            _take_vv(lines, i, head, prefix="")
        elif (is_upper(line) and head.doc_type is None and head.symbol_raw is None and len(line.split()) <= 12
              and not re.search(r"\d", line) and not _NUMBERED_RE.match(line)):
            head.agency_lines.append(line.strip(" *-_"))  # "BỘ TƯ PHÁP --------": the rule under the name
            head.taken.add(i)
        elif _body_like(line) or _KINH_GUI_RE.match(line):
            break
        i += 1
    take_kinh_gui(lines, max(limit, len(lines) // 3), head)
    if left and (names := column_agency(left)):
        head.agency_lines = names
    head.parent, head.issuer = issuer_from_agency(head.agency_lines)
    return head
