"""Bad staff pages fail `mkdocs build --strict` and scripts/check.py with a message naming file and key."""
from __future__ import annotations

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


def test_review_flags_do_not_fail_strict_build(tmp_path):
    docs = add_bad_page(tmp_path, "can-xac-minh.md", front(nguoi_ky=None, so_ky_hieu=None,
                                                           can_xac_minh=["so_ky_hieu", "nguoi_ky"]))
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    checked = check(docs)
    assert checked.returncode == 0 and "cần xác minh: docs/van-ban/2021/can-xac-minh.md: khóa 'nguoi_ky'" \
        in checked.stdout


def test_sample_archive_checks_clean():
    result = check(sample_docs())
    assert result.returncode == 0, result.stdout
    assert " 0 lỗi" in result.stdout


def test_an_issuer_not_in_the_register_is_a_review_warning_with_the_nearest_names(tmp_path):
    docs = add_bad_page(tmp_path, "co-quan-la.md", front(co_quan_ban_hanh="Uy ban nhan dan tinh Dak Lac"))
    checked = check(docs)
    line = next(line for line in checked.stdout.splitlines() if "co-quan-la.md" in line)
    assert checked.returncode == 0 and line.startswith("cần xác minh:")
    assert "khóa 'co_quan_ban_hanh'" in line and "Có phải: Ủy ban nhân dân tỉnh Đắk Lắk" in line, line
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


def test_the_build_logs_the_nearest_names_without_failing(caplog):
    import importlib.util
    import logging
    import types

    from vanban.archive import site

    spec = importlib.util.spec_from_file_location("validation_hook", ROOT / "hooks" / "validation.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    site.load([("van-ban/2021/x.md", front(co_quan_ban_hanh="Uy ban nhan dan tinh Dak Lac"))])
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs.hooks.validation"):
            hook.on_files([], types.SimpleNamespace(docs_dir="docs"))
    finally:
        site.reset()
    assert caplog.records and all(r.levelno == logging.INFO for r in caplog.records)  # never fails --strict
    assert any("Có phải: Ủy ban nhân dân tỉnh Đắk Lắk" in r.getMessage() for r in caplog.records)
