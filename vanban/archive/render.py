"""Markdown snippets: escaping, document tables, the metadata panel and the relations.

Every metadata value passes through `md` (or `html_text`) before it reaches
Markdown, so `<img src=x onerror=...>`, `*` or `|` in front matter render as text.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import secrets
from functools import lru_cache
from urllib.parse import quote

from ..schema import FIELD_BY_KEY
from ..text import CONTROL_RE
from .catalog import Record
from .relations import Citation
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


# ---- pre-rendered HTML ----
# Index pages list thousands of documents: through Python-Markdown they took about a
# third of a build. Their lists are written as HTML here, wrapped in an HTML comment,
# which Python-Markdown copies through after one search for its end;
# hooks/document_page.py unwraps it (unwrap_html). The HTML is what Python-Markdown
# made of the same Markdown. (A document page's panel and relations never enter
# Markdown: document_page puts them around the rendered body.)
# Every value is escaped, so no value can close the comment ("-->" needs a ">").
# The marker holds a secret made once per process: a document body that writes
# "<!--kho-html ...-->" itself makes a plain comment, which the sanitiser drops,
# never a trusted block. It never reaches the output, so builds stay identical.
# Python-Markdown puts a blank line after a comment block, none after a table or a div.
_BLOCK_MARK = "<!--kho-html " + secrets.token_hex(16)
_HTML_BLOCK_RE = re.compile(re.escape(_BLOCK_MARK) + r"\n(.*?)\n-->(?:\n(?=\n))?", re.DOTALL)


def html_block(html: str) -> str:
    return f"{_BLOCK_MARK}\n{html}\n-->\n"


def unwrap_html(content: str, clean=lambda html: html) -> str:
    """Unwrap the html_block blocks of a rendered page; `clean` sanitises what lies between them
    (the page's own Markdown, rendered), never the blocks, whose values were escaped when made."""
    if _BLOCK_MARK not in content:
        return clean(content)
    parts, at = [], 0
    for block in _HTML_BLOCK_RE.finditer(content):
        parts += [clean(content[at:block.start()]), block[1]]
        at = block.end()
    return "".join(parts + [clean(content[at:])])


def text(value) -> str:
    """A value as HTML text, as Python-Markdown renders md(value)."""
    return html.escape(" ".join(str(value).split()), quote=False)


def anchor(value, from_src: str, to_src: str) -> str:
    """The HTML of link(value, from_src, to_src) once MkDocs has resolved it."""
    return f'<a href="{html.escape(urls.href(from_src, to_src))}">{text(value)}</a>'


def table(head: list[str], rows, wrapper: str | None = None) -> str:
    """A pre-rendered table: rows are lists of cell HTML; `wrapper` is the class of a div around it."""
    lines = ["<table>", "<thead>", "<tr>", *(f"<th>{h}</th>" for h in head), "</tr>", "</thead>", "<tbody>"]
    for row in rows:
        lines += ["<tr>", *(f"<td>{cell}</td>" for cell in row), "</tr>"]
    lines += ["</tbody>", "</table>"]
    if wrapper:
        lines = [f'<div class="{wrapper}">', *lines, "</div>"]
    return html_block("\n".join(lines))


@lru_cache(maxsize=1 << 14)  # a few thousand dates, printed on every list and diagram that shows them
def fmt_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def front_matter(title: str, kind: str) -> str:
    """Front matter of a generated page; JSON strings are valid YAML scalars once the characters the
    loader refuses are gone (a title made from a citation in a body may hold them)."""
    return f"---\ntitle: {json.dumps(CONTROL_RE.sub('', title), ensure_ascii=False)}\nkho_trang: {kind}\n---\n\n"


def tag(text: str, kind: str) -> str:
    return f'<span class="kho-tag kho-tag--{kind}">{html_text(text)}</span>'


def documents_table(records: list[Record], from_src: str) -> str:
    """Number, type, date, and subject as a link: one row per document (on a phone, the
    number, type and date on one line and the subject under them: archive.css)."""
    if not records:
        return "_Chưa có văn bản._\n"
    return table(["Số, ký hiệu", "Loại", "Ngày", "Trích yếu"], (
        [text(r.so_ky_hieu or "không số"), text(r.loai_van_ban or "—"), fmt_date(r.date),
         anchor(r.get("trich_yeu") or r.title, from_src, r.src_uri)] for r in records), "kho-bang-van-ban")


def _document_items(records: list[Record], from_src: str) -> str:
    items = "\n".join(f"<li>{anchor(r.title, from_src, r.src_uri)} ({fmt_date(r.date)})</li>" for r in records)
    return f"<ul>\n{items}\n</ul>"


def document_list_html(records: list[Record], from_src: str) -> str:
    """Title and date of each document, linked (pre-rendered)."""
    return html_block(_document_items(records, from_src)) if records else ""


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
    return text(value)


def metadata_panel(record: Record, agency_src: str | None, extra: str = "") -> str:
    """Definition list of the document's metadata, linked to its index pages (pre-rendered);
    extra: more dt/dd lines, before the open-data link (legal force, the original file)."""
    src, entries = record.src_uri, []

    def add(key: str, *values: str) -> None:
        values = [v for v in values if v]
        if values:
            entries.append(f"<dt>{text(_label(key))}</dt>")
            entries.extend(f"<dd>{v}</dd>" for v in values)

    add("so_ky_hieu", text(record.so_ky_hieu) if record.so_ky_hieu else "không số")
    if record.loai_van_ban:
        add("loai_van_ban", anchor(record.loai_van_ban, src, urls.type_page(record.loai_van_ban)))
    if record.co_quan:
        add("co_quan_ban_hanh", anchor(record.co_quan, src, agency_src) if agency_src else text(record.co_quan))
    add("dia_danh", text(record.get("dia_danh") or ""))
    if record.date:
        add("ngay_ban_hanh", anchor(fmt_date(record.date), src, urls.month_page(record.date.year, record.date.month)))
    signer = " — ".join(text(v) for v in (record.get("nguoi_ky"), record.get("chuc_vu")) if v)
    add("nguoi_ky", signer)
    for key in ("kinh_gui", "noi_nhan"):
        items = record.meta.get(key)
        add(key, *[text(item) for item in items] if isinstance(items, list) else [])
    for key in ("ban_sao", "so_den"):
        add(key, text(_object_text(record.meta[key])) if record.meta.get(key) else "")
    add("nguon", _source(record.get("nguon")) if record.get("nguon") else "")
    add("ngay_dang", text(record.get("ngay_dang") or ""))
    if record.review_keys:
        add("can_xac_minh", ", ".join(text(_label(k)) for k in record.review_keys))
    json_href = urls.href_between(urls.page_dir(src), urls.record_json(src))  # written by vanban/archive/open_data.py
    entries += [extra.rstrip("\n")] if extra else []
    entries += ["<dt>Dữ liệu mở</dt>", f'<dd><a href="{html_text(json_href)}" type="application/json">Bản ghi JSON</a></dd>']
    return '<div class="kho-meta">\n' + _ocr_note(record) + "<dl>\n" + "\n".join(entries) + "\n</dl>\n</div>"


def _ocr_note(record: Record) -> str:
    """Readers are told when the text was read by OCR from a scan, as its numbers may be misread."""
    if record.meta.get("nguon_ocr") is not True:
        return ""
    return ('<p class="kho-ocr-note">Văn bản này được nhận dạng (OCR) từ bản quét: số, ngày và tên người ký '
            "có thể bị đọc sai; hãy đối chiếu với bản gốc.</p>\n")


def citation_text(c: Citation, escape=md) -> str:
    """"81/TB-VPCP (Thông báo, 26/04/2021, Văn phòng Chính phủ)"; escape=text for HTML."""
    details = [v for v in (c.loai_van_ban, fmt_date(c.ngay) if c.ngay else None, c.co_quan) if v]
    head = c.so_ky_hieu or c.text or "Văn bản không rõ số"
    return escape(head) + (f" ({escape(', '.join(details))})" if details else "")


def document_page(record: Record, body_html: str, agency_src: str | None, head: str = "", panel_extra: str = "",
                  relations: str = "") -> str:
    """A document page's content: what stands under the title (head: status, original file), the
    metadata panel, the rendered body, then the relations (vanban/archive/document_parts.py). Written
    as HTML around the body MkDocs renders: through Python-Markdown, the panel and the relations cost
    about a fifth of a bare page's conversion."""
    return head + metadata_panel(record, agency_src, panel_extra) + "\n" + body_html.strip() + "\n" + relations
