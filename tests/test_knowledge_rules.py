"""One behaviour per case: front-matter fields by meaning, status rules, contacts as pages
pair them, dates, durations, and German and Dutch facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from knowledge import FactKind, Vacancy, parse_page
from knowledge.facts import extract_facts
from knowledge.facts.contacts import deobfuscate
from knowledge.facts.dates import date_of
from knowledge.fields import meaning_of
from knowledge.status import settle

K = FactKind
TODAY = dt.date(2024, 6, 1)


def read(page: str, today: dt.date = TODAY) -> Vacancy:
    v = parse_page(page, "p", "p.md", today)
    return settle(replace(v, facts=extract_facts(v)), today)


def values(v: Vacancy, kind: FactKind) -> list[str]:
    return [f.value for f in v.facts_of(kind)]


# --- front matter -----------------------------------------------------------------------------

@pytest.mark.parametrize("key, meaning", [
    ("closing-date", "deadline"), ("appldate", "deadline"), ("Bewerbungsschluss", "deadline"),
    ("sluitingsdatum", "deadline"), ("until", "deadline"), ("startdate", "start"),
    ("enddate", "end"), ("statement-of-payment", "salary"), ("pay_grade", "salary"),
    ("working-time", "hours"), ("standplaats", "location"), ("contact-email", "email"),
    ("supervisor", "contact"), ("PI", "contact"), ("publish_until", "expires"),
    ("linkTitle", "title"), ("finished", "closed"), ("layout", ""),
])
def test_one_synonym_table(key: str, meaning: str) -> None:
    assert meaning_of(key) == meaning


def test_front_matter_is_knowledge() -> None:
    v = read("""---
title: PhD in imaging
location: Tübingen
appldate: 2024-09-30
startdate: 2024-11-01
enddate: 2027-10-31
duration: 3 years
pay grade: TV-L E13, 65 %
pi: "[Jane Doe](mailto:jane.doe@uni-x.de)"
supervisors: [John Roe, Ann Poe]
positions: 2
---

We are hiring.
""")
    assert values(v, K.LOCATION) == ["Tübingen"]
    assert values(v, K.DEADLINE) == ["2024-09-30"]
    assert values(v, K.START_DATE) == ["2024-11-01"]
    assert values(v, K.END_DATE) == ["2027-10-31"]
    assert values(v, K.DURATION)[0] == "3 years"
    assert values(v, K.PAY_SCALE) == ["TV-L E13"] and values(v, K.PART_TIME) == ["65%"]
    assert ("jane.doe@uni-x.de", "Jane Doe") in [(f.value, f.detail) for f in v.facts_of(K.EMAIL)]
    assert {"Jane Doe", "John Roe", "Ann Poe"} <= set(values(v, K.CONTACT_PERSON))
    assert values(v, K.POSITIONS) == ["2"]
    assert all(f.section == -1 for f in v.facts if f.kind is not K.STATUS)


def test_a_contact_email_field_is_not_paired_with_a_name_field() -> None:
    v = read("---\ntitle: T\ncontact: Jane Doe\nemail: office@uni-x.de\n---\n\nText.\n")
    assert [(f.value, f.detail) for f in v.facts_of(K.EMAIL)] == [("office@uni-x.de", "")]


# --- status -----------------------------------------------------------------------------------

@pytest.mark.parametrize("header, body, closed", [
    ("closed: true", "Text.", True),
    ("status: filled", "Text.", True),
    ("status: draft", "Text.", True),
    ("finished: true", "Text.", True),
    ("tags: [vergeben]", "Text.", True),
    ("category: closed", "Text.", True),
    ("publish_until: 2024-05-31", "Text.", True),
    ("publish_until: 2024-06-02", "Text.", False),
    ("deadline: 2024-05-31", "Text.", True),
    ("", "Apply before 31 May 2024.", True),
    ("", "Apply before 2 June 2024.", False),
    ("", "Apply before May 31.", False),  # no year: not a date that has passed
    ("", "This position has been filled.", True),
    ("", "Das Thema ist bereits vergeben.", True),
    ("", "Es sind mehrere Hiwi-Stellen zu vergeben.", False),
    ("", "Deze vacature is inmiddels vervuld.", True),
    ("", "We currently do not have any open positions.", True),
    ("", "We currently do not have an open PhD or postdoc position available.", True),
    ("", "We do not have a fixed start date.", False),
    # a deadline behind an application portal, in a German sentence with an English month
    ("", "Entweder per E-Mail oder über das Job Portal des KIT bis 15 January 2024.", True),
    ("", "Applications are accepted until the position is filled.", False),
    ("", "If there are no open positions, send an open application.", False),
])
def test_status_rules(header: str, body: str, closed: bool) -> None:
    v = read(f"---\ntitle: PhD position\n{header}\n---\n\n{body}\n")
    assert v.closed is closed
    assert values(v, K.STATUS) == ["closed" if closed else "open"]


def test_the_day_is_passed_in_never_read_from_the_clock() -> None:
    page = "---\ntitle: PhD position\n---\n\nApply before 1 March 2030.\n"
    assert read(page, dt.date(2030, 3, 2)).closed is True
    assert read(page, dt.date(2030, 2, 28)).closed is False


@pytest.mark.parametrize("header, body, posted", [
    ("date: 2023-03-01", "We are hiring a PhD student.", "2023-03-01"),  # over a year old
    ("date: 2024-03-01", "We are hiring a PhD student.", ""),  # recent
    ("date: 2023-03-01", "Apply before 1 July 2024.", ""),  # a deadline settles it
    ("", "We are hiring a PhD student.", ""),  # no posting day: nothing to say
])
def test_an_old_posting_without_deadline_stays_open_with_its_day(header: str, body: str,
                                                                  posted: str) -> None:
    v = read(f"---\ntitle: PhD position\n{header}\n---\n\n{body}\n")
    assert v.closed is False
    assert [f.when for f in v.facts_of(K.STATUS)] == [posted]


def test_a_position_closes_alone_and_the_page_when_all_do() -> None:
    page = ("---\ntitle: Join us\n---\n\n## PhD student in vision\nApply before 1 May 2024.\n\n"
            "## Postdoc in audio\nApply before 1 July 2024.\n")
    v = read(page)
    assert [(p.category, p.closed) for p in v.positions] == [("phd", True), ("postdoc", False)]
    assert v.closed is False and v.categories[0] == "phd"
    assert read(page, dt.date(2024, 8, 1)).closed is True


# --- contacts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, address", [
    ("mail name[at]uni-x.de", "name@uni-x.de"),
    ("jdoe (at) uni (dot) nl", "jdoe@uni.nl"),
    ("x{at}y.org", "x@y.org"),
    ("jane.doe at uni dot de", "jane.doe@uni.de"),
    ("h.zhang [at] physik [dot] uni-halle [dot] de", "h.zhang@physik.uni-halle.de"),
])
def test_obfuscated_addresses_are_read(text: str, address: str) -> None:
    assert address in deobfuscate(text)


@pytest.mark.parametrize("text", ["apply at radboudumc.nl", "we work at home.",
                                  "meet us at the lab dot"])
def test_words_around_at_are_not_addresses(text: str) -> None:
    assert deobfuscate(text) == text


@pytest.mark.parametrize("body, pairs, persons", [
    # the page pairs the name and the address
    ("For questions contact Anna Berg (anna.berg[at]uni-x.de).",
     [("anna.berg@uni-x.de", "Anna Berg")], ["Anna Berg"]),
    ("Interested? Nico Jansen: jansen@se-rwth.de", [("jansen@se-rwth.de", "Nico Jansen")],
     ["Nico Jansen"]),
    ("Write to [Prof. Strecker](mailto:stefan.strecker@x.de).",
     [("stefan.strecker@x.de", "Prof. Strecker")], ["Prof. Strecker"]),
    # a name in one place, somebody else's address in another: never paired
    ("Ask Erwin Folmer via [Janneke Michielsen](mailto:janneke.michielsen@x.nl).",
     [("janneke.michielsen@x.nl", "Janneke Michielsen")], None),
    # a handle or a guessed name is not a name
    ("Send your portfolio to ux.idl@fh-x.de", [("ux.idl@fh-x.de", "")], []),
    # a first.last address gets its name only when the page writes it
    ("Contact Prof. Michael Färber: michael.faerber@tu-x.de",
     [("michael.faerber@tu-x.de", "Prof. Michael Färber")], None),
])
def test_contacts_only_as_the_page_pairs_them(body: str, pairs: list[tuple[str, str]],
                                              persons: list[str] | None) -> None:
    v = read(f"---\ntitle: T\nauthor: ahmedallam\n---\n\n## Contact\n{body}\n")
    assert [(f.value, f.detail) for f in v.facts_of(K.EMAIL)] == pairs
    if persons is not None:
        assert values(v, K.CONTACT_PERSON) == persons
    assert "Ahmedallam" not in values(v, K.CONTACT_PERSON)


def test_a_name_a_contact_sentence_addresses_is_a_contact() -> None:
    v = read("---\ntitle: T\n---\n\n## Kontakt\nBitte eine Email an Felix Gessert schicken.\n")
    assert values(v, K.CONTACT_PERSON) == ["Felix Gessert"]


# --- dates and durations ----------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("15 March 2016", dt.date(2016, 3, 15)), ("May 2nd, 2021", dt.date(2021, 5, 2)),
    ("20.11.2020", dt.date(2020, 11, 20)), ("13/3/2024", dt.date(2024, 3, 13)),
    ("19. Okt. 2025", dt.date(2025, 10, 19)), ("15th of September 2022", dt.date(2022, 9, 15)),
    ("1 september 2025", dt.date(2025, 9, 1)), ("2022-09-31", None), ("September 14th", None),
])
def test_dates(text: str, date: dt.date | None) -> None:
    assert date_of(text) == date


@pytest.mark.parametrize("body, duration", [
    ("Your performance will be evaluated after 1 year. If the evaluation is positive, the "
     "contract will be extended by 3 years.",
     "1 year, then extended by 3 years after a positive evaluation"),
    ("You will be appointed for four years. Your performance will be evaluated after 1 year.",
     "four years (evaluated after 1 year)"),
    ("The position is for a period of 2 years (+2 years extension possible).",
     "2 years (+2 years extension possible)"),
    ("Project duration: 6–9 months.", "6–9 months"),
    ("Der Erstvertrag läuft drei Jahre, mit Option auf Verlängerung um weitere drei Jahre.",
     "drei Jahre, mit Option auf Verlängerung um weitere drei Jahre"),
    ("Die Stelle ist befristet auf 3 Jahre.", "befristet auf 3 Jahre"),
    ("Je wordt aangesteld voor de duur van 4 jaar, met uitzicht op verlenging.",
     "4 jaar, met uitzicht op verlenging"),
    ("Each position runs from 1 May 2025 through 31 July 2025.", "1 May 2025 to 31 July 2025"),
])
def test_durations_in_full(body: str, duration: str) -> None:
    assert values(read(f"---\ntitle: T\n---\n\n## Terms\n{body}\n"), K.DURATION)[0] == duration


def test_a_reimbursement_period_is_not_a_contract_duration() -> None:
    v = read("---\ntitle: MSc project\n---\n\n## Reimbursement\nStudents receive a "
             "reimbursement of €500 per month for a period of six months.\n")
    assert values(v, K.DURATION) == []
    assert values(v, K.REIMBURSEMENT) == ["€ 500 per month for six months"]


# --- German and Dutch -------------------------------------------------------------------------

def test_german_page() -> None:
    v = read("""---
title: Wissenschaftliche Mitarbeiterin (m/w/d)
Bewerbungsschluss: 31.01.2025
---

## Wir bieten
Die Vergütung erfolgt nach Entgeltgruppe 13 TV-L (65 %). Studentische Hilfskräfte erhalten
einen Stundenlohn von 13,25 € pro Stunde.

## Bewerbung
Bitte senden Sie Ihre Bewerbung bis zum 31. Januar 2025 an Dr. Anna Schmidt
(anna.schmidt(at)uni-leipzig(dot)de).
""")
    assert values(v, K.PAY_SCALE) == ["TV-L E13"] and values(v, K.PART_TIME) == ["65%"]
    assert values(v, K.SALARY_AMOUNT) == ["€ 13.25 per hour"]
    assert values(v, K.DEADLINE)[:2] == ["31.01.2025", "31. Januar 2025"]
    assert ("anna.schmidt@uni-leipzig.de", "Dr. Anna Schmidt") in [
        (f.value, f.detail) for f in v.facts_of(K.EMAIL)]


def test_dutch_page() -> None:
    v = read("""---
title: Promovendus beeldanalyse
standplaats: Nijmegen
sluitingsdatum: 15 maart 2025
---

## Wat bieden wij
- Een salaris van minimaal € 2.770 en maximaal € 3.539 bruto per maand bij een volledige
  werkweek van 38 uur (schaal 10).
- Een aanstelling voor 0,8 fte.
- Ingangsdatum: 1 september 2025.
""")
    assert values(v, K.LOCATION) == ["Nijmegen"]
    assert values(v, K.DEADLINE) == ["15 maart 2025"]
    assert values(v, K.SALARY_AMOUNT) == ["€ 2,770 – € 3,539 gross per month (scale 10)"]
    assert values(v, K.PART_TIME) == ["0.8 FTE"]
    assert values(v, K.HOURS) == ["38 hours per week"]
    assert values(v, K.START_DATE) == ["1 september 2025"]
