"""Where the pages come from, and whether they changed: a folder, or the group's website
repository cloned into the data directory. No Telegram here (`bot.telegram.sync` runs it).

    spec = GitSpec.parse("https://github.com/group/site.git#main:_posts")
    source = PageSource.for_git(spec, data_dir / "pages-repo", GitAuth(token_file=...))
    source.prepare()          # clone when there is no clone yet (SourceError if it fails)
    poll = source.poll()      # fetch and check out; did the pages change since last time?

A repository is handled by the `git` command (`git clone --depth 1`, `git fetch --depth 1`,
`git reset --hard`), each call with a time limit after which git and what it started are
killed. A private repository is reached with a deploy key (`GitAuth.ssh_key`: handed to ssh
through GIT_SSH_COMMAND) or a token kept in a file (`GitAuth.token_file`: git asks a
credential helper given in the environment, which reads the file; the token is never in a
command line, a URL or a log). The clone survives restarts: it is fetched, not cloned again.

Whether the pages changed is `fingerprint`: each page's path, size and modification time as
`knowledge.ingest.scan` finds them, so a page added, edited, renamed or deleted changes it —
for a watched folder and for a clone alike (git rewrites only the files a commit changed).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shlex
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit, urlunsplit

from knowledge.errors import BuildError
from knowledge.ingest import scan

GIT_TIMEOUT = 120.0  # seconds a clone or fetch may take before it is killed
LOCAL_TIMEOUT = 30.0  # seconds for git commands that do not touch the network
TOKEN_USER = "x-access-token"  # the user name sent with a token when the URL names none
# git asks this helper for credentials: it reads the token file named in the environment
# (a shell builtin prints it, so the token is in no process's arguments).
_CREDENTIAL_HELPER = (
    '!f() { test "$1" = get || exit 0; user=; while read -r line; do case "$line" in '
    'username=*) user=1;; esac; done; test -n "$user" || echo username=' + TOKEN_USER + "; "
    'printf "password=%s\\n" "$(cat "$VACBOT_GIT_TOKEN_FILE")"; }; f')


class SourceError(Exception):
    """Git could not clone or fetch the pages' repository (one line, no secrets)."""


@dataclass(frozen=True, slots=True)
class GitSpec:
    """`VACBOT_PAGES_GIT`: a clone URL, optionally `#branch` and `:sub-folder` after it."""

    url: str
    branch: str = ""  # "" = the repository's default branch
    folder: str = ""  # the pages' folder inside the repository ("" = all of it)

    @classmethod
    def parse(cls, raw: str) -> GitSpec:
        """`https://github.com/group/site.git#main:_posts` → url, branch, folder; ValueError
        (one line) for what git could not use or what would leak a password."""
        raw = raw.strip()
        url, _, fragment = raw.partition("#")
        branch, _, folder = fragment.partition(":")
        url, branch, folder = url.strip(), branch.strip(), folder.strip().strip("/")
        if not url:
            raise ValueError("no repository URL before '#'")
        if url.startswith("-") or any(c.isspace() for c in url):
            raise ValueError(f"{url!r} is not a clone URL")
        parts = urlsplit(url)
        if parts.password:
            raise ValueError("the URL contains a password or token: put the token in a file "
                             "and name it with VACBOT_GIT_TOKEN_FILE instead")
        if "://" not in url and not _scp_like(url) and not url.startswith("/"):
            raise ValueError(f"{url!r} is not a clone URL (https://…, ssh://…, "
                             "git@host:path or file:///path)")
        if branch and (branch.startswith("-") or ".." in branch or any(
                c.isspace() or c in "~^:?*[\\" for c in branch)):
            raise ValueError(f"{branch!r} is not a branch name")
        if folder:
            path = PurePosixPath(folder)
            if path.is_absolute() or ".." in path.parts or folder.startswith("-"):
                raise ValueError(f"the folder {folder!r} must be a path inside the repository")
            folder = str(path)
        return cls(url, branch, "" if folder == "." else folder)

    def shown(self) -> str:
        """The spec for logs and /status: the URL without any user name."""
        parts = urlsplit(self.url)
        url = self.url
        if parts.username and parts.hostname:
            host = parts.hostname + (f":{parts.port}" if parts.port else "")
            url = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
        where = f", branch {self.branch}" if self.branch else ""
        return url + where + (f", folder {self.folder}" if self.folder else "")


def _scp_like(url: str) -> bool:
    """git@github.com:group/site.git (ssh in scp syntax)."""
    host, colon, path = url.partition(":")
    return bool(colon and host and path and "/" not in host)


@dataclass(frozen=True, slots=True)
class GitAuth:
    """How a private repository is reached: a deploy key, or a file holding a token."""

    ssh_key: Path | None = None
    token_file: Path | None = None
    known_hosts: Path | None = None  # where ssh records hosts first seen (with ssh_key)


def git_environment(auth: GitAuth, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment git runs in: never prompting, English messages, and the credentials
    of `auth` passed by file name only."""
    env = dict(os.environ if base is None else base)
    env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", GIT_ASKPASS="true", SSH_ASKPASS="true")
    if auth.ssh_key is not None:
        ssh = ["ssh", "-i", str(auth.ssh_key), "-o", "IdentitiesOnly=yes",
               "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new"]
        if auth.known_hosts is not None:
            ssh += ["-o", f"UserKnownHostsFile={auth.known_hosts}"]
        env["GIT_SSH_COMMAND"] = shlex.join(ssh)
    if auth.token_file is not None:
        count = int(env.get("GIT_CONFIG_COUNT", "0") or 0)
        # an empty helper first: credential helpers configured elsewhere are not asked
        for n, value in enumerate(("", _CREDENTIAL_HELPER), start=count):
            env[f"GIT_CONFIG_KEY_{n}"] = "credential.helper"
            env[f"GIT_CONFIG_VALUE_{n}"] = value
        env["GIT_CONFIG_COUNT"] = str(count + 2)
        env["VACBOT_GIT_TOKEN_FILE"] = str(auth.token_file)
    return env


def run_git(args: list[str], env: dict[str, str], timeout: float,
            cwd: Path | None = None) -> str:
    """Run `git args`; its standard output. SourceError with git's own last words when it
    fails, or when it takes longer than `timeout` (git and every process it started are
    killed then)."""
    command = ["git", *args]
    try:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
    except OSError as exc:
        raise SourceError(f"cannot run git: {exc.strerror or exc} (is git installed?)") from exc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise SourceError(f"git {args[0]} took longer than {timeout:g} s and was stopped") \
            from None
    if proc.returncode != 0:
        lines = [line.strip() for line in err.splitlines() if line.strip()
                 and not line.startswith(("warning:", "hint:"))]
        fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
        why = (fatal or lines or [f"exit code {proc.returncode}"])[0]
        raise SourceError(f"git {args[0]} failed: {why[:400]}")
    return out


def fingerprint(folder: Path) -> str:
    """What the pages below `folder` are, for "did they change?": each page's path, size and
    modification time, and the inputs refused (a symlink); "" when the folder is unreadable."""
    try:
        inputs = scan(folder)
    except (BuildError, OSError):
        return ""
    digest = hashlib.sha256()
    for page in inputs.pages:
        try:
            st = page.path.stat()
        except OSError:
            continue
        digest.update(f"{page.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    for problem in inputs.problems:
        digest.update(f"!{problem.path}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Commit:
    id: str
    subject: str
    when: int  # unix time of the commit

    def __str__(self) -> str:
        subject = self.subject if len(self.subject) <= 80 else self.subject[:79] + "…"
        return f"{self.id[:10]} “{subject}”"


class Clone:
    """The repository of `spec`, cloned at `path` (shallow: the newest commit only)."""

    def __init__(self, spec: GitSpec, path: Path, auth: GitAuth = GitAuth(),
                 timeout: float = GIT_TIMEOUT) -> None:
        self.spec = spec
        self.path = path
        self.auth = auth
        self.timeout = timeout
        self.env = git_environment(auth)

    @property
    def pages(self) -> Path:
        return self.path / self.spec.folder if self.spec.folder else self.path

    def _git(self, *args: str, network: float = 0.0) -> str:
        """git in the clone; `network`: the time limit of a call that goes to the remote."""
        return run_git(list(args), self.env, network or LOCAL_TIMEOUT, cwd=self.path)

    def is_clone(self) -> bool:
        """A clone of this spec's URL is at `path`."""
        if not (self.path / ".git").is_dir():
            return False
        try:
            url = self._git("config", "--get", "remote.origin.url").strip()
            self._git("rev-parse", "--verify", "--quiet", "HEAD")
        except SourceError:
            return False
        return url == self.spec.url

    def prepare(self) -> bool:
        """Clone the repository unless it is cloned already; True when it was cloned now.
        A clone of another URL is replaced; a folder that is not a clone is left alone
        (SourceError)."""
        if self.is_clone():
            return False
        if self.path.exists() and not (self.path / ".git").exists() and any(self.path.iterdir()):
            raise SourceError(f"{self.path} exists and is not a clone of the pages' repository: "
                              "move it away, or point VACBOT_DB elsewhere")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        branch = ["--branch", self.spec.branch] if self.spec.branch else []
        run_git(["clone", "--quiet", "--depth", "1", "--no-tags", "--single-branch", *branch,
                 "--", self.spec.url, str(partial)], self.env, self.timeout)
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            self.path.rename(old)
        partial.rename(self.path)
        shutil.rmtree(old, ignore_errors=True)
        self.check_folder()
        return True

    def check_folder(self) -> None:
        if not self.pages.is_dir():
            raise SourceError(f"the repository has no folder {self.spec.folder!r} "
                              f"({self.spec.shown()})")

    def head(self) -> Commit:
        out = self._git("log", "-1", "--format=%H%x00%s%x00%ct", "HEAD").strip()
        parts = out.split("\0")
        if len(parts) != 3 or not parts[2].isdigit():
            raise SourceError(f"git log printed {out[:80]!r}, not a commit")
        return Commit(parts[0], parts[1], int(parts[2]))

    def update(self, timeout: float = 0.0) -> bool:
        """Fetch the branch and check out its newest commit; True when that changed it.
        `timeout`: the fetch's time limit (default the clone's)."""
        self._git("fetch", "--quiet", "--depth", "1", "--no-tags", "origin",
                  self.spec.branch or "HEAD", network=timeout or self.timeout)
        new = self._git("rev-parse", "--verify", "FETCH_HEAD^{commit}").strip()
        old = self._git("rev-parse", "--verify", "HEAD").strip()
        if new == old:
            return False
        self._git("reset", "--quiet", "--hard", new)
        self._git("clean", "--quiet", "-ffdx")
        return True


@dataclass(frozen=True, slots=True)
class Poll:
    """What one look at the source found."""

    changed: bool  # the pages differ from the ones seen last (a rebuild is due)
    fetched: bool = False  # a new commit was checked out
    error: str = ""  # why the repository could not be fetched ("" when it could)


class PageSource:
    """The pages folder the knowledge base is built from, and the clone it lives in when
    the pages come from a repository. `seen` is the fingerprint of the pages as they were
    at the last build (tried or done): `poll` reports a change only once."""

    def __init__(self, pages: Path, clone: Clone | None = None) -> None:
        self.pages = pages
        self.clone = clone
        self.seen = ""

    @classmethod
    def for_git(cls, spec: GitSpec, path: Path, auth: GitAuth = GitAuth(),
                timeout: float = GIT_TIMEOUT) -> PageSource:
        clone = Clone(spec, path, auth, timeout)
        return cls(clone.pages, clone)

    def describe(self) -> str:
        if self.clone is not None:
            return f"repository {self.clone.spec.shown()} (cloned in {self.clone.path})"
        return f"folder {self.pages}"

    def prepare(self) -> bool:
        """Clone the repository if there is no clone yet (True: cloned now)."""
        return self.clone.prepare() if self.clone is not None else False

    def commit(self) -> Commit | None:
        """The commit the clone has checked out (None for a folder or when unknown)."""
        if self.clone is None:
            return None
        try:
            return self.clone.head()
        except SourceError:
            return None

    def start(self, up_to_date: bool) -> None:
        """The knowledge base was just opened: from these pages (`up_to_date`), or from older
        ones (a rebuild was refused), in which case the first poll reports a change."""
        self.seen = fingerprint(self.pages) if up_to_date else ""

    def poll(self) -> Poll:
        """Fetch (a repository), then tell whether the pages changed since `seen`; the
        change is then taken as seen."""
        fetched, error = False, ""
        if self.clone is not None:
            try:
                fetched = self.clone.update()
            except SourceError as exc:
                error = str(exc)
        now = fingerprint(self.pages)
        changed = bool(now) and now != self.seen
        if changed:
            self.seen = now
        return Poll(changed, fetched, error)

    def built(self) -> None:
        """The knowledge base was rebuilt from the pages as they are now."""
        self.seen = fingerprint(self.pages)

    def forget(self) -> None:
        """Rebuild at the next poll even if the pages do not change (the last try failed
        for another reason than the pages)."""
        self.seen = ""
