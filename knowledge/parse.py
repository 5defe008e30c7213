"""One page in, one `Vacancy` out: header fields normalised, body sectioned and classified.

Pure: `parse_page` takes the page's text; `parse_file_bytes` its raw bytes (decoding and
mojibake repair included). Neither touches the file system.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from knowledge.errors import PageError
from knowledge.headers import split_header
from knowledge.model import Kind, Vacancy
from knowledge.positions import page_kinds
from knowledge.sections import chunk, to_sections
from knowledge.text import collapse, decode_page, humanize_slug
from knowledge.textnorm import language_of

_TRUE = frozenset({"true", "yes", "y", "1", "on", "ja", "closed", "gesloten", "geschlossen"})
_FALSE = frozenset({"false", "no", "n", "0", "off", "nee", "nein", "open", "", "none", "null"})
_DESCRIPTION_KEYS = ("description", "summary", "excerpt", "abstract", "subtitle", "lead")
_DATE_KEYS = ("date", "publishdate", "publish_date", "published", "pubdate")
_EXPIRY_KEYS = ("publish_until", "expirydate", "expiry_date", "expires", "unpublish")
_LIST_SPLIT = re.compile(r"\s*[,;]\s*")



def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    return collapse(str(value))


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items: list[Any] = list(value) if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        for part in _LIST_SPLIT.split(_as_text(item)):
            if part and part not in out:
                out.append(part)
    return tuple(out)


def _as_bool(value: Any, key: str, path: str, line: int) -> bool:
    if isinstance(value, bool):
        return value
    text = _as_text(value).lower().strip().strip("'\"")
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise PageError(path, line, f"'{key}' must be true or false, not {_as_text(value)!r}")


def _as_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _as_text(value)
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    return "-".join(m.groups()) if m else text


def _closed(fields: dict[str, Any], lines: dict[str, int], path: str, today: dt.date) -> bool:
    if "closed" in fields:
        return _as_bool(fields["closed"], "closed", path, lines.get("closed", 0))
    if "open" in fields:
        return not _as_bool(fields["open"], "open", path, lines.get("open", 0))
    status = _as_text(fields.get("status", "")).lower()
    if status in ("closed", "filled", "expired", "archived", "gesloten", "geschlossen"):
        return True
    if "draft" in fields and _as_bool(fields["draft"], "draft", path, lines.get("draft", 0)):
        return True
    for key in _EXPIRY_KEYS:
        if key in fields:
            when = _as_date(fields[key])
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) and when < today.isoformat():
                return True
    return False


def parse_page(text: str, name: str, path: str = "", today: dt.date | None = None,
               warnings: tuple[str, ...] = ()) -> Vacancy:
    """Parse one page's text. `name` is the file name without extension (the vacancy id)."""
    path = path or f"{name}.md"
    header = split_header(text, path)
    fields, lines = header.fields, header.field_lines
    people = _as_list(fields.get("people")) or tuple(
        humanize_slug(a) for a in _as_list(fields.get("authors") or fields.get("author"))
    )
    description = next((_as_text(fields[k]) for k in _DESCRIPTION_KEYS if fields.get(k)), "")
    title = _as_text(fields.get("title", ""))
    chunked = chunk(header.body, header.body_line, people, need_title=not title)
    title = title or chunked.title_from_heading
    if not title:
        raise PageError(path, lines.get("title", 1),
                        "page has no title (no 'title' field and no '#' heading)")
    sections, unknown = to_sections(chunked, description)
    if not any(s.text for s in sections if s.kind is not Kind.INTRO) and not any(
        s.text for s in sections
    ):
        raise PageError(path, header.body_line, "page body is empty")
    all_text = " ".join(s.text for s in sections)
    notes = list(warnings) + [f"unknown heading: {h!r}" for h in unknown]
    known = {"title", "people", "authors", "author", "groups", "tags", "closed", "type",
             *_DESCRIPTION_KEYS, *_DATE_KEYS}
    extra = {k: _as_text(v) for k, v in fields.items() if k not in known and v not in (None, "")}
    kind = _as_text(fields.get("type", "")).lower()
    kinds = page_kinds(title, all_text, "msc" if kind == "student" else kind)
    return Vacancy(
        id=name,
        title=title,
        closed=_closed(fields, lines, path, today or dt.date.today()),
        source=path,
        description=description,
        type=kind,
        category=kinds[0] if kinds else "other",
        categories=kinds,
        groups=_as_list(fields.get("groups") or fields.get("group")),
        people=people,
        tags=_as_list(fields.get("tags")) + _as_list(fields.get("categories")),
        date=next((_as_date(fields[k]) for k in _DATE_KEYS if fields.get(k)), ""),
        language=_as_text(fields.get("lang") or fields.get("language")).lower()[:2]
        or language_of(all_text),
        header_style=header.style,
        sections=sections,
        warnings=tuple(notes),
        extra=extra,
    )


def parse_file_bytes(data: bytes, name: str, path: str, today: dt.date | None = None) -> Vacancy:
    """Decode a page file's bytes (size, encoding, mojibake) and parse it."""
    try:
        decoded = decode_page(data)
    except ValueError as exc:
        raise PageError(path, 0, str(exc)) from exc
    return parse_page(decoded.text, name, path, today, decoded.warnings)
