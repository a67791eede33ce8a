"""Accuracy on a labelled folder: convert every labelled file and score the front matter.

    .venv/bin/python scripts/bench.py --accuracy DIR [--labels LABELS.json] [--kind pdf-scan]

An office measures the converter on its own files: put them in a folder with a labels.json
beside them (or anywhere, with --labels) that says, per file, what a person reads on it:

    [{"file": "cv-12.pdf",              the file's name inside DIR
      "kind": "pdf-scan",               free text, for --kind (pdf-scan, pdf-text, docx, ocr, ...)
      "number": "12/UBND-VP",           số ký hiệu, or null when the document has none
      "number_confident": true,         false: the number is not scored (a person could not read it either)
      "doc_type": "Công văn",           loai_van_ban; null or absent: not scored
      "date": "2024-09-15",             ngay_ban_hanh (ISO), or null
      "issuer": "Ủy ban nhân dân tỉnh Hà Nam",   null or absent: not scored
      "signer": "Nguyễn Văn A",         null or absent: not scored
      "citations": ["16/CT-TTg"],       documents the text cites by number
      "annex_citations": []}]           cited in an annex only: neither required nor counted as extra

Scoring (the same rules as the team's labels_score tool):
- number: symbols equal ignoring spaces, case and the look-alike Đ; date: the same ISO day;
- type and signer: equal after folding tone marks, đ and case; issuer: one folded name contains
  the other ("UBND" and "TP." spelled out);
- "wrong and not flagged": a value published, wrong, and not in can_xac_minh (the error that
  reaches readers unwarned); a null counts as a miss, never as wrong;
- citations: precision, recall and F1 over the cited numbers, per document.
Every miss is printed, one line each.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# label key -> front-matter key
FIELDS = {"number": "so_ky_hieu", "date": "ngay_ban_hanh", "type": "loai_van_ban", "issuer": "co_quan_ban_hanh",
          "signer": "nguoi_ky"}


def fold(text) -> str:
    text = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text).strip().casefold()


def body_key(name) -> str:
    """An agency name folded, with the abbreviations staff write spelled out."""
    text = re.sub(r"\btp\.?\s*(?=\w)", "thanh pho ", fold(name))
    return re.sub(r"\s+", " ", re.sub(r"\bubnd\b", "uy ban nhan dan", text)).strip()


def symbol_key(text) -> str:
    text = unicodedata.normalize("NFC", str(text or "")).replace("Ð", "Đ").replace("–", "-")
    return re.sub(r"\s+", "", text).upper()


@dataclass
class Score:
    fields: dict = field(default_factory=dict)        # label key -> [right, scored, wrong and not flagged]
    citations: list = field(default_factory=lambda: [0, 0, 0])   # true positives, missed, extra
    misses: list = field(default_factory=list)
    documents: int = 0
    published: int = 0

    def add(self, name: str, key: str, right: bool, have, want, flagged: bool) -> None:
        tally = self.fields.setdefault(key, [0, 0, 0])
        silent = not right and bool(have) and not flagged
        tally[0] += right
        tally[1] += 1
        tally[2] += silent
        if not right:
            self.misses.append(f"{name} {key}: want {want!r} got {have!r}" + (" (WRONG, NOT FLAGGED)" if silent else ""))

    def accuracy(self, key: str) -> float | None:
        right, scored, _ = self.fields.get(key, (0, 0, 0))
        return right / scored if scored else None

    def citation_figures(self) -> tuple[float, float, float]:
        hits, missed, extra = self.citations
        precision = hits / (hits + extra) if hits + extra else 0.0
        recall = hits / (hits + missed) if hits + missed else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score_document(score: Score, label: dict, metadata: dict | None) -> None:
    """Add one labelled document; metadata is its front matter (None when it was refused)."""
    name, meta = label["file"], metadata or {}
    score.documents += 1
    score.published += metadata is not None
    flags = set(meta.get("can_xac_minh") or [])

    def check(key: str, right: bool, want) -> None:
        have = meta.get(FIELDS[key])
        score.add(name, key, right, have, want, FIELDS[key] in flags)

    if label.get("number_confident", True) is not False:
        check("number", symbol_key(meta.get("so_ky_hieu")) == symbol_key(label.get("number")), label.get("number"))
    check("date", str(meta.get("ngay_ban_hanh") or "")[:10] == str(label.get("date") or ""), label.get("date"))
    if label.get("doc_type"):
        check("type", fold(meta.get("loai_van_ban")) == fold(label["doc_type"]), label["doc_type"])
    if label.get("issuer"):
        want, have = body_key(label["issuer"]), body_key(meta.get("co_quan_ban_hanh"))
        check("issuer", bool(have) and (want in have or have in want), label["issuer"])
    if label.get("signer"):
        check("signer", fold(meta.get("nguoi_ky")) == fold(label["signer"]), label["signer"])
    want = {symbol_key(c) for c in label.get("citations") or []}
    allowed = {symbol_key(c) for c in label.get("annex_citations") or []}
    have = {symbol_key(c.get("so_ky_hieu")) for c in meta.get("van_ban_dan_chieu") or []
            if isinstance(c, dict) and c.get("so_ky_hieu")}
    extra = have - want - allowed
    score.citations[0] += len(want & have)
    score.citations[1] += len(want - have)
    score.citations[2] += len(extra)
    if want - have or extra:
        score.misses.append(f"{name} citations: missed {sorted(want - have)} extra {sorted(extra)}")


def read_labels(path: Path) -> list[dict]:
    labels = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(labels, list) or not all(isinstance(l, dict) and l.get("file") for l in labels):
        raise SystemExit(f"{path}: labels must be a JSON list of objects with a 'file' key (see scripts/benchmarks/accuracy.py)")
    return labels


def measure(folder: Path, labels: list[dict], convert=None) -> Score:
    """Convert each labelled file of folder (convert: path -> Result) and score it."""
    if convert is None:
        from vanban.convert import convert_path as convert
    score = Score()
    for label in sorted(labels, key=lambda l: l["file"]):
        result = convert(Path(folder) / label["file"])
        if result.status == "error":
            score.misses.append(f"{label['file']} refused: {result.error}")
        score_document(score, label, result.metadata if result.status != "error" else None)
    return score


def report(score: Score) -> list[str]:
    lines = [f"miss {m}" for m in score.misses]
    lines.append(f"\n{score.documents} labelled documents, {score.published} published")
    for key, (right, scored, silent) in score.fields.items():
        lines.append(f"  {key:7} {right}/{scored} = {right / scored:.2f}   wrong and not flagged: {silent}")
    precision, recall, f1 = score.citation_figures()
    lines.append(f"  citations P {precision:.2f} R {recall:.2f} F1 {f1:.2f}")
    return lines


def accuracy_figures(folder: str, labels_path: str | None = None, kinds: list[str] | None = None) -> dict:
    """scripts/bench.py --accuracy: print every miss and the figures; return them for --json."""
    labels = read_labels(Path(labels_path) if labels_path else Path(folder) / "labels.json")
    if kinds:
        labels = [l for l in labels if l.get("kind") in kinds]
    score = measure(Path(folder), labels)
    print("\n".join(report(score)), flush=True)
    figures = {f"accuracy_{key}": round(score.accuracy(key), 2) for key in score.fields}
    figures.update({f"unflagged_wrong_{key}": tally[2] for key, tally in score.fields.items()})
    figures["accuracy_citation_f1"] = round(score.citation_figures()[2], 2)
    return figures
