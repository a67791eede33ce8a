"""Only what the archive makes is published (vanban/archive/filepolicy.py, issue 17 case 4).

One table of files committed where they do not belong, each with the exact line `mkdocs build --strict`
and scripts/check.py print; a build without --strict leaves every one of them out of the site, and
publishes what is allowed: a declared original (`ban_goc`) beside its page, hand-written pages.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from _site import copy_docs
from conftest import ROOT, mkdocs_build

DOCUMENT = ("---\ntitle: Chỉ thị 15-CT/TU về phòng, chống dịch\nso_ky_hieu: 15-CT/TU\nloai_van_ban: Chỉ thị\n"
            "trich_yeu: Về phòng, chống dịch\nco_quan_ban_hanh: Tỉnh ủy Bắc Ninh\nngay_ban_hanh: 2021-03-02\n---\n\n"
            "<script src=\"../assets/javascripts/x.js\"></script>Nội dung.\n")
WITH_ORIGINAL = DOCUMENT.replace("15-CT/TU", "16-CT/TU").replace("ngay_ban_hanh:", "ban_goc:\n  - chi-thi-16-goc.pdf\n"
                                                                  "  - chi-thi-16-trang-1.png\nngay_ban_hanh:")
ACTIVE = "chỉ các tệp của dự án trong docs/assets/ được công bố. Cách sửa: xóa tệp; trang viết tay dùng Markdown, không nhúng mã"
LINK = ("tệp là liên kết tượng trưng (symlink): bản dựng sẽ công bố tệp nó trỏ tới, có thể nằm ngoài docs/. "
        "Cách sửa: thay liên kết bằng chính tệp đó, hoặc xóa liên kết")
REFUSED = [
    # (path under docs/, content, exact message after "docs/<path>: ")
    ("2021/chi-thi-15-ct-tu.md", DOCUMENT,
     "tệp = '2021/chi-thi-15-ct-tu.md': trang văn bản (có khóa so_ky_hieu, loai_van_ban, trich_yeu, co_quan_ban_hanh, "
     "ngay_ban_hanh) nằm ngoài docs/van-ban/: kho không kiểm tra và không công bố trang này. Cách sửa: chuyển tệp vào "
     "docs/van-ban/<năm>/ (ví dụ docs/van-ban/2021/), nơi mọi trang văn bản được kiểm tra"),
    ("huong-dan/tien-ich.js", "alert(1)\n", f"tệp = 'huong-dan/tien-ich.js': tệp .js chạy được trong trình duyệt hoặc "
                                            f"máy chủ web: {ACTIVE}"),
    ("huong-dan/so-do.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
     f"tệp = 'huong-dan/so-do.svg': tệp .svg chạy được trong trình duyệt hoặc máy chủ web: {ACTIVE}"),
    ("tin-tuc.html", "<script>alert(1)</script>",
     f"tệp = 'tin-tuc.html': tệp .html chạy được trong trình duyệt hoặc máy chủ web: {ACTIVE}"),
    ("van-ban/2021/lien-ket.md", None, f"tệp = 'van-ban/2021/lien-ket.md': {LINK}"),   # a link out of docs/
    ("van-ban/2021/chi-thi-16-ban-sao.pdf", b"%PDF-1.4\n",
     "tệp = 'van-ban/2021/chi-thi-16-ban-sao.pdf': trong docs/van-ban/ chỉ có trang văn bản (.md) và bản gốc (PDF, DOCX, "
     "ảnh quét) được khai báo ở khóa ban_goc của trang cùng thư mục. Cách sửa: thêm 'chi-thi-16-ban-sao.pdf' vào "
     "ban_goc của trang văn bản bên cạnh, hoặc xóa tệp"),
]
ALLOWED = {"van-ban/2021/chi-thi-16-goc.pdf": b"%PDF-1.4\n", "van-ban/2021/chi-thi-16-trang-1.png": b"\x89PNG\r\n",
           "van-ban/2021/chi-thi-16-ct-tu.md": WITH_ORIGINAL}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("policy")
    docs = copy_docs(tmp)
    outside = tmp / "ngoai-docs"
    outside.mkdir()
    (outside / "bi-mat.md").write_text(DOCUMENT.replace("15-CT/TU", "17-CT/TU"), encoding="utf-8")
    for path, content in [(p, c) for p, c, _ in REFUSED] + list(ALLOWED.items()):
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            target.symlink_to(outside / "bi-mat.md")
        else:
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (docs / "van-ban" / "2020").symlink_to(outside, target_is_directory=True)   # a linked folder
    strict = mkdocs_build(tmp / "strict", docs_dir=docs)
    loose = mkdocs_build(tmp / "site", docs_dir=docs, strict=False)
    checked = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(docs)],
                             capture_output=True, text=True, cwd=ROOT)
    return strict, loose, checked, tmp / "site"


@pytest.mark.parametrize("path, content, message", REFUSED, ids=[r[0] for r in REFUSED])
def test_build_and_check_print_the_exact_message(archive, path, content, message):
    strict, _, checked, _ = archive
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    errors = [line.split("-  ", 1)[1] for line in strict.stderr.splitlines() if line.startswith("ERROR")]
    assert f"docs/{path}: {message}" in errors, strict.stderr
    assert f"LỖI: docs/{path}: {message}" in checked.stdout.splitlines(), checked.stdout


@pytest.mark.parametrize("path", [r[0] for r in REFUSED])
def test_a_refused_file_is_never_published(archive, path):
    _, loose, _, site = archive
    assert loose.returncode == 0, loose.stderr
    page = site / (path[:-3] + "/index.html" if path.endswith(".md") else path)
    assert not page.exists()


def test_a_linked_folder_is_refused_and_never_read(archive):
    _, loose, checked, site = archive
    assert "LỖI: docs/van-ban/2020: tệp = 'van-ban/2020': " + LINK in checked.stdout.splitlines()
    assert "docs/van-ban/2020/bi-mat.md: tệp = 'van-ban/2020/bi-mat.md': " + LINK in loose.stderr
    assert not (site / "van-ban" / "2020").exists()
    assert "17-CT/TU" not in (site / "du-lieu" / "van-ban.json").read_text(encoding="utf-8")


def test_declared_originals_and_hand_written_pages_are_published(archive):
    strict, _, checked, site = archive
    # Originals are published beside their page, at an address that does not follow the file name
    # (vanban/archive/originals.py): the n-th of ban_goc is van-ban/<page>/ban-goc[-n].<ext>.
    published = {"van-ban/2021/chi-thi-16-goc.pdf": "van-ban/2021/chi-thi-16-ct-tu/ban-goc.pdf",
                 "van-ban/2021/chi-thi-16-trang-1.png": "van-ban/2021/chi-thi-16-ct-tu/ban-goc-2.png"}
    for path, content in ALLOWED.items():
        if not path.endswith(".md"):
            assert (site / published[path]).read_bytes() == content
            assert f"docs/{path}:" not in checked.stdout + strict.stderr
    assert (site / "van-ban" / "2021" / "chi-thi-16-ct-tu" / "index.html").exists()
    assert (site / "huong-dan" / "index.html").exists() and (site / "assets" / "javascripts" / "search.js").exists()


# MkDocs lists docs/ following links, before any hook runs: two links to '..' doubled its walk at every
# level (still walking after 60 s), a link to '/' walks the whole machine. The build stops at once instead.
STOP = ("liên kết tượng trưng tới thư mục {why}: bản dựng đi theo liên kết khi đọc docs/ và sẽ không dừng, "
        "nên dừng lại ngay. Cách sửa: xóa liên kết (thư mục thật thì chép vào docs/, không liên kết)")
ENDLESS = [
    # (links under docs/: path -> target, the one named, why)
    ({"huong-dan/a": "..", "huong-dan/b": ".."}, "huong-dan/a", "chứa chính docs/ (vòng lặp)"),
    ({"van-ban/2021/vong": "../.."}, "van-ban/2021/vong", "chứa chính docs/ (vòng lặp)"),
    ({"assets/goc": "/"}, "assets/goc", "chứa chính docs/ (vòng lặp)"),
    ({"huong-dan/ngoai": "{outside}"}, "huong-dan/ngoai", "quay lại một thư mục trên đường đi của nó (vòng lặp)"),
    ({"huong-dan/lon": "{big}"}, "huong-dan/lon", "có hơn 5.000 tệp"),
]


@pytest.mark.parametrize("links, named, why", ENDLESS, ids=["two-to-parent", "to-docs", "to-root", "loop-outside", "big"])
def test_a_folder_link_the_build_would_walk_forever_stops_it_at_once(tmp_path, links, named, why):
    docs = copy_docs(tmp_path)
    outside, big = tmp_path / "ngoai", tmp_path / "lon"
    outside.mkdir()
    (outside / "lai").symlink_to(outside, target_is_directory=True)   # a loop outside docs/
    big.mkdir()
    for n in range(5_001):
        (big / f"{n}.txt").touch()
    for path, target in links.items():
        (docs / path).symlink_to(target.format(outside=outside, big=big), target_is_directory=True)
    message = f"docs/{named}: tệp = '{named}': " + STOP.format(why=why)
    for strict in (True, False):
        result = mkdocs_build(tmp_path / "site", docs_dir=docs, strict=strict, timeout=120)
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
        assert message in result.stderr, result.stderr[-2000:]
    checked = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(docs)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert checked.returncode == 1 and f"LỖI: docs/{named}: tệp = '{named}': {LINK}" in checked.stdout.splitlines()
