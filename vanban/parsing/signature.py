"""The signature block (T/M, K/T, T/L, title, signer name) and the Nơi nhận list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import collapse_spaces, nfc
from .casing import official_case, plausible_name
from .lines import ITEM_RE, NOI_NHAN_RE, SURNAME_SPELLING, is_name, is_role, is_upper, list_items, quick_fold

# A role line cut by the layout before the body's name ends.
_DANGLING_RE = re.compile(r"(^|\s)(T/M|K/T|T/L|TM\.|KT\.|TL\.|CHANH|PHO|BO CHINH|UY BAN)$")
_DEBRIS = " ,;:-–}{„©|*~_"
_SIGNED_RE = re.compile(r"^\(?\s*(đã ký|đã kí|ký tên|kí tên|ký|\(?chữ ký\)?)\s*\)?\.?$", re.IGNORECASE)


@dataclass
class Signature:
    nguoi_ky: str | None = None
    chuc_vu: str | None = None
    noi_nhan: list[str] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    doubt: str | None = None      # why the name, read from a scan's image, needs checking


def _title_name(line: str) -> str:
    line = collapse_spaces(line).strip(" .,")
    return line.title() if is_upper(line) else line


def _is_name_line(line: str) -> bool:
    return is_name(line) or (is_upper(line) and is_name(line.title()))


def _sig_line(line: str) -> bool:
    return not line or is_role(line) or _is_name_line(line) or bool(_SIGNED_RE.match(line))


def _continues_role(role: str | None, line: str) -> bool:
    """A capital line finishing a role cut by the layout: after a role that stops mid-name
    ("K/T CHÁNH" / "VĂN PHÒNG"), or one or two words that are neither a role nor a name
    ("TM. ỦY BAN NHÂN" / "DÂN", "K/T TRƯỞNG" / "BAN")."""
    if not (role and line and is_upper(line)) or is_role(line):
        return False
    if _DANGLING_RE.search(quick_fold(role).upper()):
        return len(line.split()) <= 4
    return len(line.split()) <= 2 and not _is_name_line(line)


def _is_noi_nhan(lines: list[str], i: int) -> bool:
    """A "Nơi nhận" heading: with its colon, or followed by a list item (not a wrapped "nơi nhận hồ sơ ...")."""
    line = lines[i].strip()
    if not NOI_NHAN_RE.match(line):
        return False
    following = next((l.strip() for l in lines[i + 1 : i + 3] if l.strip()), "")
    return ":" in line[:14] or bool(ITEM_RE.match(following))


def _take_noi_nhan(lines: list[str], n: int, end: int, sig: Signature) -> int:
    """Collect the list after "Nơi nhận:" at n; return the index after it."""
    sig.taken.add(n)
    rest = NOI_NHAN_RE.sub("", lines[n]).strip()
    items, roles, i = [], [], n + 1
    if rest:
        (roles if is_role(rest) else items).append(rest)
    while i < end:
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


def _signature_end(lines: list[str], start: int, end: int) -> int:
    """End of the signature region from start: it may hold OCR remnants of a side-by-side
    list, but stops at what opens an annex (a capital heading such as "PHỤ LỤC", a
    paragraph) and at the first other line once the name has been seen."""
    i, role, named = start, None, False
    while i < end:
        line = lines[i].strip()
        if _continues_role(role, line):
            role = f"{role} {line}"
        elif _sig_line(line):
            role = line if is_role(line) else None if line else role
            named = named or _is_name_line(line)
        elif named or is_upper(line) or len(line.split()) > 12:
            break
        i += 1
    return i


def _signature_start(lines: list[str], start: int, floor: int) -> int:
    """Start of the signature lines that end just before start."""
    i = start
    while i > floor and (_sig_line(lines[i - 1].strip())
                         or (i >= 2 and _continues_role(lines[i - 2].strip(), lines[i - 1].strip()))):
        i -= 1
    return i


def parse_signature(lines: list[str], end: int) -> Signature:
    """Signature and Nơi nhận in lines[:end] (end = start of a copy block, or len).

    The Nơi nhận list is looked for in the last two thirds first, since annexes ("PHỤ LỤC",
    forms) may follow the signature, then before; the signature sits just before or after the list.
    """
    sig = Signature()
    floor = min(end // 3, max(0, end - 40))
    n = next((i for i in range(end - 1, floor - 1, -1) if _is_noi_nhan(lines, i)), None)
    if n is None:   # an annex longer than the text itself (2639/QĐ-TTg: a table of 34 provinces)
        n = next((i for i in range(floor - 1, -1, -1) if _is_noi_nhan(lines, i)), None)
    if n is not None:
        after = _take_noi_nhan(lines, n, end, sig)
        region = list(range(_signature_start(lines, n, max(0, n - 15)), n))
        region += range(after, _signature_end(lines, after, end))
    else:
        region = list(range(_signature_start(lines, end, max(0, end - 40)), end))
    roles, name = ([sig.chuc_vu] if sig.chuc_vu else []), None
    raw_role = None  # the last role line as written, while it may continue on the next line
    for i in region:
        line = lines[i].strip()
        if not line:
            continue
        if _continues_role(raw_role, line):
            raw_role = f"{raw_role} {line}"
            roles[-1] = official_case(raw_role)
            sig.taken.add(i)
            continue
        if is_role(line):
            raw_role = line.strip(_DEBRIS)
            roles.append(official_case(raw_role))
            sig.taken.add(i)
            continue
        raw_role = None  # only the line right after a role continues it
        if _is_name_line(line) and name is None:
            name = _title_name(line)
        elif not _SIGNED_RE.match(line):
            continue
        sig.taken.add(i)
    if name or roles:
        sig.nguoi_ky = name
        cleaned = (r.strip(_DEBRIS) for r in roles)  # OCR debris at the edges: "} - kt. ...", "... ©"
        sig.chuc_vu = ", ".join(dict.fromkeys(r for r in cleaned if r and plausible_name(r))) or None
    return sig


# ---- scans ----------------------------------------------------------------
# On a scan the signature column is OCR'd beside the Nơi nhận list, so its lines mix:
# "Noi nhận: KT. TONG CỤC TRƯỞNG", "- Như trên; PHO TONG CỤC TRƯỞNG", "An nh, KT. GIÁM ĐÓC",
# "- Thủ tướng, các Phó Thủ tướng Chính phủ; KT, THU TƯỜNG"; the name comes after the list,
# often behind debris ("(% :#)") and with debris of its own ("Dang! Ngọc Minh", "Phan Văn Anh (đã ký)").
_SCAN_ROLE_RE = re.compile(r"(?:^|[\s,;:])(?:KT|TM|TL|TUQ|T/M|K/T|T/L|Q)(?:\s*[.,]\s*|\s+)(?P<title>[A-Z][A-Z ,-]+?)\W*$")
_BARE_MARKER_RE = re.compile(r"(?:^|[\s,;:])(?:KT|TM|TL|TUQ|T/M|K/T|T/L)\s*[.,]?\s*$")  # "- Như trên; KT."
_SIGNED_SUFFIX_RE = re.compile(r"\s*\(?\s*(?:đã ký|đã kí|Đã ký|ĐÃ KÝ)\s*\)?\s*$")
_NAME_DEBRIS_RE = re.compile(r"[!'`|*\"“”’‘]")
_LUU_RE = re.compile(r"^[-–+~•]?\s*L[ưu]u\s*:", re.IGNORECASE)
_NEW_DOCUMENT_RE = re.compile(r"CONG HOA|DOC LAP|^(?:SO|S6)\s*:")
_NAME_WINDOW = 30  # lines from the role to the name: the Nơi nhận list sits between them
# Titles that begin with a surname-like word ("Chu"): never a name.
_TITLE_STARTS = ("chu nhiem", "chu tich")
# A syllable OCR split after its first letters ("Ph ớc" for Phớc): a capital and at most one letter,
# then a lower-case word.
_SPLIT_SYLLABLE_RE = re.compile(r"(?<!\w)([A-ZĐ][a-zđ]?) (?=[a-zà-ỹđ])")


def _scan_role(line: str, following: str = "") -> str | None:
    """The title after a signing marker anywhere in an OCR line ("TONG CUC TRUONG"), folded;
    a marker that ends its line takes its title from the next one ("- Như trên; KT." / "PHÓ VỤ TRƯỞNG")."""
    folded = quick_fold(nfc(line))
    if _BARE_MARKER_RE.search(folded) and is_upper(following):
        folded = f"{folded} {quick_fold(nfc(following))}"
    match = _SCAN_ROLE_RE.search(folded)
    title = match["title"].strip(" ,-") if match else ""
    return title if len(title.split()) >= 2 else None


def scan_name(line: str) -> str | None:
    """A signer's name through OCR debris, or None. List lines ("Nguyễn Sỹ Hiệp;") are not names,
    but a name OCR'd beside the last list item is ("- Cổng TTĐT Bộ Y tế; Nguyễn Trƣờng Sơn",
    "- Lưu: VT, QHĐP (3)vor Phạm Minh Chính")."""
    line = _SIGNED_SUFFIX_RE.sub("", nfc(line.strip()))  # ƣ for ư: PDF fonts (text.nfc)
    if _LUU_RE.match(line):   # the last item, "Lưu: VT, …", and the name beside it on the same row
        words = line.split()
        return next((name for start in range(max(2, len(words) - 4), len(words) - 1)
                     if (name := scan_name(" ".join(words[start:])))), None)
    if ITEM_RE.match(line) and ";" in line:
        line = line.rsplit(";", 1)[1]
    elif ITEM_RE.match(line) or line.endswith((";", ",", ":")):
        return None
    line = collapse_spaces(_NAME_DEBRIS_RE.sub("", line)).strip(" .")
    if quick_fold(line).lower().startswith(_TITLE_STARTS):
        return None   # "CHỦ NHIỆM" title-cased is no person
    return restore_surname(_title_name(line)) if _is_name_line(line) else None


def restore_surname(name: str) -> str:
    """The surname's marks, which OCR lost or changed ("Dang", "Trân", "Lé"), from the closed list
    of surnames; the other words of a name are nobody's list and stay as read."""
    surname, _, rest = name.partition(" ")
    if surname not in SURNAME_SPELLING.values():
        surname = SURNAME_SPELLING.get(quick_fold(surname).lower(), surname)
    return f"{surname} {rest}"


def scan_signature(lines: list[str], start: int, end: int) -> Signature:
    """The first signature block after start on a scan: a signing marker with a title in
    capitals, then the first name line within the next lines (before another document begins).
    The first block is the document's own; attached letters and annexes follow it. Without a
    marker ("THỦ TƯỚNG" signs alone), the name OCR put beside the list's last item, "Lưu: …"."""
    sig = Signature()
    for i in range(start, end):
        if not _scan_role(lines[i], lines[i + 1] if i + 1 < end else ""):
            continue
        for j in range(i + 1, min(i + _NAME_WINDOW, end)):
            if _NEW_DOCUMENT_RE.search(quick_fold(lines[j]).upper()):
                break
            if name := scan_name(lines[j]):
                sig.nguoi_ky = name
                sig.taken.add(j)
                return sig
        return sig
    luu = next((i for i in range(start, end) if _LUU_RE.match(lines[i].strip())), None)
    if luu is not None and (name := scan_name(lines[luu])):
        sig.nguoi_ky = name
    return sig


_WORD_RE = re.compile(r"[^\W\d_]+")
_NAME_MATCH = 0.8        # letters in common with a name printed elsewhere, as difflib's ratio


def names_in(lines: list[str]) -> list[str]:
    """Person names printed in the text ("PTTg Hồ Đức Phớc" in a Nơi nhận list, "PCN Phạm Mạnh
    Cường"): the longest run of 2-4 capitalised words at each place that reads as a name (not
    "Lưu VT KTTH": codes are capitals)."""
    found: dict[str, None] = {}
    for line in lines:
        words = _WORD_RE.findall(line)
        i = 0
        while i < len(words):
            run = next((" ".join(words[i:i + n]) for n in (4, 3, 2) if i + n <= len(words)
                        and all(w[1:].islower() for w in words[i:i + n]) and is_name(" ".join(words[i:i + n]))), None)
            if run:
                found[run] = None
                i += len(run.split())
            else:
                i += 1
    return list(found)


def _letters(text: str) -> str:
    return "".join(_WORD_RE.findall(quick_fold(text).lower()))


def _printed_name(line: str, printed: list[str]) -> str | None:
    """The one name printed elsewhere in the text that the end of a damaged name line spells
    ("* HGĐức Phóc + -" is Hồ Đức Phớc, "Nhan Mạnh Cường" is Phạm Mạnh Cường)."""
    from difflib import SequenceMatcher
    read = _letters(line)
    scores = []
    for name in printed:
        key = _letters(name)
        tail = read[-len(key) - 1:]
        scores.append((SequenceMatcher(None, key, tail, autojunk=False).ratio(), name))
    good = sorted((score, name) for score, name in scores if score >= _NAME_MATCH)
    if not good or (len(good) > 1 and good[-2][0] == good[-1][0]):
        return None
    return good[-1][1]


def column_signature(lines: list[str], printed: list[str] = ()) -> Signature:
    """The signer in the signature column read on its own from a scan's image (vanban/ocr.py):
    the title lines on top ("KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG"), then seal and signature debris, then
    the name, the column's last line that holds one ("Ki ¬ Phạm Minh Chính": the name is the
    longest run of words at the end of a line that reads as a name). When the seal damaged the
    name, a name printed elsewhere in the text (`printed`, see names_in) that the damaged line
    spells is taken. Line indexes are not the page text's, so nothing is marked taken."""
    sig = Signature()
    for line in reversed(lines[1:]):   # the first line is the title's
        words = _SPLIT_SYLLABLE_RE.sub(r"\1", line).split()
        while words and not any(ch.isalpha() for ch in words[-1]):
            words.pop()   # debris after the name ("Phớc -")
        name = next((found for start in range(max(0, len(words) - 5), len(words) - 1)
                     if (found := scan_name(" ".join(words[start:])))), None)
        if name := name or (_printed_name(line, printed) if printed and len(_letters(line)) >= 6 else None):
            sig.nguoi_ky = name
            break
    roles = [official_case(line.strip(_DEBRIS)) for line in lines if is_role(line.strip(_DEBRIS))]
    sig.chuc_vu = ", ".join(dict.fromkeys(r for r in roles if plausible_name(r))) or None
    return sig
