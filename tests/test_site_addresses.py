"""Permanent addresses on the built site: a moved document, its redirect, and conflicts failing --strict."""
from __future__ import annotations

import subprocess
import sys

from _site import MOVED_FROM, MOVED_TO, copy_docs, internal_links, moved_site
from conftest import ROOT, mkdocs_build


def test_moved_document_is_at_its_slug_and_its_old_address_redirects(tmp_path_factory):
    site = moved_site(tmp_path_factory)
    assert "154-CV/TU" in (site / MOVED_TO / "index.html").read_text(encoding="utf-8")
    redirect = (site / MOVED_FROM / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../tinh-uy-ha-nam-154-cv-tu/">' in redirect
    assert "kho-meta" not in redirect   # the old address holds only the redirect
    # the staff page's hand-written body link and the agency index follow the move
    staff = "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu/"
    assert MOVED_TO in internal_links(site, staff) and MOVED_FROM not in internal_links(site, staff)
    assert MOVED_TO in internal_links(site, "co-quan/tinh-uy-ha-nam/")


def claim_old_addresses(tmp_path, claims):
    docs = copy_docs(tmp_path)
    for name, old in claims.items():
        path = docs / "van-ban" / "2021" / name
        path.write_text(path.read_text(encoding="utf-8").replace("\nso_ky_hieu:", f"\nduong_dan_cu: ['{old}']\nso_ky_hieu:", 1),
                        encoding="utf-8")
    return docs


def test_two_documents_claiming_one_old_address_fail_strict_naming_both(tmp_path):
    docs = claim_old_addresses(tmp_path, {"cong-van-154-cv-tu.md": "van-ban/2020/cu/",
                                          "cong-van-239-cv-hu.md": "/van-ban/2020/cu"})
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    line = next(line for line in (result.stdout + result.stderr).splitlines() if "duong_dan_cu" in line)
    assert "van-ban/2021/cong-van-239-cv-hu.md" in line and "van-ban/2021/cong-van-154-cv-tu.md" in line, line
    assert "Cách sửa:" in line


def test_check_command_reports_an_old_address_that_is_a_live_index_page(tmp_path):
    docs = claim_old_addresses(tmp_path, {"cong-van-154-cv-tu.md": "co-quan/tinh-uy-ha-nam/"})
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(docs)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith("LỖI") and "duong_dan_cu" in line)
    assert "docs/van-ban/2021/cong-van-154-cv-tu.md" in line and "co-quan/tinh-uy-ha-nam.md" in line, line
