"""The one loader of a page's front matter: the build, scripts/check.py, the preview and the
converter read every page's YAML here and nowhere else.

A committed page is untrusted, so YAML is read as data only:
- safe YAML (no tag builds an object); dates stay text, for the schema to check;
- no aliases (`*name`): 622 bytes of nested aliases expand to gigabytes, and each copy
  is printed again on index pages, feeds and open data;
- a key written twice in one group is an error (YAML silently keeps the last);
- no control characters (C0 but tab and line feed, DEL, C1 U+0080–U+009F, U+FFFE,
  U+FFFF and the other noncharacters) in any key or value: YAML's escapes ("\\x80")
  let them in, and the YAML of every page that repeats the value (an agency page's
  title) then fails;
- bounded: nesting depth, number of values and the length of one value (libyaml
  crashes the process on 30,000 nested lists; a 500 KB title is printed on every
  index page that lists it).
Every refusal is one Problem naming the line, the top-level key that line belongs to,
and the fix. A page whose front matter is refused is an error and is never published.
"""
from __future__ import annotations

import re

import yaml

from ..schema import Problem
from ..text import CONTROL_RE, collapse_spaces, nfc

# Same front-matter delimiters as MkDocs (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.DOTALL)
_KEY_LINE_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")

MAX_DEPTH = 8             # a citation's field is at depth 3
MAX_VALUES = 5_000        # the longest real distribution list has ~60 entries
MAX_VALUE_CHARS = 5_000   # the longest real subject is ~700 characters
# Below this many nesting marks, libyaml's recursive composer is safe without counting levels.
_CHEAP_NESTING = 2_000

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster, as MkDocs uses


class _Loader(_BASE_LOADER):
    """Safe loader that keeps dates as strings (the schema checks them)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_page(text: str) -> tuple[str, re.Match | None]:
    """(the page as NFC text, the match of its front matter or None)."""
    text = nfc(text.lstrip("\ufeff"))
    return text, _FRONT_MATTER_RE.match(text)


def page_body(text: str) -> str | None:
    """The body of a page (NFC), after its front matter; None when it has none."""
    text, match = split_page(text)
    return text[match.end():] if match else None


def split_front_matter(text: str) -> tuple[dict | None, str, Problem | None]:
    """(metadata, body, problem). metadata is None when the front matter is missing or refused."""
    text, match = split_page(text)
    if not match:
        return None, text, Problem("front matter", None, "trang văn bản thiếu phần khai báo đầu trang (---)",
                                   "mở đầu tệp bằng '---', các dòng 'khóa: giá trị', rồi '---' (xem trang Mẫu văn bản)")
    meta, problem = load_yaml(match.group(1))
    return meta, text[match.end():], problem


def load_yaml(source: str) -> tuple[dict | None, Problem | None]:
    """The front matter between the '---' lines as a dict of str keys, or (None, the problem)."""
    loader = _Loader(source)
    try:
        problem = _nesting_problem(source)
        node = None if problem else loader.get_single_node()
        problem = problem or (_node_problem(node, source) if node is not None else None)
        meta = None if problem or node is None else loader.construct_document(node)
    except yaml.YAMLError as error:
        return None, yaml_problem(source, error)
    finally:
        loader.dispose()
    if problem:
        return None, problem
    if not isinstance(meta, dict):
        return None, Problem("front matter", meta, "phần khai báo đầu trang không phải dạng 'khóa: giá trị'",
                             "viết mỗi thông tin trên một dòng 'khóa: giá trị'")
    return {str(k): v for k, v in meta.items()}, None


# ---- checks on the composed nodes, before any value is built ----

def _key_at(lines: list[str], line_no: int) -> tuple[str, str | None]:
    """The top-level key a line belongs to, and the value written on that key's line."""
    for i in range(min(line_no, len(lines) - 1), -1, -1):
        found = _KEY_LINE_RE.match(lines[i])
        if found:
            return found.group(1), lines[i].split(":", 1)[1].strip()
    return "front matter", None


def _nesting_problem(source: str) -> Problem | None:
    """Too deep a nesting, counted on libyaml's event stream (iterative) before its recursive
    composer could crash the process; only for sources with many nesting marks."""
    if sum(source.count(mark) for mark in "[{-?") < _CHEAP_NESTING:
        return None
    depth = 0
    for event in yaml.parse(source, Loader=_BASE_LOADER):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH + 1:
                return _too_deep(source, event.start_mark.line)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _too_deep(source: str, line_no: int) -> Problem:
    key, value = _key_at(source.splitlines(), line_no)
    return Problem(key, _shown(value), f"lồng nhau quá {MAX_DEPTH} tầng (dòng {line_no + 2})",
                   "mỗi khóa là một giá trị, một danh sách hoặc một nhóm khóa: giá trị (xem trang Mẫu văn bản)")


def _node_problem(root, source: str) -> Problem | None:
    """Aliases, repeated keys, control characters and sizes, found on the node tree (iteratively).
    Each node is checked with the top-level key it belongs to, which the problem names."""
    lines = source.splitlines()
    seen: set[int] = set()
    stack = [(root, 0, root.start_mark.line, "front matter")]   # (node, depth, the line that holds it, key)
    while stack:
        node, depth, line_no, key = stack.pop()
        if id(node) in seen:   # libyaml gives an alias the very node (and line) of its anchor
            return Problem(key, _shown(_line_value(lines, line_no)), f"dùng bí danh YAML ('*') ở dòng {line_no + 2}",
                           "viết thẳng giá trị; không dùng '&tên' và '*tên' (giá trị bắt đầu bằng '*' hay '&' "
                           "phải đặt trong ngoặc kép)")
        seen.add(id(node))
        line_no = node.start_mark.line
        if len(seen) > MAX_VALUES:
            return Problem("front matter", None, f"có hơn {MAX_VALUES} giá trị",
                           "phần khai báo đầu trang chỉ ghi thông tin của văn bản; nội dung dài để ở phần thân")
        if depth > MAX_DEPTH:
            return _too_deep(source, line_no)
        if isinstance(node, yaml.ScalarNode):
            problem = _scalar_problem(node.value, key, line_no)
            if problem:
                return problem
        elif isinstance(node, yaml.MappingNode):
            problem = _repeated_key(node, key, lines)
            if problem:
                return problem
            for key_node, value_node in reversed(node.value):
                owner = str(key_node.value) if node is root and isinstance(key_node, yaml.ScalarNode) else key
                stack += [(value_node, depth + 1, key_node.start_mark.line, owner), (key_node, depth + 1, line_no, owner)]
        else:
            stack.extend((item, depth + 1, line_no, key) for item in reversed(node.value))
    return None


def _line_value(lines: list[str], line_no: int) -> str | None:
    line = lines[line_no] if 0 <= line_no < len(lines) else ""
    return line.split(":", 1)[1].strip() if ":" in line else line.strip() or None


def _scalar_problem(value: str, key: str, line_no: int) -> Problem | None:
    bad = CONTROL_RE.search(value)
    if bad:
        return Problem(key, _shown(value), f"có ký tự điều khiển ẩn U+{ord(bad.group()):04X} ở dòng {line_no + 2} "
                       "(thường do dán từ trang web, Word hoặc bộ chuyển mã)",
                       "gõ lại giá trị này, hoặc dán qua Notepad để bỏ ký tự ẩn")
    if len(value) > MAX_VALUE_CHARS:
        return Problem(key, f"{len(value)} ký tự", f"giá trị ở dòng {line_no + 2} quá dài (tối đa {MAX_VALUE_CHARS} ký tự)",
                       "phần khai báo đầu trang chỉ ghi thông tin của văn bản; nội dung dài để ở phần thân")
    return None


def _repeated_key(node: yaml.MappingNode, key: str, lines: list[str]) -> Problem | None:
    first: dict[tuple, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue   # a list as a key: the constructor refuses it with its own message
        name = (key_node.tag, key_node.value)
        line_no = key_node.start_mark.line
        if name in first:
            key = key if key != "front matter" else key_node.value
            where = f"dòng {first[name] + 2} và dòng {line_no + 2}"
            nested = "" if key == key_node.value else f" trong '{key}'"
            return Problem(key, _shown(_line_value(lines, line_no)), f"khóa '{key_node.value}' viết hai lần{nested} ({where})",
                           "giữ một dòng đúng, xóa dòng kia")
        first[name] = line_no
    return None


def _shown(value: str | None) -> str | None:
    """A value as it is quoted in a message: short (a refused value may be megabytes)."""
    if value is None or len(value) <= 120:
        return value
    return value[:120] + "…"


# ---- YAML's own errors, said the way a staff member would ----

_QUOTE = "đặt cả giá trị trong ngoặc kép, ví dụ trich_yeu: \"V/v: ...\""
_UNCLOSED = ("mở ngoặc kép mà không đóng", "thêm dấu ngoặc kép đóng ở cuối giá trị")
_YAML_REASONS = (
    ("expected ',' or ']'", "danh sách mở bằng '[' mà thiếu dấu ']' đóng (hoặc thiếu dấu ',' giữa các mục)",
     "thêm ']' ở cuối danh sách, hoặc đặt giá trị trong ngoặc kép nếu nó không phải danh sách"),
    ("expected ',' or '}'", "nhóm mở bằng '{' mà thiếu dấu '}' đóng (hoặc thiếu dấu ',' giữa các khóa)",
     "thêm '}' ở cuối nhóm"),
    ("mapping values are not allowed", "giá trị có dấu ':' mà không đặt trong ngoặc kép, hoặc thụt lề sai", _QUOTE),
    ("while scanning a quoted scalar", *_UNCLOSED),
    ("cannot start any token", "giá trị bắt đầu bằng ký tự đặc biệt ('@', '`', '%'...)", _QUOTE),
    ("tab character", "có ký tự tab", "YAML chỉ thụt lề bằng dấu cách: thay tab bằng hai dấu cách"),
    ("could not find expected ':'", "có dòng thiếu dấu ':' sau tên khóa",
     "viết 'khóa: giá trị'; giá trị dài thì viết trên một dòng"),
    ("expected key", "có dòng thụt lề sai hoặc không có dạng 'khóa: giá trị'",
     "mỗi khóa bắt đầu ở đầu dòng; mục danh sách thụt hai dấu cách rồi '- '"),
    ("expected '-' indicator", "danh sách có dòng không bắt đầu bằng '- '", "bắt đầu mỗi mục danh sách bằng '- '"),
    ("undefined alias", "giá trị bắt đầu bằng '*'", _QUOTE),
    ("could not determine a constructor", "giá trị bắt đầu bằng '!'", _QUOTE),
    ("control characters are not allowed", "có ký tự điều khiển ẩn (thường do dán từ trang web hoặc Word)",
     "gõ lại dòng này, hoặc dán qua Notepad để bỏ ký tự ẩn"),
)
_YAML_FIX = "kiểm tra dấu hai chấm, dấu ngoặc kép và thụt lề; giá trị có dấu ':' hoặc '#' phải đặt trong ngoặc kép"
# A value that opens a quote and does not close it on its line: `trich_yeu: "V/v tăng cường`.
_OPEN_QUOTE_RE = re.compile(r"""^[A-Za-z_][\w-]*\s*:\s*(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)\s*$""")
# A value that closes its quote before its end: `trich_yeu: "Về lịch" tiếp công dân`.
_EARLY_QUOTE_RE = re.compile(r"""^[A-Za-z_][\w-]*\s*:\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*[^\s#]""")
_EARLY_QUOTE = ("giá trị mở đầu bằng dấu ngoặc kép nhưng còn chữ sau dấu ngoặc đóng",
                "đặt cả giá trị trong ngoặc đơn, ví dụ trich_yeu: 'Về \"lịch\" tiếp công dân', "
                "hoặc bỏ dấu ngoặc ở đầu giá trị")


def _error_line(source: str, error: yaml.YAMLError) -> int:
    """The 0-based line YAML's error is about. A token ("while scanning a quoted scalar") or a flow
    collection ("while parsing a flow sequence") left open is marked where it began; a block
    mapping is marked at its first key, the page's first line, so its problem mark is the line."""
    context, problem = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    opened = str(getattr(error, "context", "") or "").startswith(("while scanning", "while parsing a flow"))
    mark = (context if opened else problem) or context or problem
    if mark is not None:
        return mark.line
    # A ReaderError names only the character (its position is in bytes for libyaml, chars otherwise).
    character = getattr(error, "character", None)
    at = source.find(chr(character) if isinstance(character, int) else str(character or ""))
    return source.count("\n", 0, at) if at >= 0 else 0


def yaml_problem(source: str, error: yaml.YAMLError) -> Problem:
    """Name the line YAML could not read and the key it belongs to (lines counted from the page's
    first line, the opening '---')."""
    lines = source.splitlines()
    line_no = min(_error_line(source, error), len(lines) - 1) if lines else 0
    english = collapse_spaces(" ".join(str(part) for part in (
        getattr(error, "context", None), getattr(error, "problem", None) or error) if part))
    reason, fix = next(((why, fix) for marker, why, fix in _YAML_REASONS if marker in english), (english, _YAML_FIX))
    # A quote left open swallows the lines after it: YAML fails on a later line, the fault is here.
    opened = next((i for i in range(line_no + 1) if _OPEN_QUOTE_RE.match(lines[i])), None) if lines else None
    if opened is not None:
        line_no, (reason, fix) = opened, _UNCLOSED
    elif _EARLY_QUOTE_RE.match(lines[line_no] if lines else ""):
        reason, fix = _EARLY_QUOTE
    key, value = _key_at(lines, line_no) if lines else ("front matter", None)
    return Problem(key, _shown(value), f"YAML hỏng ở dòng {line_no + 2}: {reason}", fix)
