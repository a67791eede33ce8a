"""MkDocs adapter: Atom feeds and open-data files for re-users (issue 10).

on_files       (after archive.py) list the feeds: home, each body, each type
on_page_markdown  a followed page gets its feed in page.meta["kho_feed"] (overrides/main.html
               prints the autodiscovery <link>) and a visible "Theo dõi" link
on_post_build  write the feeds (vanban/archive/feeds.py) and the open-data files
               (vanban/archive/open_data.py) straight to site_dir
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban import office  # noqa: E402
from vanban.archive import site  # noqa: E402
from vanban.archive.feeds import feeds, subscribe_link, write_feeds  # noqa: E402
from vanban.archive.open_data import write_open_data  # noqa: E402

log = logging.getLogger("mkdocs.hooks.feeds_data")

_build: dict = {}   # "feeds": src_uri of the followed page -> Feed, for the running build


def on_files(files, config):
    archive = site.current()
    _build["feeds"] = feeds(archive, config.site_name) if archive else {}
    return files


def on_page_markdown(markdown, page, config, files):
    feed = _build.get("feeds", {}).get(page.file.src_uri)
    if feed is None:
        return markdown
    page.meta["kho_feed"] = {"href": feed.path, "title": feed.title}
    return subscribe_link(feed) + "\n" + markdown


def on_post_build(config, **kwargs):
    archive = site.current()
    if archive is None:
        return
    started = time.perf_counter()
    site_dir, site_url = Path(config["site_dir"]), config.get("site_url")
    write_feeds(site_dir, _build.get("feeds", {}).values(), site_url, config.site_name)
    counts = write_open_data(site_dir, archive, site_url, office.licence(config.extra))
    log.info("Feeds và dữ liệu mở: %s feed, %s văn bản, %s trích dẫn trong %.1f s", len(_build.get("feeds", {})),
             counts["documents"], counts["citations"], time.perf_counter() - started)
