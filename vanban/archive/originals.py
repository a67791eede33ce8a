"""The original files (ban_goc) staff commit beside a page, and where the site publishes them.

`ban_goc: cong-van-154-cv-tu.pdf` in docs/van-ban/2021/cong-van-154-cv-tu.md names
docs/van-ban/2021/cong-van-154-cv-tu.pdf. The site publishes it beside the page, at an
address that does not depend on the file's name: van-ban/<page>/ban-goc.pdf (the second
original ban-goc-2.<ext>, …), so renaming or moving the file never breaks a link. Its
size and SHA-256 are shown on the page and in open data, so a reader can check that the
copy is the one the office holds.

A declared file that is missing, empty or over MAX_BYTES, or whose first bytes are not
those of its kind (`MAGIC`: an HTML or SVG page named .pdf is a page of the site's origin
on any host that sends no type, or sniffs), is an error naming the page, the file and the
fix; the page is published without it. Files are found through `locate`
(docs-relative path -> path on disk, or None), so the MkDocs hooks and scripts/check.py
share these rules.
"""
from __future__ import annotations

import hashlib
import os
import posixpath
from dataclasses import dataclass

from ..schema import ORIGINAL_FORMATS, Problem, original_names
from . import urls
from .catalog import Record

MAX_BYTES = 50_000_000   # a scanned directive at 300 dpi is a few MB; GitHub warns at 50 MB
_CHUNK = 1 << 20
# The first bytes of each kind of original (a short prefix: enough that no browser takes it for a page).
MAGIC = {".pdf": (b"%PDF-",), ".docx": (b"PK",), ".odt": (b"PK",), ".doc": (b"\xd0\xcf\x11\xe0",),
         ".jpg": (b"\xff\xd8",), ".jpeg": (b"\xff\xd8",), ".png": (b"\x89PNG",), ".tif": (b"II*\0", b"MM\0*"),
         ".tiff": (b"II*\0", b"MM\0*")}


@dataclass(frozen=True)
class Original:
    name: str          # as written in ban_goc
    src_uri: str       # docs-relative: "van-ban/2021/cong-van-154-cv-tu.pdf"
    size: int
    sha256: str
    address: str       # site path: "van-ban/2021/cong-van-154-cv-tu/ban-goc.pdf"

    @property
    def extension(self) -> str:
        return posixpath.splitext(self.name)[1].lower()

    @property
    def media_type(self) -> str:
        return ORIGINAL_FORMATS[self.extension]

    @property
    def format_name(self) -> str:
        """"PDF", "DOCX", "JPEG": what the link says the file is."""
        return {".jpg": "JPEG", ".tif": "TIFF"}.get(self.extension, self.extension[1:].upper())


def size_text(size: int) -> str:
    """"1,2 MB", "850 KB": decimal units and a decimal comma, as Vietnamese readers write them."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} KB"


def address(src_uri: str, position: int, name: str) -> str:
    """The n-th original of a page (1-based), beside the page: van-ban/<page>/ban-goc[-n].<ext>."""
    extension = posixpath.splitext(name)[1].lower()
    return f"{urls.page_dir(src_uri)}ban-goc{'' if position == 1 else f'-{position}'}{extension}"


def _digest(head: bytes, handle) -> str:
    """SHA-256 of a file whose first bytes were already read from handle."""
    digest = hashlib.sha256(head)
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _original(record: Record, position: int, name: str, locate) -> Original | Problem:
    src_uri = posixpath.join(posixpath.dirname(record.src_uri), name)
    path = locate(src_uri)
    size = os.path.getsize(path) if path and os.path.isfile(path) else None
    if size is None:
        return Problem("ban_goc", name, f"không thấy tệp bản gốc docs/{src_uri}",
                       "đặt tệp bản gốc cùng thư mục với trang (và commit nó), hoặc sửa tên tệp trong ban_goc")
    if size == 0 or size > MAX_BYTES:
        why = "rỗng" if size == 0 else f"quá lớn ({size_text(size)}, tối đa {size_text(MAX_BYTES)})"
        return Problem("ban_goc", name, f"tệp bản gốc docs/{src_uri} {why}",
                       "quét lại ở 200–300 dpi, hoặc nén PDF (ví dụ: In ra PDF với chất lượng thấp hơn) rồi thay tệp"
                       if size else "chép lại đúng tệp bản gốc")
    kind = posixpath.splitext(name)[1].lower()
    with open(path, "rb") as handle:   # one read: the first bytes are checked, then hashed with the rest
        head = handle.read(64)
        if not head.startswith(MAGIC[kind]):
            what = "là trang HTML/SVG/XML" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else \
                f"không bắt đầu như một tệp {kind[1:].upper()}"
            return Problem("ban_goc", name, f"tệp bản gốc docs/{src_uri} có đuôi {kind} nhưng nội dung {what}",
                           "xuất lại bản gốc đúng định dạng (ví dụ In ra PDF), hoặc đặt tên tệp theo đúng định dạng "
                           "của nó")
        sha256 = _digest(head, handle)
    return Original(name, src_uri, size, sha256, address(record.src_uri, position, name))


def find_originals(records: list[Record], locate) -> dict[str, list[Original]]:
    """src_uri -> the page's originals that exist; a missing or oversized one becomes an error of its page."""
    found: dict[str, list[Original]] = {}
    owner: dict[str, str] = {}   # a file's src_uri -> the page it is the original of
    for record in records:
        if "ban_goc" not in record.meta or any(p.key == "ban_goc" for p in record.problems):
            continue   # absent, or not a list of plain file names (the schema said so)
        for position, name in enumerate(dict.fromkeys(original_names(record.meta["ban_goc"])), 1):
            result = _original(record, position, name, locate)
            if isinstance(result, Original) and result.src_uri in owner:
                # MkDocs copies a file to one address: a second page's link would be dead.
                result = Problem("ban_goc", name, f"tệp bản gốc docs/{result.src_uri} đã là bản gốc của trang "
                                 f"docs/{owner[result.src_uri]}",
                                 "mỗi văn bản một tệp bản gốc: chép tệp với tên khác cho trang này, hoặc bỏ ban_goc")
            if isinstance(result, Problem):
                record.problems.append(result)
            else:
                owner[result.src_uri] = record.src_uri
                found.setdefault(record.src_uri, []).append(result)
    return found


def published_files(originals: dict[str, list[Original]]) -> set[str]:
    """Docs-relative paths of the originals find_originals publishes."""
    return {original.src_uri for found in originals.values() for original in found}


def declared_files(records: list[Record]) -> set[str]:
    """Docs-relative paths of every original a page declares (the files docs/van-ban/ may hold
    besides pages: the security rules accept these). A ban_goc the schema refuses declares
    nothing, as find_originals publishes nothing of it: its file is refused, never published
    under its own name."""
    return {posixpath.join(posixpath.dirname(r.src_uri), name)
            for r in records if not any(p.key == "ban_goc" for p in r.problems)
            for name in original_names(r.meta.get("ban_goc"))}
