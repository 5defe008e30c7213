"""`vacbot health` and the heartbeat: freshness at a given `now`, the command's exit codes,
and the real bot beating from its job queue against the Bot API stand-in."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.telegram import health
from bot.telegram.app import DataError, check_data_dir, run
from bot.telegram.config import ConfigError, load_config
from tests.standin import BotApiStandIn
from tests.standin.harness import ask, make_config, running_bot

BOOT = "3f1c-boot"


@pytest.mark.parametrize(
    ("written_at", "now", "healthy", "says"),
    [
        (1000.0, 1000.0, True, "0 s old"),
        (1000.0, 1059.0, True, "59 s old"),
        (1000.0, 1060.0, True, "60 s old"),  # exactly MAX_AGE still counts
        (1000.0, 1061.0, False, "61 s old"),
        (1000.0, 4600.0, False, "hung or stopped"),
        (1000.0, 990.0, False, "from the future"),
    ],
)
def test_freshness_is_judged_at_the_given_time(tmp_path: Path, written_at: float, now: float,
                                               healthy: bool, says: str) -> None:
    beat = tmp_path / "vacbot-state.heartbeat"
    health.write_heartbeat(beat, written_at, BOOT)
    result = health.status(beat, now, BOOT, max_age=60)
    assert (result.healthy, says in result.message) == (healthy, True), result.message
    assert health.check(beat, 60, now, BOOT) is healthy


def test_a_beat_from_before_a_reboot_is_not_fresh(tmp_path: Path) -> None:
    beat = tmp_path / "hb"
    health.write_heartbeat(beat, 1000.0, "previous-boot")
    assert not health.check(beat, 60, 1001.0, BOOT)
    assert "before the last reboot" in health.status(beat, 1001.0, BOOT).message
    # Where the boot id is hidden (systemd's ProcSubset=pid), the time alone decides.
    assert health.check(beat, 60, 1001.0, "")
    health.write_heartbeat(beat, 1000.0, "")
    assert health.check(beat, 60, 1001.0, BOOT)


@pytest.mark.parametrize("content", ["", "garbage", "boot not-a-number", "a b c"])
def test_an_unreadable_heartbeat_is_unhealthy(tmp_path: Path, content: str) -> None:
    beat = tmp_path / "hb"
    beat.write_text(content)
    result = health.status(beat, 1000.0, BOOT)
    assert not result.healthy and "unreadable" in result.message


def test_no_heartbeat_means_not_running(tmp_path: Path) -> None:
    result = health.status(tmp_path / "missing", 1000.0, BOOT)
    assert not result.healthy and "not running" in result.message


def test_a_beat_replaces_the_previous_one_whole(tmp_path: Path) -> None:
    beat = tmp_path / "hb"
    health.write_heartbeat(beat, 1000.0, BOOT)
    health.write_heartbeat(beat, 1015.0, BOOT)
    assert beat.read_text() == f"{BOOT} 1015.000\n"
    assert [p.name for p in tmp_path.iterdir()] == ["hb"]  # no temporary file left


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No .env and none of the bot's variables from the machine running the tests."""
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "VACBOT_DB", "VACBOT_STATE_DB", "VACBOT_HEARTBEAT",
                 "VACBOT_SEEDS_DIR", "TELEGRAM_API_BASE_URL", "VACBOT_ADMIN_IDS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def health_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["health", *args], out=out, err=out)
    return code, out.getvalue()


def test_health_command_exit_codes(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACBOT_DB", str(clean_env / "data" / "vacbot.db"))
    beat = clean_env / "data" / "vacbot-state.heartbeat"  # found next to the state database
    code, text = health_cli()
    assert code == 1 and text.startswith("unhealthy: no heartbeat") and str(beat) in text

    beat.parent.mkdir()
    # The command reads the monotonic clock, which never jumps; a beat written just now
    # is fresh and one written an hour before it is not.
    health.write_heartbeat(beat, time.monotonic(), health.boot_id())
    code, text = health_cli()
    assert code == 0 and text.startswith("healthy: heartbeat")
    health.write_heartbeat(beat, time.monotonic() - 3600, health.boot_id())
    code, text = health_cli()
    assert code == 1 and "hung or stopped" in text
    assert health_cli("--max-age", "7200")[0] == 0


def test_health_command_follows_the_settings_the_bot_uses(clean_env: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # docker run --env-file keeps quotes; .env files are read like `vacbot run` reads them
    beat = clean_env / "elsewhere.hb"
    monkeypatch.setenv("VACBOT_HEARTBEAT", f'"{beat}"')
    health.write_heartbeat(beat, time.monotonic(), health.boot_id())
    assert health_cli()[0] == 0
    monkeypatch.delenv("VACBOT_HEARTBEAT")
    (clean_env / ".env").write_text(f"VACBOT_STATE_DB={clean_env / 's' / 'chat.db'}\n")
    code, text = health_cli()
    assert code == 1 and str(clean_env / "s" / "chat.heartbeat") in text


@pytest.mark.parametrize(
    "raw", ['"123:abc-DEF_9"', "'123:abc-DEF_9'", ' "123:abc-DEF_9" ', "123:abc-DEF_9"]
)
def test_a_quoted_token_is_accepted(raw: str) -> None:
    # `docker run --env-file` passes TELEGRAM_BOT_TOKEN="123:abc" with the quotes
    config = load_config(env={"TELEGRAM_BOT_TOKEN": raw, "VACBOT_ADMIN_IDS": '"7, 8"'},
                         dotenv=None)
    assert config.token == "123:abc-DEF_9"
    assert config.admin_ids == {7, 8}


@pytest.mark.parametrize("raw", ['"123:abc', "123:abc'", "\"123:abc'", '""'])
def test_unmatched_quotes_are_still_refused(raw: str) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        load_config(env={"TELEGRAM_BOT_TOKEN": raw}, dotenv=None)


def test_the_heartbeat_path_defaults_next_to_the_state_database() -> None:
    config = load_config(env={"TELEGRAM_BOT_TOKEN": "1:a", "VACBOT_DB": "/data/vacbot.db"},
                         dotenv=None)
    assert config.heartbeat_path == Path("/data/vacbot-state.heartbeat")
    config = load_config(env={"TELEGRAM_BOT_TOKEN": "1:a", "VACBOT_DB": "/data/vacbot.db",
                              "VACBOT_HEARTBEAT": "/run/vacbot/hb"}, dotenv=None)
    assert config.heartbeat_path == Path("/run/vacbot/hb")


def test_an_unusable_data_directory_is_one_line_and_exit_2(clean_env: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = clean_env / "data"
    blocker.write_text("a file where the data directory should be")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
    monkeypatch.setenv("VACBOT_DB", str(blocker / "vacbot.db"))
    err = io.StringIO()
    assert run(err=err) == 2
    [line] = err.getvalue().splitlines()
    assert line.startswith("vacbot run: ") and f"data directory {blocker}" in line
    with pytest.raises(DataError):
        check_data_dir(load_config(dotenv=None))


async def changed(path: Path, old: str, timeout: float = 3.0) -> str:
    """Wait until `path` holds something other than `old`; its new content."""
    for _ in range(int(timeout / 0.02)):
        text = path.read_text() if path.exists() else ""
        if text != old:
            return text
        await asyncio.sleep(0.02)
    raise AssertionError(f"{path} did not change within {timeout} s")


async def test_the_bot_is_healthy_from_start_up_not_one_interval_later(
        seeds_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "INTERVAL", 3600.0)
    beat = tmp_path / "state.heartbeat"
    async with BotApiStandIn(token="78:HEALTH") as api:
        config = make_config(api, tmp_path / "state.db", db=seeds_db, heartbeat_path=beat)
        async with running_bot(config):
            await ask(api, 78, "hello")
            assert health.check(beat, health.MAX_AGE, time.monotonic())


def test_a_beat_that_cannot_be_written_is_logged_not_raised(tmp_path: Path,
                                                            caplog: pytest.LogCaptureFixture
                                                            ) -> None:
    from telegram.ext import Application

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    app = Application.builder().token("1:a").build()
    health.install_heartbeat(app, blocker / "hb", 3600)
    assert "cannot write the heartbeat" in caplog.text
    assert not health.check(blocker / "hb", health.MAX_AGE, time.monotonic())


async def test_the_running_bot_keeps_its_heartbeat_fresh(seeds_db: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "INTERVAL", 0.05)
    beat = tmp_path / "state.heartbeat"
    async with BotApiStandIn(token="77:HEALTH") as api:
        config = make_config(api, tmp_path / "state.db", db=seeds_db, heartbeat_path=beat)
        async with running_bot(config):
            await ask(api, 77, "what is the salary?")
            first = await changed(beat, "")
            assert health.check(beat, health.MAX_AGE, time.monotonic())
            await changed(beat, first)  # the job queue rewrites it: the time in it moves on
        stopped = beat.read_text()
        await asyncio.sleep(0.2)
        assert beat.read_text() == stopped  # a stopped bot no longer beats
    written = float(stopped.split()[-1])
    assert not health.check(beat, health.MAX_AGE, written + health.MAX_AGE + 1)
