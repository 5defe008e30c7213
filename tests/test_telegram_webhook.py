"""`vacbot run`: webhook mode and polling against the stand-in, start-up errors, logging."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import ANY

import pytest

from bot.cli import main as cli_main
from bot.telegram.app import (
    RedactingFormatter,
    build_application,
    lifecycle,
    run,
    setup_logging,
    webhook_options,
)
from bot.telegram.config import ConfigError, load_config
from bot.telegram.updates import start_webhook, stop_webhook
from tests.paths import SEEDS
from tests.standin import BotApiStandIn
from tests.standin.harness import make_config, sent_to

TOKEN = "424242:WEBHOOK-secret_Token-value"
CHAT = 6001


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_mode(seeds_db: Path, tmp_path: Path) -> None:
    async with BotApiStandIn(token=TOKEN) as api:
        config = make_config(api, tmp_path / "state.db", db=seeds_db)
        port = free_port()
        url = f"http://127.0.0.1:{port}/telegram/vacbot"
        options = webhook_options(config, url, port, listen="127.0.0.1")
        assert options["url_path"] == "telegram/vacbot"
        async with lifecycle(build_application(config)) as app:
            server = await start_webhook(app.bot, app.update_queue, **options)
            assert api.webhook["url"] == url
            assert api.webhook["secret_token"] == config.secret_token
            assert TOKEN not in config.secret_token

            update = api.user_message(CHAT, "/salary pancaim")
            assert await api.post_update(url, update) == (403, ANY)  # no secret: refused
            assert await api.post_update(url, update, secret_token="wrong") == (403, ANY)
            api.channel_post(-1007777, "/start")  # Telegram would not send it; still harmless
            api.sticker(CHAT)
            assert await api.deliver_webhook() == [(200, ANY)] * 3
            await api.wait_for_sent(2, chat_id=CHAT)
            [salary, hint] = sent_to(api, CHAT)
            assert "standard salary" in salary.plain_text.lower()
            assert "sticker" in hint.plain_text.lower()
            assert sent_to(api, -1007777) == []
            await stop_webhook(server)
        assert api.rejected == []


async def raw_post(port: int, path: str, headers: dict[str, str], body: bytes = b"") -> str:
    """Send a request's headers (and `body`, if any) and return the status line. A server
    that read the whole declared body before answering would never answer here."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(f"POST /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{head}\r\n".encode() + body)
    await writer.drain()
    try:
        return (await asyncio.wait_for(reader.readline(), 10)).decode().strip()
    finally:
        writer.close()


async def test_webhook_refuses_strangers_before_reading_and_caps_the_body(
        seeds_db: Path, tmp_path: Path) -> None:
    async with BotApiStandIn(token=TOKEN) as api:
        config = make_config(api, tmp_path / "state.db", db=seeds_db)
        port = free_port()
        options = webhook_options(config, f"http://127.0.0.1:{port}/hook", port, "127.0.0.1")
        secret = config.secret_token
        huge = {"Content-Type": "application/json", "Content-Length": "100000000"}
        async with lifecycle(build_application(config)) as app:
            server = await start_webhook(app.bot, app.update_queue, **options)
            try:
                # 100 MB announced, none sent: refused from the headers alone
                assert (await raw_post(port, "hook", huge)).startswith("HTTP/1.1 403")
                wrong = {**huge, "X-Telegram-Bot-Api-Secret-Token": "x" * len(secret)}
                assert (await raw_post(port, "hook", wrong)).startswith("HTTP/1.1 403")
                # Telegram's own secret, but a body above the cap
                right = {**huge, "X-Telegram-Bot-Api-Secret-Token": secret,
                         "Content-Length": str(config.webhook_max_body + 1)}
                assert (await raw_post(port, "hook", right)).startswith("HTTP/1.1 413")
                body = b'{"not": "an update"'
                bad = {**right, "Content-Length": str(len(body))}
                assert (await raw_post(port, "hook", bad, body)).startswith("HTTP/1.1 400")
                # an update delivered twice (Telegram retries a webhook) is answered once
                update = api.user_message(CHAT, "/salary pancaim")
                for _ in range(2):
                    assert await api.post_update(options["webhook_url"], update,
                                                 secret_token=secret) == (200, ANY)
                await api.wait_for_sent(1, chat_id=CHAT)
                await asyncio.sleep(0.2)
                assert len(sent_to(api, CHAT)) == 1
            finally:
                await stop_webhook(server)
        assert api.rejected == []


def test_webhook_url_must_be_a_url(tmp_path: Path) -> None:
    config = load_config(env={"TELEGRAM_BOT_TOKEN": TOKEN}, dotenv=None)
    with pytest.raises(ConfigError, match="--webhook-url"):
        webhook_options(config, "bot.example.org/hook", 8443)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "VACBOT_ADMIN_IDS",
                 "VACBOT_SEEDS_DIR", "VACBOT_DB", "VACBOT_STATE_DB", "TELEGRAM_WEBHOOK_SECRET",
                 "VACBOT_MAX_RATE", "VACBOT_ALERT_RATE", "VACBOT_STATE_TTL_DAYS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def test_run_without_token_says_so_in_one_line(clean_env: Path) -> None:
    err = io.StringIO()
    assert cli_main(["run"], err=err) == 2
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN is not set" in lines[0]


@pytest.mark.parametrize(("dotenv", "message"), [
    ("TELEGRAM_BOT_TOKEN=not-a-token\n", "does not look like a bot token"),
    (f"TELEGRAM_BOT_TOKEN={TOKEN}\nVACBOT_ADMIN_IDS=12, alice\n", "'alice' is not a numeric"),
    (f"TELEGRAM_BOT_TOKEN={TOKEN}\nTELEGRAM_API_BASE_URL=localhost:8081\n", "http(s) URL"),
    (f"TELEGRAM_BOT_TOKEN={TOKEN}\nVACBOT_ADMIN_IDS=12,-1001234567890\n",
     "-1001234567890 is not a user id"),
    (f"TELEGRAM_BOT_TOKEN={TOKEN}\nVACBOT_MAX_RATE=fast\n", "VACBOT_MAX_RATE must be"),
    (f"TELEGRAM_BOT_TOKEN={TOKEN}\nVACBOT_STATE_TTL_DAYS=0\n", "VACBOT_STATE_TTL_DAYS must"),
])
def test_run_reads_dotenv_and_rejects_bad_values(clean_env: Path, dotenv: str,
                                                 message: str) -> None:
    (clean_env / ".env").write_text(dotenv, encoding="utf-8")
    err = io.StringIO()
    assert run(err=err) == 2
    assert message in err.getvalue() and len(err.getvalue().splitlines()) == 1
    assert TOKEN not in err.getvalue()


def test_run_without_pages_fails_at_start_up(clean_env: Path) -> None:
    (clean_env / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n", encoding="utf-8")
    err = io.StringIO()
    root = logging.getLogger()
    level = root.level
    try:
        code = run(seeds=str(clean_env / "missing"), db=str(clean_env / "kb.db"), err=err)
    finally:
        root.handlers[:] = [h for h in root.handlers
                            if not isinstance(h.formatter, RedactingFormatter)]
        root.setLevel(level)
    assert code == 1
    assert "vacbot run: cannot build the knowledge base" in err.getvalue()
    assert TOKEN not in err.getvalue()


def one_line_exit(code: int, err: io.StringIO) -> str:
    assert code == 2
    lines = err.getvalue().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_missing_data_directory_is_one_line_and_exit_code_2(clean_env: Path) -> None:
    (clean_env / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n", encoding="utf-8")
    err = io.StringIO()
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        code = run(seeds=str(SEEDS), db=str(clean_env / "not-mounted" / "vacbot.db"), err=err)
    finally:
        root.handlers[:] = before
        root.setLevel(level)
    line = one_line_exit(code, err)
    assert "not-mounted does not exist" in line and line.startswith("vacbot run: ")


def test_a_read_only_data_directory_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    """In its own process; as root, without root's power to write anywhere (setpriv)."""
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "VACBOT_SEEDS_DIR": str(SEEDS),
           "VACBOT_DB": str(data / "vacbot.db"), "VACBOT_STATE_DB": ""}
    command = [str(Path(sys.executable).parent / "vacbot"), "run"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: a read-only folder cannot be made")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, check=False)
    data.chmod(0o755)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and f"the data directory {data} is not writable" in lines[0]
    assert not any(data.iterdir())


def test_dotenv_and_environment(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_env / ".env").write_text(
        f"TELEGRAM_BOT_TOKEN={TOKEN}\nVACBOT_ADMIN_IDS=1,2 3\nVACBOT_DB=/data/vacbot.db\n",
        encoding="utf-8")
    monkeypatch.setenv("VACBOT_ADMIN_IDS", "9")  # the environment wins over .env
    config = load_config()
    assert config.token == TOKEN and config.admin_ids == frozenset({9})
    assert config.db_path == Path("/data/vacbot.db")
    assert config.state_path == Path("/data/vacbot-state.db")
    assert config.api_base_url == "https://api.telegram.org/bot"
    assert config.api_file_url == "https://api.telegram.org/file/bot"
    assert TOKEN not in repr(config)


def test_the_token_never_reaches_the_log() -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        setup_logging(TOKEN, stream)
        assert logging.getLogger("httpx").level == logging.WARNING
        logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/x",
                                        TOKEN)
        try:
            raise RuntimeError(f"failed: https://api.telegram.org/bot{TOKEN}/getMe")
        except RuntimeError:
            logging.getLogger("telegram.ext").exception("network trouble")
    finally:
        root.handlers[:] = before
        root.setLevel(level)
    logged = stream.getvalue()
    assert "network trouble" in logged and "bot<token>/getMe" in logged
    assert TOKEN not in logged and "HTTP Request" not in logged


async def test_vacbot_run_polls_answers_and_stops_on_sigterm(seeds_db: Path,
                                                             tmp_path: Path) -> None:
    """The real entry point in its own process: `vacbot run` against the stand-in."""
    async with BotApiStandIn(token=TOKEN) as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
               "VACBOT_SEEDS_DIR": str(SEEDS), "VACBOT_DB": str(seeds_db),
               "VACBOT_STATE_DB": str(tmp_path / "state.db"), "VACBOT_ADMIN_IDS": ""}
        process = await asyncio.create_subprocess_exec(
            str(Path(sys.executable).parent / "vacbot"), "run", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            await api.wait_for_request("setMyCommands", timeout=20)
            api.user_message(CHAT, "/salary pancaim")
            [answer] = await api.wait_for_sent(1, timeout=10, chat_id=CHAT)
            assert "standard salary" in answer.plain_text.lower()
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 20)
        assert process.returncode == 0, stderr.decode()
        log = stderr.decode()
        assert "vacbot is up as @vacbot_test_bot" in log and TOKEN not in log
        assert api.rejected == []
    with contextlib.closing(sqlite3.connect(tmp_path / "state.db")) as db:
        rows = db.execute("SELECT chat_id FROM chats").fetchall()
    assert [r[0] for r in rows] == [CHAT]  # the chat's context was kept
