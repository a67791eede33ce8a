"""Accuracy mode (scripts/benchmarks/accuracy.py): a labelled folder made in the test, scored field by field."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from scripts.benchmarks.accuracy import Score, measure, read_labels, report, score_document

SEED = next(SEEDS.glob("003_*.txt"))
# What a person reads on seed 003 (the number, type and date are those tests/test_parsing_pdf.py checks).
RIGHT = {"file": "cv-154.txt", "kind": "txt", "number": "154-CV/TU", "doc_type": "Công văn", "date": "2021-04-28",
         "issuer": "Tỉnh ủy Hà Nam", "signer": "Đinh Thị Lụa", "citations": ["81/TB-VPCP", "21/NQ-CP"]}


@pytest.fixture()
def folder(tmp_path):
    shutil.copy(SEED, tmp_path / "cv-154.txt")
    shutil.copy(SEED, tmp_path / "copy.txt")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    labels = [RIGHT,
              # the same text labelled otherwise: a wrong number the converter does not flag, a date it
              # gets right, a citation it misses and one annex citation it may find
              dict(RIGHT, file="copy.txt", number="155-CV/TU", issuer="UBND tỉnh Hà Nam",
                   citations=["21/NQ-CP", "99/QĐ-TTg"], annex_citations=["81/TB-VPCP"]),
              {"file": "empty.txt", "number": None, "number_confident": False, "date": None, "signer": "Lê Văn B"}]
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_figures_on_a_labelled_folder(folder):
    score = measure(folder, read_labels(folder / "labels.json"))
    assert (score.documents, score.published) == (3, 2)
    # number: right once, wrong (unflagged) once, not scored on the refused file (not confident)
    assert score.fields["number"] == [1, 2, 1]
    assert score.fields["date"] == [3, 3, 0]          # a null labelled null is right, refused or not
    assert score.fields["issuer"] == [1, 2, 0]        # "UBND tỉnh Hà Nam" is another body: a miss, but flagged
    assert score.fields["signer"] == [2, 3, 0]        # nothing published for the refused file: a miss, not wrong
    assert score.citations == [3, 1, 0]               # 81/TB-VPCP is allowed as an annex citation in copy.txt
    lines = report(score)
    assert "miss copy.txt number: want '155-CV/TU' got '154-CV/TU' (WRONG, NOT FLAGGED)" in lines
    assert "miss copy.txt citations: missed ['99/QĐ-TTG'] extra []" in lines
    assert "  number  1/2 = 0.50   wrong and not flagged: 1" in lines
    assert "  citations P 1.00 R 0.75 F1 0.86" in lines


@pytest.mark.parametrize("label, meta, key, right", [
    ({"file": "a", "number": "30/2020/NĐ-CP"}, {"so_ky_hieu": "30/2020/NÐ-CP"}, "number", True),   # look-alike Đ
    ({"file": "a", "doc_type": "Quyết định"}, {"loai_van_ban": "quyet dinh"}, "type", True),
    ({"file": "a", "issuer": "Ủy ban nhân dân TP. Cần Thơ"}, {"co_quan_ban_hanh": "UBND thành phố Cần Thơ"}, "issuer", True),
    ({"file": "a", "issuer": "Bộ Y tế"}, {"co_quan_ban_hanh": None}, "issuer", False),
    ({"file": "a", "signer": "Hồ Đức Phớc"}, {"nguoi_ky": "Hồ Đức Phúc"}, "signer", False),
])
def test_field_rules(label, meta, key, right):
    score = Score()
    score_document(score, {"date": None, **label}, meta)
    assert score.fields[key][0] == right


def test_bench_prints_the_figures(folder):
    run = subprocess.run([sys.executable, "scripts/bench.py", "--accuracy", str(folder), "--kind", "txt"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "2 labelled documents, 2 published" in run.stdout     # --kind left the unlabelled-kind file out
    assert "  type    2/2 = 1.00   wrong and not flagged: 0" in run.stdout
