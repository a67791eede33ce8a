"""HTML inputs: Word documents saved as web pages, and pages saved from a portal.

Both are decoded with the charset they declare (Word writes `charset=windows-1252` and every
Vietnamese letter outside it as an entity, `&#7889;`), parsed by lxml, and read block by
block like a .docx: tables row by row and cell by cell, the header's columns kept apart.
Text that is never shown is never read: scripts, styles, <template>, <textarea>, comments
(Word's conditional comments among them).

A Word page is the document itself. A page saved from the web is mostly chrome (menus, the
portal's name, an archive's toolbar): readability-lxml finds the article (see
docs-dev/converter-inputs.md for why a maintained extractor and not our own rules), and the
page's headline is kept above it.
"""
from __future__ import annotations

import codecs
import re

from .layout import Layout, from_blocks
from .readers import decode_bytes

_HIDDEN = ("script", "style", "template", "textarea", "noscript", "head", "title", "iframe", "object", "embed",
           "svg", "math", "select", "button", "input", "option", "map", "canvas", "video", "audio")
_BLOCK = frozenset(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
                    "article", "main", "blockquote", "pre", "address", "center", "header", "footer", "aside",
                    "nav", "form", "fieldset", "figure", "figcaption", "hr", "body", "html", "tbody", "thead",
                    "tfoot", "caption"))
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WORD_RE = re.compile(rb"""ProgId\s+content=["']?Word\.Document|content=["']?Microsoft Word|urn:schemas-microsoft-com:office:word""",
                      re.IGNORECASE)
# Chrome of an archived capture: the Wayback Machine's toolbar and its notes.
_ARCHIVE_IDS = ("wm-ipp", "wm-ipp-base", "wm-ipp-print", "donato", "playback")


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """The page's characters: a BOM first, then the declared charset, then the usual sniffing.
    A page that declares a one-byte charset but holds valid UTF-8 is UTF-8 (saved again by an editor)."""
    charset = declared_charset(data)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or charset is None or charset.startswith("utf"):
        return decode_bytes(data, check=False)
    try:
        text = data.decode("utf-8")
        if not text.isascii():
            return decode_bytes(data, check=False)
    except UnicodeDecodeError:
        pass
    if charset in ("iso8859-1", "ascii", "latin-1"):
        charset = "cp1252"  # as browsers read them (WHATWG Encoding)
    return data.decode(charset, errors="replace")


def is_word_html(data: bytes) -> bool:
    return bool(_WORD_RE.search(data[:8192]))


def read_html_layout(data: bytes, main_content: bool | None = None) -> Layout:
    """main_content: look for the article (default: unless Word made the page)."""
    import lxml.html
    markup = decode_html(data)
    if main_content is None:
        main_content = not is_word_html(data)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=_parser())
    except Exception:  # lxml raises ParserError for an empty or hostile document
        return Layout("")
    site = _site_name(root) if main_content else None
    _drop_hidden(root)
    if main_content:
        _drop_chrome(root)
        root = _main_content(root)
    blocks, tables = _read(root)
    layout = from_blocks(blocks, tables)
    if site:
        layout.fields["nguon"] = site
    return layout


# A portal's name says whose it is: "Trang thông tin điện tử huyện Krông Nô", "Cổng TTĐT tỉnh Đắk Nông".
_SITE_RE = re.compile(r"(?:trang|cổng)\s+(?:thông tin điện tử|TTĐT)\b[^|–\n]{0,80}", re.IGNORECASE)


def _site_name(root) -> str | None:
    """The portal's own name, from its <title>, og:site_name or banner (read before chrome is dropped)."""
    texts = [e.get("content") or "" for e in root.iter("meta") if e.get("property") == "og:site_name"]
    texts += [e.text_content() for e in root.iter("title")]
    texts += [e.text_content() for e in root.iter() if isinstance(e.tag, str) and e.tag in ("header", "div")
              and "banner" in f"{e.get('class') or ''} {e.get('id') or ''}".lower()][:3]
    for text in texts:
        if match := _SITE_RE.search(" ".join(text.split())):
            return match.group().strip(" -,.")
    return None


def _parser():
    import lxml.html
    return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)


def _drop_hidden(root) -> None:
    for element in list(root.iter(*_HIDDEN)):
        element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        style = (element.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or element.get("hidden") is not None or element.get("id") in _ARCHIVE_IDS:
            element.drop_tree()


_CHROME_ROLES = ("navigation", "banner", "contentinfo", "search", "menu", "menubar")
# Class and id words of a portal's chrome; an element that also names an article is kept.
_CHROME_HINTS = re.compile(r"menu|nav|footer|header|sidebar|banner|breadcrumb|share|comment|related|login|ads\b|toolbar|"
                           r"\b(?:zone|col|column|cot)[-_]?(?:right|left|phai|trai)\b")   # a layout's side columns
# A site's imprint (the footer of every page): who answers for the content, address, phone, licence.
_IMPRINT_RE = re.compile(r"chịu trách nhiệm|địa chỉ\s*:|điện thoại|fax|e-?mail|giấy phép|bản quyền|copyright", re.IGNORECASE)
_ARTICLE_HINTS = re.compile(r"article|content|noidung|detail|post|entry|van-?ban|toanvan|main")


def _drop_chrome(root) -> None:
    """A web page's menus, footers and sidebars; a header only outside the article (an article's
    own <header> holds its headline). Not <form>: ASP.NET and SharePoint pages hold all in one."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if element.tag == "header" and any(a.tag in ("article", "main") for a in element.iterancestors()):
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if (element.tag in ("nav", "footer", "aside", "header") or element.get("role") in _CHROME_ROLES
                or element.tag not in ("body", "html") and _CHROME_HINTS.search(marks) and not _ARTICLE_HINTS.search(marks)
                and _chrome_like(element)):
            element.drop_tree()


def _chrome_like(element) -> bool:
    """A banner or a menu: little text, or text that is mostly links; a footer holding the site's imprint.
    A page's whole layout may sit in an element whose class says "header" (portlets), and that one
    holds the article."""
    words = " ".join(element.text_content().split())
    text = len(words)
    links = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return text < 200 or links > 0.5 * text or (text < 1000 and len({m.lower() for m in _IMPRINT_RE.findall(words)}) >= 3)


def _main_content(root):
    """The article of a page saved from the web, with its headline; the whole body when the
    extractor finds nothing worth keeping (a short page is its own article)."""
    import lxml.html
    from readability import Document
    whole = root.text_content()
    try:
        summary = Document(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
        article = lxml.html.fragment_fromstring(summary, create_parent="div", parser=_parser())
    except Exception:  # readability raises Unparseable, and lxml errors, on odd pages
        return root
    if len(article.text_content().strip()) < min(200, 0.2 * len(whole.strip())):
        return root
    article = _document_around(root, article)
    headline = _headline(root)
    if headline is not None and " ".join(headline.text_content().split()) not in " ".join(article.text_content().split()):
        headline.tail = None
        article.insert(0, headline)
    return article


# The national motto, or the Party's line in its place: every official document's masthead has one.
_MOTTO_RE = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.IGNORECASE)


def _document_around(root, article):
    """A post that pastes a whole document keeps it whole: the extractor keeps the biggest block of
    text, which may be one cell of the signature table (a long Nơi nhận list). When the page holds
    a masthead (motto) the article lacks, the article is the smallest element holding both."""
    text = " ".join(article.text_content().split())
    if not text or len(_MOTTO_RE.findall(text)) >= len(_MOTTO_RE.findall(root.text_content())):
        return article
    masthead = next((e for e in root.iter() if isinstance(e.tag, str) and _MOTTO_RE.search(e.text or "")), None)
    probe = text[:200]
    for ancestor in masthead.iterancestors() if masthead is not None else ():
        if ancestor.tag in ("body", "html"):
            break
        if probe in " ".join(ancestor.text_content().split()):
            return ancestor
    return article


# Class names CMSs give an article's headline when it is not an <h1>/<h2> ("<p class="Title">").
_TITLE_CLASS_RE = re.compile(r"(?:^|\s)(?:[\w-]*[-_])?(?:title|tieude|tieu-de|headline)(?:\s|$)", re.IGNORECASE)


def _headline(root):
    for found in (root.iter("h1"), root.iter("h2"),
                  (e for e in root.iter() if isinstance(e.tag, str) and _TITLE_CLASS_RE.search(e.get("class") or ""))):
        for element in found:
            if 4 <= len(element.text_content().split()) <= 40:
                return element
    return None


def _read(root) -> tuple[list, list[bool]]:
    """Blocks of an element: runs of lines, and tables as rows of cells of lines."""
    blocks, tables, current = [], [], [""]

    def flush():
        lines = [" ".join(line.split()) for line in current]
        if any(lines):
            blocks.append([line for line in lines if line] + [""])
            tables.append(False)
        current[:] = [""]

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table":
            flush()
            blocks.append(_table(element))
            tables.append(True)
        elif tag == "br":
            current.append("")
        else:
            block = tag in _BLOCK or tag in ("tr", "td", "th")
            if block:
                flush()
            if element.text:
                current[-1] += element.text
            for child in element:
                walk(child)
                if child.tail:
                    current[-1] += child.tail
            if block:
                flush()

    walk(root)
    flush()
    return blocks, tables


def _table(table) -> list[list[list[str]]]:
    rows = []
    for tr in table.iter("tr"):
        if tr.getparent() is not table and tr.getparent().getparent() is not table:
            continue  # a nested table's row belongs to that table
        rows.append([_cell_lines(td) for td in tr if td.tag in ("td", "th")])
    return rows


def _cell_lines(td) -> list[str]:
    lines = []
    for block, is_table in zip(*_read(td)):
        lines += [line for row in block for cell in row for line in cell] if is_table else [l for l in block if l]
    return lines
