"""Citations linked where they stand in a document's body.

One pass over the page's own Markdown: every mention the citation grammar finds
(vanban.parsing.citations.mentions) whose number the page cites (its links,
already resolved by relations.py) becomes a plain HTML link around the phrase
"Công văn số 761-CV/TU, ngày 25/8/2021":

  resolved   -> the document's page            class="dan-chieu dan-chieu--co"
  missing    -> its "chưa có trong kho" page   class="dan-chieu dan-chieu--chua-co"
  ambiguous  -> the page listing candidates    class="dan-chieu dan-chieu--chua-ro"

The page's own number never has a link (citations_of leaves it out). Text that
is already a link, code, an HTML tag or comment, a URL or an admonition title is
left alone, so staff's hand-written links are kept and links never nest.

In two steps, around Python-Markdown: `link_citations` marks each phrase in the
Markdown with private-use characters (U+E000, the target's number as U+E100+i,
the phrase, U+E001), which Markdown and the sanitiser pass through as text, and
`place_links` turns the marks into the links in the rendered HTML. Inline <a>
tags in the Markdown cost Python-Markdown ~0.3 ms each (it measures every raw
tag's line offset), a fifth of a bare page's conversion at six citations.
A body that writes such marks itself can only make a link to one of the page's
own citation targets, which are escaped here.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from ..parsing.citations import mentions
from ..symbols import symbol_key
from . import urls
from .ambiguous import Ambiguous
from .catalog import BodyMentions, body_text
from .relations import AMBIGUOUS, MISSING, RESOLVED, Link

# Regions of Markdown where a link must not be added. Each finder runs only when its
# trigger occurs in the page (most bodies are plain prose), and the regions are merged:
# one alternation of all of them cost more than finding the citations. Every finder is
# linear in the body's length: a staff body is untrusted, and a lazy pattern that looks
# for a closing mark from each of a million opening marks ("<a <a <a…", backticks,
# "<!--" without "-->") ran for minutes.


def _pattern(pattern: str):
    compiled = re.compile(pattern, re.DOTALL | re.MULTILINE | re.IGNORECASE)
    return lambda text: ((m.start(), m.end()) for m in compiled.finditer(text))


def _pairs(text: str, opening: re.Pattern, closing: re.Pattern):
    """(start, end) from each opening mark to the first closing mark after it, left to right;
    the closing marks are found once and looked up by position, so no mark is scanned twice."""
    closes = [(m.start(), m.end()) for m in closing.finditer(text)]
    starts = [start for start, _ in closes]
    at = 0
    for m in opening.finditer(text):
        if m.start() < at:
            continue
        i = bisect.bisect_left(starts, m.end())
        if i == len(starts):
            return   # no closing mark after this one, nor after any later one
        yield m.start(), closes[i][1]
        at = closes[i][1]


_COMMENT_OPEN, _COMMENT_CLOSE = re.compile("<!--"), re.compile("-->")
_LINK_OPEN, _LINK_CLOSE = re.compile(r"<a\b", re.IGNORECASE), re.compile(r"</a\s*>", re.IGNORECASE)
_TAG_START = re.compile("<[A-Za-z/!]")
_BACKTICKS = re.compile("`+")


def _comments(text: str):
    return _pairs(text, _COMMENT_OPEN, _COMMENT_CLOSE)


def _tags(text: str):
    """An HTML link with its text (<a …>…</a>), and any tag on one line (<b>, </p>, <!doctype>, autolinks)."""
    yield from _pairs(text, _LINK_OPEN, _LINK_CLOSE)
    next_gt = next_nl = -1   # the next ">" and line break, found once for all the tags before them
    for m in _TAG_START.finditer(text):
        if next_gt != len(text) and next_gt < m.start():
            next_gt = text.find(">", m.start())
            next_gt = len(text) if next_gt < 0 else next_gt
        if next_nl != len(text) and next_nl < m.start():
            next_nl = text.find("\n", m.start())
            next_nl = len(text) if next_nl < 0 else next_nl
        if next_gt < min(next_nl, len(text)):
            yield m.start(), next_gt + 1


def _code_spans(text: str):
    """A run of backticks to the next run of the same length (Markdown's code span)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for start, end in runs:
        by_length.setdefault(end - start, []).append(start)
    at = 0
    for start, end in runs:
        if start < at:
            continue
        same = by_length[end - start]
        i = bisect.bisect_right(same, start)
        if i < len(same):
            close = same[i]
            yield start, close + end - start
            at = close + end - start


_PROTECTED = (
    # Fenced code block; (?!`) keeps the fence whole, so a line of backticks is not retried at each length.
    ("```", _pattern(r"^[ \t]*(`{3,})(?!`)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)")),
    ("~~~", _pattern(r"^[ \t]*(~{3,})(?!~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)")),
    ("`", _code_spans),
    ("<!--", _comments),                                                      # HTML comment
    ("<", _tags),                                                             # an HTML link, any tag, autolink
    ("[", _pattern(r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?")),  # link, image, reference
    ("://", _pattern(r"https?://[^\s)>\]]+")),                                  # bare URL
    ("!!!", _pattern(r"^[ \t]*!!![^\n]*$")),                                    # admonition title line
    ("???", _pattern(r"^[ \t]*\?\?\?\+?[^\n]*$")),
)
# Inline markup inside a phrase would interleave with the link: link the number alone then.
_MARKUP = re.compile(r"[*_`\[\]<>\\]|\n[ \t]*\n")


@dataclass(frozen=True)
class Target:
    src: str      # the page it links to
    kind: str     # co | chua-co | chua-ro
    title: str    # tooltip


def targets(links: list[Link], ambiguous: dict[str, Ambiguous]) -> dict[str, Target]:
    """symbol_key -> where a mention of that number links, for one page's resolved citations."""
    result: dict[str, Target] = {}
    for link in links:
        if not link.citation.so_ky_hieu:
            continue
        key = symbol_key(link.citation.so_ky_hieu)
        if key in result:
            continue
        if link.status == RESOLVED:
            result[key] = Target(link.target.src_uri, "co", link.target.title)
        elif link.status == MISSING and link.missing:
            result[key] = Target(urls.missing_page(link.missing.slug), "chua-co",
                                 f"{link.citation.so_ky_hieu}: chưa có trong kho")
        elif link.status == AMBIGUOUS and key in ambiguous:
            result[key] = Target(urls.ambiguous_page(ambiguous[key].slug), "chua-ro",
                                 f"{link.citation.so_ky_hieu}: kho có {len(link.candidates)} văn bản cùng số, "
                                 "chưa xác định được văn bản nào")
    return result


def _protected(text: str) -> tuple[list[int], list[int]]:
    """Sorted, disjoint (starts, ends) of the regions to leave alone."""
    regions = sorted(span for trigger, finder in _PROTECTED if trigger in text for span in finder(text))
    starts, ends = [], []
    for start, end in regions:
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _is_free(start: int, end: int, starts: list[int], ends: list[int]) -> bool:
    """No protected region overlaps text[start:end] (regions are disjoint and sorted)."""
    i = bisect.bisect_right(starts, start) - 1  # the last region starting at or before `start`
    if i >= 0 and ends[i] > start:
        return False
    return i + 1 >= len(starts) or starts[i + 1] >= end


_OPEN, _CLOSE, _FIRST_TARGET, _LAST_TARGET = "\ue000", "\ue001", 0xE100, 0xF8FF
_MARKED_RE = re.compile(f"{_OPEN}([{chr(_FIRST_TARGET)}-{chr(_LAST_TARGET)}])([^<{_OPEN}{_CLOSE}]*){_CLOSE}")
_MARK_RE = re.compile(f"{_OPEN}[{chr(_FIRST_TARGET)}-{chr(_LAST_TARGET)}]|{_CLOSE}")


def _anchor(from_src: str, target: Target, inner: str) -> str:
    href = html.escape(urls.href(from_src, target.src), quote=True)
    title = html.escape(" ".join(target.title.split()), quote=True)
    return f'<a href="{href}" class="dan-chieu dan-chieu--{target.kind}" title="{title}">{inner}</a>'


def place_links(content: str, src_uri: str, links: list[Link], ambiguous: dict[str, Ambiguous]) -> str:
    """The rendered page with link_citations' marks turned into the links."""
    if _OPEN not in content:
        return content
    order = list(targets(links, ambiguous).values())   # the order link_citations numbered them in

    def anchor(match: re.Match) -> str:
        number = ord(match[1]) - _FIRST_TARGET
        return _anchor(src_uri, order[number], match[2]) if number < len(order) else match[2]
    return _MARKED_RE.sub(anchor, content)


def unmarked(text: str) -> str:
    """Text without link marks: a marked heading's entry in the page's table of contents."""
    return _MARK_RE.sub("", text) if _OPEN in text or _CLOSE in text else text


def _mentions_of(text: str, wanted: set[str], known: BodyMentions | None):
    """The mentions of the wanted numbers: those the catalog found in this very text
    (same hash), else searched again (a page that changed since, or a test)."""
    if known is not None and hash(text) == known.digest:
        return [m for m in known.mentions if m.key in wanted]
    return list(mentions(text, wanted))


def link_citations(markdown: str, src_uri: str, links: list[Link], ambiguous: dict[str, Ambiguous],
                   known: BodyMentions | None = None) -> str:
    """The page's Markdown with each recognised citation marked where it stands (place_links links it)."""
    by_key = targets(links, ambiguous)
    if not by_key:
        return markdown
    marks = {key: _OPEN + chr(_FIRST_TARGET + i) for i, key in enumerate(by_key) if _FIRST_TARGET + i <= _LAST_TARGET}
    text = body_text(markdown)
    starts, ends = _protected(text)
    out, pos = [], 0
    for mention in sorted(_mentions_of(text, set(by_key), known), key=lambda m: m.start):
        mark = marks.get(mention.key)
        if mark is None:
            continue
        start, end = mention.start, mention.end
        if _MARKUP.search(text, start, end) or not _is_free(start, end, starts, ends):
            start, end = mention.number_start, mention.number_end  # at least the number
            if _MARKUP.search(text, start, end) or not _is_free(start, end, starts, ends):
                continue
        if start < pos:  # overlaps a mention already linked
            continue
        out += [text[pos:start], mark, text[start:end], _CLOSE]
        pos = end
    return "".join(out + [text[pos:]])
