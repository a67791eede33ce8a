"""vanban.archive.originals: the files pages declare in ban_goc, their address, size and SHA-256."""
from __future__ import annotations

import hashlib

import pytest

from _archive_pages import page
from vanban.archive import originals
from vanban.archive.originals import declared_files, size_text
from vanban.archive.site import build_archive

PAGE = "van-ban/2021/cong-van-154-cv-tu.md"


def archive_with(tmp_path, files: dict[str, bytes], **meta):
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    locate = lambda src: str(tmp_path / src) if (tmp_path / src).is_file() else None  # noqa: E731
    return build_archive([(PAGE, page(**meta))], locate=locate)


def errors(archive) -> list[str]:
    return [p.message for p in archive.catalog.problems[PAGE] if p.severity == "error"]


def test_a_declared_file_is_published_beside_the_page(tmp_path):
    data = b"%PDF-1.4 ban goc"
    archive = archive_with(tmp_path, {"van-ban/2021/cv154.pdf": data, "van-ban/2021/quet.JPG": b"\xff\xd8"},
                           ban_goc=["cv154.pdf", "quet.JPG"])
    first, second = archive.originals[PAGE]
    assert (first.address, first.size, first.sha256) == (
        "van-ban/2021/cong-van-154-cv-tu/ban-goc.pdf", len(data), hashlib.sha256(data).hexdigest())
    assert (second.address, second.media_type, second.format_name) == (
        "van-ban/2021/cong-van-154-cv-tu/ban-goc-2.jpg", "image/jpeg", "JPEG")
    assert errors(archive) == []
    assert declared_files(archive.catalog.records) == {"van-ban/2021/cv154.pdf", "van-ban/2021/quet.JPG"}


def test_the_address_follows_the_page_slug_not_the_file_name(tmp_path):
    archive = archive_with(tmp_path, {"van-ban/2021/x.docx": b"PK"}, ban_goc="x.docx", slug="2021/cong-van-154")
    assert archive.originals[PAGE][0].address == "van-ban/2021/cong-van-154/ban-goc.docx"


@pytest.mark.parametrize("files, message", [
    ({}, "không thấy tệp bản gốc docs/van-ban/2021/cv154.pdf"),
    ({"van-ban/2021/cv154.pdf": b""}, "tệp bản gốc docs/van-ban/2021/cv154.pdf rỗng"),
    ({"van-ban/2021/CV154.pdf": b"x"}, "không thấy tệp bản gốc docs/van-ban/2021/cv154.pdf"),  # names are exact
])
def test_a_missing_or_empty_file_is_an_error_and_not_published(tmp_path, files, message):
    archive = archive_with(tmp_path, files, ban_goc="cv154.pdf")
    assert errors(archive) == [message]
    assert PAGE not in archive.originals


def test_a_file_over_the_limit_is_an_error_with_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(originals, "MAX_BYTES", 1_000)
    archive = archive_with(tmp_path, {"van-ban/2021/cv154.pdf": b"x" * 1_500_000}, ban_goc="cv154.pdf")
    assert errors(archive) == ["tệp bản gốc docs/van-ban/2021/cv154.pdf quá lớn (1,5 MB, tối đa 1 KB)"]


def test_a_name_the_schema_refuses_is_not_looked_up(tmp_path):
    archive = archive_with(tmp_path, {"etc/passwd.pdf": b"x"}, ban_goc="../../etc/passwd.pdf")
    assert PAGE not in archive.originals and len(errors(archive)) == 1


def test_a_file_named_by_a_refused_ban_goc_is_not_declared(tmp_path):
    """A name the schema refuses declares nothing: the file beside the page is then refused by the
    file policy, not published under its own (here hostile) name."""
    name = "x\"><img src=x onerror=alert(1)>.pdf"
    archive = archive_with(tmp_path, {f"van-ban/2021/{name}": b"%PDF-1.4"}, ban_goc=name)
    assert declared_files(archive.catalog.records) == set()


@pytest.mark.parametrize("size, shown", [(1_234_567, "1,2 MB"), (850_400, "850 KB"), (12, "1 KB"), (50_000_000, "50,0 MB")])
def test_size_text(size, shown):
    assert size_text(size) == shown


# A page of the site's origin named .pdf: on a host that sends no Content-Type (or sniffs), the browser runs it.
@pytest.mark.parametrize("name, data, what", [
    ("cv154.pdf", b"<html><script>alert(1)</script>", "có đuôi .pdf nhưng nội dung là trang HTML/SVG/XML"),
    ("cv154.pdf", b"\xef\xbb\xbf\n  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
     "có đuôi .pdf nhưng nội dung là trang HTML/SVG/XML"),
    ("cv154.png", b"GIF89a<script>", "có đuôi .png nhưng nội dung không bắt đầu như một tệp PNG"),
    ("cv154.docx", b"%PDF-1.4", "có đuôi .docx nhưng nội dung không bắt đầu như một tệp DOCX"),
])
def test_a_file_whose_bytes_are_not_its_kind_is_an_error_and_not_published(tmp_path, name, data, what):
    archive = archive_with(tmp_path, {f"van-ban/2021/{name}": data}, ban_goc=name)
    assert errors(archive) == [f"tệp bản gốc docs/van-ban/2021/{name} {what}"]
    assert PAGE not in archive.originals


@pytest.mark.parametrize("name, data", [("a.pdf", b"%PDF-1.7\n"), ("a.docx", b"PK\x03\x04"), ("a.odt", b"PK\x03\x04"),
                                        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), ("a.jpeg", b"\xff\xd8\xff\xe0"),
                                        ("a.png", b"\x89PNG\r\n\x1a\n"), ("a.tif", b"II*\0"), ("a.TIFF", b"MM\0*")])
def test_each_kind_of_original_is_known_by_its_first_bytes(tmp_path, name, data):
    assert errors(archive_with(tmp_path, {f"van-ban/2021/{name}": data}, ban_goc=name)) == []


@pytest.mark.parametrize("data", [b"", b"x" * 2_000, b"<html>"])
def test_an_original_with_an_error_is_left_out_of_the_site_not_published_under_its_own_name(tmp_path, monkeypatch, data):
    """Declared, so the file policy let it through: MkDocs copied it to van-ban/2021/cv154.pdf while the page
    said it had no original (empty, too big, not a PDF)."""
    monkeypatch.setattr(originals, "MAX_BYTES", 1_000)
    (tmp_path / "van-ban" / "2021").mkdir(parents=True)
    (tmp_path / "van-ban" / "2021" / "cv154.pdf").write_bytes(data)
    archive = build_archive([(PAGE, page(ban_goc="cv154.pdf"))], [(PAGE, False), ("van-ban/2021/cv154.pdf", False)],
                            locate=lambda src: str(tmp_path / src))
    assert len(errors(archive)) == 1 and "van-ban/2021/cv154.pdf" in archive.catalog.unreadable
    assert archive.catalog.problems.get("van-ban/2021/cv154.pdf", []) == []   # one error, on the page


def test_every_kind_of_original_has_its_first_bytes():
    from vanban.schema import ORIGINAL_FORMATS
    assert set(originals.MAGIC) == set(ORIGINAL_FORMATS)


def test_a_file_two_pages_declare_is_the_first_page_s_and_an_error_on_the_second(tmp_path):
    # One file has one address: MkDocs copies it once, so a second page's link would be dead.
    (tmp_path / "van-ban/2021").mkdir(parents=True)
    (tmp_path / "van-ban/2021/chung.pdf").write_bytes(b"%PDF-1.4 mot ban goc")
    other = "van-ban/2021/cong-van-155-cv-tu.md"
    locate = lambda src: str(tmp_path / src) if (tmp_path / src).is_file() else None  # noqa: E731
    archive = build_archive([(PAGE, page(ban_goc="chung.pdf")),
                             (other, page(so_ky_hieu="155-CV/TU", ban_goc="chung.pdf"))], locate=locate)
    assert [o.address for o in archive.originals[PAGE]] == ["van-ban/2021/cong-van-154-cv-tu/ban-goc.pdf"]
    assert other not in archive.originals
    assert [p.message for p in archive.catalog.problems[other] if p.severity == "error"] == [
        "tệp bản gốc docs/van-ban/2021/chung.pdf đã là bản gốc của trang docs/van-ban/2021/cong-van-154-cv-tu.md"]
