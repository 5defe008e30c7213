"""Kinds of position — PhD, postdoc, MSc/BSc project, engineer, student assistant — as pages
and applicants name them in English, Dutch and German.

One vocabulary for both sides: ingest reads a page's kinds from its title, fields and text;
the router reads the kinds a message asks for (and the ones it rules out: "not the postdoc",
"dus geen phd", "keine Promotion"), and treats them as a constraint, never as topic words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.textnorm import fold, tokens

PHD, POSTDOC, MSC, ENGINEER, ASSISTANT = "phd", "postdoc", "msc", "engineer", "assistant"
CATEGORIES = (PHD, POSTDOC, MSC, ENGINEER, ASSISTANT)
LABELS = {
    "en": {PHD: "PhD", POSTDOC: "postdoc", MSC: "MSc/BSc project", ENGINEER: "engineer",
           ASSISTANT: "student assistant"},
    "nl": {PHD: "promotieplek", POSTDOC: "postdoc", MSC: "afstudeerproject",
           ENGINEER: "engineer", ASSISTANT: "student-assistent"},
    "de": {PHD: "Promotionsstelle", POSTDOC: "Postdoc", MSC: "Abschlussarbeit",
           ENGINEER: "Ingenieur/Entwickler", ASSISTANT: "Hilfskraft"},
}

SECONDARY_MIN = 2  # a page offers a further kind when its text names it this often

# Folded single words.
_WORDS: dict[str, str] = {
    **dict.fromkeys("""phd phds doctoral doctorate doctorates promovendus promovenda promovendi
        promotieplek promotieplaats promotieplekken promotieplaatsen promotieonderzoek
        promotietraject promotiestudent promotion promotionsstelle promotionsstellen
        promotionsvorhaben doktorand doktoranden doktorandin doktorandinnen
        doktorandenstelle doktorandenstellen doktorarbeit doktorarbeiten dissertation
        aio oio""".split(), PHD),
    **dict.fromkeys("""postdoc postdocs post-doc post-docs postdoctoral post-doctoral
        postdoktorand postdoktorandin""".split(), POSTDOC),
    **dict.fromkeys("""msc bsc master masters master's mastersthesis masterthesis masterarbeit
        masterarbeiten masterproject masterproef masterscriptie masterstage bachelor
        bachelors bachelorarbeit bachelorarbeiten bachelorthesis thesis theses scriptie
        afstudeerproject afstudeeropdracht afstudeeropdrachten afstudeerstage afstudeerplek
        abschlussarbeit abschlussarbeiten internship internships intern interns stage stages
        stagiair stagiaire stageplek stageplaats praktikum praktika""".split(), MSC),
    **dict.fromkeys("""engineer engineers developer developers programmer programmers rse
        datamanager technician technicians""".split(), ENGINEER),
    **dict.fromkeys("""hiwi hiwis shk whk shks whks hilfskraft hilfskrafte hilfskraften
        werkstudent werkstudentin werkstudenten studentassistent studentassistenten
        student-assistent""".split(), ASSISTANT),
}
# Folded two-word names; they win over the single words they contain.
_PAIRS: dict[tuple[str, str], str] = {
    ("ph", "d"): PHD, ("phd", "student"): PHD, ("phd", "candidate"): PHD,
    ("doctoral", "candidate"): PHD, ("wissenschaftliche", "mitarbeiterin"): PHD,
    ("wissenschaftlicher", "mitarbeiter"): PHD, ("wissenschaftliche", "mitarbeiter"): PHD,
    ("post", "doc"): POSTDOC, ("post", "docs"): POSTDOC,
    ("m", "sc"): MSC, ("b", "sc"): MSC, ("student", "project"): MSC,
    ("research", "project"): MSC,
    ("software", "engineer"): ENGINEER, ("software", "developer"): ENGINEER,
    ("research", "software"): ENGINEER, ("data", "manager"): ENGINEER,
    ("student", "assistant"): ASSISTANT, ("research", "assistant"): ASSISTANT,
    ("studentische", "hilfskraft"): ASSISTANT, ("wissenschaftliche", "hilfskraft"): ASSISTANT,
    ("student", "job"): ASSISTANT, ("student", "assistent"): ASSISTANT,
}
# Word beginnings of compounds ("Doktorandenstelle", "afstudeeronderzoek", "Hiwi-Job").
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("doktorand", PHD), ("promotions", PHD), ("promotie", PHD), ("promovend", PHD),
    ("postdoc", POSTDOC), ("postdoktorand", POSTDOC), ("masterarbeit", MSC),
    ("masterthes", MSC), ("masterproj", MSC), ("bachelorarbeit", MSC), ("afstudeer", MSC),
    ("abschlussarbeit", MSC), ("hiwi", ASSISTANT), ("hilfskraft", ASSISTANT),
)
# Words that rule out the kind named right after them (within two words).
_NEGATIONS = frozenset("""not no nor without except excluding geen niet kein keine keinen
    keiner nicht ohne ausser""".split())
_NEGATION_PAIRS = frozenset({("other", "than"), ("instead", "of"), ("rather", "than"),
                             ("but", "not"), ("in", "plaats")})


@lru_cache(maxsize=65536)
def kind_of_word(word: str) -> str | None:
    """The kind a single folded word names, or None."""
    hit = _WORDS.get(word)
    if hit is not None:
        return hit
    if "-" in word or "/" in word:  # "hiwi-stelle", "shk-jobs", "phd-positie"
        for part in re.split(r"[-/]", word):
            hit = _WORDS.get(part)
            if hit is not None:
                return hit
    if len(word) >= 7:
        for prefix, kind in _PREFIXES:
            if word.startswith(prefix):
                return kind
    return None


# A kind word used for a degree someone holds ("hold a PhD in physics", "with an MSc
# degree"), not for the position offered.
_DEGREE_NEXT = frozenset("""degree degrees diploma graduate graduates abschluss
    studienabschluss diplom graad title""".split())
_DEGREE_BEFORE = frozenset("""hold holds holding have has having completed obtained earned
    finished possess possessing recent besitzen abgeschlossenen abgeschlossener
    abgeschlossenes behaald afgeronde""".split())


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    start: int  # index of the first token
    end: int  # index after the last token
    negated: bool
    degree: bool = False  # a degree held ("hold an M.Sc."), not a position offered


def mentions(text: str, folded: bool = False) -> list[Mention]:
    """Every kind of position `text` names, in order, with whether it is ruled out."""
    return mentions_in(tokens(text if folded else fold(text), folded=True))


def mentions_in(toks: list[str] | tuple[str, ...]) -> list[Mention]:
    """`mentions` over folded words (`knowledge.textnorm.tokens`)."""
    found: list[Mention] = []
    i = 0
    while i < len(toks):
        pair = (toks[i], toks[i + 1]) if i + 1 < len(toks) else None
        if pair is not None and pair[1].endswith("s") and pair not in _PAIRS:
            pair = (pair[0], pair[1][:-1])  # "research assistants", "phd students"
        if pair is not None and pair in _PAIRS:
            kind, end = _PAIRS[pair], i + 2
        else:
            kind, end = kind_of_word(toks[i]) or "", i + 1
        if kind:
            found.append(Mention(kind, i, end, _negated(toks, i), _degree(toks, i, end, kind)))
        i = end
    return found


def _degree(toks: list[str] | tuple[str, ...], i: int, end: int, kind: str) -> bool:
    if kind != PHD and end < len(toks) and toks[end] in _DEGREE_NEXT:
        return True  # "an MSc degree"; but "you will obtain a PhD degree" is the position
    return any(w in _DEGREE_BEFORE for w in toks[max(0, i - 3) : i])


def _negated(toks: list[str] | tuple[str, ...], i: int) -> bool:
    before = toks[max(0, i - 3) : i]
    if any(w in _NEGATIONS for w in before[-2:]):
        return True
    return any((a, b) in _NEGATION_PAIRS for a, b in itertools.pairwise(before))


def asked_kinds(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(kinds asked for, kinds ruled out) in a message: "master thesis, not the phd" ->
    ({"msc"}, {"phd"})."""
    wanted: set[str] = set()
    excluded: set[str] = set()
    for m in mentions(text):
        (excluded if m.negated else wanted).add(m.kind)
    return frozenset(wanted - excluded), frozenset(excluded)


def page_kinds(title: str, text: str, declared: str = "") -> tuple[str, ...]:
    """The kinds of position a page offers, the main one first: named in the title (then a
    `type` field or the summary), else the kind its opening text names most; then any other
    kind the text names at least twice ("continue with a PhD after your MSc thesis"). A
    degree someone must hold ("an MSc degree") names no kind."""
    kinds: list[str] = []
    for m in mentions(f"{title} {declared}"):
        if not m.negated and not m.degree and m.kind not in kinds:
            kinds.append(m.kind)
    counts: dict[str, int] = {}
    for m in mentions(text[:4000]):
        if not m.negated and not m.degree:
            counts[m.kind] = counts.get(m.kind, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])
    if not kinds and ranked:
        kinds.append(ranked[0])
    kinds += [k for k in ranked if k not in kinds and counts[k] >= SECONDARY_MIN]
    return tuple(kinds)
