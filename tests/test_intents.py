"""The intent classifier: what a user would expect, per intent and language, with typos,
the disambiguation pairs, hostile input and commands."""

from __future__ import annotations

import pytest

from bot.intents import CONTENT, IntentScores, best, classify, parse_command
from bot.model import Intent
from bot.understand import read

LIST, OVERVIEW, REQ, SALARY = Intent.LIST, Intent.OVERVIEW, Intent.REQUIREMENTS, Intent.SALARY
CONTACT, APPLY, DATES, DURATION = Intent.CONTACT, Intent.APPLY, Intent.DATES, Intent.DURATION
LOCATION, STATUS, HELP, GREETING = Intent.LOCATION, Intent.STATUS, Intent.HELP, Intent.GREETING

CLEAR = 0.7  # a clear question scores at least this
THRESHOLD = 0.5  # the router's threshold

CASES: list[tuple[str, Intent]] = [
    # salary / terms — en
    ("what's the pay like", SALARY),
    ("how much would I earn as a PhD student", SALARY),
    ("how much does the postdoc position pay?", SALARY),
    ("gross monthly income?", SALARY),
    ("is there a holiday allowance", SALARY),
    ("what benefits do you offer for the pathology job", SALARY),
    ("is it full-time or part-time", SALARY),
    ("how many hours a week is it", SALARY),
    ("which salary scale applies", SALARY),
    ("conditions of employment for the radiology project", SALARY),
    ("terms of employment", SALARY),
    ("pension and other benefits?", SALARY),
    ("stipend amount?", SALARY),
    ("what is the remuneration", SALARY),
    # salary — nl
    ("wat is het salaris", SALARY),
    ("hoeveel verdien je als promovendus", SALARY),
    ("wat zijn de arbeidsvoorwaarden", SALARY),
    ("krijg ik vakantiegeld?", SALARY),
    ("is het een voltijd baan of deeltijd", SALARY),
    ("jaarsalaris van de postdoc", SALARY),
    # salary — de
    ("Wie hoch ist das Gehalt?", SALARY),
    ("Was verdient man als Doktorand?", SALARY),
    ("Vergütung nach TV-L?", SALARY),
    ("Ist die Stelle in Teilzeit?", SALARY),
    ("Wie viel Urlaub gibt es", SALARY),
    ("Entgeltgruppe E13?", SALARY),
    # requirements — en
    ("what qualifications do I need", REQ),
    ("am I eligible with a bachelor degree", REQ),
    ("what background are you looking for", REQ),
    ("do I need a master's degree", REQ),
    ("is python experience required", REQ),
    ("what skills should the candidate have", REQ),
    ("who can apply for the pathology phd", REQ),
    ("can I apply with a degree in physics?", REQ),
    ("what is the ideal candidate profile", REQ),
    ("must I speak Dutch?", REQ),
    ("what kind of experience is expected", REQ),
    ("am I suitable for this", REQ),
    # requirements — nl
    ("wat zijn de eisen", REQ),
    ("welke opleiding heb ik nodig", REQ),
    ("kom ik in aanmerking met een hbo diploma", REQ),
    ("welke ervaring wordt verwacht", REQ),
    ("wat is het gevraagde profiel", REQ),
    # requirements — de
    ("Welche Voraussetzungen muss ich erfüllen?", REQ),
    ("Was muss ich mitbringen?", REQ),
    ("Welche Qualifikationen braucht man", REQ),
    ("Brauche ich einen Masterabschluss?", REQ),
    ("Welche Kenntnisse werden erwartet", REQ),
    # contact — en
    ("who can I contact", CONTACT),
    ("who should I email with questions", CONTACT),
    ("who is the supervisor", CONTACT),
    ("contact details please", CONTACT),
    ("phone number of the PI", CONTACT),
    ("how can I get in touch with the group", CONTACT),
    ("who do I talk to about the radiology position", CONTACT),
    ("email address?", CONTACT),
    ("who can answer my questions", CONTACT),
    # contact — nl
    ("wie is de contactpersoon", CONTACT),
    ("met wie kan ik contact opnemen", CONTACT),
    ("wie is de begeleider van dit project", CONTACT),
    ("bij wie kan ik terecht met vragen", CONTACT),
    ("e-mailadres van de promotor?", CONTACT),
    # contact — de
    ("Wen kann ich kontaktieren?", CONTACT),
    ("An wen wende ich mich bei Fragen?", CONTACT),
    ("Wen kann ich wegen der Stelle in München anschreiben?", CONTACT),  # the verb, far off
    ("An wen schicke ich das Anschreiben?", APPLY),  # the noun: a cover letter, sent
    ("Wer ist der Betreuer?", CONTACT),
    ("E-Mail Adresse bitte", CONTACT),
    ("Kontakt für die Stelle in Bonn", CONTACT),
    # apply — en
    ("how can I apply", APPLY),
    ("where do I send my CV", APPLY),
    ("what documents are needed for the application", APPLY),
    ("should I include a cover letter", APPLY),
    ("application procedure for the pathology phd", APPLY),
    ("what should the subject line of my email be", APPLY),
    ("is there a maximum file size", APPLY),
    ("how to submit my application", APPLY),
    ("where can I upload the documents", APPLY),
    ("can I send my transcripts by mail", APPLY),
    # apply — nl
    ("hoe kan ik solliciteren", APPLY),
    ("waar moet ik mijn sollicitatie naartoe sturen", APPLY),
    ("wat moet ik opsturen", APPLY),
    ("moet ik een motivatiebrief meesturen", APPLY),
    ("hoe meld ik me aan", APPLY),
    # apply — de
    ("Wie kann ich mich bewerben?", APPLY),
    ("Welche Unterlagen muss ich einreichen?", APPLY),
    ("Wohin schicke ich meine Bewerbungsunterlagen", APPLY),
    ("Brauche ich ein Anschreiben?", APPLY),
    ("Wo bewerbe ich mich?", APPLY),
    # overview
    ("tell me about the radiology vacancy", OVERVIEW),
    ("what is the pathology project about", OVERVIEW),
    ("describe the postdoc position", OVERVIEW),
    ("what will I be working on", OVERVIEW),
    ("how many positions are available in this project", OVERVIEW),
    ("who are the partners in the consortium", OVERVIEW),
    ("give me a short summary", OVERVIEW),
    ("what would my tasks be", OVERVIEW),
    ("waar gaat de vacature over", OVERVIEW),
    ("geef een omschrijving van de functie", OVERVIEW),
    ("hoeveel plekken zijn er", OVERVIEW),
    ("Worum geht es in dem Projekt?", OVERVIEW),
    ("Was sind die Aufgaben?", OVERVIEW),
    ("Beschreibung der Stelle bitte", OVERVIEW),
    ("Wie viele Stellen gibt es in dem Projekt?", OVERVIEW),
    # dates
    ("when does it start", DATES),
    ("what's the deadline", DATES),
    ("when is the closing date", DATES),
    ("until when can I apply", DATES),
    ("how long do I have to apply", DATES),
    ("when was the vacancy published", DATES),
    ("what is the expected starting date", DATES),
    ("when does the vacancy close", DATES),
    ("wanneer begint het project", DATES),
    ("wat is de sluitingsdatum", DATES),
    ("tot wanneer kan ik reageren", DATES),
    ("wat is de deadline voor de sollicitatie", DATES),
    ("Wann ist der Bewerbungsschluss?", DATES),
    ("Wann geht es los? Wann ist der Beginn?", DATES),
    ("Bis wann kann ich mich bewerben?", DATES),
    ("Ab wann ist der Start?", DATES),
    # duration
    ("how long is the phd", DURATION),
    ("what is the duration of the contract", DURATION),
    ("is it a temporary or permanent position", DURATION),
    ("how many years is the appointment", DURATION),
    ("is the contract fixed-term", DURATION),
    ("hoe lang duurt het traject", DURATION),
    ("wat is de looptijd van het contract", DURATION),
    ("is het een tijdelijk contract", DURATION),
    ("Wie lange läuft der Vertrag?", DURATION),
    ("Ist die Stelle befristet?", DURATION),
    ("Laufzeit der Stelle?", DURATION),
    # location
    ("where is it based", LOCATION),
    ("where will I work", LOCATION),
    ("in which city is the job", LOCATION),
    ("is remote work possible", LOCATION),
    ("what is the location", LOCATION),
    ("where?", LOCATION),
    ("waar is de werkplek", LOCATION),
    ("in welke stad is het", LOCATION),
    ("Wo ist der Arbeitsort?", LOCATION),
    ("Wo arbeite ich?", LOCATION),
    ("In welcher Stadt ist die Stelle?", LOCATION),
    # status
    ("is it still open", STATUS),
    ("is this vacancy still available", STATUS),
    ("has the position been filled", STATUS),
    ("can I still apply for the radiology phd", STATUS),
    ("is the pathology position closed?", STATUS),
    ("is it too late to apply", STATUS),
    ("still accepting applications?", STATUS),
    ("is de vacature nog open", STATUS),
    ("is de plek al vervuld", STATUS),
    ("kan ik nog solliciteren", STATUS),
    ("Ist die Stelle noch offen?", STATUS),
    ("Ist die Stelle schon besetzt?", STATUS),
    ("Kann ich mich noch bewerben?", STATUS),
    # list
    ("which positions are open", LIST),
    ("list the open positions", LIST),
    ("any vacancies in pathology?", LIST),
    ("what jobs do you have", LIST),
    ("show me all positions", LIST),
    ("are there any postdoc positions", LIST),
    ("what opportunities are there for a phd", LIST),
    ("I'm looking for a PhD position in medical imaging", LIST),
    ("welke vacatures zijn er", LIST),
    ("zijn er openstaande vacatures", LIST),
    ("hebben jullie promotieplaatsen", LIST),
    ("Welche Stellen gibt es?", LIST),
    ("Gibt es offene Stellen?", LIST),
    ("Habt ihr Stellen für Doktoranden?", LIST),
]


@pytest.mark.parametrize("text, intent", CASES)
def test_the_expected_intent_wins(text: str, intent: Intent) -> None:
    scores = classify(text)
    top, score = best(scores)
    assert top is intent, (text, scores.as_dict(), scores.cues)
    assert score >= THRESHOLD, (text, scores.as_dict())


# More phrasings, each as a user might type it.
MORE: list[tuple[str, Intent]] = [
    ("is there a 13th month", SALARY),
    ("wat krijg je betaald", SALARY),
    ("Wieviel Geld bekomme ich?", SALARY),
    ("Gibt es Urlaubsgeld?", SALARY),
    ("Is there funding for conferences?", SALARY),
    ("I have a bachelor in biology, can I apply?", REQ),
    ("do you accept international students", REQ),
    ("what level of English", REQ),
    ("moet ik Nederlands spreken", REQ),
    ("Muss ich Deutsch sprechen?", REQ),
    ("Was wird vorausgesetzt?", REQ),
    ("who's in charge of the project", CONTACT),
    ("who is the professor", CONTACT),
    ("Wer betreut die Promotion?", CONTACT),
    ("Bewerbung per E-Mail?", APPLY),
    ("what does the job involve", OVERVIEW),
    ("what is it?", OVERVIEW),
    ("vertel me meer over de vacature", OVERVIEW),
    ("wat ga ik doen", OVERVIEW),
    ("Erzähl mir mehr über die Stelle", OVERVIEW),
    ("Vertragsdauer?", DURATION),
    ("address of the institute", LOCATION),
    ("are you still hiring", STATUS),
    ("is het nog mogelijk om te solliciteren", STATUS),
    ("Läuft die Bewerbung noch?", STATUS),
    ("what do I have to do to apply", APPLY),
    ("For the Bonn PhD, can I apply by email?", APPLY),
    ("what's the salary", SALARY),
    ("what's the email address", CONTACT),
    ("what's it about", OVERVIEW),
    ("What does a PhD student make per month?", SALARY),
    ("are PhDs paid well", SALARY),
    ("do I get a salary as a PhD?", SALARY),
    ("what is the pay for the postdoc", SALARY),
    ("monthly gross?", SALARY),
    ("is the salary negotiable", SALARY),
    ("what salary can I expect", SALARY),
    ("what's the compensation package", SALARY),
    ("secondary employment conditions", SALARY),
    ("wat zijn de secundaire arbeidsvoorwaarden", SALARY),
    ("hoeveel krijg ik per maand", SALARY),
    ("Wie hoch ist die Vergütung?", SALARY),
    ("Was bekomme ich monatlich?", SALARY),
    ("What degree do I need?", REQ),
    ("What are the entry requirements?", REQ),
    ("is a masters required", REQ),
    ("do I have to speak dutch", REQ),
    ("can I apply without a master's degree", REQ),
    ("can I apply if I haven't finished my master yet", REQ),
    ("what knowledge is needed", REQ),
    ("which programming languages should I know", REQ),
    ("who are you looking for", REQ),
    ("what kind of candidate are you looking for", REQ),
    ("what are the selection criteria", REQ),
    ("wat zijn de toelatingseisen", REQ),
    ("aan welke eisen moet ik voldoen", REQ),
    ("Welche Anforderungen gibt es?", REQ),
    ("Was sind die Einstellungsvoraussetzungen?", REQ),
    ("Welchen Abschluss brauche ich?", REQ),
    ("whom should I contact", CONTACT),
    ("contact info", CONTACT),
    ("who can I reach out to", CONTACT),
    ("Who do I email my questions to?", CONTACT),
    ("who's the contact", CONTACT),
    ("name of the supervisor?", CONTACT),
    ("phone number?", CONTACT),
    ("Who is the PI of the project", CONTACT),
    ("I'd like to talk to someone about the position", CONTACT),
    ("contactgegevens", CONTACT),
    ("naar wie moet ik mailen met vragen", CONTACT),
    ("Wer ist der Ansprechpartner?", CONTACT),
    ("Telefonnummer?", CONTACT),
    ("I want to apply", APPLY),
    ("how can i send my application", APPLY),
    ("what should my application include", APPLY),
    ("application requirements", APPLY),
    ("do I need to send transcripts", APPLY),
    ("should I send my cv to the professor", APPLY),
    ("what is the application procedure", APPLY),
    ("apply", APPLY),
    ("ik wil solliciteren", APPLY),
    ("hoe solliciteer ik", APPLY),
    ("Ich möchte mich bewerben", APPLY),
    ("Wie bewerbe ich mich?", APPLY),
    ("Was gehört in die Bewerbung?", APPLY),
    ("tell me more", OVERVIEW),
    ("more info", OVERVIEW),
    ("what's this about", OVERVIEW),
    ("details of the pathology phd", OVERVIEW),
    ("what is the goal of the project", OVERVIEW),
    ("what is the research topic", OVERVIEW),
    ("summary of the OCT position", OVERVIEW),
    ("what does the position entail", OVERVIEW),
    ("wat is het onderwerp", OVERVIEW),
    ("Was ist das Thema?", OVERVIEW),
    ("Worum geht's?", OVERVIEW),
    ("when does the phd begin", DATES),
    ("when is the start", DATES),
    ("what's the start date", DATES),
    ("what is the application deadline", DATES),
    ("deadline for applying?", DATES),
    ("when do I need to apply by", DATES),
    ("when should I apply", DATES),
    ("wanneer moet ik gesolliciteerd hebben", DATES),
    ("wanneer start de promotie", DATES),
    ("Wann ist die Deadline?", DATES),
    ("Bis wann läuft die Ausschreibung?", DATES),
    ("how long does the phd last", DURATION),
    ("what's the contract duration", DURATION),
    ("is it a permanent job", DURATION),
    ("how long would I be employed", DURATION),
    ("Wie lang ist die Laufzeit?", DURATION),
    ("hoe lang is de aanstelling", DURATION),
    ("where would I be working", LOCATION),
    ("where's the position", LOCATION),
    ("which city", LOCATION),
    ("where is the office", LOCATION),
    ("location of the OCT PhD", LOCATION),
    ("waar is de vacature", LOCATION),
    ("waar moet ik werken", LOCATION),
    ("Wo ist das?", LOCATION),
    ("Wo wäre ich tätig?", LOCATION),
    ("is it closed", STATUS),
    ("is the position still vacant", STATUS),
    ("has the deadline passed", STATUS),
    ("are applications still open", STATUS),
    ("is this vacancy open for applications", STATUS),
    ("is de vacature nog beschikbaar", STATUS),
    ("Ist die Stelle noch zu haben?", STATUS),
    ("list vacancies", LIST),
    ("what positions are open at the moment", LIST),
    ("what phds do you offer", LIST),
    ("what postdoc positions do you have", LIST),
    ("show open vacancies", LIST),
    ("which vacancies are still open", LIST),
    ("anything in radiology?", LIST),
    ("any positions in pathology", LIST),
    ("give me an overview of the vacancies", LIST),
    ("all open phd positions", LIST),
    ("wat voor vacatures hebben jullie", LIST),
    ("Welche offenen Stellen habt ihr?", LIST),
    ("Zeig mir alle Stellen", LIST),
    # "applied" asks about applying only as a verb, not in a field's name
    ("how long is the applied physics postdoc?", DURATION),
    ("who leads the applied mathematics PhD?", CONTACT),
    ("I already applied, is the position still open?", STATUS),
    # "hoelang", "wielange": one word as often as two
    ("hoelang is het contract?", DURATION),
    ("wielange läuft die Stelle?", DURATION),
    # the length of a letter is no contract's
    ("how long should my cover letter be?", APPLY),
    ("hoe lang mag het onderzoeksvoorstel zijn?", APPLY),
    ("wie lang soll das Anschreiben sein?", APPLY),
    # "still" apart from the verb
    ("kan ik er nu nog voor solliciteren?", STATUS),
    ("kann ich mich da noch bewerben?", STATUS),
    # what goes into the email is the application, not the address
    ("what should the email to the professor contain?", APPLY),
    ("wat moet er in de e-mail staan?", APPLY),
    ("was schreibe ich da alles rein?", APPLY),
]


@pytest.mark.parametrize("text, intent", MORE)
def test_more_phrasings(text: str, intent: Intent) -> None:
    scores = classify(text)
    top, score = best(scores)
    assert top is intent, (text, scores.as_dict(), scores.cues)
    assert score >= THRESHOLD, (text, scores.as_dict())


TYPOS: list[tuple[str, Intent]] = [
    ("salery for the pathology phd", SALARY),
    ("what is the salry", SALARY),
    ("sallary?", SALARY),
    ("requirments for the radiology job", REQ),
    ("wat zijn de eissen", REQ),
    ("qualifcations needed", REQ),
    ("how do I aplly", APPLY),
    ("how to appply", APPLY),
    ("contcat person", CONTACT),
    ("whos the conatct", CONTACT),
    ("deadlline?", DATES),
    ("whn is the dedline", DATES),
    ("duraiton of the contract", DURATION),
    ("Voraussetzungn?", REQ),
    ("Gehhalt?", SALARY),
    ("bewerbng", APPLY),
    ("locaiton?", LOCATION),
]


@pytest.mark.parametrize("text, intent", TYPOS)
def test_typos_are_understood(text: str, intent: Intent) -> None:
    scores = classify(text)
    assert best(scores)[0] is intent, (text, scores.as_dict(), scores.cues)
    assert best(scores)[1] >= THRESHOLD


@pytest.mark.parametrize("text", [
    "lung cancer", "the smart hospital project", "often", "first", "teams", "eigen onderzoek",
    "stars and galaxies", "an apple a day", "poster", "deep learning for breast cancer",
    "What's the capital of France?", "weather in Nijmegen", "tell a joke", "pancaim",
    "graph neural networks", "the biased model", "label noise", "open source", "MRI",
])
def test_no_cue_no_content_intent(text: str) -> None:
    _, score = best(classify(text))
    assert score < THRESHOLD, (text, classify(text).as_dict(), classify(text).cues)


@pytest.mark.parametrize("first, second", [
    ("where can I apply", "where is it based"),
    ("how long do I have to apply", "how long is the contract"),
    ("list the open positions", "is it still open"),
    ("what do I need to send to apply", "what do I need to qualify"),
    ("who can I contact", "who can apply"),
    ("tell me about the project", "tell me the salary"),
])
def test_disambiguation_pairs_differ(first: str, second: str) -> None:
    assert best(classify(first))[0] is not best(classify(second))[0]


def test_two_cues_both_score_high() -> None:
    scores = classify("salary and requirements?")
    assert scores[SALARY] >= CLEAR and scores[REQ] >= CLEAR
    scores = classify("What is the deadline and who is the contact person?")
    assert scores[DATES] >= CLEAR and scores[CONTACT] >= CLEAR


def test_weak_cues_yield_to_specific_ones() -> None:
    scores = classify("where can I apply")
    assert scores[LOCATION] < THRESHOLD
    scores = classify("tell me about the salary")
    assert scores[SALARY] >= CLEAR and scores[OVERVIEW] < THRESHOLD
    scores = classify("when can I start")
    assert best(scores)[0] is DATES


def test_clear_cues_score_high_and_no_cue_scores_zero() -> None:
    for text in ("salary", "Gehalt", "salaris", "how much does it pay", "wat verdien ik"):
        assert classify(text)[SALARY] >= CLEAR, text
    nothing = classify("the pancreatic cancer thing")
    assert all(s == 0.0 for _, s in nothing.scores)
    assert best(nothing) == (None, 0.0)


@pytest.mark.parametrize("text, intent", [
    ("hi", GREETING), ("Hello!", GREETING), ("hey there", GREETING),
    ("good morning", GREETING), ("goedemorgen", GREETING), ("Guten Tag", GREETING),
    ("moin", GREETING), ("Grüß Gott", GREETING), ("servus", GREETING), ("hallo", GREETING),
    ("help", HELP), ("what can you do?", HELP), ("how does this work", HELP),
    ("hulp", HELP), ("wat kun je", HELP), ("Hilfe", HELP), ("was kannst du?", HELP),
])
def test_greeting_and_help(text: str, intent: Intent) -> None:
    scores = classify(text)
    assert scores[intent] >= CLEAR, (text, scores.as_dict())
    assert all(s < THRESHOLD for i, s in scores.scores if i in CONTENT)
    assert best(scores)[0] is intent


def test_a_greeting_with_a_question_is_the_question() -> None:
    scores = classify("Hi, what is the salary for the Bonn PhD?")
    assert best(scores)[0] is SALARY and scores[Intent.GREETING] >= CLEAR


@pytest.mark.parametrize("text", ["thanks!", "thank you very much", "bedankt", "Danke schön",
                                  "vielen Dank", "dank je wel", "bye"])
def test_thanks(text: str) -> None:
    assert classify(text).thanks >= CLEAR
    assert read(text).social == "thanks"


def test_thanks_with_a_question_is_not_just_thanks() -> None:
    assert read("thanks, and what is the deadline?").social != "thanks"


def test_scores_object() -> None:
    scores = classify("salary")
    assert isinstance(scores, IntentScores)
    assert dict(scores.items()) == {SALARY: scores[SALARY]}
    assert scores.get(Intent.CLARIFY) == 0.0
    assert ("salary", "salary") in scores.cues
    assert scores.as_dict() == {"salary": scores[SALARY]}
    assert scores.ranked()[0][0] is SALARY
    assert all(0.0 <= s <= 1.0 for _, s in scores.scores)
    typo = classify("salry")
    assert any("~" in cue for _, cue in typo.cues)
    assert typo[SALARY] < scores[SALARY]


HOSTILE = [
    "", " ", "\x00\x01\x02", "😀" * 500, "salary " * 5000, "a" * 10_000,
    "<script>alert('salary')</script>", "'; DROP TABLE vacancies; --",
    '"salary" OR NEAR(apply', "salary* AND -requirements", "\u202e\u200bsalary\ufeff",
    "??????", "/", "@VacBot", "%s %d {0} {salary}", "\\x00\\n", "𝓼𝓪𝓵𝓪𝓻𝔂", "ＳＡＬＡＲＹ",
    "\ud800", "sal\u0000ary", "e-e-e-e-e-e-e-e-e-e-e-e-e-e-e-e-e-e-e-e" * 50,
    "how long ~ ... | @nouns *", "? ? ? how much", "1/2/3/4/5/6/7/8/9" * 300,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(text: str) -> None:
    scores = classify(text)
    assert all(0.0 <= s <= 1.0 for _, s in scores.scores)
    best(scores)
    parse_command(text)


def test_hostile_input_still_classified() -> None:
    assert best(classify("<b>salary</b>"))[0] is SALARY
    assert best(classify('"salary" OR NEAR('))[0] is SALARY
    assert best(classify("ＳＡＬＡＲＹ"))[0] is SALARY
    assert best(classify("sal\x00ary"))[0] is None  # a control character separates words


def test_non_strings_never_raise() -> None:
    assert best(classify(None))[0] is None  # type: ignore[arg-type]
    assert parse_command(42) is None  # type: ignore[arg-type]


def test_long_input_is_capped() -> None:
    """Only the start of a huge message is read: a cue far past the cap does not count."""
    assert best(classify("lorem " * 2000 + "salary"))[0] is None
    assert best(classify("salary " + "lorem " * 2000))[0] is Intent.SALARY


@pytest.mark.parametrize("text, expected", [
    ("/salary pancaim", ("salary", "pancaim")),
    ("/salary@VacBot bonn", ("salary", "bonn")),
    ("/SALARY  Bonn  PhD ", ("salary", "Bonn PhD")),
    ("/start", ("start", "")),
    ("/help", ("help", "")),
    ("/vacancies pathology", ("vacancies", "pathology")),
    ("/vacancy oct", ("vacancy", "oct")),
    ("/requirements", ("requirements", "")),
    ("/contact@vac_bot", ("contact", "")),
    ("/apply metastatic cancer", ("apply", "metastatic cancer")),
    ("/search deep learning", ("search", "deep learning")),
    ("/subscribe", ("subscribe", "")),
    ("/unsubscribe", ("unsubscribe", "")),
    ("/subscriptions", ("subscriptions", "")),
    ("/reload", ("reload", "")),
    ("/stats", ("stats", "")),
    ("/frobnicate now", ("frobnicate", "now")),
    ("  /salary\nbonn", ("salary", "bonn")),
    ("/start vac_oct-123", ("start", "vac_oct-123")),
])
def test_parse_command(text: str, expected: tuple[str, str]) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize("text", ["salary", "what is /salary", "/", "/ salary", "//salary",
                                  "/salary/bonn", "/sälary", ""])
def test_not_a_command(text: str) -> None:
    assert parse_command(text) is None


@pytest.mark.parametrize("title", [
    "AI-based quantification of liver fibrosis",
    "Promoting responsible AI in cardiac procedures",
    "Closing the gap: prostate grading in the clinic",
    "Detecting fractures in the bones of the hand",
    "Machine learning based skin cancer diagnostics",
    "Home-based assessment of Parkinson's disease",
    "Drug safety studies with deep learning",
])
def test_vacancy_titles_alone_ask_nothing(title: str) -> None:
    """A user naming a vacancy by its title alone is not asking a content question."""
    _, score = best(classify(title))
    assert score < THRESHOLD, (title, classify(title).as_dict(), classify(title).cues)


@pytest.mark.parametrize("text", ["what about Bonn?", "how about the OCT one", "and PANCAIM?"])
def test_follow_ups_carry_no_intent(text: str) -> None:
    """"What about X?" keeps the previous question; the router decides which."""
    assert best(classify(text))[1] < THRESHOLD


def test_salary_for_a_named_title_is_salary() -> None:
    assert best(classify("salary for the AI-based quantification project"))[0] is SALARY
    assert best(classify("where is the AI-based prostate project based?"))[0] is LOCATION


@pytest.mark.parametrize("text, contact", [
    # "who supervises" asks whom to contact, in every language ...
    ("who supervises the thesis?", True),
    ("wer betreut die Masterarbeit?", True),
    ("wie begeleidt de scriptie?", True),
    # ... "does X supervise ...?" asks whether, in every language
    ("does Oliver Dürr supervise theses done at a company?", False),
    ("Betreut Herr Dürr auch Bachelorarbeiten?", False),
    ("begeleidt Dürr ook scripties bij een bedrijf?", False),
])
def test_a_supervising_verb_asks_for_a_contact_only_after_who(text: str,
                                                              contact: bool) -> None:
    assert (read(text).intents[:1] == (Intent.CONTACT,)) is contact, read(text).intents
