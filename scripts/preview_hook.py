"""MkDocs hook of scripts/preview.py only: related documents are read, not rendered; the edited
page carries a banner of its problems and reloads itself after each rebuild.

hooks/archive.py has already read every page in on_files (their metadata and
citations are what the edited page shows), so the related documents' own pages
are dropped before rendering: a document cited 300 times would otherwise
render 300 pages for one preview. Links to them are dead in the preview only.

The edited page (KHO_PREVIEW_PAGE) opens with every error and review flag of
its file (vanban/archive/preview_banner.py); the build writes preview-status.json,
which the page's reload script polls. A file the build could not render gets a
page with the banner alone.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from vanban.archive import preview_banner, site  # noqa: E402

ASSETS = Path(__file__).resolve().parent / "preview_assets"
_version = 0


def on_config(config):
    global _version
    _version = time.time_ns() // 1_000_000   # one per build: the banner's and the status file's
    return config


def on_files(files, config):
    stubs = set(filter(None, os.environ.get("KHO_PREVIEW_STUBS", "").split("\n")))
    for file in [f for f in files if f.src_uri in stubs]:
        files.remove(file)
    return files


def _edited() -> str:
    return os.environ.get("KHO_PREVIEW_PAGE", "")


def _state(config) -> dict:
    archive = site.current()
    problems = archive.catalog.problems.get(_edited(), []) if archive else []
    return preview_banner.status(f"{Path(config.docs_dir).name}/{_edited()}", problems, _version)


def on_post_page(output, page, config):
    if page.file.src_uri != _edited():
        return output
    return preview_banner.with_banner(output, _state(config), "../" * page.url.count("/"))


def on_post_build(config):
    state = _state(config)
    out = Path(config.site_dir)
    shutil.copytree(ASSETS, out / Path(preview_banner.SCRIPT).parent, dirs_exist_ok=True)
    page = out / _edited()[:-3] / "index.html"
    if _edited() and not page.exists():   # not rendered (not UTF-8, empty, too large): the banner alone
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(preview_banner.error_page(state, "../" * (_edited().count("/") + 1)), encoding="utf-8")
    partial = out / (preview_banner.STATUS_FILE + ".tmp")
    partial.write_text(preview_banner.dumps(state), encoding="utf-8")
    partial.replace(out / preview_banner.STATUS_FILE)   # the reload script never reads half a file
