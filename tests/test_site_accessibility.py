"""Accessibility facts of the built site that need no browser (axe runs in tests/browser/test_accessibility.py)."""
from __future__ import annotations

import re
from pathlib import Path

from _site import read


def test_every_page_is_in_vietnamese(built_site):
    pages = sorted(Path(built_site).rglob("*.html"))
    assert len(pages) > 20
    wrong = [str(p.relative_to(built_site)) for p in pages
             if not re.search(r'<html lang="vi"[ >]', p.read_text(encoding="utf-8"))]
    assert wrong == []


def test_the_accessibility_statement_is_in_the_nav(built_site):
    statement = read(built_site, "ho-tro-tiep-can.md")
    assert re.search(r"<h1[^>]*>Tuyên bố hỗ trợ tiếp cận</h1>", statement) and "WCAG 2.1 mức AA" in statement
    # the office's contact for complaints (mkdocs.yml extra.lien_he_tiep_can), after the last section
    assert statement.index('id="phan-anh"') < statement.index('<div class="kho-lien-he" id="lien-he">')
    assert "Nơi nhận phản ánh về hỗ trợ tiếp cận:</strong> Chưa điền" in statement
    assert 'id="phan-anh"' in statement   # the anchor to give when asking for reports
    assert re.search(r'<a href="ho-tro-tiep-can/" class="md-nav__link">\s*<span class="md-ellipsis">\s*'
                     r"Hỗ trợ tiếp cận", read(built_site, "index.md"))
