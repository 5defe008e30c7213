"""One page in, one `Vacancy` out: header fields read by meaning, body cleaned, sectioned
and classified, positions found.

Pure: `parse_page` takes the page's text; `parse_file_bytes` its raw bytes (decoding and
mojibake repair included). Neither touches the file system.

A page is only refused (`PageError`) when it truly cannot be read: a ``closed:`` / ``open:``
/ ``draft:`` flag that is neither true nor false (its status would be a guess). Everything
else is repaired with a warning: a missing title comes from the first heading that is not a
section name, a ``name`` field, or the file (or bundle folder) name made readable; front
matter is read leniently (`knowledge.headers`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from knowledge.budget import check
from knowledge.classify import kind_of_heading, names_a_section
from knowledge.errors import PageError, warning
from knowledge.facts import frontmatter
from knowledge.fields import (
    Field,
    as_bool,
    as_date,
    as_text,
    block_markdown,
    fields_by_meaning,
    says_closed,
)
from knowledge.fieldtext import field_sections
from knowledge.headers import split_header
from knowledge.markup import clean, clean_inline
from knowledge.model import Kind, Position, Section, Vacancy
from knowledge.positions import mentions, page_kinds
from knowledge.sections import CONTINUED, OPENING, Chunked, RawSection, chunk, to_sections
from knowledge.text import decode_page, humanize_slug
from knowledge.textnorm import fold, language_of, tokens

_LIST_SPLIT = re.compile(r"\s*[,;]\s*")
_LANGUAGE_SAMPLE = 1500  # characters of text a page's language is told from
_PAGE_VARIABLE = re.compile(r"\{\{-?\s*page\.([\w-]+)\s*-?\}\}")
_DATE_PREFIX = re.compile(r"^\d{4}[-_]\d{1,2}[-_]\d{1,2}[-_]?|^\d{4}[-_]")
_STATUS_CLOSED = frozenset({"closed", "filled", "expired", "archived", "draft", "gesloten",
                            "geschlossen", "vergeben", "besetzt", "vervuld", "inactive"})


# Author keys that are an account, not a person: Hugo Blox's "admin" is the site's owner.
_ACCOUNTS = frozenset("admin administrator webmaster editor staff guest anonymous user".split())

def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items: list[Any] = list(value) if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        for part in _LIST_SPLIT.split(as_text(item)):
            if part and part not in out:
                out.append(part)
    return tuple(out)


def _flag(f: Field, path: str) -> bool:
    value = as_bool(f.value)
    if value is None:
        raise PageError(path, f.line, f"'{f.key}' must be true or false, not {f.text!r}; "
                                      "the vacancy's status would be a guess")
    return value


def header_closed(by: dict[str, list[Field]], path: str, today: dt.date) -> tuple[bool, str]:
    """(closed, why) from the header alone: a closed/open/draft flag, a status, a tag or
    category such as "closed" or "vergeben", an expiry date in the past."""
    for f in by.get("closed", []):
        if _flag(f, path):
            return True, f"{f.key}: {f.text}"
    for f in by.get("open", []):
        if not _flag(f, path):
            return True, f"{f.key}: {f.text}"
    for f in by.get("draft", []):
        if _flag(f, path):
            return True, f"{f.key}: {f.text}"
    for f in by.get("status", []):
        if f.text.lower().strip() in _STATUS_CLOSED or says_closed(f.text):
            return True, f"{f.key}: {f.text}"
    for f in by.get("tags", []):
        for tag in _as_list(f.value):
            if says_closed(tag):
                return True, f"{f.key}: {tag}"
    for f in by.get("expires", []):
        when = as_date(f.value)
        if when and when < today.isoformat():
            return True, f"{f.key}: {f.text}"
    return False, ""


def readable_name(name: str, path: str) -> str:
    """A title made from a file name: "2025_ClimateDivide_coders" -> "Climate Divide coders";
    a bundle's "index"/"README" gives its folder's name; "a__b__c" (a path flattened with
    "__") gives its last part."""
    stem = name
    if "__" in stem:
        stem = stem.rsplit("__", 1)[1] or stem
    stem = _DATE_PREFIX.sub("", stem) or stem
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
    words = [w for w in re.split(r"[-_.\s]+", stem) if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else name


def _title(by: dict[str, list[Field]], chunked: Chunked, name: str,
           path: str) -> tuple[str, str, int]:
    """(title, warning, line) — the warning says where the title came from when not a
    field; the line is the field's or heading's (0 for a title made from the file name)."""
    for f in by.get("title", []):
        title = clean_inline(f.text)
        if title:
            return title, "", f.line
    # the page's one "#" heading names it, whatever its words ("Locational detection … in
    # the context of …"); another heading only when it is no section's ("Requirements")
    ones = [h for h in chunked.headings if h.level == 1]
    for h in chunked.headings:
        text = clean_inline(h.text).strip(" :")
        if text and (ones == [h] or kind_of_heading(text) is None) and len(text) <= 160 \
                and not _WIDGET.match(text):
            return text, warning(h.line, f"no title field; title taken from the heading "
                                         f"{text!r}"), h.line
    for f in by.get("name", []):
        text = f.text
        title = humanize_slug(text) if re.fullmatch(r"[\w.-]+", text) else clean_inline(text)
        if title and not re.search(r"\d", title):
            return title, warning(f.line, f"no title field or heading; title taken from "
                                          f"'{f.key}: {text}'"), f.line
    title = readable_name(name, path)
    return title, warning(1, f"no title field or heading; title made from the file name: "
                             f"{title!r}"), 0


MAX_TITLE = 200  # characters of a title: the longest real one is 165; a title is in every
# card, list and button, so a page's 11,000-character "title" must not become four messages
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def capped_title(title: str, line: int) -> tuple[str, str]:
    """(title, warning): control characters dropped, and a title longer than MAX_TITLE cut
    at a word with "…" (the warning says so; "" when nothing was cut)."""
    title = _CONTROL.sub(" ", title).strip() if not title.isprintable() else title
    if len(title) <= MAX_TITLE:
        return title, ""
    cut = title[: MAX_TITLE - 1]
    cut = (cut.rsplit(" ", 1)[0] if " " in cut[MAX_TITLE // 2:] else cut).rstrip(" ,;:-–")
    return cut + "…", warning(line, f"the title is {len(title):,} characters long; cut to "
                                    f"{len(cut) + 1}")


# A heading that offers something without naming a kind of position: a topic or project of
# the page's kind ("Themenvorschlag: ...", "Project 2: ..."), or a job the vocabulary has no
# kind for ("Tenure-Track Assistant Professor").
_TOPIC_HEADING = re.compile(
    r"^\W*(?:themenvorschlag|thema|topic|project|projekt|onderwerp|opdracht|position|stelle)"
    r"\s*(?:\d+|[:–-])", re.I)
_OTHER_JOB = re.compile(
    r"\b(?:professor(?:ship)?|lecturer|group\s+leader|research(?:er|\s+scientist)|scientist|"
    r"wissenschaftliche[rn]?\s+mitarbeiter\w*|junior\s+professor|juniorprofessur|"
    r"hoogleraar|docent|onderzoeker|technician)\b", re.I)
# Headings about something other than an open position ("Recent internships", "Funding
# opportunities for PhD students", "Advice for PhD applicants").
_NOT_A_POSITION = re.compile(
    r"\b(?:recent\w*|former|previous|past|alumni|completed|abgeschlossene?|bisherige|vorige|"
    r"afgeronde|funding|fellowships?|stipends?|scholarships?|opportunities|möglichkeiten|"
    r"mogelijkheden|informations?|informationen|informatie|faq|questions|fragen|vragen|news|"
    r"tips|advice|statement|requirements|anforderungen|eisen|how\s+to|application|bewerbung|"
    r"sollicitatie|contact|kontakt|about|über|over\s+ons|why|warum|waarom|ongoing|running|"
    r"finished|laufende|beendete|lopende|partners?|partnern|cooperation|kooperation\w*|"
    r"collaborat\w*|samenwerking\w*|filter\w*|search|suche|zoeken)\b", re.I)
# Headings of a page's widgets and tables, never its title: "Filtern nach", "Name", "Search".
_WIDGET = re.compile(r"^(?:filter(?:n)?(?:\s+(?:by|nach|op))?|search|suche|zoeken|name|"
                     r"title|titel|menu|menü|navigation|share|teilen|delen|more|mehr|meer)\b",
                     re.I)


def _intro(sections: list[Section] | tuple[Section, ...], positions: tuple[Position, ...]
           ) -> str:
    """The page's text before its first position."""
    first = min((p.sections[0] for p in positions if p.sections), default=0)
    return " ".join(s.text for s in sections if s.order < first)


def _positions(raw: tuple[RawSection, ...], offset: int, title: str,
               main: str) -> tuple[Position, ...]:
    """The positions of a page that offers several, one heading each ("PhD student in ...",
    "Project 2 (PhD, 4 years): ...", "Postdocs", "Themenvorschlag: ..."): the sections under
    such a heading belong to it; else its numbered headings; else the blocks of a page that
    writes the same sections for each posting ("Functietitel: …", "Over ons", "Wat zoeken
    wij?", … and again); else the items of its list that offers openings. Raw section i is
    `Section.order` i - `offset`. Empty when the page has fewer than two."""
    found = _headed(raw, offset, title, main)
    if len(found) < 2:
        found = _numbered(raw, offset, main)
    if len(found) < 2:
        found = _repeated(raw, offset, main)
    if len(found) < 2:
        found = _listed(raw, offset, main)
    if len(found) < 2:
        return ()
    return tuple(Position(t, k, tuple(o), False) for t, k, _, o in found)


def by_headings(raw: tuple[RawSection, ...], title: str) -> bool:
    """Does the page offer its positions by headings (named or numbered)?"""
    return len(_headed(raw, 0, title, "")) >= 2 or bool(_numbered(raw, 0, ""))


def _headed(raw: tuple[RawSection, ...], offset: int, title: str,
            main: str) -> list[tuple[str, str, int, list[int]]]:
    found: list[tuple[str, str, int, list[int]]] = []  # title, kind, level, section orders
    current: tuple[str, str, int, list[int]] | None = None
    folded_title = " ".join(tokens(title))
    for i, section in enumerate(raw):
        check()
        if i == 0:
            continue
        order = i - offset
        level = section.level or 7
        if current is not None and level <= current[2]:
            current = None
        heading = section.heading
        kind = _position_kind(heading, main)
        if kind and level <= 6 and " ".join(tokens(heading)) != folded_title:
            current = (heading, kind, level, [order])
            found.append(current)
        elif current is not None:
            current[3].append(order)
    return found


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[A-Z][.)])\s+(?P<t>.+?)\s*(?:\{[#:][^}]*\})?\s*$")
NUMBERED_MIN = 3  # numbered headings that make a list of hosts, topics or openings


def _numbered(raw: tuple[RawSection, ...], offset: int,
              main: str) -> list[tuple[str, str, int, list[int]]]:
    """Positions of a page whose headings of one level are numbered ("1. Technical University
    of Denmark", "2. Chalmers ..."): a list of hosts, topics or openings, each with the
    sections under it. Numbered section names ("1. Introduction") are not positions."""
    levels = [r.level for r in raw[1:] if r.level and _NUMBERED.match(r.heading)
              and not names_a_section(_NUMBERED.match(r.heading).group("t"))]  # type: ignore[union-attr]
    if not levels:
        return []
    level = max(set(levels), key=levels.count)
    found: list[tuple[str, str, int, list[int]]] = []
    for i, section in enumerate(raw):
        if i == 0:
            continue
        m = _NUMBERED.match(section.heading)
        if section.level == level and m and not names_a_section(m.group("t")) and not \
                _NOT_A_POSITION.search(m.group("t")):
            found.append((m.group("t"), main or "other", level, [i - offset]))
        elif found and (section.level or 7) > level:
            found[-1][3].append(i - offset)
        elif section.level and section.level <= level:
            found_level_end = True  # a heading of the list's level that is no item ends it
            if found_level_end and found:
                break
    return found if len(found) >= NUMBERED_MIN else []


def _repeated(raw: tuple[RawSection, ...], offset: int,
              main: str) -> list[tuple[str, str, int, list[int]]]:
    """Positions of a page that writes the same sections once for each posting, all at one
    level: each block starts at the heading of its own (the posting's title) right before
    the first heading that comes again ("Functietitel: Stagiair", then "Over ons", "Wat
    zoeken wij?", … as in the block before)."""
    headings = [" ".join(tokens(r.heading)) if i and r.heading and r.level != CONTINUED
                else "" for i, r in enumerate(raw)]
    seen: dict[str, int] = {}
    again = ""
    for i, h in enumerate(headings):
        if h and h in seen:
            again = h
            break
        if h:
            seen[h] = i
    starts = [i - 1 for i, h in enumerate(headings) if again and h == again]
    if len(starts) < 2 or any(
            i < 1 or headings.count(headings[i]) != 1
            or (raw[i].level or 7) > (raw[i + 1].level or 7)
            for i in starts):
        return []  # no repeated run, or a block without a title of its own
    ends = [*starts[1:], len(raw)]
    return [(raw[a].heading, _position_kind(raw[a].heading, main) or main or "other",
             raw[a].level, [i - offset for i in range(a, b)])
            for a, b in zip(starts, ends, strict=True)]


def _listed(raw: tuple[RawSection, ...], offset: int,
            main: str) -> list[tuple[str, str, int, list[int]]]:
    """Positions of a page whose list (or table) offers openings or topics, one an item
    (`knowledge.lists`): of the kind its title names, else the page's."""
    found: list[tuple[str, str, int, list[int]]] = []
    context = ""  # the heading over the list
    for i, section in enumerate(raw):
        if not section.opening:
            context = section.heading if section.level < OPENING else context
            continue
        kinds = [m.kind for text in (section.heading, context)
                 for m in mentions(text.replace("/", " / ")) if not m.negated and not m.degree]
        found.append((section.heading, kinds[0] if kinds else main or "other", OPENING,
                      [i - offset]))
    return found


def _position_kind(heading: str, main: str) -> str:
    """The kind of position a heading offers, or "" when it is not a position's heading."""
    if not heading or names_a_section(heading) or _NOT_A_POSITION.search(heading):
        return ""
    kinds = [m.kind for m in mentions(heading.replace("/", " / ").replace("_", " "))
             if not m.negated]
    if kinds:
        return kinds[0]
    if _TOPIC_HEADING.match(heading):
        return main or "other"
    return "other" if _OTHER_JOB.search(heading) else ""


def parse_page(text: str, name: str, path: str = "", today: dt.date | None = None,
               warnings: tuple[str, ...] = ()) -> Vacancy:
    """Parse one page's text. `name` is the vacancy id (the file name without extension, or
    the bundle folder's name)."""
    path = path or f"{name}.md"
    header = split_header(text, path)
    check()  # the page's time budget (knowledge.budget)
    fields, lines = header.fields, header.field_lines
    by = fields_by_meaning(fields, lines)
    notes = list(warnings) + list(header.warnings)
    closed, why = header_closed(by, path, today or dt.date.today())

    people = _as_list(by["people"][0].value) if "people" in by else tuple(
        humanize_slug(a) if re.fullmatch(r"[\w.-]+", a) else a
        for f in by.get("authors", []) for a in _as_list(f.value)
        if a.strip().lower() not in _ACCOUNTS)
    description = next((d for f in by.get("description", []) if (d := clean_inline(f.text))),
                       "")
    body = header.body
    if "{{" in body and "page." in body:
        body = _PAGE_VARIABLE.sub(lambda m: as_text(fields.get(m.group(1).lower())), body)
    cleaned = clean(body)
    source, line_of = cleaned.text, cleaned.lines
    blocks = block_markdown(fields)
    if blocks:  # a landing page whose text is in its header's blocks
        from_blocks = clean(blocks)
        at = lines.get("sections", lines.get("blocks", 1)) - header.body_line
        block_lines = (at,) * len(from_blocks.text.split("\n"))
        if source.strip():
            source, line_of = f"{source}\n\n{from_blocks.text}", (*line_of, at, *block_lines)
        else:
            source, line_of = from_blocks.text, block_lines
    check()
    chunked = chunk(source, header.body_line, people, line_of)
    title, note, title_line = _title(by, chunked, name, path)
    if any(r.opening for r in chunked.sections) and by_headings(chunked.sections, title):
        # its headings offer the positions: a list of openings under one is its text
        chunked = chunk(source, header.body_line, people, line_of, openings=False)
    if note:
        notes.append(note)
    title, note = capped_title(title, lines.get("title", 1))
    if note:
        notes.append(note)
    sections, unknown = to_sections(chunked, description)
    # the page's kinds and language are read from its body, as before its header's text
    all_text = " ".join(s.text for s in sections)
    body_words = tokens(fold(all_text, None), folded=True, limit=None)  # read once: kinds,
    # and the index (`knowledge.keywords.index_text`) with the header's text and summary
    texts = field_sections(fields, lines, text, header.body_line, len(sections), people)
    sections += texts
    words = (*tokens(description, limit=None), *body_words,
             *(w for s in texts for w in tokens(s.text, limit=None)))
    if not any(s.text.strip() for s in sections):
        notes.append(warning(header.body_line, "the page has no text besides its title"))
    main = (page_kinds(title.replace("_", " "), "")[:1] or ("",))[0]
    check()
    notes += [warning(line, f"unknown heading {h!r}: classified by its text as {k.value}")
              for h, line, k in unknown if not _position_kind(h, main)]  # a position's title
    check()
    kind = " ".join(f.text for f in by.get("type", [])).lower()
    declared = " ".join([kind, description,
                         *(t for f in by.get("tags", []) for t in _as_list(f.value))])
    kinds = page_kinds(title.replace("_", " "), all_text,
                       "msc" if kind == "student" else declared.replace("_", " "), body_words)
    intro_kept = bool(sections) and sections[0].kind is Kind.INTRO
    positions = _positions(chunked.sections, 0 if intro_kept else 1, title,
                           kinds[0] if kinds else "")
    for p in positions:
        if p.category not in kinds and p.category != "other":
            kinds = (*kinds, p.category)
    offered = list(dict.fromkeys(p.category for p in positions if p.category != "other"))
    if offered and not page_kinds(title.replace("_", " "), _intro(sections, positions),
                                  declared.replace("_", " ")):
        # "Working with us" whose intro names no kind, then a PhD, a PhD and a postdoc
        # heading: a page of the kinds its headings name, in their order, whatever degree
        # its requirements mention most ("hold an M.Sc.")
        kinds = (*offered, *(k for k in kinds if k not in offered))
    known = {"title", "people", "authors", "author", "groups", "tags", "closed", "type",
             "sections", "blocks"}
    extra = {k: as_text(v) for k, v in fields.items()
             if k not in known and not isinstance(v, dict) and as_text(v)
             and not (isinstance(v, list) and any(isinstance(x, (dict, list)) for x in v))}
    if why:
        extra["closed_by"] = why  # `knowledge.status.settle` quotes it as the reason
    language = next((t[:2] for f in by.get("language", []) if (t := f.text.lower())), "")
    vacancy = Vacancy(
        id=name,
        title=title,
        closed=closed,
        source=path,
        description=description,
        type=kind,
        category=kinds[0] if kinds else "other",
        categories=kinds,
        groups=tuple(g for f in by.get("groups", []) for g in _as_list(f.value)),
        people=people,
        tags=tuple(t for f in by.get("tags", []) for t in _as_list(f.value)),
        date=next((d for f in by.get("published", []) if (d := as_date(f.value))), ""),
        language=language if language in ("en", "nl", "de") else language_of(
            all_text[:_LANGUAGE_SAMPLE]),
        header_style=header.style,
        sections=sections,
        positions=positions,
        warnings=tuple(notes),
        extra=extra,
        title_line=title_line,
        description_line=next((f.line for f in by.get("description", [])), 0),
        people_line=next((f.line for k in ("people", "authors") for f in by.get(k, [])), 0),
        people_source=next((f"{f.key}: {f.text}" for k in ("people", "authors")
                            for f in by.get(k, [])), ""),
        words=tuple(words),
    )
    # what the header's fields state (deadline, salary, contact...), as facts; the body's
    # facts are added by `knowledge.facts.extract_facts`
    return replace(vacancy, facts=tuple(frontmatter.extract(vacancy, fields, lines)))


def parse_file_bytes(data: bytes, name: str, path: str, today: dt.date | None = None) -> Vacancy:
    """Decode a page file's bytes (size, encoding, mojibake) and parse it."""
    try:
        decoded = decode_page(data)
    except ValueError as exc:
        raise PageError(path, 0, str(exc)) from exc
    return parse_page(decoded.text, name, path, today, decoded.warnings)
