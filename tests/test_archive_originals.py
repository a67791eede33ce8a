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
