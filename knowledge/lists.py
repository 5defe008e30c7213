"""Lists that offer positions or topics: "for the following positions:", "We offer
supervision for student theses on various topics, including:", a heading "Vacancies" or
"Offene Themen" over a list, a table whose header has a "Topic" or "Position" column.

Each item (or table row) of such a list is an opening of its own: `knowledge.sections`
makes it a section, and `knowledge.parse` a position, with its own facts, contact and
status. Its title is the item's link label or first sentence (a table row's topic cell) —
never a button, a filter, a table header or a generic section name. A list of links to
anchors on the same page is a table of contents, not openings; a list of ongoing or
finished theses offers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from knowledge.classify import names_a_section
from knowledge.positions import mentions
from knowledge.text import collapse

_NOUN = (r"(?:positions?|openings?|vacanc(?:y|ies)|jobs?|projects?|topics?|theses|thesis\s+"
         r"topics|posts?|roles?|opportunities|stellen|themen|projekte|projekten|"
         r"abschlussarbeiten|arbeiten|positionen|stellenangebote|vacatures|posities|"
         r"onderwerpen|opdrachten|projecten|functies|afstudeeropdrachten|stages)")
# A lead-in or heading that offers what the list after it names.
OFFERS = re.compile(
    rf"\b(?:following|the\s+below|below|folgende[nr]?|nachfolgende[nr]?|volgende)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?{_NOUN}\b"
    rf"|\b(?:topics?|projects?|positions?|themen|onderwerpen)\s+(?:of\s+(?:these|the|our)\s+"
    rf"[\w-]+\s+)?(?:are|sind|zijn)\b[^.]*$"
    rf"|\b{_NOUN}\s+(?:are\s+|is\s+|sind\s+|zijn\s+)?(?:currently\s+|now\s+|aktuell\s+|"
    rf"momenteel\s+)?(?:available|open|offered|on\s+offer|verfügbar|offen|frei|"
    rf"beschikbaar)\b"
    rf"|\b(?:open|available|current|offered|vacant|proposed|possible|offene[nr]?|aktuelle[nr]?|"
    rf"verfügbare[nr]?|mögliche[nr]?|ausgeschriebene[nr]?|openstaande|beschikbare|huidige)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_NOUN}\b"
    rf"|\b(?:topics?|projects?|themen|onderwerpen)\s*,?\s+(?:including|such\s+as|for\s+example|"
    rf"e\.g\.|wie|zoals|zum\s+beispiel)"
    rf"|^\W*(?:{_NOUN}|themenvorschläge|thesis\s+proposals?|vacancies\s+for\b[^:]*)\W*$"
    rf"|\bthemenvorschläge\b|\bin\s+folgenden\s+(?:[\w-]+\s+)?(?:projekten|themen)\b",
    re.I)
# what was, not what is offered
_PAST = re.compile(r"\b(?:ongoing|running|finished|completed|former|previous|past|recent|"
                   r"supervised|laufende|abgeschlossene|betreute|bisherige|afgeronde|"
                   r"lopende|eerdere)\b", re.I)
TITLE_MAX = 160  # characters of an item's title
# an item that says whom the group seeks: "We are looking for a PhD student to join the lab"
_SOUGHT = re.compile(
    r"^(?:\w+,\s+)?(?:we\s+are|we're|i\s+am|the\s+\w+\s+is)\s+(?:currently\s+|also\s+)?"
    r"(?:looking\s+for|seeking|hiring|recruiting)\s+(?:an?\s+|one\s+|two\s+|three\s+|"
    r"multiple\s+|several\s+|new\s+)*(?P<who>[\w/.-]+(?:\s+[\w/.-]+){0,4}?)"
    r"(?=\s+(?:to|who|for|starting|from|in|on|with|at)\b|\s*[,(]|\s*$)", re.I)
LONG_TITLE = 80  # a title longer than this ends at its first comma (three words or more)
# "PhD Positions: We have an opening ...": a label that names a kind or an opening is the title
_LABEL = re.compile(r"^\s*([^:]{2,60}?)\s*:\s+\S")
# a table column that names what each row offers
_TOPIC_COLUMN = re.compile(r"^\W*(?:topic|title|thema|titel|project|projekt|position|stelle|"
                           r"thesis|arbeit|onderwerp|opdracht|vacancy|vacature|job|subject)"
                           r"\w*\W*$", re.I)
# never a title: buttons, filters and labels of a page's widgets
_WIDGET = re.compile(r"^(?:filter\w*|search|suche|zoeken|name|title|titel|menu|menü|more|"
                     r"mehr|meer|einblenden|ausblenden|show|hide|details|read\s+more|"
                     r"weiterlesen|lees\s+meer|apply|bewerben|solliciteer)\W*$", re.I)


@dataclass(frozen=True, slots=True)
class Opening:
    title: str
    first: int  # its first content token
    end: int  # the token after its content
    lines: tuple[int, int]  # body lines [first, end) of its source


@dataclass(frozen=True, slots=True)
class OpeningList:
    first: int  # the list's (or table's) first token
    end: int  # the token after it
    line_end: int  # the body line after it
    items: tuple[Opening, ...]


def _inline_plain(tok: Token) -> str:
    parts: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _close(tokens: Sequence[Token], i: int) -> int:
    """The index of the token that closes tokens[i] (same level, matching type)."""
    kind = tokens[i].type.replace("_open", "_close")
    level = tokens[i].level
    for k in range(i + 1, len(tokens)):
        if tokens[k].type == kind and tokens[k].level == level:
            return k
    return len(tokens) - 1


def _title(first_inline: Token) -> str:
    """An item's title: the label of the link it opens with, else its first line's first
    sentence, without trailing punctuation."""
    children = [c for c in first_inline.children or [] if not (
        c.type == "text" and not c.content.strip())]
    if children and children[0].type == "link_open":
        label: list[str] = []
        for c in children[1:]:
            if c.type == "link_close":
                break
            if c.type in ("text", "code_inline"):
                label.append(c.content)
        title = collapse("".join(label))
    else:
        line = _inline_plain(first_inline).split("\n", 1)[0]
        named = _LABEL.match(line)  # "PhD Positions: We have an opening ..."
        if named and (mentions(named.group(1).replace("/", " / ")) or
                      re.search(_NOUN, named.group(1), re.I)):
            title = collapse(named.group(1))
        else:  # a sentence's end ends it, a question does not ("Alles nur Show? Ein ...")
            title = collapse(re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", line, maxsplit=1)[0])
            sought = _SOUGHT.search(title)  # "We are looking for a PhD student to join ..."
            if sought:
                title = sought.group("who")[:1].upper() + sought.group("who")[1:]
        if len(title) > LONG_TITLE:  # "We are looking for a PhD student ..., see here"
            head = re.split(r",\s(?![^()]*\))", title, maxsplit=1)[0]  # not inside (...)
            title = head if len(head.split()) >= 3 else title
    return title.strip(" :;,.-–—*_") if not title.endswith("?") else title.strip(" *_")


def _anchor_only(tok: Token) -> bool:
    """Is the item only a link to an anchor on the same page (a table of contents)?"""
    links = [c for c in tok.children or [] if c.type == "link_open"]
    return bool(links) and all(str(c.attrs.get("href", "")).startswith("#") for c in links)


def _valid(title: str) -> bool:
    return 2 <= len(title) <= TITLE_MAX and not _WIDGET.match(title) and not \
        names_a_section(title)


def _list_items(tokens: Sequence[Token], i: int, close: int) -> list[Opening] | None:
    """Each item of the list at `i` as an opening; None when an item cannot be one, or when
    the items are the parts of one sentence ("topics include: - graph algorithms, -
    complexity, - learning.")."""
    items: list[Opening] = []
    ends: list[str] = []
    level = tokens[i].level + 1
    k = i + 1
    while k < close:
        tok = tokens[k]
        if tok.type == "list_item_open" and tok.level == level:
            end = _close(tokens, k)
            inline = next((tokens[x] for x in range(k, end) if tokens[x].type == "inline"), None)
            if inline is None or _anchor_only(inline):
                return None
            title = _title(inline)
            if not _valid(title):
                return None
            span = tok.map or [0, 0]
            items.append(Opening(title, k + 1, end, (span[0], span[1])))
            ends.append(inline.content.rstrip()[-1:])
            k = end
        k += 1
    return None if ends[:-1] and all(e in ",;" for e in ends[:-1]) else items


def _table_items(tokens: Sequence[Token], i: int, close: int) -> list[Opening] | None:
    """The rows of a table whose header names a topic or position column, each titled by
    its cell in that column."""
    rows: list[tuple[int, int, list[Token]]] = []
    k = i
    while k < close:
        if tokens[k].type == "tr_open":
            end = _close(tokens, k)
            rows.append((k, end, [tokens[x] for x in range(k, end) if tokens[x].type == "inline"]))
            k = end
        k += 1
    if len(rows) < 3:
        return None
    header = [collapse(_inline_plain(c)) for c in rows[0][2]]
    column = next((n for n, h in enumerate(header) if _TOPIC_COLUMN.match(h)), -1)
    if column < 0:
        return None
    items: list[Opening] = []
    for start, end, cells in rows[1:]:
        if column >= len(cells):
            return None
        title = _title(cells[column])
        if not _valid(title):
            return None
        span = tokens[start].map or [0, 0]
        items.append(Opening(title, start, end + 1, (span[0], span[1])))
    return items


def _lead(tokens: Sequence[Token], i: int) -> str:
    """The last sentence of the paragraph right before the list when it announces the list
    (ends with ":"), or the heading right before it."""
    if i < 3:
        return ""
    if tokens[i - 1].type == "heading_close":
        return collapse(_inline_plain(tokens[i - 2]))
    if tokens[i - 1].type == "paragraph_close":
        text = collapse(_inline_plain(tokens[i - 2]))
        if text.rstrip("*_ ").endswith(":"):
            return re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)[-1]
    return ""


def opening_lists(tokens: Sequence[Token], heading_at: dict[int, str]) -> list[OpeningList]:
    """The top-level lists and tables of `tokens` that offer positions or topics.
    `heading_at[i]` is the heading of the section whose content starts at token i."""
    section_heading = ""
    i = 0
    while i < len(tokens):
        if i in heading_at:
            section_heading = heading_at[i]
        tok = tokens[i]
        if tok.level != 0 or tok.type not in ("bullet_list_open", "ordered_list_open",
                                                 "table_open"):
            i += 1
            continue
        close = _close(tokens, i)
        lead = _lead(tokens, i)
        table = tok.type == "table_open"
        cue = " ".join(t for t in (lead, section_heading) if t)
        offered = table or (OFFERS.search(lead) if lead else OFFERS.search(section_heading))
        if offered and not _PAST.search(cue):
            items = _table_items(tokens, i, close) if table else _list_items(tokens, i, close)
            if items and len(items) >= 2:
                span = tok.map or [0, 0]
                # the first such list names the page's openings; a later one (the general
                # "opportunities" after "open positions") is text about them
                return [OpeningList(i, close + 1, span[1], tuple(items))]
        i = close + 1
    return []
