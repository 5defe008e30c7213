"""A group's site is known by the people, groups and places most of its pages name: a page
of the site that does not name them (a theses page that never says whose group it is) is
still found by them. Names are read after an academic title in any language; months and
weekdays are no names."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from knowledge.facts.contacts import titled_names
from knowledge.keywords import proper_names
from knowledge.textnorm import stem
from tests.paths import site_router

_POSTDOC = """---
title: Postdoc in language technology
---
The research group of Prof. Dr. Jane Roe at the University of Bonn, Germany, is hiring a
postdoc in natural language processing. The position is for two years.

Send your CV to jobs@roe-lab.example.org.
"""
_PHD = """---
title: PhD student in robust machine learning
---
Join the team of Prof. Roe and Dr. Abel Kane in Bonn, Germany, as a PhD student working
on robust machine learning for large language models. The contract runs four years.
"""
_THESES = """---
title: Theses
---
Students write their bachelor or master thesis as part of our group: they take part in
the online chat and in the group meetings, and present their results at the end. A master
thesis usually takes about six months; you meet your mentor once a week and keep a short
protocol of the meeting. The working language of the group is English.

If you are interested, write to theses@roe-lab.example.org with your CV and transcript.
"""
_OTHER_THESES = """---
title: Master theses
---
We offer master thesis topics in remote sensing at the University of Graz, Austria. Prof.
Dr. Karl Moser supervises them; a thesis takes about nine months. Every Friday the
students present their progress.
"""
_OTHER_PHD = """---
title: PhD in glacier monitoring
---
A PhD position in glacier monitoring with Prof. Dr. Karl Moser at the University of Graz,
Austria. Starting in January.
"""


_LANGTECH = "langtech-bonn__langtech-bonn.github.io"  # two sites, each in its own folder


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {
        f"{_LANGTECH}/_posts/postdoc.md": _POSTDOC, f"{_LANGTECH}/_posts/phd.md": _PHD,
        f"{_LANGTECH}/theses/index.md": _THESES,
        "geo__geo.github.io/theses.md": _OTHER_THESES,
        "geo__geo.github.io/jobs/glacier-phd.md": _OTHER_PHD})


@pytest.mark.parametrize("text", [
    "how long does a master thesis in Jane Roe's group usually take?",
    "master thesis with Prof. Roe: how long does it take?",
])
def test_a_page_is_found_by_the_names_its_sites_other_pages_give(router: Router,
                                                                 text: str) -> None:
    answer, _ = router.respond(text, ChatContext())
    assert [v.title for v in answer.vacancies] == ["Theses"], answer
    assert answer.intent is Intent.DURATION


def test_a_contraction_names_nothing(router: Router) -> None:
    """"don't" is no word a page could be named by: the message still names the group."""
    answer, _ = router.respond("I don't speak German, is that a problem for a PhD with "
                               "Prof. Roe?", ChatContext())
    assert [v.title for v in answer.vacancies] == ["PhD student in robust machine learning"]


def test_the_site_names_do_not_cross_to_another_site(router: Router) -> None:
    answer, _ = router.respond("how long is a master thesis with Karl Moser?", ChatContext())
    assert [v.title for v in answer.vacancies] == ["Master theses"], answer


def test_a_month_names_no_vacancy(router: Router) -> None:
    """"January" (capitalised on the glacier page) is a date, not a name of that page."""
    kb = router.kb
    phd = next(i for i, x in enumerate(kb.listings) if x.title == "PhD in glacier monitoring")
    assert all(i != phd for i, _ in kb.index.get(stem("january"), ()))
    assert any(i == phd for i, _ in kb.index.get(stem("glacier"), ()))  # its words are


@pytest.mark.parametrize("text, names", [
    ("the group of Prof. Dr. Lucie Flek, with Dr. Charles Welch.", ["Lucie Flek",
                                                                   "Charles Welch"]),
    ("Bei Prof. Strecker melden. Prof. Dr.techn. Viktor Kaufmann betreut.",
     ["Strecker", "Viktor Kaufmann"]),
    ("Prof. Dr. B. Rumpe\\", ["B. Rumpe"]),
    ("contact Dr. Dino Wildi.\n\nDetails follow.", ["Dino Wildi"]),
    ("Professor Huisman and Dr. Jean-Paul van Basten", ["Huisman", "Jean-Paul van Basten"]),
    # a title before no name, an institution or an acronym is no person
    ("Prof. Dr.\nInstitute of Physics", []),
    ("a Prof. University position", []),
    ("Dr. ETH Zurich", []),
])
def test_names_after_an_academic_title(text: str, names: list[str]) -> None:
    assert titled_names(text) == names


@pytest.mark.parametrize("text, names", [
    ("The deadline is in January and the talks are on a Friday with Yulia.", ["Yulia"]),
    ("Talks are every Monday in March and May; ask Maria.", ["Maria"]),
])
def test_calendar_words_are_no_proper_names(text: str, names: list[str]) -> None:
    assert proper_names(text) == names


_SPIRIT = "spirit-lab__spirit-lab.github.io"
_COMPPHIL = "compphil__compphil.github.io"


@pytest.fixture(scope="module")
def two_groups(tmp_path_factory: pytest.TempPathFactory) -> Router:
    job = "---\ntitle: {title}\n---\n{body}\n"
    others = {f"group{n}__group{n}.github.io/jobs/phd.md": job.format(
        title=f"PhD position in {topic}", body=f"We offer a PhD position in {topic}.")
        for n, topic in enumerate(("glacier monitoring", "protein folding", "number theory",
                                   "urban mobility", "soil ecology", "medieval history"))}
    return site_router(tmp_path_factory, others | {
        f"{_SPIRIT}/_posts/2027-01-10-hilfskraft-projektmanagement.md": job.format(
            title="Studentische Hilfskraft für Projektmanagement",
            body="Wir suchen eine Hilfskraft für das Projektmanagement unserer "
                 "Forschungsgruppe. Arbeitsbeginn ist der 01.04.2027."),
        f"{_SPIRIT}/_posts/2027-01-12-hilfskraft-design.md": job.format(
            title="Wissenschaftliche Hilfskraft für Grafik und Design",
            body="Wir suchen eine Hilfskraft für Grafik und Design. Arbeitsbeginn ist der "
                 "01.05.2027."),
        f"{_COMPPHIL}/jobs/assistants.md": job.format(
            title="Student assistants",
            body="Student assistants support the management of our projects and the "
                 "organisation of workshops. The position starts on 1 October 2027."),
    })


def test_a_site_named_by_its_name_is_the_one_meant(two_groups: Router) -> None:
    """"at Spirit" names one group's site: its page is meant, not another group's page
    that shares more of the message's other words ("student assistant", "management")."""
    answer, _ = two_groups.respond("when would the project management student assistant "
                                   "job at Spirit start?", ChatContext())
    assert [v.title for v in answer.vacancies] == [
        "Studentische Hilfskraft für Projektmanagement"], answer
    assert "01.04.2027" in render_plain(answer)


def test_the_other_sites_name_finds_the_other_sites_page(two_groups: Router) -> None:
    answer, _ = two_groups.respond("when would the project management student assistant "
                                   "job at CompPhil start?", ChatContext())
    assert [v.title for v in answer.vacancies] == ["Student assistants"], answer
    assert "1 October 2027" in render_plain(answer)
