"""Markdown as sites write it, made plain CommonMark before it is chunked and quoted.

Real vacancy pages mix Markdown with raw HTML (links, ``mailto:``, ``<br>``, lists,
definition lists, tables), HTML entities, template tags (Liquid ``{% %}``/``{{ }}``, Hugo
shortcodes ``{{< >}}``/``{{% %}}``), comments, MyST directives and Documenter blocks, GitHub
alert markers, kramdown attribute lists and emoji bullets. `clean` rewrites all of that into
the Markdown the rest of the package reads, keeping what a reader of the rendered page sees —
link labels and their addresses, list items, bold labels that act as headings — and dropping
what they do not (comments, template code, decoration).

`clean` keeps track of lines: output line i came from body line `Cleaned.lines[i]` (0-based),
so sections and warnings still name the right line of the file. `clean_inline` does the same
for one-line values such as titles and front-matter fields.

Pure; no I/O.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.budget import check

_BR = "\x1e"  # a line break the cleaner adds; turned into a new output line at the end
_GONE = "\x1f"  # where a decorative emoji was

# HTML element names: a tag is only taken as HTML when it names one of these, so "<5 MB",
# "<https://...>" or "<Name>" placeholders are left alone.
_ELEMENTS = frozenset("""a abbr address article aside audio b bdi bdo big blockquote body br
    button caption center cite code col colgroup data dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i
    iframe img input ins kbd label legend li link main mark meta nav noscript object ol
    optgroup option output p param picture pre q s samp script section select small source
    span strike strong style sub summary sup svg table tbody td template textarea tfoot th
    thead time title tr track tt u ul var video wbr""".split())
_DROP_WITH_CONTENT = ("script", "style", "iframe", "object", "video", "audio", "svg",
                      "noscript", "template", "select", "textarea", "button", "head")
_BLOCK = frozenset("""p div center section article aside header footer main nav figure
    figcaption table thead tbody tfoot ul ol dl dd blockquote details summary address form
    fieldset pre body html caption""".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)(/?)>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
# A span's content never runs past the next opening of the same kind ("(?:(?!<open>).)*?"):
# each character is scanned once, so thousands of unclosed openings stay linear.
_LIQUID_COMMENT = re.compile(
    r"\{%-?\s*comment\s*-?%\}(?:(?!\{%-?\s*comment\b).)*?\{%-?\s*endcomment\s*-?%\}", re.S)
_HUGO_COMMENT = re.compile(r"\{\{<?%?\s*/\*(?:(?!\{\{<?%?\s*/\*).)*?\*/\s*%?>?\}\}", re.S)
_LIQUID_TAG = re.compile(r"\{%-?(?:(?!\{%).)*?-?%\}", re.S)
_LIQUID_LITERAL = re.compile(r"""\{\{-?\s*(?:"([^"]*)"|'([^']*)')\s*\|[^}]*\}\}""")
_LIQUID_OUTPUT = re.compile(r"\{\{-?[^{}<%]*?-?\}\}")
_SHORTCODE_REF = re.compile(r"""\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\}""")
_SHORTCODE_PAIR = re.compile(
    r"""\{\{[<%]\s*(staticref|link|a|url)\s+"([^"]+)"[^}]*?[>%]\}\}((?:(?!\{\{[<%]\s*\1\s).)*?)\{\{[<%]\s*/\s*\1\s*[>%]\}\}""",
    re.S)
_SHORTCODE = re.compile(r"\{\{[<%](?:(?!\{\{).)*?[>%]\}\}", re.S)
# a shortcode that is a link: {{< button url="mailto:x@y.org" text="Email Nora to apply" >}}
_SHORTCODE_LINK = re.compile(r"\{\{[<%]\s*[\w-]+\s+([^{}]*?(?:url|href|link)\s*=[^{}]*?)[>%]\}\}")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_IAL = re.compile(r"\{:[^{}\n]*\}")
_DOC_LINK = re.compile(r"\[([^\]\n]*)\]\(@(?:ref|id)\b[^)]*\)")
_MYST_ROLE = re.compile(r"\{[a-z][\w:-]*\}`([^`<]*?)\s*(?:<[^>`]*>)?`")
_MYST_TARGET = re.compile(r"^\s*\([\w.:-]+\)=\s*$", re.M)
_ALERT = re.compile(r"^([ \t]*>[ \t]*)\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*",
                    re.M | re.I)
_QUOTE = re.compile(r"^([ \t]{0,3})>[ \t]?", re.M)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+)>")
_AUTOMAIL = re.compile(r"<(?:mailto:)?([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>")
_SHORTNAME = re.compile(r"(?<![\w:/]):[a-z][a-z0-9_+-]{1,30}:(?![\w/])")
_UNICODE_BULLET = re.compile(r"^([ \t]*)[•·▪◦‣∙➢➤►▶][ \t]+", re.M)
_DEFINITION = re.compile(r"^([^\s:#>|*\-+<][^\n]{0,120})\n:[ \t]+(.+)$", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}|:{3,})[ \t]*(.*)$")
# What kramdown reads and CommonMark does not: a heading without a space after its "#"s
# ("##Terms of employment"), a bullet without one ("-Engage in research")
_TIGHT_HEADING = re.compile(r"^(#{1,6})(?=[^\W\d_])", re.M)
_TIGHT_BULLET = re.compile(r"^([ \t]*)-(?=[^\W\d_])", re.M)
# the German gender star is a letter of the word, not emphasis: "Bewerber*innen", "die*der"
_GENDER_STAR = re.compile(r"(?<=[a-zäöüß])\*(?=(?:in|innen|der|die|r|n)\b)")
# What each rewrite needs somewhere in the text, looked for first: a pattern that starts
# with a lookbehind or a line's start is tried at every character, these are not
_CUES = {
    "alert": re.compile(r"\[!"), "bullet": re.compile("[•·▪◦‣∙➢➤►▶]"),
    "heading": re.compile(r"\n#{1,6}[^\W\d_]"), "tight": re.compile(r"\n[ \t]*-[^\W\d_]"),
    "star": re.compile(r"\*(?:in|innen|der|die|r|n)\b"),
    "shortname": re.compile(r":[a-z][a-z0-9_+-]{1,30}:"),
}


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    lines: tuple[int, ...]  # for each line of `text`, the 0-based body line it came from


# --- emoji ----------------------------------------------------------------------------------

def is_emoji(ch: str) -> bool:
    """A pictograph, dingbat, arrow or the joiners and modifiers that build one; not "°",
    "©", "€" or letters."""
    cp = ord(ch)
    if cp in (0x200D, 0xFE0F, 0xFE0E, 0x20E3) or 0x1F3FB <= cp <= 0x1F3FF:
        return True
    return cp >= 0x2190 and unicodedata.category(ch) in ("So", "Sk")


_EMOJI_CLASS = "[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\u200d\ufe0f\ufe0e\u20e3]"
_EMOJI_RUN = re.compile(rf"(?:{_EMOJI_CLASS}[ \t]*)+")
_EMOJI_CUE = re.compile(_EMOJI_CLASS)  # one character: four times quicker to look for


def _emoji_run(m: re.Match[str]) -> bool:
    return all(is_emoji(c) or c in " \t" for c in m.group(0))


def drop_decorative_emoji(text: str) -> str:
    """Emoji used as bullets or decoration go: at the start of a line or item, after the end
    of a sentence, before punctuation or at the end of a line. One that stands for a word
    inside a sentence ("include this 🦭 in the subject") stays."""
    if text.isascii() or not _EMOJI_CUE.search(text):
        return text

    def repl(m: re.Match[str]) -> str:
        if not _emoji_run(m):
            return m.group(0)
        begin = max(text.rfind("\n", 0, m.start()), text.rfind(_BR, 0, m.start())) + 1
        prefix = text[begin : m.start()]
        after = text[m.end() : m.end() + 1]
        line_start = re.fullmatch(r"[ \t]*(?:[-*+]|\d{1,2}[.)]|#{1,6})?[ \t]*", prefix)
        at_end = not after or after in "\n.,;:!?)]*_" or after == _BR
        after_sentence = re.search(r"[.!?:)\]*][ \t]*$", prefix) is not None
        return _GONE if line_start or at_end or after_sentence else m.group(0)

    text = _EMOJI_RUN.sub(repl, text)
    if _GONE not in text:
        return text
    text = re.sub(rf"(?m)((?:^|{_BR})[ \t]*(?:(?:[-*+]|\d{{1,2}}[.)]|#{{1,6}})[ \t]+)?)"
                  rf"[ \t]*{_GONE}[{_GONE} \t]*", r"\1", text)
    text = re.sub(rf"[ \t]*{_GONE}[{_GONE} \t]*(?=[.,;:!?)\]*_\n{_BR}]|$)", "", text)
    return re.sub(rf"[ \t]*{_GONE}[{_GONE} \t]*", " ", text)


# --- HTML -----------------------------------------------------------------------------------

def _href(attrs: str) -> str:
    m = _HREF.search(attrs)
    if not m:
        return ""
    return html.unescape((m.group(1) or m.group(2) or m.group(3) or "").strip())


def _strip_tags(text: str, marks: bool = True) -> str:
    """Inner HTML of a link or heading as plain inline text (tags dropped, breaks spaces);
    bold and italics as Markdown when `marks`."""
    def repl(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name not in _ELEMENTS:
            return m.group(0)
        if name in ("b", "strong"):
            return "**" if marks else ""
        if name in ("i", "em"):
            return "*" if marks else ""
        return " " if name in ("br", "p", "div", "li", "td", "th") else ""
    out = _TAG.sub(repl, text)
    out = re.sub(r"\*\*\s*\*\*|(?<!\*)\*\s*\*(?!\*)", "", out)
    return re.sub(r"[ \t]*[\n\x1e][ \t]*", " ", out).strip()


def _emphasis(text: str, tags: tuple[str, ...], mark: str) -> str:
    pattern = re.compile(rf"<({'|'.join(tags)})\b[^>]*>((?:(?!<\1\b).)*?)</\1\s*>",
                         re.S | re.I)

    def repl(m: re.Match[str]) -> str:
        inner = m.group(2)
        core = inner.strip()
        if not core or "\n\n" in inner or _BR in inner or re.search(r"<(?:p|div|li|ul|ol|h\d)\b",
                                                                    inner, re.I):
            return inner
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        return f"{lead}{mark}{core}{mark}{trail}"

    return pattern.sub(repl, text)


def _links(text: str) -> str:
    pattern = re.compile(r"<a\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>((?:(?!<a\b).)*?)</a\s*>",
                         re.S | re.I)

    def repl(m: re.Match[str]) -> str:
        url = _href(m.group(1))
        label = _strip_tags(m.group(2)).replace("[", "(").replace("]", ")")
        if not label:
            return ""
        if not url or url.startswith("#") or url.upper() in ("TODO", "TBD"):
            return label
        return f"[{label}]({url.replace(' ', '%20')})"

    return pattern.sub(_keeping(repl), text)


def _keeping(repl: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """`repl`, with the line breaks of the replaced text added after its result, so that
    every later line keeps its number."""
    def wrapped(m: re.Match[str]) -> str:
        out = repl(m)
        return out + "\n" * max(0, m.group(0).count("\n") - out.count("\n"))
    return wrapped


def _headings(text: str) -> str:
    pattern = re.compile(r"<h([1-6])\b[^>]*>((?:(?!<h[1-6]\b).)*?)</h\1\s*>", re.S | re.I)

    def repl(m: re.Match[str]) -> str:
        inner = _strip_tags(m.group(2), marks=False).strip()
        inner = re.sub(r"\s+", " ", inner)
        return f"{_BR}{_BR}{'#' * int(m.group(1))} {inner}{_BR}{_BR}" if inner else ""

    return pattern.sub(_keeping(repl), text)


_BLOCKY = re.compile(r"<(?:h[1-6]|p|div|ul|ol|table|dl|blockquote)\b|\x1e", re.I)


def _tables(text: str) -> str:
    """Rows of an HTML table become lines: "cell: cell" for two cells, else "a | b | c". A
    row used for layout (one cell, or cells holding paragraphs, lists or headings) keeps its
    cells' content as blocks."""
    def row(m: re.Match[str]) -> str:
        raw = re.findall(r"<t[dh]\b[^>]*>(.*?)(?=<t[dh]\b|</t[dh]\s*>|</tr|$)", m.group(1),
                         re.S | re.I)
        raw = [c for c in raw if c.strip()]
        if not raw:
            return ""
        if len(raw) == 1 or any(_BLOCKY.search(c) for c in raw):
            return _BR + _BR + (_BR + _BR).join(raw) + _BR + _BR
        cells = [_strip_tags(c).replace("**", "").strip() for c in raw]
        cells = [c for c in cells if c]
        line = f"{cells[0]}: {cells[1]}" if len(cells) == 2 else " | ".join(cells)
        return f"{_BR}{_BR}{line}{_BR}{_BR}"

    return re.sub(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b)|(?=</table))", _keeping(row), text,
                  flags=re.S | re.I)


def _definition_terms(text: str) -> str:
    pattern = re.compile(r"<dt\b[^>]*>((?:(?!<dt\b).)*?)</dt\s*>", re.S | re.I)

    def repl(m: re.Match[str]) -> str:
        inner = _strip_tags(m.group(1)).replace("**", "").strip()
        return f"{_BR}{_BR}**{inner}**{_BR}{_BR}" if inner else ""

    return pattern.sub(_keeping(repl), text)


def _remaining_tags(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        closing, name = m.group(1), m.group(2).lower()
        if name not in _ELEMENTS:
            return m.group(0)
        if name == "br":
            return f"  {_BR}"
        if name == "li":
            return "" if closing else f"{_BR}- "
        if name in ("hr",):
            return f"{_BR}{_BR}"
        if name in ("code", "tt", "kbd", "samp"):
            return "`"
        if name in ("b", "strong", "i", "em"):
            return ""
        if name in _BLOCK or name in ("tr", "dt"):
            return f"{_BR}{_BR}"
        if name in ("td", "th"):
            return " "
        return ""

    return _TAG.sub(repl, text)


def _drop_elements(text: str) -> str:
    for name in _DROP_WITH_CONTENT:
        text = re.sub(rf"<{name}\b[^>]*?(?:/>|>(?:(?!<{name}\b).)*?</{name}\s*>)",
                      _keep_newlines, text, flags=re.S | re.I)
    return re.sub(r"<img\b[^>]*>", "", text, flags=re.I)


def _keep_newlines(m: re.Match[str]) -> str:
    """A removed span leaves its line breaks, so lines after it keep their numbers."""
    return "\n" * m.group(0).count("\n")


def convert_html(text: str) -> str:
    """Raw HTML in a Markdown text as Markdown: links, emphasis, headings, lists, definition
    lists, tables, line breaks; other tags dropped, their text kept."""
    if "<" not in text:
        return text
    # an HTML line indented with tabs or spaces would otherwise read as a code block
    text = re.sub(r"^[ \t]+(?=</?[A-Za-z])", "", text, flags=re.M)
    text = _drop_elements(text)
    text = _links(text)
    text = _headings(text)
    text = _tables(text)
    text = _definition_terms(text)
    text = _emphasis(text, ("b", "strong"), "**")
    text = _emphasis(text, ("i", "em"), "*")
    return _remaining_tags(text)


# --- templates, directives, the rest --------------------------------------------------------

def _shortcode_link(m: re.Match[str]) -> str:
    """A shortcode with a link ("url", "href", "cta_link") and its words ("text", "label",
    "cta_text") as the Markdown link it renders; without a link, nothing."""
    attrs = {k.lower(): a or b for k, a, b in _ATTRIBUTE.findall(m.group(1))}
    url = next((v for k, v in attrs.items() if k.split("_")[-1] in ("url", "href", "link")), "")
    words = next((v for k, v in attrs.items() if k.split("_")[-1] in ("text", "label")), url)
    return f"[{words}]({url.replace(' ', '%20')})" if url.strip() else ""


def _templates(text: str) -> str:
    text = _LIQUID_COMMENT.sub(_keep_newlines, text)
    text = _HUGO_COMMENT.sub(_keep_newlines, text)
    text = _SHORTCODE_REF.sub(lambda m: m.group(1), text)
    text = _SHORTCODE_PAIR.sub(_keeping(
        lambda m: f"[{_strip_tags(m.group(3))}]({m.group(2).replace(' ', '%20')})"
        if m.group(3).strip() else ""), text)
    text = _SHORTCODE_LINK.sub(_shortcode_link, text)
    text = _SHORTCODE.sub(_keep_newlines, text)
    text = _LIQUID_LITERAL.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2),
                               text)
    text = _LIQUID_OUTPUT.sub("", text)
    return _LIQUID_TAG.sub(_keep_newlines, text)


def _markdown_extras(text: str) -> str:
    if "{:" in text:
        text = _IAL.sub("", text)
    if "](@" in text:
        text = _DOC_LINK.sub(lambda m: m.group(1), text)
    if "}`" in text:
        text = _MYST_ROLE.sub(lambda m: m.group(1), text)
    if ")=" in text:
        text = _MYST_TARGET.sub("", text)
    if ">" in text:
        if _CUES["alert"].search(text):
            text = _ALERT.sub(lambda m: m.group(1), text)
        text = _QUOTE.sub(lambda m: m.group(1), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", text)
        text = _AUTOMAIL.sub(lambda m: f"[{m.group(1)}](mailto:{m.group(1)})", text)
    if not text.isascii() and _CUES["bullet"].search(text):
        text = _UNICODE_BULLET.sub(lambda m: f"{m.group(1)}- ", text)
    lines = f"\n{text}"
    if "#" in text and _CUES["heading"].search(lines):
        text = _TIGHT_HEADING.sub(r"\1 ", text)
    if "-" in text and _CUES["tight"].search(lines):
        text = _TIGHT_BULLET.sub(r"\1- ", text)
    if "*" in text and _CUES["star"].search(text):
        text = _GENDER_STAR.sub(r"\\*", text)
    if ":" in text:
        if _CUES["shortname"].search(text):
            text = _SHORTNAME.sub("", text)
        if "\n:" in text:
            text = _DEFINITION.sub(lambda m: f"- {m.group(1).strip()}: {m.group(2).strip()}\n",
                                   text)
    return text


def _entities(text: str) -> str:
    if "&" not in text:
        return text
    return html.unescape(text).replace("\xa0", " ")


def _clean_prose(text: str) -> str:
    if "<!--" in text:
        text = _COMMENT.sub(_keep_newlines, text)
    if "{" in text:
        text = _templates(text)
    text = convert_html(text)
    text = _markdown_extras(text)
    text = _entities(text)
    return drop_decorative_emoji(text)


def _segments(body: str) -> list[tuple[str, str]]:
    """(kind, text) runs of `body`: "prose", "code" (a fenced block: its fence lines go, its
    lines stay as text), "drop" (Documenter blocks), "directive" (MyST: the fence lines go, the
    content is prose). Fences inside block quotes count too."""
    out: list[tuple[str, str]] = []
    lines = body.split("\n")
    buf: list[str] = []
    kind = "prose"
    fence = ""

    def flush(next_kind: str) -> None:
        nonlocal buf, kind
        if buf:
            out.append((kind, "\n".join(buf)))
        buf, kind = [], next_kind

    for line in lines:
        fenced = "``" in line or "~~" in line or "::" in line
        m = _FENCE.match(_QUOTE.sub("", line, count=1) if ">" in line else line) if (
            fenced or kind != "prose") else None
        if kind == "prose" and m and m.group(1).startswith(":"):
            buf.append("")  # a colon fence (MyST directive, Pandoc div): its content stays
            continue
        if kind == "prose" and m:
            info = m.group(2).strip()
            marker = m.group(1)
            flush("drop" if info.startswith("@") else "directive" if info.startswith("{")
                  else "code")
            fence = marker
            buf.append("")
            continue
        if kind != "prose" and m and m.group(1)[0] == fence[0] and \
                len(m.group(1)) >= len(fence) and not m.group(2).strip():
            buf.append("")
            flush("prose")
            continue
        if kind == "drop":
            buf.append("")
        elif kind == "directive" and re.match(r"^\s*:[\w-]+:", line):
            buf.append("")  # a directive option (":class: tip")
        elif kind == "code":
            # a code block's lines are shown as text; none may start a heading or a quote
            buf.append(re.sub(r"^(\s*(?:>\s*)?)([#>])", r"\1\\\2", _QUOTE.sub("", line, count=1)))
        else:
            buf.append(line)
    flush("prose")
    return out


def clean(body: str) -> Cleaned:
    """`body` as plain CommonMark, with the body line each output line came from."""
    parts: list[str] = []
    for kind, text in _segments(body):
        check()  # the page's time budget (knowledge.budget)
        parts.append(_entities(text) if kind == "code" else _clean_prose(text))
    joined = "\n".join(parts)
    out_lines: list[str] = []
    origin: list[int] = []
    for n, line in enumerate(joined.split("\n")):
        for piece in line.split(_BR):
            out_lines.append(piece.rstrip() if not piece.endswith("  ") else piece)
            origin.append(n)
    # runs of blank lines the conversion left behind: one is enough
    text_lines: list[str] = []
    lines: list[int] = []
    for line, src in zip(out_lines, origin, strict=True):
        if not line.strip() and text_lines and not text_lines[-1].strip():
            continue
        text_lines.append("" if not line.strip() else line)
        lines.append(src)
    return Cleaned("\n".join(text_lines), tuple(lines))


def clean_inline(value: str) -> str:
    """A one-line value (title, field) as plain text: tags, entities, template tags,
    emphasis markers and decorative emoji removed, white space collapsed."""
    if not value:
        return ""
    if value.isascii() and not any(c in value for c in "<&{*_\n\t") and "  " not in value:
        return value.strip()
    text = _COMMENT.sub("", value)
    if "{" in text:
        text = _templates(text)
    if "<" in text:
        text = _links(text)
        text = _strip_tags(text)
    text = _entities(text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = drop_decorative_emoji(text.replace(_BR, " "))
    return re.sub(r"\s+", " ", text).strip()
