"""Feeds on the built sample archive: every followed page advertises a feed that parses and links to real pages."""
from __future__ import annotations

import posixpath
import re

import feedparser
import pytest

from _site import read
from vanban.archive import urls


def autodiscovery(html: str) -> list[str]:
    return re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', html)


@pytest.mark.parametrize("page_src, feed", [
    (urls.HOME, "feed.xml"),
    ("co-quan/tinh-uy-ha-nam.md", "co-quan/tinh-uy-ha-nam/feed.xml"),
    ("loai/cong-van.md", "loai/cong-van/feed.xml"),
])
def test_followed_pages_advertise_a_valid_feed(built_site, page_src, feed):
    html = read(built_site, page_src)
    assert autodiscovery(html) == ["feed.xml"]
    assert 'class="kho-feed"><a href="feed.xml"' in html    # visible too: browsers no longer show the <link>
    result = feedparser.parse((built_site / feed).read_bytes())
    assert not result.bozo and result.entries
    for entry in result.entries:   # every entry link reaches a built page, relative to the feed
        target = posixpath.normpath(posixpath.join(posixpath.dirname(feed), entry.link))
        assert (built_site / target / "index.html").is_file(), entry.link


def test_home_feed_lists_the_newest_documents(built_site):
    entries = feedparser.parse((built_site / "feed.xml").read_bytes()).entries
    dated = [e.updated for e in entries if "published" in e]
    assert dated == sorted(dated, reverse=True)
    assert any("154-CV/TU" in e.summary and e.author == "Tỉnh ủy Hà Nam" for e in entries)


def test_document_pages_advertise_no_feed(built_site):
    assert autodiscovery(read(built_site, "van-ban/2021/cong-van-154-cv-tu.md")) == []


@pytest.mark.parametrize("feed", ["feed.xml", "co-quan/tinh-uy-ha-nam/feed.xml", "loai/cong-van/feed.xml"])
def test_a_feed_names_its_stylesheet_a_file_of_the_site(built_site, feed):
    """Opened in a browser the feed is a page (tests/browser/test_reader_pages.py); readers get the same Atom."""
    head = (built_site / feed).read_text(encoding="utf-8").splitlines()[:2]
    href = re.fullmatch(r'<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>', head[1])[1]
    stylesheet = built_site / posixpath.normpath(posixpath.join(posixpath.dirname(feed), href))
    assert stylesheet == built_site / "assets/feed/atom-to-html.xml" and stylesheet.is_file()
    assert (stylesheet.parent / "feed.css").is_file()
    assert "style=" not in stylesheet.read_text(encoding="utf-8") and "<script" not in stylesheet.read_text(encoding="utf-8")


def test_the_host_root_has_the_site_icon_a_feed_page_asks_for(built_site):
    """Chromium asks for /favicon.ico while it turns a feed into a page: a 404 in the console of the feed page."""
    from PIL import Image
    png = (built_site / "assets/images/favicon.png").read_bytes()
    icon = (built_site / "favicon.ico").read_bytes()
    assert icon.endswith(png) and icon[:4] == b"\0\0\1\0"
    with Image.open(built_site / "favicon.ico") as image:
        assert image.format == "ICO" and image.size == Image.open(built_site / "assets/images/favicon.png").size


def test_material_finds_a_sitemap_beside_every_feed(built_site):
    """Material fetches sitemap.xml beside each <link rel="alternate">: none may answer 404."""
    feeds = sorted(built_site.rglob("feed.xml"))
    assert len(feeds) > 3
    assert [f for f in feeds if not (f.parent / "sitemap.xml").is_file()] == []
    assert "<url>" not in (built_site / "co-quan/tinh-uy-ha-nam/sitemap.xml").read_text(encoding="utf-8")
