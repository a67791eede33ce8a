"""The citation diagram ("sơ đồ dẫn chiếu") of a document page, as plain HTML and CSS.

    what it cites, grouped by relation: Văn bản căn cứ · Thực hiện · Thay thế · …
        (and what those cite)
                          the document
    what cites it, grouped by relation: Bị thay thế bởi · Là căn cứ của · …
        (and what cites those)

as vbpl.vn's "lược đồ" groups documents around the one being read. Two levels on each
side, read from relations.py (nothing is scanned again).
Each side shows at most MAX_NODES documents per level and MAX_CHILDREN under
each, then "+N khác", so the diagram has the same size whatever the archive
holds. Nodes link to their pages; a document the archive does not hold, or
cannot pick, is drawn dashed and says so in words. No JavaScript: the layout is
CSS (docs/assets/stylesheets/archive.css): the groups stacked on a phone, side by
side on a wide screen. Every value is escaped here; the result is put into the written
page (hooks/document_page.py, on_post_page), outside the body sanitiser.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..relation_types import DEFAULT, INCOMING_ORDER, RELATION_BY_KEY, RELATION_KEYS
from ..symbols import symbol_key
from . import urls
from .ambiguous import Ambiguous
from .catalog import Record
from .indexes import Agency
from .relations import AMBIGUOUS, MISSING, RESOLVED, Link, Relations
from .render import fmt_date, html_text

# MkDocs keeps every page's HTML until the build ends, so the document page holds this
# slot and the diagram is made when the page is written (hooks/document_page.py).
SLOT = '<div class="so-do-dan-chieu-cho"></div>'
MAX_NODES = 12      # per side and level
MAX_CHILDREN = 3    # second-level nodes under one first-level node

HELD, NOT_HELD, UNDECIDED, CENTRE = "co", "chua-co", "chua-ro", "goc"   # node kinds (CSS classes)
_STATUS_TEXT = {NOT_HELD: "chưa có trong kho", UNDECIDED: "chưa xác định được văn bản"}


@dataclass
class Node:
    label: str                 # "Công văn"
    number: str                # "154-CV/TU"
    detail: str                # "Tỉnh ủy Hà Nam · 28/04/2021"
    kind: str                  # HELD | NOT_HELD | UNDECIDED | CENTRE
    src: str | None = None     # the page it links to
    title: str = ""
    record: Record | None = None
    children: list[Node] = field(default_factory=list)
    more: int = 0              # children left out
    relation: str = DEFAULT    # what the citing document does to the cited one (first level)


def _record_node(record: Record, kind: str = HELD) -> Node:
    detail = " · ".join(v for v in (record.co_quan, fmt_date(record.date) if record.date else None) if v)
    return Node(record.loai_van_ban or "", record.so_ky_hieu or "không số", detail, kind, record.src_uri,
                record.title, record)


def _link_node(link: Link, ambiguous: dict[str, Ambiguous]) -> Node:
    node = _cited_node(link, ambiguous)
    node.relation = link.quan_he
    return node


def _cited_node(link: Link, ambiguous: dict[str, Ambiguous]) -> Node:
    if link.status == RESOLVED:
        return _record_node(link.target)
    c = link.citation
    label, number = c.loai_van_ban or "", c.so_ky_hieu or c.text or "không rõ số"
    detail = " · ".join(v for v in (c.co_quan, fmt_date(c.ngay) if c.ngay else None) if v)
    if link.status == AMBIGUOUS:
        entry = ambiguous.get(symbol_key(c.so_ky_hieu)) if c.so_ky_hieu else None
        return Node(label, number, detail, UNDECIDED, urls.ambiguous_page(entry.slug) if entry else None,
                    f"Kho có {len(link.candidates)} văn bản cùng số ký hiệu")
    return Node(label, number, detail, NOT_HELD, urls.missing_page(link.missing.slug) if link.missing else None,
                "Văn bản này chưa có trong kho")


def _capped(items: list, limit: int) -> tuple[list, int]:
    return items[:limit], max(0, len(items) - limit)


def _distinct(nodes: list[Node], centre: Record) -> list[Node]:
    """One node per document, never the page's own document (A cites B cites A)."""
    seen, result = set(), []
    for node in nodes:
        key = node.src or (node.kind, node.number)
        if node.record is centre or key in seen:
            continue
        seen.add(key)
        result.append(node)
    return result


def _cited_nodes(record: Record, relations: Relations, ambiguous) -> list[Node]:
    return _distinct([_link_node(link, ambiguous) for link in relations.outgoing.get(record.src_uri, [])], record)


def _citing_nodes(record: Record, relations: Relations, centre: Record) -> list[Node]:
    citing = sorted(relations.incoming.get(record.src_uri, []), key=Record.sort_key, reverse=True)
    nodes = []
    for other in citing:
        node = _record_node(other)
        node.relation = relations.relation(record.src_uri, other.src_uri)
        nodes.append(node)
    return _distinct(nodes, centre)


def _grouped(nodes: list[Node], order: tuple[str, ...]) -> list[Node]:
    """The first level in the order of its groups (a stable sort: each group keeps its own order)."""
    return sorted(nodes, key=lambda n: order.index(n.relation))


def _side(first: list[Node], grow) -> tuple[list[Node], int]:
    """First level capped, then up to MAX_CHILDREN under each held node, MAX_NODES in all."""
    shown, more = _capped(first, MAX_NODES)
    budget = MAX_NODES
    for node in shown:
        if node.record is None or budget == 0:
            continue
        children = grow(node.record)
        node.children, node.more = _capped(children, min(MAX_CHILDREN, budget))
        budget -= len(node.children)
    return shown, more


def citation_tree(record: Record, relations: Relations, ambiguous: dict[str, Ambiguous]):
    """(cited nodes, how many left out, citing nodes, how many left out) around record; the first
    level in the order of its relation groups."""
    cited, cited_more = _side(_grouped(_cited_nodes(record, relations, ambiguous), RELATION_KEYS),
                              lambda r: [n for n in _cited_nodes(r, relations, ambiguous) if n.record is not record])
    citing, citing_more = _side(_grouped(_citing_nodes(record, relations, record), INCOMING_ORDER),
                                lambda r: _citing_nodes(r, relations, record))
    return cited, cited_more, citing, citing_more


# ---- HTML ----------------------------------------------------------------

def _node_html(node: Node, from_src: str) -> str:
    classes, title, inner = _node_parts(node.label, node.number, node.detail, node.kind, node.title)
    if node.src and node.kind != CENTRE:
        return f'<a {classes} href="{html_text(urls.href(from_src, node.src))}"{title}>{inner}</a>'
    return f'<span {classes}{title}>{inner}</span>'


@lru_cache(maxsize=1 << 15)  # a much-cited document is drawn on hundreds of pages: escape it once
def _node_parts(label: str, number: str, detail: str, kind: str, title: str) -> tuple[str, str, str]:
    """(the element's class attribute, its title attribute, its inner HTML)."""
    status = _STATUS_TEXT.get(kind)
    label = html_text(label) + (" " if label and number else "")
    number = f'<span class="sddc-ky-hieu">{html_text(number)}</span>' if number else ""
    inner = (f'<span class="sddc-so">{label}{number}</span>'
             + (f'<span class="sddc-chi-tiet">{html_text(detail)}</span>' if detail else "")
             + (f'<span class="sddc-trang-thai">{html_text(status)}</span>' if status else ""))
    return f'class="sddc-nut sddc-nut--{kind}"', (f' title="{html_text(title)}"' if title else ""), inner


def _more_html(count: int) -> str:
    return f'<li class="sddc-them">+{count} khác</li>' if count else ""


def _tree_html(nodes: list[Node], more: int, from_src: str, level: int = 1) -> str:
    items = []
    for node in nodes:
        below = (_tree_html(node.children, node.more, from_src, 2) if node.children or node.more else "")
        items.append(f"<li>{_node_html(node, from_src)}{below}</li>")
    return f'<ul class="sddc-cap{level}">' + "".join(items) + _more_html(more) + "</ul>"


def _side_html(kind: str, heading: str, nodes: list[Node], more: int, empty: str, from_src: str,
               incoming: bool | None = None) -> str:
    """One side; incoming None: one list, else a group per relation (incoming: headed the cited way round)."""
    count = len(nodes) + more
    if not nodes:
        body = f'<p class="sddc-trong">{html_text(empty)}</p>'
    elif incoming is None:
        body = _tree_html(nodes, more, from_src)
    else:
        body = _groups_html(nodes, more, from_src, incoming)
    return (f'<section class="sddc-ben sddc-ben--{kind}">'
            f'<p class="sddc-tieu-de">{html_text(heading)} ({count})</p>{body}</section>')


def _groups_html(nodes: list[Node], more: int, from_src: str, incoming: bool) -> str:
    """A labelled box per relation ("Văn bản căn cứ (2)", "Bị thay thế bởi (1)"), in the nodes' order;
    the side's "+N khác" after the last."""
    groups: list[list[Node]] = []
    for node in nodes:
        if not groups or groups[-1][0].relation != node.relation:
            groups.append([])
        groups[-1].append(node)
    boxes = []
    for i, group in enumerate(groups):
        relation = RELATION_BY_KEY[group[0].relation]
        label = relation.incoming if incoming else relation.outgoing
        boxes.append(f'<div class="sddc-nhom sddc-nhom--{relation.key.replace("_", "-")}">'
                     f'<p class="sddc-nhom-ten">{html_text(label)} ({len(group)})</p>'
                     f'{_tree_html(group, more if i == len(groups) - 1 else 0, from_src)}</div>')
    return '<div class="sddc-nhom-luoi">' + "".join(boxes) + "</div>"


def diagram_html(record: Record, relations: Relations, ambiguous: dict[str, Ambiguous]) -> str:
    """The diagram's HTML: a figure with class so-do-dan-chieu."""
    src = record.src_uri
    cited, cited_more, citing, citing_more = citation_tree(record, relations, ambiguous)
    return _figure("so-do-dan-chieu", "Sơ đồ dẫn chiếu", src, _record_node(record, CENTRE),
                   _side_html("dan-chieu", "Văn bản này dẫn chiếu", cited, cited_more,
                              "Không dẫn chiếu văn bản nào.", src, incoming=False),
                   _side_html("duoc-dan-chieu", "Được dẫn chiếu bởi", citing, citing_more,
                              "Chưa có văn bản nào trong kho dẫn chiếu.", src, incoming=True),
                   f"Mỗi bên hiện tối đa {MAX_NODES} văn bản mỗi cấp. Ô viền đứt: văn bản chưa có "
                   "trong kho hoặc chưa xác định được.")


def _figure(classes: str, label: str, src: str, centre: Node, above: str, below: str, caption: str) -> str:
    """The diagram's frame: what is cited above, the centre, what cites it below; caption is escaped HTML."""
    return "".join([f'<figure class="{classes}" aria-label="{html_text(label)}">', '<div class="sddc-luoi">', above,
                    f'<div class="sddc-giua">{_node_html(centre, src)}</div>', below, "</div>",
                    f"<figcaption>{caption}</figcaption>", "</figure>"])


# ---- whole body: which bodies an agency's documents cite, and which cite it ----

@dataclass
class AgencyLinks:
    cites: dict[str, int] = field(default_factory=dict)      # cited agency_key -> citations
    cited_by: dict[str, int] = field(default_factory=dict)   # citing agency_key -> citations
    missing: int = 0                                         # citations of documents not held


def agency_citations(relations: Relations, by_src: dict[str, Record]) -> dict[str, AgencyLinks]:
    """agency_key -> its links to other bodies, in one pass over the resolved citations.
    A body citing its own documents is left out."""
    result: dict[str, AgencyLinks] = {}
    for src, links in relations.outgoing.items():
        citing_key = by_src[src].agency_key or ""
        citing = result.setdefault(citing_key, AgencyLinks())
        for link in links:
            citing.missing += link.status == MISSING
            cited_key = link.target.agency_key or "" if link.status == RESOLVED else citing_key
            if cited_key != citing_key:
                citing.cites[cited_key] = citing.cites.get(cited_key, 0) + 1
                cited_by = result.setdefault(cited_key, AgencyLinks()).cited_by
                cited_by[citing_key] = cited_by.get(citing_key, 0) + 1
    return result


def _agency_nodes(counts: dict[str, int], agencies: dict[str, Agency], page: str) -> tuple[list[Node], int]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], agencies[kv[0]].name if kv[0] in agencies else kv[0]))
    shown, more = _capped(ranked, MAX_NODES)
    return [Node(agencies[key].name, "", f"{count} lần dẫn chiếu", HELD, urls.agency_page(agencies[key].slug))
            for key, count in shown if key in agencies], more


def agency_diagram_html(agency: Agency, links: AgencyLinks | None, agencies: dict[str, Agency]) -> str:
    """The bodies whose documents this body's documents cite, and those citing them (one level)."""
    src = urls.agency_page(agency.slug)
    links = links or AgencyLinks()
    cited, cited_more = _agency_nodes(links.cites, agencies, src)
    citing, citing_more = _agency_nodes(links.cited_by, agencies, src)
    missing = links.missing
    centre = Node(agency.name, "", f"{len(agency.records)} văn bản", CENTRE)
    note = f"Ngoài ra có {missing} lần dẫn chiếu văn bản chưa có trong kho." if missing else ""
    return _figure("so-do-dan-chieu so-do-dan-chieu--co-quan", "Sơ đồ dẫn chiếu giữa các cơ quan", src, centre,
                   _side_html("dan-chieu", "Văn bản của cơ quan này dẫn chiếu văn bản của", cited, cited_more,
                              "Không dẫn chiếu văn bản của cơ quan khác trong kho.", src),
                   _side_html("duoc-dan-chieu", "Được văn bản của các cơ quan này dẫn chiếu", citing, citing_more,
                              "Chưa có cơ quan khác trong kho dẫn chiếu.", src),
                   f"Mỗi bên hiện tối đa {MAX_NODES} cơ quan, nhiều lần dẫn chiếu nhất trước. {html_text(note)}".rstrip())
