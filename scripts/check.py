"""Check every staff page without a full build: `python scripts/check.py [docs dir] [--review]`.

Uses the same parser, schema and duplicate check as the MkDocs hooks. Prints one
line per error (file, key, value, fix) and exits 1 when there is one. Review
flags (can_xac_minh) do not fail: they are counted on the last line, and
listed one per file and key with --review.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban.archive.catalog import build_catalog  # noqa: E402


def read_pages(docs: Path):
    for path in sorted(docs.rglob("*.md")):
        yield path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8-sig", errors="replace")


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
    catalog = build_catalog(read_pages(docs))
    errors = catalog.errors
    for src_uri, problem in errors:
        print(f"LỖI: {problem.format(f'{docs.name}/{src_uri}')}")
    flagged = catalog.review_flags
    if review:
        for src_uri, problems in flagged.items():
            for problem in problems:
                print(f"cần xác minh: {problem.format(f'{docs.name}/{src_uri}')}")
    warnings = sum(map(len, flagged.values()))
    hint = "" if review or not warnings else " (xem danh sách: scripts/check.py --review)"
    print(f"{len(catalog.records)} văn bản, {len(errors)} lỗi, {warnings} cảnh báo cần xác minh "
          f"ở {len(flagged)} văn bản{hint}.")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
