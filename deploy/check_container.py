"""Run the built image as an operator would, against the Bot API stand-in, with podman.

    .venv/bin/python deploy/check_container.py [--image vacbot-check] [--compose PODMAN_COMPOSE]

Called by deploy/check.sh after the image is built. The stand-in (tests/standin) listens on
127.0.0.1 in this process; the container shares the host's network and reaches it through
TELEGRAM_API_BASE_URL. Checked, each printed as one `ok`/`FAIL` line with what was measured:

- `docker run`-style: read-only root file system, all capabilities dropped,
  no-new-privileges, log rotation, a named volume, the token quoted in an --env-file;
  a question is answered; the health check turns healthy; a frozen bot is reported
  unhealthy; only /data is writable; the token is not in the log; `stop` ends it
  cleanly; after a restart the chat's context is still there;
- `VACBOT_PAGES_GIT`: a website repository (a bare repository, mounted read-only, pushed to
  from the host with git) is cloned into /data; a pushed page is answered within the sync
  interval with no /reload; a broken push keeps the old pages and tells the admin; after a
  restart the clone is used again, not cloned anew;
- no token, a root-owned /data and a read-only /data: exit code 2 and one line each;
- the image: numeric user, HEALTHCHECK, the Python packages exactly deploy/constraints.txt;
- with --compose: deploy/compose.yaml itself (a copy, plus an override for the host network)
  under podman-compose: project `vacbot`, volume `vacbot-data`, answered and healthy.

Exit code 0 only if every check passed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.siterepo import SiteRepo  # noqa: E402
from tests.standin import BotApiStandIn  # noqa: E402

TOKEN = "4242:CONTAINER-check_secret"
SECRET = TOKEN.split(":", 1)[1]
CHAT = 9001
QUESTION = "what is the salary for the PANCAIM position?"
FOLLOW_UP = "how do I apply?"
# --read-only-tmpfs=false: like Docker's --read-only, no writable /tmp, /run, /var/tmp.
HARDENED = ["--read-only", "--read-only-tmpfs=false", "--cap-drop", "ALL",
            "--security-opt", "no-new-privileges", "--log-opt", "max-size=10m",
            "--network", "host"]

failures: list[str] = []


def report(ok: bool, what: str, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail else ""), flush=True)
    if not ok:
        failures.append(what)


async def sh(*args: str, check: bool = False, timeout: float = 120) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout)
    code = proc.returncode if proc.returncode is not None else -1
    if check and code != 0:
        raise RuntimeError(f"{' '.join(args)} -> {code}: {err.decode()[-500:]}")
    return code, out.decode(), err.decode()


async def wait_healthy(name: str, timeout: float) -> float | None:
    """Run the container's own HEALTHCHECK until it passes; seconds it took, None if never."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        code, _, _ = await sh("podman", "healthcheck", "run", name)
        if code == 0:
            return time.monotonic() - start
        await asyncio.sleep(0.5)
    return None


async def ask(api: BotApiStandIn, text: str, timeout: float = 60) -> str:
    before = len([m for m in api.sent if m.chat_id == CHAT])
    api.user_message(CHAT, text)
    sent = await api.wait_for_sent(before + 1, timeout, chat_id=CHAT)
    return sent[before].plain_text


async def one_line_exit_2(image: str, what: str, *run_args: str) -> None:
    code, out, err = await sh("podman", "run", "--rm", "--no-healthcheck", *HARDENED,
                              *run_args, image)
    lines = [line for line in (out + err).splitlines() if line.strip()]
    report(code == 2 and len(lines) == 1 and "Traceback" not in err, what,
           f"exit {code}, {len(lines)} line(s): {lines[0] if lines else ''}"[:240])


async def check_run(image: str, work: Path) -> None:
    name, volume = "vacbot-check-run", "vacbot-check-data"
    await sh("podman", "rm", "-f", name)
    await sh("podman", "volume", "rm", "-f", volume)
    env_file = work / "check.env"
    async with BotApiStandIn(token=TOKEN, max_poll_wait=1.0) as api:
        # As `docker run --env-file` reads it: the quotes stay part of the value.
        env_file.write_text(f'TELEGRAM_BOT_TOKEN="{TOKEN}"\n'
                            f"TELEGRAM_API_BASE_URL={api.base_url}\nVACBOT_ADMIN_IDS=\n")
        started = time.monotonic()
        await sh("podman", "run", "-d", "--name", name, *HARDENED, "--env-file", str(env_file),
                 "-v", f"{volume}:/data", image, check=True)
        try:
            await api.wait_for_request("setMyCommands", timeout=90)
            up = time.monotonic() - started
            answer = await ask(api, QUESTION)
            report("PANCAIM" in answer and "standard salary" in answer.lower()
                   and not api.rejected,
                   "docker-run style (read-only, cap-drop ALL, no-new-privileges): answered",
                   f"up in {up:.1f} s, answer {time.monotonic() - started:.1f} s after start: "
                   f"{answer.splitlines()[0][:60]!r}…")
            _, quoted, _ = await sh("podman", "exec", name, "sh", "-c",
                                    'case "$TELEGRAM_BOT_TOKEN" in \\"*) echo kept;; '
                                    '*) echo removed;; esac')
            print(f"     the --env-file had TELEGRAM_BOT_TOKEN=\"…\"; podman {quoted.strip()} the "
                  f"quotes, and the bot answered with it")

            took = await wait_healthy(name, 30)
            report(took is not None, "HEALTHCHECK (vacbot health) passes",
                   f"{took:.1f} s after the answer" if took is not None else "never healthy")
            _, hc_out, _ = await sh("podman", "exec", name, "vacbot", "health")
            print(f"     vacbot health: {hc_out.strip()}")

            await sh("podman", "kill", "--signal", "STOP", name, check=True)
            await asyncio.sleep(3)
            code, out, _ = await sh("podman", "exec", name, "vacbot", "health", "--max-age", "2")
            await sh("podman", "kill", "--signal", "CONT", name, check=True)
            report(code == 1, "a frozen bot (SIGSTOP, 3 s, --max-age 2) is unhealthy",
                   f"exit {code}: {out.strip()}")
            took = await wait_healthy(name, 30)
            report(took is not None, "healthy again after SIGCONT",
                   f"{took:.1f} s" if took is not None else "never")

            writable = []
            for folder in ("/", "/app/seeds", "/opt/vacbot", "/tmp", "/data"):
                code, _, _ = await sh("podman", "exec", name, "sh", "-c",
                                      f"touch {folder.rstrip('/')}/.w && rm {folder}/.w")
                writable += [folder] if code == 0 else []
            report(writable == ["/data"], "the bot can write to /data only",
                   f"writable: {writable} (of /, /app/seeds, /opt/vacbot, /tmp, /data)")
            _, listing, _ = await sh("podman", "exec", name, "ls", "-ln", "/data")
            print("     /data: " + "; ".join(" ".join(line.split()[2:4] + line.split()[-1:])
                                         for line in listing.splitlines()[1:]))

            stopping = time.monotonic()
            await sh("podman", "stop", "-t", "20", name, check=True)
            stop_s = time.monotonic() - stopping
            _, code_s, _ = await sh("podman", "inspect", "-f", "{{.State.ExitCode}}", name)
            report(code_s.strip() == "0" and stop_s < 20, "podman stop ends it cleanly",
                   f"exit {code_s.strip()} after {stop_s:.1f} s")
            _, logs, logs_err = await sh("podman", "logs", name)
            report(SECRET not in logs + logs_err, "the token is not in the log",
                   f"{len((logs + logs_err).splitlines())} log lines")

            await sh("podman", "start", name, check=True)
            follow = await ask(api, FOLLOW_UP, timeout=90)
            report("PANCAIM" in follow, "after a restart the chat's context is kept (volume)",
                   f"{FOLLOW_UP!r} -> {follow.splitlines()[0][:60]!r}")
        finally:
            _, logs, logs_err = await sh("podman", "logs", "--tail", "5", name)
            if failures:
                print("     last log lines:\n       " + "\n       ".join(
                    (logs + logs_err).replace(SECRET, "***").splitlines()))
            await sh("podman", "rm", "-f", "-t", "2", name)
            await sh("podman", "volume", "rm", "-f", volume)


ADMIN = 9002
ZEBRA_PAGE = """---
title: Zebrafish imaging with light-sheet microscopy (ZEBRA)
closed: false
people: Ada Lovelace
---

## Requirements
- An MSc degree in biology or physics.
"""
ZEBRA_Q = "what does the zebrafish position require?"
BROKEN_PAGE = "---\ntitle: Broken\nclosed: perhaps\n---\n\nx\n"


async def until_answered(api: BotApiStandIn, question: str, needle: str,
                         timeout: float) -> float | None:
    """Ask `question` every second until the answer contains `needle`; seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if needle in await ask(api, question):
            return time.monotonic() - start
        await asyncio.sleep(1)
    return None


async def check_git(image: str, work: Path) -> None:
    name, volume = "vacbot-check-git", "vacbot-check-git-data"
    await sh("podman", "rm", "-f", name)
    await sh("podman", "volume", "rm", "-f", volume)
    seeds = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.md")}
    site = SiteRepo.create(work / "website", seeds)
    await sh("chown", "-R", "10001:10001", str(site.bare), check=True)  # the bot's user
    env_file = work / "git.env"
    async with BotApiStandIn(token=TOKEN, max_poll_wait=1.0) as api:
        api.add_chat(ADMIN)
        env_file.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nTELEGRAM_API_BASE_URL={api.base_url}\n"
                            f"VACBOT_ADMIN_IDS={ADMIN}\nVACBOT_SYNC_INTERVAL=2\n"
                            "VACBOT_PAGES_GIT=file:///site.git#main:_posts\n")
        run = ["podman", "run", "-d", "--name", name, *HARDENED, "--env-file", str(env_file),
               "-v", f"{volume}:/data", "-v", f"{site.bare}:/site.git:ro", image]
        try:
            await sh(*run, check=True)
            await api.wait_for_request("setMyCommands", timeout=90)
            answer = await ask(api, QUESTION)
            _, listing, _ = await sh("podman", "exec", name, "ls", "/data/pages-repo/_posts")
            report("PANCAIM" in answer and "pancaim-pancreatic-cancer-phd.md" in listing,
                   "VACBOT_PAGES_GIT: cloned into /data and answered from",
                   f"{len(listing.split())} pages in /data/pages-repo/_posts")
            site.push({"zebra-phd.md": ZEBRA_PAGE}, "New vacancy")
            took = await until_answered(api, ZEBRA_Q, "MSc degree in biology", 60)
            report(took is not None, "a pushed page is answered with no /reload",
                   f"{took:.1f} s after the push (interval 2 s)" if took is not None
                   else "not within 60 s")
            before = len([m for m in api.sent if m.chat_id == ADMIN])
            site.push({"broken.md": BROKEN_PAGE}, "A broken page")
            told = await api.wait_for_sent(before + 1, 60, chat_id=ADMIN)
            still = await ask(api, ZEBRA_Q)
            report("broken.md:3" in told[before].plain_text and "MSc degree in biology" in still,
                   "a broken push keeps the old pages and tells the admin",
                   told[before].plain_text.splitlines()[0][:80])
            _, inode, _ = await sh("podman", "exec", name, "stat", "-c", "%i",
                                   "/data/pages-repo/.git/objects")
            await sh("podman", "restart", "-t", "20", name, check=True)
            polls = len(api.requests)
            await api.wait_for(lambda: any(r.method.lower() == "setmycommands"
                                           for r in api.requests[polls:]), 90, "a restart")
            again = await ask(api, ZEBRA_Q)
            _, inode2, _ = await sh("podman", "exec", name, "stat", "-c", "%i",
                                    "/data/pages-repo/.git/objects")
            _, logs, logs_err = await sh("podman", "logs", name)
            report("MSc degree in biology" in again and inode.strip() == inode2.strip()
                   and "using the clone of the pages' repository" in logs + logs_err,
                   "after a restart the clone is used again (no new clone)",
                   f".git/objects inode {inode.strip()} before and {inode2.strip()} after")
        finally:
            if failures:
                _, logs, logs_err = await sh("podman", "logs", "--tail", "8", name)
                print("     last log lines:\n       " + "\n       ".join(
                    (logs + logs_err).replace(SECRET, "***").splitlines()))
            await sh("podman", "rm", "-f", "-t", "2", name)
            await sh("podman", "volume", "rm", "-f", volume)


async def check_refusals(image: str, work: Path) -> None:
    await one_line_exit_2(image, "no token: exit 2, one line")
    root_owned = work / "root-owned"
    root_owned.mkdir(mode=0o755)
    await one_line_exit_2(image, "/data bind-mounted, owned by root: exit 2, one line",
                          "-e", f"TELEGRAM_BOT_TOKEN={TOKEN}", "-v", f"{root_owned}:/data")
    read_only = work / "read-only"
    read_only.mkdir()
    os.chown(read_only, 10001, 10001)
    await one_line_exit_2(image, "/data bind-mounted read-only: exit 2, one line",
                          "-e", f"TELEGRAM_BOT_TOKEN={TOKEN}", "-v", f"{read_only}:/data:ro")


async def check_image(image: str) -> None:
    _, info, _ = await sh("podman", "image", "inspect", image, check=True)
    inspected = json.loads(info)[0]
    config = inspected["Config"]
    user = config.get("User", "")
    report(all(part.isdigit() for part in user.split(":")) and not user.startswith("0"),
           "numeric non-root user", user)
    health = inspected.get("Healthcheck") or config.get("Healthcheck") or {}
    report(health.get("Test") == ["CMD", "vacbot", "health"], "HEALTHCHECK in the image",
           f"{health.get('Test')} every {health.get('Interval', 0) / 1e9:g} s, "
           f"start period {health.get('StartPeriod', 0) / 1e9:g} s, "
           f"{health.get('Retries')} retries")
    code, out, err = await sh(
        "podman", "run", "--rm", "--no-healthcheck", "--entrypoint", "python", image, "-c",
        "import importlib.metadata as m, os; "
        "print(sorted(f\"{d.metadata['Name'].lower().replace('_', '-')}=={d.version}\" "
        "for d in m.distributions())); print(sorted(os.listdir('/app')))")
    if code != 0:
        report(False, "packages in the image", err[-200:])
        return
    lines = out.splitlines()
    installed = set(json.loads(lines[0].replace("'", '"')))
    pins = {line.strip().lower() for line in (ROOT / "deploy" / "constraints.txt").read_text()
            .splitlines() if "==" in line}
    extra = sorted(p for p in installed - pins if not p.startswith("vacbot=="))
    missing = sorted(pins - installed)
    report(not extra and not missing, "packages in the image are exactly constraints.txt",
           f"{len(installed)} installed; extra {extra}, missing {missing}")
    report(lines[1] == "['seeds']", "/app holds only the pages", lines[1])


async def check_compose(image: str, compose: str, work: Path) -> None:
    _, volumes, _ = await sh("podman", "volume", "ls", "--format", "{{.Name}}")
    if "vacbot-data" in volumes.split():
        report(False, "compose", "a volume vacbot-data exists already: not touching it "
               "(remove it yourself if it is a leftover)")
        return
    folder = work / "compose" / "deploy"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "deploy" / "compose.yaml", folder / "compose.yaml")
    await sh("podman", "tag", image, "vacbot:latest", check=True)
    files = ["-f", str(folder / "compose.yaml"), "-f", str(folder / "host-network.yaml")]
    async with BotApiStandIn(token=TOKEN, max_poll_wait=1.0) as api:
        (folder / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n"
                                     f"TELEGRAM_API_BASE_URL={api.base_url}\n")
        (folder / "host-network.yaml").write_text(
            "services:\n  vacbot:\n    network_mode: host\n")
        try:
            code, _, err = await sh(compose, *files, "up", "-d", "--no-build", timeout=180)
            if code != 0:
                report(False, "podman-compose up", err[-300:])
                return
            await api.wait_for_request("setMyCommands", timeout=90)
            answer = await ask(api, QUESTION)
            _, ps, _ = await sh("podman", "ps", "--filter", "label=io.podman.compose.project",
                                "--format", "{{.Names}}")
            name = ps.split()[0] if ps.split() else ""
            _, mounts, _ = await sh("podman", "inspect", "-f",
                                    "{{range .Mounts}}{{.Name}} {{end}}", name)
            _, hc, _ = await sh("podman", "inspect", "-f",
                                "{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} "
                                "{{.HostConfig.SecurityOpt}} {{.HostConfig.LogConfig.Size}}",
                                name)
            report("PANCAIM" in answer and name == "vacbot_vacbot_1"
                   and mounts.split() == ["vacbot-data"],
                   "compose.yaml under podman-compose: answered",
                   f"container {name}, volume {mounts.strip()}, read-only/caps/opts/log: "
                   f"{hc.strip()}")
            took = await wait_healthy(name, 30)
            report(took is not None, "compose healthcheck passes",
                   f"{took:.1f} s" if took is not None else "never healthy")
        finally:
            await sh(compose, *files, "down", "-v", "-t", "5", timeout=120)
            await sh("podman", "volume", "rm", "-f", "vacbot-data")


async def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--image", default="vacbot-check")
    p.add_argument("--compose", help="a podman-compose (>= 1.1) to try deploy/compose.yaml with")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vacbot-check-") as tmp:
        work = Path(tmp)
        await check_image(args.image)
        await check_refusals(args.image, work)
        await check_run(args.image, work)
        await check_git(args.image, work)
        if args.compose:
            await check_compose(args.image, args.compose, work)
    print(f"check_container: {'all passed' if not failures else f'FAILED: {failures}'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
