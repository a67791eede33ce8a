"""Helpers for tests on the built site: find documents by seed facts, read their pages."""
from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import sample_docs
from vanban.archive.catalog import Record, build_catalog


def records(docs: Path | None = None) -> list[Record]:
    docs = docs or sample_docs()
    pages = [(p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]
    return build_catalog(pages).records


def find(predicate, docs: Path | None = None) -> Record:
    """The one document matching predicate (seed facts, not interim wording)."""
    found = [r for r in records(docs) if predicate(r)]
    assert len(found) == 1, [r.src_uri for r in found]
    return found[0]


def html_path(site: Path, src_uri: str) -> Path:
    """Built file of a source page (use_directory_urls: a/b.md -> a/b/index.html)."""
    return site / url_dir(src_uri) / "index.html"


def read(site: Path, src_uri: str) -> str:
    return html_path(site, src_uri).read_text(encoding="utf-8")


def url_dir(src_uri: str) -> str:
    """The page's URL path relative to the site root, e.g. van-ban/2021/x/."""
    stem = src_uri[: -len(".md")]
    return stem[: -len("index")] if stem.endswith("index") else stem + "/"


def copy_docs(tmp: Path) -> Path:
    docs = tmp / "docs"
    shutil.copytree(sample_docs(), docs)
    return docs


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "href" or (name == "src" and tag in ("img", "script", "iframe"))):
                self.urls.append(value)


def raw_links(html: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(html)
    return parser.urls


def internal_links(site: Path, page_dir: str) -> set[str]:
    """Site-relative targets of the relative links on the page at page_dir ("" for home)."""
    html = (site / page_dir / "index.html").read_text(encoding="utf-8")
    targets = set()
    for url in raw_links(html):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "#")):
            continue
        target = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path)))
        targets.add("" if target == "." else target + ("/" if parts.path.endswith("/") else ""))
    return targets


_variants: dict[str, Path] = {}


def _variant(name: str, tmp_path_factory, edit) -> Path:
    """The sample archive with `edit(docs)` applied, built once per session (by name), on first use."""
    if name not in _variants:
        from conftest import mkdocs_build
        tmp = tmp_path_factory.mktemp(name)
        docs = copy_docs(tmp)
        edit(docs)
        result = mkdocs_build(tmp / "site", docs_dir=docs)
        assert result.returncode == 0, result.stdout + result.stderr
        _variants[name] = tmp / "site"
    return _variants[name]


# The sample archive after staff moved a document (issue 10): 154-CV/TU gets a new slug and
# keeps its old address under duong_dan_cu.
MOVED_FROM = "van-ban/2021/cong-van-154-cv-tu/"
MOVED_TO = "van-ban/2021/tinh-uy-ha-nam-154-cv-tu/"


def moved_site(tmp_path_factory) -> Path:
    def move(docs: Path) -> None:
        source = docs / find(lambda r: r.so_ky_hieu == "154-CV/TU").src_uri
        # The converter's own slug line is replaced (a second `slug:` line is an error, not last-wins).
        text = "".join(line for line in source.read_text(encoding="utf-8").splitlines(keepends=True)
                       if not line.startswith("slug: "))
        source.write_text(text.replace("\nso_ky_hieu:", f"\nslug: {MOVED_TO[len('van-ban/'):-1]}\n"
                                       f"duong_dan_cu:\n- {MOVED_FROM}\nso_ky_hieu:", 1), encoding="utf-8")
    return _variant("moved", tmp_path_factory, move)


# A bigger sample archive for the lists that span pages (issue 19): the sample archive plus
# BIG_BODY_COUNT generated pages of one body in one year, and one page citing BIG_MISSING numbers
# the archive does not hold.
BIG_BODY_COUNT, BIG_YEAR, BIG_MISSING = 205, 2022, 250


def big_site(tmp_path_factory) -> Path:
    def add_pages(docs: Path) -> None:
        folder = docs / "van-ban" / str(BIG_YEAR)
        folder.mkdir()
        for i in range(1, BIG_BODY_COUNT + 1):
            (folder / f"thong-bao-{i}-tb-tu-trang-mau.md").write_text(
                f"---\ntitle: Thông báo {i}-TB/TU (trang mẫu)\nso_ky_hieu: {i}-TB/TU\nloai_van_ban: Thông báo\n"
                f"trich_yeu: Trang mẫu số {i} để kiểm thử danh sách nhiều trang; không phải văn bản thật\n"
                f"co_quan_ban_hanh: Tỉnh ủy Hà Nam\ndia_danh: Hà Nam\n"
                f"ngay_ban_hanh: '{BIG_YEAR}-{i % 12 + 1:02d}-{i % 28 + 1:02d}'\n---\n\nNội dung trang mẫu.\n",
                encoding="utf-8")
        cited = ", ".join(f"Công văn số {n}/BYT-KHTC" for n in range(1000, 1000 + BIG_MISSING))
        (folder / "ke-hoach-1-kh-tu-trang-mau.md").write_text(
            "---\ntitle: Kế hoạch 1-KH/TU (trang mẫu dẫn chiếu nhiều văn bản)\nso_ky_hieu: 1-KH/TU\n"
            "loai_van_ban: Kế hoạch\ntrich_yeu: Trang mẫu dẫn chiếu nhiều văn bản chưa có trong kho\n"
            f"co_quan_ban_hanh: Tỉnh ủy Hà Nam\nngay_ban_hanh: '{BIG_YEAR}-01-02'\n---\n\nThực hiện {cited}.\n",
            encoding="utf-8")
    return _variant("big", tmp_path_factory, add_pages)


# The sample archive plus tests/fixtures/hostile_site/ (issue 17): theme keys in front matter, a body
# named "Index", an issuer name carrying markup, one with a control character, a document outside
# van-ban/, scripts committed under van-ban/; markup in the values the status, relations, original
# and print parts of a page show (84-TB/HU, replaced by 85-TB/HU), and in values the schema refuses
# (86-TB/HU, whose ban_goc names a file called HOSTILE_ORIGINAL, made here: no such name is committed).
# Some are errors, so it is built without --strict, once per session, for tests/test_site_hostile.py
# and tests/browser/test_hostile.py.
HOSTILE_FILES = Path(__file__).resolve().parent / "fixtures" / "hostile_site"
HOSTILE_ORIGINAL = "x\"><img src=x onerror=alert('ban_goc')>.pdf"
_hostile_site: tuple[Path, str] | None = None


def hostile_site(tmp_path_factory) -> tuple[Path, str]:
    """(the built site, what scripts/check.py prints of its docs)."""
    global _hostile_site
    if _hostile_site is None:
        from conftest import ROOT, mkdocs_build
        tmp = tmp_path_factory.mktemp("hostile")
        docs = copy_docs(tmp)
        shutil.copytree(HOSTILE_FILES, docs, dirs_exist_ok=True)
        from _pdfs import text_pdf
        (docs / "van-ban" / "2021" / "mau-hieu-luc-doc-hai-84-tb-hu.pdf").write_bytes(text_pdf("Bản gốc 84-TB/HU"))
        (docs / "van-ban" / "2021" / HOSTILE_ORIGINAL).write_bytes(text_pdf("Bản gốc 86-TB/HU"))
        result = mkdocs_build(tmp / "site", docs_dir=docs, strict=False)
        assert result.returncode == 0, result.stdout + result.stderr
        checked = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(docs)],
                                 capture_output=True, text=True, cwd=ROOT)
        _hostile_site = tmp / "site", checked.stdout
    return _hostile_site
