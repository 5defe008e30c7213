"""Every fact is the page's own: its value is found in its source (the sentence or header
field it was read from), and that source is found in the page file — never a default, a
template or another page. Checked on every page of the seeds and of the three shared
corpora (diag, sites, sites2).

Normalised before comparing: spacing, case and accents, number format
("2.789" = "2,789" = "2789"; "10,49" = "10.49"; "four" = "4"). A value may add only the few
words extractors use to render it ("per month", "hours per week", "to"); any other word or
number of a value must be in its source.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from knowledge import read_folder
from knowledge.facts._text import NUMBER_WORDS
from knowledge.model import Fact, FactKind, Vacancy
from knowledge.sentences import plain
from knowledge.text import decode_page
from tests.paths import CORPUS, CORPUS_DAY, SEEDS, SHARED

FOLDERS = {"seeds": SEEDS, "diag": CORPUS, "sites": SHARED / "corpus" / "sites",
           "sites2": SHARED / "corpus" / "sites2"}

# Words extractors add when they render a value the page writes another way ("monthly" ->
# "per month", "36-urige werkweek" -> "36 hours per week", "E 13 TVöD" -> "TVöD E13").
_RENDERING = """per month year hour hours week a an the to gross net then after by and or fte
    e until evaluated"""
# Facts that are the project's verdict on the page rather than a value read from it.
VERDICTS = frozenset({FactKind.STATUS})

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def _norm_token(tok: str) -> str:
    if tok[0].isdigit():
        if _THOUSANDS.fullmatch(tok):
            return re.sub(r"[.,]", "", tok)
        return tok.replace(",", ".").lstrip("0") or "0"
    low = tok.casefold()
    if len(low) > 2 and low in NUMBER_WORDS:
        return str(NUMBER_WORDS[low])
    return low[:-1] if len(low) > 3 and low.endswith("s") else low  # "years" = "year"


def tokens(text: str) -> list[str]:
    """Normalised words and numbers (accents dropped: "[member/dre-peeters]" is "Dré")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [_norm_token(t) for t in _TOKEN.findall(bare)]


JOIN = " … "  # between the sentences of a fact read from two (knowledge.facts.timing)


RENDERING = frozenset(tokens(_RENDERING))


def value_in_source(value: str, source: str) -> list[str]:
    """The words and numbers of `value` its source does not have (rendering words aside).
    A hyphen may join or part words ("TVL" is "TV-L", "end of year" is "end-of-year")."""
    have = set(tokens(source.replace("-", " "))) | set(tokens(source.replace("-", "")))
    # a number may be written with its parts apart ("2.789" and "2789"; "15/06" and "15")
    have |= {p for t in list(have) if t[0].isdigit() for p in re.split(r"[.,]", t)}

    def missing(text: str) -> list[str]:
        out = []
        for t in tokens(text):
            if t in have or t in RENDERING:
                continue
            if t[0].isdigit() and all(p in have for p in re.split(r"[.,]", t)):
                continue
            out.append(t)
        return out

    apart, joined = missing(value.replace("-", " ")), missing(value.replace("-", ""))
    return apart if len(apart) <= len(joined) else joined


@lru_cache(maxsize=512)
def _page_tokens(path: str) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    page = html.unescape(decode_page(Path(path).read_bytes()).text)  # as ingest reads it
    toks = tuple(tokens(page))
    where: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        where.setdefault(t, []).append(i)
    return toks, {t: tuple(p) for t, p in where.items()}


def source_in_page(source: str, path: str) -> bool:
    """Is each sentence of the source on the page — as written, or without its links'
    addresses (an HTML link writes the address before its label)?"""
    return all(_on_page(part, path) or _on_page(plain(part), path)
               for part in source.split(JOIN))


def _on_page(source: str, path: str, gap: int = 60) -> bool:
    """Are the source's words, in order, on the page (each within `gap` words of the one
    before — a link's address or markup may stand between them)?"""
    want = tokens(source)
    if not want:
        return False
    _, where = _page_tokens(path)
    for start in where.get(want[0], ()):
        at, ok = start, True
        for t in want[1:]:
            nxt = next((p for p in where.get(t, ()) if at < p <= at + gap), None)
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok:
            return True
    return False


def problems(v: Vacancy) -> list[str]:
    out = []
    for f in v.facts:
        if f.kind in VERDICTS:
            continue
        where = f"{v.source}:{f.line} {f.kind.value} {f.value!r}"
        if not f.source:
            out.append(f"{where}: no source")
            continue
        if f.line <= 0:
            out.append(f"{where}: no line")
        if missing := value_in_source(f.value, f.source):
            out.append(f"{where}: {missing} not in its source {f.source[:120]!r}")
        if not source_in_page(f.source, v.source):
            out.append(f"{where}: source not on the page: {f.source[:120]!r}")
    return out


def _read(name: str) -> tuple[Vacancy, ...]:
    folder = FOLDERS[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} not present (../shared is beside the repository in CI only)")
    return read_folder(folder, CORPUS_DAY).vacancies


@pytest.mark.parametrize("name", list(FOLDERS))
def test_every_fact_is_found_in_its_source_and_its_source_on_its_page(name: str) -> None:
    found = [p for v in _read(name) for p in problems(v)]
    assert not found, f"{len(found)} facts without provenance:\n" + "\n".join(found[:40])


def test_the_checker_catches_what_a_page_does_not_say() -> None:
    assert value_in_source("€ 2,789 – € 3,536 gross per month",
                           "between € 2.789 and € 3.536 gross monthly") == []
    assert value_in_source("code (e.g. GitHub)", "a CV with links to projects and code") == [
        "g", "github"]
    assert value_in_source("Erlangen", "Our lab is in Nuremberg.") == ["erlangen"]
    assert value_in_source("four years", "a 4-year contract") == []
    page = str(SEEDS / "bonn-robustness-explainability-phd.md")
    assert source_in_page("The position is initially limited to three years", page)
    assert not source_in_page("We are hiring a PhD student for zebrafish microscopy", page)
    invented = Vacancy("x", "t", False, page, facts=(
        Fact(FactKind.LOCATION, "Erlangen", -1, "", 3, "location: Bonn"),))
    assert len(problems(invented)) == 2  # not in its source, and the source not on the page
