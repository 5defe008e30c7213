"""Places as applicants name them: a vacancy in a city is also found by the city's English
name and by its country ("München" by "Munich" and "Germany", "L’Aquila" — typeset — by
"Italy"), and a list asked for a place no page is in says so instead of listing every
vacancy; a filler word no page has ("already") does not empty a list."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from bot.understand import read
from knowledge import KnowledgeBase, build
from knowledge.facts.gazetteer import gazetteer
from tests.paths import site_router

DAY = dt.date(2026, 12, 1)
PAGES = {
    "gssi-phd.md": ("PhD in astroparticle physics", "phd",
                    "The position is based in L’Aquila at the Gran Sasso Science Institute."),
    "tum-postdoc.md": ("Postdoc in robot learning", "postdoc",
                       "The position is based in München at the Technical University."),
    "tum-phd.md": ("PhD in legged locomotion", "phd",
                   "The position is based in München at the Technical University."),
    "gent-phd.md": ("PhD in business process mining", "phd",
                    "The position is based in Gent, at the Faculty of Economics."),
    "lab-old.md": ("PhD in coral reef acoustics", "phd",
                   "The position is based in Townsville. This position has been filled."),
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    folder = tmp_path_factory.mktemp("places")
    for name, (title, kind, where) in PAGES.items():
        closed = "true" if "filled" in where else "false"
        (folder / name).write_text(
            f"---\ntitle: {title}\ntype: {kind}\nclosed: {closed}\n---\n\n## The position\n\n"
            f"{where} You will work on {title.split(' in ')[1]}.\n\n## Requirements\n\n"
            "A master's degree in a related field.\n", encoding="utf-8")
    db = folder / "kb.db"
    build(folder, db, DAY)
    return Router(KnowledgeBase(db))


def titles(router: Router, text: str) -> tuple[Intent, str]:
    answer, _ = router.respond(text, ChatContext())
    return answer.intent, render_plain(answer)


@pytest.mark.parametrize(("question", "found", "not_found"), [
    ("which positions are in italy?", "astroparticle", ("robot", "process mining")),
    ("any jobs in Germany?", "robot learning", ("astroparticle", "process mining")),
    ("postdoc in Munich?", "robot learning", ("astroparticle",)),
    ("are there PhD positions in Belgium?", "process mining", ("astroparticle", "robot")),
])
def test_a_city_is_found_by_its_english_name_and_its_country(
        router: Router, question: str, found: str, not_found: tuple[str, ...]) -> None:
    _, text = titles(router, question)
    assert found in text
    assert not any(other in text for other in not_found), text


@pytest.mark.parametrize("question", ["which positions are in spain?",
                                      "any PhD positions in Lisbon?"])
def test_a_list_for_a_place_no_page_is_in_says_so(router: Router, question: str) -> None:
    _, text = titles(router, question)
    place = question.rstrip("?").split()[-1]
    assert f"“{place.lower()}”" in text.lower()
    assert text.startswith(("I found no vacancy about", "No — I found no vacancy about")), text
    assert "coral reef" not in text  # not every vacancy


def test_a_filler_word_no_page_has_does_not_empty_a_list(router: Router) -> None:
    intent, text = titles(router, "which of the vacancies are closed already?")
    assert intent is Intent.LIST and "coral reef" in text


def test_places_typed_in_any_case_and_typeset() -> None:
    places = gazetteer()
    assert places.is_place("italy") and places.is_place("den haag")
    assert not places.is_place("already")
    city = places.city("L’Aquila")
    assert city is not None and city.country == "Italy"


@pytest.mark.parametrize("question", ["any positions in Italy, Belgium or Germany?",
                                      "which positions are in Munich / Gent / L'Aquila?"])
def test_any_of_several_places_lists_each(router: Router, question: str) -> None:
    """The rarer place name does not crowd out the commoner one: any of them is meant."""
    _, text = titles(router, question)
    assert all(t in text for t in ("astroparticle", "robot learning", "legged locomotion",
                                   "process mining")), text
    assert "coral reef" not in text


@pytest.mark.parametrize(("text", "groups"), [
    ("PhDs in Amsterdam, Leuven or Ghent?", (("phds", "in", "amsterdam"), ("leuven",),
                                               ("ghent",))),
    ("projects on body composition / muscle and fat segmentation",
     (("projects", "on", "body", "composition"), ("muscle", "and", "fat", "segmentation"))),
    ("PhDs in Bonn, Aachen and Köln?", (("phds", "in", "bonn"), ("aachen",), ("koln",))),
    ("the muscle and fat segmentation project", ()),
])
def test_the_alternatives_a_message_names(text: str, groups: tuple[tuple[str, ...], ...]
                                          ) -> None:
    assert read(text).alternatives == groups


@pytest.mark.parametrize("url, cities", [
    ("https://stellenangebote.uni-marburg.de/jobposting/f66a", ["Marburg an der Lahn"]),
    ("https://uni-tuebingen.de/jobs", ["Tübingen"]),  # a host writes "ü" as "ue"
    ("https://www.google.com/forms", []),  # a label that is a city's other name only
    ("mailto:jobs@uni-bonn.de", []),  # an address is not a host
])
def test_the_cities_a_host_is_named_after(url: str, cities: list[str]) -> None:
    assert [c.name for c in gazetteer().in_host(url)] == cities


TWO_POSTDOCS = {
    "nlp-senior": ("Senior postdoc in NLP", "The Lamarr institute hires a senior postdoc.",
                   "https://jobs.example.org/lamarr-17"),
    "nlp-hiring": ("We are hiring a postdoc in NLP", "Join our group to work on NLP.",
                   "https://stellenangebote.uni-marburg.de/jobposting/f66a"),
    "robots-phd": ("PhD in robot grasping", "A PhD on grasping with soft hands.",
                   "https://jobs.example.org/grasp-3"),
    "vision-msc": ("MSc thesis in event cameras", "A thesis on event cameras.",
                   "https://jobs.example.org/events-9"),
}


@pytest.fixture(scope="module")
def postdocs(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {
        f"{name}.md": f"---\ntitle: {title}\ntype: postdoc\n---\n\n{body}\n\n## How to apply\n\n"
                      f"Apply online at [the job portal]({url}).\n"
        for name, (title, body, url) in TWO_POSTDOCS.items()})


def test_a_page_that_does_not_say_where_is_where_applications_go(postdocs: Router) -> None:
    """"and the one in Marburg?": the page names no place, but its applications go to the
    University of Marburg's job portal."""
    answer, ctx = postdocs.respond("tell me about the senior postdoc at the Lamarr institute",
                                   ChatContext())
    assert [v.id for v in answer.vacancies] == ["nlp-senior"]
    answer, _ = postdocs.respond("and the one in Marburg?", ctx)
    assert [v.id for v in answer.vacancies] == ["nlp-hiring"], render_plain(answer)
