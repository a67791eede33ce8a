"""The parts of a document page that say where it stands: its status of legal force (a banner
under the title and lines in the metadata panel), the original file to download, and its
relations to other documents grouped by type, in both directions.

    Hết hiệu lực theo Chỉ thị 19/CT-TTg ngày 24/09/2021 (thay thế văn bản này)
    Tải văn bản gốc (PDF, 1,2 MB)  SHA-256: 3f5a…
    …
    Văn bản dẫn chiếu        Văn bản căn cứ · Thực hiện · Thay thế · … · Dẫn chiếu khác
    Được dẫn chiếu bởi       Bị thay thế bởi · … · Là căn cứ của · Dẫn chiếu khác

Pre-rendered HTML put around the rendered body (hooks/document_page.py); every value
that came from a document is escaped here.
"""
from __future__ import annotations

from ..relation_types import DAN_CHIEU, DEFAULT, INCOMING_ORDER, RELATION_BY_KEY, RELATION_KEYS
from . import urls
from .catalog import Record
from .originals import Original, size_text
from .relations import AMBIGUOUS, RESOLVED, Link, Relations
from .render import anchor, citation_text, fmt_date, html_text, record_words, tag, text
from .status import ForceStatus, ending_label

# The relations' headings, which hooks/document_page.py adds to the page's table of contents.
RELATION_HEADINGS = (("so-do-dan-chieu", "Sơ đồ dẫn chiếu"), ("van-ban-dan-chieu", "Văn bản dẫn chiếu"),
                     ("duoc-dan-chieu-boi", "Được dẫn chiếu bởi"))


# ---- status of legal force -----------------------------------------------

def _basis_html(record: Record, force: ForceStatus) -> str:
    """"theo <a>Chỉ thị 19/CT-TTg ngày 24/09/2021</a> (thay thế văn bản này)", linked to that document."""
    if force.ending and not force.stated:
        return (f"theo {anchor(ending_label(force.ending.record), record.src_uri, force.ending.record.src_uri)} "
                f"({text(force.ending.verb)} văn bản này)")
    return text(force.basis)


def _dates_text(force: ForceStatus) -> str:
    parts = []
    if force.since:
        parts.append(f"có hiệu lực từ {fmt_date(force.since)}")
    if force.until:
        parts.append(f"hết hiệu lực từ {fmt_date(force.until)}")
    return ", ".join(parts)


def status_banner(record: Record, force: ForceStatus) -> str:
    """One line under the title: the status, and what a derived one rests on ("theo …").
    On a phone it stays one line (archive.css cuts it with "…"; the panel says it in full)."""
    slug = force.status.slug
    label = force.status.label if force.known else "Hiệu lực: chưa xác định"
    detail = _basis_html(record, force) if not force.stated else ""
    if not detail and _dates_text(force):
        detail = text(_dates_text(force))
    title = force.text() if force.basis else label + (f" ({_dates_text(force)})" if _dates_text(force) else "")
    return (f'<p class="kho-hieu-luc kho-hieu-luc--{slug}" title="{html_text(title)}">'
            f'<strong class="kho-hieu-luc__tinh-trang">{html_text(label)}</strong>'
            + (f' <span class="kho-hieu-luc__theo">{detail}</span>' if detail else "") + "</p>\n")


def panel_entries(record: Record, force: ForceStatus, originals: list[Original]) -> str:
    """The metadata panel's lines on legal force and the original (dt/dd pairs)."""
    status = html_text(force.status.label)
    if force.stated:
        status += " (văn thư ghi)"
    elif force.basis:
        status += " " + _basis_html(record, force)
    else:
        status += " (kho chưa có văn bản nào thay thế hay bãi bỏ văn bản này)"
    lines = ["<dt>Tình trạng hiệu lực</dt>", f"<dd>{status}</dd>"]
    if force.since:
        said = f" (theo văn bản: “{text(force.since_from)}”)" if force.since_from else ""
        lines += ["<dt>Ngày có hiệu lực</dt>", f"<dd>{fmt_date(force.since)}{said}</dd>"]
    if force.until:
        lines += ["<dt>Ngày hết hiệu lực</dt>", f"<dd>{fmt_date(force.until)}</dd>"]
    for original in originals:
        lines += ["<dt>Văn bản gốc</dt>",
                  f"<dd>{html_text(original.name)}, {size_text(original.size)}, SHA-256 "
                  f'<code class="kho-sha256">{original.sha256}</code></dd>']
    return "\n".join(lines) + "\n"


# ---- the original file ---------------------------------------------------

def original_links(record: Record, originals: list[Original]) -> str:
    """"Tải văn bản gốc (PDF, 1,2 MB)" and its SHA-256, for each original beside the page."""
    if not originals:
        return ""
    items = []
    for n, original in enumerate(originals, 1):
        href = urls.href_between(urls.page_dir(record.src_uri), original.address)
        which = "" if len(originals) == 1 else f", tệp {n}"
        items.append(f'<li><a class="kho-ban-goc__tai" href="{html_text(href)}" type="{original.media_type}" '
                     f'download="{html_text(original.name)}">Tải văn bản gốc{which} ({original.format_name}, '
                     f'{size_text(original.size)})</a> <span class="kho-ban-goc__sha">SHA-256: '
                     f'<code>{original.sha256}</code></span></li>')
    return '<ul class="kho-ban-goc">\n' + "\n".join(items) + "\n</ul>\n"


# ---- relations, grouped by type in both directions ------------------------

def _record_item(record: Record, src: str) -> str:
    """"<a>Công điện 217/CĐ-TTg ngày 16/11/2025 của Thủ tướng Chính phủ</a>: V/v ..." (a document
    without a subject: its first words)."""
    about = record.get("trich_yeu") or record.excerpt
    return anchor(record_words(record), src, record.src_uri) + (f": {text(about)}" if about else "")


def _link_item(item: Link, src: str) -> str:
    if item.status == RESOLVED:
        return f"<li>{_record_item(item.target, src)}</li>"
    cited = citation_text(item.citation, text)
    if item.status == AMBIGUOUS:
        options = "; ".join(anchor(record_words(r), src, r.src_uri) for r in item.candidates)
        return (f"<li>{cited} {tag('chưa xác định được', 'ambiguous')}: "
                f"trong kho có văn bản cùng số ký hiệu nhưng không đủ thông tin để chọn đúng: {options}</li>")
    missing = f" — {anchor('ai dẫn chiếu văn bản này', src, urls.missing_page(item.missing.slug))}" if item.missing else ""
    return f"<li>{cited} {tag('chưa có trong kho', 'missing')}{missing}</li>"


def _group_id(direction: str, key: str) -> str:
    return f"{direction}-{key.replace('_', '-')}"


def _groups(items: list, kind_of, order: tuple[str, ...]) -> list[tuple[str, list]]:
    grouped: dict[str, list] = {}
    for item in items:
        grouped.setdefault(kind_of(item), []).append(item)
    return [(key, grouped[key]) for key in order if key in grouped]


def _grouped_html(groups: list[tuple[str, list]], direction: str, incoming: bool, item_html) -> str:
    """One list when every relation is a plain mention; else a headed list per relation type."""
    if [key for key, _ in groups] == [DEFAULT]:
        return "<ul>\n" + "\n".join(item_html(item) for item in groups[0][1]) + "\n</ul>\n"
    out = []
    for key, items in groups:
        relation = RELATION_BY_KEY[key]
        label = relation.outgoing if key == DAN_CHIEU or not incoming else relation.incoming
        group_id = _group_id(direction, key)
        out.append(f'<section class="kho-quan-he kho-quan-he--{key.replace("_", "-")}" aria-labelledby="{group_id}">'
                   f'<h3 id="{group_id}">{html_text(label)} ({len(items)})</h3>\n<ul>\n'
                   + "\n".join(item_html(item) for item in items) + "\n</ul>\n</section>\n")
    return "".join(out)


def _partial_mark(partial: bool) -> str:
    return " " + tag("một phần", "partial") if partial else ""


def relations_section(record: Record, links: list[Link], cited_by: list[Record], relations: Relations,
                      diagram: str) -> str:
    """The diagram, what the document cites and what cites it, each grouped by relation type."""
    src = record.src_uri
    cited_by = sorted(cited_by, key=Record.sort_key, reverse=True)
    (diagram_id, diagram_title), (cites_id, cites_title), (cited_id, cited_title) = RELATION_HEADINGS

    def cited_item(link: Link) -> str:
        item = _link_item(link, src)
        return item[:-len("</li>")] + _partial_mark(link.citation.mot_phan) + "</li>"

    def citing_item(other: Record) -> str:
        typed = relations.typed.get((src, other.src_uri))
        return f"<li>{_record_item(other, src)}{_partial_mark(bool(typed and typed.citation.mot_phan))}</li>"

    outgoing = _groups(links, lambda link: link.quan_he, RELATION_KEYS)
    incoming = _groups(cited_by, lambda other: relations.relation(src, other.src_uri), INCOMING_ORDER)
    return "".join([
        '<div class="kho-relations">\n',
        f'<h2 id="{diagram_id}">{diagram_title}</h2>\n{diagram}\n',
        f'<h2 id="{cites_id}">{cites_title}</h2>\n',
        _grouped_html(outgoing, "dan-chieu", False, cited_item) if links
        else "<p><em>Văn bản này không dẫn chiếu văn bản nào.</em></p>\n",
        f'<h2 id="{cited_id}">{cited_title}</h2>\n',
        _grouped_html(incoming, "duoc-dan-chieu", True, citing_item) if cited_by
        else "<p><em>Chưa có văn bản nào trong kho dẫn chiếu văn bản này.</em></p>\n",
        "</div>",
    ])
