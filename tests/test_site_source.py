"""hooks/archive.py: MkDocs reads every page's body alone, and gets the front matter the one loader
parsed (vanban/archive/frontmatter.py) as page.meta: no YAML is parsed twice, MkDocs' own reading
(which shows a front matter it cannot read as Markdown) never runs, and only the keys the archive
allows reach the theme."""
from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.utils.meta import get_data

from _archive_pages import page
from conftest import ROOT
from vanban.archive import site

_spec = importlib.util.spec_from_file_location("archive_hook", ROOT / "hooks" / "archive.py")
archive_hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(archive_hook)

DOC = "van-ban/2021/a.md"


def _read(src_uri: str, text: str):
    """What MkDocs' Page.read_source and the first on_page_markdown make of the page."""
    source_page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, content_string=text), meta={})
    source = archive_hook.on_page_read_source(source_page, None)
    source_page.markdown, source_page.meta = get_data(text if source is None else source)
    archive_hook.on_page_markdown(source_page.markdown, source_page, None, None)
    return source, source_page


@pytest.mark.parametrize("body", [
    "Thực hiện Công văn số 761-CV/TU của Ban Thường vụ Tỉnh ủy.",
    "Note: dòng đầu có dạng 'khóa: giá trị' của MultiMarkdown.\n\nĐoạn hai.",
    "# Tiêu đề\n\n---\n\nSau đường kẻ.",
])
def test_a_document_is_read_as_its_body_with_the_catalogs_metadata(body):
    text = page(body, ngay_ban_hanh="2021-08-26")
    site.load([(DOC, text)])
    try:
        source, read = _read(DOC, text)
    finally:
        site.reset()
    assert source is not None and "so_ky_hieu" not in source     # MkDocs was given no YAML to parse
    assert read.markdown == body + "\n"
    assert read.meta["so_ky_hieu"] == "154-CV/TU" and read.meta["ngay_ban_hanh"] == "2021-08-26"


@pytest.mark.parametrize("src_uri, text, meta", [
    ("huong-dan/a.md", "---\ntitle: Hướng dẫn\n---\n\nNội dung.", {"title": "Hướng dẫn"}),   # not a document
    ("huong-dan/a.md", "---\ntitle: Hướng dẫn\ntemplate: redirect.html\nauthor: x\n---\n\nNội dung.",
     {"title": "Hướng dẫn"}),                                   # keys the theme would print raw are not taken
    ("huong-dan/a.md", "Nội dung.", {}),                        # no front matter at all
    (DOC, page("Nội dung.", template="redirect.html", location="javascript:x"),
     {**yaml.safe_load(page("x").split("---")[1]), "kho_hieu_luc": "Chưa xác định"}),   # a document: its schema
    # keys only, and the status the archive settled on (for the search filter; never a page's own value)
])
def test_every_page_is_read_by_the_one_loader(src_uri, text, meta):
    site.load([(src_uri, text)])
    try:
        source, read = _read(src_uri, text)
    finally:
        site.reset()
    assert source is not None and source.startswith("\n") and "title:" not in source
    assert read.meta == meta and read.markdown.strip().endswith("Nội dung.")


def test_a_refused_page_gives_mkdocs_nothing_to_show():
    text = "---\ntitle: [hỏng\n---\n\n<script>alert(1)</script>Nội dung."
    site.load([(DOC, text)])
    try:
        source, read = _read(DOC, text)
    finally:
        site.reset()
    assert source == "\n" and read.meta == {} and read.markdown == ""
