"""The search bundle alone at a size no full build reaches here (100,000 documents).

A full `mkdocs build` of 100,000 documents needs ~40 CPU-minutes and more memory
than the benchmark machine has (docs-dev/performance.md). What grows with N in
what a reader downloads is the search bundle, so this builds only that: the
generated archive (scripts/benchmarks/generate.py) read straight from its
Markdown (front matter, body text without Markdown marks, the numbers each
document cites; the numbers cited but not held), indexed by the same
hooks/search_index.py code, put into the site of the sample archive in place of
its own bundle, and measured with the same reader flows as a full build
(scripts/benchmarks/transfer.py).
"""
from __future__ import annotations

import gzip
import importlib.util
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import yaml

from scripts.benchmarks.generate import generate
from scripts.benchmarks.transfer import transfer
from tests.conftest import ROOT, mkdocs_build, sample_docs
from vanban.search.record import MissingDoc, SearchDoc
from vanban.symbols import normalize_symbol

_spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
search_index = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_index)

_MARKS_RE = re.compile(r"[*#>|`\\]|^!!!.*$", re.M)


def _documents(docs: Path, sources: list[str]):
    """(SearchDoc, numbers it cites) of each generated document, read from its Markdown."""
    for src in sources:
        text = (docs / src).read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        cites = tuple(normalize_symbol(c["so_ky_hieu"]) or c["so_ky_hieu"]
                      for c in meta.get("van_ban_dan_chieu") or () if c.get("so_ky_hieu"))
        url = "van-ban/" + src.split("/", 1)[1][:-3] + "/"
        yield SearchDoc(url, meta, " ".join(_MARKS_RE.sub(" ", body).split()), cites), meta


def _missing(cited: Counter, held: set[str], kinds: dict[str, str]) -> list[MissingDoc]:
    return [MissingDoc(url=f"chua-co/{re.sub(r'[^a-z0-9]+', '-', n.lower()).strip('-')}/", so_ky_hieu=n,
                       province=None, loai_van_ban=kinds.get(n), co_quan=None, cited_by=count)
            for n, count in cited.most_common() if n not in held]


def search_scale(n: int, work: Path, verbose: bool = False) -> dict:
    """Index N generated documents into the sample site; the bundle's bytes and the flows'."""
    work.mkdir(parents=True, exist_ok=True)
    site = work / "site"
    result = mkdocs_build(site, docs_dir=sample_docs())
    if result.returncode != 0:
        raise SystemExit("the sample archive did not build:\n" + result.stderr[-3000:])
    docs = work / "docs"
    sources = generate(docs, n)
    started = time.perf_counter()
    spool_dir = work / "spool"
    spool = search_index.Spool(spool_dir)
    cited, held, kinds = Counter(), set(), {}
    for doc, meta in _documents(docs, sources):
        spool.add(search_index.record_of(doc))
        held.add(normalize_symbol(str(meta["so_ky_hieu"])))
        cited.update(doc.cites)
        for c in meta.get("van_ban_dan_chieu") or ():
            kinds.setdefault(normalize_symbol(c["so_ky_hieu"]) or c["so_ky_hieu"], c.get("loai_van_ban"))
    for missing in _missing(cited, held, kinds):
        spool.add(search_index.missing_record_of(missing))
    shutil.rmtree(docs)   # the Markdown is not needed any more: 100,000 files
    search_index.index_spool(site, spool)
    shutil.rmtree(spool_dir)
    bundle = site / "pagefind"
    pair_files = list((bundle / "pairs").glob("*/*.pf_pairs"))
    sizes = {"index_s": round(time.perf_counter() - started),
             "index_bytes": sum(p.stat().st_size for p in (bundle / "index").iterdir()),
             "chunks": len(list((bundle / "index").iterdir())),
             "fragment_bytes": sum(p.stat().st_size for p in (bundle / "fragment").iterdir()),
             "pair_shards": len(pair_files), "pair_bytes": sum(p.stat().st_size for p in pair_files),
             "search_json_gz": len(gzip.compress((bundle / "kho-search.json").read_bytes(), 6)),
             "facets_json_gz": len(gzip.compress((bundle / "kho-facets.json").read_bytes(), 6))}
    return {"docs": n, **sizes, **transfer(site, verbose=verbose)}
