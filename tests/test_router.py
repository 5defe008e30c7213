"""The router on the five seed vacancies: intents, which vacancy, follow-ups, ambiguity,
closed vacancies, not-stated facts, out-of-scope and hostile input."""

from __future__ import annotations

import re

import pytest

from bot.model import Answer, ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from tests.test_conversation import talk

OCT = "responsible-ai-cardiac-oct-phd"
MET = "metastatic-cancer-multimodal-phd"
BPG = "breast-prostate-grading-phd"
BONN = "bonn-robustness-explainability-phd"
PAN = "pancaim-pancreatic-cancer-phd"


def ask(router: Router, *turns: str) -> tuple[Answer, str]:
    ctx = ChatContext()
    answer = None
    for turn in turns:
        answer, ctx = router.respond(turn, ctx)
    assert answer is not None
    return answer, render_plain(answer)


def ids(answer: Answer) -> list[str]:
    return [v.id for v in answer.vacancies]


@pytest.mark.parametrize("question, intent, vacancy, must", [
    ("what does the pancreatic cancer position pay", Intent.SALARY, PAN, r"standard salary"),
    ("Gross monthly salary for the cardiac OCT vacancy?", Intent.SALARY, OCT, r"3[.,]536"),
    ("holiday allowance OCT", Intent.SALARY, OCT, r"8\s?%"),
    ("Bonn PhD Gehalt", Intent.SALARY, BONN, r"E ?13"),
    ("what degree do I need for the breast and prostate grading project", Intent.REQUIREMENTS,
     BPG, r"Computer Science"),
    ("Voraussetzungen für die Stelle in Bonn", Intent.REQUIREMENTS, BONN, r"PyTorch"),
    ("welke eisen gelden voor PANCAIM", Intent.REQUIREMENTS, PAN, r"deep learning"),
    ("who do I mail about PANCAIM?", Intent.CONTACT, PAN, r"Henkjan Huisman"),
    ("contactpersoon breast prostate", Intent.CONTACT, BPG, r"Geert Litjens"),
    ("what documents should I send for the OCT job", Intent.APPLY, OCT, r"motivation letter"),
    ("size limit for the Bonn application", Intent.APPLY, BONN, r"5 ?MB"),
    ("how long is the PANCAIM contract", Intent.DURATION, PAN, r"four years"),
    ("when would the OCT PhD start", Intent.DATES, OCT, r"Q4 2023"),
    ("how many PANCAIM positions are there", Intent.OVERVIEW, PAN, r"\b(3|three)\b"),
])
def test_questions_are_answered_from_the_right_vacancy(
        router: Router, question: str, intent: Intent, vacancy: str, must: str) -> None:
    answer, text = ask(router, question)
    assert answer.intent is intent, text
    assert ids(answer) == [vacancy]
    assert re.search(must, text, re.I), text


def test_contact_is_a_readable_name_never_a_slug(router: Router) -> None:
    _, text = ask(router, "contact for the metastatic cancer PhD")
    assert "Alessa Hering" in text and "member/" not in text


def test_follow_up_uses_the_vacancy_of_the_conversation(router: Router) -> None:
    answer, text = ask(router, "Tell me about PANCAIM", "and the salary?")
    assert answer.intent is Intent.SALARY and ids(answer) == [PAN]
    answer, text = ask(router, "Tell me about PANCAIM", "who should I contact?")
    assert ids(answer) == [PAN] and "Geert Litjens" in text


def test_chats_do_not_share_context(router: Router) -> None:
    _, ctx_a = router.respond("Tell me about the Bonn PhD", ChatContext())
    answer, _ = router.respond("how do I apply?", ChatContext())
    assert answer.intent is Intent.CLARIFY
    answer, _ = router.respond("how do I apply?", ctx_a)
    assert ids(answer) == [BONN]


def test_ambiguous_person_asks_which_vacancy_with_buttons(router: Router) -> None:
    answer, _ = ask(router, "What are the requirements for Litjens' vacancy?")
    assert answer.intent is Intent.CLARIFY
    assert set(ids(answer)) == {BPG, PAN}
    assert {b.vacancy for b in answer.buttons} == {BPG, PAN}
    assert all(b.action == "requirements" for b in answer.buttons)


def test_clarify_then_pick_by_number(router: Router) -> None:
    ctx = ChatContext()
    first, ctx = router.respond("What is the salary?", ctx)
    assert first.intent is Intent.CLARIFY
    chosen = first.vacancies[1].id
    answer, _ = router.respond("the second one", ctx)
    assert answer.intent is Intent.SALARY and ids(answer) == [chosen]


def test_salary_across_all_vacancies(router: Router) -> None:
    answer, text = ask(router, "What is the salary for all the open positions?")
    assert answer.intent is Intent.SALARY
    assert set(ids(answer)) == {OCT, BPG, BONN, PAN}
    assert "E13" in text.replace(" ", "") or "E 13" in text


def test_closed_vacancy_says_closed_when_applying(router: Router) -> None:
    answer, text = ask(router, "how can I apply for the metastatic cancer PhD")
    assert ids(answer) == [MET] and "closed" in text.lower()
    answer, text = ask(router, "is the metastasis position still open?")
    assert answer.intent is Intent.STATUS and "closed" in text.lower()


def test_not_stated_is_said_and_points_to_the_contact(router: Router) -> None:
    _, text = ask(router, "What is the application deadline for PANCAIM?")
    assert re.search(r"does not state an application deadline", text)
    assert "Henkjan Huisman" in text
    _, text = ask(router, "salary PANCAIM")
    assert "does not state a salary amount" in text
    assert not re.search(r"€\s?\d", text)


def test_lists_leave_closed_out_unless_asked(router: Router) -> None:
    answer, _ = ask(router, "which vacancies are there?")
    assert answer.intent is Intent.LIST and MET not in ids(answer) and len(ids(answer)) == 4
    answer, text = ask(router, "show closed vacancies")
    assert ids(answer) == [MET] and "closed" in text


def test_list_by_topic(router: Router) -> None:
    answer, _ = ask(router, "any pathology vacancies?")
    assert answer.intent is Intent.LIST
    assert {BPG, PAN} <= set(ids(answer)) and MET not in ids(answer)


@pytest.mark.parametrize("command, intent, vacancy", [
    ("/requirements bonn", Intent.REQUIREMENTS, BONN),
    ("/apply OCT", Intent.APPLY, OCT),
    ("/vacancy pancaim", Intent.OVERVIEW, PAN),
    ("/salary@vacbot_test_bot pancaim", Intent.SALARY, PAN),
])
def test_commands(router: Router, command: str, intent: Intent, vacancy: str) -> None:
    answer, _ = ask(router, command)
    assert answer.intent is intent and ids(answer) == [vacancy]


def test_command_without_name_uses_context_or_asks(router: Router) -> None:
    answer, _ = ask(router, "/contact")
    assert answer.intent is Intent.CLARIFY
    answer, _ = ask(router, "tell me about the Bonn PhD", "/contact")
    assert answer.intent is Intent.CONTACT and ids(answer) == [BONN]


@pytest.mark.parametrize("text", ["What's the weather in Paris?", "asdfghjkl qwerty",
                                  "Who won the football match yesterday?"])
def test_out_of_scope_gets_fallback_without_vacancy_facts(router: Router, text: str) -> None:
    answer, rendered = ask(router, text)
    assert answer.intent is Intent.FALLBACK and answer.vacancies == ()
    assert "€" not in rendered and "@" not in rendered


@pytest.mark.parametrize("text", ["hello", "Hallo!", "goedemorgen"])
def test_greetings(router: Router, text: str) -> None:
    answer, _ = ask(router, text)
    assert answer.intent in (Intent.GREETING, Intent.HELP)


@pytest.mark.parametrize("text", [
    '"salary" OR NEAR(', "'; DROP TABLE vacancies; --", "<b>bold</b> <script>x</script>",
    "**salary** _bonn_", "\x00\x01\x1b[2J", "🎓" * 500, "salary " * 2000, "x" * 10_000, "",
    "   ", "/", "/unknowncommand arg", "/start nonsense-id", "1", "#999",
])
def test_hostile_input_never_raises(router: Router, text: str) -> None:
    answer, rendered = ask(router, text)
    assert isinstance(answer.intent, Intent)
    assert rendered.strip()


@pytest.mark.parametrize("follow_up", ["and what about Bonn?", "And for PANCAIM?",
                                       "en voor de Bonn vacature?", "und Bonn?"])
def test_follow_up_naming_another_vacancy_keeps_the_question(router: Router,
                                                             follow_up: str) -> None:
    answer, _ = ask(router, "salary for the OCT PhD", follow_up)
    assert answer.intent is Intent.SALARY
    assert ids(answer)[0] in (BONN, PAN)


def test_naming_a_vacancy_alone_opens_its_overview(router: Router) -> None:
    answer, _ = ask(router, "salary for the OCT PhD", "PANCAIM")
    assert answer.intent is Intent.OVERVIEW and ids(answer) == [PAN]


def test_duration_not_stated_is_not_guessed_from_other_numbers(router: Router) -> None:
    # the OCT page mentions a "10-year programme" but no contract length
    answer, text = ask(router, "How long is the contract for the OCT PhD?")
    assert answer.intent is Intent.DURATION and "10-year" not in text
    assert "does not state the contract duration" in text and "Jos Thannhauser" in text


@pytest.mark.parametrize("text", ["thanks!", "Thank you", "bedankt", "danke"])
def test_thanks_gets_a_polite_reply(router: Router, text: str) -> None:
    answer, rendered = ask(router, text)
    assert answer.intent is Intent.GREETING and answer.vacancies == ()
    assert any(word in rendered.lower() for word in ("welcome", "graag", "gern"))


def test_contact_names_each_person_once_with_their_address(router: Router) -> None:
    _, text = ask(router, "who do I contact about the Bonn PhD?")
    people = [line for line in text.splitlines() if line.startswith("•")]
    assert people == ["• Shadi Albarqouni — shadi.albarqouni@ukbonn.de"]


CONVERSATIONS = (
    ("What does the PANCAIM position pay?", "and the contact?", "what about Bonn?",
     "and the contact?"),
    ("which PhDs are open?", "2", "how do I apply?", "what does it pay?"),
    ("/salary pancaim", "/salary bonn", "what does it pay?", "requirements?"),
)


def test_replies_composed_once_are_the_replies_composed_afresh(router: Router,
                                                               seeds_db: object) -> None:
    """The router keeps composed replies for the same question about the same page: a
    conversation played again on it (and the same words in another context) gets exactly
    what a router that never saw them gives."""
    from pathlib import Path

    from knowledge import KnowledgeBase

    assert isinstance(seeds_db, Path)
    for turns in CONVERSATIONS:
        first = [render_plain(a) for a in talk(router, *turns)]
        again = [render_plain(a) for a in talk(router, *turns)]
        fresh = [render_plain(a) for a in talk(Router(KnowledgeBase(seeds_db)), *turns)]
        assert first == again == fresh
    # "and the contact?" after PANCAIM and after Bonn: one text, two answers
    pan, bonn = render_plain(talk(router, *CONVERSATIONS[0])[1]), render_plain(
        talk(router, *CONVERSATIONS[0])[3])
    assert pan != bonn
    # one page, one intent, other words: other answers
    housing, vacation = (render_plain(router.respond(text, ChatContext())[0]) for text in (
        "what about housing for the PANCAIM PhD?", "what about vacation days for the PANCAIM "
        "PhD?"))
    assert "housing" in housing and "vacation" in vacation
