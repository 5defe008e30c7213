"""Compact, self-contained callback data for inline buttons (Telegram allows 64 bytes).

    a|<action>|<key>|<arg>     an intent ("salary", ...), "vacancy" or another action about
                               the vacancy whose `short_key` is <key> (empty for none)
    p|<page>|=<list query>     a page of a list; the query rides along when it fits, so the
                               button still shows the same list after other questions or a
                               restart (`p|<page>|` when it does not: the chat's last list)

Keys are hashes of vacancy ids (`knowledge.short_key`), so buttons keep working after a
restart or a reload; a key whose vacancy was removed decodes to an empty vacancy id, which the
router answers with "no longer listed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.model import Button
from knowledge import KnowledgeBase, short_key

MAX_BYTES = 64
_ACTION = re.compile(r"^[a-z_]{1,20}$")


@dataclass(frozen=True, slots=True)
class Press:
    action: str
    vacancy: str  # vacancy id, "" if none or no longer listed
    arg: str = ""
    list_query: str | None = None  # for "page": the query of the list, if it was carried


def _fit(text: str, room: int) -> str:
    """`text` cut to at most `room` UTF-8 bytes without splitting a character."""
    return text.encode()[: max(room, 0)].decode("utf-8", errors="ignore")


def encode(button: Button, list_query: str = "") -> str:
    """The callback data for `button` (which must not be a URL button); at most 64 bytes."""
    if button.action == "page":
        head = f"p|{_fit(button.arg, 8)}|"
        room = MAX_BYTES - len(head.encode()) - 1
        return head + (f"={list_query}" if len(list_query.encode()) <= room else "")
    if not _ACTION.match(button.action):
        raise ValueError(f"unsupported button action {button.action!r}")
    head = f"a|{button.action}|{short_key(button.vacancy) if button.vacancy else ''}|"
    return head + _fit(button.arg, MAX_BYTES - len(head.encode()))


def decode(data: str, kb: KnowledgeBase) -> Press | None:
    """The press `data` stands for, or None if it is not ours (e.g. from an old bot version)."""
    kind, _, rest = data.partition("|")
    if kind == "p":
        page, sep, query = rest.partition("|")
        if not sep or not page.isdigit():
            return None
        return Press("page", "", page, query[1:] if query.startswith("=") else None)
    if kind == "a":
        parts = rest.split("|", 2)
        if len(parts) != 3 or not _ACTION.match(parts[0]):
            return None
        action, key, arg = parts
        vacancy = (kb.id_for_key(key) or "") if key else ""
        return Press(action, vacancy, arg)
    return None
