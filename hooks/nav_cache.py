"""MkDocs adapter: the site nav rendered once, not on every page outside the nav.

Material renders the whole nav on every page. On the document and index pages,
which are outside the nav (not_in_nav), no item is active and only the relative
links change with the page's place, so one rendering per set of relative links
serves them all: at 1,000 documents the nav was a fifth of the template time.
overrides/partials/nav.html asks for it; pages in the nav render as usual.
"""
from __future__ import annotations

from markupsafe import Markup
from mkdocs.utils import get_relative_url

_cache: dict[str, Markup] = {}
_in_nav: set[str] = set()


def on_config(config):
    _cache.clear()  # `mkdocs serve` rebuilds with a new nav
    return config


def on_nav(nav, config, files):
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_env(env, config, files):
    env.globals["kho_shared_nav"] = shared_nav
    return env


def on_page_context(context, page, config, nav):
    context["kho_nav_key"] = None if page.file.src_uri in _in_nav else _links_from(page, nav)
    return context


def _links_from(page, nav) -> str:
    """The nav's links as this page writes them: co-quan/x/ links to co-quan/ as "../",
    chua-co/x/ as "../../co-quan/", so pages share a nav only when all its links match."""
    return " ".join(get_relative_url(target.url or ".", page.url or ".") for target in nav.pages)


def shared_nav(key: str, render) -> Markup:
    """The nav for every page outside the nav whose nav links are `key`."""
    if key not in _cache:
        _cache[key] = Markup(render())
    return _cache[key]
