"""scripts/build.py: a failing build leaves the published site/ as it was; a good one replaces it whole;
a stopped build stops MkDocs and leaves nothing behind; two builds never race."""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time

import pytest

from _site import copy_docs
from conftest import ROOT
from vanban.archive.urls import DOCUMENTS_DIR

BAD_PAGE = "---\ntitle: Thông báo\nloai_van_ban: [Thông báo\n---\n\nx\n"   # broken YAML


def build(site, docs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, KHO_DOCS_DIR=str(docs), SOURCE_DATE_EPOCH="1700000000"))


def snapshot(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def published_site(tmp_path):
    """A site/ already published from the sample archive, with one page staff can recognise."""
    docs = copy_docs(tmp_path)
    site = tmp_path / "public" / "site"
    assert build(site, docs).returncode == 0
    (site / "cu.txt").write_text("bản cũ", encoding="utf-8")
    return docs, site


def test_a_failing_build_leaves_the_previous_site_intact(tmp_path):
    docs, site = published_site(tmp_path)
    before = snapshot(site)
    (docs / DOCUMENTS_DIR / "2021" / "yaml-hong.md").write_text(BAD_PAGE, encoding="utf-8")
    result = build(site, docs)
    assert result.returncode != 0
    assert "yaml-hong.md: khóa 'loai_van_ban'" in result.stderr and "giữ nguyên bản cũ" in result.stderr
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]   # no temporary folder left behind


def test_a_good_build_replaces_the_whole_site(tmp_path):
    docs, site = published_site(tmp_path)
    (docs / DOCUMENTS_DIR / "2021" / "cong-van-239-cv-hu.md").unlink()
    result = build(site, docs)
    assert result.returncode == 0, result.stderr
    assert not (site / "cu.txt").exists() and not (site / "van-ban" / "2021" / "cong-van-239-cv-hu").exists()
    assert (site / "van-ban" / "2021" / "cong-van-154-cv-tu" / "index.html").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_the_first_build_creates_the_site(tmp_path):
    site = tmp_path / "moi" / "site"
    result = build(site, copy_docs(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file() and sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_when_the_swap_fails_the_previous_site_stays(tmp_path, monkeypatch):
    """The two-rename fallback (no renameat2) puts the old site back if the second rename fails."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build as build_script
    old, new = tmp_path / "site", tmp_path / "moi"
    old.mkdir(), new.mkdir()
    (old / "cu.txt").write_text("bản cũ", encoding="utf-8")
    real_rename = os.rename
    calls = []

    def rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:
            raise OSError(18, "Invalid cross-device link")
        real_rename(src, dst)
    monkeypatch.setattr(build_script.ctypes, "CDLL", lambda *a, **k: object())   # no renameat2
    monkeypatch.setattr(build_script.os, "rename", rename)
    with pytest.raises(OSError):
        build_script.exchange(new, old)
    assert (old / "cu.txt").read_text(encoding="utf-8") == "bản cũ"
    assert new.is_dir() and not (tmp_path / "site.old").exists()


def _processes_under(folder) -> list[str]:
    """Command lines of running processes that name a path under `folder` (MkDocs and its Pagefind)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                cmdline = handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                state = handle.read().rsplit(")", 1)[1].split()[0]
        except (OSError, ValueError):
            continue
        if str(folder) in cmdline and state != "Z" and int(entry) != os.getpid():
            found.append(cmdline)
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_build_stops_mkdocs_and_leaves_nothing_behind(tmp_path, signum):
    docs, site = published_site(tmp_path)
    before = snapshot(site)
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, KHO_DOCS_DIR=str(docs), SOURCE_DATE_EPOCH="1700000000"))
    for _ in range(600):   # until MkDocs runs
        if any(" -m mkdocs build" in cmdline for cmdline in _processes_under(site.parent)):
            break
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signum and "Đã dừng bản dựng" in stderr, stderr
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"] and snapshot(site) == before
    time.sleep(0.5)
    assert _processes_under(site.parent) == []


def test_two_builds_never_race(tmp_path):
    docs, site = published_site(tmp_path)
    before = snapshot(site)
    fd = os.open(site.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)   # a build already running for this site
        result = build(site, docs)
    finally:
        os.close(fd)
    assert result.returncode == 75
    assert f"Một bản dựng khác đang chạy cho {site}" in result.stderr and snapshot(site) == before


def test_a_temporary_folder_left_by_a_killed_build_is_removed(tmp_path):
    docs, site = published_site(tmp_path)
    stale = site.parent / ".site.moi-abc123"
    (stale / "van-ban").mkdir(parents=True)
    assert build(site, docs).returncode == 0
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
