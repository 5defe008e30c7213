"""A section's sentences, read once from markdown-it's tokens.

A unit is a list item, a paragraph, a line ended by a hard break, a table row, a heading
inside a section, or a code or HTML block. Its plain text is what markdown-it reads (link
labels, emphasis and escapes resolved, entities decoded, images by their description); its
Markdown is the source the tokens came from (links and their addresses intact). The plain
text is cut into sentences (`knowledge.sentences.split_sentences`), and each cut is carried
over to the Markdown: every character of the text knows the character of the source it came
from. Facts are read from these sentences at ingest, the bot quotes the same ones (they are
stored with their section), so a fact and the sentence it is quoted from have the same
boundaries.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from knowledge.model import Unit
from knowledge.sentences import split_sentences
from knowledge.text import resolve_member_refs

_TAG = re.compile(r"<[^>]{0,200}>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash escape in an HTML block
# a line that starts a unit of its own inside a paragraph: "Location: Nijmegen"
_LABEL_LINE = re.compile(r"[ \t]*(?:\*\*|__)?[A-Z][\w /&()-]{1,40}(?:\*\*|__)?\s*:")
# bold markers markdown-it left as text ("** Start date: 01-01-2023 **")
_STRAY_BOLD = re.compile(r"(?<!\S)\*{2,}|\*{2,}(?!\S)")
_CELL = " | "  # between the cells of a table row

Offsets = list[int]  # for each character of a text, the index of its source character (-1)
_LOOK = 200  # characters looked at around a sentence's end for their source


class _Builder:
    """The text of one run of inline tokens, with the source index of each character."""

    __slots__ = ("offsets", "parts", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.offsets: Offsets = []

    def add(self, text: str, at: int) -> None:
        """`text` found at source index `at` (-1: not found as written)."""
        self.parts.append(text)
        if at >= 0:
            self.offsets.extend(range(at, at + len(text)))
        else:
            self.offsets.extend([-1] * len(text))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _find(raw: str, text: str, cursor: int) -> tuple[int, int]:
    """(where `text` is in `raw` from `cursor`, the cursor after it); (-1, cursor) when it is
    not there as written (an escape or an entity that markdown-it resolved)."""
    at = raw.find(text, cursor)
    return (at, at + len(text)) if at >= 0 else (-1, cursor)


def _aligned(b: _Builder, text: str, cursor: int) -> int:
    """Add `text` character by character, each at the next source character that is the
    same (escapes and entities skipped); returns the cursor after it."""
    raw = b.raw
    for ch in text:
        at = raw.find(ch, cursor, cursor + 12)
        b.add(ch, at)
        if at >= 0:
            cursor = at + 1
    return cursor


def _inline_runs(tok: Token, skip: int = 0) -> list[tuple[_Builder, int, int]]:
    """The runs of an inline token's children between hard breaks: (builder, first source
    index, end source index) of each. Children before `skip` (a bold heading's line) are
    passed over."""
    raw = tok.content
    runs: list[tuple[_Builder, int, int]] = []
    b = _Builder(raw)
    cursor = start = 0
    for n, child in enumerate(tok.children or []):
        if n == skip and skip:
            b = _Builder(raw)
            start = cursor
        kind = child.type
        if kind in ("text", "code_inline"):
            content = child.content
            if not content:
                continue
            at, after = _find(raw, content, cursor)
            if at >= 0 and at - cursor <= 400:
                b.add(content, at)
                cursor = after
            else:
                cursor = _aligned(b, content, cursor)
        elif kind == "softbreak":
            at = raw.find("\n", cursor)
            if at >= 0 and _LABEL_LINE.match(raw, at + 1):  # a line "Location: ..."
                if n >= skip:
                    runs.append((b, start, at))
                b = _Builder(raw)
                cursor = start = at + 1
                continue
            b.add(" ", at)
            cursor = at + 1 if at >= 0 else cursor
        elif kind == "hardbreak" or (kind == "html_inline" and
                                     child.content.lower().startswith("<br")):
            at = raw.find("\n" if kind == "hardbreak" else child.content, cursor)
            end = at if at >= 0 else cursor
            if n >= skip:
                runs.append((b, start, end))
            b = _Builder(raw)
            cursor = start = (end + (1 if kind == "hardbreak" else len(child.content))
                              if at >= 0 else cursor)
    if skip and skip >= len(tok.children or []):
        return runs  # nothing after the heading's line
    runs.append((b, start, len(raw)))
    return runs


def _sentences(b: _Builder, start: int, end: int,
               people: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(Markdown, plain text) of each sentence of a run."""
    text, raw, offsets = b.text, b.raw, b.offsets
    if not text.strip():
        return ()
    pieces = split_sentences(text)
    cuts = [start]
    at = 0
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        a = text.find(piece, at)
        if a < 0:  # cannot happen: the pieces are the text's, in order
            a = at
        spans.append((a, a + len(piece)))
        at = a + len(piece)
    for (_, prev_end), (next_start, _) in itertools.pairwise(spans):
        cuts.append(_cut(raw, offsets, prev_end, next_start, cuts[-1], end))
    cuts.append(end)
    out: list[tuple[str, str]] = []
    for (a, b_), lo, hi in zip(spans, cuts[:-1], cuts[1:], strict=True):
        plain = text[a:b_]
        if "**" in plain:
            plain = _STRAY_BOLD.sub(" ", plain)
        plain = " ".join(plain.split())
        if not plain:
            continue
        if "[member/" in plain:
            plain = resolve_member_refs(plain, people)
        md = raw[lo:hi].strip().rstrip("\\").rstrip()
        out.append((md or plain, plain))
    return tuple(out)


def _cut(raw: str, offsets: Offsets, prev_end: int, next_start: int, low: int,
         high: int) -> int:
    """Where the source is cut between a sentence ending at text index `prev_end` and the
    next starting at `next_start`: after the source of the sentence's last character and the
    markup that closes it ("**", ")" of a link), at the space before the next."""
    # a bounded look either way: linear however many characters markdown-it rewrote
    last = next((offsets[i] for i in range(prev_end - 1, max(-1, prev_end - 1 - _LOOK), -1)
                 if offsets[i] >= 0), -1)
    nxt = next((offsets[i] for i in range(next_start, min(len(offsets), next_start + _LOOK))
                if offsets[i] >= 0), -1)
    if last < 0:
        return max(low, nxt if nxt >= 0 else low)
    cut = last + 1
    limit = nxt if nxt >= 0 else high
    while cut < limit and not raw[cut].isspace():
        cut += 1
    return max(low, min(cut, high))


def _line_of(tok: Token) -> int:
    return tok.map[0] if tok.map else -1


def units_of(tokens: Sequence[Token], line_at: Callable[[int], int], people: tuple[str, ...] = (),
             lead: tuple[Token, int] | None = None) -> tuple[Unit, ...]:
    """The units of a run of block tokens; body line i is file line `line_at(i)`. `lead` is
    a bold heading's paragraph (its inline token, and the child its text starts from), whose
    text after the heading's line belongs to the section."""
    out: list[Unit] = []

    def inline(tok: Token, item: bool, skip: int = 0) -> None:
        first = _line_of(tok)
        for b, start, end in _inline_runs(tok, skip):
            sentences = _sentences(b, start, end, people)
            if sentences:
                line = line_at(first + tok.content.count("\n", 0, start)) if first >= 0 else 0
                out.append(Unit(sentences, item, line))
                item = False

    if lead is not None:
        inline(lead[0], False, lead[1])
    item = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "list_item_open":
            item = True
        elif kind == "inline":
            inline(tok, item)
            item = False
        elif kind == "tr_open":
            close = next((k for k in range(i, len(tokens)) if tokens[k].type == "tr_close"),
                         len(tokens))
            row = _row([t for t in tokens[i:close] if t.type == "inline"], people)
            if row:
                line = _line_of(tok)
                out.append(Unit(row, False, line_at(line) if line >= 0 else 0))
            i = close
        elif kind in ("fence", "code_block", "html_block"):
            out += _block(tok, line_at)
        i += 1
    return tuple(out)


def _row(cells: list[Token], people: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """A table row as one sentence: its cells' text and Markdown, " | " between them."""
    texts: list[str] = []
    raws: list[str] = []
    for cell in cells:
        for b, start, end in _inline_runs(cell):
            text = " ".join(b.text.split())
            if text:
                texts.append(text)
                raws.append(b.raw[start:end].strip())
    if not texts:
        return ()
    plain = _CELL.join(texts)
    if "[member/" in plain:
        plain = resolve_member_refs(plain, people)
    return ((_CELL.join(raws), plain),)


def _block(tok: Token, line_at: Callable[[int], int]) -> list[Unit]:
    """A code or HTML block: each of its paragraphs (lines up to a blank one) a unit of one
    sentence, its tags dropped."""
    out: list[Unit] = []
    first = _line_of(tok)
    html = tok.type == "html_block"
    for n, para in _paragraphs(tok.content):
        plain = " ".join(_ESCAPE.sub(r"\1", _TAG.sub(" ", para) if html else para).split())
        if plain:
            out.append(Unit(((" ".join(para.split()), plain),), False,
                            line_at(first + n) if first >= 0 else 0))
    return out


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(index of its first line, text) of each run of non-blank lines."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    begin = 0
    for n, line in enumerate(text.split("\n")):
        if line.strip():
            if not current:
                begin = n
            current.append(line)
        elif current:
            out.append((begin, "\n".join(current)))
            current = []
    if current:
        out.append((begin, "\n".join(current)))
    return out


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough, as pages are read. Link addresses are kept
    as written (the Markdown of a sentence holds them): markdown-it's normalising and
    checking of each one is skipped."""
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    md.normalizeLink = _as_written  # type: ignore[method-assign]
    md.normalizeLinkText = _as_written  # type: ignore[method-assign,assignment]
    md.validateLink = _any_link  # type: ignore[method-assign]
    return md


def _as_written(url: str) -> str:
    return url


def _any_link(url: str) -> bool:
    return True


_MD = markdown_parser()


def units_of_markdown(markdown: str, lines: tuple[int, ...] = (), line: int = 0,
                      people: tuple[str, ...] = ()) -> tuple[Unit, ...]:
    """The units of a section's Markdown read on its own (a section made without them); its
    line i is file line `lines[i]` (all on `line` when `lines` is empty)."""
    def line_at(i: int) -> int:
        return lines[min(i, len(lines) - 1)] if lines else line

    return units_of(_MD.parse(markdown), line_at, people)
