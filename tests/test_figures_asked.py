"""A question about something the page explains but that is no fact of the vacancy ("how
long is the colloquium?", "when is the interview day?"): the page's sentence on the asked
words that gives a figure of that kind is quoted, then that the vacancy's own fact is not
stated. Pages written for the test."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

PAGES = {
    "info/theses.md": """---
title: Abschlussarbeiten bei uns
---
Diese Informationen sind für Bachelor- und Masterarbeiten in unserer Gruppe gedacht. Sie
schreiben die Arbeit bei uns im Institut oder in einer Firma und melden sich zuerst per
E-Mail bei Anna Berg (anna.berg@example.org).

## Betreuung
Wir treffen uns in der Regel einmal die Woche, um Fragen zu klären. Die Arbeit wird in
Englisch oder Deutsch geschrieben.

## Allgemeine Hinweise zum Kolloquium

### Dauer & Ablauf
- **Bachelorarbeit:** ca. 20 Minuten Vortrag + etwa 15 Minuten Fragen.
- **Masterarbeit:** ca. 35 Minuten Vortrag + etwa 15 Minuten Fragen.

### Zielgruppe
Die Zuhörerschaft hat ein allgemeines Verständnis von Informatik.
""",
    "jobs/phd-ocean.md": """---
title: PhD position in ocean modelling
---
We offer a PhD position in ocean modelling with a focus on coastal currents. The OCT
project combines satellite data and simulations. You will work in Kiel.

Send your CV to Jonas Meer (jonas.meer@example.org).
""",
}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


@pytest.mark.parametrize("text", [
    "how long is the colloquium for a master thesis with Anna Berg?",
    "hoe lang duurt het colloquium voor een masterscriptie bij Anna Berg?",
    "Wie lange dauert das Kolloquium einer Masterarbeit bei Anna Berg?",
])
def test_the_pages_figure_on_the_words_asked(router: Router, text: str) -> None:
    answer, _ = router.respond(text, ChatContext())
    reply = render_plain(answer)
    assert answer.intent is Intent.DURATION
    assert "35 Minuten Vortrag" in reply, reply
    assert "Anna Berg" in reply  # the contract's duration is still not stated: whom to ask


def test_no_figure_is_quoted_for_words_that_only_name_the_vacancy(router: Router) -> None:
    """"the OCT PhD": OCT names the vacancy; the page gives no span of time on it."""
    answer, _ = router.respond("how long is the OCT PhD in ocean modelling?", ChatContext())
    lines = render_plain(answer).split("\n\n")
    assert lines[0] == "PhD position in ocean modelling"
    assert lines[1].startswith("The page does not state"), lines
