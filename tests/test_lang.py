"""The languages agree: every language defines every concept the bot uses (replies with the
same placeholders, topics, kinds of position, cues for every intent), and no word means two
contradicting things within one language's tables."""

from __future__ import annotations

import string

import pytest

import lang
from bot.intents import classify
from bot.model import Intent
from bot.phrases import label, phrase, what
from bot.topics import TOPICS
from knowledge.positions import kind_of_word
from knowledge.textnorm import fold
from lang import LANGS, common
from lang.base import KINDS, Cues, Kinds

INTENT_KEYS = (*(i.value for i in Intent if i not in (Intent.CLARIFY, Intent.FALLBACK)),
               "thanks")
# What each language's data is checked as: the three languages and the shared words.
SOURCES: dict[str, tuple[Cues, Kinds]] = {
    **{code: (language.cues, language.kinds) for code, language in LANGS.items()},
    "common": (common.CUES, common.KINDS)}

# Deliberate double meanings, each with its reason.
PLURAL_KIND_LIST_CUES = {"phds", "postdocs", "promotieplaatsen"}  # "the PhDs": a list
TWO_INTENTS = {"address", "adres", "adresse"}  # a contact's address, or where the job is
TWO_WEIGHTS = {"mailen", "collaboration"}  # counted twice for one intent
# Topic words that also cue an intent other than the one the topic's reply is filed under:
# the cue decides what is asked, the topic what the page is searched for.
TOPIC_CUE_OTHER_INTENT = {
    "childcare", "fte", "part-time", "parttime", "deeltijd", "teilzeit", "relocate",
    "vacation", "vakantiedagen", "urlaubstage", "thuiswerken", "homeoffice", "werkuren",
    "wochenstunden"}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _cues(cues: Cues) -> dict[str, set[tuple[str, float]]]:
    """word (or "prefix*") -> {(intent, weight)} of its specific and weak cues."""
    found: dict[str, set[tuple[str, float]]] = {}
    for table in (cues.words, cues.weak):
        for intent, groups in table.items():
            for weight, words in groups.items():
                for word in words.split():
                    found.setdefault(word, set()).add((intent, weight))
    return found


def _kind_words(kinds: Kinds) -> dict[str, str]:
    return {w: kind for kind, words in kinds.words.items() for w in words.split()}


def _glossary(text: str) -> dict[str, list[str]]:
    rows = (line.partition(":") for line in text.splitlines()
            if ":" in line and not line.startswith("#"))
    return {w: english.split() for left, _, english in rows for w in left.split()}


# ---- every language defines every concept ------------------------------------------------

@pytest.mark.parametrize("code", ["nl", "de"])
def test_every_reply_in_every_language_with_the_same_placeholders(code: str) -> None:
    en, other = LANGS["en"].replies, LANGS[code].replies
    for table, theirs in ((en.phrases, other.phrases), (en.what, other.what),
                          (en.labels, other.labels)):
        assert set(theirs) == set(table)
        for key, text in table.items():
            assert theirs[key].strip(), (code, key)
            assert _placeholders(theirs[key]) == _placeholders(text), (code, key)


@pytest.mark.parametrize("code", ["en", "nl", "de"])
def test_every_topic_and_kind_has_a_label_in_every_language(code: str) -> None:
    language = LANGS[code]
    assert list(language.topics) == [t.key for t in TOPICS]
    assert all(t.label.strip() for t in language.topics.values())
    assert set(language.kinds.labels) == set(KINDS)
    assert all(name.strip() for name in language.kinds.labels.values())


@pytest.mark.parametrize("code", ["en", "nl", "de"])
def test_every_intent_has_cues_in_every_language(code: str) -> None:
    cues = LANGS[code].cues
    assert set(cues.words) == set(INTENT_KEYS)
    assert all(any(words.split() for words in groups.values()) for groups in cues.words.values())
    assert cues.phrases and cues.classes and LANGS[code].detect


@pytest.mark.parametrize("source", list(SOURCES))
def test_tables_name_known_intents_and_kinds(source: str) -> None:
    cues, kinds = SOURCES[source]
    for table in (cues.words, cues.weak, cues.suffixes):
        assert set(table) <= set(INTENT_KEYS), source
        assert all(0 < w <= 1 for groups in table.values() for w in groups), source
    for part in (kinds.words, kinds.pairs, kinds.prefixes, kinds.labels):
        assert set(part) <= set(KINDS), source


def test_every_word_is_folded() -> None:
    """Messages are folded before look-up, so an accented or capitalised entry never matches."""
    words: list[str] = []
    for cues, kinds in SOURCES.values():
        words += [w.rstrip("*") for table in (cues.words, cues.weak, cues.suffixes)
                  for groups in table.values() for ws in groups.values() for w in ws.split()]
        words += [w for ws in (*cues.classes.values(), cues.known) for w in ws.split()]
        words += [w for part in (kinds.words, kinds.pairs, kinds.prefixes)
                  for ws in part.values() for w in ws.replace("_", " ").split()]
    for language in LANGS.values():
        words += [w for t in language.topics.values()
                  for w in f"{t.words} {t.search} {t.pairs.replace('_', ' ')}".split()]
        words += [w for line in language.glossary.splitlines() if not line.startswith("#")
                  for w in line.replace(":", " ").split()]
    assert [w for w in words if fold(w) != w] == []


def test_the_merged_views_hold_every_language() -> None:
    for code, language in LANGS.items():
        for word, meanings in _cues(language.cues).items():
            table = lang.CUE_WORDS if any(
                word in language.cues.words.get(i, {}).get(w, "").split() for i, w in meanings
            ) else lang.WEAK_CUES
            assert any(word in table[i][w] for i, w in meanings), (code, word)
        assert _kind_words(language.kinds).items() <= lang.KIND_WORDS.items(), code
        assert lang.KIND_LABELS[code] == language.kinds.labels
        for key, topic in language.topics.items():
            assert set(topic.words.split()) <= lang.TOPICS[key].words
            assert lang.TOPICS[key].labels[code] == topic.label


# ---- no word means two contradicting things within a language ----------------------------

@pytest.mark.parametrize("source", list(SOURCES))
def test_a_kind_word_is_no_intent_cue(source: str) -> None:
    """Kinds are a constraint on which vacancy, never what is asked about it."""
    cues, kinds = SOURCES[source]
    both = {w: _cues(cues)[w] for w in _kind_words(kinds) if w in _cues(cues)}
    for word, meanings in both.items():
        assert word in PLURAL_KIND_LIST_CUES and {i for i, _ in meanings} == {"list"}, word


@pytest.mark.parametrize("source", list(SOURCES))
def test_a_word_cues_one_intent_at_one_weight(source: str) -> None:
    for word, meanings in _cues(SOURCES[source][0]).items():
        intents = [i for i, _ in meanings]
        if len(set(intents)) > 1:
            assert word in TWO_INTENTS, (word, meanings)
        if len(intents) > len(set(intents)):
            assert word in TWO_WEIGHTS, (word, meanings)


@pytest.mark.parametrize("code", ["en", "nl", "de"])
def test_a_topic_word_that_is_a_cue_cues_the_topics_intent(code: str) -> None:
    language = LANGS[code]
    cues = _cues(language.cues)
    intent = {t.key: t.intent.value for t in TOPICS}
    for key, topic in language.topics.items():
        for word in topic.words.split():
            if word in cues and word not in TOPIC_CUE_OTHER_INTENT:
                assert intent[key] in {i for i, _ in cues[word]}, (code, key, word)


def test_listed_exceptions_are_still_needed() -> None:
    """The lists of deliberate double meanings name only words that still have them."""
    all_cues: dict[str, set[tuple[str, float]]] = {}
    for cues, _ in SOURCES.values():
        for word, meanings in _cues(cues).items():
            all_cues.setdefault(word, set()).update(meanings)
    assert PLURAL_KIND_LIST_CUES.issubset(set(all_cues) & set(lang.KIND_WORDS))
    assert all(len({i for i, _ in all_cues[w]}) > 1 for w in TWO_INTENTS)
    assert all(len(all_cues[w]) > len({i for i, _ in all_cues[w]}) for w in TWO_WEIGHTS)
    topic_intents = {w: t.intent.value for t in TOPICS for w in t.words}
    for word in TOPIC_CUE_OTHER_INTENT:
        assert topic_intents[word] not in {i for i, _ in all_cues[word]}, word


@pytest.mark.parametrize("source", list(SOURCES))
def test_typo_guard_words_are_no_cues_kinds_or_negations(source: str) -> None:
    """`known` keeps common words from being corrected into a cue; a cue needs no guard."""
    cues, kinds = SOURCES[source]
    known = set(cues.known.split())
    assert known.isdisjoint(_cues(cues)), source
    assert known.isdisjoint(_kind_words(kinds)), source
    assert known.isdisjoint(kinds.negations.split()), source


@pytest.mark.parametrize("code", ["en", "nl", "de"])
def test_negations_and_degree_markers_name_no_kind_and_ask_nothing_else(code: str) -> None:
    """"not", "geen", "keine" only rule a kind out; "degree", "abschluss" only say that a kind
    word is a degree held (and may ask for the requirements)."""
    kinds, cues = LANGS[code].kinds, _cues(LANGS[code].cues)
    for word in kinds.negations.split():
        assert kind_of_word(word) is None and word not in cues, (code, word)
    for word in f"{kinds.degree_next} {kinds.degree_before}".split():
        assert kind_of_word(word) is None, (code, word)
        assert {i for i, _ in cues.get(word, ())} <= {"requirements"}, (code, word)


@pytest.mark.parametrize("code", ["en", "nl", "de"])
def test_a_glossary_word_keeps_its_kind_and_intent_in_english(code: str) -> None:
    """"stage" -> internship stays an MSc project, "firma" -> company stays an overview cue."""
    cues = _cues(LANGS[code].cues)
    english_cues = _cues(LANGS["en"].cues)
    for word, english in _glossary(LANGS[code].glossary).items():
        if kind_of_word(word):
            assert kind_of_word(word) in {kind_of_word(e) for e in english}, (code, word)
        if word in cues:
            theirs = {i for e in english for i, _ in english_cues.get(e, ())}
            assert {i for i, _ in cues[word]} & theirs, (code, word, english)


# ---- the merge refuses contradictions between languages ----------------------------------

def test_merging_refuses_a_word_of_two_kinds_or_a_phrase_of_two_meanings() -> None:
    with pytest.raises(ValueError, match="two kinds"):
        lang._merge_kinds([{"phd": "promotie"}, {"msc": "promotie"}])
    with pytest.raises(ValueError, match="two meanings"):
        lang._merge_phrases([{"how long": "duration=.9"}, {"how long": "dates=.9"}])
    assert lang._merge_phrases([{"als ~ master": "requirements=.8"},
                                {"als ~ master": "requirements=.8"}]) == {
        "als ~ master": "requirements=.8"}


# ---- the code reads every language -------------------------------------------------------

@pytest.mark.parametrize("text, intent", [
    ("what is the salary", Intent.SALARY),
    ("wat is het salaris", Intent.SALARY),
    ("wie hoch ist das Gehalt", Intent.SALARY),
    ("bis wann kann ich mich bewerben", Intent.DATES),
    ("wanneer is de deadline", Intent.DATES),
])
def test_cues_of_every_language_are_read(text: str, intent: Intent) -> None:
    scores = classify(text)
    assert scores.ranked()[0][0] is intent, (text, scores.as_dict())


def test_replies_follow_the_user_and_fall_back_to_english() -> None:
    assert phrase("which", "nl") == "Welke vacature bedoel je?"
    assert phrase("which", "fr") == phrase("which", "en") == "Which vacancy do you mean?"
    assert phrase("none", "de", what="Bonn") == "Keine Stelle passt zu Bonn."
    assert what("salary", "xx") == "a salary amount"
    assert label("apply", "de") == "Bewerben"
    with pytest.raises(KeyError):
        phrase("no such reply", "en")


# the same question asked in each language is read as the same intent
SAME_QUESTION = [
    ("requirements", ("do I need a driving licence?", "heb ik een rijbewijs nodig?",
                      "brauche ich einen Führerschein?")),
    ("requirements", ("must I speak the language?", "moet ik de taal spreken?",
                      "muss ich die Sprache sprechen?")),
    ("salary", ("how much does the position pay?", "hoeveel betaalt de functie?",
                "wie viel zahlt die Stelle?")),
    ("contact", ("whom can I contact?", "met wie kan ik contact opnemen?",
                 "wen kann ich kontaktieren?")),
]


@pytest.mark.parametrize(("intent", "phrasings"), SAME_QUESTION)
def test_the_same_question_in_three_languages(intent: str, phrasings: tuple[str, ...]) -> None:
    from bot.understand import read

    got = [(read(text).lang, read(text).intents[:1]) for text in phrasings]
    assert [lang for lang, _ in got] == ["en", "nl", "de"]
    assert all(first and first[0].value == intent for _, first in got), got


@pytest.mark.parametrize("code", ["en", "nl", "de"])
def test_every_language_says_how_its_pages_speak(code: str) -> None:
    """The answers read pages of every language alike: pay, an appointment's length and
    dates, sending an application, what is desirable — each a valid expression."""
    import re

    pages = LANGS[code].pages
    for name in ("pay", "numbers", "units", "duration", "contract", "dates", "send",
                 "questions", "procedure", "not_procedure", "desirable", "requiring"):
        words = getattr(pages, name)
        assert words, (code, name)
        re.compile(words)


def test_the_real_words_near_cues_are_current() -> None:
    """`lang/real_words.txt` is what the cue tables and wordfreq give today (run `python -m
    lang.realwords` after changing a cue)."""
    pytest.importorskip("wordfreq", reason="wordfreq is a test dependency (pip install .[test])")
    from bot.intents import typo_targets
    from lang import realwords

    assert realwords.near(typo_targets()) == sorted(realwords.load())


@pytest.mark.parametrize("text, intent, not_intent", [
    ("how long is the PhD on neural quantum states?", Intent.DURATION, Intent.STATUS),
    ("kan ik stage lopen bij het lab, en hoe lang duurt dat?", Intent.DURATION, Intent.SALARY),
    ("whats the salry for the postdoc", Intent.SALARY, None),  # a typo is still read
    ("requirments for the phd?", Intent.REQUIREMENTS, None),
])
def test_real_words_are_not_typos_of_cues(text: str, intent: Intent,
                                          not_intent: Intent | None) -> None:
    scores = classify(text)
    assert scores.ranked()[0][0] is intent, (text, scores.cues)
    assert not_intent is None or scores.get(not_intent) == 0, (text, scores.cues)
