"""Only what the archive makes is published: which files under docs/ may reach the site.

MkDocs copies every file of docs/ as it is. A committed `.js`, `.html` or `.svg` file
would be published as live code, and the site's CSP (`script-src 'self'`) trusts any
script of the site; a `.markdown` file under van-ban/ would be rendered as a hand-written
page, never sanitised. So:
- under docs/van-ban/ (the staff area) a file is a document page (`.md`) or an original
  that a page beside it declares in `ban_goc` (PDF, DOCX or a scanned image);
- an active file (script, HTML, SVG, XML, CSS, server script) is allowed only under
  the project's own docs/assets/;
- no file is a symbolic link: a link is followed out of docs/ and publishes its target.
A refused file is an error (`mkdocs build --strict` and scripts/check.py fail) and is
left out of the site. MkDocs lists docs/ following links before any hook can refuse them, so a
link to a folder that holds it (two links to '..' double the walk at every level: it never ends)
or to a big tree ('/') stops the build first (`walk_stoppers`), naming the link. Document pages outside van-ban/ are found by the catalog, which
reads their front matter.
"""
from __future__ import annotations

import os
import posixpath
from pathlib import Path

from ..schema import ORIGINAL_FORMATS, Problem
from .pagefile import is_hidden
from .urls import DOCUMENTS_DIR, is_document

ASSETS_DIR = "assets/"
# What a browser or a web server runs, or renders as a page of the site's origin.
ACTIVE_EXTENSIONS = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
    ".js", ".mjs", ".cjs", ".wasm", ".swf", ".css",
    ".php", ".phtml", ".php3", ".php4", ".php5", ".phar", ".cgi", ".pl", ".py", ".asp", ".aspx", ".jsp",
})
# A declared original (`ban_goc`, vanban/archive/originals.py): the kinds the schema accepts.
ORIGINAL_EXTENSIONS = frozenset(ORIGINAL_FORMATS)
MARKDOWN_EXTENSIONS = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")   # what MkDocs renders as a page


def docs_files(docs: Path) -> list[tuple[str, bool]]:
    """(src_uri, is a symbolic link) of every file under docs/, links not followed; a linked
    folder is listed as one link."""
    found = []
    for folder, dirs, names in os.walk(docs):
        relative = Path(folder).relative_to(docs)
        for name in sorted(dirs):
            if os.path.islink(os.path.join(folder, name)):
                found.append(((relative / name).as_posix(), True))
        for name in sorted(names):
            found.append(((relative / name).as_posix(), os.path.islink(os.path.join(folder, name))))
        dirs.sort()
    return found


# A linked folder is refused file by file (it is small: someone linked a folder of pages); past this many
# entries MkDocs's walk of it is the danger, not its files.
MAX_LINKED_ENTRIES = 5_000
_STOP_FIX = "xóa liên kết (thư mục thật thì chép vào docs/, không liên kết)"


def walk_stoppers(docs: Path) -> list[Problem]:
    """Folder links under docs/ that MkDocs, which follows links while it lists docs/, would walk
    forever (a loop back into a folder on its way) or through a whole tree: each an error naming it."""
    problems = []
    for src_uri, is_link in docs_files(docs):
        path = docs / src_uri
        if is_link and path.is_dir():
            why = _endless_or_huge(path, {os.path.realpath(docs)})
            if why:
                problems.append(Problem("tệp", src_uri, f"liên kết tượng trưng tới thư mục {why}: bản dựng đi theo "
                                        "liên kết khi đọc docs/ và sẽ không dừng, nên dừng lại ngay", _STOP_FIX))
    return problems


def _endless_or_huge(link: Path, seen: set[str]) -> str | None:
    """Walk what a folder link leads to as MkDocs would (following links), within MAX_LINKED_ENTRIES."""
    start = os.path.realpath(link)
    if any(start == s or s.startswith(start.rstrip(os.sep) + os.sep) for s in seen):
        return "chứa chính docs/ (vòng lặp)"
    seen, entries = seen | {start}, 0
    for folder, dirs, names in os.walk(link, followlinks=True):
        entries += len(dirs) + len(names)
        if entries > MAX_LINKED_ENTRIES:
            return f"có hơn {MAX_LINKED_ENTRIES:,} tệp".replace(",", ".")
        for name in dirs:
            real = os.path.realpath(os.path.join(folder, name))
            if real in seen or any(s.startswith(real.rstrip(os.sep) + os.sep) for s in seen):
                return "quay lại một thư mục trên đường đi của nó (vòng lặp)"
            seen.add(real)
    return None


def link_flags(docs: Path, src_uris) -> list[tuple[str, bool]]:
    """(src_uri, True when the file or a folder on its way under docs/ is a symbolic link) of files
    that MkDocs found by following links (each folder resolved once)."""
    root = os.path.realpath(docs)
    folders: dict[str, bool] = {}
    flags = []
    for src_uri in src_uris:
        folder = posixpath.dirname(src_uri)
        if folder not in folders:
            folders[folder] = os.path.realpath(os.path.join(docs, folder)) != os.path.normpath(os.path.join(root, folder))
        flags.append((src_uri, folders[folder] or os.path.islink(os.path.join(docs, src_uri))))
    return flags


def file_problem(src_uri: str, is_link: bool, originals: set[str]) -> Problem | None:
    """Why this file of docs/ may not be published, or None."""
    if is_hidden(src_uri):
        return None   # MkDocs never publishes a hidden file
    extension = posixpath.splitext(src_uri)[1].lower()
    if is_link:
        return Problem("tệp", src_uri, "tệp là liên kết tượng trưng (symlink): bản dựng sẽ công bố tệp nó trỏ tới, "
                       "có thể nằm ngoài docs/", "thay liên kết bằng chính tệp đó, hoặc xóa liên kết")
    if src_uri.startswith(DOCUMENTS_DIR):
        if is_document(src_uri):
            return None
        if src_uri in originals and extension in ORIGINAL_EXTENSIONS:
            return None
        if src_uri in originals:
            return Problem("tệp", src_uri, "bản gốc chỉ được là PDF, DOCX hoặc ảnh quét ("
                           + ", ".join(sorted(ORIGINAL_EXTENSIONS)) + ")",
                           "xuất bản gốc ra PDF, hoặc bỏ tệp này khỏi ban_goc và xóa tệp")
        if src_uri.endswith(MARKDOWN_EXTENSIONS):
            return Problem("tệp", src_uri, "trang văn bản phải có đuôi .md", "đổi đuôi tệp thành .md")
        why = ("trong docs/van-ban/ chỉ có trang văn bản (.md) và bản gốc (PDF, DOCX, ảnh quét) được khai báo "
               "ở khóa ban_goc của trang cùng thư mục")
        if extension in ORIGINAL_EXTENSIONS:
            return Problem("tệp", src_uri, why, f"thêm '{posixpath.basename(src_uri)}' vào ban_goc của trang văn bản "
                           "bên cạnh, hoặc xóa tệp")
        return Problem("tệp", src_uri, why, "xóa tệp")
    if extension in ACTIVE_EXTENSIONS and not src_uri.startswith(ASSETS_DIR):
        return Problem("tệp", src_uri, f"tệp {extension} chạy được trong trình duyệt hoặc máy chủ web: "
                       "chỉ các tệp của dự án trong docs/assets/ được công bố",
                       "xóa tệp; trang viết tay dùng Markdown, không nhúng mã")
    return None


def refused_files(files, originals: set[str]) -> list[tuple[str, Problem]]:
    """files: (src_uri, is_link) of every file under docs/. Each file the policy refuses, with why."""
    found = ((src_uri, file_problem(src_uri, is_link, originals)) for src_uri, is_link in files)
    return [(src_uri, problem) for src_uri, problem in found if problem]
