"""A group's website repository for tests: a bare repository (what GitHub would hold) and a
working copy pages are committed in and pushed from, with the git command line.

    site = SiteRepo.create(tmp_path, {"pancaim.md": text})
    site.push({"zebra.md": ZEBRA, "old.md": None}, "Add zebra, remove old")   # None: delete
    site.spec  # "file:///…/site.git#main:_posts"
"""

from __future__ import annotations

import atexit
import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

FOLDER = "_posts"
BRANCH = "main"


def _global_config() -> str:
    """A git configuration of its own: nothing from this machine's, and repositories another
    user owns allowed (the container check gives the bare repository to the bot's user)."""
    fd, path = tempfile.mkstemp(prefix="siterepo-", suffix=".gitconfig")
    with os.fdopen(fd, "w") as out:
        out.write("[safe]\n\tdirectory = *\n")
    atexit.register(os.unlink, path)
    return path


GLOBAL_CONFIG = _global_config()


def git(*args: str, cwd: Path | None = None) -> str:
    """Run git as a site maintainer would, unaffected by this machine's git configuration."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": GLOBAL_CONFIG, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Site Maintainer", "GIT_AUTHOR_EMAIL": "web@example.org",
           "GIT_COMMITTER_NAME": "Site Maintainer", "GIT_COMMITTER_EMAIL": "web@example.org"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


@dataclass(frozen=True)
class SiteRepo:
    bare: Path
    work: Path

    @classmethod
    def create(cls, root: Path, pages: Mapping[str, str], *, other: Mapping[str, str] | None
               = None) -> SiteRepo:
        """A repository whose `_posts` folder holds `pages`, and `other` files beside it (the
        rest of the website), pushed to a bare repository on branch main."""
        bare, work = root / "site.git", root / "site"
        git("init", "--quiet", "--bare", "--initial-branch", BRANCH, str(bare))
        git("init", "--quiet", "--initial-branch", BRANCH, str(work))
        git("remote", "add", "origin", str(bare), cwd=work)
        site = cls(bare, work)
        site.push({**{f"{FOLDER}/{name}": text for name, text in pages.items()},
                   **(other or {"index.md": "# Our group\n"})}, "The website")
        return site

    @property
    def url(self) -> str:
        return self.bare.resolve().as_uri()

    @property
    def spec(self) -> str:
        return f"{self.url}#{BRANCH}:{FOLDER}"

    def push(self, changes: Mapping[str, str | None], message: str) -> str:
        """Write (or, for None, delete) files — paths relative to the repository, or page
        names in `_posts` — commit and push; the new commit's id."""
        for name, text in changes.items():
            path = self.work / (name if "/" in name or name == "index.md"
                                else f"{FOLDER}/{name}")
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        git("add", "--all", cwd=self.work)
        git("commit", "--quiet", "--message", message, cwd=self.work)
        git("push", "--quiet", "origin", BRANCH, cwd=self.work)
        return git("rev-parse", "HEAD", cwd=self.work).strip()
