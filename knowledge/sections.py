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

from knowledge.classify import classify, kind_of_heading, kind_of_lead_in
from knowledge.model import Kind, Section, Unit
from knowledge.text import collapse, resolve_member_refs
from knowledge.units import markdown_parser, units_of

_MD = markdown_parser()
_BOLD_HEADING_MAX = 70
_TAG = re.compile(r"<[^>]{0,200}>")


@dataclass(frozen=True, slots=True)
class RawSection:
    heading: str
    markdown: str
    text: str
    line: int  # 1-based in the file
    level: int = 0  # 1-6 for a "#" heading, 7 for a bold-text heading, 0 for the intro
    lines: tuple[int, ...] = ()  # the file line of each line of `markdown`
    units: tuple[Unit, ...] = ()  # its sentences (`knowledge.units`), from the same tokens


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
    if not (trailing_colon or line_end < len(after) or kind_of_heading(text) is not None):
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
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def chunk(body: str, body_line: int, people: tuple[str, ...],
          line_of: tuple[int, ...] = ()) -> Chunked:
    """Split `body` into raw sections. Line i of `body` is line `body_line + line_of[i]` of
    the file (`line_of` from `knowledge.markup.clean`; i itself when empty). A "#" heading
    that opens the body is the page's own heading: it starts the intro, not a section."""
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
            heading = collapse(_inline_text(tokens[i + 1]))
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

    raw: list[RawSection] = []
    first_tok = starts[0][0] if starts else len(tokens)
    first_line = starts[0][3] if starts else len(lines)
    intro_md, intro_lines = markdown(0, first_line)
    raw.append(RawSection("", intro_md, _plain(tokens[:first_tok]), file_line(0), 0,
                          intro_lines, units_of(tokens[:first_tok], file_line, people)))
    for n, (start, content_from, heading, line, lead, level, skip) in enumerate(starts):
        end_tok = starts[n + 1][0] if n + 1 < len(starts) else len(tokens)
        end_line = starts[n + 1][3] if n + 1 < len(starts) else len(lines)
        md, md_lines = markdown(line + 1, end_line)
        text = _plain(tokens[content_from:end_tok])
        text = f"{lead}\n{text}".strip() if lead else text
        units = units_of(tokens[content_from:end_tok], file_line, people,
                         (tokens[start + 1], skip) if skip else None)
        if not heading and raw[0].text == "" and not raw[0].markdown:
            raw[0] = RawSection("", md, text, file_line(line), 0, md_lines, units)
            continue
        raw.append(RawSection(heading, md, text, file_line(line), level, md_lines, units))
    resolved = tuple(
        RawSection(resolve_member_refs(r.heading, people), r.markdown,
                   resolve_member_refs(r.text, people), r.line, r.level, r.lines, r.units)
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
    for raw in chunked.sections[1:]:
        kind, known = classify(raw.heading, raw.text, raw.level == 7)
        if not known:
            unknown.append((raw.heading, raw.line, kind))
        sections.append(Section(len(sections), raw.heading, kind, raw.markdown, raw.text, raw.line,
                                raw.lines, raw.units))
    return tuple(sections), unknown
