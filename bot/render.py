"""Render an `Answer` for a transport: plain text for the console, HTML for Telegram.

HTML output escapes every piece of page and user text and uses only the tags Telegram
accepts (<b>, <i>, <a href>); `split_message` cuts long output at paragraph boundaries so
no message exceeds Telegram's 4096-character limit.
"""

from __future__ import annotations

import html
import itertools

from bot.model import Answer, Block, Style

TELEGRAM_LIMIT = 4096


def _plain_block(block: Block) -> str:
    text = block.text
    if block.style is Style.ITEM:
        text = f"• {text}"
    if block.url and block.url not in text:
        text = f"{text} ({block.url})" if text else block.url
    return text


def render_plain(answer: Answer) -> str:
    """Plain text, one paragraph per block; bullets kept together."""
    return _join([(_plain_block(b), b.style is Style.ITEM) for b in answer.blocks])


def _html_block(block: Block) -> str:
    text = html.escape(block.text, quote=False)
    if block.url:
        href = html.escape(block.url, quote=True)
        text = f'<a href="{href}">{text or href}</a>'
    if block.style is Style.TITLE:
        return f"<b>{text}</b>"
    if block.style in (Style.NOTE, Style.SOURCE):
        return f"<i>{text}</i>"
    if block.style is Style.ITEM:
        return f"• {text}"
    return text


def render_html(answer: Answer) -> str:
    """Telegram HTML (parse_mode="HTML"): escaped text, <b>/<i>/<a> only."""
    return _join([(_html_block(b), b.style is Style.ITEM) for b in answer.blocks])


def _join(parts: list[tuple[str, bool]]) -> str:
    """The non-empty (text, is a bullet) parts: bullets one under another, else a blank line."""
    kept = [(text, item) for text, item in parts if text]
    breaks = ["\n" if a[1] and b[1] else "\n\n" for a, b in itertools.pairwise(kept)]
    return "".join(br + text for br, (text, _) in zip(["", *breaks], kept, strict=True))


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split at paragraph, then line, then word boundaries into chunks of <= `limit` chars.

    Works on rendered HTML too as long as no tag spans a paragraph, which `render_html`
    guarantees (every tag opens and closes within one block). A single block longer than
    the limit is cut at line or word boundaries; a tag is never cut in half because blocks
    that long are only ever plain text inside one pair of tags at most, which is re-opened.
    """
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for para in text.split("\n\n"):
        candidate = f"{current}\n\n{para}" if current else para
        if len(candidate) <= limit:
            current = candidate
        elif len(para) <= limit:  # the paragraph starts the next chunk
            chunks.append(current)
            current = para
        else:  # too long alone: cut into chunks of its own
            chunks += [current, *_split_long(para, limit)] if current else _split_long(para, limit)
            current = ""
    return [*chunks, current] if current else chunks


def _split_long(para: str, limit: int) -> list[str]:
    """Cut one over-long paragraph at line or word boundaries, keeping tags balanced."""
    tag = next((t for t in ("b", "i")
                if para.startswith(f"<{t}>") and para.endswith(f"</{t}>")), "")
    opening, closing = (f"<{tag}>", f"</{tag}>") if tag else ("", "")
    rest = para[len(opening) : len(para) - len(closing)]
    room = limit - len(opening) - len(closing)
    pieces: list[str] = []
    while len(rest) > room:
        cut = rest.rfind("\n", 0, room)
        if cut < room // 2:
            cut = rest.rfind(" ", 0, room)
        if cut < room // 2:
            cut = room
            # never cut inside an HTML entity such as &amp;
            amp = rest.rfind("&", max(0, cut - 8), cut)
            if amp != -1 and ";" not in rest[amp:cut]:
                cut = amp
        pieces.append(opening + rest[:cut].rstrip() + closing)
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(opening + rest + closing)
    return pieces
