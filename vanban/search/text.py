"""What the search index reads about a document, beyond the text readers see.

Pagefind folds tone marks but not đ -> d (đ has no Unicode decomposition),
so "nghi dinh" would miss "nghị định". Each document's search record
(vanban/search/record.py) therefore also holds its đ words folded to ASCII and
its fields as folded words (`index_words`, `symbol_words`, `date_words`), and the
browser folds every query the same way (docs/assets/javascripts/search-engine.js
`foldQuery` and `searchKey` mirror `fold_query` and `search_key`;
tests/fixtures/search_fold_cases.json and search_key_cases.json are the shared
tables both are tested against).
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from ..dates import parse_iso
from ..symbols import normalize_symbol
from ..text import collapse_spaces, fold, nfc

_D_RE = re.compile("[đĐ]")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old-style tone placement on the open glides oa, oe, uy: hoà -> hòa, uỷ -> ủy.
# Not after q ("quý" keeps its tone on y) nor before a final consonant or
# another mark ("hoàn", "luận").
_OPEN_GLIDE_RE = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONES}])(?![\w\u0300-\u036f])")


def fold_query(text: str) -> str:
    """The one normalisation shared by the index copy and the browser's queries:
    NFC, tone marks and other diacritics stripped, đ -> d, lower case, single spaces."""
    return collapse_spaces(fold(text or "")).lower()


_QUOTED_RE = re.compile(r'["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]?')
_WORD_SPLIT_RE = re.compile(r"[^\w]+|_")


def phrase_words(text: str) -> str:
    """Folded words of `text`, punctuation dropped: what a phrase is compared on."""
    return " ".join(w for w in _WORD_SPLIT_RE.split(fold_query(text)) if w)


def split_query(query: str) -> tuple[str, list[str]]:
    """(what the index is asked for, the quoted phrases of two words or more as
    phrase_words): the rule search.js splitQuery follows in the browser, which
    checks each phrase in the results' text (the index keeps no word positions)."""
    phrases = []

    def unquote(match: re.Match) -> str:
        phrase = phrase_words(match.group(1))
        if " " in phrase:
            phrases.append(phrase)
        return f" {match.group(1)} "
    return fold_query(_QUOTED_RE.sub(unquote, query or "")), phrases


def canonical_tones(text: str) -> str:
    """NFC text with one tone placement, so "Tỉnh uỷ Khánh Hoà" == "Tỉnh ủy Khánh Hòa"."""
    decomposed = unicodedata.normalize("NFD", nfc(text or ""))
    moved = _OPEN_GLIDE_RE.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], decomposed)
    return unicodedata.normalize("NFC", moved)


def iso_date(value) -> str | None:
    """ISO date of a front-matter value (YAML date or string), or None."""
    parsed = parse_iso(value)
    return parsed.isoformat() if parsed else None


_NOT_WORD_RE = re.compile(r"[\W_]+")


def _parts(text) -> list[str]:
    return [w for w in _NOT_WORD_RE.split(fold_query(str(text or ""))) if w]


def index_words(text) -> list[str]:
    """The words of a short field as the index and the browser compare them: folded,
    split at every non-letter, each once ("Trương Công Thái" -> truong, cong, thai),
    and a word written with inner punctuation also joined, as Pagefind indexes it in
    running text ("V/v" -> v, vv; "Covid-19" -> covid, 19, covid19). A field written
    this way holds no compound word that Pagefind would split again."""
    words = []
    for token in fold_query(str(text or "")).split():
        parts = _parts(token)
        words += parts + (["".join(parts)] if len(parts) > 1 else [])
    return list(dict.fromkeys(words))


def search_key(text) -> str:
    """A number, date or compound as one indexed word: folded, its separators dropped,
    leading zeros dropped ("223/CĐ-TTg" -> "223cdttg", "07-KL/TW" -> "7kltw",
    "28/04/2021" -> "28042021"). search.js searchKey is its twin
    (tests/fixtures/search_key_cases.json)."""
    return _NOT_WORD_RE.sub("", fold_query(str(text or ""))).lstrip("0")


def symbol_words(symbol) -> list[str]:
    """What finds a số ký hiệu: its parts, its number without leading zeros, and the whole
    number as one word ("44/2021/NĐ-CP" -> 44, 2021, nd, cp, 442021ndcp)."""
    symbol = str(symbol or "")
    canonical = normalize_symbol(symbol) or symbol
    parts = list(dict.fromkeys(_parts(canonical)))
    numbers = [p.lstrip("0") for p in parts if p.isdigit() and p.lstrip("0")]
    key = search_key(canonical) if numbers else ""   # "không số" is no number
    return list(dict.fromkeys(parts + numbers + ([key] if key else [])))


def date_words(iso: str | None) -> list[str]:
    """How readers write a date, as indexed words: 28/4/2021 and 28/04/2021 -> 2842021, 28042021, 2021."""
    if not iso:
        return []
    year, month, day = iso.split("-")
    spellings = (f"{int(day)}/{int(month)}/{year}", f"{day}/{month}/{year}")
    return list(dict.fromkeys([search_key(s) for s in spellings] + [year]))


_EDGE_RE = re.compile(r"^[^\w]+|[^\w]+$")


@lru_cache(maxsize=1 << 17)
def _token_words(token: str) -> tuple[str, str, str | None]:
    """(word, its lower case, its folded form if it has đ) of a whitespace-separated
    token, edge punctuation dropped; word is "" when nothing is left. Directives
    share most of their tokens, so this runs once per distinct token, not per occurrence."""
    word = _EDGE_RE.sub("", token)
    return word, word.lower(), fold_query(word) if _D_RE.search(word) else None


def distinct_words(text: str) -> list[str]:
    """Each word of the text once, first spelling seen, in reading order, plus
    the folded form of words with đ ("Đinh" -> "dinh").

    The index holds one position per word and page instead of one per
    occurrence: common words ("chỉ", "thị") occur dozens of times in every
    directive, and their positions made up most of what a query downloaded.
    """
    seen: dict[str, str] = {}
    # dict.fromkeys drops repeated tokens in C and keeps each one's first place,
    # which is all the loop below would keep of them.
    for token in dict.fromkeys(nfc(text).split()):
        word, lower, folded = _token_words(token)
        if word:
            seen.setdefault(lower, word)
            if folded is not None:
                seen.setdefault(folded, folded)
    return list(seen.values())


def excerpt_source(text: str, limit: int) -> str:
    """The visible text results quote from, cut at a word boundary near `limit` chars."""
    text = collapse_spaces(nfc(text))
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit] + " …"


# One pass over the tags with a regex, text between them kept: HTMLParser's
# per-character state machine was a third of the search hook's time.
_TAG_RE = re.compile(r"<!--.*?(?:-->|$)|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<[!?][^>]*>", re.S)
_CLASS_RE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_RAW_TEXT = {"script", "style", "template"}   # their text is never visible text
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _classes(attributes: str) -> set[str]:
    match = _CLASS_RE.search(attributes)
    return set((match.group(1) or match.group(2) or match.group(3) or "").split()) if match else set()


def html_text(fragment: str, skip_classes=()) -> str:
    """The visible text of an HTML fragment, NFC, spaces collapsed, without
    the elements that carry one of `skip_classes`."""
    fragment, skip = fragment or "", frozenset(skip_classes)
    parts, depth, pos = [], 0, 0   # depth: inside a skipped element
    while True:
        match = _TAG_RE.search(fragment, pos)
        if match is None:
            break
        if not depth:
            parts.append(fragment[pos:match.start()])
        pos = match.end()
        closing, name, attributes = match.groups()
        if not name:
            continue                              # comment, doctype
        tag = name.lower()
        if tag in _RAW_TEXT and not closing:      # skip to its end tag: its text may hold "<"
            end = fragment.lower().find(f"</{tag}", pos)
            pos = len(fragment) if end < 0 else fragment.find(">", end) + 1 or len(fragment)
            continue
        if tag in _VOID or tag in _RAW_TEXT or attributes.rstrip().endswith("/"):
            continue
        if closing:
            depth = max(0, depth - 1)
        elif depth or (skip and _classes(attributes) & skip):
            depth += 1
    if not depth:
        parts.append(fragment[pos:])
    return collapse_spaces(nfc(html.unescape(" ".join(parts))))


def escape(value) -> str:
    """Escape a value for HTML text or a double-quoted attribute."""
    return html.escape(nfc(str(value)), quote=True)
