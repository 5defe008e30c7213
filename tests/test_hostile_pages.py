"""Hostile pages: every page is read in bounded time and memory, only regular files of the
pages folder are read, and a page that cannot be read is named and skipped while the others
are served. The pages are made here, in the test's own folder."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from knowledge import BuildError, KnowledgeBase, build, open_knowledge, read_folder
from knowledge.ingest import PAGE_SECONDS, Folder
from knowledge.parse import MAX_TITLE
from tests.paths import SEEDS

GOOD = "pancaim-pancreatic-cancer-phd"
BODY = "\n# PhD position\n\nWe offer a PhD position in imaging. Contact jan@uni.de.\n"


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A pages folder with one good page."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SEEDS / f"{GOOD}.md", folder)
    return folder


def read(folder: Path, limit: float = 5.0, page_seconds: float = PAGE_SECONDS) -> Folder:
    """Read the folder as `vacbot check` does; it must take less than `limit` seconds."""
    start = time.perf_counter()
    result = read_folder(folder, page_seconds=page_seconds)
    took = time.perf_counter() - start
    assert took < limit, f"reading took {took:.1f} s"
    return result


def served(result: Folder) -> list[str]:
    return [v.id for v in result.vacancies]


def problems(result: Folder) -> list[str]:
    return [str(p) for p in result.problems]


# ---- front matter that would never finish ----------------------------------------------

def billion_laughs() -> str:
    lines = ["---", "title: PhD position", 'a: &a ["lol","lol","lol","lol","lol","lol","lol",'
             '"lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join([*lines, "---", BODY])


HEADERS = {
    # 425 bytes that expand to 387 million values
    "laughs.md": (billion_laughs(), "laughs.md:7: YAML aliases in the front matter expand to "
                                    "more than 10,000 values"),
    "recursive.md": ("---\ntitle: PhD position\ntags: &x [a, *x]\n---\n" + BODY,
                     "recursive.md:3: a YAML alias in the front matter contains itself"),
    "toml.md": ("+++\ntitle = 'PhD position'\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n" + BODY,
                "toml.md:3: front matter nests more than 50 lists or tables deep"),
    "deep-yaml.md": ("---\ntitle: " + "[" * 8192 + "\n---\n" + BODY,
                     "deep-yaml.md:2: front matter nests more than 50 lists or tables deep"),
}


@pytest.mark.parametrize("name", HEADERS)
def test_a_header_that_would_never_finish_is_named_and_skipped(pages: Path, name: str) -> None:
    text, problem = HEADERS[name]
    (pages / name).write_text(text, encoding="utf-8")
    result = read(pages, limit=3)
    assert served(result) == [GOOD]
    [found] = problems(result)
    assert found == f"{pages / problem}; the page is not read"


def test_a_first_start_serves_the_other_pages_and_reload_names_the_files(
        pages: Path, tmp_path: Path) -> None:
    for name, (text, _) in HEADERS.items():
        (pages / name).write_text(text, encoding="utf-8")
    db = tmp_path / "kb.db"
    kb, report = open_knowledge(pages, db, dt.date(2024, 6, 1))  # the bot's first start
    assert [v.id for v in kb.listings] == [GOOD] and report.built
    assert sorted(Path(p.path).name for p in report.problems) == sorted(HEADERS)
    kb.close()
    with pytest.raises(BuildError) as refused:  # /reload: strict, every file named
        build(pages, db, dt.date(2024, 6, 2))
    assert sorted(Path(p.path).name for p in refused.value.problems) == sorted(HEADERS)
    assert KnowledgeBase(db).status_day == "2024-06-01"  # the previous one is kept


def test_aliases_that_stay_small_are_still_read(pages: Path) -> None:
    (pages / "anchors.md").write_text(
        "---\ntitle: PhD position in imaging\ncontact: &c Jan Jansen\npi: *c\n"
        "tags: &t [phd, imaging]\ncategories: *t\n---\n" + BODY, encoding="utf-8")
    result = read(pages)
    assert sorted(served(result)) == ["anchors", GOOD] and problems(result) == []


# ---- text that used to take quadratic time ----------------------------------------------

def body_page(text: str) -> str:
    return "---\ntitle: PhD position in imaging\n---\n\n# Requirements\n\n" + text + "\n" + BODY


LINKS = " ".join(f"[link {n}](https://example.org/{n})" for n in range(3000))
SLOW_TEXT = {  # (text, seconds it took before on a quiet 2-core machine)
    "dr-8k": ("Dr. " * 2048, 0.6),
    "dr-32k": ("Dr. " * 8192, 10),
    "brackets-32k": ("[" * 32768 + "](", 20),
    "brackets-with-address-32k": ("[" * 32768 + " jan@uni.de](", 38),
    "empty-links-32k": ("[](" * 10923, 39),
    "links-3000": (LINKS, 15),
    "liquid-32k": ("{%" * 16384, 12),
    "definition-terms-32k": ("<dt>" * 8192, 4),
    "attribute-lists-32k": ("{:" * 16384, 4),
}


@pytest.mark.parametrize("name", SLOW_TEXT)
def test_text_is_read_in_time_linear_in_its_size(pages: Path, name: str) -> None:
    text, _ = SLOW_TEXT[name]
    (pages / f"{name}.md").write_text(body_page(text), encoding="utf-8")
    result = read(pages, limit=2.5)
    assert sorted(served(result)) == sorted([name, GOOD]) and problems(result) == []


def test_links_with_a_bracketed_address_still_count(pages: Path) -> None:
    (pages / "masked.md").write_text(body_page(
        "Send your application to Ada via [email](mailto:a.[insert_lastname]@uni-koeln.de)."),
        encoding="utf-8")
    [page] = [v for v in read(pages).vacancies if v.id == "masked"]
    assert "a.[insert_lastname]@uni-koeln.de" in {f.value for f in page.facts}


def test_a_page_of_1_6_mb_of_titles_is_read_and_served(pages: Path) -> None:
    (pages / "doctors.md").write_text(body_page("Dr. " * 400_000), encoding="utf-8")
    result = read(pages, limit=20)
    assert sorted(served(result)) == ["doctors", GOOD] and problems(result) == []


def test_a_page_over_its_time_budget_is_named_and_skipped(pages: Path, tmp_path: Path) -> None:
    (pages / "headings.md").write_text(body_page("\n# x\n" * 30_000), encoding="utf-8")
    result = read(pages, limit=5, page_seconds=0.3)  # read whole, it takes 2 s
    assert served(result) == [GOOD]
    assert problems(result) == [f"{pages / 'headings.md'}: took more than 0.3 s to read; "
                                "not served"]
    report = build(pages, tmp_path / "kb.db", skip_bad=True, page_seconds=0.3)
    assert report.vacancies == 1 and [Path(p.path).name for p in report.problems] == [
        "headings.md"]


# ---- only regular files of the folder ------------------------------------------------------

@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / ".env"
    secret.parent.mkdir()
    secret.write_text("TELEGRAM_BOT_TOKEN=123:secret\n\n# Vacancy\n\nA PhD position.\n",
                      encoding="utf-8")
    return secret


def test_a_hard_link_to_a_file_outside_is_refused(pages: Path, outside: Path) -> None:
    os.link(outside, pages / "env.md")
    result = read(pages)
    assert served(result) == [GOOD]
    assert problems(result) == [f"{pages / 'env.md'}: is a hard link to a file outside the "
                                "pages folder (it has more links than the folder holds); "
                                "refused"]


def test_hard_links_within_the_folder_are_read(pages: Path) -> None:
    (pages / "sub").mkdir()
    os.link(pages / f"{GOOD}.md", pages / "sub" / "twin.md")
    assert sorted(served(read(pages))) == [GOOD, "twin"]


@pytest.fixture
def special_files(pages: Path) -> Iterator[list[str]]:
    """A named pipe and a socket called like pages (and a device, where one can be made)."""
    os.mkfifo(pages / "pipe.md")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(pages / "socket.md"))
    names = ["pipe.md", "socket.md"]
    try:
        os.mknod(pages / "device.md", 0o600 | 0o020000, os.makedev(1, 3))  # like /dev/null
        names.append("device.md")
    except (PermissionError, AttributeError):
        pass
    yield names
    listener.close()


def test_pipes_sockets_and_devices_are_refused_without_opening_them(
        pages: Path, special_files: list[str]) -> None:
    result = read(pages, limit=3)  # opening the pipe would wait forever for a writer
    assert served(result) == [GOOD]
    kinds = {"pipe.md": "a named pipe (FIFO)", "socket.md": "a socket", "device.md": "a device"}
    assert sorted(problems(result)) == sorted(
        f"{pages / name}: is {kinds[name]}, not a regular file; refused"
        for name in special_files)


def test_check_reports_each_refused_file(pages: Path, outside: Path,
                                         special_files: list[str]) -> None:
    os.link(outside, pages / "env.md")
    out = io.StringIO()
    assert cli_main(["check", "--seeds", str(pages)], out=out, err=io.StringIO()) == 1
    errors = [line for line in out.getvalue().splitlines() if line.startswith("error ")]
    assert sorted(Path(line.split(": ", 1)[0][6:]).name for line in errors) == sorted(
        [*special_files, "env.md"])


def test_check_escapes_file_names(pages: Path) -> None:
    evil = "evil\nerror forged.md: all fine\x1b[2J.md"
    (pages / evil).write_text("# PhD position\n\nA PhD position.\n", encoding="utf-8")
    out = io.StringIO()
    cli_main(["check", "--seeds", str(pages)], out=out, err=io.StringIO())
    lines = out.getvalue().splitlines()
    assert not any(line.startswith("error forged.md") for line in lines)
    assert "\x1b" not in out.getvalue()
    assert any("evil\\nerror forged.md: all fine\\x1b[2J.md" in line for line in lines)


# ---- what a page may be ----------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_page_is_read(pages: Path, encoding: str) -> None:
    text = ("---\ntitle: Doktorandenstelle Bildanalyse (m/w/d)\n---\n\n## Aufgaben\n\n"
            "Wir suchen eine Doktorandin. Kontakt: Jana Jansen (jana@uni-bonn.de).\n")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (pages / "utf16.md").write_bytes(data)
    result = read(pages)
    [page] = [v for v in result.vacancies if v.id == "utf16"]
    assert page.title == "Doktorandenstelle Bildanalyse (m/w/d)" and problems(result) == []
    assert any(f.value == "jana@uni-bonn.de" for f in page.facts)


def test_a_title_of_11000_characters_is_cut(pages: Path) -> None:
    title = " ".join(f"word{n}" for n in range(1_600))  # 11,189 characters
    (pages / "long.md").write_text(f"---\ntitle: {title}\n---\n" + BODY, encoding="utf-8")
    [page] = [v for v in read(pages).vacancies if v.id == "long"]
    assert len(page.title) <= MAX_TITLE and page.title.endswith("…")
    assert title.startswith(page.title[:-1])
    assert f"line 2: the title is {len(title):,} characters long; cut to" in " ".join(
        page.warnings)
