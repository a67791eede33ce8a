"""The conversion pipeline: raw directive (path or bytes) -> Markdown page + metadata.

Pure: nothing is written here. Every failure becomes a result with status
"error" and a one-line message naming the problem and the fix.

An input is untrusted, so its size is bounded before it is read (MAX_INPUT_BYTES),
the text read from it too (MAX_TEXT_BYTES), and a scan is OCR'd only up to
MAX_OCR_PAGES pages. scripts/convert.py runs each file within a time budget
(vanban/budget.py); `more_time(pages)` asks for more before a scan is OCR'd.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .parsing import degraded
from .parsing.extract import extract
from .parsing.pdf import PdfProblem, read_pdf
from .parsing.layout import Layout
from .parsing.readers import EncodingProblem, read_layout
from .dates import parse_iso, today_in_vietnam
from .name_advice import MISMARKED
from .render import front_matter, render, render_body
from .schema import validate
from .text import slugify

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# The longest real directive is 70 KB of text; a scan of a few pages is a few MB.
MAX_INPUT_BYTES = {".pdf": 50_000_000, ".docx": 20_000_000}
MAX_TEXT_INPUT_BYTES = 5_000_000     # .txt, .md, .html (a saved web page carries its scripts and styles)
MAX_TEXT_BYTES = 2_000_000           # the text read from any input, in UTF-8
MAX_OCR_PAGES = 30                   # a directive with its annexes; Tesseract takes seconds a page


@dataclass
class Result:
    input: str
    status: str                      # "ok" | "review" | "error"
    metadata: dict | None = None
    warnings: list[str] = field(default_factory=list)
    markdown: str | None = None
    error: str | None = None

    @property
    def year(self) -> str:
        date = str((self.metadata or {}).get("ngay_ban_hanh") or "")
        return date[:4] if date[:4].isdigit() else "khong-ro-nam"

    def slug(self) -> str:
        """ASCII slug: type+symbol, else type+issuer+date, else type+subject plus a hash of the input name."""
        meta = self.metadata or {}
        if meta.get("so_ky_hieu"):
            return slugify(f"{meta.get('loai_van_ban') or ''} {meta['so_ky_hieu']}")
        if meta.get("co_quan_ban_hanh"):
            return slugify(f"{meta.get('loai_van_ban') or ''} {meta['co_quan_ban_hanh']} {meta.get('ngay_ban_hanh') or ''}")
        digest = hashlib.sha1(Path(self.input).name.encode("utf-8")).hexdigest()[:6]
        base = slugify(f"{meta.get('loai_van_ban') or ''} {meta.get('trich_yeu') or Path(self.input).stem}", 60)
        return f"{base}-{digest}"

    def set_slug(self, slug: str) -> None:
        """Record the page's permanent address (van-ban/<slug>/) in its front matter, after the title.
        The page's URL then never follows later edits of its title, subject or file name."""
        self._set_key("slug", slug, after="title")

    def set_original(self, name: str) -> None:
        """Record the original file copied beside the page (ban_goc), as the last key."""
        self._set_key("ban_goc", name, after=None)

    def _set_key(self, key: str, value, after: str | None) -> None:
        """Put key: value in the front matter after `after` (None or absent: last), the body untouched."""
        old = front_matter(self.metadata)
        body = self.markdown[len(old):] if self.markdown.startswith(old) else None
        meta = {k: v for k, v in self.metadata.items() if k != key}
        keys = list(meta)
        at = keys.index(after) + 1 if after in keys else len(keys)
        self.metadata = dict([*meta.items()][:at] + [(key, value)] + [*meta.items()][at:])
        if body is None:
            raise ValueError(f"{self.input}: the page does not start with its front matter")
        self.markdown = front_matter(self.metadata) + body


def _read(data: bytes, name: str, more_time: Callable[[int], None] | None) -> Layout:
    """NFC text in reading order with what the reader saw of its layout; ocr is True when it
    was OCR'd here from a scan, False for a PDF's text layer, else None (unknown: a text file
    may hold OCR output)."""
    if name.lower().endswith(".pdf"):
        pdf = read_pdf(data, ocr=lambda scan: _ocr(scan, more_time))
        return pdf.layout if pdf.layout else Layout(pdf.text, ocr=pdf.ocr)
    return read_layout(data, name)


def _ocr(data: bytes, more_time: Callable[[int], None] | None):
    """OCR of a scan of at most MAX_OCR_PAGES pages, after asking the time budget for them."""
    import pypdf
    from .ocr import ocr_pdf
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    if pages > MAX_OCR_PAGES:
        raise PdfProblem(f"bản quét có {pages} trang, quá {MAX_OCR_PAGES} trang được nhận dạng (OCR) cho một văn bản. "
                         "Cách sửa: tách riêng các trang của văn bản (bỏ phụ lục, tài liệu kèm theo) rồi chuyển lại")
    if more_time:
        more_time(pages)
    return ocr_pdf(data)


def _too_large(name: str, size: int, limit: int, what: str) -> Result:
    return Result(name, "error", error=f"{name}: {what} quá lớn ({size / 1e6:.1f} MB, tối đa {limit / 1e6:.0f} MB). "
                                       "Cách sửa: chỉ chuyển phần văn bản (bỏ ảnh, phụ lục, tài liệu kèm theo), "
                                       "hoặc tách thành nhiều tệp")


def convert_bytes(data: bytes, name: str, more_time: Callable[[int], None] | None = None) -> Result:
    try:
        layout = _read(data, name, more_time)
        text = layout.text
        if len(text) * 4 > MAX_TEXT_BYTES and len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            return _too_large(name, len(text.encode("utf-8")), MAX_TEXT_BYTES, "văn bản đọc được")
    except PdfProblem as exc:
        return Result(name, "error", error=f"{name}: {exc}")
    except EncodingProblem as exc:
        parsed = degraded.recover(exc.text) if exc.damaged_ocr else None
        if parsed is None:
            return Result(name, "error", error=f"{name}: lỗi mã hóa: {exc}. Cách sửa: chuyển mã sang Unicode UTF-8 (ví dụ Unikey, Công cụ chuyển mã) hoặc OCR lại bản gốc với phông Unicode")
        return _publish(parsed, name, note=LOW_QUALITY_NOTE)
    if not layout.text.strip():
        return Result(name, "error", error=f"{name}: tệp rỗng, không có nội dung. Cách sửa: kiểm tra lại tệp nguồn")
    return _publish(extract(layout, ocr=layout.ocr), name)


# Shown above the body of a page recovered from damaged OCR (parsing/degraded.py).
LOW_QUALITY_NOTE = (
    '!!! warning "Bản OCR chất lượng thấp"\n'
    "    Bản nhận dạng chữ (OCR) của văn bản này đã mất dấu tiếng Việt. Chỉ những trường khớp được với "
    "danh mục (số ký hiệu, loại văn bản, cơ quan ban hành, ngày ban hành) được ghi lại, và tất cả đều cần "
    "đối chiếu với bản gốc. Nội dung dưới đây là nguyên văn bản OCR.\n\n"
)


def _publish(parsed, name: str, note: str = "") -> Result:
    date = parse_iso(parsed.doc.ngay_ban_hanh)
    if date and date > today_in_vietnam():  # a misread year: publish it only as a review flag
        parsed.doc.flag("ngay_ban_hanh")
    meta = parsed.doc.to_front_matter()
    problems = validate(meta)
    mismarked = [p.key for p in problems if p.severity == "error" and p.message == MISMARKED]
    if mismarked:   # a known name whose marks OCR or a lost encoding damaged: published only flagged
        for key in mismarked:
            parsed.doc.flag(key)
        meta = parsed.doc.to_front_matter()
        problems = validate(meta)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p.format(name) for p in problems if p.severity != "error"]
    if errors:
        return Result(name, "error", meta, warnings,
                      error="; ".join(p.format(name) for p in errors) + " (lỗi bộ chuyển đổi, hãy báo nhóm phát triển)")
    status = "review" if meta.get("can_xac_minh") else "ok"
    markdown = (front_matter(meta) + "\n" + note + render_body(parsed)) if note else render(parsed, meta)
    return Result(name, status, meta, warnings, markdown)


def convert_path(path: str | Path, more_time: Callable[[int], None] | None = None) -> Result:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED:
        return Result(str(path), "error", error=f"{path}: định dạng '{path.suffix}' không hỗ trợ. Cách sửa: dùng .txt, .md, .html, .docx hoặc .pdf")
    limit = MAX_INPUT_BYTES.get(path.suffix.lower(), MAX_TEXT_INPUT_BYTES)
    try:
        size = path.stat().st_size
        if size > limit:
            return _too_large(str(path), size, limit, "tệp")
        data = path.read_bytes()
    except OSError as exc:
        return Result(str(path), "error", error=f"{path}: không đọc được tệp ({exc.strerror}). Cách sửa: kiểm tra đường dẫn và quyền đọc")
    return convert_bytes(data, str(path), more_time)
