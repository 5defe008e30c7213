"""Split a page into its header fields and body, whatever the header style.

Styles, detected per file:
- ``yaml``: front matter between ``---`` fences (Jekyll, Hugo, Hugo Academic), comments and
  quoted multi-line values allowed;
- ``toml``: front matter between ``+++`` fences (Hugo);
- ``pelican``: ``key: value`` lines up to the first blank line, no fence; a line that is not
  ``key: value`` continues the previous value (real pages wrap long titles that way);
- ``none``: no header; the title comes from the first ``#`` heading.

All three fenced/unfenced styles are python-frontmatter handlers, so ``frontmatter`` does the
detection and splitting; errors carry the 1-based line in the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import BaseHandler

from knowledge.errors import PageError

# Keys a Pelican-style header is recognised by (lower-case). A page whose first line looks
# like "Note: ..." but names none of these is taken as having no header.
KNOWN_KEYS = frozenset(
    """title date modified author authors tags tag category categories slug summary
    description status closed people groups type template picture lang language open
    publish_until expirydate expires deadline location url draft finished supervisors
    keywords subtitle publishdate lastmod""".split()
)
_PELICAN_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*)|)$")


@dataclass(frozen=True, slots=True)
class Header:
    style: str
    fields: dict[str, Any]
    field_lines: dict[str, int]  # key -> 1-based line in the file (0 when unknown)
    body: str
    body_line: int  # 1-based line in the file where `body` starts


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


class TomlHandler(BaseHandler):
    """``+++`` fenced TOML front matter (Hugo), parsed with the standard library."""

    FM_BOUNDARY = re.compile(r"^\+{3}\s*$", re.MULTILINE)

    def load(self, fm: str) -> dict[str, Any]:
        return tomllib.loads(fm)


class YamlHandler(BaseHandler):
    """``---`` fenced YAML front matter, safe-loaded."""

    FM_BOUNDARY = re.compile(r"^-{3}\s*$", re.MULTILINE)

    def load(self, fm: str) -> dict[str, Any]:
        data = yaml.safe_load(fm)
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ValueError(f"front matter is a {type(data).__name__}, not a mapping of fields")
        return {str(k).lower(): v for k, v in data.items()}


_FENCED = (("yaml", YamlHandler(), "---"), ("toml", TomlHandler(), "+++"))
_PELICAN = PelicanHandler()


def split_header(text: str, path: str) -> Header:
    """Detect the header style of `text` (already newline-normalised) and split it off."""
    for style, handler, fence in _FENCED:
        if text.startswith(fence) and text[: len(fence) + 1].rstrip() == fence:
            return _split_fenced(text, path, style, handler, fence)
    if _PELICAN.detect(text):
        fm, body = _PELICAN.split(text)
        fields = _PELICAN.load(fm)
        lines = fm.split("\n")
        where = {}
        for i, line in enumerate(lines, start=1):
            m = _PELICAN_LINE.match(line)
            if m and m.group(1).lower() in fields and m.group(1).lower() not in where:
                where[m.group(1).lower()] = i
        return Header("pelican", fields, where, body, len(lines) + 1)
    return Header("none", {}, {}, text, 1)


def _split_fenced(text: str, path: str, style: str, handler: BaseHandler, fence: str) -> Header:
    lines = text.split("\n")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == fence), None)
    if close is None:
        raise PageError(path, 1, f"front matter opened with '{fence}' on line 1 is never closed")
    try:
        fields, _ = frontmatter.parse(text, handler=handler)
    except yaml.YAMLError as exc:
        # the construct's opening (context) is where a person must look; else the problem
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = min(mark.line + 1, close + 1) if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise PageError(path, line, f"YAML front matter cannot be parsed: {problem}") from exc
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else 1
        raise PageError(path, line, f"TOML front matter cannot be parsed: {exc}") from exc
    except ValueError as exc:
        raise PageError(path, 1, str(exc)) from exc
    where: dict[str, int] = {}
    key_line = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")
    for i in range(1, close):
        m = key_line.match(lines[i])
        if m and m.group(1).lower() not in where:
            where[m.group(1).lower()] = i + 1
    body = "\n".join(lines[close + 1 :])
    return Header(style, {str(k).lower(): v for k, v in fields.items()}, where, body, close + 2)
