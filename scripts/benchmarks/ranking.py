"""How well search ranks: a judged query set run through the search page as a reader uses it.

Each case is a query typed into tim-kiem/?q=… and what a right answer is:

    {"query": "cong dien 223", "kind": "number", "relevant": ["/van-ban/2025/cong-dien-223-cd-ttg/"]}
    {"query": "xyzzyqwerty", "kind": "nonsense"}
    {"query": "16/CT-TTg", "kind": "missing", "card": "/chua-co/16-ct-ttg/"}

Kinds: number and signer (a relevant document first), subject (one in the top 3),
nonsense (no result at all), missing (the first card links that "chưa có trong
kho" page; "card" may list several, e.g. one per province, any of them first).
The set the tests use is tests/fixtures/search_judged_cases.json, built from the
bundled seeds and staff pages; `judge` prints the same figures for any built site
and case file (scripts/bench.py --judge SITE CASES), and corpus_cases.py makes
such a file from any archive's own pages.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, FIXTURES, serve

JUDGED_CASES = FIXTURES / "search_judged_cases.json"
WANT_FIRST = ("number", "signer")


def site_path(href: str, base: str) -> str:
    """"http://127.0.0.1:8000/van-ban/x/" -> "/van-ban/x/" (the base may carry a sub-path)."""
    prefix = re.sub(r"^https?://[^/]+", "", base).rstrip("/")
    path = re.sub(r"^https?://[^/]+", "", href)
    return path[len(prefix):] if path.startswith(prefix + "/") else path


def run_query(page, base: str, query: str) -> dict:
    """{"results": paths in order (first page), "count": documents found, "cards": card paths}."""
    page.goto(f"{base}tim-kiem/?q={quote(query)}")
    page.wait_for_selector("#kho-tim-kiem[data-state=done], #kho-tim-kiem[data-state=error]", timeout=60000)
    results = page.eval_on_selector_all(".kho-page__list .kho-result__link", "els => els.map(e => e.href)")
    cards = page.eval_on_selector_all(".kho-cards .kho-card__link", "els => els.map(e => e.href)")
    summary = page.inner_text(".kho-page__summary")
    count = re.search(r"(\d+) văn bản", summary)
    return {"results": [site_path(h, base) for h in results], "cards": [site_path(h, base) for h in cards],
            "count": int(count.group(1)) if count and results else 0}


def judged(case: dict, found: dict) -> dict:
    """The case's outcome: ok, and the rank of the first relevant result (0 = none in view)."""
    relevant = set(case.get("relevant", ()))
    rank = next((k + 1 for k, path in enumerate(found["results"]) if path in relevant), 0)
    kind = case["kind"]
    if kind == "nonsense":
        ok = found["count"] == 0 and not found["cards"]
    elif kind == "missing":
        cards = [case["card"]] if isinstance(case["card"], str) else case["card"]
        ok = bool(found["cards"]) and found["cards"][0] in cards
    elif kind in WANT_FIRST:
        ok = rank == 1
    else:
        ok = 0 < rank <= 3
    return {"ok": ok, "rank": rank}


def figures(outcomes: list[tuple[dict, dict]]) -> dict:
    """success@1, success@3 and mean reciprocal rank over the cases with relevant documents,
    and the share of each kind's cases that came out right."""
    ranked = [o["rank"] for case, o in outcomes if case.get("relevant")]
    result = {}
    if ranked:
        result.update(success_at_1=round(sum(r == 1 for r in ranked) / len(ranked), 3),
                      success_at_3=round(sum(0 < r <= 3 for r in ranked) / len(ranked), 3),
                      mrr=round(sum(1 / r for r in ranked if r) / len(ranked), 3))
    for kind in sorted({case["kind"] for case, _ in outcomes}):
        mine = [o["ok"] for case, o in outcomes if case["kind"] == kind]
        result[f"{kind}_ok"] = f"{sum(mine)}/{len(mine)}"
    return result


def outcomes_on(page, base: str, cases: list[dict], verbose: bool = False) -> list[tuple[dict, dict]]:
    """Run every case in an open browser page on the site at `base`."""
    outcomes = []
    for case in cases:
        found = run_query(page, base, case["query"])
        outcome = judged(case, found)
        outcomes.append((case, outcome))
        if verbose and not outcome["ok"]:
            print(f"  MISS {case['kind']:8s} {case['query']!r}: rank {outcome['rank']}, "
                  f"first {found['results'][:3]}, cards {found['cards'][:2]}", flush=True)
    return outcomes


def judge(site: Path, cases: list[dict], verbose: bool = False) -> dict:
    """The figures of `cases` on the built site `site`, in headless Chromium."""
    from playwright.sync_api import sync_playwright
    with serve(Path(site)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        outcomes = outcomes_on(browser.new_page(), base, cases, verbose)
        browser.close()
    return figures(outcomes)


def load_cases(path: Path = JUDGED_CASES) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def judged_figures(work: Path) -> dict:
    """The judged set on the sample archive (the seeds and staff pages, as the tests build it)."""
    from tests.conftest import mkdocs_build, sample_docs
    site = Path(work) / "site-judged"
    result = mkdocs_build(site, docs_dir=sample_docs())
    if result.returncode != 0:
        raise SystemExit("the sample archive did not build:\n" + result.stderr[-3000:])
    return {f"judged_{k}": v for k, v in judge(site, load_cases()).items()}
