"""Header fields whose value is page text — a list of sentences under any key, or a long
sentence under a key of no known meaning — are read as the body is: sections whose
sentences give facts, each with the line of its item."""

from __future__ import annotations

from knowledge.facts import extract_facts
from knowledge.model import FactKind, Kind
from knowledge.parse import parse_page
from knowledge.sentences import sentences_of

PAGE = """---
title: PhD position in robust machine learning
what_we_offer:
  - A full-time appointment for four years, with a salary according to TV-L E13.
  - "The position is based in Freiburg, Germany."
look:
- You hold an MSc degree in computer science or statistics.
- Fluent English is required.
intro_note: We read every application and answer within three weeks of the deadline.
tags: [machine learning, phd]
keywords: [robustness, uncertainty estimation in deep networks]
image: /images/team photo of the lab.png
banner_text: Join × us × Join × us × Join × us × Join × us
redirect_from:
  - /jobs/old-phd-position-in-robust-ml/
---

We are hiring a PhD student. Send your CV to jobs@example.org.
"""


def test_list_fields_of_sentences_are_sections_after_the_body() -> None:
    v = parse_page(PAGE, "p")
    extra = [(s.heading, s.kind) for s in v.sections[1:]]
    assert extra == [("What we offer", Kind.TERMS), ("Look", Kind.REQUIREMENTS),
                     ("Intro note", Kind.APPLICATION)]
    offer = v.sections[1]
    assert offer.text == ("- A full-time appointment for four years, with a salary according to "
                          "TV-L E13.\n- The position is based in Freiburg, Germany.")


def test_their_sentences_keep_the_line_of_their_item() -> None:
    v = parse_page(PAGE, "p")
    lines = {s.text: (s.line, s.item) for s in sentences_of(v) if s.section > 0}
    assert lines["The position is based in Freiburg, Germany."] == (5, True)
    assert lines["You hold an MSc degree in computer science or statistics."] == (7, True)
    assert lines["We read every application and answer within three weeks of the deadline."] \
        == (9, False)


def test_facts_are_read_from_them_with_their_provenance() -> None:
    v = parse_page(PAGE, "p")
    facts = {(f.kind, f.value): f for f in extract_facts(v)}
    duration = facts[(FactKind.DURATION, "four years")]
    assert (duration.line, duration.section) == (4, 1)
    assert duration.source.startswith("A full-time appointment for four years")
    assert facts[(FactKind.PAY_SCALE, "TV-L E13")].line == 4
    assert facts[(FactKind.LOCATION, "Freiburg")].line == 5


def test_tags_machinery_and_repetition_are_not_text() -> None:
    v = parse_page(PAGE, "p")
    headings = {s.heading for s in v.sections}
    assert not headings & {"Tags", "Keywords", "Image", "Banner text", "Redirect from"}


def test_a_translated_field_is_left_out_and_the_kinds_come_from_the_body() -> None:
    page = ("---\ntitle: Join us\nsummary_note: We welcome applicants for an MSc thesis, a PhD "
            "or a postdoc.\nsummary_note_de: Wir freuen uns über Bewerbungen für eine "
            "Masterarbeit oder Promotion.\n---\n\nWe work on robust machine learning and are "
            "hiring.\n")
    v = parse_page(page, "p")
    assert [s.heading for s in v.sections] == ["", "Summary note"]
    assert v.categories == ()  # the header's list of every kind is not the page's kind
