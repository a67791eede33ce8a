"""Saved portal pages: keep the article, drop the chrome (nav, header, footer, scripts)."""
from __future__ import annotations

import html
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg", "button", "select"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "td", "th", "ul", "ol"}
_ARTICLE_HINTS = ("article", "content", "noidung", "detail", "news-content", "post", "entry", "van-ban", "toanvan")
_CHROME_HINTS = ("menu", "nav", "footer", "header", "sidebar", "banner", "breadcrumb", "share", "comment", "related", "login", "ads")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, article)
        self.all: list[str] = []
        self.article: list[str] = []

    def _skipped(self) -> bool:
        return any(s for _, s, _ in self.stack)

    def _in_article(self) -> bool:
        return any(a for _, _, a in self.stack)

    def handle_starttag(self, tag, attrs):
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role")).lower()
        skipped = tag in _SKIP or any(h in marks for h in _CHROME_HINTS) and not any(h in marks for h in _ARTICLE_HINTS)
        article = tag in ("article", "main") or any(h in marks for h in _ARTICLE_HINTS)
        if tag in _BLOCK:
            self._emit("\n")
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.stack.append((tag, skipped, article))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data):
        if not self._skipped():
            self._emit(data.replace("\n", " "))

    def _emit(self, text: str) -> None:
        self.all.append(text)
        if self._in_article():
            self.article.append(text)


def html_to_text(markup: str) -> str:
    """Plain text of the article element when the page marks one, else of the whole body."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    chosen = "".join(parser.article)
    if len(chosen.strip()) < min(200, 0.3 * len("".join(parser.all).strip())):
        chosen = "".join(parser.all)
    lines = [" ".join(line.split()) for line in html.unescape(chosen).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
