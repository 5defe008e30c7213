"""Give every section a canonical kind from its heading, falling back to its content.

Headings vary a lot across sites and languages ("Profile", "Your qualifications",
"Wat vragen wij", "Ihr Profil" all mean requirements), so the heading is matched fuzzily
(rapidfuzz) against a synonym table; a heading that matches nothing is classified by the
words of its text and reported by ``vacbot check`` as unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

import lang
from knowledge.model import Kind
from knowledge.textnorm import fold

SYNONYMS: dict[Kind, tuple[str, ...]] = {
    Kind.BACKGROUND: (
        "background", "clinical problem", "problem", "clinical background", "clinical relevance",
        "clinical motivation", "clinical motivation and objective", "motivation", "context",
        "introduction", "problem description", "the problem", "rationale", "why",
        "achtergrond", "hintergrund", "einleitung", "probleemstelling", "clinical need",
    ),
    Kind.JOB: (
        "job description", "description", "tasks", "tasks and responsibilities", "your tasks",
        "responsibilities", "your responsibilities", "the position", "about the position",
        "position", "the job", "the project", "project", "project description", "about the project",
        "solution", "solutions", "approach", "method", "methods", "material and methods",
        "data", "available data", "research question", "research questions",
        "research question and tasks", "objective", "objectives", "aim", "aims",
        "aim of the project", "project aim", "project goal", "goal", "goals",
        "objectives aims goals", "study design", "innovation", "research opportunity",
        "research direction", "what you will do", "your role", "role", "results",
        "expected results", "learning outcomes", "timeline", "functieomschrijving",
        "functie", "vacaturetekst", "taken", "jouw taken", "wat ga je doen", "project omschrijving",
        "ihre aufgaben", "aufgaben", "stellenbeschreibung", "das projekt", "projektbeschreibung",
        "ihr aufgabengebiet", "combining msc and phd degree", "what you will be doing",
        "what you will do", "beschreibung", "aufgabenbeschreibung", "zu den aufgabengebieten",
        "zu den aufgabengebieten gehören", "aufgabengebiete", "topics", "research topics",
        "themen", "ziele", "wat ga je doen", "jouw werkzaamheden", "werkzaamheden",
        "onderzoeksthema's", "your tasks", "the role",
    ),
    Kind.REQUIREMENTS: (
        "requirements", "requirement", "profile", "your profile", "qualifications",
        "your qualifications", "required qualifications", "required skills", "skills",
        "who should apply", "who we are looking for", "what we are looking for",
        "what we ask", "what do we ask", "what we expect", "candidate profile", "the candidate",
        "student requirements", "eligibility", "who are you", "you have", "your background",
        "functie-eisen", "functie eisen", "eisen", "profiel", "wat vragen wij", "wat wij vragen",
        "wie ben jij", "wie zoeken wij", "jouw profiel", "ihr profil", "anforderungen",
        "voraussetzungen", "qualifikationen", "was sie mitbringen", "das bringen sie mit",
        "einstellungsvoraussetzungen", "qualifikationserfordernisse", "was erwarten wir",
        "was wir erwarten", "notwendige vorkenntnisse", "vorkenntnisse", "we are looking for",
        "who we are looking for", "what we are looking for", "wat verwachten wij",
        "wat wij verwachten", "jouw profiel", "geeignet für", "studienniveau",
        "anforderungen und aufgaben", "bedingungen", "your profile", "selection criteria",
        "essential criteria", "criteria",
    ),
    Kind.DESIRABLE: (
        "desirable qualifications", "desirable", "desired qualifications", "nice to have",
        "preferred qualifications", "bonus points", "pluspunten", "wunschenswert",
        "wünschenswert", "von vorteil", "wünschenswerte vorkenntnisse", "plus points",
        "nice to haves", "wünschenswerte kenntnisse", "pluspunkte", "desirable criteria",
    ),
    Kind.TERMS: (
        "terms of employment", "employment conditions", "conditions of employment", "we offer",
        "what we offer", "what we offer you", "what do we offer", "offer", "our offer",
        "salary", "salary and benefits", "benefits", "compensation", "remuneration",
        "reimbursement", "conditions", "terms", "arbeidsvoorwaarden", "wat bieden wij",
        "wat wij bieden", "wij bieden", "salaris", "wir bieten", "was wir bieten", "vergutung",
        "vergütung", "unser angebot", "gehalt", "why join us", "perks", "arbeitszeit",
        "working hours", "was bieten wir", "wir bieten ihnen", "key benefits",
        "key benefits for trainees", "funding", "stipend", "bezahlung", "entgelt",
    ),
    Kind.ORGANISATION: (
        "organization", "organisation", "about us", "about the group", "about diag",
        "the group", "the lab", "our group", "our team", "team", "embedding", "place of work",
        "working at radboudumc", "research environment", "our research environment",
        "where you will work", "department", "institute", "the institute", "radboudumc",
        "prior research", "our prior research", "supervision", "people", "supervisors",
        "organisatie", "over ons", "afdeling", "uber uns", "über uns", "wir über uns",
        "das institut", "die arbeitsgruppe",
    ),
    Kind.CONTACT: (
        "contact", "contact information", "information", "more information", "further information",
        "additional information", "questions", "contact person", "comments and contact information",
        "informatie", "meer informatie", "contactpersoon", "vragen", "kontakt", "ansprechpartner",
        "weitere informationen", "fragen", "information and application", "practical information",
        "points of contact", "point of contact", "contact persons", "contacts",
        "partner institutions and points of contact", "ansprechperson", "ansprechpersonen",
        "kontaktperson", "interesse an details", "bei fragen",
    ),
    Kind.APPLICATION: (
        "application", "applications", "apply", "how to apply", "to apply", "applying",
        "application process", "application procedure", "applying for this project",
        "interested", "are you interested", "response", "solliciteren", "sollicitatie",
        "sollicitatieprocedure", "reageren", "interesse", "bewerbung", "bewerben",
        "ihre bewerbung", "bewerbungsverfahren", "unterlagen und angaben", "fristen",
        "bewerbungsunterlagen", "deadline", "deadlines", "interested", "interested?",
        "how to apply?", "application procedure", "application process", "interesse?",
        "sollicitatieprocedure", "bewerbungsfrist",
    ),
    Kind.OTHER: (
        "references", "reference", "literature", "suggested reading", "related work",
        "publications", "further reading", "links", "literatur", "literatuur", "acknowledgements",
    ),
}

_CHOICES: list[str] = []
_CHOICE_KIND: list[Kind] = []
for _kind, _words in SYNONYMS.items():
    for _w in dict.fromkeys(fold(w) for w in _words):  # "über uns" and "uber uns" once
        _CHOICES.append(_w)
        _CHOICE_KIND.append(_kind)

# Content cues for headings that match nothing: words that give a section's kind away, in
# each language (`lang/<code>/pages.py`, `section_cues`), matched on the lower-cased text (a
# case-blind pattern is three times slower to scan).
_CONTENT_CUES: dict[Kind, re.Pattern[str]] = {
    Kind(kind): re.compile(cues) for kind, cues in lang.section_cues().items()}

HEADING_MATCH = 86  # minimum rapidfuzz score for a heading to count as a known synonym


def fold_heading(heading: str) -> str:
    """The project's `fold` ("Über uns" -> "uber uns"), without emoji, numbering,
    punctuation or a trailing colon."""
    text = "".join(ch for ch in fold(heading, 300) if ch.isalnum() or ch in " -/&'")
    text = re.sub(r"^\s*(\d+[.)]?|[ivx]+\.)\s+", "", text)
    text = text.replace("&", " and ").replace("/", " ")
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=4096)
def kind_of_heading(heading: str) -> Kind | None:
    """The kind a heading names, or None when it matches no known synonym well enough."""
    folded = fold_heading(heading)
    if not folded:
        return None
    hit = process.extractOne(folded, _CHOICES, scorer=fuzz.ratio, score_cutoff=HEADING_MATCH)
    if hit is None and len(folded.split()) > 1:
        # "Your qualifications for this role": the synonym is inside the heading.
        hit = process.extractOne(
            folded, _CHOICES, scorer=fuzz.token_set_ratio, score_cutoff=95
        )
        if hit is not None and len(hit[0]) < 5:
            hit = None
    return _CHOICE_KIND[hit[2]] if hit else None


def kind_of_content(text: str) -> Kind:
    """Best guess from the words of a section whose heading told nothing."""
    best, best_count = Kind.OTHER, 0
    sample = text[:3000].lower()
    for kind, cue in _CONTENT_CUES.items():
        count = len(cue.findall(sample))
        if count > best_count:
            best, best_count = kind, count
    return best


@lru_cache(maxsize=4096)
def names_a_section(heading: str) -> bool:
    """Is the whole heading a section name ("Requirements", "Wat vragen wij")? Stricter than
    `kind_of_heading`: "Project 1 (PhD, 4 years): First-order logic" names a position, not
    the section kind "project"."""
    folded = fold_heading(heading)
    return bool(folded) and process.extractOne(
        folded, _CHOICES, scorer=fuzz.ratio, score_cutoff=HEADING_MATCH) is not None


# Lead-ins to a list of what a candidate brings, in English, German and Dutch: "You should
# have:", "Idealerweise bringen Sie mit:", "Wat vragen wij?", "To complete this internship we
# expect you to:". The desirable ones first ("ideally", "a plus").
_DESIRABLE_LEAD = re.compile(
    r"\b(?:ideal(?:ly|erweise)|(?:is|are|would\s+be)\s+(?:a\s+|an\s+)?(?:plus|bonus|advantage|"
    r"asset)|nice\s+to\s+have|preferred|preferably|von\s+vorteil|wünschenswert|"
    r"pluspunt\w*|bij\s+voorkeur|strekt\s+tot\s+aanbeveling)\b", re.I)
_REQUIRED_LEAD = re.compile(
    r"\b(?:you\s+(?:should|must|will\s+need\s+to|need\s+to)\s+(?:have|be|bring|possess)|"
    r"you\s+(?:have|bring|are|possess)\b|we\s+(?:expect|require|ask)|(?:what|whom?)\s+we\s+"
    r"(?:are\s+looking\s+for|expect|ask)|(?:the\s+)?(?:ideal\s+|successful\s+)?"
    r"candidates?\s+(?:should|must|will\s+need)|requirements?|qualifications?|your\s+profile|"
    r"ihr\s+profil|dein\s+profil|(?:sie|du)\s+(?:bringen|bringst)\s+(?:[\w-]+\s+){0,3}mit|"
    r"was\s+(?:sie|du)\s+mitbring\w*|wir\s+erwarten|voraussetzung\w*|anforderung\w*|"
    r"wat\s+vragen\s+wij|wat\s+breng\s+(?:je|jij)\s+mee|(?:jij|je)\s+(?:hebt|bent|beschikt)|"
    r"functie-?eisen|wij\s+vragen)\b", re.I)


def kind_of_lead_in(text: str) -> Kind | None:
    """REQUIREMENTS or DESIRABLE for a line that leads in to what a candidate brings ("You
    should have:", "Idealerweise bringen Sie mit:"), else None."""
    if len(text) > 120:
        return None
    if _DESIRABLE_LEAD.search(text):
        return Kind.DESIRABLE
    return Kind.REQUIREMENTS if _REQUIRED_LEAD.search(text) else None


LEAD_IN_WORDS = 5  # a "#" heading longer than this is a title ("Anforderungen von X an Y")


def classify(heading: str, text: str, lead_in: bool = False) -> tuple[Kind, bool]:
    """(kind, known): `known` is False when the heading matched no synonym nor reads as a
    lead-in to requirements. `lead_in`: the heading is a line of text that leads in to a
    list (or bold text), not a "#" heading, and may be a sentence."""
    lead = kind_of_lead_in(heading) if heading and (
        lead_in or len(heading.split()) <= LEAD_IN_WORDS) else None
    kind = Kind.DESIRABLE if lead is Kind.DESIRABLE else kind_of_heading(heading) or lead
    if kind is not None:
        return kind, True
    return kind_of_content(text), False
