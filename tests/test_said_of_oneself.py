"""What an applicant says they have not got ("I did a PhD but have no first-author paper",
"ich habe keinen Führerschein", "ik heb geen rijbewijs") is answered with the page's line
about that very thing; and a requirements section that opens with questions and lead-ins
("Are you a student of ...?", "Please consider the following:") quotes what it requires in
so many words first. Pages written for these tests, in three languages."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from bot.understand import read
from tests.paths import site_router

POSTDOC = """---
title: Postdoc in marine epigenetics
---
The Tide Lab studies how temperature shapes DNA methylation in mussels. We offer a
two-year postdoctoral position. Applicants must have a PhD in biology or a related field.
Experience with bisulfite sequencing is required. Applicants must have at least one first
author publication from their PhD. Please send your CV to Dr. Lena Tide
(lena.tide@tide.example.org).
"""

FAHRER = """---
title: Technische Assistenz Feldmessungen
---
Die Arbeitsgruppe Bodenphysik sucht eine technische Assistenz für Feldmessungen an
Messstationen im Harz. Ein Führerschein der Klasse B ist erforderlich, da die Stationen nur
mit dem Auto erreichbar sind. Sie verfügen über eine abgeschlossene Ausbildung als
Elektroniker oder Physiklaborant. Bewerbungen an boden@physik.example.de.
"""

STAGE = """---
title: Stage veldwerk kustmorfologie
---
## Wie zoeken wij?

Ben je een masterstudent aardwetenschappen? Lees dan het volgende:

- Je hebt een rijbewijs B, want de meetlocaties liggen buiten de stad.
- Je bent minimaal vier maanden beschikbaar.
- Je hebt ervaring met GPS-metingen.

Mail naar kust@geo.example.nl.
"""

INTERNSHIP = """---
title: Internships in the Delta Genomics Lab
---
## Master's internships

Are you a student of computer science interested in genomics? Or are you enrolled in a
bioinformatics programme? We have several projects for a master's internship! Please
consider the following before applying:

- Internships last a minimum of six months of full-time research.
- Students must already bring strong programming skills in Python or R.
- For students with a technical background, knowledge of biology is not required.
- Some experience with Linux is desirable.

Write to delta@genomics.example.org.
"""


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"tide.md": POSTDOC, "fahrer.md": FAHRER,
                                          "stage.md": STAGE, "delta.md": INTERNSHIP})


@pytest.mark.parametrize("question, says", [
    ("I did a PhD in marine biology but have no first-author paper from it. Can I apply "
     "for the mussel epigenetics postdoc?", "first author publication"),
    ("Ich habe keinen Führerschein, kann ich mich für die Feldmessungen bewerben?",
     "Führerschein der Klasse B ist erforderlich"),
    ("ik heb geen rijbewijs, kan ik de stage kustmorfologie doen?", "rijbewijs B"),
])
def test_what_the_user_lacks_is_answered_with_the_pages_line(
        router: Router, question: str, says: str) -> None:
    answer, _ = router.respond(question, ChatContext())
    assert answer.intent is Intent.REQUIREMENTS
    text = render_plain(answer)
    assert says in text.split("\n\n", 2)[1], text  # the first line after the title


def test_an_instruction_without_the_user_is_not_a_self_description(router: Router) -> None:
    """"How do I apply without a CV?" asks how to apply; nobody said what they lack."""
    answer, _ = router.respond("how do I apply for the epigenetics postdoc without a CV?",
                               ChatContext())
    assert answer.intent is Intent.APPLY


def test_stated_requirements_come_before_the_sections_questions(router: Router) -> None:
    answer, _ = router.respond("requirements for the delta genomics internship?",
                               ChatContext())
    text = render_plain(answer)
    assert "must already bring strong programming skills" in text, text
    assert text.index("must already bring") < text.index("Are you a student"), text


@pytest.mark.parametrize("question", [
    "does the Tide lab currently have an open PhD position?",
    "hat die Arbeitsgruppe eine Promotionsstelle frei?",
    "heeft de sectie nog een promotieplek open?",
])
def test_a_degree_before_a_word_for_a_post_is_asked_for_not_held(question: str) -> None:
    q = read(question)
    assert not q.me.words and Intent.REQUIREMENTS not in q.intents, (q.me, q.intents)
