"""Telegram outages, floods and the bot's own output, against the Bot API stand-in: the
start-up calls are retried while Telegram is down, a failing command menu is a warning,
polling errors are one line each, a rejected token is one line, secrets never reach the
log, admin output stays in private chats, a flood gets one note, and the webhook answers
what the README says."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.error import InvalidToken, NetworkError

from bot.telegram import app as telegram_app
from bot.telegram import sync
from bot.telegram.admin import PRIVATE_ONLY
from bot.telegram.app import lifecycle, open_services, run, setup_logging, webhook_options
from bot.telegram.config import Config, FloodLimits, load_config
from bot.telegram.context import App
from bot.telegram.handlers import SLOW_DOWN
from bot.telegram.source_config import Sync
from bot.telegram.startup import Stopped, TokenRejected
from bot.telegram.updates import start_webhook, stop_webhook
from tests.paths import DEADLINE_PAGE, SEEDS
from tests.standin import BotApiStandIn, utf16_len
from tests.standin.harness import (
    ADMIN,
    FAST_SEND,
    PAN,
    ask,
    copy_seeds,
    make_config,
    running_bot,
    sent_to,
    settle,
)
from tests.test_telegram_webhook import free_port, raw_post

CHAT = 8001
QUESTION = "What does the PANCAIM position pay?"
MENU = json.dumps([{"type": "default"}, ""], sort_keys=True)
NGINX_502 = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
             "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>"
             "\r\n</body>\r\n</html>\r\n")


def paid(answer: list[object] | object) -> bool:
    return "standard salary" in str(getattr(answer, "plain_text", answer)).lower()


def logged(caplog: pytest.LogCaptureFixture, text: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if text in r.getMessage()]


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    """Every record one line: no traceback, no error (an outage is not a bug)."""
    assert [r.getMessage() for r in caplog.records if r.exc_info] == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@contextlib.asynccontextmanager
async def bot_in_background(config: Config) -> AsyncIterator[asyncio.Task[None]]:
    """Start the bot in a task (its start-up may wait for Telegram); stop it afterwards."""
    stop = asyncio.Event()

    async def serve() -> None:
        async with running_bot(config, stop=stop):
            await stop.wait()

    task = asyncio.create_task(serve())
    try:
        yield task
    finally:
        stop.set()
        with contextlib.suppress(Stopped):
            await asyncio.wait_for(task, 20)


# ---- start-up while Telegram is down ---------------------------------------------------------

@pytest.mark.parametrize("code", [502, 0], ids=["http-502", "dropped-connections"])
async def test_an_outage_at_start_up_is_waited_out(
        code: int, standin: BotApiStandIn, seeds_db: Path, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    standin.outage(code)
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)

    def failed_get_me() -> int:
        tried = standin.injected if code else standin.dropped
        return sum(r.method == "getMe" for r in tried)

    async with bot_in_background(config) as task:
        await standin.wait_for(lambda: failed_get_me() >= 5, timeout=10, what="5 getMe tries")
        assert not task.done()  # still waiting, not crashed
        standin.outage(None)  # Telegram is back
        assert paid(await ask(standin, CHAT, QUESTION, timeout=10))
    waits = logged(caplog, "start-up: getMe failed")
    assert len(waits) >= 5 and all("trying again in" in r.getMessage() for r in waits)
    no_tracebacks(caplog)
    assert standin.rejected == []


async def test_a_stop_signal_ends_the_wait_for_telegram(standin: BotApiStandIn, seeds_db: Path,
                                                        tmp_path: Path) -> None:
    standin.outage(503)
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)
    async with bot_in_background(config) as task:
        await standin.wait_for(lambda: len(standin.injected) >= 2, what="getMe to fail")
    assert task.done() and isinstance(task.exception(), Stopped)


@pytest.mark.parametrize(("code", "description"), [
    (400, "Bad Request: BOT_COMMAND_INVALID"),
    (200, "Bad Request: the answer says ok: false"),  # HTTP 200, but no result in it
], ids=["refused", "ok-false"])
async def test_a_command_menu_telegram_refuses_is_a_warning(
        code: int, description: str, standin: BotApiStandIn, seeds_db: Path, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    standin.fail_next(1, code=code, description=description, methods=["setMyCommands"])
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)
    async with running_bot(config):
        await standin.wait_for(lambda: logged(caplog, "could not register the command menu"),
                               what="the warning")
        assert paid(await ask(standin, CHAT, QUESTION))
    [warning] = logged(caplog, "could not register the command menu")
    assert warning.levelno == logging.WARNING and "the bot works without it" in \
        warning.getMessage()
    assert MENU not in standin.commands
    no_tracebacks(caplog)


async def test_a_command_menu_failing_for_long_does_not_hold_up_the_answers(
        standin: BotApiStandIn, seeds_db: Path, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    standin.fail_next(12, code=500, methods=["setMyCommands"])  # longer than a send's retries
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)
    async with running_bot(config):
        assert paid(await ask(standin, CHAT, QUESTION))
        assert MENU not in standin.commands  # answered while the menu still fails
        await standin.wait_for(lambda: MENU in standin.commands, timeout=15,
                               what="the menu, once Telegram takes it")
    assert len(logged(caplog, "start-up: the command menu failed")) == 12
    no_tracebacks(caplog)


async def test_a_failing_delete_webhook_is_retried(standin: BotApiStandIn, seeds_db: Path,
                                                   tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    standin.fail_next(8, code=502, methods=["deleteWebhook"])
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)
    async with running_bot(config):
        assert paid(await ask(standin, CHAT, QUESTION))
    assert len(logged(caplog, "start-up: deleteWebhook failed")) == 8
    no_tracebacks(caplog)


async def test_polling_errors_are_one_line_each(standin: BotApiStandIn, seeds_db: Path,
                                                tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.INFO)
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)
    async with running_bot(config):
        assert paid(await ask(standin, CHAT, QUESTION))
        standin.fail_next(1, code=502, methods=["getUpdates"], body=NGINX_502)  # a proxy's page
        standin.fail_next(1, code=409, methods=["getUpdates"],
                          description="Conflict: terminated by other getUpdates request")
        await standin.wait_for(lambda: len(standin.injected) == 2, timeout=10,
                               what="two failed polls")
        assert paid(await ask(standin, CHAT, QUESTION, timeout=15))
    failures = logged(caplog, "getUpdates failed")
    assert len(failures) == 2 and all(r.levelno == logging.WARNING for r in failures)
    assert "Bad Gateway" in failures[0].getMessage() and "Conflict" in failures[1].getMessage()
    no_tracebacks(caplog)


# ---- the token and other secrets ----------------------------------------------------------

TOKEN = "123456:REVOKED-token_value-xyz"


def vacbot_env(api: BotApiStandIn, tmp_path: Path, **more: str) -> dict[str, str]:
    return {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
            "VACBOT_SEEDS_DIR": str(SEEDS), "VACBOT_DB": str(tmp_path / "kb.db"),
            "VACBOT_STATE_DB": str(tmp_path / "state.db"), "VACBOT_ADMIN_IDS": "", **more}


async def test_a_rejected_token_is_one_line_and_exit_code_2(standin: BotApiStandIn,
                                                            tmp_path: Path) -> None:
    """`vacbot run` in its own process, with a token Telegram does not know (401)."""
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "vacbot"), "run", cwd=tmp_path,
        env=vacbot_env(standin, tmp_path), stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    stderr = err.decode()
    assert process.returncode == 2, stderr
    assert TOKEN not in stderr and TOKEN.split(":")[1] not in stderr
    assert "Traceback" not in stderr
    not_logged = [line for line in stderr.splitlines() if " INFO " not in line]
    assert not_logged == ["vacbot run: Telegram rejected the token (401): check "
                          "TELEGRAM_BOT_TOKEN"]


async def test_a_token_revoked_while_running_ends_the_process(standin: BotApiStandIn,
                                                              tmp_path: Path) -> None:
    """The token is revoked (BotFather) while `vacbot run` polls: Telegram answers 401 from
    then on. The process ends with code 2 and says why in one line, not a traceback, rather
    than idling on without polling (a supervisor restarting it would show the same line)."""
    env = {**vacbot_env(standin, tmp_path), "TELEGRAM_BOT_TOKEN": standin.token}
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).parent / "vacbot"), "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        assert paid(await ask(standin, CHAT, QUESTION, timeout=60))
        standin.token = "123:REVOKED"  # every request with the old token: 401 Unauthorized
        _, err = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:
            process.kill()
    stderr = err.decode()
    assert process.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == (
        "vacbot run: Telegram rejected the token (401) while the bot was running (revoked?): "
        "check TELEGRAM_BOT_TOKEN")


def test_a_malformed_token_is_told_apart() -> None:
    assert "(404)" in str(TokenRejected(InvalidToken("Not Found")))
    assert "(401)" in str(TokenRejected(InvalidToken("Unauthorized")))


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    hooks = (sys.excepthook, logging.getLogger("py.warnings").handlers[:])
    yield
    root.handlers[:] = before
    root.setLevel(level)
    sys.excepthook = hooks[0]
    logging.captureWarnings(False)


def test_every_secret_is_scrubbed_from_the_log(root_logging: None, tmp_path: Path) -> None:
    token_file = tmp_path / "git-token"
    token_file.write_text("glpat-fromTheTokenFile42\n", encoding="utf-8")
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "hook-Secret-4711",
           "VACBOT_GIT_TOKEN": "ghp_sixteenCharsXYZ", "VACBOT_GIT_URL":
           "https://bot:pa55word@git.example.org/lab/site.git",
           "VACBOT_PAGES_GIT": "https://git.example.org/lab/site.git",
           "VACBOT_GIT_TOKEN_FILE": str(token_file), "VACBOT_DB": str(tmp_path / "kb.db")}
    config = load_config(env=env, dotenv=None)
    stream = io.StringIO()
    setup_logging(config.secrets, stream)
    try:
        raise RuntimeError(f"failed: {env}, derived secret {config.secret_token}, "
                           f"url-encoded {TOKEN.replace(':', '%3A')}, "
                           "git said: https://oauth2:glpat-fromTheTokenFile42@git.example.org")
    except RuntimeError:
        logging.getLogger("bot.test").exception("while syncing")
    logged_text = stream.getvalue()
    assert "while syncing" in logged_text and "<token>" in logged_text
    for secret in (TOKEN, TOKEN.split(":")[1], "hook-Secret-4711", "ghp_sixteenCharsXYZ",
                   "pa55word", config.secret_token, "glpat-fromTheTokenFile42"):
        assert secret not in logged_text
    assert str(token_file) in logged_text  # the file's name is no secret


def test_an_unexpected_error_at_start_up_is_logged_with_secrets_scrubbed(
        root_logging: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("VACBOT_DB", str(tmp_path / "kb.db"))

    def broken(*args: object) -> App:
        raise RuntimeError(f"https://api.telegram.org/bot{TOKEN}/getMe: something unforeseen")

    monkeypatch.setattr(telegram_app, "build_application", broken)
    err = io.StringIO()
    assert run(seeds=str(SEEDS), err=err) == 1
    text = err.getvalue()
    assert "vacbot run stopped by an unexpected error" in text and "Traceback" in text
    assert "bot<token>/getMe: something unforeseen" in text and TOKEN not in text


def our_handler(stream: io.StringIO) -> logging.Logger:
    """A logger whose only handler is the one `setup_logging` installs (pytest's own would
    re-raise a formatting error)."""
    setup_logging(TOKEN, stream)
    [handler] = [h for h in logging.getLogger().handlers
                 if isinstance(h.formatter, telegram_app.RedactingFormatter)]
    logger = logging.getLogger("bot.isolated")
    logger.propagate = False
    logger.handlers[:] = [handler]
    return logger


def test_a_log_line_that_cannot_be_formatted_is_one_line(root_logging: None) -> None:
    stream = io.StringIO()
    our_handler(stream).info("update %d was delivered again", "abc")
    [line] = stream.getvalue().splitlines()
    assert line.startswith("a log line from bot.isolated could not be written")


def test_telegram_errors_python_telegram_bot_logs_are_one_line(root_logging: None) -> None:
    stream = io.StringIO()
    logger = our_handler(stream)
    try:
        raise NetworkError("Bad Gateway")
    except NetworkError:
        logger.exception("Error while calling `get_updates` one more time")
    [line] = stream.getvalue().splitlines()
    assert line.endswith("Error while calling `get_updates` one more time (NetworkError: "
                         "Bad Gateway)")


# ---- full disk at the first start ---------------------------------------------------------------

FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
from bot.cli import main
sys.exit(main(["run"]))
"""


async def test_a_full_disk_at_the_first_start_is_one_line(standin: BotApiStandIn,
                                                          tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", FULL_DISK, cwd=tmp_path, env=vacbot_env(standin, tmp_path),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    lines = err.decode().splitlines()
    assert process.returncode == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"vacbot run: cannot write the knowledge base {tmp_path}/kb.db")
    assert lines[0].endswith("is the disk full?")


# ---- admins, floods, long and odd messages ----------------------------------------------------

@pytest.mark.parametrize("command", ["/stats", "/reload"])
async def test_admin_commands_in_a_group_are_answered_in_private_only(
        command: str, standin: BotApiStandIn, seeds_db: Path, tmp_path: Path) -> None:
    group = -100_555
    config = make_config(standin, tmp_path / "state.db", db=seeds_db,
                         admin_ids=frozenset({ADMIN}))
    async with running_bot(config):
        await ask(standin, CHAT, "Is there a PhD in pathology?")  # an unanswered question
        before = len(sent_to(standin, group))
        standin.user_message(group, command, user_id=ADMIN, chat_type="group")
        await standin.wait_for_sent(before + 1, chat_id=group)
        reply = sent_to(standin, group)[-1]
        assert reply.plain_text == PRIVATE_ONLY.format(command=command[1:])
        standin.add_chat(ADMIN)
        [private] = await ask(standin, ADMIN, command)
        assert private.plain_text.startswith(("Last 7 days", "No questions", "Reloaded"))
        await settle(standin)
        assert len(sent_to(standin, group)) == before + 1  # nothing else in the group


async def test_a_flood_gets_one_note(standin: BotApiStandIn, seeds_db: Path,
                                     tmp_path: Path) -> None:
    """50 messages at once from one user, answered at the chat's pace (here 20 a second,
    a refill of half a message per answer, as Telegram's 1 a second is to the guard's one
    every 2 s): the flood is judged as it arrived."""
    user = 8500
    config = make_config(standin, tmp_path / "state.db", db=seeds_db,
                         flood=FloodLimits(burst=5, rate=10.0),
                         send=replace(FAST_SEND, chat_burst=1, chat_rate=20.0))
    async with running_bot(config):
        for n in range(50):
            standin.user_message(user, f"/help {n}")
        await standin.wait_for_sent(6, timeout=10, chat_id=user)
        await settle(standin, 1.0)
    replies = [m.plain_text for m in sent_to(standin, user)]
    notes = [r for r in replies if r.startswith(SLOW_DOWN[:40])]
    assert len(notes) == 1
    assert 5 <= len(replies) - len(notes) <= 6  # the burst (and what refilled meanwhile)


async def test_a_question_after_3000_newlines_is_read(standin: BotApiStandIn, seeds_db: Path,
                                                      tmp_path: Path) -> None:
    config = make_config(standin, tmp_path / "state.db", db=seeds_db)
    async with running_bot(config):
        assert paid(await ask(standin, CHAT, "\n" * 3000 + QUESTION))
        assert paid(await ask(standin, CHAT + 1, " \n \t" * 1000 + QUESTION + "\n" * 500))


async def test_an_11000_character_title_makes_one_reply_not_four(standin: BotApiStandIn,
                                                                  tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    title = "PhD position in " + " ".join(f"topic{n}" for n in range(1_400))  # 11,200 chars
    text = (seeds / f"{PAN}.md").read_text(encoding="utf-8")
    (seeds / "long.md").write_text(text.replace("title:", f"title: {title}\nold_title:", 1),
                                   encoding="utf-8")
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db")
    async with running_bot(config):
        for command in ["/vacancies", "/search topic9", "/start long"]:
            before = len(sent_to(standin, CHAT))
            await ask(standin, CHAT, command)
            await settle(standin)
            replies = sent_to(standin, CHAT)[before:]
            assert len(replies) == 1, (command, [len(r.plain_text) for r in replies])
            assert utf16_len(replies[0].plain_text) < 1500
            assert "PhD position in topic0 topic1" in replies[0].plain_text
    assert standin.rejected == []


# ---- the webhook -----------------------------------------------------------------------------

async def test_the_webhook_answers_an_oversize_chunked_body_with_413_and_a_bad_update_with_400(
        standin: BotApiStandIn, seeds_db: Path, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    config = make_config(standin, tmp_path / "state.db", db=seeds_db, webhook_max_body=20_000)
    port = free_port()
    options = webhook_options(config, f"http://127.0.0.1:{port}/hook", port, "127.0.0.1")
    secret = {"X-Telegram-Bot-Api-Secret-Token": config.secret_token,
              "Content-Type": "application/json"}
    chunked = {**secret, "Transfer-Encoding": "chunked"}
    chunk = b"x" * 4000
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(6)) + b"0\r\n\r\n"
    async with lifecycle(telegram_app.build_application(config)) as app:
        server = await start_webhook(app.bot, app.update_queue, **options)
        try:
            assert (await raw_post(port, "hook", chunked, body)).startswith("HTTP/1.1 413")
            assert (await raw_post(port, "elsewhere", chunked, body)).startswith(
                "HTTP/1.1 404")
            update = standin.user_message(CHAT, QUESTION)
            forged = json.dumps({**update, "update_id": "abc"}).encode()
            headers = {**secret, "Content-Length": str(len(forged))}
            assert (await raw_post(port, "hook", headers, forged)).startswith("HTTP/1.1 400")
            real = json.dumps(update).encode()
            headers = {**secret, "Content-Length": str(len(real))}
            assert (await raw_post(port, "hook", headers, real)).startswith("HTTP/1.1 200")
            [answer] = await standin.wait_for_sent(1, chat_id=CHAT)
            assert paid(answer)
        finally:
            await stop_webhook(server)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# ---- what the README says /reload does ----------------------------------------------------------

README = Path(__file__).resolve().parent.parent / "README.md"
BROKEN = ("broken.md", "title: PhD in imaging\ngroups: diag\nclosed: maybe\n\nA PhD position.\n",
          "broken.md:3: 'closed' must be true or false, not 'maybe'; the vacancy's status "
          "would be a guess")
UNCLOSED = ("unclosed.md", "---\ntitle: PhD in imaging\ntags: [phd, imaging\n---\n\n"
            "A PhD position in imaging. Contact ada@uni.de.\n",
            "unclosed.md:3: 'tags' is not valid YAML (expected ',' or ']', but got "
            "'<stream end>'); read as text")


async def test_the_readmes_reload_examples_are_what_reload_replies(
        standin: BotApiStandIn, tmp_path: Path) -> None:
    readme = " ".join(README.read_text(encoding="utf-8").split())
    seeds = copy_seeds(tmp_path)
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db",
                         admin_ids=frozenset({ADMIN}))
    standin.add_chat(ADMIN)
    async with running_bot(config):
        for name, page, line in (BROKEN, UNCLOSED):
            (seeds / name).write_text(page, encoding="utf-8")
            [reply] = await ask(standin, ADMIN, "/reload")
            (seeds / name).unlink()
            assert f"• {line}" in reply.plain_text
            assert f"`{line}`" in readme  # the README quotes the reply as it is
            if name == "unclosed.md":
                assert reply.plain_text.startswith("Reloaded.")  # a warning: served
            else:
                assert reply.plain_text.startswith("Nothing changed")


# ---- a clock that ran ahead and is set back -----------------------------------------------------

async def test_vacancies_closed_while_the_clock_ran_ahead_reopen_when_it_is_set_back(
        standin: BotApiStandIn, tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "zebra-phd.md").write_text(DEADLINE_PAGE, encoding="utf-8")  # 1 June 2024
    utc = ZoneInfo("UTC")
    now = [dt.datetime(2025, 7, 1, 12, tzinfo=utc).timestamp()]  # a year ahead
    config = make_config(standin, tmp_path / "state.db", seeds=seeds, db=tmp_path / "kb.db",
                         sync=Sync(timezone=utc, interval=0))
    async with running_bot(config, open_services(config, lambda: now[0])) as app:
        [answer] = await ask(standin, CHAT, "Is the zebrafish position still open?")
        assert "This vacancy is closed" in answer.plain_text
        now[0] = dt.datetime(2024, 6, 1, 12, tzinfo=utc).timestamp()  # set back: deadline day
        assert (await sync.sync_once(app)).startswith("rebuilt")  # the next look at the pages
        [answer] = await ask(standin, CHAT, "Is the zebrafish position still open?")
        assert "This vacancy is open" in answer.plain_text
        assert (await sync.sync_once(app)) == "no change"  # settled for today: nothing to do
    assert standin.rejected == []
