"""Content files of a static-site CMS: JSON or YAML front matter, then an HTML or Markdown body.

Portals built on such a CMS keep a document's metadata in the front matter (so_hieu,
co_quan_ban_hanh, ngay_ban_hanh, hinh_thuc_van_ban …) beside a title and a short body.
The fields rank with a legal portal's own table (parsing/portal.py); the title is the
headline a news item opens with. A front matter's "date" is when the page was posted,
never the document's date.
"""
from __future__ import annotations

import json
import re

from ..text import collapse_spaces
from .layout import Layout

_FRONT_RE = re.compile(r"\A\ufeff?(?:---|\+\+\+)[ \t]*(?P<lang>json|yaml|toml)?[ \t]*\n(?P<body>.*?)\n(?:---|\+\+\+)[ \t]*(?:\n|\Z)",
                       re.DOTALL)
# Field names CMSs use -> the schema key they hold.
_FIELDS = {
    "so_ky_hieu": "so_ky_hieu", "so_hieu": "so_ky_hieu", "so_van_ban": "so_ky_hieu", "so": "so_ky_hieu",
    "number": "so_ky_hieu", "symbol": "so_ky_hieu",
    "loai_van_ban": "loai_van_ban", "hinh_thuc_van_ban": "loai_van_ban", "the_loai": "loai_van_ban",
    "doc_type": "loai_van_ban",
    "co_quan_ban_hanh": "co_quan_ban_hanh", "noi_ban_hanh": "co_quan_ban_hanh", "issuer": "co_quan_ban_hanh",
    "ngay_ban_hanh": "ngay_ban_hanh", "ngay_ky": "ngay_ban_hanh", "issued": "ngay_ban_hanh",
    "nguoi_ky": "nguoi_ky", "signer": "nguoi_ky",
    "trich_yeu": "trich_yeu",
}


def read_content_file(text: str) -> Layout:
    """A Markdown file, with its front matter's fields when it has one."""
    match = _FRONT_RE.match(text)
    if not match:
        return Layout(text)
    meta = _front_matter(match["body"], match["lang"])
    body = text[match.end():]
    if re.search(r"<(?:p|div|table|br|span|strong)\b", body, re.IGNORECASE):
        from .html import read_html_layout
        body = read_html_layout(f"<html><body>{body}</body></html>".encode("utf-8"), main_content=False).text
    title = collapse_spaces(str(meta.get("title") or ""))
    fields = {_FIELDS[k]: collapse_spaces(str(v)) for k, v in meta.items()
              if k in _FIELDS and isinstance(v, (str, int)) and str(v).strip()}
    lines = ([title, ""] if title else []) + [body]
    return Layout("\n".join(lines), fields=fields)


def _front_matter(text: str, lang: str | None) -> dict:
    try:
        if lang == "json" or text.lstrip().startswith("{"):
            data = json.loads(text)
        else:
            import yaml
            data = yaml.safe_load(text)
    except (ValueError, Exception):  # yaml.YAMLError and json errors: a broken header is no metadata
        return {}
    return data if isinstance(data, dict) else {}
