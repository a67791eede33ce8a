"""hooks/search_index.py inside `mkdocs build`: every document is indexed, with or without a
type, then one record per number cited but not held (issues 4 and 18).

Byte-stability of the bundle is covered by test_site_build.test_reproducible_build,
which compares every file of two builds, pagefind/ included.
"""
import json
import re
import shutil

from tests.conftest import mkdocs_build, sample_docs


def test_every_document_is_indexed_and_the_search_total_is_the_home_pages(built_site):
    meta = json.loads((built_site / "pagefind" / "kho-search.json").read_text(encoding="utf-8"))
    documents = [p for p in (built_site / "van-ban").rglob("index.html")]
    home = re.search(r"<strong>(\d+)</strong> văn bản", (built_site / "index.html").read_text(encoding="utf-8"))
    assert meta["documents"] == len(documents) == int(home.group(1)) >= 5
    missing = [p for p in (built_site / "chua-co").iterdir() if p.is_dir()]
    assert meta["pages"] - meta["documents"] == len(missing) > 0  # a card per number cited but not held
    assert any((built_site / "pagefind" / "index").iterdir())
    assert len(list((built_site / "pagefind" / "fragment").iterdir())) == meta["pages"]


def test_a_document_without_a_type_is_found_as_chua_ro_loai(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(sample_docs(), docs)
    page = docs / "van-ban" / "2021" / "cong-van-154-cv-tu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("loai_van_ban: Công văn", "loai_van_ban: null"),
                    encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", strict=False, docs_dir=docs)
    assert result.returncode == 0, result.stderr
    bundle = tmp_path / "site" / "pagefind"
    meta = json.loads((bundle / "kho-search.json").read_text(encoding="utf-8"))
    facets = json.loads((bundle / "kho-facets.json").read_text(encoding="utf-8"))["facets"]
    types = next(f for f in facets if f["name"] == "loai_van_ban")
    assert "Chưa rõ loại" in types["values"]
    assert meta["documents"] == len(list((tmp_path / "site" / "van-ban").rglob("index.html")))


def test_build_fails_when_pagefind_is_another_version(tmp_path):
    """A Pagefind other than the one vanban/search/bundle.py knows stops the build, naming both versions."""
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'pagefind 1.6.0'\n")
    fake.chmod(0o755)
    result = mkdocs_build(tmp_path / "site", strict=False, docs_dir=sample_docs(),
                          env={"PAGEFIND_BINARY_PATH": str(fake)})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Pagefind 1.6.0" in output and "Pagefind 1.5.2" in output and "requirements.txt" in output, output
