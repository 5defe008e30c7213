"""When a conversation leaves its vacancy and when it stays: a description of another
vacancy ("the T cell exhaustion doctoral position in Tübingen") takes it there, though none
of its words is in that vacancy's title; a word another page has only as a tag or in its
summary does not; "the postdoc one", in a clause of its own before the question, points at
that position of the page talked about, and "how many places are there?" counts rather
than asks for a list. Pages of two small sites written for the test."""

from __future__ import annotations

import pytest

from bot.model import Answer, ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from bot.understand import read
from tests.paths import site_router

PAGES = {
    "ice-lab/jobs/phd-glacier.md": """---
title: PhD position in glacier modelling
---
We offer a PhD position on numerical glacier modelling in Innsbruck (TV-L E13, 65 %).
Send your CV and a motivation letter to Ada Brick (ada.brick@example.org).
""",
    "ice-lab/jobs/postdoc-ice.md": """---
title: Postdoc on ice sheet dynamics
description: Fieldwork on Svalbard every summer
tags:
  - Leadership
---
A two-year postdoc on ice sheet dynamics with satellite data and fieldwork on Svalbard. You
will help to lead our summer school. Write to Ada Brick (ada.brick@example.org).
""",
    "immuno/jobs/doctoral.md": """---
title: Doctoral researcher (m/f/d)
---
The Institute of Immunology in Tübingen is looking for a doctoral researcher to study T cell
exhaustion in chronic infection and cancer, using single-cell sequencing and mouse models.

## Your application
Please send a cover letter, your CV, transcripts and two references to Jon Rowe
(jon.rowe@example.org).
""",
    "immuno/jobs/postdoc.md": """---
title: Postdoc in B cell memory
---
The Institute of Immunology in Tübingen offers a two-year postdoc on B cell memory after
vaccination. Apply with a CV and a research statement to Jon Rowe (jon.rowe@example.org).
""",
    "sound-lab/join.md": """---
title: Join the Marine Acoustics Lab
---
We study how whales and ships use underwater sound.

## PhD candidates (2)
Two funded PhD positions on whale song, four years each.

## Postdocs (3)
Three postdoc positions on ship noise, for two years, from March.
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


def talk(router: Router, *turns: str) -> tuple[Answer, ChatContext]:
    ctx = ChatContext()
    answer = None
    for turn in turns:
        answer, ctx = router.respond(turn, ctx)
    assert answer is not None
    return answer, ctx


@pytest.mark.parametrize("turns, vacancy, intent", [
    # a description of another vacancy, by its body's words and its place: it is meant
    (("tell me about the glacier modelling PhD",
      "which documents do I need for the T cell exhaustion doctoral position in Tübingen?"),
     "doctoral", Intent.APPLY),
    (("what does the B cell memory postdoc pay?",
      "and is the T cell exhaustion PhD in Tübingen still open?"), "doctoral", Intent.STATUS),
    # a word another page has as a tag or in its summary only: the conversation stays
    (("tell me about the glacier modelling PhD", "who leads the group?"), "phd-glacier",
     Intent.CONTACT),
    (("what does the glacier modelling PhD pay?", "how much fieldwork is there?"),
     "phd-glacier", None),
    # named by its title, it is meant
    (("tell me about the glacier modelling PhD", "who do I write to about the ice sheet "
      "postdoc?"), "postdoc-ice", Intent.CONTACT),
])
def test_the_subject_switches_to_a_described_vacancy_and_stays_on_a_stray_word(
        router: Router, turns: tuple[str, ...], vacancy: str, intent: Intent | None) -> None:
    answer, _ = talk(router, *turns)
    assert [v.id for v in answer.vacancies] == [vacancy], render_plain(answer)
    if intent is not None:
        assert answer.intent is intent


def test_a_pointer_clause_before_the_question_picks_that_position(router: Router) -> None:
    answer, _ = talk(router, "tell me about the marine acoustics lab",
                     "and the postdoc one - how many positions are there?")
    text = render_plain(answer)
    assert [v.id for v in answer.vacancies] == ["join"]
    assert "Postdocs (3)" in text.split("\n", 1)[0]


@pytest.mark.parametrize("text, pointer, exists", [
    ("and the postdoc one - how many positions are there?", True, False),
    ("the whale one. how long is it?", True, False),
    ("die Postdoc-Stelle - wie viele Stellen gibt es?", True, False),
    ("are there postdoc positions?", False, True),
    ("gibt es Promotionsstellen?", False, True),
    ("and how many of the postdoc positions are there left", False, False),
])
def test_a_pointer_in_its_own_clause_and_counting_is_no_existence_question(
        text: str, pointer: bool, exists: bool) -> None:
    q = read(text)
    assert (q.pointer, q.exists) == (pointer, exists)
