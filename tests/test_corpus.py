"""The real corpus (../shared/corpus/diag, ~120 published pages) ingests without loss."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge import FactKind, Kind, KnowledgeBase, read_folder
from tests.paths import CORPUS_DAY, need_corpus


def test_every_corpus_page_parses_with_title_and_classified_sections() -> None:
    result = read_folder(need_corpus(), CORPUS_DAY)
    assert result.problems == ()
    assert len(result.vacancies) >= 100
    sections = [s for v in result.vacancies for s in v.sections if s.kind is not Kind.INTRO]
    known = [s for s in sections if f"unknown heading: {s.heading!r}" not in
             next(v.warnings for v in result.vacancies if s in v.sections)]
    with_contact = [v for v in result.vacancies
                    if v.facts_of(FactKind.CONTACT_PERSON, FactKind.EMAIL)]
    for v in result.vacancies:
        assert v.title and "\n" not in v.title, v.source
        assert any(s.kind not in (Kind.INTRO, Kind.OTHER) for s in v.sections), v.source
    print(f"\ncorpus: {len(result.vacancies)} pages, {len(known)}/{len(sections)} sections "
          f"classified by heading ({100 * len(known) / len(sections):.1f}%), "
          f"{100 * len(with_contact) / len(result.vacancies):.1f}% with a contact fact")
    assert len(known) / len(sections) > 0.95
    assert len(with_contact) / len(result.vacancies) > 0.95


def test_no_contact_is_a_slug_or_a_member_reference() -> None:
    for v in read_folder(need_corpus(), CORPUS_DAY).vacancies:
        for f in v.facts_of(FactKind.CONTACT_PERSON):
            assert "member/" not in f.value, (v.id, f.value)
            assert not re.fullmatch(r"[a-z]+(-[a-z]+)+", f.value), (v.id, f.value)
        for s in v.sections:
            assert "[member/" not in s.text, (v.id, s.heading)


def test_corpus_knowledge_base_opens_and_searches(corpus_db: Path) -> None:
    kb = KnowledgeBase(corpus_db)
    assert len(kb) >= 100
    assert kb.search("pancreatic")[0][0] in {x.id for x in kb.listings}
    closed = [x for x in kb.listings if x.closed]
    assert closed and len(closed) < len(kb)
