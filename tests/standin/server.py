"""A Telegram Bot API stand-in served by aiohttp on 127.0.0.1, for offline tests.

Usage::

    async with BotApiStandIn(token="123:ABC") as api:
        app = (
            Application.builder().token(api.token)
            .base_url(api.base_url).base_file_url(api.base_file_url).build()
        )
        ...
        api.user_message(42, "/start")
        sent = await api.wait_for_sent(1)
        assert api.rejected == []

python-telegram-bot builds request URLs as ``base_url + token + "/" + method`` (it appends
the token unless base_url contains a ``{token}`` placeholder), so ``api.base_url`` is
``http://127.0.0.1:<port>/bot``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from .validate import (
    MAX_CALLBACK_ANSWER_LENGTH,
    MAX_INLINE_RESULT_ID_BYTES,
    MAX_INLINE_RESULTS,
    ApiError,
    JSONDict,
    bad_request,
    check_button_url,
    check_commands,
    check_reply_markup,
    check_text,
    detect_entities,
    utf16_len,
)

T = TypeVar("T")

# Parameters that stay strings even when they look like JSON ("123", "true", ...), as the Bot
# API reads them. Every other form-encoded value is JSON-decoded if it can be (PTB JSON-dumps
# non-string values: ints, bools, dicts and lists; see telegram/request/_requestparameter.py).
STRING_PARAMS = frozenset(
    {
        "text", "parse_mode", "url", "secret_token", "callback_query_id", "inline_query_id",
        "action", "language_code", "next_offset", "switch_pm_text", "switch_pm_parameter",
        "ip_address", "inline_message_id", "message_effect_id", "business_connection_id",
        "caption", "description", "short_description", "name", "cache_time_str",
    }
)  # fmt: skip
JSON_PARAMS = frozenset(
    {
        "reply_markup", "entities", "allowed_updates", "commands", "scope", "results",
        "reply_parameters", "link_preview_options", "button", "caption_entities",
    }
)  # fmt: skip
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
DEFAULT_ALLOWED_UPDATES = frozenset(
    {
        "message", "edited_message", "channel_post", "edited_channel_post",
        "business_connection", "business_message", "edited_business_message",
        "deleted_business_messages", "inline_query", "chosen_inline_result",
        "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media",
        "poll", "poll_answer", "my_chat_member", "chat_join_request", "chat_boost",
        "removed_chat_boost",
    }
)  # fmt: skip
_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


class RecordedRequest(NamedTuple):
    method: str
    params: JSONDict
    content_type: str = ""  # how the parameters came: JSON, a form, or the query string


class Rejection(NamedTuple):
    method: str
    params: JSONDict
    description: str
    error_code: int = 400


@dataclass
class SentMessage:
    """A message the stand-in accepted from the bot (sendMessage)."""

    chat_id: int | str
    text: str  # as the bot sent it (with HTML markup, if any)
    parse_mode: str | None
    reply_markup: JSONDict | None
    message_id: int
    plain_text: str = ""  # what the user sees, after entity parsing and trimming
    entities: list[JSONDict] = field(default_factory=list)
    reply_to_message_id: int | None = None
    params: JSONDict = field(default_factory=dict)
    method: str = "sendMessage"
    at: float = 0.0  # time.perf_counter() when the stand-in accepted it

    @property
    def callback_data(self) -> list[str]:
        """All callback_data values of the inline keyboard, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


@dataclass
class _Failure:
    remaining: int
    error: ApiError
    methods: frozenset[str] | None


@dataclass
class _RawError(ApiError):
    """A failure answered with a body that is not the Bot API's JSON (a proxy's HTML page)."""

    body: str = ""


class BotApiStandIn:
    """See the module docstring. All update helpers must be called from the event loop."""

    def __init__(
        self,
        token: str = "123:ABC",
        *,
        bot_username: str = "vacbot_test_bot",
        bot_first_name: str = "VacBot Test",
        bot_id: int | None = None,
        strict_html: bool = True,
        known_chats_only: bool = True,
        max_poll_wait: float = 0.5,
    ) -> None:
        self.token = token
        self.bot_id = bot_id if bot_id is not None else int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.strict_html = strict_html
        self.known_chats_only = known_chats_only
        self.max_poll_wait = max_poll_wait

        self.requests: list[RecordedRequest] = []
        self.sent: list[SentMessage] = []
        self.edits: list[SentMessage] = []
        self.rejected: list[Rejection] = []
        self.injected: list[Rejection] = []
        self.callback_answers: list[JSONDict] = []
        self.inline_answers: list[JSONDict] = []
        self.chat_actions: list[JSONDict] = []
        self.commands: dict[str, list[JSONDict]] = {}
        self.webhook: JSONDict = {"url": "", "secret_token": None}
        self.blocked: set[int] = set()
        self.chats: dict[int, JSONDict] = {}

        self._updates: list[JSONDict] = []
        self._delivered_up_to = 0  # highest update_id returned by getUpdates
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._open_callback_queries: set[str] = set()
        self._open_inline_queries: set[str] = set()
        self._query_ids = itertools.count(1000)
        self._allowed_updates: frozenset[str] = DEFAULT_ALLOWED_UPDATES
        self._failures: list[_Failure] = []
        self._drops: list[_Failure] = []
        # fault injection that lasts until changed (see `outage` and `slow`)
        self.outage_code: int | None = None
        self.delay: float = 0.0
        self.delay_methods: frozenset[str] | None = None
        self.dropped: list[RecordedRequest] = []
        self.queued_at: dict[int, float] = {}  # update_id -> time.perf_counter() when queued
        self._new_update = asyncio.Event()
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._client: aiohttp.ClientSession | None = None
        self._handlers: dict[str, Callable[[JSONDict], Awaitable[Any]]] = {
            name.lower(): handler
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "deleteWebhook": self._delete_webhook,
                "setWebhook": self._set_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "answerCallbackQuery": self._answer_callback_query,
                "answerInlineQuery": self._answer_inline_query,
                "sendChatAction": self._send_chat_action,
                "close": self._close,
                "logOut": self._close,
            }.items()
        }

    # ------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> BotApiStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._handle_file)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        site = web.SockSite(self._runner, sock)
        await site.start()

    async def stop(self) -> None:
        self._closing = True
        self._new_update.set()  # release pending long polls
        if self._client is not None:
            await self._client.close()
            self._client = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """For ``Bot(base_url=...)`` / ``ApplicationBuilder.base_url``: PTB appends the token."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/file/bot"

    @property
    def bot_user(self) -> JSONDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def clear_records(self) -> None:
        """Forget recorded requests/messages/rejections (chats, messages and queue stay)."""
        for records in (
            self.requests, self.sent, self.edits, self.rejected, self.injected,
            self.callback_answers, self.inline_answers, self.chat_actions, self.dropped,
        ):  # fmt: skip
            records.clear()
        self.queued_at.clear()

    # ------------------------------------------------------------------ failure injection

    def fail_next(
        self,
        n: int = 1,
        *,
        code: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        methods: Iterable[str] | None = None,
        body: str | None = None,
    ) -> None:
        """Make the next ``n`` calls (of ``methods``; by default any method except getUpdates)
        fail with ``code``. 429 gets Telegram's ``parameters.retry_after``. With ``body`` the
        answer is that text as HTML, as a proxy in front of the Bot API answers (nginx's
        "502 Bad Gateway" page), not the Bot API's JSON."""
        parameters: JSONDict | None = None
        if code == 429:
            description = description or f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
        elif description is None:
            description = {
                400: "Bad Request: injected failure",
                403: "Forbidden: injected failure",
                500: "Internal Server Error",
                502: "Bad Gateway",
            }.get(code, f"Error {code}: injected failure")
        wanted = None if methods is None else frozenset(m.lower() for m in methods)
        error = (ApiError(code, description, parameters) if body is None
                 else _RawError(code, description, parameters, body))
        self._failures.append(_Failure(n, error, wanted))

    def drop_next(self, n: int = 1, *, methods: Iterable[str] | None = None) -> None:
        """Close the connection of the next ``n`` calls (of ``methods``; by default any
        method except getUpdates) without answering and without handling them, as a proxy
        or a network failure would."""
        wanted = None if methods is None else frozenset(m.lower() for m in methods)
        self._drops.append(_Failure(n, ApiError(0, "dropped"), wanted))

    def outage(self, code: int | None = 502) -> None:
        """From now on every call except getUpdates fails with HTTP ``code`` (0: the
        connection is dropped) until ``outage(None)``."""
        self.outage_code = code

    def slow(self, seconds: float, *, methods: Iterable[str] | None = None) -> None:
        """From now on every call (of ``methods``; by default any except getUpdates) waits
        ``seconds`` before it is handled; ``slow(0)`` ends it."""
        self.delay = seconds
        self.delay_methods = None if methods is None else frozenset(m.lower() for m in methods)

    @staticmethod
    def _take(failures: list[_Failure], method: str) -> ApiError | None:
        for failure in failures:
            applies = (
                method != "getupdates" if failure.methods is None else method in failure.methods
            )
            if applies and failure.remaining > 0:
                failure.remaining -= 1
                if failure.remaining == 0:
                    failures.remove(failure)
                return failure.error
        return None

    def _take_failure(self, method: str) -> ApiError | None:
        return self._take(self._failures, method)

    # ------------------------------------------------------------------ HTTP

    async def _read_params(self, request: web.Request) -> JSONDict:
        params: JSONDict = {}
        raw: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise bad_request("parameters must be a JSON object")
                for key, value in body.items():
                    if key in JSON_PARAMS and isinstance(value, str):
                        value = _loads_or_raise(key, value)
                    params[key] = value
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, str):
                        raw[key] = value
                    # uploaded files are ignored
        for key, value in raw.items():
            if key in STRING_PARAMS:
                params[key] = value
            elif key in JSON_PARAMS:
                params[key] = _loads_or_raise(key, value)
            else:
                try:
                    params[key] = json.loads(value)
                except json.JSONDecodeError:
                    params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method_name = request.match_info["method"]
        method = method_name.lower()
        if request.match_info["token"] != self.token:
            return _reply(ApiError(401, "Unauthorized").payload(), 401)
        try:
            params = await self._read_params(request)
        except ApiError as err:
            self._record(method_name, {})
            self.rejected.append(Rejection(method_name, {}, err.description, err.error_code))
            return _reply(err.payload(), err.error_code)
        self._record(method_name, params,
                     request.content_type if request.body_exists else "")
        if method != "getupdates":
            if self.delay > 0 and (self.delay_methods is None or method in self.delay_methods):
                await asyncio.sleep(self.delay)
            outage = self.outage_code
            if outage == 0 or self._take(self._drops, method) is not None:
                self.dropped.append(RecordedRequest(method_name, params))
                self._notify()
                if request.transport is not None:
                    request.transport.abort()
                return web.Response(status=500)  # never reaches the client
            if outage is not None:
                error = ApiError(outage, "Bad Gateway" if outage == 502
                                 else f"Error {outage}: injected outage")
                self.injected.append(Rejection(method_name, params, error.description, outage))
                self._notify()
                return _reply(error.payload(), outage)
        handler = self._handlers.get(method)
        if handler is None:
            missing = ApiError(404, "Not Found: method not found")
            self.rejected.append(Rejection(method_name, params, missing.description, 404))
            self._notify()
            return _reply(missing.payload(), 404)
        injected = self._take_failure(method)
        if injected is not None:
            self.injected.append(
                Rejection(method_name, params, injected.description, injected.error_code)
            )
            self._notify()
            if isinstance(injected, _RawError):
                return web.Response(text=injected.body, status=injected.error_code,
                                    content_type="text/html")
            return _reply(injected.payload(), injected.error_code)
        try:
            result = await handler(params)
        except ApiError as err:
            self.rejected.append(Rejection(method_name, params, err.description, err.error_code))
            self._notify()
            return _reply(err.payload(), err.error_code)
        self._notify()
        return _reply({"ok": True, "result": result}, 200)

    async def _handle_file(self, request: web.Request) -> web.Response:
        return _reply(ApiError(404, "Not Found").payload(), 404)

    def _record(self, method: str, params: JSONDict, content_type: str = "") -> None:
        self.requests.append(RecordedRequest(method, params, content_type))
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # ------------------------------------------------------------------ waiting helpers

    async def wait_for(
        self, predicate: Callable[[], T], timeout: float = 5.0, what: str = "condition"
    ) -> T:
        """Wait until ``predicate()`` is truthy (re-checked on every request) and return it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}; "
                    f"last requests: {[r.method for r in self.requests[-10:]]}, "
                    f"rejected: {self.rejected[-3:]}"
                )
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, 0.25))

    async def wait_for_sent(
        self, count: int = 1, timeout: float = 5.0, *, chat_id: int | None = None
    ) -> list[SentMessage]:
        """Wait until at least ``count`` messages (to ``chat_id``, if given) were accepted."""

        def matching() -> list[SentMessage]:
            return [m for m in self.sent if chat_id is None or m.chat_id == chat_id]

        await self.wait_for(lambda: len(matching()) >= count, timeout, f"{count} sent message(s)")
        return matching()

    async def wait_for_request(self, method: str, timeout: float = 5.0) -> RecordedRequest:
        """Wait for the first recorded call of ``method`` and return it."""

        def find() -> RecordedRequest | None:
            return next((r for r in self.requests if r.method.lower() == method.lower()), None)

        found = await self.wait_for(find, timeout, f"a {method} request")
        assert found is not None
        return found

    async def wait_until_delivered(self, timeout: float = 5.0) -> None:
        """Wait until every queued update has been handed out by getUpdates."""
        await self.wait_for(
            lambda: all(u["update_id"] <= self._delivered_up_to for u in self._updates),
            timeout,
            "queued updates to be fetched",
        )

    # ------------------------------------------------------------------ chats and messages

    def add_chat(
        self,
        chat_id: int,
        chat_type: str = "private",
        *,
        title: str | None = None,
        username: str | None = None,
        first_name: str | None = None,
    ) -> JSONDict:
        """Make a chat known (sendMessage to unknown chats fails with "chat not found")."""
        chat: JSONDict = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name or f"User{chat_id}"
        else:
            chat["title"] = title or f"Test {chat_type} {chat_id}"
        if username:
            chat["username"] = username
        self.chats.setdefault(chat_id, chat)
        return self.chats[chat_id]

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _resolve_chat(self, chat_id: Any) -> JSONDict:
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, str):
            if chat_id.startswith("@"):
                for chat in self.chats.values():
                    if chat.get("username", "").lower() == chat_id[1:].lower():
                        return chat
                raise bad_request("chat not found")
            try:
                chat_id = int(chat_id)
            except ValueError:
                raise bad_request("chat not found") from None
        if not isinstance(chat_id, int) or isinstance(chat_id, bool):
            raise bad_request("chat not found")
        if chat_id in self.chats:
            return self.chats[chat_id]
        if self.known_chats_only:
            raise bad_request("chat not found")
        return self.add_chat(chat_id, "private" if chat_id > 0 else "supergroup")

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """A stored message (from a user update or sent by the bot)."""
        return self._messages.get((chat_id, message_id))

    def _user(
        self, user_id: int, username: str | None, first_name: str | None, language_code: str
    ) -> JSONDict:
        user: JSONDict = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name or f"User{user_id}",
            "language_code": language_code,
        }
        if username:
            user["username"] = username
        return user

    def _base_message(
        self,
        chat_id: int,
        *,
        user_id: int | None,
        chat_type: str,
        username: str | None,
        first_name: str | None,
        language_code: str,
        chat_title: str | None = None,
    ) -> JSONDict:
        if user_id is None:
            user_id = chat_id if chat_type == "private" else 10_000 + abs(chat_id) % 10_000
        chat = self.add_chat(
            chat_id,
            chat_type,
            title=chat_title,
            username=username if chat_type == "private" else None,
            first_name=first_name,
        )
        message: JSONDict = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
        }
        if chat_type == "channel":
            message["sender_chat"] = chat
        else:
            message["from"] = self._user(user_id, username, first_name, language_code)
        return message

    # ------------------------------------------------------------------ update helpers

    def enqueue(self, kind: str, payload: JSONDict) -> JSONDict:
        """Queue a raw update ``{"update_id": n, kind: payload}`` and return it."""
        update_id = next(self._update_ids)
        update: JSONDict = {"update_id": update_id, kind: payload}
        self.queued_at[update_id] = time.perf_counter()
        self._updates.append(update)
        self._new_update.set()
        self._notify()
        return update

    def user_message(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        username: str | None = None,
        first_name: str | None = None,
        language_code: str = "en",
        reply_to_bot: bool = False,
        reply_to_message_id: int | None = None,
        entities: list[JSONDict] | None = None,
        chat_title: str | None = None,
    ) -> JSONDict:
        """A text message from a user. ``entities=None`` adds the bot_command and mention
        entities Telegram would add; pass ``[]`` to send the text without any."""
        message = self._base_message(
            chat_id,
            user_id=user_id,
            chat_type=chat_type,
            username=username,
            first_name=first_name,
            language_code=language_code,
            chat_title=chat_title,
        )
        message["text"] = text
        found = detect_entities(text) if entities is None else entities
        if found:
            message["entities"] = found
        if reply_to_bot and reply_to_message_id is None:
            bot_messages = [m for m in self.sent if m.chat_id == chat_id]
            if bot_messages:
                reply_to_message_id = bot_messages[-1].message_id
            else:
                reply_to_message_id = self._store_bot_message(chat_id, "…")["message_id"]
        if reply_to_message_id is not None:
            replied = self._messages.get((chat_id, reply_to_message_id))
            if replied is None:
                raise ValueError(f"no message {reply_to_message_id} in chat {chat_id}")
            message["reply_to_message"] = replied
        self._messages[(chat_id, message["message_id"])] = message
        return self.enqueue("message", message)

    def mention(self, chat_id: int, text: str = "hello", **kwargs: Any) -> JSONDict:
        """``@botname <text>`` in a group (with the mention entity)."""
        kwargs.setdefault("chat_type", "group")
        return self.user_message(chat_id, f"@{self.bot_username} {text}", **kwargs)

    def _media_message(self, chat_id: int, kwargs: JSONDict) -> JSONDict:
        caption = kwargs.pop("caption", None)
        message = self._base_message(
            chat_id,
            user_id=kwargs.pop("user_id", None),
            chat_type=kwargs.pop("chat_type", "private"),
            username=kwargs.pop("username", None),
            first_name=kwargs.pop("first_name", None),
            language_code=kwargs.pop("language_code", "en"),
        )
        if kwargs:
            raise TypeError(f"unexpected arguments: {sorted(kwargs)}")
        if caption:
            message["caption"] = caption
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _file_ids(self, kind: str, message_id: int) -> JSONDict:
        return {"file_id": f"{kind}-{message_id}-id", "file_unique_id": f"{kind}{message_id}"}

    def sticker(self, chat_id: int, emoji: str = "👍", **kwargs: Any) -> JSONDict:
        message = self._media_message(chat_id, kwargs)
        message["sticker"] = {
            **self._file_ids("sticker", message["message_id"]),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self.enqueue("message", message)

    def photo(self, chat_id: int, **kwargs: Any) -> JSONDict:
        message = self._media_message(chat_id, kwargs)
        ids = self._file_ids("photo", message["message_id"])
        message["photo"] = [
            {**ids, "file_id": f"{ids['file_id']}-{w}", "width": w, "height": w * 3 // 4,
             "file_size": w * 40}
            for w in (90, 320, 800)
        ]  # fmt: skip
        return self.enqueue("message", message)

    def voice(self, chat_id: int, duration: int = 3, **kwargs: Any) -> JSONDict:
        message = self._media_message(chat_id, kwargs)
        message["voice"] = {
            **self._file_ids("voice", message["message_id"]),
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": 4000 * duration,
        }
        return self.enqueue("message", message)

    def document(
        self, chat_id: int, file_name: str = "cv.pdf", mime_type: str = "application/pdf",
        **kwargs: Any,
    ) -> JSONDict:  # fmt: skip
        message = self._media_message(chat_id, kwargs)
        message["document"] = {
            **self._file_ids("document", message["message_id"]),
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": 12345,
        }
        return self.enqueue("message", message)

    def edited_message(
        self, chat_id: int, message_id: int, text: str, *, entities: list[JSONDict] | None = None
    ) -> JSONDict:
        """The user edited their earlier message ``message_id`` to ``text``."""
        original = self._messages.get((chat_id, message_id))
        if original is None or "from" not in original or original["from"]["is_bot"]:
            raise ValueError(f"no user message {message_id} in chat {chat_id}")
        edited = {k: v for k, v in original.items() if k not in ("text", "entities")}
        edited["text"] = text
        edited["edit_date"] = int(time.time())
        found = detect_entities(text) if entities is None else entities
        if found:
            edited["entities"] = found
        self._messages[(chat_id, message_id)] = edited
        return self.enqueue("edited_message", edited)

    def channel_post(
        self, chat_id: int, text: str, *, title: str = "Test channel", username: str | None = None
    ) -> JSONDict:
        chat = self.add_chat(chat_id, "channel", title=title, username=username)
        message: JSONDict = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "sender_chat": chat,
            "text": text,
        }
        found = detect_entities(text)
        if found:
            message["entities"] = found
        self._messages[(chat_id, message["message_id"])] = message
        return self.enqueue("channel_post", message)

    def callback_query(
        self,
        chat_id: int,
        user_id: int | None = None,
        data: str = "",
        message_id: int | None = None,
        *,
        username: str | None = None,
    ) -> JSONDict:
        """A press on an inline button of the bot's message ``message_id`` (default: the last
        message the bot sent to ``chat_id``)."""
        if message_id is None:
            mine = [m for m in self.sent if m.chat_id == chat_id]
            if not mine:
                raise ValueError(f"the bot has sent nothing to chat {chat_id}")
            message_id = mine[-1].message_id
        message = self._messages.get((chat_id, message_id))
        if message is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        chat = self.chats[chat_id]
        if user_id is None:
            user_id = chat_id if chat["type"] == "private" else 10_000 + abs(chat_id) % 10_000
        query_id = str(next(self._query_ids))
        self._open_callback_queries.add(query_id)
        payload: JSONDict = {
            "id": query_id,
            "from": self._user(user_id, username, None, "en"),
            "chat_instance": f"ci{chat_id}",
            "message": message,
            "data": data,
        }
        return self.enqueue("callback_query", payload)

    def inline_query(
        self,
        user_id: int,
        query: str,
        *,
        offset: str = "",
        chat_type: str = "private",
        username: str | None = None,
    ) -> JSONDict:
        query_id = str(next(self._query_ids))
        self._open_inline_queries.add(query_id)
        payload = {
            "id": query_id,
            "from": self._user(user_id, username, None, "en"),
            "query": query,
            "offset": offset,
            "chat_type": chat_type,
        }
        return self.enqueue("inline_query", payload)

    # ------------------------------------------------------------------ webhook helpers

    async def post_update(
        self, url: str, update: JSONDict, *, secret_token: str | None = None
    ) -> tuple[int, str]:
        """POST ``update`` to ``url`` as Telegram delivers webhooks; returns (status, body)."""
        if self._client is None:
            self._client = aiohttp.ClientSession()
        headers = {"Content-Type": "application/json"}
        if secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        # like Telegram, wait for "100 Continue" before sending the body: a server may refuse
        # a request from its headers alone
        async with self._client.post(url, data=json.dumps(update), headers=headers,
                                     expect100=True) as resp:
            return resp.status, await resp.text()

    async def deliver_webhook(self) -> list[tuple[int, str]]:
        """Send every queued update to the webhook set with setWebhook (and unqueue it)."""
        url = self.webhook.get("url")
        if not url:
            raise RuntimeError("no webhook is set")
        results = []
        while self._updates:
            update = self._updates.pop(0)
            results.append(
                await self.post_update(url, update, secret_token=self.webhook.get("secret_token"))
            )
        return results

    # ------------------------------------------------------------------ methods

    async def _get_me(self, params: JSONDict) -> JSONDict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = _int_param(params, "offset", 0)
        limit = _int_param(params, "limit", 100)
        timeout = _int_param(params, "timeout", 0)
        if not 1 <= limit <= 100:
            limit = 100
        if "allowed_updates" in params and params["allowed_updates"] is not None:
            allowed = params["allowed_updates"]
            if not isinstance(allowed, list):
                raise bad_request("can't parse allowed updates")
            self._allowed_updates = frozenset(allowed) if allowed else DEFAULT_ALLOWED_UPDATES
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]

        def available() -> list[JSONDict]:
            # Telegram never delivers update types outside allowed_updates: drop them.
            self._updates = [u for u in self._updates if _kind(u) in self._allowed_updates]
            return self._updates[:limit]

        batch = available()
        if not batch and timeout > 0 and not self._closing:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + min(timeout, self.max_poll_wait)
            while not batch and not self._closing:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                self._new_update.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_update.wait(), remaining)
                batch = available()
        if batch:
            self._delivered_up_to = max(self._delivered_up_to, batch[-1]["update_id"])
        return batch

    async def _delete_webhook(self, params: JSONDict) -> bool:
        self.webhook = {"url": "", "secret_token": None}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _set_webhook(self, params: JSONDict) -> bool:
        url = params.get("url") or ""
        if url:
            parts = urlsplit(url)
            local = parts.hostname in ("127.0.0.1", "localhost", "::1")
            if parts.scheme != "https" and not local:
                raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
            if not parts.hostname:
                raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
        secret = params.get("secret_token")
        if secret is not None:
            secret = str(secret)
            allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
            if not 1 <= len(secret) <= 256 or not set(secret) <= allowed:
                raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = frozenset(params["allowed_updates"]) or DEFAULT_ALLOWED_UPDATES
        self.webhook = {
            "url": url,
            "secret_token": secret,
            "max_connections": params.get("max_connections", 40),
            "allowed_updates": sorted(self._allowed_updates),
        }
        return True

    async def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        info: JSONDict = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if info["url"]:
            info["max_connections"] = self.webhook.get("max_connections", 40)
            info["allowed_updates"] = self.webhook.get("allowed_updates")
        return info

    @staticmethod
    def _commands_key(params: JSONDict) -> str:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)

    async def _set_my_commands(self, params: JSONDict) -> bool:
        commands = check_commands(params.get("commands", []))
        self.commands[self._commands_key(params)] = commands
        return True

    async def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return self.commands.get(self._commands_key(params), [])

    async def _delete_my_commands(self, params: JSONDict) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    def _check_blocked(self, chat: JSONDict) -> None:
        if chat["id"] in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    def _store_bot_message(
        self,
        chat_id: int,
        text: str,
        entities: list[JSONDict] | None = None,
        reply_markup: JSONDict | None = None,
        reply_to: JSONDict | None = None,
    ) -> JSONDict:
        message: JSONDict = {
            "message_id": self._next_message_id(chat_id),
            "from": self.bot_user,
            "chat": self.chats[chat_id],
            "date": int(time.time()),
            "text": text,
        }
        if entities:
            message["entities"] = entities
        if reply_markup and "inline_keyboard" in reply_markup:
            message["reply_markup"] = reply_markup
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _check_text(self, params: JSONDict) -> tuple[str, list[JSONDict]]:
        return check_text(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            strict=self.strict_html,
        )

    async def _send_message(self, params: JSONDict) -> JSONDict:
        chat = self._resolve_chat(params.get("chat_id"))
        plain, entities = self._check_text(params)
        markup = check_reply_markup(params.get("reply_markup"))
        reply_to_id = params.get("reply_to_message_id")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        reply_parameters = params.get("reply_parameters")
        if isinstance(reply_parameters, dict):
            reply_to_id = reply_parameters.get("message_id")
            allow_missing = bool(reply_parameters.get("allow_sending_without_reply"))
        reply_to = None
        if reply_to_id is not None:
            reply_to = self._messages.get((chat["id"], _as_int(reply_to_id)))
            if reply_to is None and not allow_missing:
                raise bad_request("message to be replied not found")
        self._check_blocked(chat)
        message = self._store_bot_message(chat["id"], plain, entities, markup, reply_to)
        self.sent.append(
            SentMessage(
                chat_id=chat["id"],
                text=str(params.get("text")),
                parse_mode=params.get("parse_mode"),
                reply_markup=markup,
                message_id=message["message_id"],
                plain_text=plain,
                entities=entities,
                reply_to_message_id=reply_to["message_id"] if reply_to else None,
                params=params,
                at=time.perf_counter(),
            )
        )
        return message

    def _message_to_edit(self, params: JSONDict) -> JSONDict | None:
        """The stored bot message addressed by chat_id + message_id (None for inline ones)."""
        if params.get("inline_message_id"):
            return None
        chat = self._resolve_chat(params.get("chat_id"))
        if params.get("message_id") is None:
            raise bad_request("message identifier is not specified")
        message = self._messages.get((chat["id"], _as_int(params["message_id"])))
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            raise bad_request("message can't be edited")
        return message

    def _record_edit(self, method: str, message: JSONDict | None, params: JSONDict) -> None:
        self.edits.append(
            SentMessage(
                chat_id=message["chat"]["id"] if message else params.get("inline_message_id", ""),
                text=str(params.get("text", message.get("text", "") if message else "")),
                parse_mode=params.get("parse_mode"),
                reply_markup=message.get("reply_markup") if message else None,
                message_id=message["message_id"] if message else 0,
                plain_text=message.get("text", "") if message else "",
                entities=message.get("entities", []) if message else [],
                params=params,
                method=method,
            )
        )

    async def _edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        message = self._message_to_edit(params)
        plain, entities = self._check_text(params)
        markup = check_reply_markup(params.get("reply_markup"), inline_only=True)
        if message is None:
            self._record_edit("editMessageText", None, params)
            return True
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        if (
            message["text"] == plain
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise bad_request(_NOT_MODIFIED)
        message["text"] = plain
        message["entities"] = entities
        if not entities:
            message.pop("entities")
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())
        self._record_edit("editMessageText", message, params)
        return message

    async def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        message = self._message_to_edit(params)
        markup = check_reply_markup(params.get("reply_markup"), inline_only=True)
        if message is None:
            self._record_edit("editMessageReplyMarkup", None, params)
            return True
        if message.get("reply_markup") == markup:
            raise bad_request(_NOT_MODIFIED)
        if markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())
        self._record_edit("editMessageReplyMarkup", message, params)
        return message

    async def _answer_callback_query(self, params: JSONDict) -> bool:
        query_id = params.get("callback_query_id")
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER_LENGTH:
            raise bad_request("MESSAGE_TOO_LONG")
        if params.get("url"):
            raise bad_request("URL_INVALID")
        if query_id not in self._open_callback_queries:
            raise bad_request(_QUERY_INVALID)
        self._open_callback_queries.discard(str(query_id))
        self.callback_answers.append(params)
        return True

    async def _answer_inline_query(self, params: JSONDict) -> bool:
        query_id = params.get("inline_query_id")
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            _check_inline_result(result, seen, self.strict_html)
        if query_id not in self._open_inline_queries:
            raise bad_request(_QUERY_INVALID)
        self._open_inline_queries.discard(str(query_id))
        self.inline_answers.append(params)
        return True

    async def _send_chat_action(self, params: JSONDict) -> bool:
        chat = self._resolve_chat(params.get("chat_id"))
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self._check_blocked(chat)
        self.chat_actions.append(params)
        return True

    async def _close(self, params: JSONDict) -> bool:
        return True


def _check_inline_result(result: Any, seen: set[str], strict: bool) -> None:
    if not isinstance(result, dict):
        raise bad_request("can't parse InlineQueryResult JSON object")
    result_id = result.get("id")
    if not isinstance(result_id, str) or not result_id:
        raise bad_request('can\'t parse InlineQueryResult: Field "id" must be of type String')
    if len(result_id.encode("utf-8")) > MAX_INLINE_RESULT_ID_BYTES:
        raise bad_request("RESULT_ID_INVALID")
    if result_id in seen:
        raise bad_request("RESULT_ID_DUPLICATE")
    seen.add(result_id)
    kind = result.get("type")
    if not isinstance(kind, str):
        raise bad_request('can\'t parse InlineQueryResult: Field "type" must be of type String')
    if kind == "article":
        if not isinstance(result.get("title"), str) or not result["title"]:
            raise bad_request("can't parse InlineQueryResult: Can't find field \"title\"")
        if "input_message_content" not in result:
            raise bad_request(
                "can't parse InlineQueryResult: Can't find field \"input_message_content\""
            )
    content = result.get("input_message_content")
    if content is not None:
        if not isinstance(content, dict):
            raise bad_request("can't parse InputMessageContent JSON object")
        if "message_text" in content:
            check_text(
                content.get("message_text"),
                content.get("parse_mode"),
                content.get("entities"),
                strict=strict,
            )
    if result.get("reply_markup") is not None:
        check_reply_markup(result["reply_markup"], inline_only=True)
    if result.get("url"):
        check_button_url(result["url"])


def _kind(update: JSONDict) -> str:
    return next(k for k in update if k != "update_id")


def _int_param(params: JSONDict, name: str, default: int) -> int:
    value = params.get(name, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"wrong parameter {name} in request") from None


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request("message identifier is not specified") from None


def _loads_or_raise(key: str, value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        raise bad_request(f"can't parse {key} JSON object") from None


def _reply(payload: JSONDict, status: int) -> web.Response:
    return web.json_response(payload, status=status)


__all__ = [
    "BotApiStandIn",
    "RecordedRequest",
    "Rejection",
    "SentMessage",
    "utf16_len",
]
