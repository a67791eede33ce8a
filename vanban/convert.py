"""The conversion pipeline: raw directive (path or bytes) -> Markdown page + metadata.

Pure: nothing is written here. Every failure becomes a result with status
"error" and a one-line message naming the problem and the fix.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .parsing.extract import extract
from .parsing.readers import EncodingProblem, read_bytes
from .dates import parse_iso, today_in_vietnam
from .render import render
from .schema import validate
from .text import slugify

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx")


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


def convert_bytes(data: bytes, name: str) -> Result:
    try:
        text = read_bytes(data, name)
    except EncodingProblem as exc:
        return Result(name, "error", error=f"{name}: lỗi mã hóa: {exc}. Cách sửa: chuyển mã sang Unicode UTF-8 (ví dụ Unikey, Công cụ chuyển mã) hoặc OCR lại bản gốc với phông Unicode")
    if not text.strip():
        return Result(name, "error", error=f"{name}: tệp rỗng, không có nội dung. Cách sửa: kiểm tra lại tệp nguồn")
    parsed = extract(text)
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
    return Result(name, status, meta, warnings, render(parsed, meta))


def convert_path(path: str | Path) -> Result:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED:
        return Result(str(path), "error", error=f"{path}: định dạng '{path.suffix}' không hỗ trợ. Cách sửa: dùng .txt, .md, .html hoặc .docx")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Result(str(path), "error", error=f"{path}: không đọc được tệp ({exc.strerror}). Cách sửa: kiểm tra đường dẫn và quyền đọc")
    result = convert_bytes(data, str(path))
    return result
