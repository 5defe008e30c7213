"""A page that offers several positions keeps each position's own facts: the documents,
deadline or contact it states under its own heading stay with it even when another position
of the page states the same value first, so that the position answered alone has them."""

from __future__ import annotations

import re

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

JOIN = """---
title: Join the Marine Acoustics Lab
---
We study how whales and ships use underwater sound.

## PhD candidates
We have no funded PhD positions at the moment: you need a scholarship or fellowship of your
own to join us as a PhD candidate.

If you want to work with us, please send
1. your CV, including two referees,
2. a research statement on the project you have in mind.

## Master students
We welcome students of Kiel University for a master project. Please send
1. your CV, including your grades,
2. a short letter on the topics that interest you.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"join.md": JOIN})


@pytest.mark.parametrize("question, position, must", [
    ("which documents do I send for a master project in the marine acoustics lab?",
     "Master students", r"Documents: CV"),
    ("welke documenten moet ik sturen voor een masterproject bij het marine acoustics lab?",
     "Master students", r"Documenten: CV"),
    ("what do I send to apply for a PhD in the marine acoustics lab?", "PhD candidates",
     r"Documents: CV.*research statement"),
])
def test_each_position_keeps_its_own_documents(router: Router, question: str, position: str,
                                               must: str) -> None:
    answer, _ = router.respond(question, ChatContext())
    text = render_plain(answer)
    assert answer.intent is Intent.APPLY
    assert position in text.split("\n", 1)[0]
    assert re.search(must, text)


def test_a_funding_question_on_the_phd_is_answered_from_the_phd_section(router: Router
                                                                        ) -> None:
    answer, _ = router.respond("does the marine acoustics lab have funded PhD positions or "
                               "do I need my own money?", ChatContext())
    text = render_plain(answer)
    assert "PhD candidates" in text.split("\n", 1)[0]
    assert "scholarship or fellowship" in text
