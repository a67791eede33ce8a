"""Sizes of a built site: everything, and each document page's HTML."""
from __future__ import annotations

import statistics
from pathlib import Path


def site_figures(site: Path, documents: list[str]) -> dict:
    """site_bytes, page_bytes_median and page_bytes_max over the documents' pages."""
    sizes = [(site / src[:-3] / "index.html").stat().st_size for src in documents]
    return {"site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
            "page_bytes_median": int(statistics.median(sizes)), "page_bytes_max": max(sizes)}
