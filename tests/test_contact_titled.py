"""Whom to ask when a page pairs no address with a name: "who leads the group?" is answered
from the page's sentence that names its professor ("… the group of Prof. Dr. Ada Brick …",
cut around the name when the sentence is long), and a page that names nobody says once that
it does not state a contact and to ask the group — in every language. Pages written for the
test."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

LONG = ("You will be part of the Institute for Glaciology and Polar Research in Innsbruck, "
        "specifically the international research group Ice Dynamics and Remote Sensing "
        "(https://example.org/ice) of Prof. Dr. Ada Brick, working in close collaboration "
        "with the Austrian Polar Research Institute and the Alpine Research Centre, jointly "
        "driving research initiatives aiming to advance the state of the art in ice sheet "
        "modelling and satellite observation across the Alps and the Arctic.")
PAGES = {
    "ice/jobs/postdoc-ice.md": f"""---
title: Senior postdoc in ice sheet dynamics
---
{LONG}

The appointment is for two years.
""",
    "moss/jobs/phd-moss.md": """---
title: PhD in moss ecology
---
We are hiring a PhD student in moss ecology for four years.
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


@pytest.mark.parametrize("turns", [
    ("tell me about the senior postdoc in ice sheet dynamics", "who leads the group?"),
    ("wer leitet die Gruppe beim Postdoc zu ice sheet dynamics?",),
])
def test_the_professor_the_page_names_answers_who(router: Router,
                                                  turns: tuple[str, ...]) -> None:
    ctx = ChatContext()
    for turn in turns:
        answer, ctx = router.respond(turn, ctx)
    text = render_plain(answer)
    assert answer.intent is Intent.CONTACT
    assert "Prof. Dr. Ada Brick" in text
    assert len(text) < 600


@pytest.mark.parametrize("question, note", [
    ("who is the contact for the moss ecology PhD?",
     "The page does not state a contact person. Please ask the group directly."),
    ("wer ist der Ansprechpartner für die PhD in moss ecology?",
     "Bitte wenden Sie sich an die Gruppe."),
])
def test_a_page_naming_nobody_says_so_once(router: Router, question: str, note: str) -> None:
    answer, _ = router.respond(question, ChatContext())
    text = render_plain(answer)
    assert note in text
    assert "either" not in text and "auch keinen" not in text
