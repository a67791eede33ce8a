"""Fuzzing the built site: no front-matter value, under any key, puts a tag or an attribute into any HTML file.

Each case is a small archive: documents whose front matter holds drawn values under schema keys, keys
the theme reads (`template`, `author`, `kho_feed`, …) and unknown keys. The values are made of the
pieces that break out of each context a value reaches (element text, an attribute, Markdown,
attr_list, an HTML comment, a JSON-LD script, YAML of a generated page) around a marker tag
<kho-x> and a marker attribute kho-a. The archive is built (MkDocs in this process, the archive's
hooks but not the search ones), and every HTML file is parsed: document pages, index pages, feeds'
pages, redirects. No element named kho-x and no attribute named kho-a may appear anywhere.
The keys of status, relations and originals (issue 20) also get values of their own shape, so the
parts they make are built with drawn text in them: the status banner and its "theo …" basis,
relations grouped by quan_he (mot_phan), the original's link and `download=` name (the file is
written under the drawn name), and citations of the body with a drawn issuer (chua-co/ groups).
Profiles: tests/_fuzz.py (a few derandomised builds by default, KHO_FUZZ=long for many).
"""
from __future__ import annotations

import logging
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import _fuzz
from conftest import ROOT
from vanban.legal_force import STATUS_NAMES
from vanban.relation_types import RELATION_KEYS
from vanban.schema import FIELDS

# Every hook of mkdocs.yml, in its order, but the search index (Pagefind would triple the time).
HOOKS = [name for name in re.findall(r"^  - hooks/(\w+\.py)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
         if name != "search_index.py"]
GOOD = {"title": "Công văn 154-CV/TU", "so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn",
        "trich_yeu": "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
        "co_quan_ban_hanh": "Tỉnh ủy Hà Nam", "ngay_ban_hanh": "2021-04-28"}
THEME_KEYS = ["template", "location", "author", "kho_feed", "kho_json_ld", "kho_trang", "description", "hide",
              "title_raw", "status", "icon", "subtitle", "search", "tags", "canonical_url", "kho_nav_key"]
PIECES = ["<kho-x>", "<kho-x kho-a=1>", '"><kho-x>', "'><kho-x>", '" kho-a="1', "' kho-a='1", "{: kho-a=1 }",
          "{ kho-a=1 }", "<!--", "-->", "]]>", "</script><kho-x>", "</title><kho-x>", "</textarea><kho-x>",
          "&lt;kho-x&gt;", "&#60;kho-x&#62;", "*", "_", "`", "|", "[a](javascript:x)", "\n", "# ", "- ", ": ", "\\",
          "\u0080", "\ufffe", "\u202e", "Tỉnh ủy Hà Nam", "154-CV/TU", "2021-04-28", "Công văn", "index", "Index"]
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), min_size=1, max_size=6).map("".join)
# Without the characters the loader refuses (a refused page is never built, so it shows no part at all).
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
SHOWN_TEXT = st.lists(st.sampled_from([p for p in PIECES if p.isprintable() and p != "\\"]) | st.text(PRINTABLE, max_size=5),
                      min_size=1, max_size=6).map("".join)
VALUES = st.recursive(TEXT | st.none() | st.integers(), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["href", "title", "so_ky_hieu", "co_quan", "ngay", "nguyen_van"]) | TEXT, inner, max_size=3),
    max_leaves=6)
KEYS = st.sampled_from([f.key for f in FIELDS] + THEME_KEYS) | st.from_regex(r"[a-z_]{1,10}", fullmatch=True)
DATE = st.sampled_from(["2021-04-28", "2021-05-01", "2022-01-01"]) | SHOWN_TEXT
NUMBER = st.sampled_from(["154-CV/TU", "155-CV/TU", "156-CV/TU", "9-CT/TU"]) | SHOWN_TEXT   # held, or drawn
CITATION = st.fixed_dictionaries({"so_ky_hieu": NUMBER}, optional={
    "quan_he": st.sampled_from(RELATION_KEYS) | SHOWN_TEXT, "mot_phan": st.booleans() | SHOWN_TEXT,
    "loai_van_ban": SHOWN_TEXT, "co_quan": SHOWN_TEXT, "ngay": DATE, "nguyen_van": SHOWN_TEXT})
ORIGINAL_NAME = st.sampled_from(["ban-goc.pdf", "Ban_Goc.DOCX"]) | SHOWN_TEXT.map(lambda t: t + ".pdf")
# Keys of issue 20 with values of their shape (or drawn text), so their page parts are built.
SHAPED = st.fixed_dictionaries({}, optional={
    "tinh_trang_hieu_luc": st.sampled_from(STATUS_NAMES) | SHOWN_TEXT,
    "ngay_co_hieu_luc": DATE, "ngay_het_hieu_luc": DATE,
    "ban_goc": ORIGINAL_NAME | st.lists(ORIGINAL_NAME, max_size=2),
    "van_ban_dan_chieu": st.lists(CITATION, max_size=3)})
# …with drawn text in the values those parts show (breadcrumb, summary line, banner's basis, print heading).
SHOWN = st.fixed_dictionaries({}, optional={key: SHOWN_TEXT
                                             for key in ("title", "trich_yeu", "co_quan_ban_hanh", "loai_van_ban")})
BODY = "\nThực hiện Công văn số 154-CV/TU ngày 28/4/2021 của Tỉnh ủy Hà Nam.\n"
# A relation the body states, with a drawn issuer phrase (the lists of chua-co/ show it).
BODY_CITATION = SHOWN_TEXT.map(
    lambda issuer: f"\nChỉ thị này thay thế Chỉ thị số 9-CT/TU ngày 1/2/2021 của {issuer}.\n")


class _Markers(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag.startswith("kho-x"):
            self.found.append(f"<{tag}>")
        self.found += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("kho-a")]


def markers(html: str) -> list[str]:
    parser = _Markers()
    parser.feed(html)
    return parser.found


def build(docs: Path, site: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").setLevel(logging.CRITICAL)   # bad pages are logged, not raised
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site),
                         hooks=[str(ROOT / "hooks" / name) for name in HOOKS])
    mkdocs_build(config)


def test_the_detector_sees_markers():
    assert markers('<p><kho-x kho-a="1">x</kho-x></p>') == ["<kho-x>", "<kho-x kho-a>"]
    assert markers("<p>&lt;kho-x kho-a=1&gt;</p><script>'<kho-x>'</script>") == []


def write_originals(folder: Path, value) -> None:
    """The files a drawn ban_goc names, where a file of that name can exist."""
    for name in value if isinstance(value, list) else [value]:
        if isinstance(name, str) and name.strip(".") and "/" not in name and "\0" not in name \
                and len(name.encode()) < 200:
            (folder / name).write_bytes(b"%PDF-1.4 ban goc")


@settings(max_examples=_fuzz.SITE_BUILDS)
@given(st.lists(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6).map(lambda meta: (meta, "")),
                min_size=1, max_size=4))
def test_no_front_matter_value_puts_markup_into_any_page(documents):
    assert build_and_find_markers(documents) == {}


@settings(max_examples=_fuzz.SITE_BUILDS)
@given(st.lists(st.tuples(st.tuples(SHAPED, SHOWN).map(lambda pair: {**pair[0], **pair[1]}), BODY_CITATION),
                min_size=2, max_size=4))
def test_no_value_of_status_relations_or_originals_puts_markup_into_any_page(documents):
    assert build_and_find_markers(documents) == {}


def build_and_find_markers(documents: list[tuple[dict, str]]) -> dict[str, list[str]]:
    """Build an archive of (front matter over GOOD, a line added to BODY); the markers in each HTML file."""
    with tempfile.TemporaryDirectory(prefix="kho-fuzz-site-") as tmp:
        docs = Path(tmp) / "docs"
        folder = docs / "van-ban" / "2021"
        folder.mkdir(parents=True)
        for n, (meta, body_citation) in enumerate(documents):
            # Each document keeps a number of its own, so it is listed on the index pages unless refused.
            front = {**GOOD, "so_ky_hieu": f"{154 + n}-CV/TU", **meta}
            text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + BODY + body_citation
            (folder / f"trang-{n}.md").write_text(text, encoding="utf-8")
            write_originals(folder, meta.get("ban_goc"))
        build(docs, Path(tmp) / "site")
        pages = sorted((Path(tmp) / "site").rglob("*.html"))
        found = {str(page.relative_to(Path(tmp) / "site")): markers(page.read_text(encoding="utf-8")) for page in pages}
        return {page: tags for page, tags in found.items() if tags}
