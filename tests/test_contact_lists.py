"""People a contact section lists one per line, each with a title, are the contacts — German
and Austrian degrees included ("Ao.Univ.-Prof. Dr.techn.", "MMag. Dr.", "Dipl.-Ing."), which
end no sentence; a German section's capitalised nouns are no one's name."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.render import render_plain
from knowledge import FactKind, Vacancy, read_folder
from knowledge.sentences import split_sentences
from tests.paths import CORPUS_DAY, site_router

SNOW = """---
title: Master thesis on avalanche forecasting with radar data
---
## Motivation
Avalanches threaten Alpine roads every winter.

## Supervision and contact
- Ao.Univ.-Prof. Dr.techn. Helga Brunner
- Dipl.-Ing. Dr.rer.nat. Thomas Lechner (Institute of Geodesy, Graz University of Technology)
"""

KONTAKT = """---
title: Masterarbeit Verkehrsplanung
---
Wir vergeben eine Masterarbeit zur Verkehrsplanung in Linz.

## Kontakt
- Wissenschaftliche Fragestellung
- In der Firma
- MMag. Dr. Eva Huber
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Vacancy]:
    root = tmp_path_factory.mktemp("contacts")
    for name, text in (("snow.md", SNOW), ("kontakt.md", KONTAKT)):
        (root / name).write_text(text, encoding="utf-8")
    return {v.id: v for v in read_folder(root, CORPUS_DAY).vacancies}


@pytest.mark.parametrize("page, names", [
    ("snow", ["Ao.Univ.-Prof. Dr.techn. Helga Brunner", "Dipl.-Ing. Dr.rer.nat. Thomas Lechner"]),
    ("kontakt", ["MMag. Dr. Eva Huber"]),
])
def test_a_contact_list_of_titled_people(pages: dict[str, Vacancy], page: str,
                                         names: list[str]) -> None:
    assert [f.value for f in pages[page].facts_of(FactKind.CONTACT_PERSON)] == names


@pytest.mark.parametrize("text", [
    "Ao.Univ.-Prof. Dr.techn. Helga Brunner",
    "MMag. Dr. Eva Huber leads the project.",
    "Dipl.-Ing. Dr.rer.nat. Thomas Lechner",
])
def test_a_degree_ends_no_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize("question", [
    "who supervises the avalanche forecasting thesis?",
    "Wer betreut die Masterarbeit zu Lawinen und Radar?",
])
def test_who_supervises_names_them(tmp_path_factory: pytest.TempPathFactory,
                                   question: str) -> None:
    router = site_router(tmp_path_factory, {"snow.md": SNOW})
    answer, _ = router.respond(question, ChatContext())
    text = render_plain(answer)
    assert answer.intent is Intent.CONTACT
    assert "Helga Brunner" in text and "Thomas Lechner" in text
