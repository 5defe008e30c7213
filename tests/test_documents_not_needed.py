"""Documents an application asks for, as the page says them: a document the page says is not
needed ("no need for a separate cover letter", "you do not need to send a CV") is not listed,
a passive request ("should be sent to ...") is a request, the items of a list that an
application sentence leads into are the documents asked for (and a list of research
questions is not), and a question about a document is answered first with the page's
sentence on it."""

from __future__ import annotations

import re

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from knowledge import FactKind, Vacancy, read_folder
from tests.paths import CORPUS_DAY, site_router

GLACIER = """---
title: PhD position in glacier hydrology
---
We offer a PhD position on meltwater routing in Alpine glaciers.

## How to apply
Please send an e-mail with a CV and a one-page research statement to ice@glacier.example.org.
No need for a separate cover letter or certificates.
"""

ROBOTS = """---
title: Postdoc in swarm robotics
---
We are looking for a postdoc to work on swarm robotics.

Applications with a motivation letter, full CV, diploma and two references should be sent
to Dr. Jana Novak (jana.novak@robots.example.org).
"""

BIRDS = """---
title: Research assistant in bird migration
---
We are hiring a research assistant to track migrating storks.

## Application
You do not need to send a cover letter: an e-mail with your CV and the names of two
referees to birds@migration.example.org is enough.
"""

MOOR = """---
title: Doktorandenstelle Moorhydrologie
---
## Die Aufgaben

- Feldmessungen in wiedervernässten Mooren
- Veröffentlichung der Ergebnisse

Bitte bewerben Sie sich mit folgenden Unterlagen:

1. Motivationsschreiben (max. 2 Seiten),
2. Lebenslauf,
3. eine Arbeitsprobe (Masterarbeit)

bis zum 1. März an moor@hydro.example.de.
"""

SHIFTS = """---
title: PhD in fair shift scheduling
---
We offer a PhD position on scheduling nurses' shifts. Key research questions include:

- Can a model weigh individual preferences against staffing requirements and references to
  labour law?
- How should publications on scheduling be compared?

Send your CV to shifts@care.example.org.
"""
_PAGES = (("glacier.md", GLACIER), ("robots.md", ROBOTS), ("birds.md", BIRDS),
          ("moor.md", MOOR), ("shifts.md", SHIFTS))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Vacancy]:
    root = tmp_path_factory.mktemp("docs")
    for name, text in _PAGES:
        (root / name).write_text(text, encoding="utf-8")
    return {v.id: v for v in read_folder(root, CORPUS_DAY).vacancies}


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, {"glacier.md": GLACIER, "robots.md": ROBOTS,
                                          "birds.md": BIRDS})


@pytest.mark.parametrize("page, wanted, unwanted", [
    ("glacier", {"CV", "research statement"}, {"cover letter"}),
    ("robots", {"motivation letter", "CV", "diploma", "two references"}, set()),
    ("birds", {"CV"}, {"cover letter"}),
    ("moor", {"Motivationsschreiben", "Lebenslauf", "Arbeitsprobe"}, set()),
    ("shifts", {"CV"}, {"references", "publications"}),
])
def test_the_documents_asked_for(pages: dict[str, Vacancy], page: str, wanted: set[str],
                                 unwanted: set[str]) -> None:
    docs = {f.value for f in pages[page].facts_of(FactKind.DOCUMENT)}
    assert wanted <= docs and not unwanted & docs


@pytest.mark.parametrize("question, must", [
    ("glacier hydrology PhD: do I need a cover letter?", r"^No need for a separate cover"),
    ("bird migration assistant - do I have to write a cover letter?",
     r"^You do not need to send a cover letter"),
])
def test_a_question_on_a_document_is_answered_with_the_page_sentence_first(
        router: Router, question: str, must: str) -> None:
    answer, _ = router.respond(question, ChatContext())
    assert answer.intent in (Intent.APPLY, Intent.REQUIREMENTS)
    body = render_plain(answer).split("\n\n", 1)[1]
    assert re.search(must, body), body
