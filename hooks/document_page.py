"""MkDocs adapter: a document page = metadata panel, body, then its relations."""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban.archive import site  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    archive = site.current()
    rendered = archive.document_markdown(page.file.src_uri, markdown) if archive else None
    return markdown if rendered is None else rendered
