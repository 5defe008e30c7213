"""Who a project works with: "who are the partners?", "mit wem wird da zusammengearbeitet?",
"met wie wordt er samengewerkt?" are answered from the page's sentence on its collaboration,
or from a section headed so ("Kooperation") whose lines only name the partners — in a
follow-up about the vacancy talked about too. Pages written for the test."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from bot.understand import read
from tests.paths import site_router

PAGES = {
    "geo/theses/msc-archive.md": """---
title: Masterarbeit Webarchiv für historische Karten
---
## Aufgabe
Ziel der Arbeit ist ein offenes Webarchiv für historische Karten des Alpenraums.

## Anforderungen
Kenntnisse in Python und Datenbanken.

## Kooperation
Universität Innsbruck \\
Institut für Zeitgeschichte \\
Maria Huber
""",
    "bio/jobs/postdoc-sleep.md": """---
title: Postdoc in sleep and memory
---
We offer a postdoc on sleep and memory consolidation in mice, for two years.

The project is part of a consortium in close collaboration with the Charité Berlin and the
University of Zurich.

Send your CV to Lea Stern (lea.stern@example.org).
""",
    # the partners in bold under an empty heading; the consortium named in passing above
    "geo/theses/msc-river-flow.md": """---
title: Predicting river flow from satellite data
---
## Motivation
For the project the consortium uses satellite images and gauge data. The consortium is
interested in forecasts for the whole river basin.

## Requirements
* Basic programming skills (Python)

## Cooperation partners:
**Hydrodata GmbH** \\
www.hydrodata.example \\
Eva Brandt

**Institute of Water Management \\
University of Linz** \\
Jonas Weber
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


@pytest.mark.parametrize("turns, must", [
    (("Ich interessiere mich für die Masterarbeit zum Webarchiv für historische Karten",
      "mit wem wird da zusammengearbeitet?"), "Zeitgeschichte"),
    (("tell me about the sleep and memory postdoc", "who are the partners?"), "Charité"),
    (("what are the partners of the historical maps archive thesis?",), "Zeitgeschichte"),
    (("wie zijn de samenwerkingspartners van de postdoc over sleep and memory?",), "Zurich"),
])
def test_partners_are_answered_from_the_collaboration(router: Router, turns: tuple[str, ...],
                                                      must: str) -> None:
    ctx = ChatContext()
    for turn in turns:
        answer, ctx = router.respond(turn, ctx)
    text = render_plain(answer)
    assert answer.intent is Intent.OVERVIEW
    assert must in text


@pytest.mark.parametrize("text", [
    "who are the partners?", "mit wem wird da zusammengearbeitet?",
    "welke samenwerkingspartners zijn er?", "is it a collaboration with industry?",
])
def test_partner_questions_ask_about_the_collaboration(text: str) -> None:
    assert [a.topic.key for a in read(text).topics] == ["partners"]


def test_a_consortium_that_names_a_vacancy_is_no_partner_question() -> None:
    q = read("what salary scale is the phd in the bigpicture consortium?")
    assert not q.topics and q.intents[0] is Intent.SALARY


def test_partners_in_bold_under_an_empty_heading_are_the_answer(router: Router) -> None:
    """"**Hydrodata GmbH**" reads like a heading of its own; under the empty "Cooperation
    partners:" it is one of the partners, and the section under it is the answer — not the
    sentences that mention the consortium in passing (the overview may quote them after)."""
    answer, _ = router.respond("who are the partners of the river flow thesis?", ChatContext())
    lines = render_plain(answer).split("\n\n")
    assert lines[1:4] == ["Hydrodata GmbH", "www.hydrodata.example", "Eva Brandt"], lines
    assert "Jonas Weber" in lines, lines
