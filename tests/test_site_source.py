"""hooks/archive.py: MkDocs reads a document's body alone, and gets the front matter the
catalog parsed as page.meta, so no document's YAML is parsed twice."""
from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
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
    (DOC, "---\ntitle: [hỏng\n---\n\nNội dung.", {}),          # broken front matter: no record to read it from
])
def test_other_pages_are_read_by_mkdocs_itself(src_uri, text, meta):
    site.load([(src_uri, text)])
    try:
        source, read = _read(src_uri, text)
    finally:
        site.reset()
    assert source is None and read.meta == meta and read.markdown.endswith("Nội dung.")
