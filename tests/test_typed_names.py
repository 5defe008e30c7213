"""A name typed as a name ("im Bauer Lab", "the Clinical Genomics Group") names the
vacancy whose names hold it, however many other words frame the question — words of
another language that some other page happens to use do not outvote it."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

_BAUER = """---
title: Careers
---
## Working in the Bauer lab

The Bauer lab at the Institute of Medical Informatics develops ontologies and software for
rare disease diagnostics. We are looking for a PhD student and a postdoc.

The working language of the lab is English. Send your CV to careers@bauer-lab.example.org.
"""
_THESES = """---
title: Abschlussarbeiten
---
Sie möchten eine Bachelor- oder Masterarbeit schreiben? Sprechen Sie uns an, wir sprechen
über Ihr Problem und Ihre Ideen. Ein Problem ist selten ein Hindernis: ich spreche gerne
mit Ihnen über mögliche Themen. Kontakt: Dr. Eva Lind.
"""
_OTHER = """---
title: Join the lab
---
The Speech Lab in Leiden welcomes students for internships on speech recognition.
"""


_TOPICS = ("glacier monitoring", "protein folding", "coral reefs", "dark matter",
           "soil microbes", "bird migration", "traffic flow", "ancient scripts")


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    others = {f"site{n}__site{n}.github.io/phd.md":
              f"---\ntitle: PhD in {topic}\n---\nA PhD position on {topic}.\n"
              for n, topic in enumerate(_TOPICS)}  # a knowledge base of some size
    return site_router(tmp_path_factory, {
        "bauer__bauer.github.io/docs/careers.md": _BAUER,
        "htwg__theses.github.io/abschluss.md": _THESES,
        "speech__speech.github.io/join.md": _OTHER, **others})


@pytest.mark.parametrize("text", [
    "ich spreche kein Deutsch, ist das im Bauer Lab ein Problem?",
    "ik spreek geen Duits, is dat een probleem in het Bauer Lab?",
])
def test_a_typed_name_names_its_page_among_other_words(router: Router, text: str) -> None:
    answer, _ = router.respond(text, ChatContext())
    assert [v.title for v in answer.vacancies] == ["Careers"], answer
    assert "English" in render_plain(answer)


def test_a_typed_name_no_page_has_names_nothing(router: Router) -> None:
    """The typed name must be among a page's names: "Huber Lab" is on none of them."""
    answer, _ = router.respond("ich spreche kein Deutsch, ist das im Huber Lab ein Problem?",
                               ChatContext())
    assert [v.title for v in answer.vacancies] != ["Careers"], answer
