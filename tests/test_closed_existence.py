""""Are there any open positions?" on a page that says it has none: the honest "not at the
moment", with the page's own sentence that says so."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

JOIN = """---
title: Join the Tidal Dynamics Group
---
We study tides and storm surges in the North Sea.

## Open positions
At the moment we have no open positions.

## PhD students
PhD students join us through the graduate school of marine science.
"""

STELLEN = """---
title: Stellen in der Arbeitsgruppe Bodenkunde
---
Wir forschen zu Böden und Klima.

Derzeit sind keine Stellen zu besetzen.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"join.md": JOIN, "stellen.md": STELLEN})


@pytest.mark.parametrize("question, said", [
    ("are there any open positions in the tidal dynamics group?",
     "At the moment we have no open positions."),
    ("Gibt es offene Stellen in der Arbeitsgruppe Bodenkunde?",
     "Derzeit sind keine Stellen zu besetzen."),
])
def test_the_page_sentence_that_it_has_none(router: Router, question: str, said: str
                                            ) -> None:
    answer, _ = router.respond(question, ChatContext())
    assert all(v.status == "closed" for v in answer.vacancies) and answer.vacancies
    assert said in render_plain(answer)
