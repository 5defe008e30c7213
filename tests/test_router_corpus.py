"""The router with the real corpus (~120 vacancies) as its knowledge base."""

from __future__ import annotations

import re

from bot.answers.layout import PAGE_SIZE
from bot.model import ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from knowledge.keywords import NON_TOPIC
from knowledge.textnorm import STOPWORDS


def _name(title: str) -> str:
    """How a person would name a vacancy: the first distinctive words of its title."""
    distinctive = [w for w in re.findall(r"[\w'-]+", title)
                   if w.lower() not in NON_TOPIC and w.lower() not in STOPWORDS]
    return " ".join(distinctive[:5])


def test_vacancies_resolve_by_their_title_words(corpus_router: Router) -> None:
    kb = corpus_router.kb
    answered = offered = 0
    for x in kb.listings:
        answer, _ = corpus_router.respond(f"What are the requirements for {_name(x.title)}?",
                                          ChatContext())
        got = [v.id for v in answer.vacancies]
        if answer.intent is Intent.REQUIREMENTS:
            if got != [x.id]:  # a closed posting answered by its open variant, named in a note
                note = render_plain(answer)
                assert x.closed and (x.title in note or "same title" in note), (x.title, got)
            answered += 1
        else:
            assert answer.intent is Intent.CLARIFY, (x.title, answer.intent)
            assert x.id in got, (x.title, got)
            offered += 1
    print(f"\ncorpus by title words: {answered} answered directly, {offered} asked which "
          f"(the right one among the choices) of {len(kb)}")
    assert answered >= 0.8 * len(kb)


def test_lists_are_paginated_and_next_page_continues(corpus_router: Router) -> None:
    first, ctx = corpus_router.respond("/vacancies", ChatContext())
    assert first.intent is Intent.LIST and len(first.vacancies) == PAGE_SIZE
    more = [b for b in first.buttons if b.action == "page"]
    assert more and more[0].arg == "1"
    second, ctx = corpus_router.press("page", "", "1", ctx)
    assert second.intent is Intent.LIST
    assert not {v.id for v in first.vacancies} & {v.id for v in second.vacancies}
    assert all(v.status == "open" for v in first.vacancies + second.vacancies)
    picked, _ = corpus_router.respond(str(PAGE_SIZE + 2), ctx)
    assert picked.vacancies[0].id == second.vacancies[1].id


def test_topic_list_finds_matching_vacancies(corpus_router: Router) -> None:
    answer, _ = corpus_router.respond("any vacancies on pancreatic cancer?", ChatContext())
    assert answer.intent is Intent.LIST
    assert answer.vacancies
    for ref in answer.vacancies[:2]:  # the best matches name the topic in title or summary
        vacancy = corpus_router.kb.get(ref.id)
        assert vacancy is not None
        assert "pancrea" in f"{vacancy.title} {vacancy.description}".lower(), vacancy.title


def test_type_filter(corpus_router: Router) -> None:
    answer, _ = corpus_router.respond("which postdoc positions are open?", ChatContext())
    assert answer.intent is Intent.LIST and answer.vacancies
    assert all(corpus_router.kb.listing(v.id).category == "postdoc"  # type: ignore[union-attr]
               for v in answer.vacancies)


def test_every_corpus_vacancy_answers_every_intent_without_error(corpus_router: Router) -> None:
    for x in corpus_router.kb.listings:
        for action in ("requirements", "salary", "contact", "apply", "vacancy", "dates",
                       "duration", "location", "status"):
            answer, _ = corpus_router.press(action, x.id, "", ChatContext())
            text = render_plain(answer)
            assert answer.vacancies[0].id == x.id and text.strip()
            assert "member/" not in text
