"""Seconds from saving one document to its preview page (scripts/preview.py), as staff run it.

Each run is a fresh process (interpreter, MkDocs and theme imports included),
so these are the seconds of the one-shot command; --watch saves the start-up.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(docs: Path, out: Path, src_uri: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "preview.py"), str(docs / src_uri), "--docs", str(docs),
                    "--out", str(out)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nnguoi_ky: ", "\nnguoi_ky: Sửa ", 1), encoding="utf-8")


def preview_figures(docs: Path, work: Path, documents: list[str]) -> dict:
    """preview_cold_s (no cache yet), preview_s (a typical document after an edit) and
    preview_most_cited_s (the most cited document after an edit)."""
    from vanban.archive.preview import PreviewCatalog
    out = work / "preview"
    typical = documents[len(documents) // 2]
    cold = _run(docs, out, typical)
    catalog = PreviewCatalog(docs, out / "catalog.json")
    cited = {}
    for entry in catalog.entries.values():
        for key in entry.cited:
            cited[key] = cited.get(key, 0) + 1
    most = max((src for src, e in catalog.entries.items() if e.own_key), key=lambda s: cited.get(
        catalog.entries[s].own_key, 0))
    figures = {"preview_cold_s": round(cold, 1), "preview_most_cited_refs": cited.get(catalog.entries[most].own_key, 0)}
    for name, src in (("preview_s", typical), ("preview_most_cited_s", most)):
        _edit(docs / src)
        figures[name] = round(_run(docs, out, src), 1)
    return figures
