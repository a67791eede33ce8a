"""scripts/serve.sh, the main command, on a fresh copy of the project: it sets itself up, converts
the samples only into an empty docs/van-ban/, and never overwrites a page staff edited."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

PROJECT_FILES = ("scripts", "vanban", "hooks", "overrides", "docs", "mkdocs.yml", "requirements.txt",
                 "tests/fixtures/seeds")
EDITED = "docs/van-ban/2021/cong-van-154-cv-tu.md"

# A Debian without python3-venv: `python3 -m venv` fails until apt-get installs the package.
# Here the "installed" venv is the project's own (a symlink), so pip finds everything in place.
FAKE_PYTHON3 = """#!/bin/sh
if [ "$1 $2" = "-m venv" ]; then
  [ -f "$FAKE_BIN/python3-venv-installed" ] || { echo "ensurepip is not available" >&2; exit 1; }
  ln -s "$REAL_VENV" "$3"; exit 0
fi
exec "$REAL_PYTHON3" "$@"
"""
FAKE_APT_GET = """#!/bin/sh
echo "$*" >> "$FAKE_BIN/apt-get.log"
case "$*" in *python3-venv*) touch "$FAKE_BIN/python3-venv-installed";; esac
"""


def fresh_clone(tmp_path: Path) -> Path:
    project = tmp_path / "kho"
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.joinpath(name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, project / name)
    shutil.rmtree(project / "docs" / "van-ban")   # an office that starts from an empty archive
    return project


def fake_debian(tmp_path: Path) -> dict:
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for name, text in (("python3", FAKE_PYTHON3), ("apt-get", FAKE_APT_GET)):
        (fake_bin / name).write_text(text)
        (fake_bin / name).chmod(0o755)
    return dict(os.environ, PATH=f"{fake_bin}:{os.environ['PATH']}", FAKE_BIN=str(fake_bin),
                REAL_VENV=str((ROOT / ".venv").resolve()), REAL_PYTHON3=shutil.which("python3"))


def serve_sh(project: Path, env: dict) -> subprocess.CompletedProcess:
    result = subprocess.run(["bash", "scripts/serve.sh", "--build-only"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_serve_sh_twice_around_a_staff_edit_keeps_the_edit(tmp_path):
    project, env = fresh_clone(tmp_path), fake_debian(tmp_path)
    first = serve_sh(project, env)
    # Set up: python3-venv installed once, and nothing for OCR (the samples are text, not scans).
    assert (tmp_path / "bin" / "apt-get.log").read_text().count("python3-venv") == 1
    assert "tesseract" not in (tmp_path / "bin" / "apt-get.log").read_text()
    assert "chuyển các văn bản mẫu" in first.stderr
    page = project / EDITED
    assert "Đinh Thị Lụa" in page.read_text(encoding="utf-8")

    edited = page.read_text(encoding="utf-8").replace("co_quan_ban_hanh: Tỉnh ủy Hà Nam",
                                                     "co_quan_ban_hanh: Ban Thường vụ Tỉnh ủy Hà Nam")
    edited = edited.replace("nguoi_ky: Đinh Thị Lụa", "nguoi_ky: Người Ký Đã Sửa")
    page.write_text(edited, encoding="utf-8")
    second = serve_sh(project, env)

    assert page.read_text(encoding="utf-8") == edited          # the edit survives, byte for byte
    assert "chuyển các văn bản mẫu" not in second.stderr          # the samples were not converted again
    html = (project / "site/van-ban/2021/cong-van-154-cv-tu/index.html").read_text(encoding="utf-8")
    assert "Người Ký Đã Sửa" in html and "Ban Thường vụ Tỉnh ủy Hà Nam" in html
