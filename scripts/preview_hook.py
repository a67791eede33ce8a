"""MkDocs hook of scripts/preview.py only: related documents are read, not rendered.

hooks/archive.py has already read every page in on_files (their metadata and
citations are what the edited page shows), so the related documents' own pages
are dropped before rendering: a document cited 300 times would otherwise
render 300 pages for one preview. Links to them are dead in the preview only.
"""
from __future__ import annotations

import os


def on_files(files, config):
    stubs = set(filter(None, os.environ.get("KHO_PREVIEW_STUBS", "").split("\n")))
    for file in [f for f in files if f.src_uri in stubs]:
        files.remove(file)
    return files
