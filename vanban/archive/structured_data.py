"""schema.org Legislation JSON-LD for a document page, safe to print inside HTML.

Search engines and re-users read the directive's number, date, type, issuer and
jurisdiction, the documents it cites, what it repeals, amends and is based on, its
legal force and its original file, without scraping the page. Only resolved citations
are named: a citation the archive cannot pin down is not asserted to the world; nor is
a status of legal force the archive does not know (legislationLegalForce is left out). `<`, `>` and `&` are written as \\u003c, \\u003e and
\\u0026, so no value (a title holding "</script>") can end the script element.
"""
from __future__ import annotations

import json

from ..agencies import level_of
from ..relation_types import BAI_BO, CAN_CU, HUONG_DAN, SUA_DOI, THAY_THE, THUC_HIEN
from . import urls
from .catalog import Record
from .originals import Original
from .relations import RESOLVED, Link
from .status import ForceStatus

COUNTRY = "Việt Nam"
# schema.org properties naming the resolved documents this one acts on, by relation type.
_ACTS_ON = (("legislationRepeals", (THAY_THE, BAI_BO)), ("legislationAmends", (SUA_DOI,)),
            ("isBasedOn", (CAN_CU, THUC_HIEN, HUONG_DAN)))
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _address(record: Record, from_src: str, site_url: str | None) -> str:
    """Absolute when the public address is known (KHO_SITE_URL), else relative to the page."""
    if site_url:
        return site_url.rstrip("/") + "/" + urls.site_url(record.src_uri).removeprefix("./")
    return urls.href(from_src, record.src_uri)


def _file_address(original: Original, from_src: str, site_url: str | None) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + original.address
    return urls.href_between(urls.page_dir(from_src), original.address)


def _named(record: Record, from_src: str, site_url: str | None) -> dict:
    return _without_empty({"@type": "Legislation", "legislationIdentifier": record.so_ky_hieu,
                           "name": record.title, "url": _address(record, from_src, site_url)})


def _acts_on(links: list[Link], src: str, site_url: str | None) -> dict:
    """legislationRepeals / legislationAmends / isBasedOn: the resolved documents of those relations."""
    found = {}
    for prop, kinds in _ACTS_ON:
        targets = {link.target.src_uri: link.target for link in links if link.status == RESOLVED and link.quan_he in kinds}
        found[prop] = [_named(target, src, site_url) for target in targets.values()]
    return found


def _force(force: ForceStatus | None) -> dict:
    if force is None or force.status.legal_force is None:
        return {}
    return _without_empty({
        # An enumeration member written as its URL, as schema.org's examples write "https://schema.org/InStock".
        "legislationLegalForce": f"https://schema.org/{force.status.legal_force}",
        "legislationDateOfApplicability": force.since.isoformat() if force.since else None,
        "expires": force.until.isoformat() if force.until else None})


def _encodings(originals: list[Original], src: str, site_url: str | None) -> list[dict]:
    return [{"@type": "LegislationObject", "name": original.name, "encodingFormat": original.media_type,
             "contentUrl": _file_address(original, src, site_url), "contentSize": f"{original.size} B",
             "sha256": original.sha256} for original in originals]


def _jurisdiction(record: Record) -> dict:
    if record.province and (not record.co_quan or level_of(record.co_quan) != "Trung ương"):
        return {"@type": "AdministrativeArea", "name": record.province, "containedInPlace": {"@type": "Country", "name": COUNTRY}}
    return {"@type": "Country", "name": COUNTRY}


def _without_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def legislation(record: Record, links: list[Link], site_url: str | None = None, force: ForceStatus | None = None,
                originals: list[Original] = ()) -> dict:
    """The JSON-LD object of one document."""
    src = record.src_uri
    cited, seen = [], set()
    for link in links:
        if link.status == RESOLVED and link.target.src_uri not in seen:
            seen.add(link.target.src_uri)
            cited.append(_named(link.target, src, site_url))
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
        **_acts_on(links, src, site_url),
        **_force(force),
        "encoding": _encodings(originals, src, site_url),
    })


def json_ld_script(record: Record, links: list[Link], site_url: str | None = None, force: ForceStatus | None = None,
                   originals: list[Original] = ()) -> str:
    """The <script type="application/ld+json"> element (data, never executed: CSP-safe)."""
    text = json.dumps(legislation(record, links, site_url, force, originals), ensure_ascii=False,
                      indent=None).translate(_HTML_SAFE)
    return f'<script type="application/ld+json">{text}</script>'
