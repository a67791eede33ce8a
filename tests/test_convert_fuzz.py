"""Fuzzing: mutated real seeds never crash the converter, and every page it writes reads back valid and the same.

Mutations of the five seed directives and the staff-page fixture: cut, duplicate, delete
or shuffle lines, change a digit, inject control characters, RTL/invisible marks, NUL,
random Unicode, very long lines, then save in a random encoding and flip a few bytes. Properties:
  * convert_bytes never raises (errors are results with a message);
  * a written page passes the same checks as a staff page (vanban.archive.catalog, the
    schema, a safe file name) and re-reading its front matter gives the metadata the
    converter returned;
  * the catalog never raises on any mutated staff page either.

Default: a fixed, derandomised run of a few hundred examples (well under a minute).
KHO_FUZZ=long runs thousands of random examples and keeps failures in .hypothesis/.
Every crash found is fixed in its module and pinned in REGRESSIONS below.
"""
from __future__ import annotations

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import _fuzz  # noqa: F401  (profiles: default or KHO_FUZZ=long)
from _text import windows_1258
from conftest import SEEDS, STAFF_PAGES
from vanban.archive.catalog import build_catalog, split_front_matter
from vanban.archive.pagefile import name_problem
from vanban.convert import convert_bytes
from vanban.schema import validate

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
STAFF_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(STAFF_PAGES.glob("*.md"))]

# Characters pasted from web pages and Word that a reader never sees.
INVISIBLE = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\r",
             "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
             "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u2028", "\u2029", "\ufeff", "\ufffd", "\xa0"]
# UTF-8 most often, so that most cases reach the parser; '?' replaces what a legacy encoding cannot store.
ENCODINGS = ["utf-8"] * 4 + ["utf-8-sig", "utf-16", "windows-1258", "cp1252", "latin-1"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


@st.composite
def mutation(draw, text: str) -> str:
    lines = _lines(text)
    n = len(lines)
    a = draw(st.integers(0, n))
    b = draw(st.integers(a, min(n, a + 40)))
    kind = draw(st.sampled_from(["cut", "duplicate", "shuffle", "inject", "long line", "delete", "noise", "digit"]))
    if kind == "cut":               # keep one stretch, as a truncated download or a partial copy
        return "\n".join(lines[a:b])
    if kind == "duplicate":         # a paragraph pasted twice
        return "\n".join(lines[:b] + lines[a:b] + lines[b:])
    if kind == "delete":
        return "\n".join(lines[:a] + lines[b:])
    if kind == "shuffle":
        middle = lines[a:b]
        draw(st.randoms(use_true_random=False)).shuffle(middle)
        return "\n".join(lines[:a] + middle + lines[b:])
    if kind == "inject":
        at = draw(st.integers(0, len(text)))
        chars = "".join(draw(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=8)))
        return text[:at] + chars + text[at:]
    if kind == "digit":             # an OCR'd digit: impossible or future dates, other numbers
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if digits:
            at = draw(st.sampled_from(digits))
            return text[:at] + draw(st.sampled_from("0123456789")) + text[at + 1:]
        return text
    if kind == "noise":             # any Unicode at all, inside a line
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.text(min_size=1, max_size=20)) + text[at:]
    at = draw(st.integers(0, len(text)))
    unit = draw(st.sampled_from(["x", "Tỉnh ủy ", "154-CV/TU", "đ", "-", "=", "ngày 28 tháng 4 năm 2021 "]))
    return text[:at] + unit * draw(st.integers(1000, 60_000 // len(unit))) + text[at:]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "windows-1258":
        return windows_1258(_cp1258_safe(text))
    return text.encode(encoding, errors="replace")


def _cp1258_safe(text: str) -> str:
    """Drop what Windows-1258 cannot store (RTL marks, CJK...), as a legacy editor would on save."""
    out = []
    for ch in text:
        try:
            windows_1258(ch)
            out.append(ch)
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)


@st.composite
def mutated(draw, texts: list[str]) -> tuple[str, bytes]:
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(mutation(text))
    name = draw(st.sampled_from(["van-ban.txt", "van-ban.md", "van-ban.html"]))
    data = bytearray(encode(text, draw(st.sampled_from(ENCODINGS))))
    flips = draw(st.sampled_from([0, 0, 0, 1, 3])) if data else 0   # rare: most cases should reach the parser
    for at in draw(st.lists(st.integers(0, len(data) - 1), min_size=flips, max_size=flips)) if flips else []:
        data[at] = draw(st.integers(0, 255))    # a flipped byte: a damaged disk or a bad transfer
    return name, bytes(data)


def assert_page_reads_back(result) -> None:
    """A written page is a valid staff page whose front matter is exactly the converter's metadata."""
    src_uri = f"van-ban/{result.year}/{result.slug()}.md"
    assert name_problem(src_uri) is None, src_uri
    meta, _, problem = split_front_matter(result.markdown)
    assert problem is None, problem
    assert meta == result.metadata
    assert [p for p in validate(meta) if p.severity == "error"] == []
    catalog = build_catalog([(src_uri, result.markdown.encode("utf-8"))])
    assert [p.format(src_uri) for p in catalog.problems[src_uri] if p.severity == "error"] == []
    assert len(catalog.records) == 1


# Inputs the fuzzer found that once crashed (each fixed in the named module). Both properties run on each.
REGRESSIONS = [
    # vanban/parsing/readers.py: a UTF-8 BOM followed by bytes that are not UTF-8 raised UnicodeDecodeError
    ("bom-hong.md", b"\xef\xbb\xbf\x80--\ntitle: K\xe1\xba\xbf ho\xe1\xba\xa1ch 12-KH/HU\n---\n"),
    ("utf16-le.txt", b"\xff\xfe" + "Tỉnh ủy Hà Nam".encode("utf-16-le") + b"\x00"),   # odd length after a BOM
    # vanban/convert.py: a place line damaged to "Ha\x00 Nam" failed the schema's diacritics check; now flagged
    ("dia-danh-hong.txt", b"\x00\n\n\nS\xf4\xec 154 - CV/TU\n\nV/v ti\xea\xecp tu\xf2c t\xe3ng c\xfd\xf5\xccng c\xf4ng "
     b"ta\xecc pho\xccng,\nch\xf4\xecng di\xf2ch Covid-19\n\nHa\x00 Nam, nga\xccy 28 tha\xecng 4 n\xe3m 2021" + b"x" * 60),
]


@pytest.mark.parametrize("name, data", REGRESSIONS, ids=[r[0] for r in REGRESSIONS])
def test_found_inputs_stay_fixed(name, data):
    check_converter(name, data)
    check_catalog(data)


def check_converter(name: str, data: bytes):
    result = convert_bytes(data, name)
    assert result.status in ("ok", "review", "error")
    if result.status == "error":
        assert result.error and "\n" not in result.error and "Cách sửa" in result.error
        assert "lỗi bộ chuyển đổi" not in result.error   # the converter produced metadata its own schema rejects
    else:
        assert_page_reads_back(result)
    return result


def check_catalog(data: bytes) -> None:
    src_uri = "van-ban/2021/trang.md"
    catalog = build_catalog([(src_uri, data)])
    for problem in catalog.problems.get(src_uri, []):
        line = problem.format(src_uri)
        assert line.startswith(f"{src_uri}: ") and "Cách sửa: " in line


@given(mutated(SEED_TEXTS))
def test_converter_never_crashes_and_its_pages_read_back(case):
    event(check_converter(*case).status)


@given(mutated(STAFF_TEXTS))
def test_catalog_never_crashes_on_a_mutated_staff_page(case):
    check_catalog(case[1])
