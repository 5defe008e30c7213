"""Finding and building pages of any site: layouts, ids, refused inputs, lenient and strict
builds, crashed builds, and the one way to open the knowledge base."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from knowledge import (
    BuildError,
    KnowledgeBase,
    KnowledgeError,
    SchemaError,
    build,
    open_knowledge,
    read_folder,
    reload_knowledge,
)
from knowledge.ingest import scan, unique_ids
from knowledge.opening import stale_reason
from knowledge.store import stray_temp_files
from tests.paths import CORPUS_DAY, DEADLINE_PAGE, NEXT_DAY, SEEDS, need_corpus, need_sites

PAGE = "---\ntitle: {title}\n---\n\nWe are hiring a PhD student. Apply by e-mail to jane@x.org.\n"


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(SEEDS, folder)
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the real folders ------------------------------------------------------------------------

@pytest.mark.parametrize("tree", [False, True], ids=["flat", "tree"])
def test_every_page_of_other_sites_ingests(tree: bool, tmp_path: Path) -> None:
    folder = need_sites(tree)
    report = build(folder, tmp_path / "kb.db", CORPUS_DAY)
    assert report.vacancies == 48 and report.problems == ()
    kb = KnowledgeBase(tmp_path / "kb.db")
    ids = [x.id for x in kb.listings]
    assert len(set(ids)) == 48
    assert all(x.title and "&#" not in x.title and "<" not in x.title for x in kb.listings)


def test_flat_ids_are_the_file_names_and_markdown_files_count() -> None:
    folder = need_sites()
    ids = {p.id for p in scan(folder).pages}
    assert ("UGent-BusinessInformatics__ugent-businessinformatics.github.io___posts__"
            "2024-01-25-PostDocJobOpenings") in ids
    assert ("Fachschaft-FB12__Digitales-Brett__Jobangebote und Praktika__2023-11-23-BioInfo_SHK"
            in ids)
    assert ids == {p.stem for p in folder.iterdir()}


def test_tree_ids_are_unique_bundle_names_and_readmes_decided_by_content() -> None:
    pages = {p.id: p for p in scan(need_sites(tree=True)).pages}
    assert "Hiwi" in pages and pages["Hiwi"].path.name == "index.md"
    assert pages["Lehrstuhl-BWL-EvIS__abschlussarbeiten"].path.name == "README.md"
    jobs = sorted(i for i in pages if i.endswith("jobs"))
    assert len(jobs) == len(set(jobs)) >= 5
    result = read_folder(need_sites(tree=True), CORPUS_DAY, with_facts=False)
    assert len(result.vacancies) == 48 and result.skipped == ()


def test_the_diag_corpus_still_ingests_whole(tmp_path: Path) -> None:
    report = build(need_corpus(), tmp_path / "kb.db", CORPUS_DAY)
    assert report.vacancies == 120 and report.problems == ()


# --- layouts and ids -------------------------------------------------------------------------

def test_markdown_files_bundles_and_paths_with_spaces_are_pages(tmp_path: Path) -> None:
    write(tmp_path / "a.markdown", PAGE.format(title="A"))
    write(tmp_path / "Jobs und Praktika" / "b c.md", PAGE.format(title="B"))
    write(tmp_path / "content" / "hiwi" / "index.md", PAGE.format(title="C"))
    write(tmp_path / ".git" / "x.md", PAGE.format(title="hidden"))
    write(tmp_path / "logo.png", "png")
    inputs = scan(tmp_path)
    assert sorted(p.id for p in inputs.pages) == ["a", "b c", "hiwi"]
    assert {Path(p.path).name for p in inputs.skipped} == {".git", "logo.png"}


def test_an_html_page_with_front_matter_is_a_page_and_a_template_is_not(tmp_path: Path) -> None:
    page = ("---\nlayout: default\ntitle: Jobs\n---\n<h2>Open PhD positions</h2>\n<p>We are "
            "looking for PhD students in computer vision. Please send your CV and two "
            "references to <a href=\"mailto:%6A%6F%62%73@lab.example.org\">us</a>.</p>\n")
    write(tmp_path / "site" / "jobs.html", page)
    write(tmp_path / "site" / "_layouts" / "post.html", "---\nlayout: default\n---\n{{ content }}")
    write(tmp_path / "site" / "_includes" / "footer.html", "<footer>Lab</footer>")
    write(tmp_path / "site" / "about.htm", "<p>No front matter: not rendered as a page.</p>")
    inputs = scan(tmp_path)
    assert [p.id for p in inputs.pages] == ["jobs"]
    assert {Path(p.path).name for p in inputs.skipped} == {"post.html", "footer.html",
                                                           "about.htm"}
    build(tmp_path, tmp_path / "kb.db")
    vacancy = KnowledgeBase(tmp_path / "kb.db").get("jobs")
    assert vacancy is not None and vacancy.category == "phd"
    facts = {(f.kind.value, f.value) for f in vacancy.facts}
    # the address is written percent-encoded in the link, as mailto allows
    assert ("email", "jobs@lab.example.org") in facts
    assert {("document", "CV"), ("document", "two references")} <= facts
    # only the folders inside the pages folder decide: a checkout kept under "_includes"
    # is read as any other
    shutil.copytree(tmp_path / "site", tmp_path / "_includes" / "checkout")
    assert [p.id for p in scan(tmp_path / "_includes" / "checkout").pages] == ["jobs"]


def test_a_bundle_translated_is_named_after_its_folder_and_language(tmp_path: Path) -> None:
    """Hugo's translations of a bundle ("post/jobs/index.de.md", "index.en.md") are the
    bundle's pages in those languages, named after the bundle like its "index.md"."""
    write(tmp_path / "post" / "hiwis" / "index.en.md", PAGE.format(title="Student assistants"))
    write(tmp_path / "post" / "phd" / "index.de.md", PAGE.format(title="Doktorandenstelle"))
    write(tmp_path / "post" / "phd" / "index.en.md", PAGE.format(title="PhD position"))
    write(tmp_path / "jobs.de.md", PAGE.format(title="Stellen"))
    assert sorted(p.id for p in scan(tmp_path).pages) == ["hiwis.en", "jobs.de", "phd.de",
                                                           "phd.en"]


def test_duplicate_names_take_their_folders_deterministically() -> None:
    pages = [("jobs", Path("siteA/_pages/jobs.md")), ("jobs", Path("siteB/_pages/jobs.md")),
             ("jobs", Path("siteC/docs/jobs.md")), ("openings", Path("x/openings/index.md")),
             ("openings", Path("y/src/openings.md")), ("other", Path("other.md"))]
    assert unique_ids(pages) == ["siteA___pages__jobs", "siteB___pages__jobs",
                                 "siteC__docs__jobs", "x__openings", "src__openings", "other"]
    assert unique_ids(list(reversed(pages))) == list(reversed(unique_ids(pages)))


@pytest.mark.parametrize("name, text, kept", [
    ("README.md", "# Our vacancy pages\n\nThis folder holds the pages; each .md file is one "
     "vacancy with front matter. Open a pull request to add one. " + "More notes. " * 20, False),
    ("_index.md", "---\ntitle: Jobs\n---\n\nSee below.\n", False),
    ("README.md", "# Thesis topics\n\n" + "We offer master thesis topics in data modelling; "
     "apply by e-mail to the supervisor named with each topic. " * 4, True),
    # short, but it says it offers positions
    ("index.md", "---\ntitle: Join Us\n---\n\nIf you are interested in applying for a "
     "position in our lab, please contact lab@example.org.\n", True),
    ("index.md", "---\ntitle: We are looking for Masters Students!\n---\n\nPlease contact "
     "Ada Lovelace (ada@example.org) for details.\n", True),
    # a bare list of links to other pages, however it is titled
    ("index.md", "---\ntitle: Open positions\n---\n\n- [PhD in optics](phd.md)\n"
     "- [Postdoc in lasers](postdoc.md)\n- [MSc thesis on lenses](msc.md)\n", False),
])
def test_an_index_or_readme_is_a_page_only_when_it_reads_like_one(
        tmp_path: Path, name: str, text: str, kept: bool) -> None:
    write(tmp_path / "topics" / name, text)
    write(tmp_path / "job.md", PAGE.format(title="Job"))
    result = read_folder(tmp_path, CORPUS_DAY)
    assert ("topics" in {v.id for v in result.vacancies}) is kept
    assert bool(result.skipped) is not kept
    if not kept:
        assert "not a vacancy page" in result.skipped[0].reason


# --- only the pages folder is read -------------------------------------------------------------

def test_symlinks_and_paths_outside_the_folder_are_refused(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    write(pages / "job.md", PAGE.format(title="Job"))
    secret = write(tmp_path / ".env", "TELEGRAM_BOT_TOKEN=123:secret\n")
    os.symlink(secret, pages / "leak.md")
    os.symlink(tmp_path, pages / "up")
    result = read_folder(pages, CORPUS_DAY)
    assert [v.id for v in result.vacancies] == ["job"]
    refused = {Path(p.path).name: p.reason for p in result.problems}
    assert "symlink" in refused["leak.md"] and "symlink" in refused["up"]
    with pytest.raises(BuildError) as info:
        build(pages, tmp_path / "kb.db")
    assert any("leak.md" in p.path for p in info.value.problems)
    report = build(pages, tmp_path / "kb.db", skip_bad=True)
    assert report.vacancies == 1 and len(report.problems) == 2
    text = " ".join(s.text for v in [KnowledgeBase(tmp_path / "kb.db").get("job")] if v
                    for s in v.sections)
    assert "secret" not in text


def test_an_unreadable_sub_folder_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every folder; permissions cannot be tested")
    write(tmp_path / "job.md", PAGE.format(title="Job"))
    locked = tmp_path / "locked"
    write(locked / "x.md", PAGE.format(title="X"))
    locked.chmod(0)
    try:
        result = read_folder(tmp_path, CORPUS_DAY)
    finally:
        locked.chmod(0o755)
    assert any("cannot be read" in p.reason for p in result.problems)


# --- lenient and strict builds ---------------------------------------------------------------

def test_a_bad_page_never_silences_the_others_on_a_first_build(seeds: Path,
                                                               tmp_path: Path) -> None:
    write(seeds / "binary.md", "").write_bytes(b"\x00\x01binary")
    write(seeds / "untitled.md", "---\nlayout: post\nenddate: 2022-09-31\n---\n\nWe hire.\n")
    kb, report = open_knowledge(seeds, tmp_path / "kb.db", CORPUS_DAY)
    assert report.built and len(kb) == 6
    assert [Path(p.path).name for p in report.problems] == ["binary.md"]
    assert any("binary.md" in line for line in report.lines())


def test_a_rebuild_with_an_error_keeps_the_previous_knowledge_base(seeds: Path,
                                                                   tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    kb, _ = open_knowledge(seeds, db, CORPUS_DAY)
    kb.close()
    before = db.read_bytes()
    write(seeds / "zz-bad.md", "title: T\nclosed: sometimes\n\nText.\n")
    os.utime(seeds / "zz-bad.md", (db.stat().st_mtime + 10, db.stat().st_mtime + 10))
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)
    assert report.kept_previous and not report.built and len(kb) == 5
    assert "zz-bad.md:2" in "\n".join(report.lines())
    assert db.read_bytes() == before
    with pytest.raises(BuildError):
        reload_knowledge(seeds, db, CORPUS_DAY)
    assert db.read_bytes() == before


def test_a_damaged_database_is_rebuilt_from_the_pages(seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(SchemaError):
        KnowledgeBase(db)
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)
    assert report.built and "damaged" in report.reason and len(kb) == 5


def test_a_database_of_another_folder_is_rebuilt(seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    build(SEEDS, db, CORPUS_DAY)
    (seeds / "metastatic-cancer-multimodal-phd.md").unlink()
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)
    assert report.built and "another folder" in report.reason and len(kb) == 4


def is_closed(kb: KnowledgeBase, vacancy_id: str) -> bool:
    return {x.id: x.closed for x in kb.listings}[vacancy_id]


def test_a_deadline_that_passed_since_the_build_rebuilds_and_closes(seeds: Path,
                                                                    tmp_path: Path) -> None:
    write(seeds / "zebra.md", DEADLINE_PAGE)
    db = tmp_path / "kb.db"
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)
    assert report.built and kb.status_day == "2024-06-01" and not is_closed(kb, "zebra")
    kb.close()
    assert stale_reason(seeds, db, CORPUS_DAY) == ""
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)
    assert not report.built and not report.lines()
    kb.close()
    assert stale_reason(seeds, db, NEXT_DAY) == "statuses were computed on 2024-06-01"
    kb, report = open_knowledge(seeds, db, NEXT_DAY)
    assert report.built and report.reason == "statuses were computed on 2024-06-01"
    assert report.build is not None and report.build.status_day == NEXT_DAY
    assert kb.status_day == "2024-06-02" and is_closed(kb, "zebra")
    kb.close()


def test_vacancies_closed_while_the_clock_ran_ahead_reopen_when_it_is_set_back(
        seeds: Path, tmp_path: Path) -> None:
    write(seeds / "zebra.md", DEADLINE_PAGE)
    db = tmp_path / "kb.db"
    ahead = CORPUS_DAY + dt.timedelta(days=400)  # a clock that ran ahead by a year
    kb, report = open_knowledge(seeds, db, ahead)
    assert report.built and is_closed(kb, "zebra")
    kb.close()
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)  # set back: the deadline is today
    assert report.built and report.reason == "statuses were computed on 2025-07-06"
    assert kb.status_day == "2024-06-01" and not is_closed(kb, "zebra")
    kb.close()


def test_a_failed_rebuild_for_a_new_day_keeps_the_previous_knowledge_base(
        seeds: Path, tmp_path: Path) -> None:
    write(seeds / "zebra.md", DEADLINE_PAGE)
    db = tmp_path / "kb.db"
    build(seeds, db, CORPUS_DAY)
    bad = write(seeds / "zz-bad.md", "title: T\nclosed: sometimes\n\nText.\n")
    old = db.stat().st_mtime - 10  # saved before the build: only the day calls for a rebuild
    os.utime(bad, (old, old))
    os.utime(seeds, (old, old))
    kb, report = open_knowledge(seeds, db, NEXT_DAY)
    assert report.kept_previous and kb.status_day == "2024-06-01" and not is_closed(kb, "zebra")
    lines = "\n".join(report.lines())
    assert "statuses were computed on 2024-06-01" in lines and "zz-bad.md:2" in lines
    kb.close()


def test_a_database_without_its_status_day_is_rebuilt(seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    build(seeds, db, CORPUS_DAY)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'status_day'")
    conn.close()
    os.utime(db, (db.stat().st_mtime + 10,) * 2)
    assert stale_reason(seeds, db, CORPUS_DAY) == "statuses were computed on an unknown day"


def test_the_build_report_names_each_warning_with_file_and_line(tmp_path: Path) -> None:
    report = build(SEEDS, tmp_path / "kb.db", CORPUS_DAY)
    assert report.warnings == len(report.warned) == 2
    assert {(Path(w.path).name, w.line) for w in report.warned} >= {
        ("breast-prostate-grading-phd.md", 11)}
    assert all("mojibake" in w.reason for w in report.warned)


def test_nothing_to_serve_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(KnowledgeError, match="no vacancy pages"):
        open_knowledge(tmp_path / "empty", tmp_path / "kb.db", CORPUS_DAY)
    assert not (tmp_path / "kb.db").exists()


def test_errors_are_one_hierarchy() -> None:
    assert issubclass(SchemaError, KnowledgeError) and issubclass(BuildError, KnowledgeError)


# --- crashed builds --------------------------------------------------------------------------

def test_stray_temp_files_of_a_crashed_build_are_removed(seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    stray = write(tmp_path / ".kb.db.abc123.tmp", "half a build")
    kb, report = open_knowledge(seeds, db, CORPUS_DAY)
    assert not stray.exists() and stray in report.removed
    assert stray_temp_files(db) == []
    write(tmp_path / ".kb.db.def456.tmp", "half a build")
    build(seeds, db, CORPUS_DAY)
    assert stray_temp_files(db) == []
    kb.close()


def test_build_writes_as_it_reads(seeds: Path, tmp_path: Path) -> None:
    """A failure in the middle of a build removes the half-written file and keeps the old."""
    db = tmp_path / "kb.db"
    build(seeds, db, CORPUS_DAY)
    before = db.read_bytes()
    write(seeds / "zz-empty.md", "")
    with pytest.raises(BuildError):
        build(seeds, db, CORPUS_DAY)
    assert db.read_bytes() == before and stray_temp_files(db) == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM vacancies").fetchone()[0] == 5
    conn.close()
