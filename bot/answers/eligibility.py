"""Requirements, and "can I apply with ...?": required and desirable apart; when the user
names something about themselves (a bachelor, a medical degree, no Dutch) the answer leads
with the page's line about it, or says the page does not mention it."""

from __future__ import annotations

import re

from bot.answers import layout
from bot.answers.common import (
    Ask,
    as_blocks,
    best_sentences,
    focus_stems,
    said_or_silent,
    sentences,
)
from bot.model import Block, Intent, Style
from bot.phrases import phrase, what
from knowledge.model import Kind, Vacancy
from knowledge.sentences import Sentence
from knowledge.textnorm import stem

# Nice to have rather than required, in the page's words.
_DESIRABLE = re.compile(
    r"\b(desirable|preferred|preferably|a plus|an advantage|advantageous|nice to have|bonus|"
    r"is a pre|pré|welkom|gewenst|strekt tot aanbeveling|wünschenswert|von vorteil|"
    r"bevorzugt|idealerweise|ideally|would be great|beneficial)\b", re.I)
# What a user's word about themselves is called on pages.
_SAME = {
    "bachelor": "bachelor bachelors bsc undergraduate bachelorarbeit bachelorstudium",
    "bachelors": "bachelor bachelors bsc undergraduate",
    "bsc": "bachelor bsc undergraduate",
    "master": "master masters msc graduate masterarbeit masterstudium",
    "masters": "master masters msc",
    "msc": "master masters msc",
    "phd": "phd doctorate doctoral promotion",
    "medical": "medical medicine md physician geneeskunde arts medizin",
    "md": "medical medicine md physician geneeskunde arts medizin",
    "physician": "medical medicine md physician geneeskunde arts medizin",
    "doctor": "medical medicine md physician geneeskunde arts medizin",
    "arts": "medical medicine md physician geneeskunde arts",
    "arzt": "medical medicine md physician medizin arzt",
    "geneeskunde": "medical medicine md physician geneeskunde arts",
    "medicine": "medical medicine md physician geneeskunde",
    "dutch": "dutch nederlands",
    "nederlands": "dutch nederlands",
    "german": "german deutsch deutschkenntnisse",
    "deutsch": "german deutsch deutschkenntnisse",
    "english": "english englisch engels",
}


_LABELS = {
    "bachelor": ("a bachelor's degree", "een bachelordiploma", "einen Bachelorabschluss"),
    "master": ("a master's degree", "een masterdiploma", "einen Masterabschluss"),
    "phd": ("a PhD", "een promotie", "eine Promotion"),
    "medical": ("a medical degree", "een artsendiploma", "ein Medizinstudium"),
    "dutch": ("Dutch", "Nederlands", "Niederländisch"),
    "german": ("German", "Duits", "Deutsch"),
    "english": ("English", "Engels", "Englisch"),
}
_LABELS |= {"bachelors": _LABELS["bachelor"], "bsc": _LABELS["bachelor"],
            "masters": _LABELS["master"], "msc": _LABELS["master"],
            "geneeskunde": _LABELS["medical"], "medicine": _LABELS["medical"],
            "nederlands": _LABELS["dutch"], "deutsch": _LABELS["german"]}


def _label(word: str, lang: str) -> str:
    """How to name what the user said about themselves, in their language."""
    names = _LABELS.get(word)
    if names is None:
        return word
    return names[{"en": 0, "nl": 1, "de": 2}.get(lang, 0)]


def _synonyms(word: str) -> set[str]:
    return {stem(w) for w in _SAME.get(word, word).split()}


def requirements(v: Vacancy, ask: Ask, budget: int) -> list[Block]:
    lang = ask.lang
    req = sentences(v, Kind.REQUIREMENTS)
    des = sentences(v, Kind.DESIRABLE)
    required = [s for s in req if not _DESIRABLE.search(s.text)]
    desirable = des + [s for s in req if _DESIRABLE.search(s.text)]
    blocks: list[Block] = []
    lead: list[Sentence] = []
    named = [w for w in ask.focus if w in _SAME and w not in ask.about_me]  # "is Dutch
    for word in (*ask.about_me, *named):  # required?": like "I don't speak Dutch"
        same = _synonyms(word)  # alternatives: any one of them will do
        found = best_sentences(v, same, 1, (Kind.REQUIREMENTS, Kind.DESIRABLE), minimum=0.0)
        if not found and word in _SAME:  # a degree or language: wherever the page says it
            found = best_sentences(v, same, 1, minimum=0.0)
        if found:
            lead += [s for s in found if s not in lead]
        elif word in _SAME:
            blocks.append(Block(phrase("not_mentioned", lang, what=_label(word, lang)),
                                Style.NOTE))
    stems = focus_stems(tuple(w for w in ask.focus if w not in named))
    if stems:  # "do I need a certificate of good conduct?": the requirements, else the page
        found = (best_sentences(v, stems, 2, (Kind.REQUIREMENTS, Kind.DESIRABLE), minimum=0.34)
                 or best_sentences(v, stems, 2, minimum=0.5))
        lead += [s for s in found if s not in lead]
    led: list[Block] = []
    for s in lead:  # "Fluency in German" from the desirable list says it is only desirable
        for b in as_blocks([s], 500 // max(1, len(lead)) + 100, items=False):
            nice = s.kind is Kind.DESIRABLE or _DESIRABLE.search(s.text)
            led.append(Block(f"{phrase('desirable', lang)} {b.text}", b.style, b.url)
                       if nice and not _DESIRABLE.search(b.text) else b)
    blocks = led + blocks
    said = {b.text for b in blocks}
    rest_req = [s for s in required if s not in lead]
    rest_des = [s for s in desirable if s not in lead]
    room = max(300, budget - sum(len(t) for t in said))
    many = layout.MAX_ITEMS if budget < layout.MORE_MAX else 4 * layout.MAX_ITEMS  # "More"
    some = 3 if budget < layout.MORE_MAX else 4 * layout.MAX_ITEMS
    if rest_req:
        if rest_des or lead:
            blocks.append(Block(phrase("required", lang)))
        blocks += as_blocks(rest_req[:many], room * 2 // 3, items=True, cut=ask.cut)
        if len(rest_req) > many:
            ask.cut.append(True)
    if rest_des:
        blocks.append(Block(phrase("desirable", lang)))
        blocks += as_blocks(rest_des[:some], room // 3, items=True, cut=ask.cut)
        if len(rest_des) > some:
            ask.cut.append(True)
    ask.sections.extend(sec for sec in v.sections
                        if sec.kind in (Kind.REQUIREMENTS, Kind.DESIRABLE))
    if not req and not des and not lead:
        return [*blocks, *said_or_silent(v, ask, Intent.REQUIREMENTS, what("requirements", lang))]
    return blocks
