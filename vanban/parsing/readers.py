"""Input readers: bytes of .txt/.md/.html/.docx -> NFC text, refusing garbled encodings.

A file is either decoded correctly (UTF-8, UTF-8 with BOM, UTF-16, Windows-1258,
UTF-8 that was double-encoded through Windows-1252, TCVN3 or VNI as bytes or as
mojibake) or refused with an EncodingProblem that names the problem (PDF glyph
codes, text without tone marks, a legacy text that does not convert cleanly).
Garbage is never returned: a refusal keeps the decoded text (`.text`) so the caller
may still recover the few fields a damaged OCR text allows (parsing/degraded.py).
"""
from __future__ import annotations

import collections
import re

from ..text import nfc
from .legacy import NotTcvn3, decode_tcvn3, repair_tcvn3
from .vni import NotVni, decode_vni, decode_vni_bytes


_TCVN3_PROBLEM = "mã TCVN3"
_VNI_PROBLEM = "mã VNI"
# Problems of text that was read, only badly (OCR without the Vietnamese model): fields may be recoverable.
DAMAGED_OCR_PROBLEMS = ("phông chữ cũ (VNI/TCVN3) bị OCR", "không có dấu tiếng Việt")


class EncodingProblem(ValueError):
    """The input's text encoding is broken or legacy and cannot be trusted.

    `text` is the decoded text that was refused (None when nothing could be decoded).
    """

    def __init__(self, message: str, text: str | None = None):
        super().__init__(message)
        self.text = text

    @property
    def damaged_ocr(self) -> bool:
        """True when the text is OCR without tone marks rather than a wrong encoding."""
        return self.text is not None and str(self).startswith(DAMAGED_OCR_PROBLEMS)


# TCVN3 (ABC) bytes read as Windows-125x give these letters inside Vietnamese words.
_TCVN3_RE = re.compile(r"[a-zA-Z]?[¸µ¶·¹¨»¾¼½Æ¬®©ª«¡¢£¤¥¦§°±²³´ºÌÍÎÏÒÓÔÕÖØÙÚÛÜÝÞßáâãäåçèéêëìíîïðñòóôõöøùúûüýþ][a-zA-Z¸µ¶·¹]")
_TCVN3_MARKERS = set("¸µ¶·¹¨»¾¼½Æ¬®©ª«")
# VNI: a base letter followed by a tone/shape byte ("Coäng hoøa", "ñöôïc").
_VNI_RE = re.compile(r"[aeiouyAEIOUY][øùûõïäâàáåãêëèéìíîòóôöú](?=[a-zA-Z\s,.])")
# UTF-8 read as Windows-1252/Latin-1 and saved again ("Cá»™ng hÃ²a").
_DOUBLE_UTF8_RE = re.compile(r"(?:Ã[\x80-\xbf¡-¿]|á»|áº|Ä‘|Æ°|Æ¡|Ä\u0090)")
_CID_RE = re.compile(r"\(cid:\d+\)")
# Letters Vietnamese never uses: legacy-font PDFs OCR'd into them ("cüa Chinh phii").
_FOREIGN_LETTERS = "üçäëïöÿñåæøßþ"
# "&" or "?" inside a word; the pattern starts at the rare character so the scan is fast.
_AMP_IN_WORD_RE = re.compile(r"[&?](?<=\w[&?])(?=\w)")




_NOT_LETTERS = b" \n\t\r.,;:!?-()[]/\"'|*#0123456789"
_NON_ASCII_NOT_LETTERS = "“”‘’–—…\xa0\ufffd•·©®°"


_VNI_MARKS = "øùûõïäöñ"
# Every character the checks below count, found in one scan of the text.
_SIGNAL_RE = re.compile("[" + re.escape("".join(sorted(
    _TCVN3_MARKERS | set(_VNI_MARKS) | set(_FOREIGN_LETTERS) | set(_NON_ASCII_NOT_LETTERS)))) + "]")


def _count(counts: collections.Counter, chars) -> int:
    return sum(counts[ch] for ch in chars)


def _letter_stats(text: str, counts: collections.Counter) -> tuple[int, int]:
    """(approximate letters, non-ASCII letters), with whole-string C operations: fast on long files."""
    ascii_part = text.encode("ascii", "ignore")
    non_ascii = len(text) - len(ascii_part)
    letters = non_ascii + len(ascii_part.translate(None, _NOT_LETTERS))
    return letters, non_ascii - _count(counts, _NON_ASCII_NOT_LETTERS)


def diagnose(text: str) -> str | None:
    """Name the encoding problem of decoded text, or None when it reads as Vietnamese."""
    if text.count("(cid:") > 20 and len(_CID_RE.findall(text)) > 20:
        return "văn bản trích từ PDF chỉ còn mã glyph (cid:NN), phông chữ không giải mã được"
    words = max(1, text.count(" ") + text.count("\n"))
    counts = collections.Counter(_SIGNAL_RE.findall(text))
    letters, vietnamese = _letter_stats(text, counts)
    if _count(counts, _TCVN3_MARKERS) > max(5, 0.05 * words) and len(_TCVN3_RE.findall(text)) > 0.05 * words:
        return _TCVN3_PROBLEM + " (ABC) bị đọc như Unicode (chữ kiểu 'Céng hoµ')"
    if _count(counts, _VNI_MARKS) > 0.05 * words and len(_VNI_RE.findall(text)) > 0.08 * words:
        return _VNI_PROBLEM + " bị đọc như Unicode (chữ kiểu 'Coäng hoøa')"
    foreign = _count(counts, _FOREIGN_LETTERS) + len(_AMP_IN_WORD_RE.findall(text))
    if foreign > 0.01 * max(1, letters):
        return "phông chữ cũ (VNI/TCVN3) bị OCR thành ký tự lạ (chữ kiểu 'cüa', 'duçic')"
    if len(text) > 400 and (vietnamese / letters if letters > 0 else 0.0) < 0.03:
        return "không có dấu tiếng Việt: phông chữ cũ (VNI/TCVN3) hoặc OCR hỏng"
    return None


def _repair_double_utf8(text: str) -> str | None:
    if len(_DOUBLE_UTF8_RE.findall(text)) < 3:
        return None
    try:  # Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: those went through as Latin-1
        raw = b"".join(ch.encode("latin-1") if ord(ch) < 0x100 else ch.encode("cp1252") for ch in text)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    raise EncodingProblem("mojibake: UTF-8 bị mã hóa hai lần (chữ kiểu 'Cá»™ng hÃ²a') và không khôi phục được")


def decode_bytes(data: bytes, check: bool = True) -> str:
    """Bytes of a text file -> NFC str; raises EncodingProblem for legacy or broken encodings."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            text = data[3:].decode("utf-8", errors="strict")
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        elif len(data) > 8 and data.count(b"\x00") > len(data) // 4:
            text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_legacy(data)
    except UnicodeDecodeError as error:  # a BOM or NULs promised UTF-8/UTF-16, the bytes broke the promise
        start = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        raise EncodingProblem(f"tệp đánh dấu là {error.encoding.upper()} nhưng hỏng ở byte {start} "
                              f"(0x{data[start]:02X}): tệp bị cắt hoặc bị ghi đè") from error
    return checked(text) if check else nfc(text)


def checked(text: str) -> str:
    """Decoded text -> NFC Vietnamese: double UTF-8 and TCVN3 mojibake repaired, other problems refused."""
    repaired = _repair_double_utf8(text)
    text = nfc(repaired if repaired is not None else text)
    problem = diagnose(text)
    if problem and problem.startswith(_TCVN3_PROBLEM):
        converted = _from_tcvn3(text=text)
        if converted is not None:
            return converted
        problem += " và không chuyển mã tự động được (có ký tự ngoài bảng TCVN3)"
    if problem and problem.startswith(_VNI_PROBLEM):
        converted = _from_vni(text=text)
        if converted is not None:
            return converted
        problem += " và không chuyển mã tự động được (có ký tự ngoài bảng VNI)"
    if problem:
        raise EncodingProblem(problem, text)
    return text


def _legacy(decode_data, decode_text, not_legacy, text: str | None, data: bytes | None) -> str | None:
    """A legacy-font reading of raw bytes or of mojibake, when every character maps and the result
    reads as Vietnamese; None otherwise."""
    try:
        converted = nfc(decode_data(data) if data is not None else decode_text(text or ""))
    except not_legacy:
        return None
    return converted if diagnose(converted) is None else None


def _from_tcvn3(text: str | None = None, data: bytes | None = None) -> str | None:
    return _legacy(decode_tcvn3, repair_tcvn3, NotTcvn3, text, data)


def _from_vni(text: str | None = None, data: bytes | None = None) -> str | None:
    return _legacy(decode_vni_bytes, decode_vni, NotVni, text, data)


def _decode_legacy(data: bytes) -> str:
    """Not UTF-8: Windows-1258, TCVN3 and VNI are converted; unreadable bytes are refused."""
    text = data.decode("cp1258", errors="replace")
    problem = diagnose(nfc(text))
    if problem and problem.startswith(_TCVN3_PROBLEM) and (converted := _from_tcvn3(data=data)) is not None:
        return converted
    if problem and problem.startswith(_VNI_PROBLEM) and (converted := _from_vni(data=data)) is not None:
        return converted
    if problem:
        raise EncodingProblem(problem + "; hãy lưu lại tệp dưới dạng UTF-8 (Unicode)", nfc(text))
    if text.count("\ufffd") > 3:
        raise EncodingProblem("không phải UTF-8 và không đọc được bằng Windows-1258")
    return text


# What a tab may follow inside one line: a list marker ("1.<tab>Nội dung", "a)<tab>", "-<tab>").
_MARKER_RE = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?|[a-zđ]\)|[-–+•])\s*")


def untab(line: str) -> str:
    """Tabs of a Word line: after a list marker a space, elsewhere a column break
    ("Số: 154-CV/TU<tab>Hà Nam, ngày ..." is two header lines side by side)."""
    out = ""
    for cell in line.strip("\t").split("\t"):
        if cell.strip():
            out += (" " if not out or _MARKER_RE.fullmatch(out.rsplit("\n", 1)[-1]) else "\n") + cell
    return out.lstrip(" ")


def read_bytes(data: bytes, name: str) -> str:
    """Dispatch by file extension; returns NFC plain text with lines."""
    return read_layout(data, name).text


def checked_layout(layout):
    """The layout with its text checked (a legacy font converted, or refused) like a .txt; converted
    text drops the header columns, which were not."""
    text = checked(layout.text)
    if text != layout.text:
        layout.left, layout.right = [], []
    layout.text = text
    return layout


def read_layout(data: bytes, name: str):
    """The text of a .txt/.md/.html/.docx input in reading order, with what its layout tells
    (parsing/layout.py): a Word table's header columns, a CMS file's front matter."""
    from .layout import Layout
    lower = name.lower()
    if lower.endswith(".docx"):
        from .word import read_docx_layout
        return read_docx_layout(data)
    if lower.endswith((".html", ".htm")):
        from .html import read_html_layout
        return checked_layout(read_html_layout(data))
    if lower.endswith(".md"):  # checked once its front matter is read and its HTML body's entities decoded
        from .cms import read_content_file
        layout = read_content_file(decode_bytes(data, check=False))
        layout.text = checked(layout.text)
        return layout
    return Layout(decode_bytes(data))
