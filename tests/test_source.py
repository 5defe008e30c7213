"""Where the pages come from (`knowledge.source`): the VACBOT_PAGES_GIT setting, the clone
and its updates with the git command, credentials that never show, time limits, and the
fingerprint that says whether the pages changed."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from bot.telegram.config import ConfigError, load_config
from knowledge.source import (
    Clone,
    GitAuth,
    GitSpec,
    PageSource,
    SourceError,
    fingerprint,
    git_environment,
    run_git,
)
from tests.siterepo import SiteRepo

TOKEN = "ghp_not-a-real-token-0123456789"


@pytest.mark.parametrize(("raw", "url", "branch", "folder"), [
    ("https://github.com/group/site.git#main:_posts", "https://github.com/group/site.git",
     "main", "_posts"),
    ("git@github.com:group/site.git#gh-pages", "git@github.com:group/site.git", "gh-pages", ""),
    ("ssh://git@host:2222/site.git#:content/jobs/", "ssh://git@host:2222/site.git", "",
     "content/jobs"),
    ("file:///srv/site.git", "file:///srv/site.git", "", ""),
    ("/srv/site.git#release/2024:.", "/srv/site.git", "release/2024", ""),
])
def test_the_repository_setting_is_read(raw: str, url: str, branch: str, folder: str) -> None:
    assert GitSpec.parse(raw) == GitSpec(url, branch, folder)


@pytest.mark.parametrize(("raw", "why"), [
    ("https://user:secret@github.com/group/site.git", "put the token in a file"),
    ("#main", "no repository URL"),
    ("site.git", "not a clone URL"),
    ("--upload-pack=evil", "not a clone URL"),
    ("https://github.com/group/site.git#main:../../etc", "must be a path inside"),
    ("https://github.com/group/site.git#ma in", "not a branch name"),
    ("https://github.com/group/site.git#-x", "not a branch name"),
])
def test_an_unusable_repository_setting_is_refused(raw: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        GitSpec.parse(raw)


def test_configuration_errors_are_one_line_and_name_the_variable(tmp_path: Path) -> None:
    base = {"TELEGRAM_BOT_TOKEN": "1:abc", "VACBOT_DB": str(tmp_path / "vacbot.db")}
    for extra, message in [
        ({"VACBOT_PAGES_GIT": "https://u:p@h/s.git"}, "VACBOT_PAGES_GIT: the URL contains"),
        ({"VACBOT_PAGES_GIT": "file:///s.git", "VACBOT_GIT_TOKEN_FILE": "/nonexistent"},
         "VACBOT_GIT_TOKEN_FILE: /nonexistent is not a readable file"),
        ({"VACBOT_GIT_SSH_KEY": __file__}, "VACBOT_GIT_SSH_KEY / VACBOT_GIT_TOKEN_FILE are "
                                            "for a repository: set VACBOT_PAGES_GIT too"),
        ({"VACBOT_SYNC_INTERVAL": "-5"}, "VACBOT_SYNC_INTERVAL must be between 0"),
        ({"VACBOT_DIGEST_DAYS": "weekly"}, "VACBOT_DIGEST_DAYS must be a number of days"),
        ({"VACBOT_TIMEZONE": "Mars/Olympus"}, "VACBOT_TIMEZONE: 'Mars/Olympus' is not a time"),
    ]:
        with pytest.raises(ConfigError) as refused:
            load_config(env={**base, **extra}, dotenv=None)
        assert str(refused.value).startswith(message) and "\n" not in str(refused.value)
    config = load_config(env={**base, "VACBOT_PAGES_GIT": "file:///srv/site.git#main:jobs",
                              "VACBOT_SEEDS_DIR": "/app/seeds", "VACBOT_SYNC_INTERVAL": "60",
                              "VACBOT_TIMEZONE": "Europe/Amsterdam",
                              "VACBOT_DIGEST_DAYS": "0"}, dotenv=None)
    assert config.seeds_dir == tmp_path / "pages-repo" / "jobs"  # the clone's, not the folder
    assert (config.sync.interval, config.sync.digest_days) == (60, 0)
    assert str(config.timezone) == "Europe/Amsterdam"


def test_the_user_name_is_not_shown() -> None:
    spec = GitSpec.parse("https://oauth2@gitlab.com/group/site.git#main:_posts")
    assert spec.shown() == "https://gitlab.com/group/site.git, branch main, folder _posts"


def test_a_token_reaches_git_from_its_file_and_nowhere_else(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    env = git_environment(GitAuth(token_file=token_file), base={"PATH": os.environ["PATH"]})
    assert not any(TOKEN in value for value in env.values())
    for asked, user in [("", "x-access-token"), ("username=oauth2\n", "oauth2")]:
        filled = subprocess.run(["git", "credential", "fill"], env=env, text=True,
                                input=f"protocol=https\nhost=git.example.org\n{asked}\n",
                                capture_output=True, timeout=30, check=True).stdout
        assert f"username={user}\npassword={TOKEN}\n" in filled


def test_a_deploy_key_is_handed_to_ssh(tmp_path: Path) -> None:
    key = tmp_path / "deploy key"
    env = git_environment(GitAuth(ssh_key=key, known_hosts=tmp_path / "known_hosts"), base={})
    assert env["GIT_SSH_COMMAND"] == (
        f"ssh -i '{key}' -o IdentitiesOnly=yes -o BatchMode=yes "
        f"-o StrictHostKeyChecking=accept-new -o UserKnownHostsFile={tmp_path}/known_hosts")
    assert env["GIT_TERMINAL_PROMPT"] == "0"


def test_git_that_hangs_is_stopped_with_what_it_started(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pid_file = tmp_path / "child.pid"
    fake = bin_dir / "git"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pid_file}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}"}
    with pytest.raises(SourceError, match=r"git fetch took longer than 0.5 s and was stopped"):
        run_git(["fetch"], env, 0.5)
    child = int(pid_file.read_text())
    for _ in range(50):  # reaped by init: give it a moment
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the process git started is still running")


def test_a_clone_follows_pushes_and_deletions(tmp_path: Path) -> None:
    site = SiteRepo.create(tmp_path / "web", {"a.md": "# A\n"})
    source = PageSource.for_git(GitSpec.parse(site.spec), tmp_path / "data" / "pages-repo")
    assert source.prepare() is True and source.prepare() is False  # the second: no clone
    source.start(up_to_date=True)
    assert source.poll().changed is False
    site.push({"b.md": "# B\n"}, "Add B")
    poll = source.poll()
    assert poll.changed and poll.fetched and not poll.error
    assert sorted(p.name for p in source.pages.iterdir()) == ["a.md", "b.md"]
    commit = source.commit()
    assert commit is not None and commit.subject == "Add B"
    assert source.poll().changed is False  # a change is reported once
    site.push({"a.md": None}, "Remove A")
    assert source.poll().changed
    assert sorted(p.name for p in source.pages.iterdir()) == ["b.md"]
    site.push({"index.md": "# Home, again\n"}, "Only the front page")
    poll = source.poll()
    assert poll.fetched and not poll.changed  # outside the pages' folder


def test_a_clone_of_another_repository_is_replaced_and_a_strange_folder_left_alone(
        tmp_path: Path) -> None:
    one = SiteRepo.create(tmp_path / "one", {"a.md": "# A\n"})
    two = SiteRepo.create(tmp_path / "two", {"z.md": "# Z\n"})
    where = tmp_path / "data" / "pages-repo"
    Clone(GitSpec.parse(one.spec), where).prepare()
    assert Clone(GitSpec.parse(two.spec), where).prepare() is True
    assert [p.name for p in (where / "_posts").iterdir()] == ["z.md"]
    other = tmp_path / "data" / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SourceError, match="is not a clone of the pages' repository"):
        Clone(GitSpec.parse(one.spec), other).prepare()
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_fetch_that_fails_says_why_and_keeps_the_pages(tmp_path: Path) -> None:
    site = SiteRepo.create(tmp_path / "web", {"a.md": "# A\n"})
    source = PageSource.for_git(GitSpec.parse(site.spec), tmp_path / "pages-repo")
    source.prepare()
    source.start(up_to_date=True)
    site.bare.rename(tmp_path / "gone.git")
    poll = source.poll()
    assert not poll.changed and poll.error.startswith("git fetch failed: fatal: ")
    assert (source.pages / "a.md").is_file()


def test_the_fingerprint_changes_with_every_kind_of_edit(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n", encoding="utf-8")
    steps = [fingerprint(folder)]
    assert fingerprint(folder) == steps[0]  # nothing changed
    (folder / "b.md").write_text("# B\n", encoding="utf-8")  # added
    steps.append(fingerprint(folder))
    os.utime(folder / "b.md", (1, 1))  # edited in place, same size
    steps.append(fingerprint(folder))
    (folder / "b.md").write_text("# B, longer\n", encoding="utf-8")
    os.utime(folder / "b.md", (1, 1))  # edited, the time put back
    steps.append(fingerprint(folder))
    (folder / "b.md").rename(folder / "c.md")  # renamed
    steps.append(fingerprint(folder))
    assert len(set(steps)) == len(steps)
    (folder / "notes.txt").write_text("not a page", encoding="utf-8")
    assert fingerprint(folder) == steps[-1]  # only pages count
    (folder / "c.md").unlink()  # deleted: the pages are as they were at first
    assert fingerprint(folder) == steps[0]
    assert fingerprint(tmp_path / "missing") == ""
