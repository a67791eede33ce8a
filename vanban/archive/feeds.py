"""Atom feeds of the newest documents: the whole archive, each issuing body and each type.

Each feed sits beside the page it follows (urls.feed_of): feed.xml, co-quan/<body>/feed.xml,
loai/<type>/feed.xml, and holds at most FEED_SIZE entries, so a feed's size does not grow
with the archive. Written with the standard library's ElementTree (it escapes text and
attributes); characters XML cannot hold at all are dropped.

Addresses: with the site's public address (KHO_SITE_URL -> site_url) links and ids are
absolute. Without it, links are relative to the feed file (feed readers resolve them
against the feed's own URL, so this works at the root and under a sub-path) and ids are
`urn:kho-van-ban:<path>`; set KHO_SITE_URL for a production build so ids stay the same
wherever the feed is read.

Readable in a browser: each feed names an XSLT stylesheet, a file of the site (FEED_STYLESHEET,
`<?xml-stylesheet?>`), which a browser that still runs XSLT uses to show the feed as a page
that says what a feed is and lists its entries; the stylesheet takes its CSS from beside itself,
so the page needs no inline style (CSP). Feed readers ignore it and read the same Atom. Served as
text/xml or application/xml (what servers send for .xml); a browser shows application/atom+xml as text.

Material asks for a sitemap.xml beside every <link rel="alternate"> of a page, so an empty one
is written beside each feed that is not at the root (write_feeds): no request of a followed page
fails. A browser turning a feed into a page may ask the host for /favicon.ico before it sees the
page's icon link, so the site's icon is also written at the root as favicon.ico (site_icon): no
request of a feed page fails either when the site is hosted at the root of its host.

Dates: an entry is dated by ngay_ban_hanh (00:00 Vietnam time), else by ngay_dang; a
document with neither, and a feed with no dated entry, carry the build's SOURCE_DATE_EPOCH
(the Unix epoch when unset). No wall-clock time is read, so two builds are byte-identical.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .catalog import Record
from .indexes import UNKNOWN_AGENCY, newest_first, types
from .render import fmt_date, html_block
from . import urls

FEED_SIZE = 50
FEED_STYLESHEET = "assets/feed/atom-to-html.xml"   # XSLT (an .xml name: every server sends an XML type)
EMPTY_SITEMAP = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"   # dc:identifier carries the số ký hiệu
VIETNAM = dt.timezone(dt.timedelta(hours=7))
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ET.register_namespace("", ATOM)
ET.register_namespace("dc", DC)


@dataclass(frozen=True)
class Feed:
    page_src: str      # the page the feed follows (its autodiscovery link sits there)
    title: str
    records: list      # newest first, at most FEED_SIZE

    @property
    def path(self) -> str:
        return urls.feed_of(self.page_src)


def feeds(archive, site_name: str) -> dict[str, Feed]:
    """Every feed of the archive by the page it follows: home, then each body, then each type."""
    result = [Feed(urls.HOME, f"{site_name}: văn bản mới nhất", newest_first(archive.catalog.records)[:FEED_SIZE])]
    result += [Feed(urls.agency_page(agency.slug), f"{site_name}: {agency.name}", agency.records[:FEED_SIZE])
               for agency in archive.agencies]
    result += [Feed(urls.type_page(name), f"{site_name}: {name}", docs[:FEED_SIZE])
               for name, docs in types(archive.catalog.records).items()]
    return {feed.page_src: feed for feed in result}


def build_epoch() -> dt.datetime:
    seconds = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(seconds) if seconds.isdigit() else 0, dt.timezone.utc)


def _clean(value) -> str:
    return _NOT_XML.sub("", " ".join(str(value).split()))


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def entry_time(record: Record, fallback: dt.datetime) -> dt.datetime:
    if record.date:
        return dt.datetime.combine(record.date, dt.time(), VIETNAM)
    try:
        posted = dt.datetime.fromisoformat(str(record.meta.get("ngay_dang") or ""))
    except ValueError:
        return fallback
    return posted if posted.tzinfo else posted.replace(tzinfo=VIETNAM)


class _Addresses:
    """Links and ids of one feed, absolute when the site's address is known."""

    def __init__(self, feed_path: str, site_url: str | None):
        self.feed_path, self.base = feed_path, (site_url.rstrip("/") + "/" if site_url else None)

    def link(self, site_path: str) -> str:
        return self.base + site_path if self.base else urls.href_between(self.feed_path, site_path)

    def id(self, site_path: str) -> str:
        return self.base + site_path if self.base else f"urn:kho-van-ban:{site_path or '/'}"


def summary(record: Record) -> str:
    """"Số 154-CV/TU · Tỉnh ủy Hà Nam · 28/04/2021. V/v ...": the facts a reader scans first."""
    facts = [f"Số {record.so_ky_hieu}" if record.so_ky_hieu else "Không số", record.co_quan or UNKNOWN_AGENCY,
             fmt_date(record.date) if record.date else "chưa rõ ngày"]
    subject = record.get("trich_yeu")
    return " · ".join(facts) + (f". {subject}" if subject else "")


def feed_xml(feed: Feed, site_url: str | None, site_name: str) -> bytes:
    fallback = build_epoch()
    where = _Addresses(feed.path, site_url)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _text(root, "title", feed.title)
    _text(root, "id", where.id(feed.path))
    times = [entry_time(r, fallback) for r in feed.records]
    _text(root, "updated", _stamp(max(times, default=fallback)))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=where.link(feed.path))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=where.link(urls.page_dir(feed.page_src)))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    for record, moment in zip(feed.records, times):
        _entry(root, record, moment, where)
    ET.indent(root)
    stylesheet = html.escape(urls.href_between(feed.path, FEED_STYLESHEET), quote=True)
    return (b'<?xml version="1.0" encoding="utf-8"?>\n'
            + f'<?xml-stylesheet type="text/xsl" href="{stylesheet}"?>\n'.encode("utf-8")
            + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n")


def _entry(root, record: Record, moment: dt.datetime, where: _Addresses) -> None:
    entry = ET.SubElement(root, f"{{{ATOM}}}entry")
    address = urls.page_dir(record.src_uri)
    _text(entry, "title", record.title)
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=where.link(address))
    _text(entry, "id", where.id(address))
    if record.date:
        _text(entry, "published", _stamp(moment))
    _text(entry, "updated", _stamp(moment))
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", record.co_quan or UNKNOWN_AGENCY)
    if record.loai_van_ban:
        ET.SubElement(entry, f"{{{ATOM}}}category", term=_clean(record.loai_van_ban))
    if record.so_ky_hieu:
        ET.SubElement(entry, f"{{{DC}}}identifier").text = _clean(record.so_ky_hieu)
    _text(entry, "summary", summary(record), type="text")


def _text(parent, name: str, value, **attrs) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs).text = _clean(value)


def subscribe_link(feed: Feed) -> str:
    """The visible link to a page's feed (pre-rendered; the page's <head> carries the autodiscovery link)."""
    href = html.escape(urls.href_between(urls.page_dir(feed.page_src), feed.path))
    return html_block(f'<p class="kho-feed"><a href="{href}" type="application/atom+xml">'
                      "Theo dõi văn bản mới (Atom)</a></p>")


def write_feeds(site_dir: Path, all_feeds, site_url: str | None, site_name: str) -> None:
    for feed in all_feeds:
        target = Path(site_dir) / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feed_xml(feed, site_url, site_name))
        sitemap = target.parent / "sitemap.xml"
        if not sitemap.exists():   # the root one is MkDocs's
            sitemap.write_bytes(EMPTY_SITEMAP)
    icon, root_icon = Path(site_dir) / SITE_ICON, Path(site_dir) / "favicon.ico"
    if icon.is_file() and not root_icon.exists():
        root_icon.write_bytes(site_icon(icon.read_bytes()))


SITE_ICON = "assets/images/favicon.png"   # the theme's icon, which every page links


def site_icon(png: bytes) -> bytes:
    """An .ico file holding the PNG as it is (an ICO entry may be a whole PNG; its size from the PNG header)."""
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    entry = bytes([width % 256, height % 256, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
    return (b"\0\0" + (1).to_bytes(2, "little") + (1).to_bytes(2, "little")
            + entry + len(png).to_bytes(4, "little") + (22).to_bytes(4, "little") + png)
