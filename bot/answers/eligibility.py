"""Requirements, and "can I apply with ...?": required and desirable apart; when the user
names something about themselves (a bachelor, a medical degree, no Dutch) the answer leads
with the page's line about it, or says the page does not mention it."""

from __future__ import annotations

import re
from functools import lru_cache

import lang
from bot.answers import layout
from bot.answers.common import (
    Ask,
    Part,
    as_blocks,
    best_sentences,
    focus_stems,
    part,
    said_or_silent,
    sentences,
)
from bot.intents import cue_stems
from bot.model import Block, Intent, Style
from bot.phrases import phrase, what
from knowledge.classify import kind_of_heading
from knowledge.model import Kind, Vacancy
from knowledge.sentences import Sentence
from knowledge.textnorm import stem, words

# Nice to have rather than required, in the page's words.
_DESIRABLE = re.compile(rf"\b({lang.page_words('desirable')})\b", re.I)
# What a candidate must have or be, on a page with no heading for it; not an invitation
# ("If you have any questions, ...").
_REQUIRING = re.compile(lang.page_words("requiring"), re.I)
_LABEL = re.compile(r"\s*([^\W\d][^:.!?]{2,40}):\s")  # "Selection criteria: ..."
_CONDITION = re.compile(r"\s*((but|and|so|aber|und|maar|en)\s+)?(if|when|wenn|falls|indien)\b",
                        re.I)


@lru_cache(maxsize=1 << 15)
def _desirable(text: str) -> bool:
    return _DESIRABLE.search(text) is not None


@lru_cache(maxsize=1 << 15)
def _requires(text: str) -> bool:  # a page's sentences are judged once, not per question
    """Does the sentence say what a candidate must have or be: in so many words, or led by
    a label that heads requirements ("Selection criteria: Ph.D. in biology, ...")?"""
    label = _LABEL.match(text)
    return _REQUIRING.search(text) is not None or (
        label is not None and kind_of_heading(label.group(1)) in (Kind.REQUIREMENTS,
                                                                   Kind.DESIRABLE))


_NOT_ASKED = (Kind.TERMS, Kind.APPLICATION, Kind.CONTACT)
# the concept a user's word about themselves stands for ("bsc" -> "bachelor")
_CONCEPT = {w: concept for concept, words in lang.QUERY.self_concepts.items() for w in words}


def _label(word: str, code: str) -> str:
    """How to name what the user said about themselves (a trait, a degree), in their language."""
    query = lang.QUERY_BY_LANG.get(code, lang.QUERY_BY_LANG["en"])
    return query.trait_labels.get(word) or query.self_labels.get(_CONCEPT.get(word, ""), word)


def _synonyms(word: str) -> set[str]:
    """The stems of what pages call it, in every language: any one of them will do."""
    concept = _CONCEPT.get(word, "")
    return {stem(w) for w in (lang.QUERY.self_concepts[concept] if concept else (word,))}


_REQUIRE = cue_stems(Intent.REQUIREMENTS)
_LANGUAGE_CONCEPTS = frozenset(c for c, found in lang.QUERY.self_concepts.items()
                               if set(found) & set(lang.QUERY.languages))
_LANGUAGE_SKILL = frozenset(stem(w) for w in lang.QUERY.language_skill)
_LANGUAGES = frozenset(stem(w) for w in lang.QUERY.languages)
_SKILL_PREFIXES = tuple(_LANGUAGE_SKILL)


def _language_word(w: str) -> bool:
    """A language's name, alone or before a word of skill ("Deutschkenntnisse",
    "Nederlandstalig") — not "Germany", "Frankfurt" or the "Engel Lab"."""
    return w in _LANGUAGES or any(w.startswith(n) and w[len(n):].lstrip("s").startswith(
        _SKILL_PREFIXES) for n in _LANGUAGES)


def _on_language(s: Sentence) -> bool:
    """Does the sentence say what a language is needed for — a language's name near a word
    of skill or need ("fluent in German", "German is not necessary"), not "the German
    Sprachatlas Research Center" with a speaker in it?"""
    found = [stem(w) for w in words(s.text)]
    names = [n for n, w in enumerate(found) if _language_word(w)]
    return any(abs(n - m) <= 6 for n in names for m, w in enumerate(found)
               if w in _LANGUAGE_SKILL)


def _lead(v: Vacancy, ask: Ask, named: list[str]) -> tuple[list[Sentence], list[Block]]:
    """The page's lines about what the user said of themselves (a degree, a language, where
    they come from, their age, their funding), or that the page does not mention it."""
    lead: list[Sentence] = []
    notes: list[Block] = []
    traits = [t for t in ask.traits if lang.QUERY.trait_words.get(t)]
    # what the user lacks ("no first-author paper") first: the page's line on it, wherever
    wanted = [("", {stem(w) for w in ask.lacks}, True, 1)] if ask.lacks else []
    wanted += [(w, _synonyms(w), w in _CONCEPT, 1) for w in (*ask.about_me, *named)
               if w not in ask.lacks]
    wanted += [(t, {stem(w) for w in lang.QUERY.trait_words[t]}, True, 3) for t in traits]
    for word, same, known, count in wanted:
        found = best_sentences(v, same, count, (Kind.REQUIREMENTS, Kind.DESIRABLE),
                               minimum=0.0)
        if not found and known:  # a degree, a language, a nationality: wherever it is said,
            # the line that says what is required first ("German is not strictly required")
            found = sorted(best_sentences(v, same, 3, minimum=0.0),
                           key=lambda s: -len(_REQUIRE & {stem(w) for w in words(s.text)}))[:count]
        language = _CONCEPT.get(word, "") in _LANGUAGE_CONCEPTS
        if language:  # "Dutch" as a language, not "the oldest Dutch city"
            found = [s for s in found if _on_language(s)]
        if language and not found and not any(_on_language(s) for s in lead):
            # "no German?": the page's line on the language it works in ("The working
            # language of the lab is English"), and that it is silent on the one asked
            lead += [s for s in best_sentences(v, set(_LANGUAGES), 3, minimum=0.0)
                     if _on_language(s)][:1]
        if found:
            lead += [s for s in found if s not in lead]
        elif known and word:  # what the user lacks is their words, not a concept: no note
            notes.append(Block(phrase("not_mentioned", ask.lang, what=_label(word, ask.lang)),
                               Style.NOTE))
    return lead, notes


def requirements(v: Vacancy, ask: Ask, budget: int) -> Part:
    code = ask.lang
    cut: list[bool] = []
    req = sentences(v, Kind.REQUIREMENTS)
    des = sentences(v, Kind.DESIRABLE)
    if not req and not des:  # no heading for them: the sentences that say what it takes
        req = [s for s in sentences(v) if s.kind not in _NOT_ASKED
               and _requires(s.text) and not _CONDITION.match(s.text)]
    # what the page requires in so many words first: a section's questions ("Are you a
    # student of ...?") and lead-ins ("Please consider the following:") after
    required = sorted((s for s in req if not _desirable(s.text)),
                      key=lambda s: not _requires(s.text))
    desirable = des + [s for s in req if _desirable(s.text)]
    # "is Dutch required?" is asked like "I don't speak Dutch"
    named = [w for w in ask.focus if w in _CONCEPT and w not in ask.about_me]
    lead, blocks = _lead(v, ask, named)
    stems = focus_stems(tuple(w for w in ask.focus if w not in named))
    if stems:  # "do I need a certificate of good conduct?": the requirements, else the page
        found = (best_sentences(v, stems, 2, (Kind.REQUIREMENTS, Kind.DESIRABLE), minimum=0.34)
                 or best_sentences(v, stems, 2, minimum=0.5))
        lead += [s for s in found if s not in lead]
    led: list[Block] = []
    for s in lead:  # "Fluency in German" from the desirable list says it is only desirable
        for b in as_blocks([s], 500 // max(1, len(lead)) + 100, items=False):
            nice = s.kind is Kind.DESIRABLE or _desirable(s.text)
            led.append(Block(f"{phrase('desirable', code)} {b.text}", b.style, b.url)
                       if nice and not _desirable(b.text) else b)
    blocks = led + blocks
    said = {b.text for b in blocks}
    rest_req = [s for s in required if s not in lead]
    rest_des = [s for s in desirable if s not in lead]
    room = max(300, budget - sum(len(t) for t in said))
    many = layout.MAX_ITEMS if budget < layout.MORE_MAX else 4 * layout.MAX_ITEMS  # "More"
    some = 3 if budget < layout.MORE_MAX else 4 * layout.MAX_ITEMS
    if rest_req:
        if rest_des or lead:
            blocks.append(Block(phrase("required", code)))
        blocks += as_blocks(rest_req[:many], room * 2 // 3, items=True, cut=cut)
    if rest_des:
        blocks.append(Block(phrase("desirable", code)))
        blocks += as_blocks(rest_des[:some], room // 3, items=True, cut=cut)
    quoted = {s.section for s in req}
    sections = [sec for sec in v.sections
                if sec.kind in (Kind.REQUIREMENTS, Kind.DESIRABLE) or sec.order in quoted]
    if not req and not des and not lead:
        blocks += said_or_silent(v, ask, Intent.REQUIREMENTS, what("requirements", code))
    return part(blocks, sections, cut or len(rest_req) > many or len(rest_des) > some)
