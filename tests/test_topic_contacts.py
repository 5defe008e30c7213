"""On a page of several topics, each with its own contact, "who do I contact about X?"
names X's contact first — the first the page gives after X's title — and still lists the
page's others. A page of one topic keeps its contacts in the page's order."""

from __future__ import annotations

import pytest

from bot.model import ChatContext
from bot.render import render_plain
from bot.router import Router
from tests.paths import site_router

_THESES = """---
title: Abschlussarbeiten
---
Fragen zu Abschlussarbeiten richten Sie bitte an theses@schul-lab.example.org.

**Lesekompetenz in der Grundschule mit digitalen Medien**

Ansprechperson: Dr. Anna Keller (anna.keller@schul-lab.example.org)

**Unterrichtsstörungen im Lehr-Lern-Setting aus Sicht von Expertinnen**

Ansprechperson: Dr. Jonas Weber (jonas.weber@schul-lab.example.org)

**Feedback im Mathematikunterricht der Sekundarstufe**

Ansprechperson: Dr. Lea Vogt (lea.vogt@schul-lab.example.org)
"""
_ONE = """---
title: PhD position in glacier monitoring
---
A PhD position in glacier monitoring with satellite radar at the University of Graz.

Contact: Dr. Karl Moser (karl.moser@example.org) or Dr. Eva Lind (eva.lind@example.org).
"""


_TOPICS = ("protein folding", "coral reefs", "dark matter", "soil microbes", "bird migration",
           "traffic flow", "ancient scripts", "sea ice", "volcanic ash", "river deltas",
           "tree rings", "cloud physics", "bee colonies", "desert dunes", "urban heat")


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    others = {f"phd{n}.md": f"---\ntitle: PhD in {topic}\n---\nA PhD position on {topic}.\n"
              for n, topic in enumerate(_TOPICS)}  # a knowledge base of some size
    return site_router(tmp_path_factory, {"theses.md": _THESES, "glacier.md": _ONE, **others})


def _contacts(router: Router, text: str) -> list[str]:
    reply = render_plain(router.respond(text, ChatContext())[0])
    return [line[2:] for line in reply.splitlines() if line.startswith("• ")]


@pytest.mark.parametrize("text, first", [
    ("Wen kann ich wegen der Arbeit zu Unterrichtsstörungen im Lehr-Lern-Setting kontaktieren?",
     "Jonas Weber"),
    ("An wen schreibe ich wegen der Arbeit zum Feedback im Mathematikunterricht?", "Lea Vogt"),
])
def test_the_topic_named_gets_its_own_contact_first(router: Router, text: str,
                                                      first: str) -> None:
    found = _contacts(router, text)
    assert found and first in found[0], found
    assert any("theses@schul-lab.example.org" in c for c in found), found


def test_a_page_of_one_topic_keeps_the_pages_order(router: Router) -> None:
    found = _contacts(router, "who do I contact about the satellite radar glacier PhD?")
    assert found and "Karl Moser" in found[0], found
