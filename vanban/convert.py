"""The conversion pipeline: raw directive (path or bytes) -> Markdown page + metadata.

Pure: nothing is written here. Every failure becomes a result with status
"error" and a one-line message naming the problem and the fix.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .parsing import degraded
from .parsing.extract import extract
from .parsing.pdf import PdfProblem, read_pdf
from .parsing.readers import EncodingProblem, read_bytes
from .dates import parse_iso, today_in_vietnam
from .render import front_matter, render, render_body
from .schema import validate
from .text import slugify

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


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


def _read(data: bytes, name: str) -> tuple[str, bool | None]:
    """(NFC text, True when it was OCR'd here from a scan, else None: unknown)."""
    if name.lower().endswith(".pdf"):
        pdf = read_pdf(data)
        return pdf.text, (True if pdf.ocr else None)
    return read_bytes(data, name), None


def convert_bytes(data: bytes, name: str) -> Result:
    try:
        text, ocr = _read(data, name)
    except PdfProblem as exc:
        return Result(name, "error", error=f"{name}: {exc}")
    except EncodingProblem as exc:
        parsed = degraded.recover(exc.text) if exc.damaged_ocr else None
        if parsed is None:
            return Result(name, "error", error=f"{name}: lỗi mã hóa: {exc}. Cách sửa: chuyển mã sang Unicode UTF-8 (ví dụ Unikey, Công cụ chuyển mã) hoặc OCR lại bản gốc với phông Unicode")
        return _publish(parsed, name, note=LOW_QUALITY_NOTE)
    if not text.strip():
        return Result(name, "error", error=f"{name}: tệp rỗng, không có nội dung. Cách sửa: kiểm tra lại tệp nguồn")
    return _publish(extract(text, ocr=ocr), name)


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
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p.format(name) for p in problems if p.severity != "error"]
    if errors:
        return Result(name, "error", meta, warnings,
                      error="; ".join(p.format(name) for p in errors) + " (lỗi bộ chuyển đổi, hãy báo nhóm phát triển)")
    status = "review" if meta.get("can_xac_minh") else "ok"
    markdown = (front_matter(meta) + "\n" + note + render_body(parsed)) if note else render(parsed, meta)
    return Result(name, status, meta, warnings, markdown)


def convert_path(path: str | Path) -> Result:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED:
        return Result(str(path), "error", error=f"{path}: định dạng '{path.suffix}' không hỗ trợ. Cách sửa: dùng .txt, .md, .html, .docx hoặc .pdf")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Result(str(path), "error", error=f"{path}: không đọc được tệp ({exc.strerror}). Cách sửa: kiểm tra đường dẫn và quyền đọc")
    result = convert_bytes(data, str(path))
    return result
