"""The decision table, tested directly: a conversation's last message -> the rule that
decides and the vacancy it is about. Pages of two small sites built in a temporary folder
(two postings of one PhD, a postdoc, a lab's PhD and a closed MSc thesis), so that the
rules are tried on pages none of them was written for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.decide import Action, _alike, _among_named, situation
from bot.model import ChatContext
from bot.router import Router
from bot.understand import read
from tests.paths import site_router

PAGES = {
    "ice-lab/_posts/2022-03-01-phd-glacier.md": """---
title: PhD position in glacier modelling
date: 2022-03-01
deadline: 2022-05-01
---
We offer a PhD position on numerical glacier modelling (TV-L E13, 65 %). Contact Ada Brick
(ada.brick@example.org).
""",
    "ice-lab/_posts/2024-05-01-phd-glacier.md": """---
title: PhD position in glacier modelling
date: 2024-05-01
---
We offer a PhD position on numerical glacier modelling (TV-L E13, 75 %) for four years.
Contact Ada Brick (ada.brick@example.org).
""",
    "ice-lab/_posts/2024-04-01-postdoc-ice.md": """---
title: Postdoc on ice sheet dynamics
date: 2024-04-01
---
A two-year postdoc position on ice sheet dynamics with satellite data. Contact Ada Brick
(ada.brick@example.org).
""",
    "moss-lab/jobs/phd.md": """---
title: PhD in plant ecology
---
We are hiring a PhD student in plant ecology (4 years). Write to Tom Moss
(tom.moss@example.org).
""",
    "moss-lab/jobs/master.md": """---
title: MSc thesis on soil microbes
deadline: 2023-01-15
---
A master thesis on soil microbes and drought. Write to Tom Moss (tom.moss@example.org).
""",
}
OLD_PHD, NEW_PHD, POSTDOC = "2022-03-01-phd-glacier", "2024-05-01-phd-glacier", \
    "2024-04-01-postdoc-ice"


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES)


def last_decision(router: Router, *turns: str) -> tuple[str, Action, tuple[str, ...]]:
    ctx = ChatContext()
    for turn in turns[:-1]:
        _, ctx = router.respond(turn, ctx)
    d = router.decide(read(turns[-1], ctx.lang), ctx)
    return d.rule, d.action, d.ids


@pytest.mark.parametrize("turns, rule, ids", [
    # the open posting of two with one title; then the older one, pointed at
    (("what does the glacier modelling PhD pay?",), "the-open-one", (NEW_PHD, OLD_PHD)),
    (("what does the glacier modelling PhD pay?", "and the older posting?"),
     "reference-older", (OLD_PHD,)),
    (("tell me about the ice sheet postdoc", "and the PhD from 2022?"),
     "reference-year", (OLD_PHD,)),
    # "the other one" stays on the site of the vacancy talked about
    (("tell me about the plant ecology PhD", "and the other one?"), "reference-other",
     ("master",)),
    # back to the first vacancy of the conversation
    (("tell me about the ice sheet postdoc", "who supervises the plant ecology PhD?",
      "back to the first one - how long is it?"), "reference-back", (POSTDOC,)),
    # another kind, asked for while talking about one: that kind on the same site
    (("tell me about the soil microbes thesis", "and the PhD?"), "kind-switch", ("phd",)),
    # nothing asked about a vacancy
    (("is the glacier in the alps the oldest in europe?",), "not-a-vacancy-question", ()),
    (("can you help me fix my python training loop?",), "not-a-vacancy-question", ()),
    # a vacancy named by what no page has: say so
    (("what does the zebrafish imaging project pay?",), "no-match", ()),
    # a list asked for: a list, even of the one page its words name best
    (("list the thesis topics on soil microbes",), "exists-one", ("master",)),
    (("which projects are there on glacier modelling?",), "topic-list", (NEW_PHD, OLD_PHD)),
    # how many there are: counted, in a list; while talking about one, how many it offers
    (("how many PhD positions are there?",), "list", ()),
    (("tell me about the ice sheet postdoc", "how many positions are there?"), "subject",
     (POSTDOC,)),
    (("how many PhD positions on glacier modelling are there?",), "topic-list",
     (NEW_PHD, OLD_PHD)),
])
def test_rules(router: Router, turns: tuple[str, ...], rule: str,
               ids: tuple[str, ...]) -> None:
    got_rule, _, got_ids = last_decision(router, *turns)
    assert (got_rule, got_ids[: len(ids)]) == (rule, ids)


def test_a_kind_with_only_closed_vacancies_is_listed_as_closed(router: Router) -> None:
    answer, _ = router.respond("any open master thesis?", ChatContext())
    assert [v.id for v in answer.vacancies] == ["master"]
    assert answer.vacancies[0].status == "closed"
    assert "No open" in answer.blocks[0].text


@pytest.mark.parametrize("text", [
    "list the open positions, but no PhDs", "which vacancies are there except PhD positions?",
    "any positions other than PhDs?", "welke vacatures behalve promotieplekken?",
    "welche Stellen außer Doktorandenstellen?",
])
def test_a_kind_ruled_out_is_not_listed(router: Router, text: str) -> None:
    """A list of the other kinds: the words that rule a kind out name no vacancy, and
    "other than" points at no other vacancy."""
    d = router.decide(read(text), ChatContext())
    kinds = {x.category for x in router.desk.listings(d.ids)}
    assert d.action is Action.LIST and kinds and "phd" not in kinds, (d.rule, kinds)


def test_two_chats_never_share_state(router: Router) -> None:
    a, b = ChatContext(), ChatContext()
    _, a = router.respond("what does the plant ecology PhD pay?", a)
    answer, b = router.respond("and the older posting?", b)
    assert a.subject == "phd" and not b.subject
    assert not answer.vacancies or answer.vacancies[0].id != "phd"


def test_a_button_is_decided_by_the_same_rules(router: Router) -> None:
    answer, ctx = router.press("salary", POSTDOC, "", ChatContext())
    assert [v.id for v in answer.vacancies] == [POSTDOC] and ctx.subject == POSTDOC
    d = router.decide(read("who do i contact?"), ctx)
    assert (d.rule, d.ids) == ("subject", (POSTDOC,))


def test_how_many_is_answered_with_the_count(router: Router) -> None:
    answer, _ = router.respond("how many postdoc positions are open?", ChatContext())
    assert answer.blocks[0].text == "1 matching:"
    assert [v.id for v in answer.vacancies] == [POSTDOC]



# Two postings of one site that share its front matter, so that its institute names both:
# the kind asked tells them apart, though one of them is titled plainly ("PhD Positions").
REEF = {
    "reef-lab/_posts/2023-10-29-job-posting-a.md": """---
title: "PhD Positions"
institute: "Harbour Marine University"
---
We are seeking PhD candidates and interns to join the reef lab for coral genomics. Apply
through the graduate school. Contact Prof. Ana Reef (ana.reef@harbour.example.edu).
""",
    "reef-lab/_posts/2024-08-28-job-posting-b.md": """---
title: "Postdoctoral Position: Coral Genomics Group at the Lisbon Ocean Centre"
institute: "Harbour Marine University"
---
The Coral Genomics Group, a partner of the reef lab, invites applications for a
postdoctoral position on coral reef genomics and heat stress. Contact Dr. Rui Mar
(rui.mar@ocean.example.pt).
""",
}


@pytest.mark.parametrize("question, vacancy", [
    ("what's the deadline for the PhD at Harbour Marine University's reef lab?",
     "2023-10-29-job-posting-a"),
    ("salary of the postdoc at Harbour Marine University's reef lab?",
     "2024-08-28-job-posting-b"),
])
def test_of_two_named_the_one_of_the_kind_asked(tmp_path_factory: pytest.TempPathFactory,
                                                question: str, vacancy: str) -> None:
    """When both are named (as the site's shared words do on a bigger site), the rule that
    chooses among them takes the kind asked before the posting with the specific title."""
    router = site_router(tmp_path_factory, PAGES | REEF)
    desk, q = router.desk, read(question)
    s = situation(desk, q, ChatContext())
    both = replace(s, named=REEF_IDS)
    d = _among_named(desk, both, q.intents)
    assert (d.rule, d.ids) == ("the-kind-asked", (vacancy,))


REEF_IDS = ("2023-10-29-job-posting-a", "2024-08-28-job-posting-b")


OTHER_GROUP = {  # another group's page with a title as plain as the ice lab's PhD page's
    "fern-lab/_posts/2024-06-01-phd-ferns.md": """---
title: PhD position in fern modelling
date: 2024-06-01
---
We offer a PhD position on fern growth models. Contact Una Frond (una.frond@example.org).
""",
    "ice-lab/_posts/2024-07-01-postdoc-glacier.md": """---
title: Postdoc position in glacier modelling
date: 2024-07-01
---
A postdoc position on glacier modelling with satellite data. Contact Ada Brick
(ada.brick@example.org).
""",
}


@pytest.fixture(scope="module")
def two_groups(tmp_path_factory: pytest.TempPathFactory) -> Router:
    return site_router(tmp_path_factory, PAGES | OTHER_GROUP)


@pytest.mark.parametrize("ids, alike", [
    ((OLD_PHD, NEW_PHD), True),  # two postings of one PhD
    ((NEW_PHD, "2024-06-01-phd-ferns"), False),  # another group's, its title alike
    ((NEW_PHD, "2024-07-01-postdoc-glacier"), False),  # one group's, of another kind
])
def test_variants_of_one_vacancy_are_one_groups_of_one_kind(two_groups: Router,
                                                           ids: tuple[str, str],
                                                           alike: bool) -> None:
    desk = two_groups.desk
    assert _alike(desk, desk.listings(ids)) is alike


def test_of_two_named_the_one_of_the_kind_talked_about(two_groups: Router) -> None:
    """"and the glacier one?" while talking about a PhD: of a PhD and a postdoc on
    glaciers, the PhD."""
    ctx = ChatContext(subject="phd")
    desk, q = two_groups.desk, read("and the glacier modelling one, how is it paid?")
    s = situation(desk, q, ctx)
    both = replace(s, named=("2024-07-01-postdoc-glacier", NEW_PHD))
    d = _among_named(desk, both, q.intents)
    assert (d.rule, d.ids) == ("the-kind-talked-about", (NEW_PHD,))
