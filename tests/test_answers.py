"""Answers an applicant can act on, readable on a phone: tables of question -> fragments the
reply must contain and must not contain, on the seeds, the corpus and small made-up pages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.answers import layout
from bot.model import ChatContext, Intent, Style
from bot.render import render_plain
from bot.router import Router
from knowledge import KnowledgeBase, build

# (question, fragments that must be in the reply, fragments that must not)
SEEDS = [
    # apply: a checklist with the address and the person's name the page pairs with it
    ("how do I apply for the Bonn PhD?",
     [r"Send your application to: Shadi Albarqouni \(shadi\.albarqouni@ukbonn\.de\)",
      r"E-mail subject: CIR/06/2023", r"5 MB", r"cover letter"],
     [r"^Prof\.$", r"Reference: CIR/06/2023"]),  # the subject line is not said twice
    # a sentence that carries a link keeps it
    ("how do I apply for PANCAIM?", [r"apply here \(https://www\.radboudumc\.nl/\S+\)"], []),
    # two questions in one message: both answered
    ("is the OCT phd part-time and how long does it run?",  # full-time answers part-time
     [r"full-time employee \(36 hours per week\)", r"does not state the contract duration"],
     [r"does not mention working part-time"]),
    ("what does the PANCAIM PhD pay and who is the contact?",  # no "neuro" (euro) or
     [r"standard salary", r"Henkjan Huisman"],  # "large-scale" lines as pay
     [r"Application areas", r"large-scale"]),
    # eligibility: required and desirable apart; the thing asked about first
    ("what are the requirements for the breast and prostate grading PhD?",
     [r"Required:", r"Nice to have:\n\n• Experience with deep learning"], []),
    ("can I apply for PANCAIM with only a bachelor?",
     [r"does not mention a bachelor's degree", r"MSc degree"], [r"Apply via"]),
    ("do I need to speak Dutch for the breast and prostate grading PhD?",
     [r"does not mention Dutch"], [r"Netherlands"]),
    ("is a bachelor enough for PANCAIM? and is Dutch required?",  # both things named
     [r"does not mention a bachelor's degree", r"does not mention Dutch"], []),
    ("do I need to speak German for the Bonn PhD?",  # the page lists it as desirable
     [r"^Nice to have: Fluency in spoken and written German"], [r"^Fluency in spoken"]),
    # practical questions the page does not answer: say so and name the contact
    ("can I work from home on the PANCAIM project?",
     [r"does not mention working from home", r"Henkjan Huisman"], []),
    ("do I need a visa for the Bonn PhD?",
     [r"does not mention a visa", r"Shadi Albarqouni"], []),
    # the bot's own words in the user's language, the page's words as written
    ("Wie bewerbe ich mich für die Bonner Stelle?",
     [r"Bewerbung an: Shadi Albarqouni", r"Betreff: CIR/06/2023"],
     [r"^• Send your application to"]),
    ("wat verdien je bij PANCAIM?", [r"geeft geen informatie over het salaris"], []),
]


@pytest.mark.parametrize("question, must, must_not", SEEDS)
def test_seed_answers(router: Router, question: str, must: list[str],
                      must_not: list[str]) -> None:
    text = render_plain(router.respond(question, ChatContext())[0])
    for rx in must:
        assert re.search(rx, text, re.I | re.M), (rx, text)
    for rx in must_not:
        assert not re.search(rx, text, re.I | re.M), (rx, text)


def test_a_sentence_cut_for_the_phone_is_whole_behind_more(router: Router) -> None:
    answer, ctx = router.respond("How do I apply for the Bonn PhD?", ChatContext())
    short = render_plain(answer)
    assert "…" in short and "quoting the job advertisement" not in short
    [more] = [b for b in answer.buttons if b.arg == "more"]
    longer, _ = router.press(more.action, more.vacancy, more.arg, ctx)
    assert "quoting the job advertisement no. CIR/06/2023" in render_plain(longer)


def test_closed_vacancy_says_so_first(router: Router) -> None:
    answer, _ = router.respond("What do I need to send to apply for the metastatic cancer PhD?",
                               ChatContext())
    assert answer.intent is Intent.APPLY
    assert answer.blocks[1].style is Style.NOTE and "closed" in answer.blocks[1].text


CORPUS = [
    # a practical question the page answers: its own sentence
    ("the project that predicts a patients age and sex from bone tissue slides, is there any "
     "wet lab work involved?", [r"wet.?lab"], [r"polio"]),
    # a question in the user's own words: the sentence that holds the figure
    ("for the rat liver immune cell infiltrates project, how much annotated data is there?",
     [r"\b86\b"], []),
    # durations in full: the evaluation and the extension
    ("how long is the contract for the amara phd on pulmonary nodules?",
     [r"4 years", r"evaluat"], []),
    # a reimbursement period is no contract duration
    ("how long does the hip dysplasia ultrasound project take?", [], [r"six months of"]),
]


@pytest.mark.parametrize("question, must, must_not", CORPUS)
def test_corpus_answers(corpus_router: Router, question: str, must: list[str],
                        must_not: list[str]) -> None:
    text = render_plain(corpus_router.respond(question, ChatContext())[0])
    for rx in must:
        assert re.search(rx, text, re.I), (rx, text)
    for rx in must_not:
        assert not re.search(rx, text, re.I), (rx, text)


_ABBREVIATION_END = re.compile(r"\b(Prof|Dr|e\.g|i\.e|z\. ?B|bzw|ca|incl|inkl|Nr)\.$")
ACTIONS = ("requirements", "salary", "contact", "apply", "vacancy", "dates", "duration",
           "location", "status")


def test_every_corpus_reply_fits_a_phone(corpus_router: Router) -> None:
    """No reply over the limit, at most one source line, no line cut at an abbreviation,
    no line twice, on every intent of every vacancy of the corpus."""
    for x in corpus_router.kb.listings:
        for action in ACTIONS:
            answer, _ = corpus_router.press(action, x.id, "", ChatContext())
            text = render_plain(answer)
            assert len(text) <= layout.REPLY_MAX + 50, (x.id, action, len(text))
            assert sum(b.style is Style.SOURCE for b in answer.blocks) <= 1, (x.id, action)
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            assert not [line for line in lines if _ABBREVIATION_END.search(line)], (x.id, action)
            assert len(lines) == len(set(lines)), (x.id, action)


def test_more_gives_the_longer_version(corpus_router: Router) -> None:
    for x in corpus_router.kb.listings:
        answer, ctx = corpus_router.press("requirements", x.id, "", ChatContext())
        more = [b for b in answer.buttons if b.arg == "more"]
        if more:
            longer, _ = corpus_router.press(more[0].action, x.id, "more", ctx)
            assert len(render_plain(longer)) > len(render_plain(answer))
            assert len(render_plain(longer)) <= layout.MORE_MAX + 50
            return
    pytest.fail("no reply on the corpus offered More")


PAGE = """---
title: Research assistant in robotics
---
The lab of Jane Doe offers a student job.

## Contact
Questions? Ask Jane Doe. Applications go to jobs@example.org.
"""


def test_a_name_is_never_paired_with_an_address_the_page_does_not_pair(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "robotics.md").write_text(PAGE)
    build(tmp_path / "pages", tmp_path / "kb.db")
    router = Router(KnowledgeBase(tmp_path / "kb.db"))
    text = render_plain(router.respond("who is the contact?", ChatContext())[0])
    assert "jobs@example.org" in text and "Jane Doe" in text
    assert not re.search(r"Jane Doe\W+jobs@example\.org", text), text


OLD = """---
title: PhD position in glacier imaging
date: 2022-04-22
---
We are hiring a PhD student. Contact Jane Doe (jane.doe@example.org).
"""


@pytest.mark.parametrize("question, said", [
    ("is the glacier PhD still open?", r"posted on 2022-04-22, over a year ago.*Jane Doe"),
    ("is die glacier PhD nog open?", r"van 2022-04-22, al meer dan een jaar oud.*Jane Doe"),
    ("ist die glacier PhD noch offen?", r"am 2022-04-22 veröffentlicht.*Jane Doe"),
])
def test_an_old_posting_is_not_called_open_without_its_day(tmp_path: Path, question: str,
                                                           said: str) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "glacier.md").write_text(OLD)
    build(tmp_path / "pages", tmp_path / "kb.db", dt.date(2026, 12, 1))
    router = Router(KnowledgeBase(tmp_path / "kb.db"))
    text = render_plain(router.respond(question, ChatContext())[0])
    assert re.search(said, text, re.S), text
    assert "is open." not in text and "is closed" not in text


SEVERAL_PLACES = """---
title: Postdoc in liver imaging
location: Leiden
---
The postdoc is part of a consortium with partners at the University of Utrecht and in
Groningen, Netherlands. Alice and Bob wrote the first paper.
"""


def test_where_names_the_other_places_the_page_says_the_work_is_done(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "liver.md").write_text(SEVERAL_PLACES)
    build(tmp_path / "pages", tmp_path / "kb.db")
    router = Router(KnowledgeBase(tmp_path / "kb.db"))
    text = render_plain(router.respond("where is the liver postdoc? only in Leiden?",
                                       ChatContext())[0])
    assert "Leiden" in text and "Utrecht" in text and "Groningen" in text, text
    assert "Alice" not in text


VAGUE_DEADLINES = {
    "moss.md": ("PhD in moss ecology", "Please write to Tom Moss well before the mid-March "
                "deadline of the graduate school. The work starts on 1 September 2027."),
    "ice.md": ("Promotion zur Gletscherdynamik", "Die Stelle beginnt am 1. Oktober 2027. Bitte "
               "beachten "
               "Sie die Bewerbungsfrist der Graduiertenschule. Die längerfristige Mitarbeit ist "
               "erwünscht."),
    "reef.md": ("Promotieplek koraalrif", "De aanstelling begint op 1 mei 2027. Stuur je brief "
                "uiterlijk begin april naar Jan de Vries."),
    "soil.md": ("PhD in soil physics", "The work starts on 1 June 2027. We are a lab with a "
                "longer-term view on soil."),
}


@pytest.mark.parametrize("question, said", [
    ("when is the deadline for the moss ecology PhD?", "mid-March deadline"),
    ("bis wann kann ich mich für die Gletscherdynamik Promotion bewerben?", "Bewerbungsfrist"),
    ("wat is de deadline voor de promotieplek koraalrif?", "uiterlijk begin april"),
    ("when is the deadline for the soil physics PhD?", ""),
])
def test_a_deadline_the_page_gives_without_a_date_is_quoted(tmp_path: Path, question: str,
                                                           said: str) -> None:
    """No date to read, but the page's own words about the deadline ("well before the
    mid-March deadline"), and not that the page does not state one; that only when the
    page says nothing of a deadline ("longer-term" and "längerfristig" do not)."""
    (tmp_path / "pages").mkdir()
    for name, (title, body) in VAGUE_DEADLINES.items():
        (tmp_path / "pages" / name).write_text(f"---\ntitle: {title}\n---\n{body}\n")
    build(tmp_path / "pages", tmp_path / "kb.db", dt.date(2026, 12, 1))
    router = Router(KnowledgeBase(tmp_path / "kb.db"))
    text = render_plain(router.respond(question, ChatContext())[0])
    silent = ("does not state an application deadline", "keine Angaben zu einer Bewerbungsfrist",
              "geen informatie over een sluitingsdatum")
    assert said in text and "längerfristige" not in text, text
    assert any(s in text for s in silent) == (not said), text
