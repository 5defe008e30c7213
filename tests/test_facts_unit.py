"""Fact extraction on small hand-made vacancies: one behaviour per case."""

from __future__ import annotations

import pytest

from knowledge.facts import extract_facts
from knowledge.facts._text import plain, split_sentences
from knowledge.model import Fact, FactKind, Kind, Section, Vacancy
from knowledge.parse import parse_page


def make(
    parts: list[tuple[str, Kind, str]], *, people: tuple[str, ...] = (), closed: bool = False,
    title: str = "PhD position", description: str = "", date: str = "",
    extra: dict[str, str] | None = None,
) -> Vacancy:
    """A Vacancy from (heading, kind, markdown) tuples; text is the Markdown made plain."""
    sections = tuple(
        Section(i, heading, kind, md, plain(md, people)) for i, (heading, kind, md) in
        enumerate(parts)
    )
    return Vacancy(id="t", title=title, closed=closed, source="t.md", description=description,
                   people=people, date=date, sections=sections, extra=extra or {})


def facts(md: str, kind: Kind = Kind.TERMS, heading: str = "Terms", **kw: object) -> list[Fact]:
    return list(extract_facts(make([(heading, kind, md)], **kw)))  # type: ignore[arg-type]


def values(md: str, fk: FactKind, kind: Kind = Kind.TERMS, heading: str = "Terms",
           **kw: object) -> list[str]:
    return [f.value for f in facts(md, kind, heading, **kw) if f.kind is fk]


# --- salary ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("md", "parts"), [
    ("A gross monthly salary between € 2.789 and € 3.536 (scale 10A).", ["€ 2,789", "€ 3,536"]),
    ("Fulltime: min € 3598 - max € 5669 gross per month", ["€ 3,598", "€ 5,669"]),
    ("Salary: EUR 3.000 per month.", ["€ 3,000"]),
    ("The salary is 3,000 euro gross per month.", ["€ 3,000"]),
    ("Salary € 2.789,50 gross per month.", ["€ 2,789.50"]),
    ("The salary ranges from € 2.789 to 3.536 per month.", ["€ 2,789 – € 3,536"]),
])
def test_salary_amounts_use_european_thousands(md: str, parts: list[str]) -> None:
    got = values(md, FactKind.SALARY_AMOUNT)
    assert got, md
    for part in parts:
        assert part in got[0]


def test_salary_never_reads_thousands_separator_as_decimal() -> None:
    got = values("A gross monthly salary of € 2.789.", FactKind.SALARY_AMOUNT)
    assert got == ["€ 2,789 gross per month"]
    assert not any("2.789" in v for v in got)


def test_two_ranges_each_get_their_scale_and_period() -> None:
    md = ("-A gross monthly salary between € 2.789 and € 3.536 (scale 10A) or between "
          "€ 3.230 and € 5.088 (scale 10) based on full-time employment.")
    got = values(md, FactKind.SALARY_AMOUNT)
    assert got == ["€ 2,789 – € 3,536 gross per month (scale 10A)",
                   "€ 3,230 – € 5,088 gross per month (scale 10)"]


@pytest.mark.parametrize(("md", "value"), [
    ("Postdoc in Applied Bioinformatics - Closing Date 21/11/2021 - £33,309 p.a. - Apply here",
     "£ 33,309 per year"),
    ("The annual salary is CHF 47'040 in the first year.", "CHF 47,040 per year"),
    ("The salary is SEK 34 000 per month before tax.", "SEK 34,000 per month"),
    ("The salary is USD 60,000 per year plus benefits.", "$ 60,000 per year"),
])
def test_other_currencies_keep_their_sign_and_thousands(md: str, value: str) -> None:
    assert values(md, FactKind.SALARY_AMOUNT, Kind.INTRO, "") == [value]


@pytest.mark.parametrize("md", [
    "Sipuleucel-T was priced at $93,000 and wage-earners could not afford it.",
    "The dimension grows as $2^n$ with n qubits, so the salary of the computation is high.",
])
def test_a_price_or_a_formula_is_no_pay(md: str) -> None:
    assert values(md, FactKind.SALARY_AMOUNT, Kind.BACKGROUND, "Background") == []


def test_money_outside_salary_context_is_not_a_salary() -> None:
    md = "The project received € 2 million from the EU for research."
    assert values(md, FactKind.SALARY_AMOUNT, Kind.BACKGROUND, "Background") == []


def test_student_reimbursement() -> None:
    md = ("This is an AI for Health MSc project. Students are eligible to receive a monthly "
          "reimbursement of €500,- for\na period of six months.")
    got = facts(md, Kind.OTHER, "Reimbursement")
    assert [f.value for f in got if f.kind is FactKind.REIMBURSEMENT] == [
        "€ 500 per month for six months"]
    assert not [f for f in got if f.kind is FactKind.SALARY_AMOUNT]


@pytest.mark.parametrize(("md", "expected"), [
    ("Salary scale 10A.", ["scale 10A"]),
    ("The salary will be in schaal 10.", ["scale 10"]),
    ("remuneration according to the German salary scale TV-L (E13 - 75%)", ["TV-L E13"]),
    ("The following (TVL E13 - 75%) Ph.D. position is available.", ["TV-L E13"]),
    ("Salary according to salary scale 11 of the CAO.", ["scale 11"]),
    ("A salary according to the Cao Hospitals with good working conditions.",
     ["Cao Hospitals"]),
])
def test_pay_scales(md: str, expected: list[str]) -> None:
    assert values(md, FactKind.PAY_SCALE) == expected


def test_scale_of_a_grading_system_is_not_a_pay_scale() -> None:
    md = "Pathologists grade lesions on a scale of 0 to 4 and use a large-scale dataset."
    assert values(md, FactKind.PAY_SCALE, Kind.BACKGROUND, "Background") == []


@pytest.mark.parametrize(("md", "expected"), [
    ("remuneration according to the German salary scale TV-L (E13 - 75%)", "75%"),
    ("This is a 0.8 FTE position.", "0.8 FTE"),
    ("- 32 hours per week", "32 hours per week"),
])
def test_part_time(md: str, expected: str) -> None:
    assert expected in values(md, FactKind.PART_TIME)


def test_pension_percentage_is_not_part_time() -> None:
    md = "Radboud university medical center pays 70% of the pension premium."
    assert values(md, FactKind.PART_TIME) == []


def test_full_time_hours_are_hours_not_part_time() -> None:
    md = "As a full-time employee (36 hours per week), you get 168 vacation hours per year."
    assert values(md, FactKind.HOURS) == ["36 hours per week"]
    assert values(md, FactKind.PART_TIME) == []


@pytest.mark.parametrize(("md", "expected"), [
    ("An annual vacation allowance of 8% and an end-of-year bonus of 8.3%.",
     ["8% vacation allowance", "8.3% end-of-year bonus"]),
    ("based on a full-time working week (excl. vacation bonus and 8,3% end of year payments)",
     ["8.3% end of year payments", "vacation bonus"]),
])
def test_allowances(md: str, expected: list[str]) -> None:
    assert sorted(values(md, FactKind.ALLOWANCE)) == sorted(expected)


@pytest.mark.parametrize("md", [
    "You will be appointed for four years as a PhD student with the standard salary and "
    "secondary conditions for PhD students in the Netherlands.",
    "The salary depends on education.",
])
def test_salary_statement_when_no_amount(md: str) -> None:
    got = values(md, FactKind.SALARY_STATEMENT)
    assert got == [md]


def test_no_statement_when_amount_given() -> None:
    md = "A gross monthly salary between € 2.789 and € 3.536 (scale 10A)."
    assert values(md, FactKind.SALARY_STATEMENT) == []


# --- timing ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("md", "expected"), [
    ("You will be appointed for four years as a PhD student.", "four years"),
    ("The position is initially limited to three years, with the possibility of extension.",
     "initially limited to three years, with the possibility of extension"),
    ("- Project duration: 6 months", "6 months"),
    ("- Project duration: 6-9 months, ideally able to start before end of April", "6-9 months"),
    ("- 4-year contract of 36 hours per week (full time).", "4-year contract"),
    ("- 1 year with prospect of extension", "1 year with prospect of extension"),
    ("**Project Duration**: Around 5 hours per week for a period that is flexible, based on "
     "your availability.", "a period that is flexible"),
    ("Die Stelle ist befristet auf drei Jahre.", "befristet auf drei Jahre"),
    ("De aanstelling is voor vier jaar.", "vier jaar"),
    # a hiring verb with the period: "hiring ... for", "recruiting ... for"
    ("We are hiring an ASR postdoc for 3 years!", "3 years"),
    ("The group is recruiting two PhD students for four years.", "four years"),
    # a compound whose last part is the contract is the contract
    ("Arbeidsovereenkomst voor twee jaar.", "twee jaar"),
    ("Der Arbeitsvertrag läuft zunächst zwei Jahre.", "zunächst zwei Jahre"),
    ("We offer a 3-month internship in our lab.", "3-month internship"),
    # a first period and its extension, as one span
    ("The position is initially limited to 3+1 years.", "initially limited to 3+1 years"),
])
def test_durations(md: str, expected: str) -> None:
    assert expected in values(md, FactKind.DURATION)


def test_a_duration_in_a_positions_heading() -> None:
    assert values("We are excited to announce an open PhD position.", FactKind.DURATION,
                  heading="PhD position (100%, 3+2 years) in TCS") == ["3+2 years"]


def test_background_years_are_not_durations() -> None:
    md = "Survival is often less than 5% at five years, in patients aged 60 years old."
    assert values(md, FactKind.DURATION, Kind.BACKGROUND, "Background") == []


@pytest.mark.parametrize(("md", "expected"), [
    ("Preferred starting date is Q4 2023.", "Q4 2023"),
    ("starting June 2023 or as agreed upon.", "June 2023 or as agreed upon"),
    ("Project duration: 6 months, starting May 2025.", "May 2025"),
    ("The position should be filled; you can start as soon as possible.",
     "as soon as possible"),
    ("Starting date is preferably June 1, 2022.", "June 1, 2022"),
    ("Preferred starting date: 1 November 2026", "1 November 2026"),
    # a compound whose last part is the start, a start around a month
    ("Wir bieten einen flexiblen Dienstbeginn um März 2027.", "März 2027"),
    ("Vertragsbeginn ca. Oktober 2026.", "Oktober 2026"),
    # a German copula and article before the day
    ("Arbeitsbeginn ist der 01.04.2019.", "01.04.2019"),
    ("Dienstbeginn ist der 1. Oktober 2026.", "1. Oktober 2026"),
])
def test_start_dates(md: str, expected: str) -> None:
    assert values(md, FactKind.START_DATE) == [expected]


def test_interview_dates_are_not_start_dates() -> None:
    md = "Invitations for job interviews will be sent starting from December 13."
    assert values(md, FactKind.START_DATE, Kind.APPLICATION, "Application") == []


@pytest.mark.parametrize(("md", "expected"), [
    ("Please apply before May 9, 2019 by following [this link](https://x.org/jobs/1).",
     "May 9, 2019"),
    ("Application deadline: 1 October 2026", "1 October 2026"),
    ("We would like to receive your application **before 14 November 2022**.",
     "14 November 2022"),
    ("Solliciteer uiterlijk 3 juli 2023 via de link.", "3 juli 2023"),
    ("Bewerbungsschluss: 15. Oktober 2023", "15. Oktober 2023"),
    ("This application will remain open until the position has been filled.",
     "until the position has been filled"),
])
def test_deadlines(md: str, expected: str) -> None:
    assert values(md, FactKind.DEADLINE, Kind.APPLICATION, "Application") == [expected]


def test_student_project_end_date_is_a_period_not_a_deadline() -> None:
    md = "** Start date: 01-01-2023 ** <br>\n** End date: 30-06-2023 **"
    got = facts(md, Kind.INTRO, "")
    assert [f.value for f in got if f.kind is FactKind.DEADLINE] == []
    assert "01-01-2023 to 30-06-2023" in [f.value for f in got if f.kind is FactKind.DURATION]
    assert [f.value for f in got if f.kind is FactKind.START_DATE] == ["01-01-2023"]


@pytest.mark.parametrize(("header", "expected"), [
    ("date: 2023-06-07", ["2023-06-07"]),
    ('publishDate: "2017-01-01T00:00:00Z"', ["2017-01-01"]),
    ("tags: [x]", []),
])
def test_published(header: str, expected: list[str]) -> None:
    v = parse_page(f"---\ntitle: T\n{header}\n---\n\nText.\n", "p")
    got = [f for f in extract_facts(v) if f.kind is FactKind.PUBLISHED]
    assert [f.value for f in got] == expected
    key = header.split(":")[0].lower()
    assert all(f.section == -1 and f.line == 3 and f.source.lower().startswith(key)
               for f in got)


# --- contacts -------------------------------------------------------------------------------

def test_mailto_label_becomes_the_email_detail() -> None:
    md = ("quoting no. **CIR/06/2023** to "
          "[Prof. Dr. Shadi Albarqouni](mailto:shadi.albarqouni@ukbonn.de).")
    got = facts(md, Kind.CONTACT, "Contact")
    mails = [f for f in got if f.kind is FactKind.EMAIL]
    assert [(f.value, f.detail) for f in mails] == [
        ("shadi.albarqouni@ukbonn.de", "Prof. Dr. Shadi Albarqouni")]


@pytest.mark.parametrize(("md", "address"), [
    ("please contact Geert.Litjens@radboudumc.nl.", "Geert.Litjens@radboudumc.nl"),
    ("Li Xue (mailto: li.xue@radboudumc.nl)", "li.xue@radboudumc.nl"),
    ("[larsleijten@radboudumc.nl](mailto:larsleijten@radboudumc.nl)",
     "larsleijten@radboudumc.nl"),
])
def test_email_addresses_are_clean(md: str, address: str) -> None:
    assert values(md, FactKind.EMAIL, Kind.CONTACT, "Contact") == [address]


def test_email_matched_to_person_by_local_part() -> None:
    md = "For more information please contact [member/lars-leijten] at larsleijten@radboudumc.nl."
    got = facts(md, Kind.CONTACT, "Information", people=("Lars Leijten", "Colin Jacobs"))
    assert [(f.value, f.detail) for f in got if f.kind is FactKind.EMAIL] == [
        ("larsleijten@radboudumc.nl", "Lars Leijten")]


@pytest.mark.parametrize(("md", "people", "expected"), [
    ("For more information please contact [member/geert-litjens] by e-mail.",
     ("Geert Litjens",), ["Geert Litjens"]),
    ("For more information please contact [member/henkjan-huisman] or "
     "[member/geert-litjens] by e-mail.", ("Henkjan Huisman", "Geert Litjens"),
     ["Henkjan Huisman", "Geert Litjens"]),
    ("For more information please contact [member/bram-van-ginneken].", (),
     ["Bram van Ginneken"]),
    ("For more information, please contact Alessa Hering.", ("Alessa Hering",),
     ["Alessa Hering"]),
    ("For more information, please contact Jasper Weeteling (Jasper.Weeteling@radboudumc.nl).",
     (), ["Jasper Weeteling"]),
    ("For more information, please contact [Colin Jacobs](https://www.diagnijmegen.nl/people/"
     "colin-jacobs/)", (), ["Colin Jacobs"]),
])
def test_contact_persons_are_readable_names(md: str, people: tuple[str, ...],
                                            expected: list[str]) -> None:
    got = values(md, FactKind.CONTACT_PERSON, Kind.CONTACT, "Information", people=people)
    assert got == expected
    assert not any("member/" in v or "-" in v for v in got)


def test_people_are_contacts_when_nobody_is_named() -> None:
    got = facts("Please apply [here](https://www.radboudumc.nl/en/vacancies/1-x).",
                Kind.APPLICATION, "Application", people=("Jos Thannhauser", "Ivana Isgum"))
    persons = [f for f in got if f.kind is FactKind.CONTACT_PERSON]
    assert [f.value for f in persons] == ["Jos Thannhauser", "Ivana Isgum"]
    assert all(f.section == -1 for f in persons)


def test_link_labels_that_are_not_people_are_not_contacts() -> None:
    md = "For more information, see the [Computational Pathology Group](https://cpg.eu/) page."
    assert values(md, FactKind.CONTACT_PERSON, Kind.CONTACT, "Contact") == []


# --- application ----------------------------------------------------------------------------

def test_apply_url_and_vacancy_number() -> None:
    md = ("Please apply [here](https://www.radboudumc.nl/en/vacancies/138103-phd-candidate-x). "
          "Take a look at the [Cao UMC](https://www.nfu.nl/cao) and "
          "[Google Scholar](https://scholar.google.com/x).")
    got = facts(md, Kind.APPLICATION, "Application")
    assert [f.value for f in got if f.kind is FactKind.APPLY_URL] == [
        "https://www.radboudumc.nl/en/vacancies/138103-phd-candidate-x"]
    assert "138103" in [f.value for f in got if f.kind is FactKind.REFERENCE]


def test_documents_are_named_as_the_page_names_them() -> None:
    md = ("You should supply a motivation letter, your CV, links to a Google Scholar profile, a "
          "list of grades and courses you have followed, and links to any publications you "
          "have written plus any code you have written, e.g., on a GitHub account.")
    got = values(md, FactKind.DOCUMENT, Kind.APPLICATION, "Application")
    assert got == ["motivation letter", "CV", "list of grades and courses", "publications",
                   "GitHub account", "Google Scholar profile"]


def test_bonn_application_sentence() -> None:
    md = ("Do not hesitate and send your application including a cover letter (highlighting "
          "your qualifications), a detailed CV, scanned academic degrees, and the contact "
          "details of two referees (preferably by e-mail in a single PDF file up to 5 MB in "
          "size), quoting the job advertisement no. **CIR/06/2023** in your email’s subject to "
          "[Prof. Dr. Shadi Albarqouni](mailto:shadi.albarqouni@ukbonn.de).")
    got = facts(md, Kind.CONTACT, "Contact")
    by = {k: [f.value for f in got if f.kind is k] for k in FactKind}
    assert by[FactKind.SIZE_LIMIT] == ["5 MB"]
    assert by[FactKind.SUBJECT_LINE] == ["CIR/06/2023"]
    assert by[FactKind.REFERENCE] == ["CIR/06/2023"]
    assert by[FactKind.DOCUMENT] == ["cover letter", "detailed CV", "the contact details of two "
                                     "referees", "scanned academic degrees"]


def test_what_a_parenthesis_says_of_a_document_is_no_document() -> None:
    md = ("Send a cover letter, a detailed CV (with links to previous projects and code) and "
          "your transcripts.")
    got = values(md, FactKind.DOCUMENT, Kind.APPLICATION, "Application")
    assert got == ["cover letter", "detailed CV", "transcripts"]


@pytest.mark.parametrize(("md", "wanted"), [
    ("Bitte senden Sie Ihre Bewerbung (bestehend aus Anschreiben, Lebenslauf und Zeugnissen) "
     "an die unten genannte Adresse.", ["Anschreiben", "Lebenslauf", "Zeugnisse"]),
    ("We look forward to your full application (motivation letter, CV, transcripts) by "
     "e-mail.", ["motivation letter", "CV", "transcripts"]),
    ("Stuur je sollicitatie (bestaande uit een motivatiebrief en cv) naar ons.",
     ["motivatiebrief", "cv"]),
    # one document in a parenthesis says what something else is: no list
    ("Send a CV and two contacts for a recommendation (e.g., your master thesis advisor).",
     ["CV"]),
])
def test_a_parenthesis_that_lists_documents_is_the_list(md: str, wanted: list[str]) -> None:
    assert values(md, FactKind.DOCUMENT, Kind.APPLICATION, "Application") == wanted


def test_a_german_document_noun_is_capitalised() -> None:
    md = "Bei Interesse können Sie mich gerne anschreiben und nach aktuellen Themen fragen."
    assert values(md, FactKind.DOCUMENT, Kind.APPLICATION, "Bewerbung") == []


def test_a_document_the_page_says_is_not_needed_is_none() -> None:
    md = "Please send your CV to the address below; no cover letter is needed."
    assert values(md, FactKind.DOCUMENT, Kind.APPLICATION, "Application") == ["CV"]


def test_requirements_mentioning_github_are_not_documents() -> None:
    md = ("Experience with deep learning should be evident from the courses you've followed, "
          "your publications, GitHub account, etc.")
    assert values(md, FactKind.DOCUMENT, Kind.REQUIREMENTS, "Requirements") == []


def test_reference_in_title() -> None:
    v = make([("", Kind.INTRO, "Text.")], title="CIR/06/2023: Ph.D. position in AI")
    got = [f for f in extract_facts(v) if f.kind is FactKind.REFERENCE]
    assert [(f.value, f.section) for f in got] == [("CIR/06/2023", -1)]


# --- place ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("md", "expected"), [
    ("We are offering three PhD positions in AI.", "3"),
    ("We have 2 open PhD positions.", "2"),
    ("We are looking for two highly motivated and talented PhD candidates.", "2"),
    ("We are looking for two students, one to focus on CT.", "2"),
    ("[Postdoc positions (3)](https://x.org/jobs/2) Deadline for application: 14.02.2025", "3"),
    ("Scientific Software Developers (two posts), Max Planck Institute, Dresden", "2"),
])
def test_positions(md: str, expected: str) -> None:
    assert values(md, FactKind.POSITIONS, Kind.JOB, "Job") == [expected]


@pytest.mark.parametrize("md", [
    "The lab consists of 5 PhD students who will collaborate.",
    "DIAG hosts over 70 PhD candidates and postdoctoral researchers.",
])
def test_group_sizes_are_not_positions(md: str) -> None:
    assert values(md, FactKind.POSITIONS, Kind.ORGANISATION, "Organization") == []


def test_positions_from_description_when_body_is_silent() -> None:
    v = make([("", Kind.INTRO, "Some text.")],
             description="We are offering three PhD positions to apply machine learning.")
    got = [f for f in extract_facts(v) if f.kind is FactKind.POSITIONS]
    assert [(f.value, f.section) for f in got] == [("3", -1)]


def test_institution_and_city() -> None:
    md = ("The lab is a collaboration between Radboudumc and Amsterdam UMC. Radboud University "
          "Medical Center and Radboud University are located in Nijmegen. Radboudumc is great.")
    got = facts(md, Kind.ORGANISATION, "Organization")
    inst = [f.value for f in got if f.kind is FactKind.INSTITUTION]
    assert inst[0] == "Radboud University Medical Center"
    assert [f.value for f in got if f.kind is FactKind.LOCATION] == ["Nijmegen"]


@pytest.mark.parametrize(("md", "expected"), [
    # the city of a postal address, before the city an institution is named after
    ("Washington University School of Medicine, 660 South Euclid Avenue, St. Louis, MO 63110",
     ["St. Louis"]),
    ("Institut für Informatik, Sand 14, D-72076 Tübingen", ["Tübingen"]),
    ("Radboud University, Postbus 9101, 6500 HB Nijmegen", ["Nijmegen"]),
    ("University College London, Gower Street, London WC1E 6BT", ["London"]),
    ("Institute of Geodesy, Steyrergasse 30, 8010 Graz", ["Graz"]),
    ("The lab of Vienna University, in the office St. Gallen, 9000 St. Gallen", ["St. Gallen"]),
    # a house number is no postal code, and neither is a year
    ("Washington University, Room 5407C, 4444 Forest Park Blvd.", ["Washington"]),
    ("Utrecht University. In 2024 Berlin hosted the meeting.", ["Utrecht"]),
])
def test_the_city_of_an_address(md: str, expected: list[str]) -> None:
    assert values(md, FactKind.LOCATION, Kind.CONTACT, "Contact") == expected


@pytest.mark.parametrize(("closed", "expected"), [(True, "closed"), (False, "open")])
def test_status(closed: bool, expected: str) -> None:
    got = [f for f in facts("Text.", closed=closed) if f.kind is FactKind.STATUS]
    assert [(f.value, f.section) for f in got] == [(expected, -1)]


# --- general --------------------------------------------------------------------------------

def test_duplicates_keep_the_first() -> None:
    v = make([("Terms", Kind.TERMS, "You will be appointed for four years."),
              ("Other", Kind.TERMS, "You are appointed for 4 years.")])
    got = [f for f in extract_facts(v) if f.kind is FactKind.DURATION]
    assert [(f.value, f.section) for f in got] == [("four years", 0)]


def test_details_are_trimmed() -> None:
    md = "A gross monthly salary of € 2.789 " + "and more words " * 60 + "."
    got = facts(md)
    assert got and all(len(f.detail) <= 300 for f in got)


def test_sentence_split_keeps_titles_together() -> None:
    assert split_sentences("Contact Prof. Dr. Shadi Albarqouni. Apply now.") == [
        "Contact Prof. Dr. Shadi Albarqouni.", "Apply now."]




@pytest.mark.parametrize(("md", "kind", "expected"), [
    ("There is no deadline; we review applications continuously.", FactKind.DEADLINE,
     "no deadline"),
    ("The working language is English.", FactKind.WORKING_LANGUAGE, "English"),
    ("Die Arbeitssprache ist Englisch.", FactKind.WORKING_LANGUAGE, "Englisch"),
    ("Die Arbeitszeit ist montags und dienstags im Büro.", FactKind.WORKING_DAYS,
     "montags und dienstags"),
    ("The job is 40 hours per month.", FactKind.HOURS, "40 hours per month"),
    ("The salary is ~50k€ per year.", FactKind.SALARY_AMOUNT, "~€ 50k per year"),
    # an amount in thousands after the currency code, never its first digit alone ("€ 5")
    ("Pay is TV-L E13, far beyond standards (> EUR 50k).", FactKind.SALARY_AMOUNT,
     "> € 50k per year"),
    ("Das Gehalt liegt bei über 48k EUR im Jahr.", FactKind.SALARY_AMOUNT, "> € 48k per year"),
    ("Die Vergütung erfolgt nach E 13 TV-L bei 65 % der regulären Arbeitszeit.",
     FactKind.PART_TIME, "65%"),
    ("The position is 50% of the regular working hours.", FactKind.PART_TIME, "50%"),
    ("The contract can be extended by another year.", FactKind.DURATION,
     "extended by another year"),
])
def test_what_pages_say_in_passing(md: str, kind: FactKind, expected: str) -> None:
    assert values(md, kind) == [expected]


def test_a_weekday_is_no_working_day_unless_work_is_meant() -> None:
    assert values("The seminar was held on Monday.", FactKind.WORKING_DAYS) == []


# --- gates -----------------------------------------------------------------------------------

def test_gates_find_the_sentences_has_finds() -> None:
    """`Gates` looks for words in the page's whole text once; it picks exactly the sentences
    `Sentence.has` picks, a word at a sentence's very end or start included."""
    from knowledge.facts._text import Gates
    from knowledge.sentences import sentences_of

    v = make([("Terms", Kind.TERMS, "Salary: € 3,000. Full-time (100%).\n\n- 36 hours\n- eur"),
              ("Apply", Kind.APPLICATION, "Send your CV by mail. Deadline 1 May.\n\nmail")])
    sentences = sentences_of(v)
    gates = Gates(sentences)
    for words in [("€", "eur"), ("mail",), ("%", "fte"), ("hour",), ("deadline", "salary"),
                  ("absent",), ("l: €",), ("mail\nmail",)]:
        assert gates(*words) == {i for i, s in enumerate(sentences) if s.has(*words)}, words
    assert Gates([])("x") == frozenset()
