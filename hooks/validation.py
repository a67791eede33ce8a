"""MkDocs adapter: report the schema problems of staff pages.

Errors go to log.error, one line each, so `mkdocs build --strict` fails and
names the file, the key, the bad value and the fix. Review flags (can_xac_minh)
must not fail --strict and would bury the errors at 10,000 documents: the build
logs one summary line, and `scripts/check.py --review` lists them per file.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban.archive import site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.validation")


def on_files(files, config):
    archive = site.current()
    if archive is None:
        return files
    for src_uri, problem in archive.catalog.errors:
        log.error(problem.format(f"{Path(config.docs_dir).name}/{src_uri}"))
    flagged = archive.catalog.review_flags
    _log_advice(flagged, Path(config.docs_dir).name)
    if flagged:
        log.info("Cần xác minh: %d văn bản có %d khóa cần đối chiếu bản gốc (danh sách: "
                 "python scripts/check.py --review)", len(flagged), sum(map(len, flagged.values())))
    return files


MAX_ADVICE_LINES = 10


def _log_advice(flagged: dict, docs_name: str) -> None:
    """A review warning with advice of its own ("Có phải: ...?") once per distinct value, with how many
    pages share it, and at most MAX_ADVICE_LINES of them: the log stays a few lines whatever N is."""
    first, pages = {}, {}
    for src_uri, problems in flagged.items():
        for problem in filter(lambda p: p.advises, problems):
            key = (problem.key, repr(problem.value))
            first.setdefault(key, (src_uri, problem))
            pages[key] = pages.get(key, 0) + 1
    for key, (src_uri, problem) in list(first.items())[:MAX_ADVICE_LINES]:
        others = f" (và {pages[key] - 1} văn bản khác)" if pages[key] > 1 else ""
        log.info(problem.format(f"{docs_name}/{src_uri}") + others)
    if len(first) > MAX_ADVICE_LINES:
        log.info("… và %d giá trị khác cần xác minh như trên (danh sách: python scripts/check.py)",
                 len(first) - MAX_ADVICE_LINES)

