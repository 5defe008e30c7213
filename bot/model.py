"""The structured answer every transport renders, and the per-chat context the router keeps.

Plain, immutable data: the router returns an `Answer`; the console renders it as plain text,
Telegram as HTML. Nothing here knows about either.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any


class Intent(StrEnum):
    LIST = "list"
    OVERVIEW = "overview"
    REQUIREMENTS = "requirements"
    SALARY = "salary"
    CONTACT = "contact"
    APPLY = "apply"
    DATES = "dates"
    DURATION = "duration"
    LOCATION = "location"
    STATUS = "status"
    HELP = "help"
    GREETING = "greeting"
    CLARIFY = "clarify"
    FALLBACK = "fallback"


class Style(StrEnum):
    TITLE = "title"  # the vacancy's name, bold in HTML
    TEXT = "text"  # a paragraph
    ITEM = "item"  # a bullet
    NOTE = "note"  # a remark, e.g. "closed", "not stated", italic in HTML
    SOURCE = "source"  # where it came from


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of an answer. `url` makes the text a link."""

    text: str
    style: Style = Style.TEXT
    url: str = ""


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered to the user.

    `action` is what pressing it asks for: an intent name ("salary", "contact", ...) or
    "vacancy" (open the card), "page" (next page of a list, `arg` is the page number),
    "subscribe"; `vacancy` is the vacancy id it is about ("" for none). A button with a
    `url` opens that link instead.
    """

    label: str
    action: str = ""
    vacancy: str = ""
    arg: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class VacancyRef:
    id: str
    title: str
    status: str  # "open" | "closed"


@dataclass(frozen=True, slots=True)
class Answer:
    intent: Intent
    vacancies: tuple[VacancyRef, ...] = ()
    blocks: tuple[Block, ...] = ()
    buttons: tuple[Button, ...] = ()

    def to_json(self, chat_id: int | str) -> dict[str, Any]:
        """The JSON-lines protocol object (see the README's protocol section)."""
        from bot.render import render_plain

        return {
            "chat_id": chat_id,
            "intent": self.intent.value,
            "vacancies": [
                {"id": v.id, "title": v.title, "status": v.status} for v in self.vacancies
            ],
            "text": render_plain(self),
            "buttons": [{k: v for k, v in asdict(b).items() if v} for b in self.buttons],
        }


@dataclass(frozen=True, slots=True)
class ChatContext:
    """What the router remembers about one chat between messages (typed; stored as JSON)."""

    subject: str = ""  # id of the vacancy the conversation is about, until another is named
    position: int = -1  # which of its positions, when the page offers several
    last_list: tuple[str, ...] = ()  # ids last offered as a numbered list or as choices
    pending: tuple[str, ...] = ()  # intents asked before a "which one?", answered on a pick
    asked: str = ""  # that question's text: its topic, what the user said of themselves
    last_intents: tuple[str, ...] = ()  # the intents of the last answer about a vacancy
    list_query: str = ""  # the query of the last list, for "next page"
    list_page: int = 0
    lang: str = "en"  # the language the user last wrote in
    recent: tuple[str, ...] = ()  # vacancies talked about, the latest first ("back to ...")

    def with_(self, **changes: Any) -> ChatContext:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Every field by name, tuples as lists (stored as JSON)."""
        values = ((f.name, getattr(self, f.name)) for f in fields(self))
        return {k: list(v) if isinstance(v, tuple) else v for k, v in values}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChatContext:
        """Read a stored context; fields of older versions ("vacancy", "extra") are read too,
        and anything malformed falls back to the default rather than failing."""
        def strings(value: Any) -> tuple[str, ...]:
            return tuple(str(x) for x in value) if isinstance(value, (list, tuple)) else ()

        raw_extra = data.get("extra")
        extra: dict[str, Any] = raw_extra if isinstance(raw_extra, dict) else {}
        page = data.get("list_page", 0)
        return cls(
            subject=str(data.get("subject") or data.get("vacancy") or ""),
            position=data["position"] if isinstance(data.get("position"), int) else -1,
            last_list=strings(data.get("last_list", ())),
            pending=strings(data.get("pending", ())) or strings(
                [extra["pending"]] if extra.get("pending") else []),
            last_intents=strings(data.get("last_intents", ())) or strings(
                [data["last_intent"]] if data.get("last_intent") else []),
            asked=str(data.get("asked", "")),
            list_query=str(data.get("list_query", "")),
            list_page=page if isinstance(page, int) and page >= 0 else 0,
            lang=str(data.get("lang") or extra.get("lang") or "en"),
            recent=strings(data.get("recent", ())),
        )
