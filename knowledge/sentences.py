"""A page's sentences: units (list items, paragraphs, hard-broken lines) cut at sentence ends
that are not abbreviations, each kept as Markdown (links intact) and as plain text.

Built once per vacancy at ingest; fact extraction reads them, and the bot quotes them, so a
fact and the sentence it is quoted from always have the same boundaries.

The splitter is this module's own rather than pysbd's: on the project's abbreviation table
(English, Dutch, German: "Prof. Dr.", "z. B.", "bzw.", "ca.", "incl.", "Nr.") it is right
where pysbd splits German and Dutch abbreviations, and it is about 30 times faster
(`python -m bench.sentences` measures both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.budget import check
from knowledge.model import Kind, Section, Vacancy
from knowledge.text import resolve_member_refs


@dataclass(frozen=True, slots=True)
class Sentence:
    section: int  # Section.order, -1 for the header (title, description)
    kind: Kind
    heading: str
    raw: str  # Markdown, links intact
    text: str  # plain text
    low: str = ""  # text lower-cased, for cheap keyword gates before the regexes
    item: bool = False  # a list item on the page
    line: int = 0  # 1-based line of the page file the sentence starts on; 0 when not known

    def has(self, *words: str) -> bool:
        """True when any of `words` (lower-case) occurs in the text: a cheap pre-filter."""
        low = self.low
        for w in words:  # noqa: SIM110 - a plain loop is twice as fast, and this runs often
            if w in low:
                return True
        return False


# --- Markdown to plain text ----------------------------------------------------------------

# A link's label stops at the next "[" (no nested brackets) and its address takes brackets
# only in closed pairs that do not start another link ("mailto:a.[lastname]@uni.de"), so
# that each "[" is looked at once: linear even on thousands of unclosed "[" or "[]("
MD_LINK = re.compile(
    r"(!?)\[([^\[\]\n]*)\]\(\s*<?((?:[^)\s>\[\]]|\[[^\[\]\s()<>]+\](?!\())*+"
    r"(?:\s[^)\s\[\]]+)?)>?"
    r"(?:\s+\"[^\"]*\")?\s*\)")
_TAG = re.compile(r"<br\s*/?>|</?[A-Za-z][^>\n]{0,200}>")
_BOLD = re.compile(r"\*\*|__|~~|`")
_STAR = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦]|\d{1,2}[.)])(?=\s|[A-Za-z])\s*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


_UNDERSCORE = re.compile(r"(?<![\w_\\])_(?=\S)|(?<=[^\s\\])_(?![\w_])")
_HARD_BREAK_END = re.compile(r"\\\s*$")
_ESCAPED = {"*": "\x02", "_": "\x03"}


def plain(markdown: str, people: tuple[str, ...] = ()) -> str:
    """Inline Markdown to plain text: links to labels, emphasis and tags dropped; escaped
    characters ("Codierer\\*innen") kept, a hard-break backslash at the end dropped."""
    text = markdown
    if "](" in text:
        text = MD_LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    if "[member/" in text:
        text = resolve_member_refs(text, people)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "\\" in text:
        text = _HARD_BREAK_END.sub("", text)
        text = re.sub(r"\\([*_])", lambda m: _ESCAPED[m.group(1)], text)
    if "*" in text or "_" in text or "`" in text or "~" in text:
        text = _BOLD.sub("", text)
        text = _STAR.sub("", text)
        text = _UNDERSCORE.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "\x02" in text or "\x03" in text:
        text = text.replace("\x02", "*").replace("\x03", "_")
    return " ".join(text.split())


# --- units ---------------------------------------------------------------------------------

_HARD_BREAK = re.compile(r"(?: {2,}|\\|<br\s*/?>\s*)$", re.I)
_LABEL_LINE = re.compile(r"^\s*(?:\*\*|__)?[A-Z][\w /&()-]{1,40}(?:\*\*|__)?\s*:")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def units(markdown: str) -> list[str]:
    """Cut a section's Markdown into units: list items, paragraphs, hard-broken lines."""
    return [text for text, _, _ in _units(markdown)]


def _units(markdown: str) -> list[tuple[str, bool, int]]:
    """(unit, is a list item, index of its first line in `markdown`) for each unit."""
    out: list[tuple[str, bool, int]] = []
    current: list[str] = []
    item = False
    first = 0

    def flush() -> None:
        if current:
            text = " ".join(current)
            if text.strip():
                out.append((text, item, first))
            current.clear()

    for n, line in enumerate(markdown.split("\n")):
        stripped = line.strip()
        if not stripped or _TABLE_RULE.match(stripped):
            flush()
            continue
        bullet = _BULLET.match(line)
        if bullet or _HEADING.match(line) or _LABEL_LINE.match(line) or stripped.startswith("|"):
            flush()
            item = bool(bullet)
        elif not current:
            item = False
        if not current:
            first = n
        content = _HEADING.sub("", _BULLET.sub("", line, count=1)).strip()
        current.append(content)
        if _HARD_BREAK.search(line) or _HEADING.match(line) or stripped.startswith("|"):
            flush()
    flush()
    return out


# --- sentence ends -------------------------------------------------------------------------

# Words that end with a full stop without ending the sentence (folded, without the stop).
ABBREVIATIONS = frozenset("""
    dr drs prof ir ing mr ms mrs st no nr vs etc approx incl excl e.g i.e eg ie al fig ph.d
    m.sc b.sc jr sr dept univ max min ca resp z.b u.a bzw ggf evtl inkl vgl
    jan feb mar apr jun jul aug sep sept oct nov dec intl okt dez mrz mär jän
    bijv bv evt m.b.t i.v.m t.a.v d.w.z o.a zgn zg mw mevr dhr ca
    z.t d.h u.u usw sog ggfs insb geb hr fr abs
    approx est av tel mag mmag dipl habil
""".split())
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)*_]*\s+(?=[\"'“‘(\[]?[*_]{0,2}[A-Z0-9€ÄÖÜ])")
_LAST_WORD = re.compile(r"[\w.]+$")
_WORD_WINDOW = 40  # characters looked back for the word before a full stop: no abbreviation,
# initial or day is longer, and a bounded look keeps splitting linear in the unit's length
_CLOSING = "\"'”’*_"


_MONTH_NEXT = re.compile(
    r"\s*(jan|feb|m[aä]r|apr|ma[iy]|mei|jun|jul|aug|sep|o[ck]t|nov|de[cz])", re.I)


def _ends_abbreviation(unit: str, start: int, end: int, after: int) -> bool:
    """Does `unit[start:end]` (a piece up to and including a full stop) end with an
    abbreviation, given the text from `after` on? Looks at most `_WORD_WINDOW` characters
    back, never copies the unit."""
    if end <= start or unit[end - 1] != ".":
        return False  # "!" and "?" always end a sentence; so does ")." after a link
    low = max(start, end - 1 - _WORD_WINDOW)
    low = max(low, unit.rfind(" ", low, end - 1) + 1)  # the word starts after a space
    m = _LAST_WORD.search(unit, low, end - 1)
    if m is None or (m.start() == end - 1 - _WORD_WINDOW and m.start() > start):
        return False  # no word, or one too long to be an abbreviation
    token = m.group(0).lower().strip(".")
    if token in ABBREVIATIONS or ("." in token and token.split(".", 1)[0] in ABBREVIATIONS):
        return True  # "Dr.", and a degree's parts run together: "Dr.techn.", "Dr.rer.nat."
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "X. Müller", "z. B."
    # a German or Dutch date ("1. Juli 2024"): the day's ordinal stop ends nothing
    return token.isdigit() and len(token) <= 2 and bool(_MONTH_NEXT.match(unit, after))


def split_sentences(unit: str) -> list[str]:
    """Split a unit at sentence ends, not after abbreviations like 'Dr.' or 'Ph.D.'. Linear
    in the unit's length: each candidate end is judged from a bounded look around it."""
    check()  # the page's time budget (knowledge.budget), once per unit and every 1024 ends
    pieces: list[str] = []
    start = 0
    for n, m in enumerate(_BOUNDARY.finditer(unit)):
        if n % 1024 == 1023:
            check()
        end = m.start() + len(m.group(0).rstrip())
        while end > start and unit[end - 1] in _CLOSING:
            end -= 1
        if (end > start and unit[end - 1] == ")") or not _ends_abbreviation(
                unit, start, end, m.end()):
            pieces.append(unit[start : m.end()].strip())
            start = m.end()
    pieces.append(unit[start:].strip())
    return [p for p in pieces if p]


def _sentences(source: str, section: int, kind: Kind, heading: str,
               people: tuple[str, ...], lines: tuple[int, ...] = (),
               line: int = 0) -> list[Sentence]:
    """The sentences of `source`; its line i is file line `lines[i]` (all on `line` when
    `lines` is empty)."""
    out: list[Sentence] = []
    for unit, item, at in _units(source):
        where = lines[min(at, len(lines) - 1)] if lines else line
        for raw in split_sentences(unit):
            text = plain(raw, people)
            if text:
                out.append(Sentence(section, kind, heading, raw, text, text.lower(), item,
                                    where))
    return out


def sentences_of(v: Vacancy) -> list[Sentence]:
    """All sentences of the body, in order (the header's are `header_sentences`)."""
    return section_sentences(v.sections, v.people)


def section_sentences(sections: tuple[Section, ...], people: tuple[str, ...]) -> list[Sentence]:
    """All sentences of `sections`, in order: those read with each section from markdown-it's
    tokens (`knowledge.units`), or, for a section made without them, read from its Markdown
    the same way; `people` resolves member references."""
    from knowledge.units import units_of_markdown

    out: list[Sentence] = []
    for sec in sections:
        units = sec.units or units_of_markdown(sec.markdown or sec.text,
                                               sec.lines if sec.markdown else (), sec.line,
                                               people)
        out += [Sentence(sec.order, sec.kind, sec.heading, raw, text, text.lower(), u.item,
                         u.line) for u in units for raw, text in u.sentences]
    return out


def header_sentences(v: Vacancy) -> list[Sentence]:
    """The title and description as sentences of section -1."""
    out: list[Sentence] = []
    for source, line in ((v.title, v.title_line), (v.description, v.description_line)):
        out += _sentences(source, -1, Kind.INTRO, "", v.people, (), line)
    return out
