"""Crawl the built site: every relative link and asset reference points at a file that exists."""
from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from _site import raw_links


def _target_exists(site, page_dir: str, url: str) -> bool:
    path = unquote(urlsplit(url).path)
    target = site / posixpath.normpath(posixpath.join(page_dir, path)) if path else site / page_dir
    return target.is_file() or (target / "index.html").is_file()


def test_no_broken_internal_links(built_site):
    broken, checked = [], 0
    for page in sorted(built_site.rglob("*.html")):
        page_dir = page.parent.relative_to(built_site).as_posix()
        for url in raw_links(page.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("/", "#", "data:")):
                continue
            checked += 1
            if not _target_exists(built_site, "" if page_dir == "." else page_dir, url):
                broken.append(f"{page.relative_to(built_site)} -> {url}")
    assert checked > 100 and broken == []


def test_no_absolute_site_links(built_site):
    """Root-relative links would break under a sub-path such as /kho-van-ban/.

    404.html is the exception: it is served at any depth, so MkDocs writes it with
    links from site_url (KHO_SITE_URL when deploying), "/" by default."""
    offenders = [(p.relative_to(built_site).as_posix(), url) for p in built_site.rglob("*.html") if p.name != "404.html"
                 for url in raw_links(p.read_text(encoding="utf-8")) if url.startswith("/") and not url.startswith("//")]
    assert offenders == []
