"""MkDocs adapter: report the schema problems of staff pages.

Errors go to log.error, so `mkdocs build --strict` fails and names the file,
the key, the bad value and the fix. Review flags (can_xac_minh) are logged at
INFO: they must not fail --strict, and `scripts/check.py` prints them.
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


def _flag_keys(problems) -> set[str]:
    """Keys whose only warning is the generic can_xac_minh one (already listed above)."""
    return {p.key for p in problems if p.message.startswith("cần xác minh")} - {
        p.key for p in problems if p.severity != "error" and not p.message.startswith("cần xác minh")}


def on_files(files, config):
    archive = site.current()
    if archive is None:
        return files
    for src_uri, problems in sorted(archive.catalog.problems.items()):
        path = f"{Path(config.docs_dir).name}/{src_uri}"
        for problem in problems:
            if problem.severity == "error":
                log.error(problem.format(path))
        flagged = [p.key for p in problems if p.severity != "error"]
        if flagged:
            log.info("%s: cần xác minh: %s", path, ", ".join(flagged))
        for problem in problems:  # a review warning with its own advice ("Có phải: ...?")
            if problem.severity != "error" and problem.key not in _flag_keys(problems):
                log.info(problem.format(path))
    return files
