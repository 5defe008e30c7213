"""Strict checks the Bot API stand-in applies to what the bot sends.

The HTML parser follows tdlib's ``parse_html`` (td/telegram/MessageEntity.cpp), which is what
the real Bot API server runs, including its error wording and *byte* offsets into the UTF-8
text. On top of that, ``strict=True`` (the stand-in's default) also rejects three things the
real server lets through silently but that are always bugs in a bot's output, because the user
then sees raw markup:

* an ``&`` that does not start ``&lt;`` ``&gt;`` ``&amp;`` ``&quot;`` or a numeric reference
  ending in ``;`` (Telegram keeps such an ``&`` literally, e.g. ``Tom & Jerry``);
* attributes a tag does not support (Telegram ignores them, e.g. ``<b style="x">``);
* named references other than the four above (``&nbsp;`` is shown verbatim by Telegram).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

JSONDict = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_INLINE_RESULTS = 50
MAX_INLINE_RESULT_ID_BYTES = 64


@dataclass
class ApiError(Exception):
    """An error response of the Bot API: ``{"ok": false, "error_code": ..., ...}``."""

    error_code: int
    description: str
    parameters: JSONDict | None = field(default=None)

    def __post_init__(self) -> None:
        super().__init__(self.description)

    def payload(self) -> JSONDict:
        body: JSONDict = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(message: str) -> ApiError:
    return ApiError(400, f"Bad Request: {message}")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# --------------------------------------------------------------------------- HTML parse mode

ALLOWED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler",
        "tg-emoji", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "span": frozenset({"class"}),
    "tg-emoji": frozenset({"emoji-id"}),
    "blockquote": frozenset({"expandable"}),
}
_SIMPLE_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_NAMED_REFERENCES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_SURROGATE_ERROR = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)


def _is_space(c: int) -> bool:
    # tdlib's is_space() also counts NUL, which is what ends the scans at the end of the text.
    return c in (0x20, 0x09, 0x0D, 0x0A, 0x00, 0x0B)


def _is_alnum(c: int) -> bool:
    return 0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A


def _decode_reference(data: bytes, pos: int, strict: bool) -> tuple[str, int] | None:
    """Decode the character reference at ``data[pos] == '&'`` like tdlib's
    decode_html_entity: returns (character, position after it) or None if it is not one."""

    def at(i: int) -> int:
        return data[i] if i < len(data) else 0

    end = pos + 1
    value = 0
    if at(pos + 1) == ord("#"):
        end += 1
        if at(pos + 2) == ord("x"):
            end += 1
            while at(end) and chr(at(end)) in "0123456789abcdefABCDEF":
                value = value * 16 + int(chr(at(end)), 16)
                end += 1
                if value >= 0x10FFFF:
                    return None
        else:
            while 0x30 <= at(end) <= 0x39:
                value = value * 10 + at(end) - 0x30
                end += 1
                if value >= 0x10FFFF:
                    return None
        if value == 0 or end - pos >= 10:
            return None
        char = chr(value)
    else:
        while 0x41 <= at(end) <= 0x5A or 0x61 <= at(end) <= 0x7A:
            end += 1
        name = data[pos + 1 : end]
        if name not in _NAMED_REFERENCES:
            return None
        char = _NAMED_REFERENCES[name]
    if at(end) == ord(";"):
        return char, end + 1
    if strict:
        return None
    return char, end


@dataclass
class _Open:
    tag: str
    argument: str
    utf16_offset: int
    out_pos: int


def _normalize_link(url: str) -> str | None:
    """Roughly what tdlib does with an <a href>: add http:// to bare hosts, drop junk."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url if "://" in url else f"http://{url}")
    scheme = parts.scheme.lower()
    if scheme in ("http", "https", "ftp", "ton"):
        if not parts.netloc or " " in parts.netloc:
            return None
        if not parts.path and not parts.query and not parts.fragment:
            url = (url if "://" in url else f"http://{url}") + "/"
        return url if "://" in url else f"http://{url}"
    if scheme in ("tg", "mailto"):
        return url
    return None


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[JSONDict]]:
    """Parse Telegram-flavoured HTML into (visible text, entities) or raise ApiError(400)."""
    data = text.encode("utf-8", "surrogatepass")
    size = len(data)

    def at(i: int) -> int:
        return data[i] if i < size else 0

    def fail(message: str) -> ApiError:
        return bad_request(f"can't parse entities: {message}")

    out = bytearray()
    utf16 = 0
    stack: list[_Open] = []
    entities: list[JSONDict] = []

    def append_char(ch: str) -> None:
        nonlocal utf16
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise fail(_SURROGATE_ERROR)
        out.extend(ch.encode("utf-8"))
        utf16 += 1 + (ord(ch) > 0xFFFF)

    i = 0
    while i < size:
        c = data[i]
        if c == ord("&"):
            decoded = _decode_reference(data, i, strict)
            if decoded is not None:
                append_char(decoded[0])
                i = decoded[1]
                continue
            if strict:
                raise fail(
                    f'Unescaped "&" at byte offset {i}, it must be written as "&amp;" '
                    "(stand-in strict mode)"
                )
        if c != ord("<"):
            out.append(c)
            if c & 0xC0 != 0x80:
                utf16 += 1 + (c >= 0xF0)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != ord("/"):
            # a start tag
            while not _is_space(at(i)) and at(i) != ord(">"):
                i += 1
            if at(i) == 0:
                raise fail(f"Unclosed start tag at byte offset {begin}")
            tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in ALLOWED_TAGS:
                raise fail(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument = ""
            while at(i) != ord(">"):
                while at(i) != 0 and _is_space(at(i)):
                    i += 1
                if at(i) == ord(">"):
                    break
                if at(i) == 0:
                    raise fail(f'Unclosed start tag "{tag}" at byte offset {begin}')
                attr_begin = i
                while not _is_space(at(i)) and at(i) not in (ord("="), ord(">")):
                    i += 1
                attr = data[attr_begin:i].decode("utf-8", "replace").lower()
                if not attr:
                    raise fail(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
                if strict and attr not in ALLOWED_ATTRIBUTES.get(tag, frozenset()):
                    raise fail(
                        f'Unsupported attribute "{attr}" in the tag "{tag}" at byte offset '
                        f"{begin} (stand-in strict mode)"
                    )
                while at(i) != 0 and _is_space(at(i)):
                    i += 1
                if at(i) != ord("="):
                    if tag == "blockquote" and attr == "expandable":
                        argument = "1"
                        continue
                    raise fail(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {begin}'
                    )
                i += 1
                while at(i) != 0 and _is_space(at(i)):
                    i += 1
                if at(i) == 0:
                    raise fail(f'Unclosed start tag "{tag}" at byte offset {begin}')
                value_bytes = bytearray()
                if at(i) not in (ord("'"), ord('"')):
                    token_begin = i
                    while _is_alnum(at(i)) or at(i) in (ord("."), ord("-")):
                        i += 1
                    value_bytes.extend(data[token_begin:i].lower())
                    if not _is_space(at(i)) and at(i) != ord(">"):
                        raise fail(f"Unexpected end of name token at byte offset {token_begin}")
                else:
                    quote = at(i)
                    i += 1
                    while at(i) != quote and at(i) != 0:
                        if at(i) == ord("&"):
                            decoded = _decode_reference(data, i, strict)
                            if decoded is not None:
                                value_bytes.extend(decoded[0].encode("utf-8", "surrogatepass"))
                                i = decoded[1]
                                continue
                            if strict:
                                raise fail(
                                    f'Unescaped "&" at byte offset {i}, it must be written as '
                                    '"&amp;" (stand-in strict mode)'
                                )
                        value_bytes.append(at(i))
                        i += 1
                    if at(i) == quote:
                        i += 1
                if at(i) == 0:
                    raise fail(f"Unclosed start tag at byte offset {begin}")
                value = value_bytes.decode("utf-8", "replace")
                if tag == "a" and attr == "href":
                    argument = value
                elif tag == "code" and attr == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attr == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attr == "emoji-id":
                    argument = value
                elif tag == "blockquote" and attr == "expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
            if tag == "tg-emoji" and not (argument.isascii() and argument.isdigit()):
                raise fail("Invalid custom emoji identifier specified")
            stack.append(_Open(tag, argument, utf16, len(out)))
            i += 1  # skip '>'
        else:
            # an end tag
            if not stack:
                raise fail(f"Unexpected end tag at byte offset {begin}")
            while not _is_space(at(i)) and at(i) != ord(">"):
                i += 1
            end_tag = data[begin + 2 : i].decode("utf-8", "replace")
            while _is_space(at(i)) and at(i) != 0:
                i += 1
            if at(i) != ord(">"):
                raise fail(f"Unclosed end tag at byte offset {begin}")
            i += 1
            opened = stack.pop()
            if end_tag and end_tag.lower() != opened.tag:
                raise fail(
                    f'Unmatched end tag at byte offset {begin}, expected "</{opened.tag}>", '
                    f'found "</{end_tag}>"'
                )
            length = utf16 - opened.utf16_offset
            if length > 0:
                entity = _make_entity(opened, length, out)
                if entity is not None:
                    _add_entity(entities, entity)
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    visible = out.decode("utf-8", "surrogatepass")
    return visible, _finish_entities(entities)


def _make_entity(opened: _Open, length: int, out: bytearray) -> JSONDict | None:
    entity: JSONDict = {"offset": opened.utf16_offset, "length": length}
    tag = opened.tag
    if tag in _SIMPLE_TYPES:
        entity["type"] = _SIMPLE_TYPES[tag]
    elif tag == "a":
        target = opened.argument or out[opened.out_pos :].decode("utf-8", "replace")
        url = _normalize_link(target)
        if url is None:
            return None
        entity["type"] = "text_link"
        entity["url"] = url
    elif tag == "tg-emoji":
        entity["type"] = "custom_emoji"
        entity["custom_emoji_id"] = opened.argument
    elif tag == "blockquote":
        entity["type"] = "expandable_blockquote" if opened.argument else "blockquote"
    elif tag == "pre":
        entity["type"] = "pre"
    elif tag == "code":
        entity["type"] = "code"
        if opened.argument:
            entity["language"] = opened.argument
    else:  # pragma: no cover - ALLOWED_TAGS and this function list the same tags
        return None
    return entity


def _add_entity(entities: list[JSONDict], entity: JSONDict) -> None:
    """Merge <pre><code class="language-x"> into one pre entity with a language."""
    if entity["type"] == "pre":
        for inner in list(entities):
            if (
                inner["type"] == "code"
                and "language" in inner
                and inner["offset"] == entity["offset"]
                and inner["length"] == entity["length"]
            ):
                entities.remove(inner)
                entity["language"] = inner["language"]
    entities.append(entity)


def _finish_entities(entities: list[JSONDict]) -> list[JSONDict]:
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)  # a language only counts inside <pre>
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return entities


# --------------------------------------------------------------------------- message text

_TRIM = " \t\r\n\v\f\u00a0\u2028\u2029"


def _trim(text: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Telegram strips leading and trailing white space from message text."""
    stripped_left = text.lstrip(_TRIM)
    shift = utf16_len(text) - utf16_len(stripped_left)
    visible = stripped_left.rstrip(_TRIM)
    total = utf16_len(visible)
    fixed: list[JSONDict] = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, total)
        if end > start:
            fixed.append({**entity, "offset": start, "length": end - start})
    return visible, fixed


def check_text(
    text: Any,
    parse_mode: Any = None,
    entities: Any = None,
    *,
    strict: bool = True,
    max_length: int = MAX_TEXT_LENGTH,
    empty_message: str = "message text is empty",
    too_long_message: str = "message is too long",
) -> tuple[str, list[JSONDict]]:
    """Validate message text like sendMessage does; return (visible text, entities)."""
    if text is None or text == "":
        raise bad_request(empty_message)
    if not isinstance(text, str):
        text = json.dumps(text) if not isinstance(text, int | float) else str(text)
    mode = (parse_mode or "").strip() if isinstance(parse_mode, str) else ""
    parsed_entities: list[JSONDict]
    if entities:
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise bad_request("can't parse entities JSON object")
        visible, parsed_entities = text, [dict(e) for e in entities]
        for entity in parsed_entities:
            if "type" not in entity or "offset" not in entity or "length" not in entity:
                raise bad_request("can't parse MessageEntity: Can't find field \"type\"")
    elif mode.lower() == "html":
        visible, parsed_entities = parse_html(text, strict=strict)
    elif mode.lower() in ("markdown", "markdownv2", ""):
        # Markdown modes are not parsed by the stand-in; their length is counted as sent.
        visible, parsed_entities = text, []
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r}")
    visible, parsed_entities = _trim(visible, parsed_entities)
    if not visible:
        raise bad_request(empty_message)
    if utf16_len(visible) > max_length:
        raise bad_request(too_long_message)
    return visible, parsed_entities


# --------------------------------------------------------------------------- reply markup

INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def _button_error(message: str) -> ApiError:
    return bad_request(f"can't parse inline keyboard button: {message}")


def check_button_url(url: Any) -> None:
    if not isinstance(url, str) or not url:
        raise bad_request("BUTTON_URL_INVALID")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https", "tg"):
        raise bad_request(
            f"inline keyboard button URL '{url}' is invalid: Unsupported URL protocol"
        )
    if scheme in ("http", "https") and (not parts.hostname or " " in url):
        raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise _button_error("InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise _button_error('Can\'t find field "text"')
    if not isinstance(button["text"], str):
        raise _button_error('Field "text" must be of type String')
    actions = [name for name in INLINE_BUTTON_ACTIONS if button.get(name) is not None]
    if not actions:
        raise _button_error("Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise _button_error(
            f"exactly one of the optional fields must be used, got {', '.join(actions)} "
            "(stand-in strict mode)"
        )
    action = actions[0]
    if action == "callback_data":
        data = button["callback_data"]
        if not isinstance(data, str):
            raise _button_error('Field "callback_data" must be of type String')
        if not 1 <= len(data.encode("utf-8", "surrogatepass")) <= MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    elif action == "url":
        check_button_url(button["url"])
    elif action in ("switch_inline_query", "switch_inline_query_current_chat") and not isinstance(
        button[action], str
    ):
        raise _button_error(f'Field "{action}" must be of type String')


def check_reply_markup(markup: Any, *, inline_only: bool = False) -> JSONDict | None:
    """Validate reply_markup; return it as a dict (None if absent)."""
    if markup is None or markup == "":
        return None
    if isinstance(markup, str):
        try:
            markup = json.loads(markup)
        except json.JSONDecodeError:
            raise bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'
            )
        count = 0
        for row in rows:
            for button in row:
                check_inline_button(button)
                count += 1
        if count > MAX_INLINE_BUTTONS:
            raise bad_request("BUTTONS_TOO_MUCH")
        return markup
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays'
            )
        for row in rows:
            for button in row:
                if isinstance(button, str):
                    continue
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise bad_request(
                        'can\'t parse keyboard button: Field "text" must be of type String'
                    )
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise bad_request('can\'t find field "inline_keyboard"')


# --------------------------------------------------------------------------- commands

_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


def check_commands(commands: Any) -> list[JSONDict]:
    if isinstance(commands, str):
        try:
            commands = json.loads(commands)
        except json.JSONDecodeError:
            raise bad_request("can't parse commands JSON object") from None
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    result: list[JSONDict] = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand JSON object")
        name = command.get("command")
        description = command.get("description")
        if not isinstance(name, str) or not _COMMAND_RE.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        result.append({"command": name, "description": description})
    return result


# --------------------------------------------------------------------------- entity detection


def _is_word_char(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def _utf16_offset(text: str, index: int) -> int:
    return utf16_len(text[:index])


def detect_entities(text: str) -> list[JSONDict]:
    """The entities Telegram adds to an incoming message: bot_command and mention.

    Bot commands follow tdlib's match_bot_commands, i.e.
    ``(?<!\\b|[/<>])/([a-zA-Z0-9_]{1,64})(?:@([a-zA-Z0-9_]{3,32}))?(?!\\B|[/<>])``;
    mentions follow match_mentions, ``(?<=\\B)@([a-zA-Z0-9_]{2,32})(?=\\b)``.
    """
    found: list[JSONDict] = []
    ascii_word = re.compile(r"[A-Za-z0-9_]*")
    for match in re.finditer("/", text):
        start = match.start()
        if start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] in "/<>"):
            continue
        name = ascii_word.match(text, start + 1)
        assert name is not None
        end = name.end()
        if not 1 <= end - start - 1 <= 64:
            continue
        if end < len(text) and text[end] == "@":
            bot = ascii_word.match(text, end + 1)
            assert bot is not None
            if not 3 <= bot.end() - end - 1 <= 32:
                continue
            end = bot.end()
        if end < len(text) and (_is_word_char(text[end]) or text[end] in "/<>"):
            continue
        found.append(
            {
                "type": "bot_command",
                "offset": _utf16_offset(text, start),
                "length": utf16_len(text[start:end]),
            }
        )
    for match in re.finditer("@", text):
        start = match.start()
        if start > 0 and _is_word_char(text[start - 1]):
            continue
        name = ascii_word.match(text, start + 1)
        assert name is not None
        end = name.end()
        if not 2 <= end - start - 1 <= 32:
            continue
        if end < len(text) and _is_word_char(text[end]):
            continue
        # "@bot" directly after a command belongs to the command, not a mention
        if any(e["offset"] < _utf16_offset(text, start) < e["offset"] + e["length"] for e in found):
            continue
        found.append(
            {
                "type": "mention",
                "offset": _utf16_offset(text, start),
                "length": utf16_len(text[start:end]),
            }
        )
    found.sort(key=lambda e: e["offset"])
    return found
