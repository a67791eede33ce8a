"""Lists of documents on the index pages: their columns, and pages of at most PAGE_SIZE rows.

Every list shows the number, type, date, issuer and subject of each document, less the
column its page already states (a type page has no type column, a body's page no issuer
column). A document without a subject shows the first words of its text. Numbers never wrap
(archive.css). A long list is cut into pages of PAGE_SIZE rows with page links (pager), so a
page's size does not grow with the archive; the page links show at most PAGER_WINDOW numbers
around the current page. The lists are pre-rendered HTML (render.html_block).
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from . import urls
from .catalog import Record
from .indexes import UNKNOWN_TYPE
from .render import anchor, fmt_date, html_block, text

PAGE_SIZE = 200
PAGER_WINDOW = 2          # page numbers shown either side of the current one (plus the first and last)
NUMBER, TYPE, DATE, ISSUER, SUBJECT = "so", "loai", "ngay", "co-quan", "trich-yeu"
COLUMNS = {NUMBER: "Số, ký hiệu", TYPE: "Loại", DATE: "Ngày", ISSUER: "Cơ quan ban hành", SUBJECT: "Trích yếu"}
UNKNOWN_ISSUER = "Chưa rõ cơ quan"


def subject(record: Record) -> str:
    """The subject (trích yếu), else the first words of the text, else the title."""
    return record.get("trich_yeu") or record.excerpt or record.title


def _cell(record: Record, column: str, from_src: str) -> str:
    if column == NUMBER:
        return text(record.so_ky_hieu or "Không số")
    if column == TYPE:
        return text(record.loai_van_ban or UNKNOWN_TYPE)
    if column == DATE:
        return fmt_date(record.date)
    if column == ISSUER:
        return text(record.co_quan or UNKNOWN_ISSUER)
    return anchor(subject(record), from_src, record.src_uri)


def table_html(head: list[str], rows, columns: list[str]) -> str:
    """A table whose cells carry their column's class (kho-cot-<column>: the phone layout and
    the numbers' no-wrap rule in archive.css key on it)."""
    lines = ['<div class="kho-bang-van-ban">', "<table>", "<thead>", "<tr>",
             *(f'<th class="kho-cot-{c}">{h}</th>' for h, c in zip(head, columns)), "</tr>", "</thead>", "<tbody>"]
    for row in rows:
        lines += ["<tr>", *(f'<td class="kho-cot-{c}">{cell}</td>' for cell, c in zip(row, columns)), "</tr>"]
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def documents_table(records: list[Record], from_src: str, omit: tuple[str, ...] = ()) -> str:
    """One row per document: number, type, date, issuer and the subject as a link, less the
    columns in `omit` (those the page states already). Pre-rendered for Markdown."""
    if not records:
        return "_Chưa có văn bản._\n"
    columns = [c for c in COLUMNS if c not in omit]
    rows = ([_cell(r, c, from_src) for c in columns] for r in records)
    return html_block(table_html([COLUMNS[c] for c in columns], rows, columns))


# ---- pages of a long list --------------------------------------------------------------------

@dataclass
class Group:
    """A run of rows under one heading (a month of a year, a body of a province, a type)."""
    heading: str                 # Markdown of the heading's text, "" for a list without headings
    items: list
    count: int = 0               # rows of the whole group, on every page it spans
    continued: bool = False      # it began on an earlier page
    anchor: str | None = None
    meta: dict = field(default_factory=dict)


def paginate(groups: list[Group], size: int = PAGE_SIZE) -> list[list[Group]]:
    """Cut the groups' rows into pages of at most `size` rows; a group cut in two is on both
    pages (continued=True on the second). Always at least one page."""
    pages: list[list[Group]] = [[]]
    room = size
    for group in groups:
        start, total = 0, len(group.items)
        while start < total or (total == 0 and start == 0):
            if room == 0:
                pages.append([])
                room = size
            chunk = group.items[start:start + room]
            pages[-1].append(Group(group.heading, chunk, total, start > 0, group.anchor, group.meta))
            start += len(chunk)
            room -= len(chunk)
            if total == 0:
                break
    return pages


def page_title(title: str, number: int, count: int) -> str:
    return title if count == 1 else f"{title} (trang {number}/{count})"


def pager(src: str, number: int, count: int, rows: int, size: int = PAGE_SIZE) -> str:
    """Links to the other pages of a list (pre-rendered); "" for a list of one page.
    src: the list's first page; number: this page (1-based)."""
    if count <= 1:
        return ""
    here = urls.list_page(src, number)
    first, last = (number - 1) * size + 1, min(number * size, rows)
    shown = sorted({1, count, *range(max(1, number - PAGER_WINDOW), min(count, number + PAGER_WINDOW) + 1)})
    items, previous = [], 0
    if number > 1:
        items.append(_pager_link(here, src, number - 1, "‹ Trang trước", rel="prev"))
    for n in shown:
        if n > previous + 1:
            items.append('<li class="kho-phan-trang__cach" aria-hidden="true">…</li>')
        items.append(_pager_link(here, src, n, str(n), current=n == number))
        previous = n
    if number < count:
        items.append(_pager_link(here, src, number + 1, "Trang sau ›", rel="next"))
    return html_block(f'<nav class="kho-phan-trang" aria-label="Các trang của danh sách">\n'
                      f'<p>Trang {number}/{count}: văn bản {first}–{last} trên {rows}.</p>\n'
                      f'<ul>{"".join(items)}</ul>\n</nav>')


def _pager_link(here: str, src: str, n: int, label: str, rel: str | None = None, current: bool = False) -> str:
    attrs = f' rel="{rel}"' if rel else f' aria-label="Trang {n}"'
    attrs += ' aria-current="page"' if current else ""
    return f'<li><a href="{html.escape(urls.href(here, urls.list_page(src, n)))}"{attrs}>{label}</a></li>'

