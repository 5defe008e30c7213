"""Building and reading the SQLite knowledge base: all or nothing, safe search, diffs."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge import BuildError, KnowledgeBase, build, short_key
from knowledge.store import SCHEMA_VERSION
from tests.paths import SEEDS


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture()
def kb(seeds: Path, tmp_path: Path) -> KnowledgeBase:
    build(seeds, tmp_path / "kb.db")
    return KnowledgeBase(tmp_path / "kb.db")


def test_build_reports_counts_and_writes_all_tables(seeds: Path, tmp_path: Path) -> None:
    report = build(seeds, tmp_path / "kb.db")
    assert report.vacancies == 5 and report.sections > 25 and report.facts > 20
    assert "5 vacancies" in report.summary()
    db = sqlite3.connect(tmp_path / "kb.db")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"vacancies", "sections", "facts", "meta", "sections_fts"} <= tables
    version = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)


def test_vacancy_round_trips_with_sections_and_facts(kb: KnowledgeBase) -> None:
    v = kb.get("pancaim-pancreatic-cancer-phd")
    assert v is not None
    assert v.title.endswith("(PANCAIM)")
    assert v.people == ("Henkjan Huisman", "Geert Litjens")
    assert [s.order for s in v.sections] == list(range(len(v.sections)))
    assert v.facts and all(f.section < len(v.sections) for f in v.facts)
    assert kb.get("no-such-vacancy") is None


def test_listing_and_short_keys(kb: KnowledgeBase) -> None:
    assert len(kb) == 5
    met = kb.listing("metastatic-cancer-multimodal-phd")
    assert met is not None and met.closed and met.status == "closed"
    key = short_key("metastatic-cancer-multimodal-phd")
    assert len(key) == 10 and kb.id_for_key(key) == "metastatic-cancer-multimodal-phd"


@pytest.mark.parametrize("query", ['"salary" OR NEAR(', "'; DROP TABLE vacancies; --",
                                   "x" * 10_000, "*", "AND OR NOT", "🎓🎓", "col:value ^ -",
                                   "\x00\x1b[31m"])
def test_search_takes_any_text_as_words(kb: KnowledgeBase, query: str) -> None:
    results = kb.search(query)
    assert isinstance(results, list)
    assert len(kb) == 5  # and nothing was dropped


def test_search_ranks_the_matching_vacancy_first(kb: KnowledgeBase) -> None:
    assert kb.search("pancreatic")[0][0] == "pancaim-pancreatic-cancer-phd"
    assert kb.search("optical coherence tomography")[0][0] == "responsible-ai-cardiac-oct-phd"


def test_failed_build_keeps_the_previous_database(seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    build(seeds, db)
    before = db.read_bytes()
    (seeds / "broken.md").write_text("---\ntitle: T\nclosed: oops\n---\n\nbody\n")
    with pytest.raises(BuildError) as info:
        build(seeds, db)
    assert "broken.md:3" in str(info.value)
    assert db.read_bytes() == before
    assert len(KnowledgeBase(db)) == 5
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_every_problem_is_listed_not_just_the_first(seeds: Path, tmp_path: Path) -> None:
    (seeds / "empty.md").write_text("")
    (seeds / "binary.md").write_bytes(b"\x00\x01\x02")
    (seeds / "huge.md").write_text("title: Huge\n\n" + "word " * 2_500_000)
    with pytest.raises(BuildError) as info:
        build(seeds, tmp_path / "kb.db")
    reasons = {Path(p.path).name: p.reason for p in info.value.problems}
    assert "empty" in reasons["empty.md"]
    assert "binary" in reasons["binary.md"]
    assert "larger than" in reasons["huge.md"]
    assert not (tmp_path / "kb.db").exists()


def test_pages_with_the_same_name_get_distinct_ids(seeds: Path, tmp_path: Path) -> None:
    (seeds / "sub").mkdir()
    shutil.copy(seeds / "pancaim-pancreatic-cancer-phd.md", seeds / "sub")
    build(seeds, tmp_path / "kb.db")
    ids = {x.id for x in KnowledgeBase(tmp_path / "kb.db").listings}
    assert {"pancaim-pancreatic-cancer-phd", "sub__pancaim-pancreatic-cancer-phd"} <= ids
    assert len(ids) == 6


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    with pytest.raises(BuildError, match="no vacancy pages"):
        build(tmp_path / "none", tmp_path / "kb.db")


def test_diff_names_added_removed_changed_and_reopened(seeds: Path, tmp_path: Path) -> None:
    build(seeds, tmp_path / "a.db")
    old = KnowledgeBase(tmp_path / "a.db")
    (seeds / "breast-prostate-grading-phd.md").unlink()
    met = seeds / "metastatic-cancer-multimodal-phd.md"
    met.write_text(met.read_text().replace("closed: true", "closed: false"))
    (seeds / "new-postdoc.md").write_text("title: Postdoc in MRI\n\n## Background\nNew.\n")
    build(seeds, tmp_path / "b.db")
    change = old.diff(KnowledgeBase(tmp_path / "b.db"))
    assert change.added == ("Postdoc in MRI",)
    assert change.removed[0].startswith("Closing the gap")
    assert change.reopened == ("metastatic-cancer-multimodal-phd",)
    assert any(t.startswith("PhD position on Multi-modal") for t in change.changed)
