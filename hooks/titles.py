"""MkDocs adapter: escape front-matter titles.

MkDocs 1.6.1 and Material 9.8.1 print page.meta.title and page.title into
<title>, the header and the nav without escaping, so a scraped title such as
`<img src=x onerror=...>` would run. Escape it once, before any template sees it.
The raw value stays in page.meta["title_raw"] for hooks that escape themselves.
"""
from __future__ import annotations

import html


def on_page_markdown(markdown, page, config, files):
    for key in ("title", "description"):
        value = page.meta.get(key)
        if value is not None:
            page.meta[f"{key}_raw"] = value
            page.meta[key] = html.escape(" ".join(str(value).split()), quote=True)
    return markdown
