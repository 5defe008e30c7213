"""What the question itself asks stays the question's, even where a page has the same words:
a language asked about ("in English or German?") is answered from the page's sentence on
it, and a degree before a word for a vacancy ("does the lab have PhD positions?") is the
kind of position asked for, not a degree the user holds."""

from __future__ import annotations

import re

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from bot.understand import read
from tests.paths import site_router

THESES = """---
title: Theses in the Speech Technology Group
---
Students who write their bachelor or master thesis with us join our weekly group meetings.
The working language of the group is English, since most of us come from abroad.
Please send your CV to theses@speech.example.org.
"""

ARBEIT = """---
title: Abschlussarbeiten am Lehrstuhl für Hydrologie
---
Wir betreuen Bachelor- und Masterarbeiten zu Grundwasser und Hochwasser.
Die Arbeit kann auf Deutsch oder Englisch geschrieben werden.
Bei Interesse schreiben Sie bitte an hydro@uni.example.org.
"""

POSTDOC = """---
title: Postdoc in protein design
---
We offer a postdoc position in computational protein design at the Ocean Institute.

## Requirements
- A PhD in biochemistry or a related field.
- A fluent level of English is mandatory.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"theses.md": THESES, "arbeiten.md": ARBEIT,
                                          "protein-postdoc.md": POSTDOC})


@pytest.mark.parametrize("question, vacancy, must", [
    ("in the speech technology group, are the meetings in English or German?", "theses",
     r"working language of the group is English"),
    ("Darf ich meine Abschlussarbeit in Hydrologie auf Englisch schreiben?", "arbeiten",
     r"Deutsch oder Englisch"),
    ("protein design postdoc: do I need German or is English enough?", "protein-postdoc",
     r"fluent level of English"),
])
def test_a_language_asked_about_is_answered_from_the_page(router: Router, question: str,
                                                          vacancy: str, must: str) -> None:
    answer, _ = router.respond(question, ChatContext())
    assert [v.id for v in answer.vacancies] == [vacancy]
    assert re.search(must, render_plain(answer))


@pytest.mark.parametrize("text, kind", [
    ("does the lab have PhD positions?", "phd"),
    ("does your group have funded PhD positions or do I need my own money?", "phd"),
    ("hat der Lehrstuhl Postdoc Stellen?", "postdoc"),
])
def test_a_degree_before_a_vacancy_word_is_the_kind_asked_for(text: str, kind: str) -> None:
    q = read(text)
    assert kind in q.wanted and kind not in q.me.words and not q.me.mentions


@pytest.mark.parametrize("text, held", [
    ("I have a PhD, can I apply?", "phd"),
    ("I only have a master degree", "master"),
])
def test_a_degree_the_user_holds_is_still_theirs(text: str, held: str) -> None:
    q = read(text)
    assert held in q.me.words and not q.wanted


def test_a_language_question_is_a_requirements_question(router: Router) -> None:
    answer, _ = router.respond("protein design postdoc: do I need German or is English "
                               "enough?", ChatContext())
    assert answer.intent is Intent.REQUIREMENTS


CLIMATE = """---
title: Postdoc Klimapolitik
---
Ich suche derzeit einen Postdoc für mein Projekt zur klimapolitischen Spaltung. Das Projekt
untersucht, wie Parteien und Wähler über Klimapolitik streiten, mit Umfragen, Experimenten
und Textanalysen in fünf Ländern.

## Die Stelle
Sie arbeiten im Team mit zwei Doktorandinnen und veröffentlichen in internationalen
Zeitschriften. Die Stelle ist zu 100 % Forschung, ohne Lehrverpflichtung. Der Erstvertrag
läuft drei Jahre.

Bewerbungen bitte an Eva Roth (eva.roth@uni.example.org).
"""


@pytest.fixture(scope="module")
def climate(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"postdoc-klima.md": CLIMATE})


@pytest.mark.parametrize("question", [
    "Hat der Postdoc zur klimapolitischen Spaltung eine Lehrverpflichtung?",
    "Gibt es bei der Postdoc-Stelle Klimapolitik eine Lehrverpflichtung?",
])
def test_a_topic_is_found_by_the_word_the_user_types(climate: Router, question: str) -> None:
    """The page writes the compound the user types ("Lehrverpflichtung"), not the topic's
    search word ("Lehre"): it still answers the question."""
    answer, _ = climate.respond(question, ChatContext())
    assert "ohne Lehrverpflichtung" in render_plain(answer)
