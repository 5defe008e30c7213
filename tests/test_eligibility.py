"""What applicants say of themselves, answered with the page's line about that very thing
(or that the page does not mention it) — in English, Dutch and German, on the seeds."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router


@pytest.mark.parametrize("question, says", [
    # "the oldest Dutch city" is no line on Dutch as a language
    ("Brauche ich Niederländisch für die OCT-Stelle?", "keine Angaben über Niederländisch"),
    ("do I need to speak Dutch for the OCT PhD?", "does not mention Dutch"),
    ("moet ik Nederlands spreken voor de OCT promotieplek?", "geen informatie over Nederlands"),
    # a degree the user holds, and what the page says about degrees
    ("I only have a bachelor, can I apply for PANCAIM?", "does not mention a bachelor"),
])
def test_the_named_thing_first(router: Router, question: str, says: str) -> None:
    answer, _ = router.respond(question, ChatContext())
    assert answer.intent is Intent.REQUIREMENTS
    assert says in render_plain(answer), render_plain(answer)


def test_the_other_one_with_nothing_tying_them_offers_the_others(router: Router) -> None:
    _, ctx = router.respond("tell me about PANCAIM", ChatContext())
    answer, _ = router.respond("und die andere Stelle?", ctx)
    assert answer.intent is Intent.CLARIFY
    ids = [v.id for v in answer.vacancies]
    assert ids and "pancaim-pancreatic-cancer-phd" not in ids
