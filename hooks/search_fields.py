"""MkDocs hook: mark document pages for Pagefind (issue 4).

Only pages under van-ban/ with front matter get `data-pagefind-body`, so once
any page has it Pagefind indexes documents alone: no nav, header, footer or
index pages. Each document also gets hidden metadata, filters, a date sort key
and the folded copy from vanban.search_text (invisible, but indexed).
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `mkdocs` may run without the repo on sys.path
from vanban.search_text import SENTINEL, canonical_tones, escape, html_text, iso_date, search_copy
from vanban.symbols import normalize_symbol
from vanban.text import nfc

log = logging.getLogger("mkdocs.hooks.search_fields")
_ARTICLE_RE = re.compile(r'<article\b[^>]*\bmd-content__inner\b[^>]*>')
DOCUMENTS_DIR = "van-ban/"
UNDATED = "0000-00-00"
UNKNOWN_ISSUER = "Không rõ cơ quan"
UNKNOWN_YEAR = "Không rõ năm"


def is_document(page) -> bool:
    meta = page.meta or {}
    return page.file.src_uri.startswith(DOCUMENTS_DIR) and bool(meta.get("loai_van_ban"))


def _fields(meta: dict) -> tuple[dict, dict]:
    """(meta, filters) for Pagefind; values are NFC strings, empty ones dropped."""
    date = iso_date(meta.get("ngay_ban_hanh"))
    issuer = canonical_tones(str(meta.get("co_quan_ban_hanh") or ""))
    symbol = meta.get("so_ky_hieu")
    shown = {
        "title": meta.get("title"),
        "so_ky_hieu": normalize_symbol(symbol) or symbol,
        "loai": meta.get("loai_van_ban"),
        "ngay": date,
        "co_quan": issuer,
        "trich_yeu": meta.get("trich_yeu"),
    }
    filters = {
        "co_quan_ban_hanh": issuer or UNKNOWN_ISSUER,  # every page needs a value per filter
        "loai_van_ban": canonical_tones(str(meta.get("loai_van_ban") or "")),
        "nam": date[:4] if date else UNKNOWN_YEAR,
    }
    drop_empty = lambda d: {k: nfc(str(v)) for k, v in d.items() if v}  # noqa: E731
    return drop_empty(shown), drop_empty(filters)


def search_block(meta: dict, body_html: str) -> str:
    """Hidden HTML appended inside the document's <article>."""
    shown, filters = _fields(meta)
    spans = [f'<span data-pagefind-meta="{k}">{escape(v)}</span>' for k, v in shown.items()]
    spans += [f'<span data-pagefind-filter="{k}">{escape(v)}</span>' for k, v in filters.items()]
    copy = search_copy(meta, html_text(body_html))
    return (
        '<div class="kho-search-fields" hidden aria-hidden="true" data-pagefind-ignore>'
        + "".join(spans) + "</div>"
        '<div class="kho-search-copy" hidden aria-hidden="true">'
        f'<p data-pagefind-weight="10">{SENTINEL} {escape(copy.symbols)}</p>'
        f'<p data-pagefind-weight="10">{escape(copy.signer)}</p>'
        f'<p data-pagefind-weight="3">{escape(copy.metadata)}</p>'
        f'<p>{escape(copy.body)}</p></div>'
    )


def on_post_page(output: str, page, config, **kwargs) -> str:
    if not is_document(page):
        return output
    article = _ARTICLE_RE.search(output)
    end = output.rfind("</article>")
    if not article or end < article.end():
        log.warning("search_fields: no <article> in %s; it will not be searchable", page.file.src_uri)
        return output
    # Pagefind drops pages without the key from sorted results: undated ones sort last.
    date = iso_date(page.meta.get("ngay_ban_hanh")) or UNDATED
    attrs = f' data-pagefind-body data-pagefind-sort="ngay:{date}"'
    opening = article.group(0)[:-1] + attrs + ">"
    return nfc(output[:article.start()] + opening + output[article.end():end]
               + search_block(page.meta, page.content or "") + output[end:])
