"""Split a page into its header fields and body, whatever the header style — leniently.

Styles, detected per file:
- ``yaml``: front matter between ``---`` fences (Jekyll, Hugo, Hugo Academic), comments and
  quoted multi-line values allowed;
- ``toml``: front matter between ``+++`` fences (Hugo);
- ``pelican``: ``key: value`` lines up to the first blank line, no fence; a line that is not
  ``key: value`` continues the previous value (real pages wrap long titles that way);
- ``none``: no header; the title comes from the body.

The fenced styles are python-frontmatter handlers. Front matter a strict parser rejects is
read as far as it can be, with a warning naming the line, never an error: tabs are read as
spaces; a field YAML or TOML cannot parse (a stray quote) is read as text; a date that does
not exist (``enddate: 2022-09-31``) stays text; a fence that is never closed ends at the first
blank line. Warnings are stored as "line N: reason" (`knowledge.errors.warning`).

Front matter is read in bounded time and memory: YAML aliases may not expand to more than
`MAX_VALUES` values (a "billion laughs" header) nor contain themselves, and no header may
nest deeper than `MAX_DEPTH`; such a header is a `PageError` naming its line, never a hang or
a crash.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler

from knowledge.errors import PageError, warning

# Keys a Pelican-style header is recognised by (lower-case). A page whose first line looks
# like "Note: ..." but names none of these is taken as having no header.
KNOWN_KEYS = frozenset(
    """title date modified author authors tags tag category categories slug summary
    description status closed people groups type template picture lang language open
    publish_until expirydate expires deadline location url draft finished supervisors
    keywords subtitle publishdate lastmod sortorder""".split()
)
_PELICAN_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*)|)$")
_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
_TOML_KEY = re.compile(r"^[ \t]*([A-Za-z_][\w-]*)[ \t]*=")


@dataclass(frozen=True, slots=True)
class Header:
    style: str
    fields: dict[str, Any]
    field_lines: dict[str, int]  # key -> 1-based line in the file (0 when unknown)
    body: str
    body_line: int  # 1-based line in the file where `body` starts
    warnings: tuple[str, ...] = ()


class PelicanHandler(BaseHandler):
    """``key: value`` lines up to the first blank line, no fence (Pelican's Markdown reader)."""

    FM_BOUNDARY = re.compile(r"^(?=[A-Za-z][A-Za-z0-9_-]*[ \t]*:)", re.MULTILINE)

    def detect(self, text: str) -> bool:
        first = text.split("\n", 1)[0]
        match = _PELICAN_LINE.match(first)
        if not match:
            return False
        head = text.split("\n\n", 1)[0].split("\n")
        keys = {m.group(1).lower() for line in head if (m := _PELICAN_LINE.match(line))}
        return bool(keys & KNOWN_KEYS)

    def split(self, text: str) -> tuple[str, str]:
        lines = text.split("\n")
        end = 0
        while end < len(lines) and lines[end].strip():
            if lines[end].lstrip().startswith("#") and end > 0:
                break  # a heading right after the header, with no blank line between
            end += 1
        return "\n".join(lines[:end]), "\n".join(lines[end:])

    def load(self, fm: str) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        key = ""
        for line in fm.split("\n"):
            match = _PELICAN_LINE.match(line)
            if match:
                key = match.group(1).lower()
                fields[key] = (match.group(2) or "").strip()
            elif key:
                fields[key] = f"{fields[key]} {line.strip()}".strip()
        return fields


class _LenientLoader(yaml.SafeLoader):
    """SafeLoader that keeps a date that does not exist as its text and notes where."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.bad_dates: list[tuple[int, str]] = []  # (0-based line in the YAML, text)


def _timestamp(loader: _LenientLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        loader.bad_dates.append((node.start_mark.line, str(node.value)))
        return str(node.value)


_LenientLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


MAX_VALUES = 10_000  # values a header may hold once its YAML aliases are expanded
MAX_DEPTH = 50  # lists and tables within each other, at most
_TOO_DEEP = f"front matter nests more than {MAX_DEPTH} lists or tables deep"


class HeaderBomb(Exception):
    """Front matter that would take unbounded time or memory to read: aliases expanding to
    too many values or to themselves, or nesting too deep. `line` is 0-based in the header."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line


def _check_graph(root: yaml.Node) -> None:
    """Raise HeaderBomb when the YAML node graph, every alias expanded, holds more than
    MAX_VALUES values, nests deeper than MAX_DEPTH or contains itself. Each node is sized
    once (memoised), so this is linear in the YAML text whatever the aliases multiply to."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack[-1]
        key = id(node)
        if key in sizes:
            stack.pop()
            continue
        if depth > MAX_DEPTH:
            raise HeaderBomb(node.start_mark.line, _TOO_DEEP)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if key not in entered:
            entered.add(key)
            for child in children:
                if id(child) in entered and id(child) not in sizes:
                    raise HeaderBomb(child.start_mark.line,
                                     "a YAML alias in the front matter contains itself")
                stack.append((child, depth + 1))
            continue
        stack.pop()
        sizes[key] = 1 + sum(sizes[id(c)] for c in children)
        if sizes[key] > MAX_VALUES:
            raise HeaderBomb(node.start_mark.line, "YAML aliases in the front matter expand "
                                                   f"to more than {MAX_VALUES:,} values")


_QUOTED = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'""")
_BRACKET = re.compile(r"[\[\]{}]")
def _check_brackets(text: str) -> None:
    """HeaderBomb when brackets outside quotes nest deeper than MAX_DEPTH: checked before a
    parser recurses (and slows down) level by level."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    bare = _QUOTED.sub("", text)  # quotes never span lines: line numbers stay
    for m in _BRACKET.finditer(bare):
        depth = depth + 1 if m.group(0) in "[{" else max(0, depth - 1)
        if depth > MAX_DEPTH:
            raise HeaderBomb(bare.count("\n", 0, m.start()), _TOO_DEEP)


def _yaml(text: str) -> tuple[Any, list[tuple[int, str]]]:
    _check_brackets(text)
    loader = _LenientLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise HeaderBomb(0, _TOO_DEEP) from None
        if node is None:
            return None, loader.bad_dates
        _check_graph(node)
        return loader.construct_document(node), loader.bad_dates
    finally:
        loader.dispose()


def _too_deep(value: Any) -> bool:
    """Do lists and tables in a parsed header nest deeper than MAX_DEPTH? (Iterative.)"""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= MAX_DEPTH:
                return True
            stack += [(v, depth + 1) for v in (item.values() if isinstance(item, dict)
                                                else item)]
    return False


_PELICAN = PelicanHandler()


def split_header(text: str, path: str = "") -> Header:
    """Detect the header style of `text` (already newline-normalised) and split it off.
    What cannot be parsed strictly is read leniently, with warnings; only a header that
    cannot be read in bounded time or memory (`HeaderBomb`) raises PageError."""
    for style, fence in (("yaml", "---"), ("toml", "+++")):
        if text.startswith(fence) and text[: len(fence) + 1].rstrip() == fence:
            try:
                return _split_fenced(text, style, fence)
            except HeaderBomb as exc:
                raise PageError(path, exc.line + 2, f"{exc}; the page is not read") from None
    if _PELICAN.detect(text):
        fm, body = _PELICAN.split(text)
        fields = _PELICAN.load(fm)
        lines = fm.split("\n")
        where: dict[str, int] = {}
        for i, line in enumerate(lines, start=1):
            m = _PELICAN_LINE.match(line)
            if m and m.group(1).lower() in fields and m.group(1).lower() not in where:
                where[m.group(1).lower()] = i
        return Header("pelican", fields, where, body, len(lines) + 1)
    return Header("none", {}, {}, text, 1)


def _split_fenced(text: str, style: str, fence: str) -> Header:
    lines = text.split("\n")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == fence), None)
    notes: list[str] = []
    if close is None:
        end = next((i for i in range(1, len(lines)) if not lines[i].strip()), len(lines))
        keyed = [ln for ln in lines[1:end] if (_YAML_KEY if style == "yaml" else _TOML_KEY)
                 .match(ln) or ln.startswith((" ", "\t", "-", "#"))]
        if end == 1 or len(keyed) < end - 1:
            return Header("none", {}, {}, text, 1, (warning(
                1, f"'{fence}' on line 1 opens no front matter (it is never closed); "
                   "read as page text"),))
        notes.append(warning(1, f"front matter opened with '{fence}' on line 1 is never "
                                f"closed; read up to the first blank line (line {end + 1})"))
        close = end
    fm_lines = lines[1:close]
    if style == "yaml":
        fields, more = _read_yaml(fm_lines)
    else:
        fields, more = _read_toml(fm_lines)
    notes += more
    where: dict[str, int] = {}
    key_line = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")
    for i in range(1, close):
        m = key_line.match(lines[i])
        if m and m.group(1).lower() not in where:
            where[m.group(1).lower()] = i + 1
    body = "\n".join(lines[close + 1 :])
    return Header(style, {str(k).lower(): v for k, v in fields.items()}, where, body,
                  close + 2, tuple(notes))


# --- YAML, strictly first, then field by field ---------------------------------------------

def _problem(exc: Exception) -> str:
    return str(getattr(exc, "problem", None) or str(exc).split("\n")[0])


def _read_yaml(fm_lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Fields of YAML front matter (lines 2.. of the file) and warnings."""
    notes: list[str] = []
    fm = "\n".join(fm_lines)
    try:
        data, bad = _yaml(fm)
    except yaml.YAMLError as exc:
        data, bad = None, []
        failure: Exception | None = exc
    else:
        failure = None
    if failure is None:
        if data is None:
            return {}, notes
        if not isinstance(data, dict):
            return {}, [warning(2, f"front matter is a {type(data).__name__}, not fields "
                                   "(key: value); ignored")]
        notes += [warning(line + 2, f"{text!r} is not a real date; kept as text")
                  for line, text in bad]
        return {str(k).lower(): v for k, v in data.items()}, notes
    # Read block by block: a top-level key and its indented / comment lines.
    fields: dict[str, Any] = {}
    for start, block in _yaml_blocks(fm_lines):
        line = start + 2  # 1-based line in the file
        key = _YAML_KEY.match(block[0])
        if key is None:
            continue
        name = key.group(1).lower()
        source = "\n".join(block)
        tabs = "\t" in source
        for attempt in ([source, source.replace("\t", "  ")] if tabs else [source]):
            try:
                value, bad = _yaml(attempt)
            except yaml.YAMLError as exc:
                problem = _problem(exc)
                continue
            if isinstance(value, dict) and value:
                fields[name] = next(iter(value.values()))
                if attempt is not source:
                    notes.append(warning(line, f"tab characters in '{name}' read as spaces"))
                notes += [warning(line + bl, f"{text!r} is not a real date; kept as text")
                          for bl, text in bad]
                break
        else:
            fields[name] = _as_text_value(block)
            notes.append(warning(line, f"'{name}' is not valid YAML ({problem}); read as text"))
    return fields, notes


def _yaml_blocks(fm_lines: list[str]) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    for i, line in enumerate(fm_lines):
        if _YAML_KEY.match(line):
            blocks.append((i, [line]))
        elif blocks:
            blocks[-1][1].append(line)
    return blocks


def _as_text_value(block: list[str]) -> str:
    """A field's value as written: the rest of the key line and its continuation lines,
    comments dropped, one pair of enclosing quotes (or a lone opening one) removed."""
    first = block[0].split(":", 1)[1]
    rest = [ln.strip() for ln in block[1:] if ln.strip() and not ln.strip().startswith("#")]
    value = " ".join([first.strip(), *rest]).strip()
    if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
        return value[1:-1]
    return value[1:] if value[:1] in "\"'" and value.count(value[0]) == 1 else value


# --- TOML, strictly first, then line by line -----------------------------------------------

def _toml(text: str) -> dict[str, Any]:
    """tomllib.loads, with nesting bounded: HeaderBomb instead of RecursionError."""
    _check_brackets(text)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise HeaderBomb(0, _TOO_DEEP) from None
    if _too_deep(data):
        raise HeaderBomb(0, _TOO_DEEP)
    return data


def _read_toml(fm_lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    fm = "\n".join(fm_lines)
    try:
        return _toml(fm), []
    except tomllib.TOMLDecodeError as exc:
        first_problem = str(exc)
    notes: list[str] = []
    fields: dict[str, Any] = {}
    table = False
    for i, line in enumerate(fm_lines):
        stripped = line.strip()
        if stripped.startswith("["):
            table = True  # [design], [[sections]]: layout tables; only top-level keys are read
            continue
        m = _TOML_KEY.match(line)
        if table or m is None:
            continue
        name = m.group(1).lower()
        try:
            fields.update({k.lower(): v for k, v in _toml(stripped).items()})
        except tomllib.TOMLDecodeError as exc:
            raw = stripped.split("=", 1)[1].split(" #", 1)[0].strip()
            fields[name] = raw[1:-1] if len(raw) >= 2 and raw[0] in "\"'" and \
                raw[-1] == raw[0] else raw
            notes.append(warning(i + 2, f"'{name}' is not valid TOML ({exc}); read as text"))
    if not notes:
        notes.append(warning(2, f"TOML front matter read line by line ({first_problem})"))
    return fields, notes
