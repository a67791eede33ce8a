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
