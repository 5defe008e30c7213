"""A page with no heading for its requirements still states them: "The successful candidate
will have a PhD in ...", "Sie verfügen über ein abgeschlossenes Studium ...", "Je hebt een
afgeronde master ...". Asked what it takes, the bot quotes those sentences rather than saying
the page states none — and not the invitations around them ("If you have any questions ...",
"you will have the opportunity to ...")."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

CORALS = """---
title: Postdoc in coral reef genomics
---
The reef lab at the Institute of Marine Science is looking for a postdoc to study how corals
cope with heat waves. You will have the opportunity to join two field campaigns a year.
The successful candidate will have a PhD in marine biology, genomics or a related field.
Experience with population genetics software is mandatory.
If you have any questions, write to Dr. Ines Faro (ines.faro@reef.example.org).
"""

MOORE = """---
title: Doktorandenstelle Moorökologie
---
Die Arbeitsgruppe Moorökologie sucht eine Doktorandin oder einen Doktoranden für ein Projekt
über Kohlenstoffflüsse in wiedervernässten Mooren. Sie haben die Möglichkeit, an
internationalen Tagungen teilzunehmen. Sie verfügen über ein abgeschlossenes Masterstudium der
Geoökologie oder Biologie. Wenn Sie Fragen haben, schreiben Sie an moor@oeko.example.de.
"""

DIJKEN = """---
title: Promovendus waterbouw en dijkveiligheid
---
De sectie waterbouw zoekt een promovendus voor onderzoek naar de sterkte van dijken. Je hebt
een afgeronde master in civiele techniek of aardwetenschappen. Als je vragen hebt, mail dan
naar dijken@water.example.nl.
"""


# labels in bold at the start of a paragraph, no headings: the requirements' label leads them
PLANKTON = """---
title: Postdoc in plankton modelling
---
The ocean modelling group invites applications for a postdoc on plankton blooms.

**Responsibilities:** Build and run models of plankton blooms in the North Sea.

**Selection criteria:** Ph.D. in oceanography, ecology or a related field.

**Additional information:** The position is for two years, salary from EUR 4,000 a month.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"corals.md": CORALS, "moore.md": MOORE,
                                          "dijken.md": DIJKEN, "plankton.md": PLANKTON})


@pytest.mark.parametrize("question, said, unsaid", [
    ("what are the requirements for the coral reef postdoc?",
     ("PhD in marine biology", "population genetics software is mandatory"),
     ("any questions", "opportunity", "does not state")),
    ("what background do you need for the coral genomics job?",
     ("PhD in marine biology",), ("any questions",)),
    ("Welche Voraussetzungen gibt es für die Doktorandenstelle Moorökologie?",
     ("abgeschlossenes Masterstudium der Geoökologie",), ("Möglichkeit", "Fragen haben")),
    ("wat zijn de eisen voor de promovendus dijkveiligheid?",
     ("afgeronde master in civiele techniek",), ("vragen hebt",)),
    ("qualifications for the plankton postdoc?",
     ("Ph.D. in oceanography",), ("EUR 4,000", "does not state")),
])
def test_requirements_said_without_a_heading_are_quoted(
        router: Router, question: str, said: tuple[str, ...], unsaid: tuple[str, ...]) -> None:
    answer, _ = router.respond(question, ChatContext())
    text = render_plain(answer)
    assert answer.intent is Intent.REQUIREMENTS, text
    for words in said:
        assert words in text, text
    for words in unsaid:
        assert words not in text, text
