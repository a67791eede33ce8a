"""A staff page as a file: safely named, of sane size, UTF-8 and not empty, before its YAML is read.

MkDocs reads pages as strict UTF-8 and stops the whole build with a traceback on
one Windows-1258 file. Here each such page becomes a Problem that names the file
and the fix; `read_page` returns None for a page that cannot be published, and
the hooks leave it out of the site. Text is NFC from here on (NFD is accepted).
"""
from __future__ import annotations

import posixpath
import re

from ..parsing.readers import EncodingProblem, decode_bytes
from ..schema import Problem
from ..text import nfc, slugify

# The longest real directive in the corpus is 70 KB; a megabyte is a pasted image or a whole book.
MAX_PAGE_BYTES = 1_000_000
# One path segment of a published page: ASCII letters, digits, '-' and '_' (the URL is the name).
_SEGMENT_RE = re.compile(r"[A-Za-z0-9_-]+")

_SAVE_AS_UTF8 = ("mở tệp bằng Notepad hoặc VS Code, chọn Lưu thành (Save as) với mã hóa UTF-8, "
                 "rồi chạy lại scripts/check.py")
_TEMPLATE = ("chép mẫu ở trang Hướng dẫn › Mẫu văn bản: dòng '---', các dòng 'khóa: giá trị', "
             "dòng '---', rồi nội dung văn bản")


def name_problem(src_uri: str) -> Problem | None:
    """The page's path under docs/ becomes its URL: only plain ASCII segments, never '..'."""
    stem, ext = posixpath.splitext(src_uri)
    segments = stem.replace("\\", "/").split("/")
    if ext == ".md" and all(_SEGMENT_RE.fullmatch(s) for s in segments):
        return None
    folder, _, name = src_uri.replace("\\", "/").rpartition("/")
    suggested = f"{slugify(posixpath.splitext(name)[0])}.md"
    return Problem("tên tệp", src_uri, "tên tệp hoặc thư mục chỉ được có chữ không dấu, số, '-' và '_' "
                   "(không có dấu cách, dấu tiếng Việt, '..' hay '\\')",
                   f"đổi tên tệp thành '{suggested}' và để trong thư mục năm, ví dụ van-ban/2021/{suggested}")



def is_hidden(src_uri: str) -> bool:
    """MkDocs never publishes a name starting with '.' (`..\\..\\x.md`, `.nhap.md`): say so instead."""
    return any(segment.startswith(".") for segment in src_uri.split("/"))


def read_page(src_uri: str, content: bytes | str) -> tuple[str | None, list[Problem]]:
    """(NFC text or None when the page cannot be published, problems of the file)."""
    problems = [p for p in (name_problem(src_uri),) if p]
    if is_hidden(src_uri):
        return None, problems
    size = len(content) if isinstance(content, bytes) else len(content.encode("utf-8", "surrogatepass"))
    if size > MAX_PAGE_BYTES:
        return None, problems + [Problem(
            "tệp", f"{size / 1e6:.1f} MB", f"trang quá lớn (tối đa {MAX_PAGE_BYTES / 1e6:.0f} MB)",
            "bỏ ảnh hoặc dữ liệu dán vào trang (base64), tách phụ lục dài thành trang riêng")]
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return None, problems + [_encoding_problem(content, error)]
    if not content.strip("\ufeff \t\r\n"):
        return None, problems + [Problem("tệp", "", "tệp rỗng, không có nội dung", _TEMPLATE)]
    return nfc(content.lstrip("\ufeff")), problems


def _encoding_problem(data: bytes, error: UnicodeDecodeError) -> Problem:
    """Name the legacy encoding and show the first bad line as the staff member typed it."""
    line_no = data.count(b"\n", 0, error.start) + 1
    start = data.rfind(b"\n", 0, error.start) + 1
    end = data.find(b"\n", error.start)
    line = data[start: end if end >= 0 else len(data)]
    try:
        text = decode_bytes(data)  # Windows-1258 and TCVN3 are read as the converter reads them
    except EncodingProblem as exc:
        shown = line.decode("utf-8", "replace").strip()
        reason = f"tệp không phải UTF-8 và không đọc được ({exc}; byte 0x{data[error.start]:02X} ở dòng {line_no})"
    else:
        legacy = "Windows-1258" if text == nfc(data.decode("cp1258", "replace")) else "TCVN3 (ABC)"
        lines = text.splitlines()
        shown = lines[line_no - 1].strip() if line_no <= len(lines) else ""
        reason = f"tệp không phải UTF-8 mà là mã cũ {legacy} (byte 0x{data[error.start]:02X} ở dòng {line_no})"
    return Problem("tệp", shown[:120], reason, _SAVE_AS_UTF8)
