"""scripts/preview.py over vanban/archive/preview.py: one document's page as the full build shows it.

No timings here: the seconds are measured by hand and in docs-dev/performance.md.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.request

from _site import copy_docs, find, read
from conftest import ROOT, sample_docs
from vanban.archive.preview import PreviewCatalog

SEED_003 = "van-ban/2021/cong-van-154-cv-tu.md"
STAFF_PAGE = "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu.md"   # cites 154-CV/TU


def preview(docs, src_uri, out, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "preview.py"), str(docs / src_uri),
                           "--docs", str(docs), "--out", str(out), *extra], capture_output=True, text=True, cwd=ROOT)


def block(html: str, css_class: str) -> str:
    """The site-made block of that class (the relations list or the metadata panel), whole: its
    nested elements of the same tag are counted to find where it ends."""
    start = re.search(rf'<(div|section|aside|details)[^>]*class="[^"]*\b{css_class}\b[^"]*"', html)
    assert start, css_class
    tag, depth = start.group(1), 0
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start.start():]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start.start():start.start() + match.end()]
    raise AssertionError(f"{css_class} is not closed")


def without_diagram(html: str) -> str:
    return re.sub(r'<figure class="so-do-dan-chieu".*?</figure>', "", html, flags=re.S)


def test_related_documents_are_those_cited_and_citing(tmp_path):
    catalog = PreviewCatalog(sample_docs(), tmp_path / "catalog.pickle")
    catalog.refresh()
    cited, citing = catalog.related(SEED_003)
    assert citing == [STAFF_PAGE] and cited == []   # 154-CV/TU cites only documents the archive lacks
    cited, citing = catalog.related(STAFF_PAGE)
    assert SEED_003 in cited


def test_preview_page_shows_relations_exactly_as_the_full_build(built_site, tmp_path):
    for src_uri in (SEED_003, STAFF_PAGE):
        result = preview(sample_docs(), src_uri, tmp_path / "out")
        assert result.returncode == 0, result.stderr
        page = (tmp_path / "out" / "site" / src_uri[:-3] / "index.html").read_text(encoding="utf-8")
        full = read(built_site, src_uri)
        for css_class in ("kho-relations", "kho-meta"):
            shown = block(page, css_class)
            assert without_diagram(shown) == without_diagram(block(full, css_class)) and len(shown) > 200, \
                (src_uri, css_class)
        # The diagram is drawn, one level deep: the preview reads only the edited document's neighbours.
        assert '<figure class="so-do-dan-chieu"' in page
    assert "Kế hoạch 12-KH/HU" in block(read(built_site, SEED_003), "kho-relations")   # the backlink
    assert not (tmp_path / "out" / "site" / "pagefind").exists()   # a preview never carries a search index


def test_cache_parses_only_what_changed_and_the_edit_shows(tmp_path):
    docs = copy_docs(tmp_path)
    out = tmp_path / "out"
    catalog = PreviewCatalog(docs, out / "catalog.pickle")
    assert catalog.refresh() == len(list((docs / "van-ban").rglob("*.md")))
    assert PreviewCatalog(docs, out / "catalog.pickle").refresh() == 0    # read back from the cache
    edited = docs / SEED_003
    edited.write_text(edited.read_text(encoding="utf-8").replace("Đinh Thị Lụa", "Đinh Thị Lụa Sửa"),
                      encoding="utf-8")
    assert PreviewCatalog(docs, out / "catalog.pickle").refresh() == 1
    result = preview(docs, SEED_003, out)
    assert result.returncode == 0, result.stderr
    assert "Đinh Thị Lụa Sửa" in (out / "site" / SEED_003[:-3] / "index.html").read_text(encoding="utf-8")


def test_watch_serves_and_rebuilds_on_save(tmp_path):
    docs = copy_docs(tmp_path)
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "preview.py"), str(docs / SEED_003),
                                "--docs", str(docs), "--out", str(tmp_path / "out"), "--watch", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    try:
        lines = iter(process.stdout.readline, "")
        url = next(re.search(r"(http://127\.0\.0\.1:\d+/\S+)", line).group(1) for line in lines
                   if "127.0.0.1" in line)
        assert "154-CV/TU" in urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        edited = docs / SEED_003
        time.sleep(0.05)  # a new modification time even on coarse clocks
        edited.write_text(edited.read_text(encoding="utf-8").replace("Đinh Thị Lụa", "Người Ký Mới"),
                          encoding="utf-8")
        next(line for line in lines if "Đã cập nhật" in line or "LỖI" in line)
        assert "Người Ký Mới" in urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_refuses_a_page_that_is_not_a_document(tmp_path):
    result = preview(sample_docs(), "huong-dan/index.md", tmp_path / "out")
    assert result.returncode == 2 and "van-ban" in result.stderr
