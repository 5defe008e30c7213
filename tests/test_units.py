"""A section's sentences are read once, from markdown-it's tokens: the plain text is what the
page shows, the Markdown is the source of exactly that sentence (links intact), and the bot
reads back from the knowledge base the sentences ingest read facts from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from knowledge import KnowledgeBase, build, parse_page
from knowledge.sentences import Sentence, sentences_of
from knowledge.units import units_of_markdown


def sentences(markdown: str) -> list[tuple[str, str, bool]]:
    """(Markdown, text, is a list item) of each sentence of a section's Markdown."""
    return [(md, text, u.item) for u in units_of_markdown(markdown) for md, text in u.sentences]


def test_a_link_stays_in_the_markdown_of_its_own_sentence() -> None:
    found = sentences("Read [our page](https://x.org/a). Apply at [the portal](https://x.org/p) "
                      "by May 1.")
    assert found == [
        ("Read [our page](https://x.org/a).", "Read our page.", False),
        ("Apply at [the portal](https://x.org/p) by May 1.", "Apply at the portal by May 1.",
         False),
    ]


def test_markup_that_closes_a_sentence_stays_with_it() -> None:
    found = sentences("*This is emphasised.* **Deadline:** 1 June 2024. Contact Dr. X.")
    assert [md for md, _, _ in found] == ["*This is emphasised.*",
                                          "**Deadline:** 1 June 2024.", "Contact Dr. X."]
    assert [t for _, t, _ in found] == ["This is emphasised.", "Deadline: 1 June 2024.",
                                        "Contact Dr. X."]


def test_the_text_is_what_the_page_shows() -> None:
    found = sentences("R&amp;D for Bewerber\\*innen: T2\\* maps `code` and a "
                      "<https://x.org/a> link ![a figure](f.png)")
    assert found[0][1] == "R&D for Bewerber*innen: T2* maps code and a https://x.org/a link"


def test_units_are_list_items_paragraphs_hard_breaks_label_lines_and_table_rows() -> None:
    md = ("- First item. Still it.\n- Second item\n\n"
          "A paragraph\\\nafter a hard break\n\n"
          "**Duration:** 6 months\n**Location:** Nijmegen\n\n"
          "| Topic | Status |\n|---|---|\n| Robust AI | open |\n")
    assert sentences(md) == [
        ("First item.", "First item.", True), ("Still it.", "Still it.", True),
        ("Second item", "Second item", True),
        ("A paragraph", "A paragraph", False), ("after a hard break", "after a hard break", False),
        ("**Duration:** 6 months", "Duration: 6 months", False),
        ("**Location:** Nijmegen", "Location: Nijmegen", False),
        ("Topic | Status", "Topic | Status", False),
        ("Robust AI | open", "Robust AI | open", False),
    ]


def test_each_unit_knows_its_file_line() -> None:
    page = ("---\ntitle: A PhD\n---\n\n## Application\n\nIntro line.\n\n"
            "- Send a CV.\n- Apply by May 1.\n")
    v = parse_page(page, "p")
    assert [(s.text, s.line, s.item) for s in sentences_of(v)] == [
        ("Intro line.", 7, False), ("Send a CV.", 9, True), ("Apply by May 1.", 10, True)]


def test_the_bot_reads_the_sentences_ingest_read(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.md").write_text(
        "---\ntitle: A PhD position\n---\n\n## Application\n\nSend your CV to "
        "[Dr. A. Smith](mailto:a@x.org). The deadline is *1 June 2024*.\n\n"
        "- A cover letter\\\nof one page\n", encoding="utf-8")
    build(pages, tmp_path / "kb.db", dt.date(2024, 1, 1))
    stored = KnowledgeBase(tmp_path / "kb.db").get("p")
    assert stored is not None
    parsed = parse_page((pages / "p.md").read_text(encoding="utf-8"), "p")

    def key(s: Sentence) -> tuple[object, ...]:
        return s.section, s.raw, s.text, s.item, s.line

    assert [key(s) for s in sentences_of(stored)] == [key(s) for s in sentences_of(parsed)]
    assert [s.raw for s in sentences_of(stored)][:2] == [
        "Send your CV to [Dr. A. Smith](mailto:a@x.org).", "The deadline is *1 June 2024*."]
