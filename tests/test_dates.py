"""Dates as pages write them, each with its role, and the status they settle."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from knowledge.facts import extract_facts
from knowledge.facts.dates import date_of, day_of, page_year
from knowledge.model import FactKind
from knowledge.parse import parse_page
from knowledge.sentences import sentences_of
from knowledge.status import settle


@pytest.mark.parametrize("span, day", [
    ("June 15th, 2022", dt.date(2022, 6, 15)), ("15. Juni 2024", dt.date(2024, 6, 15)),
    ("15 juni 2024", dt.date(2024, 6, 15)), ("15/06/2024", dt.date(2024, 6, 15)),
    ("Feb. 14th, 2025", dt.date(2025, 2, 14)), ("3rd October 2016", dt.date(2016, 10, 3)),
    ("2023-10-01", dt.date(2023, 10, 1)), ("12/31/2024", dt.date(2024, 12, 31)),
    ("mid-March", None), ("Fall 2025", None), ("June 2023", None), ("2022-09-31", None),
])
def test_a_day_however_written(span: str, day: dt.date | None) -> None:
    assert day_of(span) == day


def test_a_date_without_year_takes_the_pages() -> None:
    assert day_of("May 18") is None
    assert day_of("May 18", 2024) == dt.date(2024, 5, 18)
    assert day_of("24.06.", 2025) == dt.date(2025, 6, 24)
    assert page_year("2023-06-07", ["1 May 2030"]) == 2023
    assert page_year("", ["1 May 2030", "June 2030", "3 March 2029"]) == 2030
    assert date_of("Interviews on 24 and 25 June 2024 in Bonn") == dt.date(2024, 6, 25)


def page(body: str, header: str = "") -> list[tuple[FactKind, str, str]]:
    v = parse_page(f"---\ntitle: A PhD position\n{header}---\n\n{body}\n", "p")
    return [(f.kind, f.value, f.when) for f in extract_facts(v)
            if f.kind not in (FactKind.STATUS, FactKind.PUBLISHED)]


@pytest.mark.parametrize("body, kind, value, when", [
    ("Please send your application by June 15th, 2022.", FactKind.DEADLINE,
     "June 15th, 2022", "2022-06-15"),
    ("Nächste Einreichung: 2023-10-01", FactKind.DEADLINE, "2023-10-01", "2023-10-01"),
    ("Diese senden Sie bitte bis zum 30. April 2022 per Mail an stipendien@example.org.",
     FactKind.DEADLINE, "30. April 2022", "2022-04-30"),
    ("Applications will be reviewed starting March 1, 2025, until the position is filled.",
     FactKind.REVIEW_DATE, "March 1, 2025", "2025-03-01"),
    ("Die Vorstellungsgespräche finden am 12. und 13. März 2024 statt.", FactKind.INTERVIEW,
     "12. und 13. März 2024", "2024-03-13"),
    ("The starting date is foreseen to be from October 1, 2023.", FactKind.START_DATE,
     "October 1, 2023", "2023-10-01"),
])
def test_each_date_keeps_its_role(body: str, kind: FactKind, value: str, when: str) -> None:
    found = page(body)
    assert (kind, value, when) in found
    assert [k for k, _, _ in found if k in (FactKind.DEADLINE, FactKind.START_DATE,
                                            FactKind.REVIEW_DATE, FactKind.INTERVIEW)] == [kind]


def test_interviews_written_the_german_way_take_the_pages_year() -> None:
    found = page("Bewerbungsschluss: 1. Juni 2024. Die Gespräche finden am 24.06. statt.")
    assert (FactKind.INTERVIEW, "24.06.", "2024-06-24") in found


def status(body: str, day: dt.date) -> str:
    v = parse_page(f"---\ntitle: A PhD position\n---\n\n{body}\n", "p")
    return settle(replace(v, facts=extract_facts(v)), day, sentences_of(v)).status


def test_a_deadline_closes_the_page_the_day_after() -> None:
    body = "We offer a PhD position. Please apply by June 15th, 2022."
    assert status(body, dt.date(2022, 6, 15)) == "open"
    assert status(body, dt.date(2022, 6, 16)) == "closed"
    assert status("Stipends for doctoral projects.\n\nNächste Einreichung: 2023-10-01",
                  dt.date(2024, 1, 1)) == "closed"


@pytest.mark.parametrize("body", ["No vacancies at the moment.", "## Open positions\n\nNo "
                                  "open positions currently.", "Keine offenen Stellen."])
def test_a_page_that_says_nothing_is_open_is_closed(body: str) -> None:
    assert status(body, dt.date(2024, 1, 1)) == "closed"


@pytest.mark.parametrize("span", [
    "1 February 2024", "15. Feb. 2026", "15th of September 2022", "19. Okt. 2025",
    "3rd October 2016", "August 13th, 2023", "Dec 1, 2021", "December 13 2024",
    "Jul 1st, 2024", "15 juni 2024", "1 mrt 2024", "12. März 2024", "3 Mai 2025",
    "1. Sept. 2024", "30 februari 2024", "31 September 2024", "May 18 2025",
])
def test_a_named_month_is_read_as_dateparser_reads_it(span: str) -> None:
    """A day, a month's name and a year are read by a plain pattern with dateparser's own
    month names (dateparser's first call costs a third of a second): the same day as
    dateparser's, or none where it has none ("30 februari")."""
    from knowledge.facts.dates import _parse

    assert day_of.__wrapped__(span) == _parse.__wrapped__(span)
