"""The publishing pipeline as files: the CI workflows are valid and check, build, then publish;
the pre-commit hook runs scripts/check.py on the pages about to be committed, offline."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

BIN = Path(sys.executable).parent
GITHUB = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
BAD_PAGE = """---
title: Công văn 12-CV/HU
so_ky_hieu: 12-CV/HU
loai_van_ban: Công văn
trich_yeu: V/v phòng, chống dịch
co_quan_ban_hanh: Huyen uy Kim Bang
ngay_ban_hanh: 2021-05-05
---

Nội dung.
"""


@pytest.mark.parametrize("path, schema", [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_ci_files_pass_their_schema(path, schema):
    # SchemaStore's schemas as check-jsonschema ships them: no network. (actionlint's PyPI wrapper
    # downloads its binary at install time, which this project's machines cannot.)
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def commands(steps) -> list[str]:
    return [line for step in steps for line in str(step.get("run", "") if isinstance(step, dict) else step)
            .splitlines()]


def test_each_ci_checks_then_builds_then_publishes_site():
    github = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    for run in (commands(github["jobs"]["build"]["steps"]), commands(gitlab["check-and-build"]["script"])):
        order = [next(i for i, line in enumerate(run) if name in line) for name in ("check.py", "build.py")]
        assert order == sorted(order), run
    uploads = [s for s in github["jobs"]["build"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert uploads[0]["with"]["path"] == "site"
    assert gitlab["pages"]["artifacts"]["paths"] == ["public/"] and "mv site public" in gitlab["pages"]["script"][-1]
    cached = [s["with"]["path"] for s in github["jobs"]["build"]["steps"] if "actions/cache" in s.get("uses", "")]
    assert cached == [".venv", ".preview/catalog.*"]
    assert [c["paths"] for c in gitlab["cache"]] == [[".venv/"], [".preview/catalog.*"]]


def project_repo(tmp_path: Path) -> Path:
    """A clone of the project as an office has it: the pages, the code, the hook config and a .venv."""
    repo = tmp_path / "kho"
    for name in ("scripts", "vanban", "docs"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to((ROOT / ".venv").resolve())
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=repo, check=True)
    return repo


def pre_commit(repo: Path, tmp_path: Path, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    return subprocess.run([str(BIN / "pre-commit"), "run", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


def test_pre_commit_runs_check_py_and_stops_a_bad_page(tmp_path):
    repo = project_repo(tmp_path)
    result = pre_commit(repo, tmp_path, "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kiểm tra văn bản (scripts/check.py)" in result.stdout and "Passed" in result.stdout
    assert "5 văn bản, 0 lỗi" in pre_commit(repo, tmp_path, "--all-files", "--verbose").stdout   # check.py ran

    page = repo / "docs" / "van-ban" / "2021" / "cong-van-12-cv-hu.md"
    page.write_text(BAD_PAGE, encoding="utf-8")
    subprocess.run(["git", "add", str(page)], cwd=repo, check=True)
    result = pre_commit(repo, tmp_path)   # the staged files, as `git commit` runs it
    assert result.returncode == 1 and "Failed" in result.stdout
    assert "LỖI: docs/van-ban/2021/cong-van-12-cv-hu.md: khóa 'co_quan_ban_hanh'" in result.stdout
    assert "viết đúng dấu: 'Huyện ủy Kim Bảng'" in result.stdout

    page.write_text(BAD_PAGE.replace("Huyen uy Kim Bang", "Huyện ủy Kim Bảng"), encoding="utf-8")
    subprocess.run(["git", "add", str(page)], cwd=repo, check=True)
    assert pre_commit(repo, tmp_path).returncode == 0
