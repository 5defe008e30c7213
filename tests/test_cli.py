"""The `vacbot` command, invoked in-process."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from tests.paths import SEEDS


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_ingest_prints_a_one_line_summary(tmp_path: Path) -> None:
    code, out, _ = run("ingest", "--seeds", str(SEEDS), "--db", str(tmp_path / "kb.db"))
    assert code == 0
    assert out.count("\n") == 1
    assert "5 vacancies" in out and "sections" in out and "facts" in out and "warnings" in out


def test_ingest_uses_environment_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VACBOT_SEEDS_DIR", str(SEEDS))
    monkeypatch.setenv("VACBOT_DB", str(tmp_path / "env.db"))
    assert run("ingest")[0] == 0
    assert (tmp_path / "env.db").exists()


def test_ingest_failure_names_the_file_and_keeps_the_database(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    db = tmp_path / "kb.db"
    assert run("ingest", "--seeds", str(seeds), "--db", str(db))[0] == 0
    (seeds / "bad.md").write_text("title: T\nclosed: perhaps\n\n## Background\nx\n")
    code, _, err = run("ingest", "--seeds", str(seeds), "--db", str(db))
    assert code == 1
    assert "bad.md:2" in err and "closed" in err
    assert db.exists()


def test_check_passes_on_the_seeds_and_reports_repairs() -> None:
    code, out, _ = run("check", "--seeds", str(SEEDS))
    assert code == 0
    assert "mojibake" in out
    assert "5 pages ok (2 with warnings), 0 with errors" in out
    assert "breast-prostate-grading-phd.md:11: repaired mojibake" in out


def test_check_reports_errors_warnings_and_skipped_inputs(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("title: T\n\n## Zebra crossings\nThe group is nice.\n")
    (tmp_path / "untitled.md").write_text("groups: diag\n\n## Background\nx\n")
    (tmp_path / "bad.md").write_text("title: T\nclosed: perhaps\n\n## Background\nx\n")
    (tmp_path / "notes.txt").write_text("not a page")
    code, out, _ = run("check", "--seeds", str(tmp_path))
    assert code == 1
    assert "error " + str(tmp_path / "bad.md") + ":2: 'closed' must be true or false" in out
    assert str(tmp_path / "untitled.md") + ":1: no title field or heading" in out
    assert str(tmp_path / "ok.md") + ":3: unknown heading 'Zebra crossings'" in out
    assert "skipped " + str(tmp_path / "notes.txt") + ": not a page" in out
    assert out.strip().splitlines()[-1].startswith("2 pages ok (2 with warnings), 1 with errors")


def test_check_fails_on_an_empty_folder(tmp_path: Path) -> None:
    code, out, _ = run("check", "--seeds", str(tmp_path))
    assert code == 1
    assert "no vacancy pages" in out and "0 pages ok" in out


def test_ingest_refuses_a_set_with_an_error_unless_told_to_skip_it(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "binary.md").write_bytes(b"\x00\x01")
    db = tmp_path / "kb.db"
    code, _, err = run("ingest", "--seeds", str(seeds), "--db", str(db))
    assert code == 1 and "binary.md" in err and not db.exists()
    code, out, err = run("ingest", "--seeds", str(seeds), "--db", str(db), "--skip-bad")
    assert code == 0 and "5 vacancies" in out and "1 page(s) skipped" in out
    assert "skipped " + str(seeds / "binary.md") + ": file is binary" in err


@pytest.mark.parametrize("today, status", [("2025-01-10", "open"), ("2025-01-20", "closed")])
def test_today_settles_open_or_closed_for_a_reproducible_run(tmp_path: Path, today: str,
                                                            status: str) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "phd.md").write_text("title: PhD in zebrafish imaging\n\n## How to apply\n"
                                  "Apply before 15 January 2025 to jane.doe@uni.nl.\n")
    code, out, _ = run("ask", "--json", "--today", today, "--seeds", str(pages), "--db",
                       str(tmp_path / f"{today}.db"), "is the zebrafish PhD still open?")
    assert code == 0 and f'"status": "{status}"' in out


def test_a_day_that_is_no_date_is_refused() -> None:
    with pytest.raises(SystemExit):
        run("ask", "--today", "2025-13-01", "hello")
