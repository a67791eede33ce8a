"""PDF originals -> text: the text layer when it reads as Vietnamese, else OCR of the page images.

A PDF typed on a computer has a text layer; pypdf reads it. A signed scan has
only images (or a layer of glyph codes, "(cid:12)", from fonts without a Unicode
map, or a scanner's own OCR: invisible text over the page image, often garbled):
those pages are OCR'd with Tesseract's Vietnamese model (vanban/ocr.py, the only
place that runs programs). The result says whether the text came from
OCR, so extraction treats it as such. A scan on a machine without Tesseract is
refused with one line naming the Debian package.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Callable

from .esign import signing_date, stamp_witnesses
from .layout import Layout, from_spaced_text
from .readers import EncodingProblem, checked

# A page with fewer letters than this in its text layer is an image (a stamp or a page number at most).
_MIN_LETTERS_PER_PAGE = 40


class PdfProblem(ValueError):
    """The PDF cannot be read; the message names the problem and the fix."""


@dataclass
class PdfText:
    text: str
    ocr: bool               # True: read from page images by OCR
    pages: int
    ocr_seconds: float = 0.0
    layout: Layout | None = None     # the text layer's layout, or the scan's (Layout.scan)


# "3 Tr": text render mode 3, neither filled nor stroked. A scanner's OCR puts its text over the page
# image that way, so a reader can select it; the text is that engine's guess, not the document's.
_TR_RE = re.compile(rb"(?<![\w.])(\d)\s+Tr\b")


def _scanner_ocr(page) -> bool:
    """Text only in the invisible render mode, over an image: a scanner's OCR layer."""
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    images = resources.get("/XObject")
    images = images.get_object() if images is not None else {}
    if not any(images[name].get_object().get("/Subtype") == "/Image" for name in images):
        return False
    contents = page.get_contents()
    modes = set(_TR_RE.findall(contents.get_data())) if contents is not None else set()
    return modes == {b"3"}


def _reader(data: bytes):
    import pypdf
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every slightly damaged file
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise PdfProblem("tệp PDF có mật khẩu. Cách sửa: bỏ mật khẩu rồi chuyển lại")
    return reader


def _damaged(exc: Exception) -> PdfProblem:
    return PdfProblem(f"tệp PDF hỏng hoặc không phải PDF ({type(exc).__name__}: {exc}). "
                      "Cách sửa: mở tệp bằng trình đọc PDF để kiểm tra, hoặc xuất lại PDF")


def text_layer(data: bytes) -> list[str]:
    """The text layer of every page (empty strings for image-only pages and for a scanner's OCR layer)."""
    try:
        return ["" if _scanner_ocr(page) else page.extract_text() or "" for page in _reader(data).pages]
    except PdfProblem:
        raise
    except Exception as exc:  # pypdf raises many types for a damaged file
        raise _damaged(exc) from exc


def layout_text(data: bytes) -> tuple[str, list[str]]:
    """The text layer laid out with spaces as on the page (pypdf's layout mode, like poppler's
    pdftotext -layout), so the header's two columns do not interleave; and the texts of the
    annotations and form fields, where an e-signing system may have stamped the number and date."""
    reader = _reader(data)
    pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    return "\n\n".join(pages), annotation_texts(reader)


def annotation_texts(reader) -> list[str]:
    """Free texts, stamps and form-field values of a PDF (an e-signing system's stamp may be one)."""
    found = []
    try:
        for page in reader.pages:
            for ref in page.get("/Annots") or ():
                annot = ref.get_object()
                for key in ("/Contents", "/V", "/TU"):
                    value = annot.get(key)
                    if isinstance(value, str) and value.strip():
                        found.append(value)
        for value in (reader.get_fields() or {}).values():
            text = value.get("/V") if isinstance(value, dict) else None
            if isinstance(text, str) and text.strip():
                found.append(text)
    except Exception:  # an annotation pypdf cannot read is no witness
        pass
    return found


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def has_text_layer(pages: list[str]) -> bool:
    """True when most pages carry real text rather than nothing but a stamp."""
    return bool(pages) and sum(_letters(p) >= _MIN_LETTERS_PER_PAGE for p in pages) * 2 >= len(pages)


def read_pdf(data: bytes, ocr: Callable | None = None) -> PdfText:
    """Text of a PDF. `ocr` reads page images (default vanban.ocr.ocr_pdf).

    Raises PdfProblem (damaged PDF, scan without Tesseract) or EncodingProblem
    (text that does not read as Vietnamese, kept on the exception for recovery).
    """
    pages = text_layer(data)
    layer_problem = None
    if has_text_layer(pages):
        try:  # TCVN3 and VNI layers are converted here; glyph codes and text without tone marks are not
            text = checked("\n\n".join(pages))
        except EncodingProblem as exc:
            layer_problem = str(exc)
        else:
            return PdfText(text, False, len(pages), layout=_text_layout(data, text))
    if ocr is None:
        from ..ocr import ocr_pdf as ocr
    return _ocr(data, ocr, layer_problem, "\n".join(pages))


def _text_layout(data: bytes, plain: str) -> Layout:
    """The layout of a PDF typed on a computer: its columns, and an e-signing stamp's witnesses."""
    try:
        spaced, stamps = layout_text(data)
        layout = from_spaced_text(checked(spaced))
    except Exception:  # layout mode fails on a few damaged files: the plain text layer is still good
        return Layout(plain, ocr=False)
    layout.witnesses = stamp_witnesses(layout.text, stamps)
    layout.ocr = False   # typed text, even with an e-signing stamp's lines ("Ký bởi:"), which OCR'd text also shows
    return layout


def _ocr(data: bytes, ocr: Callable, layer_problem: str | None, layer: str = "") -> PdfText:
    from ..ocr import PACKAGES, OcrFailed, OcrUnavailable
    why = f"lớp chữ của PDF không dùng được ({layer_problem})" if layer_problem else "PDF là bản quét (không có lớp chữ)"
    try:
        result = ocr(data)
    except OcrUnavailable as exc:
        raise PdfProblem(f"{why}, cần OCR nhưng {exc}. Cách sửa: cài gói Debian {PACKAGES} "
                         "(sudo apt-get install -y " + PACKAGES + ") rồi chuyển lại") from None
    except OcrFailed as exc:
        raise PdfProblem(f"{why}, OCR thất bại: {exc}. Cách sửa: kiểm tra tệp PDF hoặc OCR bằng công cụ khác") from None
    text = "\n\n".join(result.pages)
    if not text.strip():
        raise PdfProblem(f"{why} và OCR không đọc được chữ nào. Cách sửa: quét lại bản gốc rõ hơn (300 dpi)")
    text = checked(text)  # EncodingProblem keeps damaged text
    scan = Layout(text, ocr=True, scan=getattr(result, "layout", None))
    if scan.scan is not None:   # the portal's e-signing stamp: in the text layer, else as OCR read it
        scan.scan.signed = signing_date(layer) or signing_date(text)
    return PdfText(text, True, len(result.pages), result.seconds, scan)
