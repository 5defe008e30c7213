"""The deployment files agree with the code and with each other, as an operator relies on.

Building and running the image is deploy/check.sh (podman, root, minutes), not CI; these are
the parts that can be decided from the files: what the bot reads from .env.example in the
image and under systemd, the names compose and `docker run` share, the pinned packages, and
the systemd unit's exposure score (when systemd-analyze is installed).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from dotenv import dotenv_values
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.telegram.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = DEPLOY / ".env.example"
DOCKERFILE = DEPLOY / "Dockerfile"
# Read by the Telegram transport once issue 11's changes are in; listed ahead of them.
ANNOUNCED = {"VACBOT_MAX_RATE", "VACBOT_STATE_TTL_DAYS"}
TOKEN = "123:abc"


def variables_the_code_reads() -> set[str]:
    names: set[str] = set()
    for source in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "knowledge").rglob("*.py")]:
        names |= set(re.findall(r"[\"']((?:VACBOT|TELEGRAM)_[A-Z0-9_]+)[\"']",
                                source.read_text()))
    return names


def example_lines() -> dict[str, list[str]]:
    """NAME -> the .env.example lines that set it, commented out or not."""
    lines: dict[str, list[str]] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"#?([A-Z][A-Z0-9_]*)=", line)
        if match:
            lines.setdefault(match.group(1), []).append(line)
    return lines


def docker_env_file(text: str) -> dict[str, str]:
    """As `docker run --env-file` reads a file: NAME=rest-of-line, quotes kept."""
    values = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value
    return values


def image_env() -> dict[str, str]:
    """The ENV settings of the Dockerfile's final stage."""
    final = DOCKERFILE.read_text().split("\nFROM ")[-1]
    env = re.search(r"^ENV (.*?)(?<!\\)$", final, re.M | re.S)
    assert env is not None
    return dict(re.findall(r"(\w+)=(\S+)", env.group(1)))


def test_env_example_lists_every_variable_the_code_reads_once() -> None:
    listed = example_lines()
    read = variables_the_code_reads()
    assert read, "no variables found: the scan is broken"
    assert sorted(read - listed.keys()) == []
    assert sorted(ANNOUNCED - listed.keys()) == []
    assert {name: lines for name, lines in listed.items() if len(lines) > 1} == {}


def test_env_example_values_are_unquoted() -> None:
    for [line] in example_lines().values():
        value = line.partition("=")[2]
        assert not value.startswith(("'", '"')) and " " not in value, line


def test_env_example_in_the_container_keeps_the_image_paths() -> None:
    """Filled in and passed with --env-file, it must not move the bot's files off /data."""
    text = ENV_EXAMPLE.read_text().replace("TELEGRAM_BOT_TOKEN=\n", f"TELEGRAM_BOT_TOKEN={TOKEN}\n")
    config = load_config(env={**image_env(), **docker_env_file(text)}, dotenv=None)
    assert config.seeds_dir == Path("/app/seeds")
    assert config.db_path == Path("/data/vacbot.db")
    assert config.state_path.parent == Path("/data")
    assert config.heartbeat_path is not None and config.heartbeat_path.parent == Path("/data")


def test_container_unsafe_lines_are_marked_and_commented_out() -> None:
    text = ENV_EXAMPLE.read_text()
    paths = {"VACBOT_SEEDS_DIR", "VACBOT_DB", "VACBOT_STATE_DB", "VACBOT_HEARTBEAT"}
    for block in text.split("\n\n"):
        setting = re.search(r"^#?([A-Z][A-Z0-9_]*)=", block, re.M)
        if setting and setting.group(1) in paths:
            assert "[not in a container]" in block and f"\n#{setting.group(1)}=" in block, block


def test_env_example_as_the_systemd_environment_file(tmp_path: Path) -> None:
    filled = tmp_path / "vacbot.env"
    filled.write_text(ENV_EXAMPLE.read_text().replace("TELEGRAM_BOT_TOKEN=\n",
                                                      f'TELEGRAM_BOT_TOKEN="{TOKEN}"\n'))
    unit = (DEPLOY / "vacbot.service").read_text()
    unit_env = dict(re.findall(r"^Environment=(\w+)=(\S+)$", unit, re.M))
    config = load_config(env={**unit_env, **{k: v for k, v in dotenv_values(filled).items()
                                             if v is not None}}, dotenv=None)
    assert config.token == TOKEN
    writable = re.search(r"^ReadWritePaths=(\S+)$", unit, re.M)
    assert writable is not None
    for path in (config.db_path, config.state_path, config.heartbeat_path):
        assert path is not None and path.is_relative_to(writable.group(1))


def test_compose_and_docker_run_share_the_volume() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    service = compose["services"]["vacbot"]
    assert compose["name"] == "vacbot"
    assert "vacbot-data:/data" in service["volumes"]
    assert compose["volumes"]["vacbot-data"]["name"] == "vacbot-data"
    readme = (ROOT / "README.md").read_text()
    assert "-v vacbot-data:/data" in readme
    assert "-v vacbot-data:/data" in DOCKERFILE.read_text()


def test_compose_is_locked_down_and_health_checked() -> None:
    service = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]["vacbot"]
    assert service["read_only"] is True
    assert service["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in service["security_opt"]
    assert {"max-size", "max-file"} <= service["logging"]["options"].keys()
    assert service["healthcheck"]["test"] == ["CMD", "vacbot", "health"]
    assert 'HEALTHCHECK' in DOCKERFILE.read_text()
    assert re.search(r'^HEALTHCHECK .* CMD \["vacbot", "health"\]$', DOCKERFILE.read_text(),
                     re.M)


def test_image_runs_as_the_numeric_user_that_owns_data() -> None:
    text = DOCKERFILE.read_text()
    froms = re.findall(r"^FROM (\S+)", text, re.M)
    assert froms and all(re.fullmatch(r"python:3\.11-slim-bookworm(@sha256:[0-9a-f]{64})?", f)
                         for f in froms), froms
    [user] = re.findall(r"^USER (\S+)$", text, re.M)
    assert re.fullmatch(r"[1-9]\d*:[1-9]\d*", user), user
    uid, gid = user.split(":")
    assert f"install -d -o {uid} -g {gid}" in text and " /data" in text
    assert "-r constraints.txt" in text and "--no-deps ." in text


def test_the_image_copies_every_package_the_project_installs() -> None:
    """A package missing from the image fails only when the image runs (`import lang`)."""
    found = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    dockerfile = DOCKERFILE.read_text()
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    for pattern in found["packages"]["find"]["include"]:
        name = pattern.rstrip("*")
        assert f"\nCOPY {name} ./{name}\n" in dockerfile and f"!{name}/" in ignore, name


def load_constraints_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deploy_constraints", DEPLOY / "constraints.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_constraints_pin_every_runtime_package_within_the_projects_ranges() -> None:
    pins = {}
    for line in (DEPLOY / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version
    needed = load_constraints_module().runtime_pins()
    assert sorted(needed.keys() - pins.keys()) == [], "run deploy/refresh-constraints.sh"
    pyproject = (ROOT / "pyproject.toml").read_text()
    block = pyproject.split("dependencies = [", 1)[1].split("]\n", 1)[0]
    for raw in re.findall(r'"([^"]+)"', block):
        req = Requirement(raw)
        assert req.specifier.contains(pins[canonicalize_name(req.name)]), raw


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze not installed (apt-get install systemd)")
def test_systemd_unit_exposure_is_at_most_2() -> None:
    result = subprocess.run(["systemd-analyze", "security", "--offline=true", "--threshold=20",
                             str(DEPLOY / "vacbot.service")], capture_output=True, text=True,
                            check=False)
    score = re.search(r"Overall exposure level for vacbot.service: ([\d.]+)", result.stdout)
    assert score is not None, result.stdout[-500:] + result.stderr[-500:]
    assert result.returncode == 0 and float(score.group(1)) <= 2.0, score.group(0)
