"""scripts/preview.py over vanban/archive/preview.py: one document's page as the full build shows it.

No timings here: the seconds are measured by hand and in docs-dev/performance.md.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from _site import copy_docs, read
from conftest import ROOT, sample_docs
from vanban.archive.preview import CACHE_VERSION, PreviewCatalog

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
    catalog = PreviewCatalog(sample_docs(), tmp_path / "catalog.json")
    catalog.refresh()
    cited, citing = catalog.related(SEED_003)
    # 154-CV/TU cites only documents the archive lacks; 03-CT/TU (a sample page) is based on it
    assert citing == ["van-ban/2021/chi-thi-03-ct-tu-trang-mau.md", STAFF_PAGE] and cited == []
    cited, citing = catalog.related(STAFF_PAGE)
    assert SEED_003 in cited


def test_preview_page_shows_relations_exactly_as_the_full_build(built_site, tmp_path):
    replaced = "van-ban/2021/chi-thi-03-ct-tu-trang-mau.md"   # its status rests on the page replacing it
    for src_uri in (SEED_003, STAFF_PAGE, replaced):
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
        status = lambda html: re.search(r'<p class="kho-hieu-luc.*?</p>', html, re.DOTALL)[0]  # noqa: E731
        assert status(page) == status(full), src_uri
    assert "Kế hoạch 12-KH/HU" in block(read(built_site, SEED_003), "kho-relations")   # the backlink
    assert not (tmp_path / "out" / "site" / "pagefind").exists()   # a preview never carries a search index


def test_cache_parses_only_what_changed_and_the_edit_shows(tmp_path):
    docs = copy_docs(tmp_path)
    out = tmp_path / "out"
    catalog = PreviewCatalog(docs, out / "catalog.json")
    assert catalog.refresh() == len(list((docs / "van-ban").rglob("*.md")))
    assert PreviewCatalog(docs, out / "catalog.json").refresh() == 0    # read back from the cache
    edited = docs / SEED_003
    edited.write_text(edited.read_text(encoding="utf-8").replace("Đinh Thị Lụa", "Đinh Thị Lụa Sửa"),
                      encoding="utf-8")
    assert PreviewCatalog(docs, out / "catalog.json").refresh() == 1
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
        updated = next(line for line in lines if "Đã cập nhật" in line or "LỖI" in line)
        assert "LỖI" not in updated, updated
        assert "Người Ký Mới" in urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        # A save that breaks the date: the terminal never says "Đã cập nhật" alone, the page says it too.
        time.sleep(0.05)
        edited.write_text(edited.read_text(encoding="utf-8").replace("ngay_ban_hanh: '2021-04-28'",
                                                                     "ngay_ban_hanh: 30/8/2021"), encoding="utf-8")
        updated = next(line for line in lines if "Đã cập nhật" in line or "LỖI" in line)
        assert updated.startswith("Đã cập nhật") and "NHƯNG TỆP CÓ 1 LỖI" in updated, updated
        assert "ngay_ban_hanh" in next(lines)   # the error itself, on the next line
        page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        assert '<div class="kho-preview-banner kho-preview-error"' in page and "30/8/2021" in page
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_refuses_a_page_that_is_not_a_document(tmp_path):
    result = preview(sample_docs(), "huong-dan/index.md", tmp_path / "out")
    assert result.returncode == 2 and "van-ban" in result.stderr


def test_the_banner_carries_every_error_and_flag_of_the_file(tmp_path):
    docs = copy_docs(tmp_path)
    edited = docs / SEED_003
    edited.write_text(edited.read_text(encoding="utf-8").replace("ngay_ban_hanh: '2021-04-28'",
                                                                 "ngay_ban_hanh: 30/8/2021"), encoding="utf-8")
    result = preview(docs, SEED_003, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "NHƯNG TỆP CÓ 1 LỖI" in result.stdout and "khóa 'ngay_ban_hanh' = '30/8/2021'" in result.stdout
    page = (tmp_path / "out" / "site" / SEED_003[:-3] / "index.html").read_text(encoding="utf-8")
    shown = block(page, "kho-preview-banner")
    assert page.index(shown) < page.index('class="kho-meta')   # at the top, before the metadata panel
    assert shown.count('class="kho-preview-loi"') == 1 and "không phải ngày hợp lệ" in shown
    assert shown.count('class="kho-preview-xac-minh"') == 1 and "co_quan_ban_hanh" in shown   # seed 003's flag


def test_the_preview_server_sends_the_published_csp():
    sys.path.insert(0, str(ROOT / "scripts"))
    import preview as preview_script
    deployed = (ROOT / "deploy" / "kho-van-ban-common.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{preview_script.CSP}" always;' in deployed


class _RunsCode:
    """A pickle that runs code when loaded: what a committed .preview/catalog.pickle could hold."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_committed_pickle_is_never_loaded(tmp_path):
    import pickle
    docs = copy_docs(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    marker = tmp_path / "code-ran"
    (out / "catalog.pickle").write_bytes(pickle.dumps((1, str(docs.resolve()), _RunsCode(marker))))
    result = preview(docs, SEED_003, out)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert json.loads((out / "catalog.json").read_text(encoding="utf-8"))["phien_ban"] == CACHE_VERSION


def _cache(docs, entries, version=None, folder=None) -> str:
    return json.dumps({"phien_ban": CACHE_VERSION if version is None else version,
                       "docs": str(folder or docs.resolve()), "entries": entries})


@pytest.mark.parametrize("forge", [
    lambda docs: "not json {",
    lambda docs: _cache(docs, {}, version=1),                                    # another version
    lambda docs: _cache(docs, {}, folder="/tmp/other-docs"),                     # another docs folder
    lambda docs: _cache(docs, {SEED_003: [1, 2, "yes", None, {}]}),              # a field of the wrong kind
    lambda docs: _cache(docs, {SEED_003: [1, 2, True, None, {"k": [1]}]}),
    lambda docs: _cache(docs, {SEED_003: [1, 2, True]}),                         # too short
    lambda docs: json.dumps([1, 2, 3]),
], ids=["not-json", "version", "folder", "kind", "wording", "short", "list"])
def test_a_cache_that_does_not_match_is_ignored(tmp_path, forge):
    docs = copy_docs(tmp_path)
    cache = tmp_path / "catalog.json"
    cache.write_text(forge(docs), encoding="utf-8")
    catalog = PreviewCatalog(docs, cache)
    assert catalog.refresh() == len(list((docs / "van-ban").rglob("*.md")))   # everything parsed again


def test_a_cache_entry_never_names_a_file_outside_the_archive(tmp_path):
    docs = copy_docs(tmp_path)
    cache = tmp_path / "catalog.json"
    catalog = PreviewCatalog(docs, cache)
    catalog.refresh()
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["entries"]["van-ban/../../../etc/passwd.md"] = [1, 2, True, "x", {}]
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert "van-ban/../../../etc/passwd.md" not in PreviewCatalog(docs, cache).entries
    assert PreviewCatalog(docs, cache).refresh() == 0   # the genuine entries are kept


def test_a_folder_link_in_docs_is_copied_as_a_link_and_stops_the_preview_with_its_name(tmp_path):
    """The preview copies docs/ into its own folder: following a link to '..' it copied forever."""
    docs = copy_docs(tmp_path)
    (docs / "huong-dan" / "vong").symlink_to("..", target_is_directory=True)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "preview.py"), str(docs / SEED_003), "--docs",
                             str(docs), "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "docs/huong-dan/vong: tệp = 'huong-dan/vong': liên kết tượng trưng tới thư mục chứa chính docs/" \
        in result.stdout + result.stderr
