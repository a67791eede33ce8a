"""Bad staff pages fail `mkdocs build --strict` and scripts/check.py with a message naming file and key."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from _site import copy_docs, find
from conftest import ROOT, mkdocs_build, sample_docs

GOOD = {"title": "Thông báo 5-TB/TU về lịch tiếp công dân", "so_ky_hieu": "5-TB/TU", "loai_van_ban": "Thông báo",
        "trich_yeu": "Về lịch tiếp công dân", "co_quan_ban_hanh": "Tỉnh ủy Bắc Ninh", "ngay_ban_hanh": "2021-03-01"}


def front(**changes) -> str:
    meta = {k: v for k, v in {**GOOD, **changes}.items() if v is not ...}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\nNội dung.\n"


BAD_PAGES = [
    # (file name, page text, key the message must name, value it must show)
    ("yaml-hong.md", "---\ntitle: Thông báo\nloai_van_ban: [Thông báo\nso_ky_hieu: 5-TB/TU\n---\n\nx\n",
     "loai_van_ban", "[Thông báo"),
    ("thieu-khoa.md", front(co_quan_ban_hanh=...), "co_quan_ban_hanh", "(trống)"),
    ("sai-loai.md", front(loai_van_ban="Công văm"), "loai_van_ban", "'Công văm'"),
    ("sai-ngay.md", front(ngay_ban_hanh="2021-02-30"), "ngay_ban_hanh", "'2021-02-30'"),
    ("zz-trung.md", None, "so_ky_hieu", "'154-CV/TU'"),   # a second page for seed 003's Công văn
]


def add_bad_page(tmp_path, name, text):
    docs = copy_docs(tmp_path)
    if text is None:
        text = (sample_docs() / find(lambda r: r.so_ky_hieu == "154-CV/TU").src_uri).read_text(encoding="utf-8")
    (docs / "van-ban" / "2021" / name).write_text(text, encoding="utf-8")
    return docs


def check(docs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(docs)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("name, text, key, value", BAD_PAGES, ids=[p[0] for p in BAD_PAGES])
def test_strict_build_fails_naming_file_and_key(tmp_path, name, text, key, value):
    docs = add_bad_page(tmp_path, name, text)
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = next(line for line in output.splitlines() if f"van-ban/2021/{name}" in line)
    assert f"khóa '{key}'" in line and value in line and "Cách sửa:" in line, line


@pytest.mark.parametrize("name, text, key, value", BAD_PAGES, ids=[p[0] for p in BAD_PAGES])
def test_check_command_reports_the_same(tmp_path, name, text, key, value):
    result = check(add_bad_page(tmp_path, name, text))
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if f"van-ban/2021/{name}" in line and "LỖI" in line)
    assert f"khóa '{key}'" in line and value in line, line


def check_review(docs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(docs), "--review"],
                          capture_output=True, text=True, cwd=ROOT)


def test_review_flags_do_not_fail_strict_build(tmp_path):
    docs = add_bad_page(tmp_path, "can-xac-minh.md", front(nguoi_ky=None, so_ky_hieu=None,
                                                           can_xac_minh=["so_ky_hieu", "nguoi_ky"]))
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    listed = "cần xác minh: docs/van-ban/2021/can-xac-minh.md: khóa 'nguoi_ky'"
    assert listed not in check(docs).stdout          # the list is on demand...
    checked = check_review(docs)
    assert checked.returncode == 0 and listed in checked.stdout   # ...with --review


def test_build_log_is_one_line_per_concern(tmp_path):
    """No line per document outside the nav, review flags as one line, and an error stands out."""
    docs = add_bad_page(tmp_path, "sai-ngay.md", front(ngay_ban_hanh="2021-02-30"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=ROOT,
                            env={**os.environ, "KHO_DOCS_DIR": str(docs), "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    lines = result.stderr.splitlines()
    assert not any("not included" in line or line.startswith("  - ") for line in lines), result.stderr
    review = [line for line in lines if "Cần xác minh:" in line]
    assert len(review) == 1 and "scripts/check.py --review" in review[0], result.stderr
    assert not any("can_xac_minh" in line or "cần xác minh: docs/" in line for line in lines)
    errors = [line for line in lines if line.startswith("ERROR")]
    assert len(errors) == 1 and "sai-ngay.md" in errors[0] and "ngay_ban_hanh" in errors[0], result.stderr
    assert len([line for line in lines if line.strip()]) <= 6, result.stderr  # whatever N is


def test_sample_archive_checks_clean():
    result = check(sample_docs())
    assert result.returncode == 0, result.stdout
    assert " 0 lỗi" in result.stdout
