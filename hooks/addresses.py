"""MkDocs adapter: publish documents at their permanent address, redirect their old ones.

on_files (after archive.py, before validation.py): a document whose `slug` moves it gets
that address as its destination, so MkDocs' own links, the sitemap and the archive's
pre-rendered links (vanban.archive.urls) agree; old addresses that are live pages become
errors that validation.py reports. on_post_build: one small redirect page per old address.
The rules live in vanban/archive/addresses.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban.archive import site  # noqa: E402
from vanban.archive.addresses import check_live_pages, redirect_file, redirect_page  # noqa: E402

_INDEX = "index.html"


def on_files(files, config):
    archive = site.current()
    if archive is None:
        return files
    for src_uri, address in archive.addresses.moved.items():
        file = files.get_file_from_path(src_uri)
        if file is not None:
            for derived in ("url", "abs_dest_path"):  # cached from the old destination
                file.__dict__.pop(derived, None)
            file.dest_uri = address + _INDEX
    live = {f.dest_uri[: -len(_INDEX)]: f.src_uri for f in files
            if f.dest_uri == _INDEX or f.dest_uri.endswith("/" + _INDEX)}
    check_live_pages(archive.addresses, archive.by_src, live)
    return files


def on_post_build(config, **kwargs):
    archive = site.current()
    if archive is None:
        return
    site_dir = Path(config["site_dir"])
    for redirect in archive.addresses.redirects:
        target = site_dir / redirect_file(redirect)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(redirect, archive.by_src[redirect.src_uri].title, config.get("site_url")),
                          encoding="utf-8")
