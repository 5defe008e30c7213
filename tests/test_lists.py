"""Positions from lists that offer them: each item (or table row) of a list a lead-in or a
heading says offers positions or topics is a position of its own, with its own facts and
status, titled by its link, label or first sentence — never by a button, a table header or a
generic section name. Lists of anything else stay text."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace
from pathlib import Path

from knowledge import read_folder
from knowledge.facts import extract_facts
from knowledge.model import FactKind, Vacancy
from knowledge.parse import parse_page
from knowledge.sentences import sentences_of
from knowledge.status import settle

DAY = dt.date(2025, 3, 1)


def page(body: str, title: str = "Careers") -> Vacancy:
    v = parse_page(f"---\ntitle: {title}\n---\n\n{body}\n", "p", today=DAY)
    return settle(replace(v, facts=extract_facts(v)), DAY, sentences_of(v))


def test_a_lead_in_list_of_positions_each_with_its_own_deadline() -> None:
    v = page("We welcome applicants of any background.\n\n"
             "We are currently searching for candidates for the following positions:\n\n"
             "- [PhD position](https://example.org/jobs/1). Deadline for application: "
             "14.02.2025\n"
             "- [Postdoc positions (3)](https://example.org/jobs/2) Deadline for application: "
             "14.04.2025\n\n"
             "## Working with us\n\nThe lab is in Berlin.")
    assert [(p.title, p.category, p.closed) for p in v.positions] == [
        ("PhD position", "phd", True), ("Postdoc positions (3)", "postdoc", False)]
    assert v.status == "open"  # one position is still open
    deadlines = {f.value: f.section for f in v.facts if f.kind is FactKind.DEADLINE}
    assert deadlines == {"14.02.2025": v.positions[0].sections[0],
                         "14.04.2025": v.positions[1].sections[0]}
    urls = {f.value: f.section for f in v.facts if f.kind is FactKind.APPLY_URL}
    assert urls["https://example.org/jobs/2"] == v.positions[1].sections[0]


def test_a_numbered_list_of_thesis_topics_under_a_lead_in() -> None:
    v = page("We currently have no PhD openings.\n\n**Student theses:**\n\n"
             "We offer supervision for student theses on various topics, including:\n\n"
             "1. **Knowledge graphs** for scholarly data\n"
             "2. Using *quantum computing* in language processing\n"
             "3. [Stock market predictions](https://x.org/t3) through deep learning\n\n"
             "For more details, write to [Jane Doe](mailto:jane@x.org).",
             title="Thesis topics")
    assert [p.title for p in v.positions] == [
        "Knowledge graphs for scholarly data", "Using quantum computing in language processing",
        "Stock market predictions"]
    assert {p.category for p in v.positions} == {"msc"} and v.status == "open"
    # the text after the list is the page's again: shared by every topic
    after = v.sections[-1]
    assert after.heading == "Student theses" and "jane@x.org" not in after.text
    assert max(o for p in v.positions for o in p.sections) < after.order


def test_a_heading_over_a_list_of_jobs_and_items_that_say_whom_they_seek() -> None:
    v = page("## Open positions\n\n"
             "- We are looking for a PhD student to join the lab starting April 2024.\n"
             "- We are looking for a postdoctoral researcher to join the lab, see here.\n"
             "- Moreover, we are looking for multiple research assistants. You have to be "
             "enrolled at a German university.\n", title="Join us")
    assert [(p.title, p.category) for p in v.positions] == [
        ("PhD student", "phd"), ("Postdoctoral researcher", "postdoc"),
        ("Research assistants", "assistant")]


def test_a_table_of_topics_is_titled_by_its_topic_column_never_its_header() -> None:
    v = page("## Open topics\n\n| Topic | Supervisor | Status |\n|---|---|---|\n"
             "| Robust segmentation | Dr. A. Smith | open |\n"
             "| Federated learning | Dr. B. Jones | vergeben |\n", title="Master theses")
    assert [(p.title, p.closed) for p in v.positions] == [
        ("Robust segmentation", False), ("Federated learning", True)]
    assert "Topic" not in {p.title for p in v.positions}


def test_lists_that_offer_nothing_stay_text() -> None:
    contents = page("- [Project A](#project-a)\n- [Project B](#project-b)\n\n"
                    "## Project A\n\nText.\n\n## Project B\n\nText.", title="Topics")
    assert contents.positions == ()  # a table of contents
    requirements = page("## Requirements\n\nYou should have:\n\n- an MSc degree\n- Python\n")
    assert requirements.positions == ()
    finished = page("## Finished theses\n\n- Topic one on graphs\n- Topic two on images\n")
    assert finished.positions == ()
    passing = page("I give an overview of possible topics in our first meeting. Please "
                   "send me an e-mail with the following:\n\n- your degree programme\n"
                   "- your interests\n")
    assert passing.positions == ()
    contacts = page("If you are interested in one of these positions, please get in touch "
                    "with:\n\n- Jane Doe (jane@x.org)\n- John Roe (john@x.org)\n")
    assert contacts.positions == ()
    # one sentence spread over bullets: the research areas of the one PhD position
    areas = page("## PhD position in TCS {#phd}\n\nWe offer a PhD position.\n\n**Topics.**\n"
                 "Possible research topics include, but are not limited to:\n\n"
                 "- Algebraic graph algorithms,\n- Parameterized complexity,\n"
                 "- Theory of reasoning and learning.\n")
    assert areas.positions == ()
    assert areas.sections[0].heading == "PhD position in TCS"  # no attribute list "{#phd}"


def test_positions_by_headings_win_and_a_list_under_one_stays_its_text() -> None:
    v = page("## PhD student in robust learning\n\nWe offer the following topics:\n\n"
             "- Topic one on graphs\n- Topic two on images\n\n"
             "## Postdoc in federated learning\n\nTwo years.\n")
    assert [p.title for p in v.positions] == ["PhD student in robust learning",
                                              "Postdoc in federated learning"]
    assert "Topic one on graphs" in v.sections[v.positions[0].sections[0]].text


def test_a_page_of_thousands_of_listed_positions_is_read_in_bounded_time(
        tmp_path: Path) -> None:
    """Each position's deadline and status are settled in one pass (not a pass per position
    and deadline): 3,000 listed positions take about a second, not minutes."""
    pages = tmp_path / "pages"
    pages.mkdir()
    items = "".join(f"- [PhD position {i}](https://x.org/jobs/{i}). Deadline 1 May 2025.\n"
                    for i in range(3000))
    (pages / "jobs.md").write_text(f"---\ntitle: Jobs\n---\n\nWe offer the following "
                                   f"positions:\n\n{items}", encoding="utf-8")
    start = time.perf_counter()
    (v,) = read_folder(pages, DAY).vacancies
    assert time.perf_counter() - start < 10
    assert len(v.positions) == 3000 and not any(p.closed for p in v.positions)
