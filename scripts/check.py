"""Check every staff page without a full build: `python scripts/check.py [docs dir] [--review]`.

Uses the same parser, schema, duplicate and address checks as the MkDocs hooks. Prints one
line per error (file, key, value, fix) and exits 1 when there is one. Review
flags (can_xac_minh) do not fail: they are counted on the last line, and
listed one per file and key with --review.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban import office  # noqa: E402
from vanban.archive import urls  # noqa: E402
from vanban.archive.addresses import check_live_pages  # noqa: E402
from vanban.archive.site import build_archive  # noqa: E402
from vanban.archive.filepolicy import MARKDOWN_EXTENSIONS, docs_files  # noqa: E402
from vanban.archive.pagefile import is_hidden  # noqa: E402


def read_pages(docs: Path, files: list[tuple[str, bool]]):
    """Every Markdown page, read when the catalog asks (a link is never read: the file policy refuses it)."""
    for src_uri, is_link in files:
        if src_uri.endswith(MARKDOWN_EXTENSIONS) and not is_link:
            # Bytes: decoded and checked by the catalog, as in the build; a hidden name is judged by name alone.
            yield src_uri, _reader(docs / src_uri, is_hidden(src_uri))


def _reader(path: Path, hidden: bool):
    return lambda: b"" if hidden or not path.is_file() else path.read_bytes()


def _on_disk(docs: Path, src_uri: str) -> str | None:
    """A file of docs/ a page declares (its original, ban_goc), as the build finds it."""
    path = docs / src_uri
    return str(path) if path.is_file() and not is_hidden(src_uri) else None


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: its tags (!ENV, !relative) read as null."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_extra(config: Path) -> dict:
    """The `extra:` of mkdocs.yml ({} when it cannot be read: the build itself reports that)."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return (data or {}).get("extra") or {} if isinstance(data, dict) else {}


def main(argv: list[str]) -> int:
    review = "--review" in argv
    argv = [a for a in argv if a != "--review"]
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    docs = Path(argv[0]) if argv else ROOT / "docs"
    if not docs.is_dir():
        print(f"Không thấy thư mục {docs}", file=sys.stderr)
        return 2
    files = docs_files(docs)
    pages = list(read_pages(docs, files))
    archive = build_archive(pages, files, locate=lambda src_uri: _on_disk(docs, src_uri))
    refused = set(archive.catalog.unreadable)
    live = {urls.page_dir(src): src for src, _ in pages if src not in refused}
    live.update({urls.page_dir(src): src for src in archive.generated_pages()})
    check_live_pages(archive.addresses, archive.by_src, live)
    catalog = archive.catalog
    errors = catalog.errors
    for src_uri, problem in errors:
        print(f"LỖI: {problem.format(f'{docs.name}/{src_uri}')}")
    flagged = catalog.review_flags
    for src_uri, problems in flagged.items():  # flags with --review; advice ("Có phải: …?") always
        for problem in problems:
            if review or problem.advises:
                print(f"cần xác minh: {problem.format(f'{docs.name}/{src_uri}')}")
    warnings = sum(map(len, flagged.values()))
    hint = "" if review or not warnings else " (xem danh sách: scripts/check.py --review)"
    extra = mkdocs_extra(ROOT / "mkdocs.yml")
    office_errors = office.problems(extra)
    for problem in office_errors:
        print(f"LỖI: {problem.format('mkdocs.yml')}")
    notice = office.notice(extra)
    if notice:  # information, never an error
        print(f"thông tin: {notice}")
    print(f"{len(catalog.records)} văn bản, {len(errors) + len(office_errors)} lỗi, {warnings} cảnh báo cần xác minh "
          f"ở {len(flagged)} văn bản{hint}.")
    return 1 if errors or office_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
