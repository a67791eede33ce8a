"""MkDocs hook: build the Pagefind search index into site_dir (issue 4).

Each document page (every page under van-ban/, with or without a type: the
search page's total is the home page's) becomes one record
(vanban/search/record.py) as it is rendered, with the numbers it cites as the
archive's resolver read them; the record goes straight to disk
(vanban.search.bundle.Spool), so the build never holds every document's text.
Each number cited but not held adds a record that finds its "chưa có trong kho" page. After the build Pagefind (the binary of the pagefind[bin]
wheel) indexes the records in batches, and the batches become one finished bundle
(vanban/search/bundle.py): page k is the k-th newest document. Nav, index
pages and the published HTML are never indexed. `mkdocs build` alone gives a
searchable site; `mkdocs serve` re-indexes on every rebuild. No network is used.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `mkdocs` may run without the repo on sys.path
from vanban.archive import site, urls
from vanban.archive.urls import is_document as is_document_page
from mkdocs.exceptions import PluginError
from vanban.search.bundle import SUPPORTED_VERSION, BundleError, Merger, Spool
from vanban.search.record import MissingDoc, SearchDoc, missing_record_of, record_of
from vanban.archive.render import SITE_MADE
from vanban.search.text import html_text

log = logging.getLogger("mkdocs.hooks.search_index")
BUNDLE_DIR = "pagefind"
# The breadcrumb, title, summary line, metadata panel and relations are site-made
# (vanban/archive/render.py): the record indexes the metadata on its own, and a citation
# is not the document's text.
NOT_BODY = SITE_MADE
_build: dict = {}  # "tmp": TemporaryDirectory, "spool": Spool of the running build


def is_document(page) -> bool:
    """A document page (the archive's own rule); one without a type is found as "Chưa rõ loại"."""
    return is_document_page(page.file.src_uri)


def cited_numbers(src_uri: str) -> tuple[str, ...]:
    """The numbers a document cites, as the archive resolved its citations (a short
    "Chỉ thị số 16 của Thủ tướng" counts as 16/CT-TTg once the resolver tied it)."""
    archive = site.current()
    links = archive.relations.outgoing.get(src_uri, []) if archive else []
    return tuple(dict.fromkeys(link.citation.so_ky_hieu for link in links if link.citation.so_ky_hieu))


def missing_docs() -> list[MissingDoc]:
    """The numbers the archive cites but does not hold, most cited first."""
    archive = site.current()
    if archive is None:
        return []
    return [MissingDoc(url=urls.site_url(urls.missing_page(m.slug)), province=m.province,
                       so_ky_hieu=m.citation.so_ky_hieu, loai_van_ban=m.citation.loai_van_ban,
                       co_quan=m.citation.co_quan, cited_by=len(m.cited_by))
            for m in archive.relations.missing]


def _new_spool() -> Spool:
    """A fresh spool in a new temp dir; the previous build's (`mkdocs serve`) is removed."""
    if "tmp" in _build:
        _build["tmp"].cleanup()
    _build["tmp"] = tempfile.TemporaryDirectory(prefix="kho-search-")
    _build["spool"] = Spool(Path(_build["tmp"].name) / "spool")
    return _build["spool"]


def pagefind_version(binary) -> str:
    """The version the binary reports ("pagefind 1.5.2" -> "1.5.2")."""
    output = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60).stdout
    return output.split()[-1] if output.split() else "?"


def check_pagefind_version() -> None:
    """Fail the build, before any page is rendered, when the installed Pagefind is not the
    version whose file format vanban/search/bundle.py rewrites: another version may write
    files that the finishing pass misreads, and the site would search wrongly."""
    if _build.get("version_ok"):
        return
    from pagefind.service import get_executable
    binary = get_executable()
    if binary is None:
        raise PluginError("Không tìm thấy chương trình pagefind: cài gói pagefind[bin] theo requirements.txt")
    version = pagefind_version(binary)
    if version != SUPPORTED_VERSION:
        raise PluginError(
            f"Pagefind {version} đã được cài, nhưng bước hoàn thiện chỉ mục (vanban/search/bundle.py) chỉ biết "
            f"định dạng tệp của Pagefind {SUPPORTED_VERSION}. Cách sửa: pip install -r requirements.txt "
            f"(pagefind=={SUPPORTED_VERSION}), hoặc cập nhật bundle.py cho phiên bản mới và chạy lại các kiểm thử.")
    _build["version_ok"] = True


def on_config(config, **kwargs):
    check_pagefind_version()
    _new_spool()  # `mkdocs serve` reuses this module for every rebuild


def on_post_page(output: str, page, config, **kwargs) -> str:
    if is_document(page):
        meta = dict(page.meta)
        if "title_raw" in meta:  # hooks/titles.py escaped the title for templates; the record escapes its own
            meta["title"] = meta["title_raw"]
        doc = SearchDoc(url=page.url, meta=meta, text=html_text(page.content or "", NOT_BODY),
                        cites=cited_numbers(page.file.src_uri))
        _build["spool"].add(record_of(doc))
    return output


def _pagefind(batch: Path, output: Path) -> subprocess.Popen:
    """Start indexing one batch. The wheel's binary is run as the CLI: the Python
    API polls its pipe every 0.1 s per reply, four replies per index, and the CLI
    writes the same files (`--site` is what add_directory does)."""
    from pagefind.service import get_executable  # the binary inside the pagefind[bin] wheel
    binary = get_executable()
    if binary is None:
        raise RuntimeError("không tìm thấy chương trình pagefind (gói pagefind[bin])")
    return subprocess.Popen([str(binary), "--site", str(batch), "--output-path", str(output),
                             "--force-language", "vi", "--silent"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _wait(process: subprocess.Popen) -> None:
    output, _ = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"pagefind exited with {process.returncode}: {output.strip()[-500:]}")


def index_spool(site_dir: Path, spool: Spool) -> dict:
    """Index the spool's records into site_dir/pagefind, replacing any previous bundle."""
    bundle = Path(site_dir).resolve() / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    if not len(spool):
        return {"pages": 0}
    merger = Merger(spool.ordered())
    process = output = None
    try:
        # Python writes batch k and merges batch k-1 while Pagefind indexes batch k-1, then k.
        for batch in spool.batches():
            if process:
                _wait(process)
            previous, output = output, batch.with_name(batch.name + "-pagefind")
            process = _pagefind(batch, output)
            if previous:
                merger.add(previous)
        _wait(process)
    finally:
        if process and process.poll() is None:  # an error stopped the loop
            process.kill()
            process.wait()
    merger.add(output)
    return merger.write(bundle, spool.excerpts(), spool.pair_hashes, spool.pair_postings())


def write_index(site_dir: Path, docs: list[SearchDoc]) -> dict:
    """Index `docs` into site_dir/pagefind (tests)."""
    with tempfile.TemporaryDirectory(prefix="kho-search-") as tmp:
        spool = Spool(Path(tmp) / "spool")
        for doc in docs:
            spool.add(record_of(doc))
        return index_spool(site_dir, spool)


def on_post_build(config, **kwargs) -> None:
    started = time.perf_counter()
    for missing in missing_docs():
        _build["spool"].add(missing_record_of(missing))
    try:
        figures = index_spool(Path(config["site_dir"]), _build["spool"])
    except BundleError as error:  # Pagefind wrote what the finishing pass does not know: never publish it
        raise PluginError(f"Chỉ mục tìm kiếm (Pagefind) không đúng định dạng Pagefind {SUPPORTED_VERSION} "
                          f"mà vanban/search/bundle.py biết: {error}") from None
    except (OSError, AssertionError, RuntimeError, ValueError) as error:
        log.warning("Không lập được chỉ mục tìm kiếm (Pagefind): %s. Trang web vẫn dùng được, "
                    "nhưng ô tìm kiếm sẽ không có kết quả.", error)
        return
    finally:
        _build.pop("tmp").cleanup()  # the records are no longer needed
    log.info("Pagefind: đã lập chỉ mục %s văn bản trong %.1f s", figures["pages"],
             time.perf_counter() - started)
