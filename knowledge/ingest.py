"""Read a folder of vacancy pages — any site's layout — and build the knowledge base.

Finding the pages (`scan`): every ``*.md`` / ``*.markdown`` file below the folder, in any
sub-folder, names with spaces included, and every ``*.html`` / ``*.htm`` file that opens with
front matter: Jekyll renders such a file as a page of the site (``jobs.html``), while one
without front matter, or in ``_layouts`` / ``_includes``, is a template or a fragment. Only
the folder itself is read: a symlink (to a file or a folder) and anything that resolves
outside the folder is refused and reported, and files are opened without following links.
Only regular files are read, checked before they are opened: a named pipe, a device or a
socket is refused (opening a pipe would wait forever), and so is a hard link to a file
outside the folder (a file with more links than the folder holds). Hidden folders and files
(``.git``) are skipped.

Ids: a page's id is its file name without extension; a bundle's ``index.md`` /
``_index.md`` / ``README.md`` is named after its folder. When several pages would get the same
id, each takes as many of its parent folders as it needs to be unique, joined with ``__``
(``_pages/jobs.md`` of two sites -> ``siteA___pages__jobs`` and ``siteB___pages__jobs``):
deterministic, and the same as the flattened file names of a copied site.

Which ``index.md`` / ``README.md`` is a vacancy page is decided by its content
(`is_vacancy_page`): a folder's README that explains the folder is skipped, a README that
lists thesis topics is a page.

Building (`build`): pages are parsed, their facts extracted and their status settled one by
one and written to the database as they come, so memory stays flat. Errors and warnings are
defined in `knowledge.errors`: a strict build (the default: `vacbot ingest`, `/reload`)
refuses a set with errors and keeps the previous knowledge base; `skip_bad=True` (a first
start, a damaged database) skips the bad pages, serves the others and reports them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.budget import OverBudget, check, time_limit
from knowledge.errors import BuildError, PageError, Problem, split_warning
from knowledge.model import Vacancy
from knowledge.parse import parse_file_bytes
from knowledge.store import write_database
from knowledge.text import MAX_PAGE_BYTES

PAGE_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")  # a page only with front matter (see `_html_page`)
TEMPLATE_FOLDERS = frozenset({"_layouts", "_includes"})
# a page is opened without following a link, and a pipe slipped in does not block the open
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
# Seconds one page may take to read (real pages: 10-30 ms; 1.6 MB of headings made to be slow:
# 25 s)
PAGE_SECONDS = 10.0
BUNDLE_NAMES = frozenset({"index", "_index", "readme"})
# Bump when what ingest extracts changes: `open_knowledge` rebuilds a database built by an
# older ingest even when no page changed.
INGEST_VERSION = "33"


@dataclass(frozen=True, slots=True)
class PageFile:
    id: str
    path: Path
    decide: bool = False  # an index/README: a page only if its content reads like a vacancy
    links: int = 1  # hard links to this file inside the folder: more are refused when read


@dataclass(frozen=True, slots=True)
class Inputs:
    """What `scan` found below a folder."""

    pages: tuple[PageFile, ...]
    problems: tuple[Problem, ...]  # refused inputs: symlinks, outside paths, unreadable folders
    skipped: tuple[Problem, ...]  # inputs left out on purpose (hidden, not Markdown)
    newest: float  # newest modification time of a page or folder (for "pages changed?")


@dataclass(frozen=True, slots=True)
class Folder:
    vacancies: tuple[Vacancy, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[Problem, ...]


# --- finding the pages ---------------------------------------------------------------------

def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def scan(folder: Path) -> Inputs:
    """The pages below `folder`, what was refused and what was skipped. Raises BuildError
    when `folder` is not a readable folder."""
    if not folder.is_dir():
        raise BuildError([Problem(str(folder), 0, "is not a folder of vacancy pages")])
    root = folder.resolve()
    found: list[tuple[str, Path, bool]] = []  # base id, path, decide
    inodes: dict[tuple[int, int], int] = {}  # (device, inode) -> links seen in the folder
    regular: list[tuple[Path, os.stat_result]] = []  # the pages' own lstat, before opening
    problems: list[Problem] = []
    skipped: list[Problem] = []
    newest = folder.stat().st_mtime

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(folder)
        problems.append(Problem(str(where), 0, f"cannot be read: {exc.strerror or exc}; "
                                               "its pages were not read"))

    for current, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(current)
        keep: list[str] = []
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink():
                problems.append(Problem(str(path), 0, "is a symlink to a folder; refused (only "
                                                      "the pages folder itself is read)"))
            elif _is_hidden(name):
                skipped.append(Problem(str(path), 0, "hidden folder; skipped"))
            else:
                keep.append(name)
                newest = max(newest, _mtime(path))
        dirs[:] = keep
        for name in sorted(files):
            path = here / name
            info = _lstat(path)
            is_page = (path.suffix.lower() in PAGE_SUFFIXES
                       or _html_page(path, path.relative_to(folder), info))
            if path.is_symlink():
                problems.append(Problem(str(path), 0, "is a symlink; refused (only files "
                                                      "inside the pages folder are read)"))
                continue
            if not _inside(path, root):
                problems.append(Problem(str(path), 0, "resolves outside the pages folder; "
                                                      "refused"))
                continue
            if info is not None and stat.S_ISREG(info.st_mode):
                inode = (info.st_dev, info.st_ino)
                inodes[inode] = inodes.get(inode, 0) + 1
            if _is_hidden(name):
                if is_page:
                    skipped.append(Problem(str(path), 0, "hidden file; skipped"))
                continue
            if not is_page:
                skipped.append(Problem(str(path), 0, "not a page (.md, .markdown, or .html "
                                                     "with front matter); ignored"))
                continue
            if info is None or not stat.S_ISREG(info.st_mode):
                problems.append(Problem(str(path), 0, f"is {_kind_of(info)}, not a regular "
                                                      "file; refused"))
                continue
            regular.append((path, info))
            newest = max(newest, info.st_mtime)
            stem, translation = path.stem, _bundle_page(path.stem)
            if translation is not None:  # "post/index.md", "post/index.de.md": the bundle's
                parent = path.parent if path.parent.resolve() != root else folder.resolve()
                found.append(((parent.name or stem) + translation, path, True))
            else:
                found.append((stem, path, False))
    links = {path: inodes.get((info.st_dev, info.st_ino), 1) for path, info in regular}
    for path, info in regular:
        if info.st_nlink > links[path]:
            problems.append(Problem(str(path), 0, _HARD_LINK))
    outside = {Path(p.path) for p in problems}
    found = [f for f in found if f[1] not in outside]
    ids = unique_ids([(base, path.relative_to(folder)) for base, path, _ in found])
    pages = tuple(PageFile(i, path, decide, links[path])
                  for i, (_, path, decide) in zip(ids, found, strict=True))
    return Inputs(pages, tuple(problems), tuple(skipped), newest)


_HARD_LINK = ("is a hard link to a file outside the pages folder (it has more links than "
              "the folder holds); refused")


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except OSError:
        return None


def _kind_of(info: os.stat_result | None) -> str:
    """What a file that is not a regular file is, for a problem's reason."""
    if info is None:
        return "unreadable"
    mode = info.st_mode
    return ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode)
            or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "a folder"
            if stat.S_ISDIR(mode) else "not a regular file")


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError):
        return False
    return True


_TRANSLATION = re.compile(r"\.[a-z]{2}(?:[-_][a-z]{2})?$", re.I)  # Hugo's "index.de"


def _bundle_page(stem: str) -> str | None:
    """For a bundle's page ("index", "_index", "README", or Hugo's translation of one,
    "index.de"): "" or the translation's suffix (".de"), which its id keeps; else None."""
    m = _TRANSLATION.search(stem)
    base, suffix = (stem[: m.start()], m.group(0).lower()) if m else (stem, "")
    return suffix if base.lower() in BUNDLE_NAMES else None


def unique_ids(pages: list[tuple[str, Path]]) -> list[str]:
    """One id per (base id, relative path): the base id when no other page has it, else
    extended with parent folder names ("__"-joined) until unique; deterministic."""
    groups: dict[str, list[int]] = {}
    for i, (base, _) in enumerate(pages):
        groups.setdefault(base.lower(), []).append(i)
    ids = [base for base, _ in pages]
    for members in groups.values():
        if len(members) < 2:
            continue
        chains = []
        for i in members:
            base, rel = pages[i]
            parents = list(rel.parent.parts)
            if _bundle_page(rel.stem) is not None and parents:
                parents = parents[:-1]
            chains.append((parents, base))
        depth = 1
        while True:
            names = [("__".join([*p[max(0, len(p) - depth):], b])) for p, b in chains]
            if len({n.lower() for n in names}) == len(names) or depth > max(
                    len(p) for p, _ in chains):
                break
            depth += 1
        for i, name in zip(members, names, strict=True):
            ids[i] = name
    seen: dict[str, int] = {}
    for i, name in enumerate(ids):  # still equal (same path but case): number them
        n = seen.get(name.lower(), 0)
        seen[name.lower()] = n + 1
        if n:
            ids[i] = f"{name}-{n + 1}"
    return ids


def _html_page(path: Path, relative: Path, info: os.stat_result | None) -> bool:
    """Is this HTML file a page of the site: a regular file that opens with front matter
    ("---"), outside the template folders? Its first bytes are read without following a
    link."""
    if (path.suffix.lower() not in HTML_SUFFIXES or info is None
            or not stat.S_ISREG(info.st_mode) or TEMPLATE_FOLDERS & set(relative.parts)):
        return False
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return False
    try:
        return os.read(fd, 8).lstrip(b"\xef\xbb\xbf").startswith((b"---\n", b"---\r"))
    finally:
        os.close(fd)


def read_bytes(path: Path, links: int = 1) -> bytes:
    """A page's bytes, never through a symlink, at most a little over MAX_PAGE_BYTES. Only a
    regular file with at most `links` hard links (those inside the pages folder) is read; it
    is checked before it is opened (a named pipe would block the open) and again after."""
    before = _lstat(path)
    if before is None or not stat.S_ISREG(before.st_mode):
        raise PageError(str(path), 0, f"is {_kind_of(before)}, not a regular file; refused")
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PageError(str(path), 0, f"is {_kind_of(info)}, not a regular file; refused")
        if info.st_nlink > links:
            raise PageError(str(path), 0, _HARD_LINK)
        if info.st_size > MAX_PAGE_BYTES:
            raise PageError(str(path), 0, f"file is {info.st_size / 1e6:.1f} MB, larger than the "
                            f"{MAX_PAGE_BYTES // 2**20} MB a vacancy page may be; not parsed")
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


# --- is an index / README a vacancy page? --------------------------------------------------

_JOB_WORDS = re.compile(
    r"\b(?:vacanc\w*|positions?|openings?|hiring|apply|applications?|applicants?|candidates?|"
    r"recruit\w*|jobs?|stellen\w*|stelle|bewerb\w*|ausschreibung\w*|abschlussarbeit\w*|"
    r"themenvorschl\w*|vacatures?|sollicit\w*|afstudeer\w*|thesis|theses|internships?|"
    r"supervision|betreuung|promotion\w*)\b", re.I)
_ABOUT_FOLDER = re.compile(
    r"\b(?:this (?:folder|directory|repository|repo)|front ?matter|\.md\b|markdown files?|"
    r"pull requests?|npm |pip install|git clone|build the site|jekyll serve|hugo server)", re.I)
MIN_WORDS = 40  # an index/README with less text is a list or a note, not a vacancy page
# A page that says it offers positions is a vacancy page however short: "applying for a
# position", "join us as ...", "we are looking for", "we welcome applicants", "wir suchen".
_OFFERS = re.compile(
    r"\b(?:apply(?:ing)?\s+for\s+(?:a|an|the|one\s+of\s+(?:our|the))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:positions?|vacanc\w+|jobs?|projects?)|join\s+(?:us|our\s+(?:lab|team|group)|the\s+"
    r"(?:lab|team|group))\s+as\b|(?:we\s+are|we're|are\s+you)\s+(?:currently\s+)?"
    r"(?:looking\s+for|hiring|seeking|recruiting)|(?:we\s+)?welcome\s+(?:[\w,-]+\s+){0,4}?"
    r"applica\w*|interested\s+in\s+(?:applying|joining)|open\s+positions?|wir\s+suchen|"
    r"(?:we|wij)\s+zoeken|zu\s+besetzen|ausgeschrieben)", re.I)
# a line that is only a link in a list: "- [Project A](a.md)"
_LINK_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]]*\]\([^)]*\)\s*[.,;]?\s*$")


def _link_list(v: Vacancy) -> bool:
    """Is the page's body mostly lines that are only links (a list of other pages)?"""
    lines = [ln for s in v.sections for ln in s.markdown.split("\n") if ln.strip()]
    return len(lines) >= 3 and sum(bool(_LINK_LINE.match(ln)) for ln in lines) >= 0.7 * len(
        lines)


def is_vacancy_page(v: Vacancy) -> tuple[bool, str]:
    """Does an index/README page read like a vacancy page? (yes/no, why)."""
    fields = [t for t in v.extra.values() if len(t.split()) >= 4]  # "application: We welcome"
    text = " ".join([v.title, v.description, *fields, *(s.text for s in v.sections)])
    words = len(text.split())
    if _link_list(v):
        return False, "it is a list of links to other pages"
    offers = _OFFERS.search(text) is not None
    if offers and (v.categories or len(_JOB_WORDS.findall(text)) >= 1 or "@" in text):
        return True, ""
    if words < MIN_WORDS:
        return False, f"only {words} words: a list or a note, not a vacancy page"
    if len(_ABOUT_FOLDER.findall(text)) >= 2:
        return False, "it describes the folder or the site, not a vacancy"
    if not (v.categories or len(_JOB_WORDS.findall(text)) >= 2):
        return False, "it names no position, vacancy or application"
    return True, ""


# --- reading pages -------------------------------------------------------------------------

def _pipeline(today: dt.date, with_facts: bool) -> Callable[[Vacancy], Vacancy]:
    if not with_facts:
        return lambda v: v
    from knowledge.facts import extract_facts
    from knowledge.sentences import sentences_of
    from knowledge.status import settle

    def enrich(v: Vacancy) -> Vacancy:
        check()  # the page's time budget, between the steps
        sentences = sentences_of(v)  # once: facts and status read the same sentences
        check()
        facts = extract_facts(v, sentences)
        check()
        return settle(replace(v, facts=facts), today, sentences)

    return enrich


@dataclass(slots=True)
class _Tally:
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: int = 0
    warned: list[Problem] = field(default_factory=list)  # each warning, with file and line


def iter_pages(inputs: Inputs, today: dt.date | None = None, with_facts: bool = True,
               tally: _Tally | None = None,
               page_seconds: float = PAGE_SECONDS) -> Iterator[Vacancy]:
    """Parse each page of `inputs` in turn, each within `page_seconds`; problems and skipped
    pages go to `tally`."""
    day = today or dt.date.today()
    enrich = _pipeline(day, with_facts)
    tally = tally if tally is not None else _Tally()
    for page in inputs.pages:
        try:
            with time_limit(page_seconds):
                vacancy = enrich(parse_file_bytes(read_bytes(page.path, page.links), page.id,
                                                  str(page.path), day))
        except PageError as exc:
            tally.problems.append(exc.problem)
            continue
        except OSError as exc:
            tally.problems.append(Problem(str(page.path), 0,
                                          f"cannot be read: {exc.strerror or exc}"))
            continue
        except OverBudget:
            tally.problems.append(Problem(str(page.path), 0, f"took more than {page_seconds:g} "
                                                             "s to read; not served"))
            continue
        except (RecursionError, MemoryError) as exc:
            what = "nested too deeply" if isinstance(exc, RecursionError) else "too large"
            tally.problems.append(Problem(str(page.path), 0, f"is {what} to be read "
                                                             f"({type(exc).__name__})"))
            continue
        if page.decide:
            ok, why = is_vacancy_page(vacancy)
            if not ok:
                tally.skipped.append(Problem(str(page.path), 0, f"not a vacancy page ({why}); "
                                                                 "skipped"))
                continue
        tally.warnings += len(vacancy.warnings)
        tally.warned += [Problem(str(page.path), *split_warning(w)) for w in vacancy.warnings]
        yield vacancy


def read_folder(folder: Path, today: dt.date | None = None, with_facts: bool = True,
                page_seconds: float = PAGE_SECONDS) -> Folder:
    """Parse every page; collect problems instead of stopping at the first. Keeps every
    vacancy in memory: for checks and tests; `build` streams."""
    inputs = scan(folder)
    tally = _Tally(list(inputs.problems), list(inputs.skipped))
    vacancies = tuple(iter_pages(inputs, today, with_facts, tally, page_seconds))
    return Folder(vacancies, tuple(tally.problems), tuple(tally.skipped))


# --- building ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BuildReport:
    vacancies: int
    sections: int
    facts: int
    warnings: int
    seconds: float
    db: Path
    problems: tuple[Problem, ...] = ()  # pages skipped (only with skip_bad=True)
    skipped: tuple[Problem, ...] = ()  # inputs left out on purpose
    warned: tuple[Problem, ...] = ()  # every warning of a page served, with file and line
    status_day: dt.date | None = None  # the day open/closed was settled for (deadlines)

    def summary(self) -> str:
        skipped = f", {len(self.problems)} page(s) skipped" if self.problems else ""
        return (f"{self.vacancies} vacancies, {self.sections} sections, {self.facts} facts, "
                f"{self.warnings} warnings{skipped} in {self.seconds:.2f}s -> {self.db}")


class _Strict(Exception):
    """Raised inside a strict build's page stream to stop the write."""


def build(folder: Path, db: Path, today: dt.date | None = None,
          skip_bad: bool = False, page_seconds: float = PAGE_SECONDS) -> BuildReport:
    """Parse `folder` and replace the database at `db`, writing pages as they are parsed.

    Strict (default): any error (see `knowledge.errors`) raises BuildError listing every
    problem, and the existing database is left untouched. `skip_bad=True`: pages with errors
    are skipped and listed in the report. A folder with no readable page is always an error.
    A page that takes more than `page_seconds` to read is an error naming it.

    Whether a vacancy is open is settled for `today` (default: the machine's date); that day
    is stored in the database's meta as `status_day`, so that a deadline passing later is
    noticed (`knowledge.opening.stale_reason`).
    """
    start = time.perf_counter()
    day = today or dt.date.today()
    inputs = scan(folder)
    tally = _Tally(list(inputs.problems), list(inputs.skipped))
    if not inputs.pages:
        raise BuildError([*tally.problems, Problem(str(folder), 0, "contains no vacancy pages "
                                                                   "(*.md, *.markdown)")])

    def stream() -> Iterator[Vacancy]:
        served = 0
        for v in iter_pages(inputs, day, True, tally, page_seconds):
            if tally.problems and not skip_bad:
                continue  # keep reading to report every problem, write nothing more
            served += 1
            yield v
        if (tally.problems and not skip_bad) or not served:
            raise _Strict  # nothing is replaced

    meta = {"seeds": str(folder.resolve()), "ingest_version": INGEST_VERSION,
            "status_day": day.isoformat()}
    try:
        counts = write_database(stream(), db, meta)
    except _Strict:
        raise BuildError(tally.problems or [Problem(str(folder), 0, "contains no readable "
                                                                   "vacancy page")]) from None
    return BuildReport(counts["vacancies"], counts["sections"], counts["facts"], tally.warnings,
                       time.perf_counter() - start, db, tuple(tally.problems),
                       tuple(tally.skipped), tuple(tally.warned), day)
