"""hooks/search_index.py inside `mkdocs build`: only documents are indexed (issue 4).

Byte-stability of the bundle is covered by test_site_build.test_reproducible_build,
which compares every file of two builds, pagefind/ included.
"""
import json


def test_only_documents_are_indexed(built_site):
    facets = json.loads((built_site / "pagefind" / "kho-facets.json").read_text(encoding="utf-8"))
    documents = [p for p in (built_site / "van-ban").rglob("index.html")]
    assert facets["pages"] == len(documents) >= 5
    assert any((built_site / "pagefind" / "index").iterdir())
    assert any((built_site / "pagefind" / "fragment").iterdir())
