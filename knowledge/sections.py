"""Chunk a page body into sections with markdown-it-py.

A section starts at a ``#``–``####`` heading or at a paragraph that is only bold text and
reads like a heading (``**Your qualifications:**``). Each keeps its heading, order, Markdown
source and plain text. Text before the first heading becomes the intro section (order 0),
together with the page's description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from knowledge.classify import classify, kind_of_content, kind_of_heading, kind_of_lead_in
from knowledge.lists import opening_lists
from knowledge.model import Kind, Section, Unit
from knowledge.positions import asked_kinds
from knowledge.text import collapse, resolve_member_refs
from knowledge.textnorm import fold
from knowledge.units import markdown_parser, units_of

_MD = markdown_parser()
_BOLD_HEADING_MAX = 70
_BLANK_LINES = re.compile(r"\n{3,}")
_TAG = re.compile(r"<[^>]{0,200}>")


@dataclass(frozen=True, slots=True)
class RawSection:
    heading: str
    markdown: str
    text: str
    line: int  # 1-based in the file
    level: int = 0  # 1-6 for a "#" heading, 7 for a bold-text heading, 0 for the intro,
    # OPENING for an item of a list that offers openings, CONTINUED for the text after it
    lines: tuple[int, ...] = ()  # the file line of each line of `markdown`
    units: tuple[Unit, ...] = ()  # its sentences (`knowledge.units`), from the same tokens
    opening: bool = False  # an item of a list (or a row of a table) that offers positions


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1-6, 7 for bold text that reads like a heading
    text: str
    line: int  # 1-based in the file


@dataclass(frozen=True, slots=True)
class Chunked:
    headings: tuple[Heading, ...]  # every heading, in page order (the page's own h1 too)
    sections: tuple[RawSection, ...]  # intro first (heading ""), possibly empty text


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "html_inline":
            continue
        elif child.type == "image":
            parts.append(child.content or "")
    return "".join(parts)


def _bold_heading(tokens: list[Token], i: int) -> tuple[str, str, int]:
    """(heading, rest, skip) if tokens[i] opens a top-level paragraph whose first line is
    only bold text that reads like a heading ("**Contact:**", "**Background**<br>...");
    `rest` is the plain text of the paragraph after that line, which starts at child `skip`
    of its inline token. ("", "", 0) otherwise."""
    none = ("", "", 0)
    if tokens[i].type != "paragraph_open" or tokens[i].level != 0 or i + 1 >= len(tokens):
        return none
    children = list(tokens[i + 1].children or [])
    popped = 0
    while children and children[0].type == "text" and not children[0].content.strip():
        children.pop(0)
        popped += 1
    if len(children) < 3 or children[0].type != "strong_open":
        return none
    close = next((k for k, c in enumerate(children) if c.type == "strong_close"), -1)
    if close == -1:
        return none
    inner = children[1:close]
    if any(c.type not in ("text", "code_inline", "softbreak") for c in inner):
        return none
    after = children[close + 1 :]
    line_end = next((k for k, c in enumerate(after) if c.type in ("softbreak", "hardbreak")
                     or (c.type == "html_inline" and c.content.lower().startswith("<br"))),
                    len(after))
    if any(c.type != "text" or c.content.strip() not in ("", ":") for c in after[:line_end]):
        return none
    text = collapse("".join(c.content if c.type != "softbreak" else " " for c in inner))
    trailing_colon = text.endswith(":") or any(c.content.strip() == ":" for c in after[:line_end])
    text = text.rstrip(":").strip()
    if not text or len(text) > _BOLD_HEADING_MAX:
        return none
    # a paragraph of its own, all bold, no sentence, naming a position: the position's title
    # ("**Research Software Developer (open)**"; not a name: "**Tim Frenzel**")
    alone = (line_end == len(after) and not text.endswith((".", "!", "?"))
             and bool(asked_kinds(fold(text))[0]))
    if not (trailing_colon or line_end < len(after) or alone
            or kind_of_heading(text) is not None):
        return none
    rest = Token("inline", "", 0, children=[c for c in after[line_end:]
                                            if c.type not in ("html_inline",)])
    return text, _inline_text(rest).strip(), popped + close + 1 + line_end + 1


def _lead_in(tokens: list[Token], i: int) -> str:
    """The text of a top-level one-line paragraph that leads in to the list right after it
    and names requirements or desirables ("You should have:", "Idealerweise bringen Sie
    mit:", "Wat vragen wij?"), else "": it starts a section as a heading would."""
    if tokens[i].type != "paragraph_open" or tokens[i].level != 0 or i + 3 >= len(tokens):
        return ""
    if tokens[i + 3].type not in ("bullet_list_open", "ordered_list_open"):
        return ""
    text = collapse(_inline_text(tokens[i + 1]))
    if "\n" in text or not text.endswith((":", "?")) or len(text) > _BOLD_HEADING_MAX + 50:
        return ""
    text = text.strip("*_ ").rstrip(":").strip("*_ ")
    return text if kind_of_lead_in(text) is not None else ""


def _plain(tokens: list[Token]) -> str:
    """Plain text of a run of block tokens: paragraphs apart, list items as "- " lines."""
    out: list[str] = []
    depth = 0
    pending_item = False
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "list_item_open":
            pending_item = True
        elif tok.type == "inline":
            text = _inline_text(tok).strip()
            if not text:
                continue
            if pending_item:
                out.append("  " * max(0, depth - 1) + "- " + text)
                pending_item = False
            elif depth:
                out.append("  " * depth + text)
            else:
                out.append("\n" + text if out else text)
        elif tok.type in ("fence", "code_block"):
            out.append(tok.content.rstrip())
        elif tok.type == "html_block":
            stripped = _TAG.sub("", tok.content).strip()
            if stripped:
                out.append(stripped)
    text = "\n".join(out)
    return _BLANK_LINES.sub("\n\n", text).strip() if "\n\n\n" in text else text.strip()


OPENING = 8  # the level of an opening of a list: below any heading
CONTINUED = 9  # the level of the text after such a list, under the same heading


@dataclass(slots=True)
class _Part:
    """Where a section starts in the tokens and the body's lines, and what heads it."""

    tok: int  # its first token (the heading's)
    content_from: int  # its first content token
    heading: str
    line: int  # body line of its heading
    md_from: int  # its first body line of Markdown
    lead: str = ""  # the text after a bold heading on its paragraph
    level: int = 0
    skip: int = 0  # the child of the bold heading's inline token that text starts from
    end: int = -1  # the token after its content (-1: where the next part starts)
    md_end: int = -1  # the body line after its Markdown (-1: the next part's line)
    opening: bool = False


def _with_openings(tokens: list[Token], parts: list[_Part]) -> list[_Part]:
    """`parts` with each item of a list that offers positions or topics as a part of its
    own (`knowledge.lists`), and what follows such a list under its section's heading."""
    found = opening_lists(tokens, {p.content_from: p.heading for p in parts})
    if not found:
        return parts
    if not parts or found[0].first < parts[0].tok:  # a list in the text before any heading
        parts = [_Part(0, 0, "", 0, 0), *parts]
    out: list[_Part] = []
    pending = list(found)
    for n, part in enumerate(parts):
        out.append(part)
        next_tok = parts[n + 1].tok if n + 1 < len(parts) else len(tokens)
        while pending and pending[0].first < next_tok:
            listing = pending.pop(0)
            if listing.first < part.content_from:
                continue
            here = out[-1]
            here.end, here.md_end = listing.first, listing.items[0].lines[0]
            for item in listing.items:
                out.append(_Part(item.first - 1, item.first, item.title, item.lines[0],
                                 item.lines[0], level=OPENING, end=item.end,
                                 md_end=item.lines[1], opening=True))
            if listing.end < next_tok:  # what follows the list, under the section's heading
                out.append(_Part(listing.end, listing.end, part.heading, listing.line_end,
                                 listing.line_end, level=CONTINUED))
    return out


# a heading's attribute list (kramdown, Pandoc): "## PhD position in TCS {#phd}", "{: .note}"
_ATTRIBUTES = re.compile(r"\s*\{:?\s*[#.][\w.#: -]*\}\s*$")


def chunk(body: str, body_line: int, people: tuple[str, ...],
          line_of: tuple[int, ...] = (), openings: bool = True) -> Chunked:
    """Split `body` into raw sections. Line i of `body` is line `body_line + line_of[i]` of
    the file (`line_of` from `knowledge.markup.clean`; i itself when empty). A "#" heading
    that opens the body is the page's own heading: it starts the intro, not a section. With
    `openings`, each item of a list that offers positions or topics is a section too."""
    tokens = _MD.parse(body)
    lines = body.split("\n")

    def file_line(i: int) -> int:
        if line_of:
            return body_line + line_of[min(i, len(line_of) - 1)] if i < len(lines) else \
                body_line + (line_of[-1] + 1 if line_of else i)
        return body_line + i

    # (token index, first content token, heading, line, text after a bold heading, level,
    # the child of the bold heading's inline token that text starts from)
    starts: list[tuple[int, int, str, int, str, int, int]] = []
    headings: list[Heading] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            heading = _ATTRIBUTES.sub("", collapse(_inline_text(tokens[i + 1])))
            line = tok.map[0] if tok.map else 0
            level = int(tok.tag[1])
            if heading:
                headings.append(Heading(level, heading, file_line(line)))
            if i == 0 and level == 1:
                starts.append((i, i + 3, "", line, "", 0, 0))  # the page's heading: the intro
            elif level <= 4:
                starts.append((i, i + 3, heading, line, "", level, 0))
            i += 3
            continue
        bold, rest, skip = _bold_heading(tokens, i)
        if not bold:
            bold = _lead_in(tokens, i)
        if bold:
            line = tok.map[0] if tok.map else 0
            headings.append(Heading(7, bold, file_line(line)))
            starts.append((i, i + 3, bold, line, rest, 7, skip))
            i += 3
            continue
        i += 1
    def markdown(a: int, b: int) -> tuple[str, tuple[int, ...]]:
        """Body lines a..b-1, stripped, with the file line of each line kept."""
        md = "\n".join(lines[a:b])
        stripped = md.strip()
        if not stripped:
            return "", ()
        first = a + md[: md.index(stripped[0])].count("\n")
        return stripped, tuple(file_line(i) for i in range(first, first +
                                                          stripped.count("\n") + 1))

    parts = [_Part(s[0], s[1], s[2], s[3], s[3] + 1, s[4], s[5], s[6]) for s in starts]
    if openings:
        parts = _with_openings(tokens, parts)
    raw: list[RawSection] = []
    first_tok = parts[0].tok if parts else len(tokens)
    first_line = parts[0].line if parts else len(lines)
    intro_md, intro_lines = markdown(0, first_line)
    raw.append(RawSection("", intro_md, _plain(tokens[:first_tok]), file_line(0), 0,
                          intro_lines, units_of(tokens[:first_tok], file_line, people)))
    for n, part in enumerate(parts):
        end_tok = part.end if part.end >= 0 else (
            parts[n + 1].tok if n + 1 < len(parts) else len(tokens))
        end_line = part.md_end if part.md_end >= 0 else (
            parts[n + 1].line if n + 1 < len(parts) else len(lines))
        md, md_lines = markdown(part.md_from, end_line)
        text = _plain(tokens[part.content_from:end_tok])
        text = f"{part.lead}\n{text}".strip() if part.lead else text
        units = units_of(tokens[part.content_from:end_tok], file_line, people,
                         (tokens[part.tok + 1], part.skip) if part.skip else None)
        if not part.heading and raw[0].text == "" and not raw[0].markdown:
            raw[0] = RawSection("", md, text, file_line(part.line), 0, md_lines, units)
            continue
        raw.append(RawSection(part.heading, md, text, file_line(part.line), part.level,
                              md_lines, units, part.opening))
    resolved = tuple(
        RawSection(resolve_member_refs(r.heading, people), r.markdown,
                   resolve_member_refs(r.text, people), r.line, r.level, r.lines, r.units,
                   r.opening)
        for r in raw
    )
    return Chunked(tuple(headings), resolved)


def to_sections(chunked: Chunked, description: str
                ) -> tuple[tuple[Section, ...], list[tuple[str, int, Kind]]]:
    """Classify raw sections; returns the sections and, for each heading no synonym matched,
    (heading, file line, the kind its text gave it)."""
    sections: list[Section] = []
    unknown: list[tuple[str, int, Kind]] = []
    intro = chunked.sections[0]
    intro_text = intro.text
    if description and collapse(description) not in collapse(intro_text):
        intro_text = f"{description}\n\n{intro_text}".strip()
    if intro_text:
        sections.append(Section(0, "", Kind.INTRO, intro.markdown or description, intro_text,
                                intro.line, intro.lines if intro.markdown else (),
                                intro.units))
    above: list[tuple[int, str]] = []  # (level, heading) of the headings a section is under
    for raw in chunked.sections[1:]:
        # an opening of a list: its title is no section's name, its text tells its kind
        kind, known = (kind_of_content(raw.text), True) if raw.opening else classify(
            raw.heading, raw.text, raw.level == 7)
        if not known and raw.level != CONTINUED:  # its heading was reported before the list
            unknown.append((raw.heading, raw.line, kind))
        parent = ""
        if 0 < raw.level <= 7:  # a heading, "#" or bold (not an opening of a list)
            while above and above[-1][0] >= raw.level:
                above.pop()
            parent = above[-1][1] if above else ""
            above.append((raw.level, "" if raw.text.strip() else raw.heading))
        sections.append(Section(len(sections), raw.heading, kind, raw.markdown, raw.text, raw.line,
                                raw.lines, raw.units, parent))
    return tuple(sections), unknown
