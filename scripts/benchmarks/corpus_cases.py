"""A judged query set made from any archive's own pages, of the kinds issue 18 was judged on.

    .venv/bin/python -m scripts.benchmarks.corpus_cases DOCS_DIR SITE_DIR > cases.json
    .venv/bin/python scripts/bench.py --judge SITE_DIR cases.json

DOCS_DIR is the archive's docs directory (its van-ban/ pages are read), SITE_DIR the
site built from it (its chua-co/ pages are the numbers cited but not held). The cases
hold the archive's own words, so a set made from a corpus that may not be published
stays out of the repository; scripts/benchmarks/ranking.py explains the kinds.

- number: each document's number in six spellings (223/CĐ-TTg, 223/cd-ttg,
  223 cd ttg, cong dien 223, CĐ 223, số 223); right answers are the documents
  that hold that number exactly as spelt (every word in their number field).
- subject: four words in a row of a trích yếu, without diacritics (its start and its
  middle); right answers are the trích yếu (or titles) holding them; skipped when more
  than three do.
- signer: each signer's name without diacritics; right answers are the documents they signed.
- nonsense: words no directive holds.
- missing: every number cited but not held by two documents or more, as written,
  and "<type> <digits>" when no document holds those digits with that type.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import yaml

from vanban.search.text import fold_query, phrase_words
from vanban.symbols import parse_symbol

NONSENSE = ("xyzzyqwerty", "abcdefgh", "qwertyuiop", "asdfghjkl", "zzzzzzzz",
            "phong chong xyzzyqwerty", "nghi dinh qqqqq")
SUBJECT_WORDS = 4
MAX_SUBJECT_ANSWERS = 3


def pages(docs: Path) -> list[dict]:
    """Front matter of every document page, with its site path."""
    found = []
    for path in sorted((docs / "van-ban").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        rel = path.relative_to(docs).with_suffix("")
        meta["_url"] = "/" + "/".join(rel.parts) + "/"
        found.append(meta)
    return found


def _spellings(meta: dict) -> dict[str, str]:
    """Spelling -> how a right answer must match it: "exact" (whole number), "type" (type and
    digits), "code" (first code and digits), "digits"."""
    symbol = parse_symbol(str(meta.get("so_ky_hieu") or ""))
    if not symbol:
        return {}
    written = str(symbol)
    digits = symbol.number.lstrip("0") or "0"
    out = {written: "exact", fold_query(written): "exact",
           " ".join(phrase_words(written).split()): "exact",
           f"{symbol.codes[0]} {digits}": "code", f"số {digits}": "digits"}
    if meta.get("loai_van_ban"):
        out[f"{fold_query(meta['loai_van_ban'])} {digits}"] = "type"
    return out


def _matches(meta: dict, other: dict, how: str) -> bool:
    a, b = parse_symbol(str(meta.get("so_ky_hieu") or "")), parse_symbol(str(other.get("so_ky_hieu") or ""))
    if not a or not b or (a.number.lstrip("0") != b.number.lstrip("0")):
        return False
    if how == "exact":
        return phrase_words(str(a)) == phrase_words(str(b))
    if how == "code":
        return fold_query(a.codes[0]) in [fold_query(c) for c in b.codes]
    if how == "type":
        return fold_query(meta.get("loai_van_ban") or "") == fold_query(other.get("loai_van_ban") or "")
    return True


def number_cases(docs: list[dict]) -> list[dict]:
    cases = []
    for meta in docs:
        for query, how in _spellings(meta).items():
            relevant = [o["_url"] for o in docs if _matches(meta, o, how)]
            cases.append({"query": query, "kind": "number", "relevant": relevant})
    return _unique(cases)


def _subject(meta: dict) -> str:
    words = phrase_words(meta.get("trich_yeu") or "").split()
    while words[:1] in (["v"], ["vv"]) or words[:2] == ["ve", "viec"]:
        words = words[2:] if words[:2] == ["ve", "viec"] else words[1:]
    return " ".join(words)


def subject_cases(docs: list[dict]) -> list[dict]:
    cases = []
    texts = {o["_url"]: " %s %s " % (_subject(o), phrase_words(o.get("title") or "")) for o in docs}
    for meta in docs:
        words = _subject(meta).split()
        if len(words) < SUBJECT_WORDS:
            continue
        for start in sorted({0, (len(words) - SUBJECT_WORDS) // 2}):
            query = " ".join(words[start:start + SUBJECT_WORDS])
            relevant = [url for url, text in texts.items() if f" {query} " in text]
            if len(relevant) <= MAX_SUBJECT_ANSWERS:
                cases.append({"query": query, "kind": "subject", "relevant": relevant})
    return _unique(cases)


def signer_cases(docs: list[dict]) -> list[dict]:
    names: dict[str, list[str]] = {}
    for meta in docs:
        name = phrase_words(meta.get("nguoi_ky") or "")
        if len(name.split()) >= 2:
            names.setdefault(name, []).append(meta["_url"])
    return [{"query": name, "kind": "signer", "relevant": urls} for name, urls in sorted(names.items())]


_CITED_BY_RE = re.compile(r"Được dẫn chiếu bởi\s*\((\d+)\)")


def _chua_co_pages(site: Path) -> list[tuple[str, int, str]]:
    """(number as written, documents citing it, page path) of every chua-co/ page."""
    found = []
    for page in sorted((site / "chua-co").glob("*/index.html")):
        raw = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        cited = _CITED_BY_RE.search(raw)
        heading = re.search(r"(\S+) \(chưa có trong kho\)", raw)
        if cited and heading:
            found.append((heading.group(1), int(cited.group(1)), f"/chua-co/{page.parent.name}/"))
    return found


def _typed(written: str) -> dict:
    """A number as front matter: its type is the one its code names."""
    symbol = parse_symbol(written)
    return {"so_ky_hieu": written, "loai_van_ban": symbol.doc_type if symbol else None}


def missing_cases(site: Path, docs: list[dict]) -> list[dict]:
    """Numbers cited but not held by two documents or more (their chua-co/ pages). A right
    answer is a first card for that number (one number may have a page per province), and,
    when no document holds its digits with its type, for "<type> <digits>" too."""
    missing = _chua_co_pages(site)
    cases = []
    for written, cited, _ in missing:
        symbol = parse_symbol(written)
        if cited < 2 or not symbol:
            continue
        same = [card for w, _, card in missing if fold_query(w) == fold_query(written)]
        cases.append({"query": written, "kind": "missing", "card": same})
        typed = _typed(written)
        if typed["loai_van_ban"] and not any(_matches(typed, o, "type") for o in docs):
            cards = [card for w, _, card in missing if _matches(typed, _typed(w), "type")]
            query = f"{typed['loai_van_ban']} {symbol.number.lstrip('0')}"
            cases.append({"query": query, "kind": "missing", "card": cards})
    return _unique(cases)


def _unique(cases: list[dict]) -> list[dict]:
    seen, out = set(), []
    for case in cases:
        if case["query"] not in seen:
            seen.add(case["query"])
            out.append(case)
    return out


def all_cases(docs_dir: Path, site: Path) -> list[dict]:
    docs = pages(docs_dir)
    nonsense = [{"query": q, "kind": "nonsense"} for q in NONSENSE]
    return (number_cases(docs) + subject_cases(docs) + signer_cases(docs) + nonsense
            + missing_cases(site, docs))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    cases = all_cases(Path(sys.argv[1]), Path(sys.argv[2]))
    print("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]")
