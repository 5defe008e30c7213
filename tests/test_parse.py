"""Parsing pages: every header style, normalised fields, sections, mojibake."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from knowledge import Kind, PageError, parse_page
from knowledge.facts import extract_facts
from knowledge.parse import parse_file_bytes, readable_name
from knowledge.status import settle
from tests.paths import SEEDS

PELICAN = """title: PhD position on
  wrapped title
groups: diag, pathology
closed: True
people: Jane Doe, Piet van der Berg
description: A short summary.

## Background
Some background.

## Requirements
- MSc degree
- Python

**Contact:**

Ask [member/piet-van-der-berg] by e-mail.
"""

YAML = '''---
# a comment
title: "CIR/01/2024: Ph.D. position in
  Imaging"
summary: "starting soon"
authors:
- shadi-albarqouni
closed: false
publishDate: "2023-06-07T00:00:00Z"
---

Intro text before any heading.

**Your qualifications:**

- M.Sc. in Computer Science
'''

TOML = """+++
title = "Doktorand (m/w/d) Bildanalyse"
date = 2024-02-01
tags = ["MRT", "KI"]
+++

## Ihr Profil
Sie haben einen Masterabschluss und Erfahrung mit Python.

## Wir bieten
Vergütung nach TV-L E13.
"""

NO_HEADER = """# Postdoc in Computational Pathology

We are hiring a postdoc.

## Wat vragen wij
Een afgeronde promotie.
"""


def test_pelican_header_fields_are_normalised() -> None:
    v = parse_page(PELICAN, "pel")
    assert v.header_style == "pelican"
    assert v.title == "PhD position on wrapped title"
    assert v.closed is True
    assert v.groups == ("diag", "pathology")
    assert v.people == ("Jane Doe", "Piet van der Berg")
    assert v.id == "pel"


def test_bold_line_is_a_heading_and_member_reference_becomes_a_name() -> None:
    v = parse_page(PELICAN, "pel")
    contact = v.sections_of(Kind.CONTACT)
    assert [s.heading for s in contact] == ["Contact"]
    assert "Piet van der Berg" in contact[0].text
    assert "member/" not in contact[0].text


def test_sections_keep_order_heading_markdown_and_text() -> None:
    v = parse_page(PELICAN, "pel")
    assert [s.order for s in v.sections] == list(range(len(v.sections)))
    req = v.sections_of(Kind.REQUIREMENTS)[0]
    assert req.heading == "Requirements"
    assert req.markdown.startswith("- MSc degree")
    assert req.text.splitlines() == ["- MSc degree", "- Python"]


def test_description_becomes_the_intro() -> None:
    v = parse_page(PELICAN, "pel")
    assert v.sections[0].kind is Kind.INTRO
    assert "A short summary." in v.sections[0].text


def test_yaml_front_matter_with_comments_and_multiline_title() -> None:
    v = parse_page(YAML, "yam")
    assert v.header_style == "yaml"
    assert v.title == "CIR/01/2024: Ph.D. position in Imaging"
    assert v.people == ("Shadi Albarqouni",)
    assert v.date == "2023-06-07"
    assert v.closed is False
    intro = v.sections[0]
    assert "starting soon" in intro.text and "Intro text before any heading." in intro.text
    assert v.sections_of(Kind.REQUIREMENTS)[0].heading == "Your qualifications"


def test_toml_front_matter_and_german_headings() -> None:
    v = parse_page(TOML, "toml")
    assert v.header_style == "toml"
    assert v.title == "Doktorand (m/w/d) Bildanalyse"
    assert v.date == "2024-02-01"
    assert v.tags == ("MRT", "KI")
    assert v.language == "de"
    assert [s.kind for s in v.sections] == [Kind.REQUIREMENTS, Kind.TERMS]


def test_page_without_header_takes_title_from_first_heading() -> None:
    v = parse_page(NO_HEADER, "plain")
    assert v.header_style == "none"
    assert v.title == "Postdoc in Computational Pathology"
    assert v.category == "postdoc"
    assert v.sections[0].kind is Kind.INTRO and "hiring a postdoc" in v.sections[0].text
    assert v.sections_of(Kind.REQUIREMENTS)[0].heading == "Wat vragen wij"


@pytest.mark.parametrize("value, closed", [("True", True), ("true", True), ("false", False),
                                            ("False ", False), ("yes", True)])
def test_closed_values(value: str, closed: bool) -> None:
    page = f"title: T\nclosed: {value}\n\n## Background\nText.\n"
    assert parse_page(page, "x").closed is closed


def test_hugo_expiry_in_the_past_closes_the_vacancy() -> None:
    page = "---\ntitle: T\nexpiryDate: 2020-01-01\n---\n\n## Background\nText.\n"
    assert parse_page(page, "x").closed is True


@pytest.mark.parametrize("page, line, reason", [
    ("title: T\nclosed: maybe\n\n## Background\nx\n", 2, "'closed' must be true or false"),
    ("---\ntitle: T\nopen: sometimes\n---\n\nText.\n", 3, "'open' must be true or false"),
    ("---\ntitle: T\ndraft: perhaps\n---\n\nText.\n", 3, "'draft' must be true or false"),
])
def test_a_status_that_cannot_be_read_is_an_error_with_file_and_line(
        page: str, line: int, reason: str) -> None:
    with pytest.raises(PageError) as info:
        parse_page(page, "bad", "pages/bad.md")
    assert info.value.problem.path == "pages/bad.md"
    assert info.value.problem.line == line
    assert reason in info.value.problem.reason


@pytest.mark.parametrize("page, title, line, warned", [
    ("---\ntitle: [unclosed\n---\n\nbody\n", "[unclosed", 2, "not valid YAML"),
    ("---\ntitle: x\n\nbody without closing fence\n", "x", 1, "never closed"),
    ("+++\ntitle = \ndate = 2022-09-31\n+++\n\nbody\n", "Bad", 2, "TOML"),
    ("groups: diag\n\n## Background\nNo title here.\n", "Bad", 1, "file name"),
    ("---\ntitle: T\nenddate: 2022-09-31\n---\n\nbody\n", "T", 3, "not a real date"),
    ("---\nlayout: post\nuntil:\t\t2023-08-28\n---\n\nbody\n", "Bad", 3, "tab"),
    ('---\ntitle: "A " stray quote"\n---\n\nbody\n', 'A " stray quote', 2, "read as text"),
])
def test_front_matter_a_strict_parser_rejects_is_read_with_a_warning(
        page: str, title: str, line: int, warned: str) -> None:
    v = parse_page(page, "bad", "pages/bad.md")
    assert v.title == title
    assert any(w.startswith(f"line {line}: ") and warned in w for w in v.warnings), v.warnings


def test_an_impossible_date_stays_text_and_closes_nothing() -> None:
    v = parse_page("---\ntitle: T\nexpirydate: 2022-02-30\nenddate: 2022-09-31\n---\n\nText.\n",
                   "x", today=dt.date(2023, 1, 1))
    assert v.closed is False
    assert v.extra["enddate"] == "2022-09-31"


@pytest.mark.parametrize("page, title, warned", [
    ("---\nlayout: post\n---\n\n### Research assistant (m/f/d)\n\nWe hire.\n",
     "Research assistant (m/f/d)", "heading"),
    ("---\nlinkTitle: Hiwi jobs\n---\n\nWe hire.\n", "Hiwi jobs", ""),
    ("---\nname: job-single-4\n---\n\nWe hire.\n", "2025 climate coders", "file name"),
    ("---\nname: research-assistant\n---\n\n## Requirements\nPython.\n",
     "Research Assistant", "'name: research-assistant'"),
    # the page's one "#" heading names it, though its words name a kind of section
    ("# Location detection in the context of tourism\n\n---\n## Motivation\nData.\n\n"
     "## Cooperation partners\nA firm.\n", "Location detection in the context of tourism",
     "heading"),
    # "#" used for every section: none of them is the title
    ("# Background\nData.\n\n# Requirements\nPython.\n\n# Glacier imaging\nIce.\n",
     "Glacier imaging", "heading"),
])
def test_title_fallbacks(page: str, title: str, warned: str) -> None:
    v = parse_page(page, "2025_ClimateDivide_coders", "news/2025_ClimateDivide_coders.md")
    expected = "Climate Divide coders" if title == "2025 climate coders" else title
    assert v.title == expected
    assert (not warned and not v.warnings) or any(warned in w for w in v.warnings)


@pytest.mark.parametrize("name, path, title", [
    ("2025_ClimateDivide_coders", "x/2025_ClimateDivide_coders.md", "Climate Divide coders"),
    ("eborbath__eborbath.github.io___news__2025_postdoc_ClimateDivide_de",
     "x.md", "Postdoc Climate Divide de"),
    ("Hiwi", "content/position/Hiwi/index.md", "Hiwi"),
    ("2017-06-07-dynamic-websites", "p.md", "Dynamic websites"),
])
def test_file_names_made_readable(name: str, path: str, title: str) -> None:
    assert readable_name(name, path) == title


def test_a_page_with_nothing_but_a_title_is_served_with_a_warning() -> None:
    v = parse_page("title: Only a title\n\n", "t")
    assert v.title == "Only a title" and any("no text" in w for w in v.warnings)


def test_html_entities_tags_and_emoji_leave_titles() -> None:
    v = parse_page("---\ntitle: PhD position&#58; <strong>CRC</strong> &amp; more 🚀\n---\n\nx\n",
                   "t")
    assert v.title == "PhD position: CRC & more"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"x" * (3 * 1024 * 1024), "larger than"),
])
def test_unreadable_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(PageError) as info:
        parse_file_bytes(data, "f", "f.md")
    assert reason in str(info.value)


def test_crlf_and_mojibake_are_repaired() -> None:
    page = "title: T\r\n\r\n## Background\r\nThe patientsâ€™ risk.\r\n".encode()
    v = parse_file_bytes(page, "t", "t.md")
    assert v.sections_of(Kind.BACKGROUND)[0].text == "The patients’ risk."
    assert any("mojibake" in w for w in v.warnings)


def test_seed_mojibake_is_repaired() -> None:
    path = SEEDS / "breast-prostate-grading-phd.md"
    v = parse_file_bytes(path.read_bytes(), path.stem, str(path))
    text = v.sections_of(Kind.BACKGROUND)[0].text
    assert "patients’ risk" in text and "â€" not in text


def test_latin1_page_is_read_with_a_warning() -> None:
    page = "title: Gehalt für Doktoranden\n\n## Hintergrund\nÜber uns.\n".encode("latin-1")
    v = parse_file_bytes(page, "l", "l.md")
    assert v.title == "Gehalt für Doktoranden"
    assert any("not valid UTF-8" in w for w in v.warnings)


@pytest.mark.parametrize("name, style, kinds", [
    ("bonn-robustness-explainability-phd", "yaml",
     {Kind.JOB, Kind.REQUIREMENTS, Kind.DESIRABLE, Kind.TERMS, Kind.CONTACT}),
    ("breast-prostate-grading-phd", "pelican",
     {Kind.BACKGROUND, Kind.REQUIREMENTS, Kind.TERMS, Kind.CONTACT, Kind.APPLICATION}),
    ("responsible-ai-cardiac-oct-phd", "pelican",
     {Kind.JOB, Kind.REQUIREMENTS, Kind.TERMS, Kind.ORGANISATION, Kind.APPLICATION}),
])
def test_seed_pages_parse_into_classified_sections(name: str, style: str, kinds: set[Kind]) -> None:
    path = SEEDS / f"{name}.md"
    v = parse_file_bytes(path.read_bytes(), name, str(path))
    assert v.header_style == style
    assert kinds <= {s.kind for s in v.sections}
    assert "\n" not in v.title


def test_seed_bonn_title_and_bold_sections() -> None:
    path = SEEDS / "bonn-robustness-explainability-phd.md"
    v = parse_file_bytes(path.read_bytes(), path.stem, str(path))
    assert v.title.startswith("CIR/06/2023: Ph.D. position in AI in Medicine")
    headings = [s.heading for s in v.sections]
    assert headings[-5:] == ["Your responsibilities", "Your qualifications",
                             "Desirable qualifications", "What we offer you", "Contact"]
    contact = v.sections_of(Kind.CONTACT)[0]
    assert "email’s subject" in contact.text  # the mojibake is gone here too


def test_bold_label_with_line_break_starts_a_section() -> None:
    page = "title: T\n\n**Background**<br>\nThe problem.\n\n**Tasks**  \nBuild things.\n"
    v = parse_page(page, "t")
    assert [(s.heading, s.kind, s.text) for s in v.sections[-2:]] == [
        ("Background", Kind.BACKGROUND, "The problem."), ("Tasks", Kind.JOB, "Build things.")]


@pytest.mark.parametrize("line", ["**Tim Frenzel**", "**This is an AI for Health MSc project. "
                                  "Students are eligible to receive a reimbursement.**",
                                  "**Project Duration**: six months"])
def test_bold_text_that_is_not_a_heading_stays_text(line: str) -> None:
    v = parse_page(f"title: T\n\n## Information\n{line}\n\nMore.\n", "t")
    assert [s.heading for s in v.sections] == ["Information"]


def test_a_line_leading_in_to_a_list_of_requirements_starts_a_section() -> None:
    v = parse_page("---\ntitle: Hiwi\n---\n\nWir suchen eine Hilfskraft.\n\n"
                   "Idealerweise bringen Sie mit:\n\n- Python\n- Git\n\n"
                   "You should have:\n\n1. an MSc\n2. grit\n\n"
                   "Wat vragen wij?\n\n- Nederlands\n\n"
                   "We work on the following topics:\n\n- optics\n", "x")
    got = [(s.kind.value, s.heading, s.text) for s in v.sections]
    assert got[1:] == [("desirable", "Idealerweise bringen Sie mit", "- Python\n- Git"),
                       ("requirements", "You should have", "- an MSc\n- grit"),
                       ("requirements", "Wat vragen wij?",
                        "- Nederlands\n\nWe work on the following topics:\n- optics")]


def test_numbered_hosts_are_positions_each_open_or_closed() -> None:
    hosts = "".join(f"## {n}. University {c} {{#u{n}}}\n\nHost for: ESR{n}\n\n"
                    f"{'UNI has no longer open positions.' if n > 4 else 'One open position.'}"
                    "\n\n" for n, c in enumerate("ABCDEFGHIJK", start=1))
    v = parse_page(f"---\ntitle: Vacancies\n---\n\n{hosts}", "hosts")
    v = settle(replace(v, facts=extract_facts(v)), dt.date(2024, 1, 1))
    assert [p.title for p in v.positions][:2] == ["University A", "University B"]
    assert [p.closed for p in v.positions] == [False] * 4 + [True] * 7
    assert v.status == "open"


def test_a_widget_heading_is_never_a_title() -> None:
    v = parse_page("## Filtern nach\n\n## Zebrafish imaging with deep learning\n\nWe offer a "
                   "PhD.\n", "x")
    assert v.title == "Zebrafish imaging with deep learning"


def test_an_account_as_author_is_no_person() -> None:
    """Hugo Blox pages name the site owner's account ("authors: [admin]"), not a person."""
    page = ("---\ntitle: Postdoc in melanoma epigenetics\nauthors:\n- admin\n- nora-engel\n---\n\n"
            "We are hiring a postdoc.\n")
    assert parse_page(page, "postdoc").people == ("Nora Engel",)


# A heading that names no kind of section: its text gives the kind away, in each language
# (`section_cues` in `lang/<code>/pages.py`).
@pytest.mark.parametrize(("heading", "text", "kind"), [
    ("Vaardigheden", "Je hebt een afgeronde masteropleiding en ervaring met Python.",
     Kind.REQUIREMENTS),
    ("Was zählt", "Sie verfügen über ein abgeschlossenes Studium und gute Kenntnisse in R.",
     Kind.REQUIREMENTS),
    ("Goed om te weten", "Het salaris bedraagt maximaal 4.000 euro bruto per maand, plus "
     "vakantiegeld.", Kind.TERMS),
    ("Rahmen", "Die Stelle ist in Teilzeit (20 Wochenstunden), die Vergütung erfolgt nach "
     "TV-L.", Kind.TERMS),
    ("Interesse geweckt?", "Bewerbungen mit Lebenslauf bitte per E-Mail.", Kind.APPLICATION),
    ("Your toolbox", "You have a degree in physics and experience with C++.",
     Kind.REQUIREMENTS),
])
def test_a_section_is_known_by_its_words_in_each_language(heading: str, text: str,
                                                           kind: Kind) -> None:
    md = f"---\ntitle: PhD position\n---\n\nIntro.\n\n## {heading}\n\n{text}\n"
    page = parse_page(md, "x.md")
    assert [s.kind for s in page.sections if s.heading == heading] == [kind]


def test_a_page_that_repeats_its_sections_for_each_posting_is_split_at_their_titles() -> None:
    template = ("## {title}\n\n{intro}\n\n## About the foundation\n\nWe test algorithms.\n\n"
                "## Your profile\n\n{profile}\n\n## Contact\n\nMail jobs@example.org.\n\n")
    md = ("---\ntitle: Vacancies\n---\n\nTwo openings.\n\n"
          + template.format(title="Role: Data steward (1.0 fte)", intro="Keep our data tidy.",
                            profile="You have a completed university degree.")
          + template.format(title="Role: Trainee (0.8 fte)", intro="Join for six months.",
                            profile="You are enrolled in a master's programme."))
    v = parse_page(md, "vacancies")
    assert [p.title for p in v.positions] == ["Role: Data steward (1.0 fte)",
                                             "Role: Trainee (0.8 fte)"]
    second = [s for s in v.sections if s.order in v.positions[1].sections]
    assert [s.heading for s in second] == ["Role: Trainee (0.8 fte)", "About the foundation",
                                           "Your profile", "Contact"]
    assert "master's programme" in " ".join(s.text for s in second if s.kind is Kind.REQUIREMENTS)


def test_bold_headings_under_an_empty_heading_keep_it_as_their_parent() -> None:
    """"**Hydrodata GmbH**" under an empty "## Partners" is one of the partners: the section
    remembers the heading it sits under; a bold heading after text of its own does not."""
    v = parse_page("""---
title: Thesis on river flow
---
We offer a master thesis on river flow forecasts from satellite data, with partners.

## Partners
**Hydrodata GmbH**
Eva Brandt

**University of Linz**
Jonas Weber

## Requirements
Python.

**Nice to have**
Hydrology.

## About the colloquium

### Duration
A talk of 30 minutes and 15 minutes of questions.

### Audience
The group.
""", "river")
    parents = {s.heading: s.parent for s in v.sections if s.heading}
    assert parents == {"Partners": "", "Hydrodata GmbH": "Partners",
                       "University of Linz": "Partners", "Requirements": "",
                       "Nice to have": "", "About the colloquium": "",
                       "Duration": "About the colloquium", "Audience": "About the colloquium"}
