"""MkDocs hook: build the Pagefind search index into site_dir (issue 4).

Collects each document page (pages under van-ban/ with a loai_van_ban) as
it is rendered, then after the build indexes one record per document
(vanban/search_record.py) through Pagefind's Python API, and finishes the
bundle (vanban/pagefind_bundle.py): page k is the k-th newest document. Nav, index pages and the
published HTML are never indexed. `mkdocs build` alone gives a searchable
site; `mkdocs serve` re-indexes on every rebuild. No network is used.
"""
from __future__ import annotations

import asyncio
import logging
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `mkdocs` may run without the repo on sys.path
from vanban.pagefind_bundle import BundleError, finish, record_path
from vanban.search_record import SearchDoc, build_records
from vanban.search_text import html_text

log = logging.getLogger("mkdocs.hooks.search_index")
DOCUMENTS_DIR = "van-ban/"
BUNDLE_DIR = "pagefind"
# The metadata panel and the relations list are site-made (hooks/document_page.py):
# the record indexes the metadata on its own, and a citation is not the document's text.
NOT_BODY = ("kho-meta", "kho-relations")
_docs: list[SearchDoc] = []


def is_document(page) -> bool:
    meta = page.meta or {}
    return page.file.src_uri.startswith(DOCUMENTS_DIR) and bool(meta.get("loai_van_ban"))


def on_config(config, **kwargs):
    _docs.clear()  # `mkdocs serve` reuses this module for every rebuild


def on_post_page(output: str, page, config, **kwargs) -> str:
    if is_document(page):
        _docs.append(SearchDoc(url=page.url, meta=dict(page.meta), text=html_text(page.content or "", NOT_BODY)))
    return output


async def _index(records_dir: Path, bundle: Path) -> None:
    from pagefind.index import PagefindIndex  # the wheel's binary, started as a local subprocess
    config = {"force_language": "vi", "output_path": str(bundle)}
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(records_dir))


def write_index(site_dir: Path, docs: list[SearchDoc]) -> dict:
    """Index `docs` into site_dir/pagefind, replacing any previous bundle."""
    bundle = Path(site_dir).resolve() / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    records = build_records(docs)
    if not records:
        return {"pages": 0}
    with tempfile.TemporaryDirectory(prefix="kho-search-") as tmp:
        for number, record in enumerate(records):
            path = Path(tmp) / record_path(number)
            path.parent.mkdir(exist_ok=True)
            path.write_text(record.html, encoding="utf-8")
        # A thread of its own: the caller may already run an event loop (Playwright's
        # sync API in the tests does), and asyncio.run() refuses to nest.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _index(Path(tmp), bundle)).result()
    return finish(bundle, records)


def on_post_build(config, **kwargs) -> None:
    started = time.perf_counter()
    try:
        figures = write_index(Path(config["site_dir"]), list(_docs))
    except (OSError, BundleError, AssertionError, RuntimeError) as error:
        log.warning("Không lập được chỉ mục tìm kiếm (Pagefind): %s. Trang web vẫn dùng được, "
                    "nhưng ô tìm kiếm sẽ không có kết quả.", error)
        return
    log.info("Pagefind: đã lập chỉ mục %s văn bản trong %.1f s", figures["pages"],
             time.perf_counter() - started)
