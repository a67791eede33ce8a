"""MkDocs adapter: publish each document's original files (`ban_goc`) beside its page.

on_files (after archive.py and addresses.py, which moves pages to their permanent address):
docs/van-ban/2021/x.pdf, declared by docs/van-ban/2021/x.md, is written to
van-ban/<the page's address>/ban-goc.pdf instead of its file's path, so its address does not
change when the file is renamed. MkDocs copies it as it copies any static file. The rules
(and the errors for a missing or oversized file) live in vanban/archive/originals.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban.archive import site  # noqa: E402


def on_files(files, config):
    archive = site.current()
    if archive is None:
        return files
    for originals in archive.originals.values():
        for original in originals:
            file = files.get_file_from_path(original.src_uri)
            if file is not None:
                for derived in ("url", "abs_dest_path"):  # cached from the old destination
                    file.__dict__.pop(derived, None)
                file.dest_uri = original.address
    return files
