"""MkDocs adapter: a document page = metadata panel, body, then its relations and diagram,
plus its schema.org JSON-LD (page.meta["kho_json_ld"], printed by overrides/main.html).

MkDocs renders every page's Markdown before it writes any, and keeps all that HTML:
the diagram and the JSON-LD are therefore made only when the page is written
(on_page_context, on_post_page), so memory does not hold them for every page at once.

Only the body goes through Python-Markdown (its citations marked, on_page_markdown).
On a document page (any page under van-ban/, valid or not) the rendered body goes
through vanban.sanitize.clean, on every other page what Markdown rendered goes through
vanban.sanitize.clean_page; then on_page_content puts the archive's own HTML
around it: the metadata panel, the citation links (vanban.archive.body_links) and
the relations, whose headings it adds to the page's table of contents. Index pages
carry their long lists as pre-rendered HTML inside a comment that Python-Markdown
copies through (vanban.archive.render.html_block); on_page_content unwraps it.
"""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from mkdocs.structure.toc import AnchorLink  # noqa: E402

from vanban.archive import site  # noqa: E402
from vanban import sanitize  # noqa: E402
from vanban.archive.body_links import unmarked  # noqa: E402
from vanban.archive.document_parts import RELATION_HEADINGS  # noqa: E402
from vanban.archive.render import unwrap_html  # noqa: E402
from vanban.archive.urls import is_document  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    archive = site.current()
    rendered = archive.document_markdown(page.file.src_uri, markdown) if archive else None
    return markdown if rendered is None else rendered


def on_page_context(context, page, config, nav):
    archive = site.current()
    json_ld = archive.json_ld(page.file.src_uri, config.site_url) if archive else None
    if json_ld:  # overrides/main.html prints it in <head>; escaped for HTML already
        page.meta["kho_json_ld"] = json_ld
    return context


def on_post_page(output, page, config):
    page.meta.pop("kho_json_ld", None)
    archive = site.current()
    return archive.with_diagram(page.file.src_uri, output) if archive else output


def on_page_content(html, page, config, files):
    # MkDocs keeps every page's Markdown until the build ends, though nothing reads
    # it after rendering ("" rather than None: Page.title treats None as unread).
    page.markdown = ""
    if not is_document(page.file.src_uri):   # index and hand-written pages: cleaned around their lists
        return unwrap_html(html, sanitize.clean_page)
    body = sanitize.clean(html)   # a document's Markdown is its body alone: no html_block to keep
    archive = site.current()
    content = archive.document_html(page.file.src_uri, body) if archive else None
    if content is None:
        return body
    _unmark(page.toc)  # a heading that cites a document holds the marks of its link
    page.toc.items += [AnchorLink(title, anchor, 2) for anchor, title in RELATION_HEADINGS]
    return content


def _unmark(toc) -> None:
    for item in toc:
        item.title = unmarked(item.title)
        _unmark(item.children)
