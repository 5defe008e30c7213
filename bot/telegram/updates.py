"""Where updates come from and in which order they are handled.

- `JournalRequest`, `JournalQueue`: every update is written to the state database's journal
  as Telegram sent it — by the `getUpdates` client, so before the next `getUpdates`
  confirms it, or by the webhook before it answers 200 — and marked done once handled. After
  a crash (kill -9, the OOM killer, a power cut of the process) `replay` queues whatever was
  not done; an update Telegram delivers a second time is recognised and not handled twice.
- `UpdateProcessor`: updates of different chats are handled concurrently (at most `limit`
  at once), updates of one chat (or, for inline queries, one user) in order; the admins'
  updates never wait behind other users' ones. It marks each update done in the journal.
- `start_webhook`: webhook mode's HTTP server (tornado, as in python-telegram-bot): a request
  without the secret token is refused from its headers, before any of its body is read, and
  a body above `max_body` bytes is refused too (413, whether its length was announced or it
  came in chunks); a body that is not an update with a numeric `update_id` gets a 400.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any

import httpx
import tornado.web
from telegram import Bot, Update
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.ext import BaseUpdateProcessor
from telegram.request import BaseRequest, HTTPXRequest, RequestData
from tornado.httpserver import HTTPServer

from bot.telegram.config import STARTUP_BACKOFF
from bot.telegram.startup import until_done
from bot.telegram.state import Journal

log = logging.getLogger(__name__)
_DEFAULT = BaseRequest.DEFAULT_NONE  # "the client's own timeout"
_TOKEN_REFUSED = (HTTPStatus.UNAUTHORIZED, HTTPStatus.NOT_FOUND)  # what PTB calls InvalidToken
_JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_UNBOUNDED = 1 << 30  # python-telegram-bot's own limit is not used (see UpdateProcessor)
_TORNADO_CAP = 1 << 40  # the webhook's handlers enforce `max_body` themselves


class ApiRequest(HTTPXRequest):
    """python-telegram-bot's HTTP client, except that
    - a request without files is sent as one JSON body (as the Bot API accepts), not as a
      form: form-encoding percent-escapes a long answer byte by byte in Python (in the
      burst benchmark's profile about 7 % of the CPU the bot spent);
    - an answer that is not JSON (the HTML error page of a proxy in front of the Bot API,
      during an outage) is an error for the caller to retry or report in one line, not first
      a traceback in the log."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE,
                         write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE,
                         ) -> tuple[int, bytes]:
        if request_data is None or request_data.contains_files:
            return await super().do_request(
                url, method, request_data, read_timeout=read_timeout,
                write_timeout=write_timeout, connect_timeout=connect_timeout,
                pool_timeout=pool_timeout)
        default, client = self._client.timeout, self._client
        timeout = httpx.Timeout(
            connect=default.connect if connect_timeout is _DEFAULT else connect_timeout,
            read=default.read if read_timeout is _DEFAULT else read_timeout,
            write=default.write if write_timeout is _DEFAULT else write_timeout,
            pool=default.pool if pool_timeout is _DEFAULT else pool_timeout)
        # \u-escaped: always encodes, whatever text a page or a user brought
        body = json.dumps(request_data.parameters, separators=(",", ":"))
        try:
            res = await client.request(method, url, content=body.encode(), timeout=timeout,
                                       headers=_JSON_HEADERS)
        except httpx.PoolTimeout as err:
            raise TimedOut("Pool timeout: every connection is in use; the request was not "
                           "sent") from err
        except httpx.TimeoutException as err:
            raise TimedOut from err
        except httpx.HTTPError as err:  # as python-telegram-bot reports it
            raise NetworkError(f"httpx.{err.__class__.__name__}: {err}") from err
        return res.status_code, res.content

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        try:
            data = json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            raise TelegramError("Invalid server response (not JSON)") from None
        if not isinstance(data, dict):
            raise TelegramError("Invalid server response (not a JSON object)")
        return data


class JournalRequest(ApiRequest):
    """The HTTP client for `getUpdates`, journalling each batch as Telegram sent it, in one
    transaction, before the bot even reads it (and so before the next `getUpdates` confirms
    it)."""

    def __init__(self, journal: Journal, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.journal = journal
        # set when Telegram refuses the token (revoked while the bot runs): python-telegram-
        # bot then stops polling for good, and the process should end rather than idle
        self.token_rejected = asyncio.Event()
        self.rejected_status = 0

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE,
                         write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE,
                         ) -> tuple[int, bytes]:
        # (the timeouts are python-telegram-bot's `ODVInput[float]`, passed through as they are)
        code, payload = await super().do_request(
            url, method, request_data, read_timeout=read_timeout, write_timeout=write_timeout,
            connect_timeout=connect_timeout, pool_timeout=pool_timeout)
        if code in _TOKEN_REFUSED and url.endswith("/getUpdates"):
            self.rejected_status = code
            self.token_rejected.set()
        if 200 <= code < 300 and url.endswith("/getUpdates"):
            try:
                result = json.loads(payload).get("result") or []
                self.journal.add_many([(int(u["update_id"]), json.dumps(u, ensure_ascii=False))
                                       for u in result])
            except (ValueError, TypeError, KeyError, AttributeError, sqlite3.Error) as exc:
                # the queue journals what it can from the parsed updates instead
                log.error("could not journal a batch of updates as received: %s", exc)
        return code, payload


class JournalQueue(asyncio.Queue[object]):
    """The application's update queue: journals each update; `arrived(update_id)` is told
    when each one arrives (the flood guard judges floods by arrival, not by turn)."""

    def __init__(self, journal: Journal,
                 arrived: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.arrived = arrived

    async def put(self, item: object, raw: str | None = None) -> None:
        """Queue `item`; an update only if it is journalled (as `raw`, the JSON Telegram
        sent, if given) and was not handled or queued before."""
        if isinstance(item, Update) and self.arrived is not None:
            self.arrived(item.update_id)
        if isinstance(item, Update) and not self.journal.take_fresh(item.update_id):
            try:
                new = self.journal.add(item.update_id, raw or item.to_json())
            except sqlite3.Error as exc:  # e.g. the disk is full: answer it all the same
                log.error("could not journal update %s (%s); a crash now would lose it",
                          item.update_id, exc)
                new = True
            if not new:
                log.info("update %s was delivered again; it is handled only once",
                         item.update_id)
                return
        await super().put(item)

    async def replay(self, bot: Bot) -> int:
        """Queue the journalled updates that were not handled; how many."""
        count = 0
        for row in self.journal.unfinished():
            try:
                update = Update.de_json(json.loads(row.body), bot)
            except Exception as exc:  # not readable: nothing can be done with it
                log.error("journalled update %d cannot be read (%s); skipped", row.update_id,
                          exc)
                self.journal.done(row.update_id)
                continue
            await super().put(update)
            count += 1
        return count


def ordering_key(update: object) -> int | None:
    """The chat whose updates must stay in order (the user for inline queries), or None."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


class UpdateProcessor(BaseUpdateProcessor):
    """Concurrent updates, in order per chat; `first(update)` ones skip the queue;
    `finished(update, handled)` is called once each is over (`handled` False if it was
    cancelled before the end)."""

    def __init__(self, limit: int, *, first: Callable[[object], bool],
                 finished: Callable[[object, bool], None]) -> None:
        # the semaphore of BaseUpdateProcessor would queue everyone alike: ours is below
        super().__init__(_UNBOUNDED)
        self.limit = limit
        self._slots = asyncio.Semaphore(limit)
        self._first = first
        self._finished = finished
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._first(update):
            await self._in_order(update, coroutine)
        else:
            async with self._slots:
                await self._in_order(update, coroutine)

    async def _in_order(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = ordering_key(update)
        if key is None:
            await self._handle(update, coroutine)
            return
        lock, users = self._locks.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:  # the chat's next update waits until this one is recorded
                await self._handle(update, coroutine)
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        handled = False
        try:
            await coroutine
            handled = True
        finally:
            self._finished(update, handled)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: every update's coroutine finishes or is cancelled by PTB."""


# ---- webhook ---------------------------------------------------------------------------


@tornado.web.stream_request_body
class WebhookHandler(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot: Bot, queue: asyncio.Queue[object], secret: str,
                   max_body: int) -> None:
        self.bot, self.queue, self.secret, self.max_body = bot, queue, secret, max_body
        self.body = bytearray()

    def prepare(self) -> None:
        """Runs on the headers alone: the body of a refused request is never read."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        length = self.request.headers.get("Content-Length", "")
        if length and (not length.isdigit() or int(length) > self.max_body):
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return  # refused already; the connection closes
        self.body += chunk
        if len(self.body) > self.max_body:  # chunked, without a length: count as it comes
            self.body.clear()
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)  # answered, then closed

    async def post(self) -> None:
        try:
            raw = bytes(self.body).decode()
            data = json.loads(raw)
            if not isinstance(data, dict) or type(data.get("update_id")) is not int:
                raise ValueError("no numeric update_id")
            update = Update.de_json(data, self.bot)
        except Exception as exc:
            log.warning("webhook: a request that is not an update was refused (%s)", exc)
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        if isinstance(self.queue, JournalQueue):
            await self.queue.put(update, raw)  # journalled before Telegram hears "200"
        else:
            await self.queue.put(update)
        self.set_status(HTTPStatus.OK)

    def log_exception(self, *args: Any) -> None:
        """Refusals are answered with their status; nothing to log."""


@tornado.web.stream_request_body
class ElsewhereHandler(tornado.web.RequestHandler):
    """Every other path: 404 from the headers alone, the body never read (tornado would
    otherwise read it whole, however large)."""

    def prepare(self) -> None:
        raise tornado.web.HTTPError(HTTPStatus.NOT_FOUND)

    def log_exception(self, *args: Any) -> None:
        """Nothing to log."""


async def start_webhook(bot: Bot, queue: asyncio.Queue[object], *, listen: str, port: int,
                        url_path: str, webhook_url: str, secret_token: str,
                        allowed_updates: Sequence[str], max_body: int,
                        backoff: Sequence[float] = STARTUP_BACKOFF,
                        stop: asyncio.Event | None = None) -> HTTPServer:
    """Serve the webhook and register it with Telegram (retried after `backoff` while
    Telegram cannot be reached, until `stop` is set); stop with `stop_webhook`."""
    app = tornado.web.Application(
        [(rf"/{url_path.strip('/')}/?", WebhookHandler,
          {"bot": bot, "queue": queue, "secret": secret_token, "max_body": max_body}),
         (r".*", ElsewhereHandler)],
        log_function=lambda handler: None)
    # The handlers count the body themselves and answer 413 (or 404) before reading more;
    # tornado's own cap would answer a chunked body one chunk too large with a bare 400.
    server = HTTPServer(app, max_body_size=_TORNADO_CAP, body_timeout=30,
                        idle_connection_timeout=75)
    server.listen(port, address=listen)
    try:
        await until_done(lambda: bot.set_webhook(webhook_url, secret_token=secret_token,
                                                 allowed_updates=list(allowed_updates)),
                         "setWebhook", backoff, stop)
    except BaseException:
        await stop_webhook(server)
        raise
    log.info("webhook: listening on %s:%d at /%s", listen, port, url_path.strip("/"))
    return server


async def stop_webhook(server: HTTPServer) -> None:
    server.stop()
    await server.close_all_connections()
