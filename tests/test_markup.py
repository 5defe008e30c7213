"""Markdown as sites write it: HTML, entities, templates, directives, alerts, emoji — cleaned
out of the text a user is quoted, with links, addresses and lines kept."""

from __future__ import annotations

import pytest

from knowledge import Kind, parse_page
from knowledge.markup import clean, clean_inline, drop_decorative_emoji


@pytest.mark.parametrize("source, expected", [
    ('Send it to <a href="mailto:x@uni.de">Dr. X</a>.', "Send it to [Dr. X](mailto:x@uni.de)."),
    ("a<br>b", "a  \nb"),
    ("<b>Deadline: 12 May 2025</b><br>", "**Deadline: 12 May 2025**"),
    ("R&amp;D &#58; 5&nbsp;%", "R&D : 5 %"),
    ("{% include trennlinie.html %}\nText", "\nText"),
    ("{% comment %}\nsecret\n{% endcomment %}\nText", "\nText"),
    ("[PDF]({{ '/assets/a.pdf' | relative_url }}){:target=\"\\_blank\"}", "[PDF](/assets/a.pdf)"),
    ('{{% staticref "files/Vacancy A.pdf" %}}Topic{{% /staticref %}}',
     "[Topic](files/Vacancy%20A.pdf)"),
    ("{{% callout note %}}\nNote this.\n{{% /callout %}}", "\nNote this.\n"),
    ("<!-- hidden\nmailto:old@x.org -->\nShown", "\nShown"),
    ("> [!NOTE]\n> Read this.", "Read this."),
    ("```@meta\nCurrentModule = Pigeons\n```\n# [Positions](@id openings)", "# Positions"),
    ("```{note}\n:class: tip\nA directive.\n```", "A directive."),
    ("Term\n: its definition", "- Term: its definition"),
    ("<https://x.org/a>", "[https://x.org/a](https://x.org/a)"),
    ("<jane@x.org>", "[jane@x.org](mailto:jane@x.org)"),
    ("•\tone item", "- one item"),
    (":house:\n\nFinding housing", "Finding housing"),
    ("##Terms of employment", "## Terms of employment"),  # kramdown's heading
    ("-Engage in research\n-Publish", "- Engage in research\n- Publish"),
    ("#1 in Europe", "#1 in Europe"),  # a number, not a heading
    ("Bewerber*innen, die*der Bewerber*in", "Bewerber\\*innen, die\\*der Bewerber\\*in"),
])
def test_clean(source: str, expected: str) -> None:
    assert clean(source).text.strip("\n").rstrip(" ") == expected.strip("\n")


def test_html_blocks_become_sections_lists_and_rows() -> None:
    body = ("<dl>\n\t<dt>Ihre Aufgaben:</dt>\n\t<dd>\n\t\t<ul>\n\t\t\t<li>Forschung</li>\n"
            "\t\t\t<li>Lehre</li>\n\t\t</ul>\n\t</dd>\n</dl>\n"
            "<table><tr><td>Salary</td><td>E13 TV-L</td></tr></table>\n"
            "<h4> Requirements </h4>\n<p>Python.</p>")
    v = parse_page(f"title: T\n\n{body}\n", "t")
    tasks = next(s for s in v.sections if s.heading == "Ihre Aufgaben")
    assert tasks.kind is Kind.JOB and tasks.text.splitlines()[:2] == ["- Forschung", "- Lehre"]
    assert "Salary: E13 TV-L" in tasks.text
    req = v.sections_of(Kind.REQUIREMENTS)[0]
    assert req.heading == "Requirements" and req.text == "Python."


def test_lines_keep_their_numbers() -> None:
    body = "<!-- a\nb\nc -->\n<p>one<br>two</p>\nthree"
    cleaned = clean(body)
    lines = cleaned.text.split("\n")
    assert cleaned.lines[lines.index("three")] == 4
    assert cleaned.lines[next(i for i, x in enumerate(lines) if "two" in x)] == 3


def test_section_lines_point_at_the_file() -> None:
    page = "---\ntitle: T\n---\n<!-- one\ntwo -->\n\n## Requirements\nPython.\n"
    v = parse_page(page, "t")
    assert v.sections_of(Kind.REQUIREMENTS)[0].line == 7


@pytest.mark.parametrize("text, expected", [
    ("🚀 Exciting Opportunity Alert!", "Exciting Opportunity Alert!"),
    ("- 📧 **E-Mail**: x@y.org", "- **E-Mail**: x@y.org"),
    ("include this 🦭 (U+1F9AD) in the subject", "include this 🦭 (U+1F9AD) in the subject"),
    ("Die neue Spaltung** 🌱. Die Stelle", "Die neue Spaltung**. Die Stelle"),
    ("Mark your calendars! 🗓️ Then apply.", "Mark your calendars! Then apply."),
    ("German 🇩🇪.", "German."),
    ("Temperature 20 °C ©", "Temperature 20 °C ©"),
])
def test_decorative_emoji(text: str, expected: str) -> None:
    assert drop_decorative_emoji(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("PhD position&#58; AI", "PhD position: AI"),
    ("<strong>CRC MIA</strong> - AI", "CRC MIA - AI"),
    ("**Bold** title 🚀", "Bold title"),
    ("Title {{ site.name }}", "Title"),
])
def test_clean_inline(value: str, expected: str) -> None:
    assert clean_inline(value) == expected


def test_a_bare_less_than_sign_is_text() -> None:
    assert clean("files <5 MB and <Name> placeholders").text == (
        "files <5 MB and <Name> placeholders")


@pytest.mark.parametrize("source, link", [
    ('{{< button url="mailto:nora@lab.example.org" text="Email Nora to apply" >}}',
     "[Email Nora to apply](mailto:nora@lab.example.org)"),
    ('{{< cta cta_link="https://lab.example.org/apply" cta_text="Apply now" >}}',
     "[Apply now](https://lab.example.org/apply)"),
])
def test_a_shortcode_that_is_a_link_keeps_its_link(source: str, link: str) -> None:
    assert clean(f"Send your CV.\n\n{source}\n").text.strip().endswith(link)


def test_a_shortcode_without_a_link_leaves_nothing() -> None:
    assert "figure" not in clean('Text.\n\n{{< figure src="a.png" title="A" >}}\n').text
