"""Fact extraction on the real seed pages and, when present, the shared corpus."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from knowledge.facts import extract_facts
from knowledge.model import Fact, FactKind
from knowledge.parse import parse_page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "diag"


def seed_facts(stem: str) -> dict[FactKind, list[Fact]]:
    path = SEEDS / f"{stem}.md"
    facts = extract_facts(parse_page(path.read_text(encoding="utf-8"), stem))
    return {k: [f for f in facts if f.kind is k] for k in FactKind}


def vals(stem: str, kind: FactKind) -> list[str]:
    return [f.value for f in seed_facts(stem)[kind]]


OCT = "responsible-ai-cardiac-oct-phd"
BONN = "bonn-robustness-explainability-phd"
PANCAIM = "pancaim-pancreatic-cancer-phd"
META = "metastatic-cancer-multimodal-phd"
BREAST = "breast-prostate-grading-phd"


def test_oct_salary_ranges() -> None:
    got = vals(OCT, FactKind.SALARY_AMOUNT)
    assert any("2,789" in v and "3,536" in v and "scale 10A" in v and "per month" in v
               for v in got)
    assert any("3,230" in v and "5,088" in v and "(scale 10)" in v for v in got)
    assert not any("2.789" in v for v in got)


@pytest.mark.parametrize(("stem", "kind", "expected"), [
    (OCT, FactKind.PAY_SCALE, "scale 10A"),
    (OCT, FactKind.PAY_SCALE, "scale 10"),
    (OCT, FactKind.ALLOWANCE, "8% vacation allowance"),
    (OCT, FactKind.ALLOWANCE, "8.3% end-of-year bonus"),
    (OCT, FactKind.HOURS, "36 hours per week"),
    (OCT, FactKind.START_DATE, "Q4 2023"),
    (OCT, FactKind.SALARY_STATEMENT, "The salary depends on education."),
    (OCT, FactKind.REFERENCE, "138103"),
    (OCT, FactKind.LOCATION, "Nijmegen"),
    (OCT, FactKind.INSTITUTION, "Radboud University Medical Center"),
    (OCT, FactKind.DOCUMENT, "motivation letter"),
    (OCT, FactKind.DOCUMENT, "Google Scholar profile"),
    (BONN, FactKind.PAY_SCALE, "TV-L E13"),
    (BONN, FactKind.PART_TIME, "75%"),
    (BONN, FactKind.EMAIL, "shadi.albarqouni@ukbonn.de"),
    (BONN, FactKind.REFERENCE, "CIR/06/2023"),
    (BONN, FactKind.SUBJECT_LINE, "CIR/06/2023"),
    (BONN, FactKind.SIZE_LIMIT, "5 MB"),
    (BONN, FactKind.START_DATE, "June 2023 or as agreed upon"),
    (BONN, FactKind.DURATION,
     "initially limited to three years, with the possibility of extension"),
    (BONN, FactKind.PUBLISHED, "2023-06-07"),
    (BONN, FactKind.LOCATION, "Bonn"),
    (BONN, FactKind.INSTITUTION, "University Hospital Bonn"),
    (BONN, FactKind.CONTACT_PERSON, "Shadi Albarqouni"),
    (PANCAIM, FactKind.POSITIONS, "3"),
    (PANCAIM, FactKind.DURATION, "four years"),
    (PANCAIM, FactKind.REFERENCE, "90701"),
    (META, FactKind.STATUS, "closed"),
    (META, FactKind.DEADLINE, "until the position has been filled"),
    (BREAST, FactKind.STATUS, "open"),
    (BREAST, FactKind.CONTACT_PERSON, "Geert Litjens"),
])
def test_seed_fact_present(stem: str, kind: FactKind, expected: str) -> None:
    assert expected in vals(stem, kind)


def test_bonn_email_carries_the_name() -> None:
    mails = seed_facts(BONN)[FactKind.EMAIL]
    assert [(f.value, f.detail) for f in mails] == [
        ("shadi.albarqouni@ukbonn.de", "Prof. Dr. Shadi Albarqouni")]


def test_pancaim_two_contacts_in_order() -> None:
    persons = seed_facts(PANCAIM)[FactKind.CONTACT_PERSON]
    assert [f.value for f in persons] == ["Henkjan Huisman", "Geert Litjens"]
    assert all(f.section >= 0 for f in persons)


def test_oct_contact_falls_back_to_people() -> None:
    persons = seed_facts(OCT)[FactKind.CONTACT_PERSON]
    assert [(f.value, f.section) for f in persons] == [("Jos Thannhauser", -1)]


@pytest.mark.parametrize("stem", [PANCAIM, META, BREAST])
def test_standard_phd_terms(stem: str) -> None:
    facts = seed_facts(stem)
    assert "four years" in [f.value for f in facts[FactKind.DURATION]]
    assert any("standard salary" in f.value for f in facts[FactKind.SALARY_STATEMENT])
    assert facts[FactKind.SALARY_AMOUNT] == []
    assert next(f.value for f in facts[FactKind.APPLY_URL]).startswith(
        "https://www.radboudumc.nl/en/vacancies/")


def test_meta_documents() -> None:
    docs = vals(META, FactKind.DOCUMENT)
    for label in ("motivation letter", "CV", "list of grades and courses", "publications",
                  "GitHub account", "Google Scholar profile"):
        assert label in docs


def test_every_seed_fact_points_at_a_real_section() -> None:
    for path in sorted(SEEDS.glob("*.md")):
        v = parse_page(path.read_text(encoding="utf-8"), path.stem)
        orders = {s.order for s in v.sections} | {-1}
        for f in extract_facts(v):
            assert f.section in orders, f
            assert f.value and len(f.detail) <= 300, f


def test_corpus_runs_and_reports_coverage() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/diag not present")
    pages = sorted(CORPUS.glob("*.md"))
    vacancies = [parse_page(p.read_text(encoding="utf-8"), p.stem, str(p)) for p in pages]
    start = time.perf_counter()
    all_facts = [extract_facts(v) for v in vacancies]
    elapsed = time.perf_counter() - start
    contact = sum(any(f.kind in (FactKind.CONTACT_PERSON, FactKind.EMAIL) for f in fs)
                  for fs in all_facts)
    money = {FactKind.SALARY_AMOUNT, FactKind.SALARY_STATEMENT, FactKind.REIMBURSEMENT,
             FactKind.PAY_SCALE}
    paid = sum(any(f.kind in money for f in fs) for fs in all_facts)
    n = len(vacancies)
    print(f"\n{n} pages in {elapsed:.3f}s; contact/e-mail: {contact / n:.0%}; "
          f"salary/reimbursement: {paid / n:.0%}")
    assert n > 0
    assert contact / n > 0.9
    for fs in all_facts:
        for f in fs:
            if f.kind is FactKind.CONTACT_PERSON:
                assert "member/" not in f.value and "[" not in f.value, f
