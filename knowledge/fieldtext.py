"""Header fields that are page text: a list whose items are sentences (``look:``, ``about:``,
``offer:``, ``tasks:`` — whatever a site's template calls them), or a field of no known
meaning whose value is a sentence or more.

Each such field becomes a section after the body's (a field that translates another one,
"intro_he" beside "intro", is left out): its heading is the field's key as
written ("what_we_offer" -> "What we offer"), its kind that of the heading or of its text
(`knowledge.classify`), each list item a list item of its Markdown. Its sentences are read
like the body's (`knowledge.units`), each with the file line of its item, so facts are read
from them with their provenance. Fields with a meaning (`knowledge.fields.SYNONYMS`: title,
tags, deadline, salary, contact, ...) are read by `knowledge.facts.frontmatter` instead.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from knowledge.classify import classify
from knowledge.fields import meaning_of
from knowledge.model import Section
from knowledge.units import units_of_markdown

MIN_WORDS = 4  # a list item with this many words is a sentence (or a phrase), not a tag
_LOOK = 50  # header lines an item is looked for in after the one before (bounded: linear)
MIN_SCALAR_WORDS = 8  # a single value needs more: "layout: post", "image: team.png" are not
# keys that are a site's machinery, never page text
_MACHINERY = frozenset("""layout permalink redirectfrom redirectto sitemap nav navorder
    header image images teaser thumbnail banner feature featureimage gallery css js script
    scripts menu weight order aliases slug url link links source template class style icon
    widget design advanced output outputs cascade headless active draft resources
    sections blocks""".split())
_URLISH = re.compile(r"^\s*(?:https?://|www\.|/|\.{0,2}/|[\w.-]+\.(?:png|jpe?g|gif|svg|pdf|html?)\b)",
                     re.I)


def _words(text: str) -> int:
    return len(text.split())


def _varied(text: str) -> bool:
    """Does the text say something, rather than repeat a few words ("Lab × Lab × Lab")?"""
    words = text.lower().split()
    return len(set(words)) * 2 >= len(words)


def _item_text(value: Any) -> str | None:
    """A list item as text; None for an item that is not text (a mapping, a list)."""
    if isinstance(value, (bool, dict, list, tuple)):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()


def _texts(key: str, value: Any) -> list[str]:
    """The items of a field that is page text, else []."""
    folded = re.sub(r"[\s_-]+", "", key.lower())
    if folded in _MACHINERY or meaning_of(key):
        return []
    if isinstance(value, str):
        text = value.strip()
        return [text] if _words(text) >= MIN_SCALAR_WORDS and _varied(text) and not \
            _URLISH.match(text) else []
    if not isinstance(value, (list, tuple)) or not value:
        return []
    items = [_item_text(v) for v in value]
    if any(t is None for t in items):
        return []
    texts = [t for t in items if t]
    if not any(_words(t) >= MIN_WORDS for t in texts) or any(_URLISH.match(t) for t in texts):
        return []
    return texts


_LANGUAGE_SUFFIX = re.compile(r"^(?P<base>.+?)[_-](?P<code>[a-z]{2})$", re.I)


def _translation(key: str, fields: dict[str, Any]) -> bool:
    """Is the field another field's translation ("intro_he" beside "intro")?"""
    m = _LANGUAGE_SUFFIX.match(key)
    return m is not None and m.group("base") in fields


def _heading(key: str) -> str:
    words = re.sub(r"[_-]+", " ", key).strip()
    return words[:1].upper() + words[1:]


def _item_lines(texts: list[str], key_line: int, header: list[str]) -> list[int]:
    """The file line of each item: where its first words are written, from the key's line
    on (the key's own line when not found, a folded or quoted item)."""
    out: list[int] = []
    at = max(key_line - 1, 0)
    for text in texts:
        probe = " ".join(text.split()[:4])[:30]
        found = next((n for n in range(at, min(len(header), at + _LOOK)) if probe in header[n]),
                     -1)
        if found >= 0:
            at = found
        out.append(at + 1 if key_line else 0)
    return out


def field_sections(fields: dict[str, Any], lines: dict[str, int], page: str, body_line: int,
                   first: int, people: tuple[str, ...] = ()) -> tuple[Section, ...]:
    """The sections of the header fields that are page text, numbered from `first`; `page`
    is the page's text, whose lines before `body_line` are its header."""
    header = page.split("\n", max(body_line - 1, 0))[: max(body_line - 1, 0)]
    out: list[Section] = []
    for key, value in fields.items():
        if _translation(key, fields):
            continue
        texts = _texts(key, value)
        if not texts:
            continue
        line = lines.get(key, 0)
        item_lines = _item_lines(texts, line, header)
        listed = isinstance(value, (list, tuple))
        markdown = "\n".join(f"- {t}" if listed else t for t in texts)
        md_lines = tuple(n for t, n in zip(texts, item_lines, strict=True)
                         for _ in t.split("\n"))
        units = units_of_markdown(markdown, md_lines, line, people)
        text = "\n".join(("- " if u.item else "") + " ".join(t for _, t in u.sentences)
                         for u in units)
        heading = _heading(key)
        kind, _ = classify(heading, text)
        out.append(Section(first + len(out), heading, kind, markdown, text, line, md_lines,
                           units))
    return tuple(out)
