"""MkDocs adapter: a document page = metadata panel, body, then its relations and diagram,
plus its schema.org JSON-LD (page.meta["kho_json_ld"], printed by overrides/main.html).

The archive writes its long lists and the metadata panel as pre-rendered HTML
inside a comment that Python-Markdown copies through untouched
(vanban.archive.render.html_block); on_page_content unwraps it on every page.
"""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban.archive import site  # noqa: E402
from vanban.archive.render import unwrap_html  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    archive = site.current()
    rendered = archive.document_markdown(page.file.src_uri, markdown) if archive else None
    if rendered is not None:  # overrides/main.html prints it in <head>; escaped for HTML already
        page.meta["kho_json_ld"] = archive.json_ld(page.file.src_uri, config.site_url)
    return markdown if rendered is None else rendered


def on_page_content(html, page, config, files):
    # MkDocs keeps every page's Markdown until the build ends, though nothing reads
    # it after rendering ("" rather than None: Page.title treats None as unread).
    page.markdown = ""
    return unwrap_html(html)
