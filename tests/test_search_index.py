"""hooks/search_index.py inside `mkdocs build`: only documents are indexed (issue 4).

Byte-stability of the bundle is covered by test_site_build.test_reproducible_build,
which compares every file of two builds, pagefind/ included.
"""
import json

from tests.conftest import mkdocs_build, sample_docs


def test_only_documents_are_indexed(built_site):
    facets = json.loads((built_site / "pagefind" / "kho-facets.json").read_text(encoding="utf-8"))
    documents = [p for p in (built_site / "van-ban").rglob("index.html")]
    assert facets["pages"] == len(documents) >= 5
    assert any((built_site / "pagefind" / "index").iterdir())
    assert any((built_site / "pagefind" / "fragment").iterdir())


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
