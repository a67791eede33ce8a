"""Fallback builder: ProperDocs (the maintained MkDocs 1.6 fork) builds the same site from the same hooks.

Material for MkDocs reaches end of life in May 2027 and its successor has no hooks;
ProperDocs runs our mkdocs.yml, hooks and Material unchanged. It installs into the
same venv (requirements-dev.txt): its package is `properdocs`, and its command
redirects `mkdocs.*` imports to itself, so it never touches MkDocs.
"""
from __future__ import annotations

import importlib.util
import os
import re

import pytest

from conftest import mkdocs_build, sample_docs

ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    if importlib.util.find_spec("properdocs") is None:
        message = "ProperDocs is not installed in this venv: pip install -r requirements-dev.txt (scripts/test.sh does)"
        if os.environ.get("CI") or os.environ.get("KHO_REQUIRE_PROPERDOCS"):
            pytest.fail(message)   # CI and scripts/test.sh must run the fallback build
        pytest.skip(message)
    site = tmp_path_factory.mktemp("properdocs-site")
    result = mkdocs_build(site, docs_dir=sample_docs(), builder="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pages(site) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def main_content(site, page: str) -> str:
    found = ARTICLE_RE.findall((site / page).read_text(encoding="utf-8"))
    assert len(found) == 1, page
    return found[0]


def test_same_set_of_pages(properdocs_site, built_site):
    assert pages(properdocs_site) == pages(built_site)
    assert len(pages(built_site)) > 30


def test_same_main_content_on_every_page(properdocs_site, built_site):
    kinds = {"van-ban/", "co-quan/", "nam/", "loai/", "chua-co/", "index.html"}
    assert {k for k in kinds for p in pages(built_site) if p.startswith(k)} == kinds   # documents and indexes
    for page in sorted(pages(built_site)):
        assert main_content(properdocs_site, page) == main_content(built_site, page), page


def test_search_index_is_present_and_the_same(properdocs_site, built_site):
    entry = properdocs_site / "pagefind" / "pagefind-entry.json"
    assert entry.is_file() and (properdocs_site / "pagefind" / "kho-search.json").is_file()
    assert entry.read_bytes() == (built_site / "pagefind" / "pagefind-entry.json").read_bytes()
    assert {p.relative_to(properdocs_site).as_posix() for p in (properdocs_site / "pagefind").rglob("*")} \
        == {p.relative_to(built_site).as_posix() for p in (built_site / "pagefind").rglob("*")}


def test_properdocs_says_who_built_it(properdocs_site):
    assert "ProperDocs" in (properdocs_site / "index.html").read_text(encoding="utf-8")
