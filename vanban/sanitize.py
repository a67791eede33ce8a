"""Document bodies are text, not markup: the one HTML sanitiser of the archive (nh3, Ammonia).

A directive's body comes from a portal scrape, an OCR run or a staff member's
keyboard, so its rendered HTML keeps only what our Markdown produces (paragraphs,
headings, lists, tables, emphasis, admonitions, links) and loses the rest:
<script>, <iframe>, <form>, <style>, every on* attribute, javascript: and data:
URLs, comments (so a forged "<!--kho-html" block is dropped like any comment).
Images from other hosts are dropped (a tracking pixel where no CSP forbids it): a body's
images are files of the site. Site-made HTML (metadata panel, citation links, relations,
index lists) never passes through here: it is escaped when generated and the hooks put
it around the cleaned Markdown. Every other page (index pages, hand-written pages) is
cleaned too, by `clean_page`: the same rules plus `id` and the link `type` its Markdown
and hand-written HTML use. No <noscript>: its content is text to a browser running scripts
and markup to the sanitiser, and that difference is a known way round sanitisers.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CELL = {"colspan", "rowspan", "align"}   # align: mkdocs.yml tables use_align_attribute (the CSP forbids style=)

TAGS = frozenset({
    "p", "br", *_HEADINGS, "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small", "sup", "sub", "q", "cite",
    "code", "pre", "kbd", "blockquote", "hr", "div", "span", "abbr", "a", "img",
})

ATTRIBUTES = {
    **{h: {"id"} for h in _HEADINGS},          # toc anchors, attr_list {#id}
    "a": {"href", "title", "class", "id"},     # class: citation links (dan-chieu…)
    "div": {"class"}, "span": {"class"}, "p": {"class"},   # admonitions: div.admonition > p.admonition-title
    "code": {"class"}, "pre": {"class"}, "table": {"class"},
    "abbr": {"title"}, "ol": {"start"}, "th": _CELL, "td": _CELL,
    "img": {"src", "alt", "title", "width", "height"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto"})   # relative URLs are always kept

# Hand-written and index pages: the search page's mount point (div id), feed links (a type).
PAGE_ATTRIBUTES = {**ATTRIBUTES, "div": {"class", "id"}, "span": {"class", "id"},
                   "a": ATTRIBUTES["a"] | {"type"}}


def _own_images(tag: str, attribute: str, value: str) -> str | None:
    """An image is a file of the site: a URL with a host (https://, //) is dropped."""
    if tag == "img" and attribute == "src":
        parts = urlsplit(value.strip())
        return None if parts.scheme or parts.netloc or value.strip().startswith(("//", "\\")) else value
    return value


def _cleaner(attributes: dict) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS), attributes={tag: set(names) for tag, names in attributes.items()},
        url_schemes=set(URL_SCHEMES),
        clean_content_tags={"script", "style"},   # their text is code, not content: dropped with the tag
        strip_comments=True,                      # a body's "<!--kho-html" is a comment like any other
        link_rel=None,                            # no target= is kept, so no rel= is needed
        attribute_filter=_own_images,
    )


_CLEANER = _cleaner(ATTRIBUTES)
_PAGE_CLEANER = _cleaner(PAGE_ATTRIBUTES)


# The tags a converted directive's Markdown makes, with only attributes whose values can carry
# neither a URL nor script. HTML made of these alone is already clean, and most bodies are:
# they skip nh3's parse and re-serialisation (0.5 ms a page, a twentieth of a bare build).
_PLAIN_TAG_RE = re.compile(
    r'</?(?:p(?: class="[\w -]*")?|br|hr|h[1-6](?: id="[\w-]*")?|ul|ol(?: start="\d+")?|li|dl|dt|dd'
    r'|table|thead|tbody|tr|t[hd](?: align="(?:left|right|center)")?|strong|em|code|pre|blockquote'
    r'|div(?: class="[\w -]*")?)\s*/?>')


def clean(html: str) -> str:
    """The HTML fragment with only the tags, attributes and URLs above."""
    if not html.strip() or "<" not in _PLAIN_TAG_RE.sub("", html):
        return html
    return _CLEANER.clean(html)


def clean_page(html: str) -> str:
    """A hand-written or index page's rendered Markdown: the same rules, plus PAGE_ATTRIBUTES."""
    if not html.strip() or "<" not in _PLAIN_TAG_RE.sub("", html):
        return html
    return _PAGE_CLEANER.clean(html)

