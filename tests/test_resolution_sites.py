"""Which vacancy a message means, on pages of 32 other sites (`../shared/corpus/sites`):
people named only in the text, a site owner's handle, German and Dutch words, a degree the
page requires that is no kind of position. Each row is a message as an applicant types it
and the page (id prefix) the answer must come from."""

from __future__ import annotations

import pytest

from bot.model import Answer, ChatContext, Intent
from bot.render import render_plain
from bot.router import Router
from knowledge import KnowledgeBase, build
from tests.paths import CORPUS_DAY, need_sites


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Router:
    db = tmp_path_factory.mktemp("sites") / "sites.db"
    build(need_sites(), db, CORPUS_DAY)
    return Router(KnowledgeBase(db))


@pytest.mark.parametrize("text, intent, page", [
    # a first name the page writes only in its text ("please contact Yulia")
    ("does Yulia's group take research assistants?", Intent.OVERVIEW, "TheNeutralMind"),
    ("Was verdient man als Postdoc in Yulias Lab?", Intent.SALARY, "TheNeutralMind"),
    # a lab named after a person whose name is only in the site's handle ("bckrlab")
    ("what do phds in the becker lab get paid?", Intent.SALARY, "bckrlab__bckrlab.github.io"
     "___pages__join-us__phd"),
    # a German compound's part, a Dutch question about an organisation
    ("Stelle zur Klärschlammbehandlung: wer ist Ansprechpartner?", Intent.CONTACT,
     "syslabcom__casc.alt___posts__jobs__2020-11-17"),
    ("wie bewerbe ich mich für die Promotionsstelle SeRANIS?", Intent.APPLY,
     "syslabcom__casc.alt___posts__jobs__2020-11-13"),
    # a subject line asked by the project's name
    ("Pigeons CRT: what should I put in the subject line?", Intent.APPLY, "Julia-Tempering"),
    # the position is a name, not a question: "tenure track" asks for no duration
    ("what does the GSSI tenure track pay?", Intent.SALARY, "num-gssi"),
    # the page names the UvA, never Amsterdam: the page that does is the one meant there
    ("contact for the NLP phd at the UvA", Intent.CONTACT, "vene__"),
    # the page with the name asked for, though of another kind than asked, over a page
    # that only shares "lab" with the question
    ("is the Koch lab hiring PhD students or postdocs at the moment?", Intent.STATUS,
     "lmkoch__"),
])
def test_the_page_meant(sites: Router, text: str, intent: Intent, page: str) -> None:
    answer, _ = sites.respond(text, ChatContext())
    assert answer.intent is intent, (text, answer.intent, answer.vacancies)
    assert [v.id[: len(page)] for v in answer.vacancies[:1]] == [page], answer.vacancies


def test_a_page_of_phd_headings_is_a_phd_page_whatever_degree_it_requires(
        sites: Router) -> None:
    """"Working with us" lists two PhD and one postdoc position and requires an M.Sc.; all
    three repeat a deadline that has passed, so an "is it open?" hears it is closed."""
    answer, _ = sites.respond("is the tübingen phd in interpretable machine learning for "
                              "medical images still open?", ChatContext())
    assert [v.id for v in answer.vacancies] == ["baumgach__baumgach.github.io___pages__jobs"]
    assert answer.vacancies[0].status == "closed"
    assert sites.kb.listing(answer.vacancies[0].id).category == "phd"  # type: ignore[union-attr]


def _talk(router: Router, *turns: str) -> list[tuple[Answer, str]]:
    ctx = ChatContext()
    out = []
    for text in turns:
        answer, ctx = router.respond(text, ctx)
        out.append((answer, render_plain(answer)))
    return out


def test_not_the_one_picks_the_other_position_and_who_supervises_it(sites: Router) -> None:
    """"not the interpretable one" rules that position out (the word is read whole), and
    "who supervises it?" quotes the sentence naming both supervisors."""
    _, (answer, text) = _talk(
        sites, "i saw the tübingen mlmia phd ads",
        "the robust ml one, not the interpretable one. who supervises it?")
    assert answer.intent is Intent.CONTACT
    assert text.startswith("PhD student (m/f/d, E13 TV-L; 65%) in Robust Machine Learning")
    assert "Interpretable" not in text and "Matthias Hein" in text


def test_a_position_is_answered_from_its_own_text_not_its_neighbours(sites: Router) -> None:
    """A page of thesis topics: one topic's answer quotes its level and language, not the
    page's table of contents or another topic's description."""
    _, (_, text) = _talk(
        sites, "Gibt es Abschlussarbeiten zur Datenmodellierung in Hagen?",
        "Das Thema zu Übungsaufgaben der Datenmodellierung: geht das im Bachelor und in "
        "welcher Sprache?")
    assert text.startswith("Themenvorschlag: Untersuchungen zu Übungsaufgaben")
    assert "B.Sc./M.Sc." in text and "Sprache: Deutsch" in text
    assert "Forschungsprojekt" not in text and "Softwarearchitekten" not in text
