"""Out of scope is the absence of a vacancy question: messages that ask nothing about the
group's vacancies get the polite reply whatever words they share with the pages — on the
diag corpus (medicine, imaging) and on the sites' checkouts (NLP, physics, music, German
pages) — while short questions that do ask about a vacancy never do."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.model import ChatContext, Intent
from bot.router import Router
from knowledge import KnowledgeBase, build
from tests.paths import CORPUS_DAY, need_sites2

OFF_TOPIC = [
    "what is 17 times 23?",
    "whats the weather like tomorrow",
    "who won the world cup in 2014?",
    "can you help me fix a segmentation fault in my C code",
    "tell me a joke about statisticians",
    "wie spät ist es in Tokio?",
    "hoe laat gaat de supermarkt open?",
    "what is the capital of austria?",
    # an amount the user states is theirs to convert, not a question about pay
    "how much is 1800 euros in pounds?",
    "was sind 1.200 Euro in Pfund?",
    "hoeveel is 750 euro in dollars?",
]
ASKS = [
    ("what does the phd pay?", (Intent.SALARY, Intent.CLARIFY)),
    ("who do I contact?", (Intent.CONTACT, Intent.CLARIFY)),
    ("welche Stellen gibt es?", (Intent.LIST,)),
    ("is the PhD salary 2500 euro?", (Intent.SALARY, Intent.CLARIFY)),
]


@pytest.fixture(scope="module")
def sites2(tmp_path_factory: pytest.TempPathFactory) -> Router:
    db: Path = tmp_path_factory.mktemp("sites2") / "kb.db"
    build(need_sites2(), db, CORPUS_DAY)
    return Router(KnowledgeBase(db))


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_off_topic_on_the_corpus(corpus_router: Router, text: str) -> None:
    answer, _ = corpus_router.respond(text, ChatContext())
    assert answer.intent is Intent.FALLBACK, (text, answer.intent, answer.vacancies)


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_off_topic_on_the_sites(sites2: Router, text: str) -> None:
    answer, _ = sites2.respond(text, ChatContext())
    assert answer.intent is Intent.FALLBACK, (text, answer.intent, answer.vacancies)


@pytest.mark.parametrize("text, intents", ASKS)
def test_a_vacancy_question_is_never_refused(corpus_router: Router, sites2: Router, text: str,
                                             intents: tuple[Intent, ...]) -> None:
    for router in (corpus_router, sites2):
        answer, _ = router.respond(text, ChatContext())
        assert answer.intent in intents, (text, answer.intent)
