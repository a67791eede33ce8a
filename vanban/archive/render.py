"""Markdown snippets: escaping, document tables, the metadata panel and the relations.

Every metadata value passes through `md` (or `html_text`) before it reaches
Markdown, so `<img src=x onerror=...>`, `*` or `|` in front matter render as text.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from urllib.parse import quote

from ..schema import FIELD_BY_KEY
from .catalog import Record
from .relations import AMBIGUOUS, RESOLVED, Citation, Link
from . import urls

# Inline markup characters ("{" too: attr_list would turn "{ onclick=... }" into an attribute).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]|])")
# Block markup only counts at the start of a value: "# ", "- ", "+ ", "1. ".
_MD_BLOCK_START = re.compile(r"^(\d+)([.)])|^([#+\-])")


def md(value) -> str:
    """Escape any value for inline Markdown: HTML first, then Markdown markup.

    Only characters that can start markup are escaped: every escape costs
    Python-Markdown a placeholder, and index pages hold thousands of values."""
    text = _MD_INLINE.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=False))
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def html_text(value) -> str:
    return html.escape(" ".join(str(value).split()), quote=True)


def link(text, from_src: str, to_src: str) -> str:
    return f"[{md(text)}]({quote(urls.relative(from_src, to_src), safe='/')})"


def fmt_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def front_matter(title: str, kind: str) -> str:
    """Front matter of a generated page; JSON strings are valid YAML scalars."""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nkho_trang: {kind}\n---\n\n"


def tag(text: str, kind: str) -> str:
    return f'<span class="kho-tag kho-tag--{kind}">{html_text(text)}</span>'


def documents_table(records: list[Record], from_src: str) -> str:
    """Number, type, date, and subject as a link: one row per document."""
    if not records:
        return "_Chưa có văn bản._\n"
    rows = ["| Số, ký hiệu | Loại | Ngày | Trích yếu |", "|---|---|---|---|"]
    for r in records:
        subject = r.get("trich_yeu") or r.title
        rows.append(f"| {md(r.so_ky_hieu or 'không số')} | {md(r.loai_van_ban or '—')} | {fmt_date(r.date)} "
                    f"| {link(subject, from_src, r.src_uri)} |")
    return "\n".join(rows) + "\n"


def document_list(records: list[Record], from_src: str) -> str:
    return "".join(f"- {link(r.title, from_src, r.src_uri)} ({fmt_date(r.date)})\n" for r in records)


# ---- document page -------------------------------------------------------

def _label(key: str) -> str:
    return FIELD_BY_KEY[key].label if key in FIELD_BY_KEY else key


def _object_text(value) -> str:
    """ban_sao / so_den: {hinh_thuc: Sao y bản chính, so_ky_hieu: ..., ngay: ...} on one line."""
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, "", []))
    return str(value)


def _source(value: str) -> str:
    if re.match(r"https?://", value):
        return f'<a href="{html_text(value)}" rel="nofollow noopener">{html_text(value)}</a>'
    return md(value)


def metadata_panel(record: Record, agency_src: str | None) -> str:
    """Definition list of the document's metadata, linked to its index pages."""
    src, entries = record.src_uri, []

    def add(key: str, *values: str) -> None:
        values = [v for v in values if v]
        if values:
            entries.append(f"{md(_label(key))}\n" + "".join(f":   {v}\n" for v in values))

    add("so_ky_hieu", md(record.so_ky_hieu) if record.so_ky_hieu else "không số")
    if record.loai_van_ban:
        add("loai_van_ban", link(record.loai_van_ban, src, urls.type_page(record.loai_van_ban)))
    if record.co_quan:
        add("co_quan_ban_hanh", link(record.co_quan, src, agency_src) if agency_src else md(record.co_quan))
    add("dia_danh", md(record.get("dia_danh") or ""))
    if record.date:
        add("ngay_ban_hanh", link(fmt_date(record.date), src, urls.month_page(record.date.year, record.date.month)))
    signer = " — ".join(md(v) for v in (record.get("nguoi_ky"), record.get("chuc_vu")) if v)
    add("nguoi_ky", signer)
    for key in ("kinh_gui", "noi_nhan"):
        items = record.meta.get(key)
        add(key, *[md(item) for item in items] if isinstance(items, list) else [])
    for key in ("ban_sao", "so_den"):
        add(key, md(_object_text(record.meta[key])) if record.meta.get(key) else "")
    add("nguon", _source(record.get("nguon")) if record.get("nguon") else "")
    add("ngay_dang", md(record.get("ngay_dang") or ""))
    if record.review_keys:
        add("can_xac_minh", ", ".join(md(_label(k)) for k in record.review_keys))
    return '<div class="kho-meta" markdown>\n\n' + "\n".join(entries) + "\n</div>\n"


def citation_text(c: Citation) -> str:
    """"81/TB-VPCP (Thông báo, 26/04/2021, Văn phòng Chính phủ)"."""
    details = [v for v in (c.loai_van_ban, fmt_date(c.ngay) if c.ngay else None, c.co_quan) if v]
    head = c.so_ky_hieu or c.text or "Văn bản không rõ số"
    return md(head) + (f" ({md(', '.join(details))})" if details else "")


def _link_line(item: Link, src: str) -> str:
    if item.status == RESOLVED:
        return f"- {link(item.target.title, src, item.target.src_uri)} ({citation_text(item.citation)})\n"
    if item.status == AMBIGUOUS:
        options = ", ".join(link(r.title, src, r.src_uri) for r in item.candidates)
        return (f"- {citation_text(item.citation)} {tag('chưa xác định được', 'ambiguous')}: "
                f"trong kho có văn bản cùng số ký hiệu nhưng không đủ thông tin để chọn đúng: {options}\n")
    missing = f" — {link('ai dẫn chiếu văn bản này', src, urls.missing_page(item.missing.slug))}" if item.missing else ""
    return f"- {citation_text(item.citation)} {tag('chưa có trong kho', 'missing')}{missing}\n"


def relations_section(record: Record, links: list[Link], cited_by: list[Record]) -> str:
    src = record.src_uri
    out = ['<div class="kho-relations" markdown>\n\n## Văn bản dẫn chiếu {#van-ban-dan-chieu}\n\n']
    out.append("".join(_link_line(item, src) for item in links) or "_Văn bản này không dẫn chiếu văn bản nào._\n")
    out.append("\n## Được dẫn chiếu bởi {#duoc-dan-chieu-boi}\n\n")
    out.append(document_list(sorted(cited_by, key=Record.sort_key, reverse=True), src)
               or "_Chưa có văn bản nào trong kho dẫn chiếu văn bản này._\n")
    out.append("\n</div>\n")
    return "".join(out)


def document_page(record: Record, markdown: str, links: list[Link], cited_by: list[Record],
                  agency_src: str | None) -> str:
    """Metadata panel, then the body, then the relations."""
    return (metadata_panel(record, agency_src) + "\n" + markdown.strip() + "\n\n"
            + relations_section(record, links, cited_by))

