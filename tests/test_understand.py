"""Step 1 of the router: what a message asks, read without any knowledge base."""

from __future__ import annotations

import pytest

from bot.model import ChatContext, Intent
from bot.router import Router
from bot.understand import read
from knowledge.positions import asked_kinds, page_kinds

I = Intent  # noqa: E741 (short for the tables below)


@pytest.mark.parametrize("text, wanted, excluded", [
    ("is there a master thesis on basal cell carcinoma? not the phd", {"msc"}, {"phd"}),
    ("msc thesis, not the postdoc, on oral polio vaccine", {"msc"}, {"postdoc"}),
    ("is er een masterproject (dus geen phd) over oct", {"msc"}, {"phd"}),
    ("keine Promotion, sondern eine Masterarbeit", {"msc"}, {"phd"}),
    ("Promotionsstelle in Bonn", {"phd"}, set()),
    ("Doktorandenstelle zu Pathologie", {"phd"}, set()),
    ("promotieplek over longkanker", {"phd"}, set()),
    ("afstudeerproject bij het Kadaster", {"msc"}, set()),
    ("Welche Hiwi-/SHK-Jobs habt ihr?", {"assistant"}, set()),
    ("any jobs for research software engineers?", {"engineer"}, set()),
    ("the datamanager job", {"engineer"}, set()),
    ("research assistants in Yulia's lab", {"assistant"}, set()),
    ("the Ph.D. position", {"phd"}, set()),
    ("what does the position pay", set(), set()),
])
def test_kinds_asked_and_ruled_out(text: str, wanted: set[str], excluded: set[str]) -> None:
    assert asked_kinds(text) == (frozenset(wanted), frozenset(excluded))


@pytest.mark.parametrize("text, about_me, wanted", [
    ("i only have a bachelor in physics, am i eligible?", ("bachelor", "physics"), set()),
    ("kan ik met een master geneeskunde solliciteren op de phd?", ("master", "geneeskunde"),
     {"phd"}),
    ("kann ich mich mit einem Bachelor bewerben?", ("bachelor",), set()),
    ("is a bachelor enough for the PhD?", ("bachelor",), {"phd"}),
    ("i have a medical degree, what would i get?", ("medical",), set()),
    ("do you have a phd on pancreatic cancer?", (), {"phd"}),  # "you have": no degree of mine
    ("do I need to speak German for it?", ("german",), set()),
])
def test_what_users_say_of_themselves_is_not_a_kind(text: str, about_me: tuple[str, ...],
                                                    wanted: set[str]) -> None:
    msg = read(text)
    assert msg.me.words[: len(about_me)] == about_me
    assert msg.wanted == frozenset(wanted)


@pytest.mark.parametrize("text, intents", [
    ("what does it pay?", (I.SALARY,)),
    ("how long is the phd part and where is the internship", (I.DURATION, I.LOCATION)),
    ("who is the contact and when does it start?", (I.CONTACT, I.DATES)),
    ("i have a medical degree tho, what would i get then?", (I.SALARY,)),
    ("can I apply with only a bachelor?", (I.REQUIREMENTS,)),
    ("no degree but 5 yrs of django experience. can i still apply?", (I.REQUIREMENTS,)),
    ("gibt es ein Projekt, wo man Tippdaten auswertet? welche Programmiersprachen brauche ich?",
     (I.REQUIREMENTS,)),  # "wo man ..." is a relative clause, not "where?"
    ("Wann fängt der Job an und wie viele Stunden pro Woche sind das?",
     (I.DATES, I.DURATION)),
    ("what do i put in the email subject?", (I.APPLY,)),
    ("last day to apply?", (I.DATES,)),
    ("so can i still apply?", (I.STATUS,)),
    # a follow-up's leading "and" opens a question-word question, not a yes/no one about
    # the user ("if I have questions" says nothing of their eligibility)
    ("and what should the email subject be if I have questions?", (I.APPLY,)),
    ("and where do I send it if I have questions?", (I.APPLY,)),
])
def test_every_question_of_a_message_is_read(text: str, intents: tuple[Intent, ...]) -> None:
    assert read(text).intents[: len(intents)] == intents


@pytest.mark.parametrize("text, topic", [
    ("can it be done remotely?", "remote"),
    ("Kann man auch von zu Hause arbeiten?", "home_office"),
    ("can it be done part time?", "part_time"),
    ("ik heb een visum nodig", "visa"),
    ("is it hard to find housing in Nijmegen?", "housing"),
    ("how many vacation days do PhD students get?", "vacation"),
    ("how many students are you looking for?", "places"),
    ("is there any wet lab work involved?", "wet_lab"),
])
def test_practical_topics(text: str, topic: str) -> None:
    assert [a.topic.key for a in read(text).topics][:1] == [topic]


@pytest.mark.parametrize("text, intents", [
    # a topic word before a kind of position describes it; what is asked is something else
    ("im from india, can i get one of the funded phd places?", (I.REQUIREMENTS,)),
    ("ik kom uit Brazilië, kan ik op de gefinancierde promotieplek solliciteren?",
     (I.REQUIREMENTS,)),
    ("can i apply for the part-time postdoc?", (I.APPLY,)),
    # joined to it by a hyphen, and when the question asks to be told about it
    ("tell me about the ERC-funded engineer vacancy", (I.OVERVIEW,)),
    ("can you tell me about the EU-funded postdoc?", (I.OVERVIEW,)),
    # ... but it is what is asked when nothing else is, or when the user speaks of it
    ("is it a funded phd?", (I.SALARY,)),
    ("I am from Brazil. Is the PhD funded?", (I.SALARY,)),
    ("do you have funded PhD positions or do I need my own money?", (I.SALARY,)),
])
def test_a_topic_that_describes_the_position_is_not_what_is_asked(
        text: str, intents: tuple[Intent, ...]) -> None:
    assert read(text).intents[: len(intents)] == intents


@pytest.mark.parametrize("text, exists", [
    ("is there a PhD on pancreatic cancer?", True),
    ("do you have anything on adhesions?", True),
    ("anything on tinnitus?", True),
    ("gibt es ein Projekt zu Tippdaten?", True),
    ("zijn er promotieplekken over longkanker?", True),
    ("is there any wet lab work involved?", False),  # a question about the work, not a list
    ("what is the salary?", False),
])
def test_existence_questions(text: str, exists: bool) -> None:
    assert read(text).exists is exists


@pytest.mark.parametrize("text, status", [
    ("which of those is still open?", "open"),
    ("is it still available?", "open"),
    ("list the closed positions", "closed"),
    ("what does it pay?", ""),
])
def test_status_filter(text: str, status: str) -> None:
    assert read(text).status_filter == status


@pytest.mark.parametrize("text, social", [
    ("hi", "greeting"), ("thanks!", "thanks"), ("help", "help"), ("hi, what does it pay?", ""),
])
def test_social_only_when_nothing_is_asked(text: str, social: str) -> None:
    assert read(text).social == social


def test_words_about_the_user_or_a_topic_do_not_name_a_vacancy() -> None:
    msg = read("i only have a bachelor in physics, can i work from home on the OCT project?")
    assert "physics" not in msg.naming and "home" not in msg.naming
    assert "oct" in msg.naming


@pytest.mark.parametrize("title, text, kinds", [
    ("Clinical PhD position on lung nodules", "Are you a researcher with a MSc degree in "
     "Medicine? You hold an MSc in physics.", ("phd",)),
    ("Postdoc in pathology", "You hold a PhD in computer science. You have completed a PhD.",
     ("postdoc",)),
    ("MSc project: continue with a PhD", "After your MSc thesis you continue as PhD candidate "
     "and obtain a PhD degree.", ("msc", "phd")),
    ("Working with us", "We have two PhD students positions and a PhD position open. "
     "Applicants hold an M.Sc. degree; a B.Sc. degree is not sufficient.", ("phd",)),
])
def test_a_degree_required_is_no_kind_of_position(title: str, text: str,
                                                  kinds: tuple[str, ...]) -> None:
    assert page_kinds(title, text) == kinds


def test_a_message_is_folded_and_cut_into_words_once(monkeypatch: pytest.MonkeyPatch,
                                                       router: Router) -> None:
    """Resolve, decide and answer read the Query, never the message text again."""
    import sys

    import bot.understand
    import knowledge.textnorm

    text = "Ich habe nur einen Bachelor — was verdient man in der Bonner Promotionsstelle?"
    folded: list[str] = []
    real_fold = knowledge.textnorm.fold

    def counting(value: str, limit: int | None = knowledge.textnorm.MAX_CHARS) -> str:
        out = real_fold(value, limit)
        if "bachelor" in out and "verdient" in out:  # the message, not a page's text
            folded.append(value)
        return out

    for module in list(sys.modules.values()):  # wherever the function was imported
        if getattr(module, "fold", None) is real_fold:
            monkeypatch.setattr(module, "fold", counting)
    bot.understand.read.cache_clear()
    router.respond(text, ChatContext())
    assert len(folded) == 1


def test_a_question_after_thousands_of_blank_lines_is_read() -> None:
    q = read("hi" + "\n" * 3000 + "what does the Bonn PhD pay?")
    assert q.intents == (Intent.SALARY,) and "bonn" in q.naming


@pytest.mark.parametrize(("text", "counts"), [
    ("how many PhD positions are open?", True),
    ("how many open positions do you have?", True),
    ("hoeveel open vacatures zijn er?", True),
    ("wie viele Stellen gibt es?", True),
    ("how many students will they take?", False),
    ("how much does the PhD pay?", False),
    ("do PhD students have to teach? how much", False),
])
def test_what_how_many_counts(text: str, counts: bool) -> None:
    assert read(text).counts_vacancies is counts


@pytest.mark.parametrize(("text", "social"), [
    ("what can I ask you?", "help"), ("wat kan ik je vragen?", "help"),
    ("was kann ich dich fragen?", "help"), ("how do I use this bot?", "help"),
    ("hoe gebruik ik deze bot?", "help"), ("wie benutze ich den Bot?", "help"),
    ("how will I use Python in this project?", ""), ("how do I use the portal to apply?", ""),
])
def test_asking_how_to_use_the_bot_is_help_in_every_language(text: str, social: str) -> None:
    assert read(text).social == social


@pytest.mark.parametrize("text, intent", [
    # what the user studies or did, then whether they may apply: eligibility, in each language
    ("I did a PhD in cell biology but have no first-author paper. Can I apply to the postdoc?",
     Intent.REQUIREMENTS),
    ("Ich studiere Geoinformatik im 1. Semester – kann ich mich als Hilfskraft bewerben?",
     Intent.REQUIREMENTS),
    ("ik studeer biologie, mag ik solliciteren op de stage?", Intent.REQUIREMENTS),
    ("I study physics, can I apply for the PhD?", Intent.REQUIREMENTS),
    # what is expected of applicants is asked, not how to apply
    ("what do they expect from applicants for the quantum PhD?", Intent.REQUIREMENTS),
    ("Was erwarten Sie von Bewerbern für die Hilfskraftstelle?", Intent.REQUIREMENTS),
    ("wat verwachten jullie van sollicitanten?", Intent.REQUIREMENTS),
    # "still" with the verb at the end, however far
    ("Kann ich mich noch auf die Postdoc- oder Doktorandenstelle bei der Gruppe bewerben?",
     Intent.STATUS),
    ("kan ik nog voor de promotieplek in de groep van Bhardwaj solliciteren?", Intent.STATUS),
    # an auxiliary "did" is not the user's degree
    ("what did the PhD students publish?", Intent.OVERVIEW),
])
def test_what_is_asked_of_the_user_and_by_them(text: str, intent: Intent) -> None:
    assert read(text).intents[:1] == (intent,), read(text)


@pytest.mark.parametrize("text, wants_list, intent", [
    ("what vacancies has the group posted?", True, None),  # "posted" is no "when?"
    ("which jobs has the lab published?", True, None),
    ("when was the PhD posted?", False, Intent.DATES),
    ("wanneer is de vacature gepubliceerd?", False, Intent.DATES),
])
def test_posted_asks_when_only_with_when(text: str, wants_list: bool,
                                         intent: Intent | None) -> None:
    q = read(text)
    assert q.wants_list is wants_list, q
    assert intent is None or q.intents[:1] == (intent,), q

