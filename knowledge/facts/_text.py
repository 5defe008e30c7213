"""Shared helpers for fact extraction: sentences with their Markdown, numbers, trimming.

Every extractor works on `Sentence` objects built once per vacancy by `sentences_of`: the
Markdown of each section is cut into units (list items, paragraphs, hard-broken lines) and
units into sentences, each kept both as Markdown (links intact, for e-mails and URLs) and as
plain text (links reduced to their label, member references resolved to names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.model import Kind, Vacancy
from knowledge.text import resolve_member_refs

DETAIL_MAX = 300


@dataclass(frozen=True, slots=True)
class Sentence:
    section: int  # Section.order, -1 for the header (title, description)
    kind: Kind
    heading: str
    raw: str  # Markdown, links intact
    text: str  # plain text
    low: str = ""  # text lower-cased, for cheap keyword gates before the regexes

    def has(self, *words: str) -> bool:
        """True when any of `words` (lower-case) occurs in the text: a cheap pre-filter."""
        low = self.low
        return any(w in low for w in words)


# --- numbers -------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24, "thirty-six": 36, "forty-eight": 48,
    # Dutch
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "twaalf": 12, "achttien": 18, "drei": 3, "elf": 11,
    # German
    "ein": 1, "eine": 1, "einen": 1, "einer": 1, "zwei": 2, "fünf": 5, "sechs": 6,
    "sieben": 7, "neun": 9, "zehn": 10, "zwölf": 12,
}
_NUMBER_WORD_ALT = "|".join(
    sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)
)
# A count: digits, a number word, or a range/alternative of them ("6-9", "two or three").
COUNT = rf"(?:\d+(?:[.,]5)?|{_NUMBER_WORD_ALT})"
COUNT_RANGE = rf"{COUNT}(?:\s*(?:-|–|—|to|or|tot|bis|oder|of)\s*{COUNT})?"

_WORD_TO_DIGIT = re.compile(rf"\b(?:{_NUMBER_WORD_ALT})\b", re.I)


def to_int(word: str) -> int | None:
    """'three' / 'drei' / '3' -> 3; None when it is not a count."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def norm_key(value: str) -> str:
    """Normalised form of a value for de-duplication: case, spacing, number words."""
    text = value.lower().replace("–", "-").replace("—", "-")
    text = _WORD_TO_DIGIT.sub(lambda m: str(NUMBER_WORDS[m.group(0).lower()]), text)
    text = re.sub(r"[\s*_\"'“”‘’]+", " ", text)
    return text.strip(" .,;:")


# --- Markdown to plain text ----------------------------------------------------------------

MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*(?:\s[^)\s]+)?)>?(?:\s+\"[^\"]*\")?\s*\)")
_TAG = re.compile(r"<br\s*/?>|</?[A-Za-z][^>\n]{0,200}>")
_BOLD = re.compile(r"\*\*|__|~~|`")
_STAR = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦]|\d{1,2}[.)])(?=\s|[A-Za-z])\s*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def plain(markdown: str, people: tuple[str, ...] = ()) -> str:
    """Inline Markdown to plain text: links to labels, emphasis and tags dropped."""
    text = markdown
    if "](" in text:
        text = MD_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    if "[member/" in text:
        text = resolve_member_refs(text, people)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "*" in text or "_" in text or "`" in text or "~" in text:
        text = _BOLD.sub("", text)
        text = _STAR.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


# --- units and sentences -------------------------------------------------------------------

_HARD_BREAK = re.compile(r"(?: {2,}|\\|<br\s*/?>\s*)$", re.I)
_LABEL_LINE = re.compile(r"^\s*(?:\*\*|__)?[A-Z][\w /&()-]{1,40}(?:\*\*|__)?\s*:")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def units(markdown: str) -> list[str]:
    """Cut a section's Markdown into units: list items, paragraphs, hard-broken lines."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(" ".join(current))
            current.clear()

    for line in markdown.split("\n"):
        stripped = line.strip()
        if not stripped or _TABLE_RULE.match(stripped):
            flush()
            continue
        if (_BULLET.match(line) or _HEADING.match(line) or _LABEL_LINE.match(line)
                or stripped.startswith("|")):
            flush()
        content = _HEADING.sub("", _BULLET.sub("", line, count=1)).strip()
        current.append(content)
        if _HARD_BREAK.search(line) or _HEADING.match(line) or stripped.startswith("|"):
            flush()
    flush()
    return [u for u in out if u.strip()]


_ABBREV = frozenset({
    "dr", "drs", "prof", "ir", "ing", "mr", "ms", "mrs", "st", "no", "nr", "vs", "etc",
    "approx", "incl", "excl", "e.g", "i.e", "eg", "ie", "al", "fig", "ph.d", "m.sc", "b.sc",
    "msc", "bsc", "phd", "jr", "sr", "dept", "univ", "max", "min", "ca", "resp", "z.b",
    "u.a", "bzw", "ggf", "evtl", "inkl", "vgl", "ca.", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "intl",
})
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)*_]*\s+(?=[\"'“‘(\[]?[*_]{0,2}[A-Z0-9€])")


def split_sentences(unit: str) -> list[str]:
    """Split a unit at sentence ends, not after abbreviations like 'Dr.' or 'Ph.D.'."""
    pieces: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(unit):
        before = unit[start : m.start() + 1]
        word = re.search(r"([\w.]+)\.?$", before.rstrip("!?.\"'”’)") + ".")
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREV or (len(token) == 1 and token.isalpha()) or (
                token.isdigit() and len(token) <= 2):
            continue
        pieces.append(unit[start : m.end()].strip())
        start = m.end()
    pieces.append(unit[start:].strip())
    return [p for p in pieces if p]


def sentences_of(v: Vacancy) -> list[Sentence]:
    """All sentences of the body, in order, then none of the header (see header_sentences)."""
    out: list[Sentence] = []
    for sec in v.sections:
        source = sec.markdown or sec.text
        for unit in units(source):
            for raw in split_sentences(unit):
                text = plain(raw, v.people)
                if text:
                    out.append(Sentence(sec.order, sec.kind, sec.heading, raw, text, text.lower()))
    return out


def header_sentences(v: Vacancy) -> list[Sentence]:
    """The title and description as sentences of section -1."""
    out: list[Sentence] = []
    for source in (v.title, v.description):
        for unit in units(source):
            for raw in split_sentences(unit):
                text = plain(raw, v.people)
                if text:
                    out.append(Sentence(-1, Kind.INTRO, "", raw, text, text.lower()))
    return out


def trim(text: str, start: int = 0, end: int = 0, limit: int = DETAIL_MAX) -> str:
    """`text` collapsed and cut to `limit` characters, keeping text[start:end] inside."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    if end <= 0 or end <= limit - 20:
        cut = text[: limit - 1].rsplit(" ", 1)[0]
        return cut + "…"
    lo = max(0, min(start, len(text)) - (limit - (end - start)) // 2)
    piece = text[lo : lo + limit - 2]
    if lo > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    return piece.rsplit(" ", 1)[0] + "…"


def any_match(pattern: re.Pattern[str], texts: Iterable[str]) -> bool:
    return any(pattern.search(t) for t in texts)
