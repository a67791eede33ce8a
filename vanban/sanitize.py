"""Document bodies are text, not markup: the one HTML sanitiser of the archive (nh3, Ammonia).

A directive's body comes from a portal scrape, an OCR run or a staff member's
keyboard, so its rendered HTML keeps only what our Markdown produces (paragraphs,
headings, lists, tables, emphasis, admonitions, links) and loses the rest:
<script>, <iframe>, <form>, <style>, every on* attribute, javascript: and data:
URLs, comments (so a forged "<!--kho-html" block is dropped like any comment).
Site-made HTML (metadata panel, citation links, relations) never passes through here:
it is escaped when generated and hooks/document_page.py puts it around the cleaned
body. Hand-written site pages (docs/huong-dan/) are not documents and keep their HTML.
"""
from __future__ import annotations

import re

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

_CLEANER = nh3.Cleaner(
    tags=set(TAGS), attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    clean_content_tags={"script", "style"},   # their text is code, not content: dropped with the tag
    strip_comments=True,                      # a body's "<!--kho-html" is a comment like any other
    link_rel=None,                            # no target= is kept, so no rel= is needed
)


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

