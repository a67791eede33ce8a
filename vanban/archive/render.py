"""Markdown snippets: escaping, citations in words, and a document page: its breadcrumb, title,
summary line, metadata panel and relations (the lists of the index pages: listing.py).

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

from ..agencies import issuer_of_symbol
from ..schema import FIELD_BY_KEY
from ..text import CONTROL_RE
from ..symbols import parse_symbol
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


# ---- citations in words ----------------------------------------------------

def day_text(value: dt.date) -> str:
    """"8/11/2025", as a directive writes a date in running text."""
    return f"{value.day}/{value.month}/{value.year}"


def citation_words(kind: str | None, number: str | None, date: dt.date | None, issuer: str | None) -> str:
    """"Công điện 217/CĐ-TTg ngày 8/11/2025 của Thủ tướng Chính phủ": a part not known is left out."""
    words = " ".join(v for v in (kind, number) if v) or "Văn bản"
    if date:
        words += f" ngày {day_text(date)}"
    return words + (f" của {issuer}" if issuer else "")


def record_words(record: Record) -> str:
    return citation_words(record.loai_van_ban, record.so_ky_hieu or "không số", record.date, record.co_quan)


def citation_type(c: Citation) -> str | None:
    """The type a citation names, else the one its symbol's code names ("CĐ" -> Công điện)."""
    parsed = parse_symbol(c.so_ky_hieu or "")
    return c.loai_van_ban or (parsed.doc_type if parsed else None)


def citation_issuer(c: Citation) -> str | None:
    """The issuer a citation names, else the central body its symbol names (agencies.issuer_of_symbol)."""
    return c.co_quan or issuer_of_symbol(c.so_ky_hieu)


def citation_text(c: Citation, escape=md) -> str:
    """A cited document in words (citation_words); escape=text for HTML."""
    if not c.so_ky_hieu and c.text:
        return escape(c.text)
    return escape(citation_words(citation_type(c), c.so_ky_hieu or "không rõ số", c.ngay, citation_issuer(c)))


# ---- document page -------------------------------------------------------
# Text first on a phone: breadcrumb, title, the status slot (one line, issue 20), one summary
# line (number, type, date, issuer), then the text; the full metadata is in a disclosure,
# "Thông tin văn bản", closed on a phone and opened on a wide screen (assets/javascripts/
# document.js). Kính gửi and Nơi nhận are listed in the panel only when the text has none.

# The parts of a document page the site makes around the text (classes): the search index
# reads the text alone (hooks/search_index.py), the record indexes the metadata on its own.
SITE_MADE = ("kho-duong-dan", "kho-tieu-de", "kho-hieu-luc", "kho-ban-goc", "kho-tom-tat", "kho-ocr-note", "kho-meta",
             "kho-dau-in", "kho-relations")


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


# A body that writes its recipients itself ("**Kính gửi:**", "Nơi nhận:") lists them once, there.
# Searched in the lower-cased body (a case-blind pattern is ten times slower on a long text).
_IN_TEXT = {"kinh_gui": re.compile(r"kính\s+gửi"), "noi_nhan": re.compile(r"nơi\s+nhận")}


def metadata_panel(record: Record, agency_src: str | None, body_html: str = "", extra: str = "") -> str:
    """The document's full metadata, linked to its index pages, in a disclosure (pre-rendered);
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
    lowered = None
    for key in ("kinh_gui", "noi_nhan"):
        items = record.meta.get(key)
        if isinstance(items, list) and items:
            lowered = body_html.lower() if lowered is None else lowered
            if not _IN_TEXT[key].search(lowered):
                add(key, *[text(item) for item in items])
    for key in ("ban_sao", "so_den"):
        add(key, text(_object_text(record.meta[key])) if record.meta.get(key) else "")
    add("nguon", _source(record.get("nguon")) if record.get("nguon") else "")
    add("ngay_dang", text(record.get("ngay_dang") or ""))
    if record.review_keys:
        add("can_xac_minh", ", ".join(text(_label(k)) for k in record.review_keys))
    json_href = urls.href_between(urls.page_dir(src), urls.record_json(src))  # written by vanban/archive/open_data.py
    entries += [extra.rstrip("\n")] if extra else []
    entries += ["<dt>Dữ liệu mở</dt>", f'<dd><a href="{html_text(json_href)}" type="application/json">Bản ghi JSON</a></dd>']
    return ('<details class="kho-meta" data-kho-mo-khi-rong>\n<summary>Thông tin văn bản</summary>\n'
            "<dl>\n" + "\n".join(entries) + "\n</dl>\n</details>")


def _ocr_note(record: Record) -> str:
    """Readers are told when the text was read by OCR from a scan, as its numbers may be misread."""
    if record.meta.get("nguon_ocr") is not True:
        return ""
    return ('<p class="kho-ocr-note">Văn bản này được nhận dạng (OCR) từ bản quét: số, ngày và tên người ký '
            "có thể bị đọc sai; hãy đối chiếu với bản gốc.</p>\n")


def breadcrumb(record: Record, agency_src: str | None) -> str:
    """Trang chủ › Cơ quan › <body> › <year>; a part the document lacks is left out."""
    src = record.src_uri
    steps = [anchor("Trang chủ", src, urls.HOME), anchor("Cơ quan", src, urls.AGENCY_INDEX)]
    if record.co_quan:
        steps.append(anchor(record.co_quan, src, agency_src) if agency_src else text(record.co_quan))
    if record.date:
        steps.append(anchor(str(record.date.year), src, urls.year_page(record.date.year)))
    separator = '<span class="kho-duong-dan__cach" aria-hidden="true"> › </span>'
    items = "".join(f"<li>{separator if i else ''}{step}</li>" for i, step in enumerate(steps))
    return f'<nav class="kho-duong-dan" aria-label="Đường dẫn"><ol>{items}</ol></nav>'


def summary_line(record: Record, body_html: str) -> str:
    """Number, type, date and issuer in one line. It is not printed when the text states the
    number itself (its number line), so a printout gives the number and date once."""
    number = record.so_ky_hieu
    stated = number and (number in body_html[:2000]   # or spaced out: "Số 154 - CV/TU"
                         or "".join(number.split()) in "".join(body_html[:2000].split()))
    printed = "" if stated else " kho-tom-tat--in"
    words = html_text(record_words(record))
    if number:   # the number never wraps inside
        escaped = html_text(number)
        words = words.replace(escaped, f'<span class="kho-so-ky-hieu">{escaped}</span>', 1)
    return f'<p class="kho-tom-tat{printed}">{words}</p>'


def print_heading(record: Record) -> str:
    """What a printed directive carries above its text in place of the web page's title: the
    issuer, the type and the subject (print.css shows it, the screen does not)."""
    lines = [(record.co_quan or "").upper(), (record.loai_van_ban or "").upper(), record.get("trich_yeu") or ""]
    shown = [f'<p class="kho-dau-in__{cls}">{html_text(v)}</p>' for cls, v in zip(("co-quan", "loai", "trich-yeu"), lines) if v]
    return f'<div class="kho-dau-in" aria-hidden="true">{"".join(shown)}</div>' if shown else ""


_RULE = re.compile(r"<hr\s*/?>")


def mark_ending(body_html: str) -> str:
    """The directive's ending after its last rule (signature, Nơi nhận, copy block: vanban/render.py
    writes them so) in <div class="kho-cuoi-van-ban">, which print.css lays out as a printed directive:
    recipients on the left, the signature on the right. A rule not followed by a Nơi nhận list is left alone."""
    at = body_html.rfind("<hr")
    at = _RULE.match(body_html, at) if at >= 0 else None
    if at is None or not _IN_TEXT["noi_nhan"].search(body_html[at.end():].lower()):
        return body_html
    return body_html[:at.end()] + '\n<div class="kho-cuoi-van-ban">' + body_html[at.end():] + "\n</div>"


def document_page(record: Record, body_html: str, agency_src: str | None, head: str = "", panel_extra: str = "",
                  relations: str = "") -> str:
    """A document page's content: breadcrumb, title, what stands under the title (head: the status
    line and the original file, vanban/archive/document_parts.py), summary line, metadata panel, the
    rendered body, then the relations. Written as HTML around the body MkDocs renders: through
    Python-Markdown, the panel and the relations cost about a fifth of a bare page's conversion."""
    body = body_html.strip()
    return "\n".join([
        breadcrumb(record, agency_src),
        f'<h1 class="kho-tieu-de">{html_text(record.title)}</h1>',
        head,
        summary_line(record, body),
        _ocr_note(record) + metadata_panel(record, agency_src, body, panel_extra),
        print_heading(record),
        f'<div class="kho-noi-dung">\n{mark_ending(body)}\n</div>',
        relations,
    ])
