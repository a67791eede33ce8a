"""schema.org Legislation JSON-LD for a document page, safe to print inside HTML.

Search engines and re-users read the directive's number, date, type, issuer and
jurisdiction, and the documents it cites, without scraping the page. Only
resolved citations are named: a citation the archive cannot pin down is not
asserted to the world. `<`, `>` and `&` are written as \\u003c, \\u003e and
\\u0026, so no value (a title holding "</script>") can end the script element.
"""
from __future__ import annotations

import json

from ..agencies import level_of
from . import urls
from .catalog import Record
from .relations import RESOLVED, Link

COUNTRY = "Việt Nam"
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _address(record: Record, from_src: str, site_url: str | None) -> str:
    """Absolute when the public address is known (KHO_SITE_URL), else relative to the page."""
    if site_url:
        return site_url.rstrip("/") + "/" + urls.site_url(record.src_uri).removeprefix("./")
    return urls.href(from_src, record.src_uri)


def _jurisdiction(record: Record) -> dict:
    if record.province and (not record.co_quan or level_of(record.co_quan) != "Trung ương"):
        return {"@type": "AdministrativeArea", "name": record.province, "containedInPlace": {"@type": "Country", "name": COUNTRY}}
    return {"@type": "Country", "name": COUNTRY}


def _without_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def legislation(record: Record, links: list[Link], site_url: str | None = None) -> dict:
    """The JSON-LD object of one document."""
    src = record.src_uri
    cited, seen = [], set()
    for link in links:
        if link.status == RESOLVED and link.target.src_uri not in seen:
            seen.add(link.target.src_uri)
            cited.append(_without_empty({
                "@type": "Legislation", "legislationIdentifier": link.target.so_ky_hieu,
                "name": link.target.title, "url": _address(link.target, src, site_url)}))
    return _without_empty({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "legislationIdentifier": record.so_ky_hieu,
        "name": record.title,
        "abstract": record.get("trich_yeu"),
        "legislationDate": record.date.isoformat() if record.date else None,
        "legislationType": record.loai_van_ban,
        "legislationPassedBy": {"@type": "Organization", "name": record.co_quan} if record.co_quan else None,
        "legislationJurisdiction": _jurisdiction(record),
        "inLanguage": "vi",
        "url": _address(record, src, site_url) if site_url else None,
        "citation": cited,
    })


def json_ld_script(record: Record, links: list[Link], site_url: str | None = None) -> str:
    """The <script type="application/ld+json"> element (data, never executed: CSP-safe)."""
    text = json.dumps(legislation(record, links, site_url), ensure_ascii=False, indent=None).translate(_HTML_SAFE)
    return f'<script type="application/ld+json">{text}</script>'
