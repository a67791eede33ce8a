"""MkDocs adapter: parse every document once and add the generated pages.

Event order in one build (hooks run in the order mkdocs.yml lists them):
  on_page_markdown .. on_page_content  page_budget.py  each page rendered within a time budget
  on_config         archive.py     reset the per-build archive (mkdocs serve rebuilds from scratch)
  on_files          archive.py     read every page once -> vanban.archive.site.load(); add virtual pages
  on_files          addresses.py   documents at their permanent address (`slug`); old addresses checked
  on_files          originals.py   each original file (`ban_goc`) published beside its page
  on_files          validation.py  log schema errors (fail --strict) and review flags (info)
  on_page_read_source archive.py   a document's body alone: its front matter is parsed already
  on_page_markdown  archive.py     ... and given back as page.meta
  on_env            archive.py     kho_trang_van_thu(src_uri) for the templates: a staff page (no sitemap entry)
  on_page_markdown  titles.py      escape the front-matter title before templates print it
  on_page_markdown  document_page.py  a document's body with its citations marked (the only Markdown)
  on_page_markdown  feeds_data.py  feed autodiscovery and "Theo dõi" link on home, body and type pages
  on_page_content   document_page.py  sanitise the body; metadata panel, citation links, relations
                                      around it; unwrap the pre-rendered HTML of index pages
  on_page_context   document_page.py  the JSON-LD into page.meta for overrides/main.html
  on_page_context   nav_cache.py   pages outside the nav share one rendering of it
  on_post_page      document_page.py  the citation diagram into its slot
  on_post_build     addresses.py   redirect pages; feeds_data.py  Atom feeds and open-data files
The hooks share state only through vanban.archive.site.current().
"""
from __future__ import annotations

import logging

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import Abort, ConfigurationError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from vanban.archive import site  # noqa: E402
from vanban.archive.filepolicy import link_flags, walk_stoppers  # noqa: E402
from vanban.archive.pagefile import is_hidden  # noqa: E402
from vanban.archive.urls import is_staff_page  # noqa: E402


log = logging.getLogger("mkdocs.hooks.archive")


def on_config(config):
    if not config.use_directory_urls:  # vanban.archive.urls.href writes the URLs MkDocs gives with it
        raise ConfigurationError("hooks/archive.py cần use_directory_urls: true trong mkdocs.yml")
    site.reset()
    # Before MkDocs lists docs/ (it follows links): a folder link it would walk forever stops the build here.
    docs = Path(config.docs_dir)
    stoppers = walk_stoppers(docs)
    for problem in stoppers:
        log.error(problem.format(f"{docs.name}/{problem.value}"))
    if stoppers:
        raise Abort(f"Bản dựng dừng lại: {len(stoppers)} liên kết tượng trưng tới thư mục trong {docs.name}/ (xem lỗi ở trên)")
    return config


def on_files(files: Files, config) -> Files:
    # Bytes: a page that is not UTF-8 gets a clear error (hooks/validation.py) instead of a traceback.
    # Excluded pages too: MkDocs silently skips a hidden name ("..\\x.md"); the archive reports it
    # by name alone (an editor's lock file may not even be readable).
    # Unread: the catalog reads one page at a time and keeps no body.
    # Every file for the file policy (vanban/archive/filepolicy.py): links, active files, strays in van-ban/.
    docs = Path(config.docs_dir)
    archive = site.load(((f.src_uri, _reader(f)) for f in files.documentation_pages(inclusion=lambda _: True)),
                        link_flags(docs, [f.src_uri for f in files]),
                        locate=lambda src_uri: _path(files, src_uri))
    for src_uri in archive.catalog.unreadable:  # refused pages and files: never published
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
    for src_uri, text in archive.catalog.normalised.items():  # NFD text is published as NFC
        files.get_file_from_path(src_uri).content_string = text
    has_home = files.get_file_from_path("index.md") is not None
    for src_uri, markdown in archive.generated_pages(with_home=not has_home).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:  # a hand-written page of the same name wins
            continue
        files.append(File.generated(config, src_uri, content=markdown))
    return files


def _path(files: Files, src_uri: str) -> str | None:
    """Where a file of docs/ is on disk (the originals pages declare, vanban/archive/originals.py)."""
    file = files.get_file_from_path(src_uri)
    return file.abs_src_path if file is not None and not file.generated_by else None


def _reader(file: File):
    return (lambda: b"") if is_hidden(file.src_uri) else (lambda: file.content_bytes)


def on_page_read_source(page, config):
    # MkDocs would parse each document's front matter a second time (~0.5 ms a page).
    archive = site.current()
    return archive.page_source(page.file.src_uri, page.file.content_string) if archive else None


def on_page_markdown(markdown, page, config, files):
    archive = site.current()
    if archive and not page.meta:  # empty: MkDocs read the body that on_page_read_source gave it
        page.meta = archive.page_meta(page.file.src_uri) or {}
    return markdown


def on_env(env, config, files):
    env.globals["kho_trang_van_thu"] = is_staff_page  # overrides/sitemap.xml and main.html
    return env
