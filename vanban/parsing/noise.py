"""Portal and scan noise: removed by general patterns, not by the seeds' exact lines.

Three passes: layout debris (table pipes, bold and italic markers, Markdown heading
markers, page breaks, signature stamps, tool-added YAML, the portal's news summary
of the document), line noise (print buttons, counters, polls, captions,
copyright and login text) and the footer (everything after the first footer
marker in the last part of the page, e.g. "Liên kết website", "Thống kê truy cập").
"""
from __future__ import annotations

import re

from .lines import quick_fold as fold

# A whole line that is portal chrome. Compared on folded lower-case text, so
# "Lượt xem", "LƯỢT XEM" and "luot xem" all match. Most patterns hold at the
# start of the line (matched, not searched: searching tries every position).
_NOISE_START = re.compile("|".join(f"(?:{p})" for p in (
    r"in trang$", r"(so )?luot (xem|truy cap)\b", r"thong ke truy cap", r"dang online",
    r"(trong|hom) (nay|tuan|thang|nam)\s*:", r"tong (so )?luot", r"[•·]?\s*\d{5,}$",
    r"lien ket (website|web|banner)", r"video clip$", r"tham do y kien", r"ban danh gia",
    r"gui binh chon", r"xem ket qua$", r"anh(:| minh hoa)", r"\(?anh minh hoa\)?\.?$",
    r"link tai toan van", r"tai (ve|file)\b", r"(ban quyen|copyright)\b", r"©",
    r"dang (nhap|xuat|ky)\b", r"quen mat khau", r"chia se\b", r"(binh luan|y kien ban doc)\b",
    r"ban dich nay thuoc quyen", r"dang tai van ban",
    r"click vao phan boi vang", r"cac noi dung (duoc sua doi|cua vb)", r": sua doi, thay the", r"cac mau sac:?$",
    r"huy bo$", r"x$", r"#$",
    r"(trang chu|lien he|so do trang|tim kiem)$", r"(print|share|tweet|facebook|zalo)$",
    r"(ve dau trang|quay lai|tro ve)$", r"-+\s*page break\s*-+$",
)))
# Chrome that can sit anywhere in the line (the legal portal's banners).
_NOISE_ANYWHERE = re.compile(
    r"thu vien phap luat|thuvienphapluat|has the copyright|nghi dinh 13/2023/nd-cp.*(du lieu ca nhan|chung toi)")
# The start of the page footer: cut from here to the end.
_FOOTER_START = re.compile("|".join(f"(?:{p})" for p in (
    r"#* ?van ban lien quan", r"van ban nay chua cap nhat", r"lien ket (website|web|banner)",
    r"thong ke truy cap", r"luot truy cap", r"tham do y kien", r"tin (cung chuyen muc|lien quan|khac)",
    r"(bai viet|cac tin) (lien quan|khac)", r"quy thanh vien", r"cam on da dung",
)))
_SLOGAN_WORDS = ("hoc tap va lam theo", "nhiet liet chao mung", "chao mung", "dang cong san viet nam quang vinh",
                 "muon nam", "toan dang, toan dan", "quyet tam", "thi dua")
# The separators before a counter are taken from the start of their run only:
# trying every space of a long run would make the search quadratic.
_COUNTER_RE = re.compile(r"(?<![\s|])[\s|]*(Lượt xem|Lượt truy cập|Số lượt xem)\s*:?\s*[\d.,]+\s*\|?", re.IGNORECASE)
_PRINT_RE = re.compile(r"\s+(In trang|In bài viết|Gửi email|Chia sẻ)\s*$", re.IGNORECASE)
_DECORATION_RE = re.compile(r"^[\s\-–—_=*.·•~|#…]*$")
_STAMP_KEYS = re.compile(r"^(ký bởi|email|cơ quan|địa chỉ|thời gian ký|ngày ký)\s*:", re.IGNORECASE)
_SIGNED_BY_RE = re.compile(r"^\s*ký bởi\s*:", re.IGNORECASE)
_SIGNER_RE = re.compile(r"^\s*người ký\s*:", re.IGNORECASE)
_CELL_EDGE_RE = re.compile(r"^\s*\|\s?|\s?\|\s*$")
# Italic wrappers: a line's opening or closing "*" (a closing one may follow a space:
# "*Hà Nội, ngày 20" / "tháng 11 năm 2025 *"), and a pair inside it ("*1.3.* Trên", "“*tình dân tộc*”"; not "(*)").
_ITALIC_RE = re.compile(r"^\s*\*(?=\S)|\s*(?<!\*)\*\s*$")
_ITALIC_PAIR_RE = re.compile(r"(?:(?<=[\s“\"‘(])|^)\*(?=\w)([^*]*?\S)\*(?=[\s”\"’),.;:]|$)")
# A Markdown heading marker of a page saved from a portal ("## Văn bản liên quan").
_HEADING_MARK_RE = re.compile(r"^\s*#{1,6}\s+(?=\S)")  # also OCR tools' "# QUYẾT ĐỊNH"
# The portal's news summary of the document, before its header: a "## headline", then
# "**Ngày 21/11/2025, Bộ Nội vụ đã ban hành Công văn ...", ... "Xem (thêm) chi tiết tại ...".
_SUMMARY_START = re.compile(r"^\**\s*Ngày \d{1,2}/\d{1,2}/\d{4},")
_SUMMARY_END = re.compile(r"^Xem (thêm |nội dung )*chi tiết\b")
_SUMMARY_MAX_LINES = 80
_YAML_RE = re.compile(r"\A\ufeff?---\n(?:[a-z_]+:.*\n)+---\n")


def _strip_layout(line: str) -> str:
    line = line.replace("\xa0", " ").replace("\u200b", "").rstrip()
    if "|" in line:
        line = _CELL_EDGE_RE.sub("", line)  # Markdown table cells
    if "#" in line:
        line = _HEADING_MARK_RE.sub("", line)
    if "*" in line or "_" in line:
        line = line.replace("**", "").replace("__", "")
        line = _ITALIC_RE.sub("", _ITALIC_PAIR_RE.sub(r"\1", line))  # italic wrappers
    if "ợt" in line or "ƯỢT" in line:
        line = _COUNTER_RE.sub(" ", line)
    if line.endswith(("trang", "viết", "email", "sẻ")):
        line = _PRINT_RE.sub("", line)
    return line.strip()


def _key(line: str) -> str:
    """Folded lower-case form the patterns compare; "" for long lines (chrome lines are short)."""
    return fold(line).lower().strip() if len(line) <= 300 else ""


def _is_noise_key(key: str) -> bool:
    return bool(key) and bool(_NOISE_START.match(key) or _NOISE_ANYWHERE.search(key))


def is_noise_line(line: str) -> bool:
    return _is_noise_key(_key(line))


def _is_slogan(line: str) -> bool:
    if len(line.split()) < 8:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if not letters or any(ch.islower() for ch in letters):
        return False
    key = fold(line).lower()
    return line.rstrip().endswith((".", "!")) or any(w in key for w in _SLOGAN_WORDS)


def _drop_signature_stamps(lines: list[str]) -> list[str]:
    """Digital-signature stamps: "Ký bởi: ..." or "Người ký: ..." followed by Email:/Cơ quan:/Thời gian ký: lines."""
    out, in_stamp = [], False
    for i, line in enumerate(lines):
        if _SIGNED_BY_RE.match(line) or (_SIGNER_RE.match(line) and i + 1 < len(lines)
                                         and _STAMP_KEYS.match(lines[i + 1].strip())):
            in_stamp = True
            continue
        if in_stamp and _STAMP_KEYS.match(line.strip()):
            continue
        in_stamp = False
        out.append(line)
    return out


def _drop_portal_summary(lines: list[str]) -> list[str]:
    """The portal's "## headline" + "Ngày d/m/yyyy, <cơ quan> ban hành ..." summary up to its
    "Xem chi tiết tại ..." line: the portal's words about the document, not the document.
    Without that closing line nothing is dropped (the heading marker alone goes, in _strip_layout)."""
    for i, line in enumerate(lines[:-1]):
        if not (_HEADING_MARK_RE.match(line) and _SUMMARY_START.match(lines[i + 1].strip())):
            continue
        for j in range(i + 2, min(len(lines), i + _SUMMARY_MAX_LINES)):
            if _SUMMARY_END.match(lines[j].strip()):
                return lines[:i] + lines[j + 1:]
    return lines


def _footer_start(lines: list[str], keys: list[str]) -> int:
    """Index where the page footer begins (its own first lines included), or len(lines)."""
    for i in range(int(len(lines) * 0.4), len(lines)):
        if len(lines[i]) <= 120 and _FOOTER_START.match(keys[i]):
            while i > 0 and lines[i - 1].strip():
                i -= 1
            return i
    return len(lines)


def clean_lines(text: str) -> list[str]:
    """Text -> content lines ("" for paragraph breaks) without portal or scan noise."""
    text = _YAML_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = _drop_portal_summary(_drop_signature_stamps(text.split("\n")))
    lines = [_strip_layout(line) for line in lines]
    keys = [_key(line) for line in lines]  # each line folded once, for footer and noise tests
    end = _footer_start(lines, keys)
    out: list[str] = []
    seen_content = 0
    for line, key in zip(lines[:end], keys[:end]):
        if _is_noise_key(key):
            continue  # dropped entirely, so a wrapped paragraph around it rejoins
        if _DECORATION_RE.match(line):
            line = ""
        elif seen_content < 3 and _is_slogan(line):
            continue
        if line:
            seen_content += 1
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
