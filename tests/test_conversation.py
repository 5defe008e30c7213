"""Conversations over several turns: the subject is kept, picks after "which one?" and lists
answer the question asked before, another vacancy named switches, context is per chat."""

from __future__ import annotations

import pytest

from bot.model import Answer, ChatContext, Intent
from bot.render import render_plain
from bot.router import Router

OCT = "responsible-ai-cardiac-oct-phd"
MET = "metastatic-cancer-multimodal-phd"
BPG = "breast-prostate-grading-phd"
BONN = "bonn-robustness-explainability-phd"
PAN = "pancaim-pancreatic-cancer-phd"


def talk(router: Router, *turns: str) -> list[Answer]:
    ctx = ChatContext()
    out = []
    for turn in turns:
        answer, ctx = router.respond(turn, ctx)
        out.append(answer)
    return out


def ids(answer: Answer) -> list[str]:
    return [v.id for v in answer.vacancies]


# (turns, intent of the last answer, its vacancy)
SEEDS_CONVERSATIONS = [
    # the subject is kept until another vacancy is named
    (("Tell me about the Bonn PhD", "how long is it?", "and who do I contact?"),
     Intent.CONTACT, BONN),
    (("Tell me about the Bonn PhD", "and what about PANCAIM?"), Intent.OVERVIEW, PAN),
    (("what does the OCT phd pay?", "and the deadline?"), Intent.DATES, OCT),
    # a pick by number after "which one?" answers the question asked before
    (("what's the salary?", "2"), Intent.SALARY, BPG),
    # a pick by words after a list, then a follow-up about it
    (("what are Litjens' vacancies?", "the one on pancreatic cancer", "how do I apply?"),
     Intent.APPLY, PAN),
    # words that fit several listed narrow the choice; the next pick settles it
    (("any phd positions on cancer?", "the pathology one", "the prostate one", "salary?"),
     Intent.SALARY, BPG),
    # status asked about the subject
    (("what is the deadline for the metastatic cancer phd?", "can I still apply?"),
     Intent.STATUS, MET),
    # the greeting's list can be picked from
    (("hello", "3", "requirements?"), Intent.REQUIREMENTS, PAN),
]


@pytest.mark.parametrize("turns, intent, vacancy", SEEDS_CONVERSATIONS)
def test_conversations_on_the_seeds(router: Router, turns: tuple[str, ...], intent: Intent,
                                    vacancy: str) -> None:
    last = talk(router, *turns)[-1]
    assert last.intent is intent, render_plain(last)
    assert ids(last) == [vacancy]


def test_a_practical_question_before_which_one_is_answered_after_the_pick(
        router: Router) -> None:
    first, last = talk(router, "is home office possible?", "the bonn one")
    assert first.intent is Intent.CLARIFY
    assert ids(last) == [BONN]
    assert "home" in render_plain(last).lower()  # the question, not just the card


def test_clarify_tells_the_choices_apart_with_distinct_buttons(router: Router) -> None:
    answer = talk(router, "what's the salary?")[-1]
    assert answer.intent is Intent.CLARIFY
    labels = [b.label for b in answer.buttons]
    assert len(labels) == len(set(labels)) <= 5
    assert all(b.action == "salary" for b in answer.buttons)  # pressing answers the question


def test_context_is_per_chat(router: Router) -> None:
    _, ctx_a = router.respond("Tell me about the Bonn PhD", ChatContext())
    assert router.respond("how do I apply?", ChatContext())[0].intent is Intent.CLARIFY
    assert ids(router.respond("how do I apply?", ctx_a)[0]) == [BONN]


def test_context_survives_being_stored(router: Router) -> None:
    _, ctx = router.respond("what's the salary?", ChatContext())
    again = ChatContext.from_dict(ctx.to_dict())
    assert again == ctx
    answer, _ = router.respond("2", again)
    assert answer.intent is Intent.SALARY and ids(answer) == [BPG]


def test_contexts_of_older_versions_are_read() -> None:
    old = ChatContext.from_dict({"vacancy": BONN, "last_intent": "salary",
                                 "extra": {"pending": "contact", "lang": "de"}})
    assert (old.subject, old.last_intents, old.pending, old.lang) == (
        BONN, ("salary",), ("contact",), "de")


CORPUS_CONVERSATIONS = [
    # "which one?" between two pages, then a description picks one
    (("tell me about the covid-19 classification with ultrasound project",
      "the one about lung ultrasound with the portable pocus devices. who's the contact?"),
     Intent.CONTACT, "covid_ultrasound"),
    # a person's two vacancies, then the kind picks one, then a follow-up
    (("what's stan noordman's project?", "the phd one", "and the salary?"),
     Intent.SALARY, "phd-picus-2024"),
    # a list filtered by status
    (("anything on finding abdominal adhesions with cine mri?",
      "which of those is still open? and who do i talk to"), Intent.CONTACT,
     "ai-for-adhesions"),
    # a topic list, then a place named inside it
    (("what phd positions do you have on prostate cancer?", "the one at cwz. deadline?"),
     Intent.DATES, "phd-junior-researcher-cwz"),
    # the subject is kept although a word of the question names other pages
    (("tell me about the amara phd on pulmonary nodules",
      "how long is the contract, is there an evaluation?"), Intent.DURATION,
     "phd-amara-clinical"),
]


@pytest.mark.parametrize("turns, intent, vacancy", CORPUS_CONVERSATIONS)
def test_conversations_on_the_corpus(corpus_router: Router, turns: tuple[str, ...], intent: Intent,
                                     vacancy: str) -> None:
    last = talk(corpus_router, *turns)[-1]
    assert last.intent is intent, render_plain(last)
    assert ids(last) == [vacancy]
