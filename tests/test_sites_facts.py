"""Facts of other sites' real pages (../shared/corpus/sites): the values applicants ask for,
as the pages state them — in front matter, raw HTML, German and Dutch — and nothing else."""

from __future__ import annotations

import pytest

from knowledge import FactKind, Vacancy, read_folder
from knowledge.markup import is_emoji
from tests.paths import CORPUS_DAY, need_sites

K = FactKind


@pytest.fixture(scope="module")
def pages() -> dict[str, Vacancy]:
    result = read_folder(need_sites(), CORPUS_DAY)
    assert result.problems == ()
    return {v.id: v for v in result.vacancies}


def page(pages: dict[str, Vacancy], part: str) -> Vacancy:
    [v] = [v for i, v in pages.items() if i.endswith(part)] or [
        v for i, v in pages.items() if part in i]
    return v


def values(v: Vacancy, kind: FactKind) -> list[str]:
    return [f.value for f in v.facts_of(kind)]


FACTS = [
    # hourly pay, with what the rate depends on
    ("stellenausschreibungen", K.SALARY_AMOUNT, "€ 10.49 per hour (SHK)"),
    ("stellenausschreibungen", K.SALARY_AMOUNT, "€ 16.60 per hour (WHK)"),
    ("stellenausschreibungen", K.HOURS, "9–10 hours per week"),
    ("ClimateDivide_coders_de", K.SALARY_AMOUNT, "€ 14.87 per hour (mit BA)"),
    ("ClimateDivide_coders", K.SALARY_AMOUNT, "€ 13.98 per hour (no BA)"),
    # pay grades however they are written
    ("jobs-single-2", K.PAY_SCALE, "TVöD E13"),  # front matter "statement-of-payment: E 13 TVöD"
    ("baumgach", K.PAY_SCALE, "TV-L E13"),  # heading "PhD student (m/f/d, E13 TV-L; 65%)"
    ("baumgach", K.PART_TIME, "65%"),
    ("crc-mia", K.PAY_SCALE, "TV-H E13/14"),
    ("qHPC_GREEN", K.PAY_SCALE, "TVöD E13"),  # "(E13, TVöD-Bund)" in HTML
    ("usegalaxy", K.PAY_SCALE, "TV-L E13"),
    ("uscuni", K.SALARY_AMOUNT, "€ 1,140 per month"),
    ("hrbosker", K.SALARY_AMOUNT, "€ 1,700 net per month"),
    # deadlines: front matter, HTML, sentences, German dates
    ("jobs-single-4", K.DEADLINE, "20.11.2020"),  # closing-date:
    ("Promotionsstelle-Data-Science", K.DEADLINE, "2023-03-25"),  # until:\t\t (a tab)
    ("qHPC_GREEN", K.DEADLINE, "12 February 2025"),  # <b>Application deadline: ...</b><br>
    ("vene", K.DEADLINE, "May 18"),
    ("koenraadvanmeerbeek", K.DEADLINE, "15th of September 2022"),
    ("liphlab", K.DEADLINE, "June 16th, 2020"),
    ("tanous", K.DEADLINE, "November 27th, 2024"),  # in a Hugo block of the front matter
    ("erc-compact", K.DEADLINE, "November 1, 2023"),
    ("uscuni", K.DEADLINE, "13/3/2024"),
    ("ClimateDivide_coders_de", K.DEADLINE, "19. Okt. 2025"),
    ("num-gssi", K.DEADLINE, "Jan 31, 2022"),
    # durations in full
    ("crc-mia", K.DURATION, "2 years (+2 years extension possible)"),
    ("jobs-single-1", K.DURATION, "befristet für zunächst zwei Jahre"),
    ("postdoc_ClimateDivide_de", K.DURATION,
     "drei Jahre, mit Option auf Verlängerung um weitere drei Jahre"),
    ("usegalaxy", K.DURATION, "2 years (renewable)"),
    ("wiseodd", K.DURATION, "5-term (~1.5 years) thesis-based MSc"),
    ("vene", K.DURATION, "four years"),
    ("join-us__phd", K.DURATION, "three years"),
    ("ClimateDivide_coders", K.DURATION, "15. Nov. 2025 to 15. Feb. 2026"),
    ("ClimateDivide_coders", K.END_DATE, "15. Feb. 2026"),
    # start dates
    ("join-us__phd", K.START_DATE, "November 1st, 2023"),
    ("PostDocJobOpenings", K.START_DATE, "1 February 2024"),
    ("crc-mia", K.START_DATE, "as soon as possible after 01.10.2025"),
    ("vene", K.START_DATE, "Fall 2025"),
    ("uscuni", K.START_DATE, "01/10/2024"),
    # where
    ("ClimateDivide_coders", K.LOCATION, "Heidelberg"),
    ("jobs-single-1", K.LOCATION, "München"),
    ("num-gssi", K.LOCATION, "L’Aquila"),  # as the page writes it
    ("usegalaxy", K.LOCATION, "Freiburg"),
    # contacts, each address with the name the page gives it
    ("jobs-single-1", K.EMAIL, "christian.schaum@unibw.de"),  # contact-email:
    ("mc-hiwi", K.CONTACT_PERSON, "Nico Jansen"),
    ("navigatiebalk__stages", K.CONTACT_PERSON, "Marieke Kuijer"),
    ("Hiwi__index", K.EMAIL, "haojie.zhang@physik.uni-halle.de"),
    ("juaml", K.EMAIL, "k.patil@fz-juelich.de"),
    ("themen-und-modelle", K.CONTACT_PERSON, "Felix Gessert"),
    ("Pigeons", K.CONTACT_PERSON, "Trevor Campbell"),
    ("abschlussarbeiten__README", K.EMAIL, "stefan.strecker@fernuni-hagen.de"),
    ("froelofs", K.CONTACT_PERSON, "Ivano Ciardelli"),
    ("FH-Potsdam", K.EMAIL, "ux.idl@fh-potsdam.de"),
    # how to apply
    ("juaml", K.SUBJECT_LINE, "Application for research software developer"),
    ("Pigeons", K.SUBJECT_LINE, "Pigeons CRT Graduate Application"),
    ("vene", K.SUBJECT_LINE, "[PhD 13973]"),
    ("student_info", K.SUBJECT_LINE, "🦭"),
    ("uscuni", K.APPLY_URL, "https://stars-natur.cz/phd-positions/geography/bridging-urban-"
     "morphology-and-community-ecology-to-study-structure-organisation-and-evolution-of-cities"),
    ("nexcell", K.POSITIONS, "2 Postdoc and 2 PhD positions"),
]


@pytest.mark.parametrize("part, kind, expected", FACTS, ids=[f"{p}-{k.value}" for p, k, _ in
                                                               FACTS])
def test_real_page_fact(pages: dict[str, Vacancy], part: str, kind: FactKind,
                        expected: str) -> None:
    assert expected in values(page(pages, part), kind)


@pytest.mark.parametrize("part, kind, value", [
    ("join-us__phd", K.HOURS, "4 hours per week"),  # teaching duty, not the working time
    ("join-us__phd", K.PART_TIME, "4 hours per week"),
    ("jobs-single-4", K.INSTITUTION, "jobs"),  # "department: jobs" is a slug
    ("internships__index", K.INSTITUTION, "University of Twente"),  # a hackathon partner
    ("internships__index", K.SUBJECT_LINE, "Vragen die bij ons rondom dit onderwerp spelen:"),
    ("themen-und-modelle", K.CONTACT_PERSON, "Felix"),  # an author handle is not a person
    ("dynamic-websites", K.CONTACT_PERSON, "Wolle"),
    ("FH-Potsdam", K.CONTACT_PERSON, "Ux Idl"),  # a name guessed from an address
    ("crc-mia", K.CONTACT_PERSON, "UKE Hamburg"),
    ("tanous", K.DURATION, "8 years"),  # a fellowship listed as an option, not the job
])
def test_what_a_page_does_not_say_is_not_a_fact(pages: dict[str, Vacancy], part: str,
                                                kind: FactKind, value: str) -> None:
    assert value not in values(page(pages, part), kind)


def test_a_name_only_goes_with_the_address_the_page_pairs_it_with(
        pages: dict[str, Vacancy]) -> None:
    stages = page(pages, "navigatiebalk__stages")
    pairs = {f.value: f.detail for f in stages.facts_of(K.EMAIL)}
    # "neem contact op met Erwin Folmer ..., via <a mailto:janneke...>Janneke Michielsen</a>"
    assert pairs["janneke.michielsen@kadaster.nl"] == "Janneke Michielsen"
    assert "Erwin" not in "".join(pairs.values())
    for v in pages.values():
        for f in v.facts_of(K.EMAIL):
            if f.detail:  # the person's surname is written in the address or next to it
                surname = f.detail.split()[-1].lower().replace("ä", "ae")
                assert surname in f.value.lower() or surname in " ".join(
                    s.text for s in v.sections).lower(), (v.id, f)


@pytest.mark.parametrize("part, closed, why", [
    ("advanced-search", True, "vergeben"),  # tags: vergeben
    ("crc-mia", True, "closed"),  # category: closed
    ("lmkoch", True, "do not have any open positions"),
    ("hrbosker", True, "no vacancies"),
    ("faerber", False, ""),  # no PhD/postdoc openings, but thesis topics are offered
    ("froelofs", True, "15 March 2016"),  # the deadline passed
    ("baumgach", True, "May 2nd, 2021"),  # the same deadline under each of its positions
    ("juaml", False, ""),  # "if there are no current job openings ..., send ..." is no statement
    ("wiseodd", False, ""),  # the BSc slots are gone, the PhD and MSc openings are not
    ("mc-hiwi", False, ""),  # "mehrere Hiwi-Stellen zu vergeben" means: to be given
    ("num-gssi", False, ""),  # the professorship's deadline passed, the PhD calls are yearly
])
def test_status(pages: dict[str, Vacancy], part: str, closed: bool, why: str) -> None:
    v = page(pages, part)
    assert v.closed is closed
    assert why in v.facts_of(K.STATUS)[0].detail


def test_pages_with_several_positions_answer_per_position(pages: dict[str, Vacancy]) -> None:
    baumgach = page(pages, "baumgach")
    # each position repeats "Please submit your application by May 2nd, 2021": all closed
    assert [(p.category, p.closed) for p in baumgach.positions] == [
        ("phd", True), ("phd", True), ("postdoc", True)]
    assert baumgach.category == "phd"  # its headings' kind, not the "M.Sc." it requires
    first = baumgach.positions[0]
    assert first.title.startswith("PhD student (m/f/d, E13 TV-L; 65%)")
    deadline = baumgach.facts_of(K.DEADLINE)[0]
    assert deadline.section in first.sections
    froelofs = page(pages, "froelofs")
    assert [p.category for p in froelofs.positions] == ["phd", "phd", "postdoc", "postdoc"]
    wiseodd = page(pages, "wiseodd")
    assert [(p.title, p.closed) for p in wiseodd.positions] == [
        ("PhD", False), ("MSc Thesis", False), ("BSc Thesis", True)]
    assert len(page(pages, "abschlussarbeiten__README").positions) >= 15  # thesis topics
    assert page(pages, "kadaster__labs.kadaster.nl__navigatiebalk__stages").positions == ()


def test_markup_never_leaks_into_text(pages: dict[str, Vacancy]) -> None:
    leaks = ("{%", "{{", "<br", "</", "&amp;", "&#", "```", "[!NOTE", "[!Note", ":house:",
             "@meta", "{:target")
    for v in pages.values():
        for s in v.sections:
            for leak in leaks:
                assert leak not in s.text and leak not in s.markdown, (v.id, s.heading, leak)
            assert not (s.text[:1] and is_emoji(s.text[0])), (v.id, s.heading)
        for f in v.facts:
            assert "<" not in f.value and "{{" not in f.value, (v.id, f)
    assert "vacancies" in page(pages, "erc-compact").id
    assert page(pages, "erc-compact").title == "Exciting Opportunity Alert!"
    assert page(pages, "crc-mia").title == "CRC MIA - AI for Understanding Maternal Immune " \
        "Activation"
