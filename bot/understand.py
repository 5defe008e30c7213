"""Step 1: a message read once into a `Query`, the one document every later step reads.

`read(text)` cleans the text, folds it and cuts it into words once, tells its language, cuts
it into clauses and annotates it, component by component (as spaCy's `Doc` or Rasa's
`Message`): what each clause asks (`bot.intents`), practical topics (`bot.topics`), kinds of
position asked for or ruled out (`knowledge.positions`), a list or existence question, a
status filter, what the user says of themselves (`bot.about_me`), a reference to another
vacancy ("the other one", "back to the first", "the older posting"), and the words left to
name a vacancy. Resolve, decide and answer read the `Query`; none reads the text again.
Each language's words come from `lang` (`lang/<code>/query.py`). Pure, no knowledge base.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import lang
from bot.about_me import NOBODY, AboutMe, about_me
from bot.intents import IntentScores, classify_words, is_thanks_scores, question_word_intents
from bot.model import Intent
from bot.phrasing import Marks, PhraseBook, Phrases, Span
from bot.policy import DEFAULT, Tuning
from bot.topics import Asked, topics_in_words
from knowledge.facts.salary import MONEY
from knowledge.keywords import is_term
from knowledge.positions import Mention, kind_of_word, mentions_in
from knowledge.textnorm import fold, language_of_words, tokens

Q = lang.QUERY
CONTENT_INTENTS = (Intent.REQUIREMENTS, Intent.SALARY, Intent.CONTACT, Intent.APPLY,
                   Intent.OVERVIEW, Intent.DATES, Intent.DURATION, Intent.LOCATION,
                   Intent.STATUS)

_ASKS = Phrases(Q.question_words)
_OPENS_QUESTION = Phrases(Q.question_words + Q.question_verbs + Q.request_verbs)
_REQUESTS = Phrases(Q.request_verbs)
_DEMONSTRATIVES = frozenset(Q.demonstratives)
_ONES = (("one",), ("ones",))
_NUMBER = frozenset(Q.number_words)
_AND_WORDS = frozenset(Q.and_words)
_NEGATION_WORDS = lang.NEGATIONS | {w for pair in lang.NEGATION_PAIRS for w in pair}
_QUANTITY = Phrases(Q.quantity)
# Every phrase the reader looks for, found in one pass over the message (`PhraseBook`).
_BOOK = PhraseBook({
    "exists": Q.exists, "hiring": Q.hiring, "noun": Q.vacancy_nouns + Q.plural_nouns,
    "plural": Q.plural_nouns, "list_opener": Q.list_openers, "still": Q.still,
    "open": Q.open_words, "open_adj": Q.open_adjectives, "closed": Q.closed_words,
    "closed_state": Q.closed_states, "copula": Q.copulas, "all": Q.all_words,
    "follow_up": Q.follow_up, "other": Q.other, "back": Q.back, "older": Q.older,
    "newer": Q.newer, "pointed": Q.pointer_nouns + Q.vacancy_nouns, "article": Q.articles,
    "group": Q.group_pronouns, "available": Q.open_nouns, "group_noun": Q.group_nouns,
    "quantity": Q.quantity,
})
# The words that say how a question is asked (a status, a reference, existence) and so
# name no vacancy.
_MARKERS = ("still", "open", "open_adj", "closed", "closed_state", "other", "back", "older",
            "newer", "exists", "hiring")


def _words_re(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


# Clauses: sentences, dashes, and a question word opening a new question after a comma or
# "and" (", how much data is there?", "und wie viele Stunden ...") — not a relative clause
# (", wo man ...": no verb after the question word).
_Q_WORDS = _words_re(Q.question_words + Q.question_verbs)
_AFTER = _words_re(Q.after_question_word)
_NEXT = rf"(?=(?:{_Q_WORDS})\s+(?:{_AFTER})\b)"
_AND_OR = _words_re(Q.and_words + Q.or_words)
_AND = _words_re(Q.and_words)
_CLAUSE = re.compile(rf"([.;!?]+)\s*|\s+[-–—]+\s+|,\s*(?:(?:{_AND})\s+)?{_NEXT}"
                     rf"|\s+(?:{_AND_OR})\s+{_NEXT}|\s+(?:{_AND})\s+(?=(?:{_Q_WORDS})\b)")
# Two or more capitalised words in a row, not opening the message: the name of something.
_PROPER = re.compile(r"(?<=\w[ ,(/-])(?:[A-ZÄÖÜ][\w'&-]+\s+){1,5}[A-ZÄÖÜ][\w'&-]+")
_YEAR = re.compile(r"^(19|20)\d\d$")
_NUMBER_PARTS = re.compile(r"[.,']")


@dataclass(frozen=True, slots=True)
class Clause:
    words: tuple[str, ...]
    question: bool  # it asks (a question mark after it, or a question's opening words)
    intents: tuple[Intent, ...]  # what it asks, best first

    @property
    def opening(self) -> tuple[str, ...]:
        """Its words from where the question opens: "and what should the subject be?"
        is a question-word question, as "what should the subject be?" is."""
        return _opening(self.words)


@dataclass(frozen=True, slots=True)
class Reference:
    """A pointer at a vacancy without its name: "the other one" (`other`), "back to the
    first one" (`back`), "the older posting" (`older`), "the latest one" (`newer`), "the
    second" (`ordinal`, n), "the PhD from 2022" (`year`, n)."""

    kind: str
    n: int = 0


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # the message, cleaned
    lang: str
    words: tuple[str, ...]  # folded words, in order
    clauses: tuple[Clause, ...]
    scores: IntentScores
    intents: tuple[Intent, ...]  # content intents asked, in the order asked
    wants_list: bool = False  # a list of vacancies is asked for
    plural: bool = False  # ... in so many words ("which projects", "any PhD positions")
    # "in Amsterdam, Leuven or Ghent", "body composition / fat segmentation": the words of
    # each of the things named, any of which is meant (empty when none are)
    alternatives: tuple[tuple[str, ...], ...] = ()
    exists: bool = False  # "is there ...?", "do you have anything on ...?"
    status_filter: str = ""  # "open", "closed" or ""
    across: bool = False  # "all", "every": about every vacancy
    wanted: frozenset[str] = frozenset()  # kinds of position asked for
    excluded: frozenset[str] = frozenset()  # kinds ruled out ("not the postdoc")
    topics: tuple[Asked, ...] = ()  # practical topics
    me: AboutMe = NOBODY  # what the user says of themselves
    follow_up: bool = False  # "and ...", "what about ..."
    reference: Reference | None = None  # "the other one", "back to the first"
    pointer: bool = False  # "the Bonn one", "this one", "that position", "die in Delft"
    group: bool = False  # "they", "it", "ze", "sie": the group or its vacancy, unnamed
    naming: tuple[str, ...] = ()  # the words that may name a vacancy
    avoid: tuple[str, ...] = ()  # words describing a vacancy NOT meant
    describing: tuple[str, ...] = ()  # words of the clauses that describe, not ask
    vacancy_noun: bool = False  # it speaks of a project, position, vacancy, thesis, job
    proper: frozenset[str] = frozenset()  # words of capitalised names: names
    question: tuple[str, ...] = ()  # the words of the clauses that ask
    vague: bool = False  # the intent rests on question words alone
    quantity: bool = False  # "how many", "hoeveel"
    quantity_of: tuple[str, ...] = ()  # what "how many" counts ("landmarks")
    counts_vacancies: bool = False  # ... or the vacancies ("how many PhD positions ...")
    social: str = ""  # "thanks", "greeting", "help" or "" — only when nothing else is asked
    target: str = ""  # a vacancy chosen by a button, deep link or command
    source: str = "text"  # "text", "command" or "button"
    command: str = ""  # the command it came with ("vacancies", "salary")

    @property
    def refers(self) -> bool:
        """Does the message speak of a vacancy, the group or the user's own application —
        a vacancy noun, a kind of position, a pointer, "they"/"it", a practical topic, the
        user's own situation — rather than of something else that shares words with a page?"""
        return self.speaks_of_vacancy or self.group

    @property
    def speaks_of_vacancy(self) -> bool:
        """... in so many words: a vacancy noun, a kind, a pointer, a topic, the user."""
        return bool(self.vacancy_noun or self.wanted or self.excluded or self.pointer
                    or self.reference is not None or self.follow_up or self.exists
                    or self.wants_list or self.me or self.topics)

    def asking(self, *intents: Intent) -> Query:
        """The same message with these intents asked (a command, a button)."""
        return replace(self, intents=intents, social="", vague=False)


def clean(text: str, limit: int = DEFAULT.max_input) -> str:
    """Drop control characters (invisible format characters inside words go without a
    trace, so "sal\\u00adary" is still "salary"), fold runs of white space (a question
    after 3,000 blank lines is still read), cap the length."""
    if not text.isascii() or not text.isprintable():  # pasted text: blank lines, tabs
        text = " ".join(text[: limit * 8].split())
    text = text[: limit * 4].strip()[: limit]
    if text.isprintable():
        return text
    return "".join(ch if cat[0] != "C" or ch in "\n\t" else " "
                   for ch in text if (cat := unicodedata.category(ch)) != "Cf").strip()


# ---- the pipeline ---------------------------------------------------------------------------

@lru_cache(maxsize=8192)  # pure: the same text, the same query
def read(text: str, default_lang: str = "en", t: Tuning = DEFAULT) -> Query:
    """The message read once; every later step reads the `Query`."""
    text = clean(text, t.max_input)
    folded = fold(text)
    clauses = _clauses(folded)
    words = tuple(w for c in clauses for w in c.words)
    marks = _BOOK.scan(words)
    lang_ = language_of_words(words, default_lang)
    found = mentions_in(words)
    me = about_me(words, found, lang_)
    mine = frozenset(me.words)  # "funded by Erasmus+" says how the user is funded: no topic
    # nor does "im from india, can i get one of the funded phd places?" ask about funding:
    # the user asks about themselves, the topic only describes the position (unless what
    # they say of themselves is that topic: "funded positions, or do i need my own money?")
    topics = tuple(a for a in topics_in_words(words) if not set(a.words) <= mine
                   and not ("self" in me.traits and a.topic.key not in me.traits
                            and _describes(a.words, words)))
    described = {w for a in topics_in_words(words) if a not in topics for w in a.words}
    mine |= described
    topic_words = {w for a in topics for w in a.words}
    clauses = _with_intents(clauses, mine, t)
    own = set(me.mentions)
    wanted = {m.kind for n, m in enumerate(found) if n not in own and not m.negated}
    excluded = {m.kind for n, m in enumerate(found) if n not in own and m.negated}
    # an amount the user states ("how much is 1800 euros in pounds?", "is the salary 2500
    # euro?") neither asks about pay nor names a vacancy
    amounts = {p for m in MONEY.finditer(folded) for w in tokens(m.group(0), folded=True)
               for p in (w, *_NUMBER_PARTS.split(w))}
    stated = topic_words | amounts | described
    plain = tuple(w for w in words if w not in stated) if stated else words
    scores = classify_words(plain)
    asking = [c for c in clauses if c.intents or (c.question and _ASKS.starts(c.opening))]
    if not asking:  # only question words: "..., how much data is there?"
        asking = [c for c in clauses if _ASKS.starts(c.opening)][-1:]
    question = tuple(w for c in asking for w in c.words)
    avoid = _avoided(folded)
    markers = {words[i] for i in marks.words(*_MARKERS) if kind_of_word(words[i]) is None}
    # nor do the words that rule a kind out ("except PhD positions", "behalve promotieplekken")
    markers |= {w for m in found if m.negated for w in words[max(0, m.start - 3) : m.start]
                if w in _NEGATION_WORDS}
    skip = stated | (set(me.words) - set(me.skills)) | set(avoid) | markers
    query = Query(
        text=text, lang=lang_, words=words, clauses=clauses, scores=scores, intents=(),
        topics=topics, me=me, wanted=frozenset(wanted - excluded), excluded=frozenset(excluded),
        naming=tuple(w for w in words if w not in skip), avoid=avoid,
        describing=tuple(w for c in clauses if c not in asking for w in c.words if w not in skip),
        question=question or words, group=marks.has("group"),
        vacancy_noun=marks.has("noun") or marks.has("group_noun"),
        proper=frozenset(fold(w) for m in _PROPER.finditer(text) for w in m.group(0).split()),
        follow_up=0 in marks.starts("follow_up"), reference=_reference(words, marks),
        pointer=_pointer(clauses, marks),
        across=marks.has("all"), alternatives=_alternatives(folded, lang_),
        status_filter=_status_filter(words, marks),
    )
    return _asked(query, asking, found, marks, t)


def _asked(q: Query, asking: list[Clause], found: list[Mention], marks: Marks,
           t: Tuning) -> Query:
    """What the query asks: its intents in the order asked, a list or existence, whether
    it rests on question words alone, a greeting."""
    intents = _intents(q, asking, t)
    exists_phrase = bool(_existence(marks))
    exists = _exists(q.words, marks) or (exists_phrase and bool(found))
    plural = any(marks.within("plural", s.end, 4) for s in marks.spans("list_opener"))
    ranked = [(i, s) for i, s in q.scores.ranked() if s >= t.intent_min]
    points = q.pointer or q.reference is not None  # "and the postdoc one?": one vacancy
    wants_list = not points and (plural or (bool(ranked) and ranked[0][0] is Intent.LIST
                                            and not _exists(q.words, marks)))
    if wants_list:  # "the salary for all open positions": what is asked about them wins
        content: list[Intent] = [i for i, s in ranked if i is not Intent.LIST and s >= 0.8]
        if content:
            wants_list, intents = False, content
    said = bool(q.me.words or q.me.traits - {"self"})  # a degree, a language, an origin ...
    yes_no = any(c.question and not _ASKS.starts(c.opening) for c in q.clauses)
    asks_if = "self" in q.me.traits and (
        (not intents and any(c.question for c in q.clauses))
        or (yes_no and intents[:1] in ([Intent.APPLY], [Intent.STATUS])))  # "worth applying?"
    if asks_if or (said and (not intents or intents[0] in (
            Intent.APPLY, Intent.STATUS, Intent.OVERVIEW, Intent.REQUIREMENTS))):
        # "can I apply with a bachelor?", "would you take me?": eligibility
        intents = [Intent.REQUIREMENTS, *(i for i in intents if i not in (
            Intent.REQUIREMENTS, Intent.APPLY, Intent.STATUS))]
    quantity = _QUANTITY.first(q.question)
    quantity_of: tuple[str, ...] = ()
    counts = False  # what is counted is the vacancies: their noun comes first, at once
    if quantity is not None:  # "how many landmarks", "hoeveel vakantie-uren": what is counted
        after = q.question[quantity.end : quantity.end + 4]
        first = next((w for w in after if w in _COUNTED_VACANCIES or is_term(w)), "")
        counts = first in _COUNTED_VACANCIES and first in after[:2]  # "how many open PhD
        if not counts:  # positions on glaciers"; not "how much does the PhD pay?"
            quantity_of = tuple(w for w in after if is_term(w))[:2]
    social = "" if intents or wants_list else _social(q.scores, t)
    questions = bool(asking) or any(c.question for c in q.clauses)  # "is it full time?"
    carried = q.follow_up or q.reference is not None or q.pointer  # "and for Bonn?": the
    vague = not q.me and not q.topics and not social and not carried and (  # last question
        (quantity is not None and (not intents or (intents[0] is Intent.SALARY
                                                   and not q.scores.is_specific(Intent.SALARY))))
        or (not intents and questions and not wants_list and not exists_phrase
            and not exists))
    if vague and not intents:  # answered from the page's sentences, as an overview
        intents = [Intent.OVERVIEW]
    if exists and not intents and not wants_list:  # "is there a project on X?" asks what it
        # is; "are there openings", "is the lab hiring", "still open?" ask whether it is open
        available = q.status_filter or marks.has("hiring") or marks.has("available")
        intents = [Intent.STATUS if available else Intent.OVERVIEW]
    return replace(q, intents=tuple(dict.fromkeys(intents))[: t.max_intents],
                   wants_list=wants_list, plural=plural, exists=exists, vague=vague,
                   quantity=quantity is not None, quantity_of=quantity_of,
                   counts_vacancies=counts, social=social)


def _intents(q: Query, asking: list[Clause], t: Tuning) -> list[Intent]:
    """The intents asked, in the order of the clauses that ask them; a statement's cue
    follows ("i have a medical degree, what would i get?")."""
    order = [i for c in asking for i in c.intents]
    ranked = [(i, s) for i, s in q.scores.ranked() if s >= t.intent_min]
    if order and ranked and order[0] in dict(ranked):
        ranked.sort(key=lambda x: order.index(x[0]) if x[0] in order else len(order))
    intents: list[Intent] = [i for i, s in ranked if i is not Intent.LIST
                             and (i is ranked[0][0] or s >= t.second_intent)]
    if asking:  # a question word outside the questions asks nothing, and neither does a
        # cue in what the user says of themselves ("ik heb geen eigen financiering, kan ik
        # toch ... promoveren?")
        intents = [i for i in intents if i in order
                   or (q.scores.is_specific(i) and (order or not q.me))]
    intents += [i for i in order if i not in intents and i is not Intent.LIST]
    # in the order the clauses ask them: "tell me about the X job and who supervises it"
    intents.sort(key=lambda i: order.index(i) if i in order else len(order))
    if q.topics:  # "hoeveel vakantie-uren krijg je?" asks about vacation, not pay
        topic_words = {w for a in q.topics for w in a.words}
        money = any(classify_words((w,)).get(Intent.SALARY) >= 0.7 for w in q.words
                    if w not in topic_words)
        intents = [i for i in intents if i is not Intent.SALARY or money
                   or q.topics[0].topic.intent is Intent.SALARY]
        if not intents:
            intents.append(q.topics[0].topic.intent)
    return intents


def _social(scores: IntentScores, t: Tuning) -> str:
    if is_thanks_scores(scores):
        return "thanks"
    return next((i.value for i in (Intent.GREETING, Intent.HELP) if scores[i] >= t.intent_min), "")


# ---- clauses -----------------------------------------------------------------------------

def _clauses(folded: str) -> tuple[Clause, ...]:
    """The message cut into clauses, each with its words and whether it asks."""
    pieces = _CLAUSE.split(folded)  # a piece, the punctuation after it (or None), a piece ...
    cut = ((tuple(tokens(piece.strip(), folded=True)), mark)
           for piece, mark in zip(pieces[::2], [*pieces[1::2], None], strict=True))
    return tuple(Clause(words, bool(mark and "?" in mark) or _OPENS_QUESTION.starts(
        _opening(words)), ()) for words, mark in cut if words)


def _opening(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after a leading "and" ("en", "und"), which only joins the question on."""
    return words[1:] if len(words) > 1 and words[0] in _AND_WORDS else words


def _with_intents(clauses: tuple[Clause, ...], mine: frozenset[str],
                  t: Tuning) -> tuple[Clause, ...]:
    """Each clause with what it asks: the questions' clauses, or all when none asks."""
    questions = [c for c in clauses if c.question and len(" ".join(c.words)) > 2]
    considered = questions or [c for c in clauses if len(" ".join(c.words)) > 2]
    return tuple(replace(c, intents=_clause_intents(c, mine, t)) if c in considered else c
                 for c in clauses)


def _clause_intents(c: Clause, mine: frozenset[str], t: Tuning) -> tuple[Intent, ...]:
    """What one clause asks: a practical topic's intent when it names one ("wie viele
    Stunden pro Woche?"), else its own top intent when that rests on a specific cue or the
    clause opens with a question word ("where is the internship", not "ein Projekt, wo
    man ...")."""
    topics = [a for a in topics_in_words(c.words) if not set(a.words) <= mine]
    scores = classify_words(c.words)
    ranked = [(i, s) for i, s in scores.ranked() if s >= t.intent_min]
    if topics and not (ranked and _describes(topics[0].words, c.words)):
        return (topics[0].topic.intent,)  # "can i apply for the funded phd?", "tell me
    # about the ERC-funded engineer vacancy": the funding describes it; something else is asked
    if not ranked:
        return ()
    top = ranked[0][0]
    if scores.is_specific(top) or top in question_word_intents(c.opening[0]) or (
            _REQUESTS.starts(c.opening)):  # "tell me about the X job and who supervises it"
        return (top,)
    return ()


def _describes(said: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Do the words that name a topic stand before a kind of position, describing it ("the
    funded phd places", "a part-time postdoc"), rather than being what is asked about?"""
    last = max((i for i, w in enumerate(words) if w in said or set(w.split("-")) & set(said)),
               default=-1)  # "the ERC-funded engineer vacancy"
    return last >= 0 and any(kind_of_word(w) or w in _COUNTED_VACANCIES
                             for w in words[last + 1 : last + 2])  # "funded positions"


# ---- what kind of question ---------------------------------------------------------------

def _existence(marks: Marks) -> list[Span]:
    """The phrases that ask whether something exists — not those that count it ("how many
    places are there?", "wie viele Stellen gibt es?")."""
    return [s for s in marks.spans("exists") if not marks.within("quantity", s.start - 8, 8)]


def _exists(words: tuple[str, ...], marks: Marks) -> bool:
    """"is there a PhD on ...?", "do you have anything on ...?", "any ...", "hiring?"."""
    opens = words[:1] in (("any",), ("anything",)) or marks.has("hiring")
    return opens or any(marks.within("noun", s.end, 4)
                        or any(kind_of_word(w) for w in words[s.end : s.end + 4])
                        for s in _existence(marks))


def _status_filter(words: tuple[str, ...], marks: Marks) -> str:
    """"closed" ("the previous positions", "is it filled"), "open" ("still open", "current
    vacancies", "offene Stellen"), or ""."""
    def before_noun(label: str) -> bool:  # "closed positions", "the open ones"
        return any(marks.within("noun", s.end, 2) or words[s.end : s.end + 1] in _ONES
                   for s in marks.spans(label))

    if before_noun("closed") or any(marks.within("closed_state", s.end, 3)
                                    for s in marks.spans("copula")):
        return "closed"
    if before_noun("open_adj") or any(marks.within("open", s.end, 4) or marks.within(
            "hiring", s.end, 1) for s in marks.spans("still")):
        return "open"
    return ""


_COUNTED_VACANCIES = frozenset(Q.vacancy_nouns + Q.plural_nouns)
_ANY_OF = {code: re.compile(rf"\w (?:{_words_re(w.or_words)}) \w|\w\s*/\s*\w"
                            rf"|\w+, \w+,? (?:{_words_re(w.and_words)}) \w")
           for code, w in lang.QUERY_BY_LANG.items()}


# between alternatives: "/", "or", a comma, and "and" only after a comma ("A, B and C"; not
# "muscle and fat segmentation")
_BETWEEN = {code: (re.compile(rf"\s*/\s*|\s(?:{_words_re(w.or_words)})\s"),
                   re.compile(rf"\s*[/,]\s*|\s(?:{_words_re(w.or_words + w.and_words)})\s"))
            for code, w in lang.QUERY_BY_LANG.items()}


def _alternatives(folded: str, lang_: str) -> tuple[tuple[str, ...], ...]:
    """"Amsterdam, Leuven or Ghent", "engineers / developers": the words of each of the
    things named, any of which is meant; () when the message names no alternatives."""
    if not _ANY_OF[lang_].search(folded):
        return ()
    between = _BETWEEN[lang_][1 if "," in folded else 0]
    groups = (tuple(tokens(part)) for part in between.split(folded))
    return tuple(g for g in groups if g)


def _reference(words: tuple[str, ...], marks: Marks) -> Reference | None:
    """A vacancy pointed at without its name."""
    if marks.has("back"):
        return Reference("back")
    if any((s.start == 0 or words[s.start - 1] != "each")  # not "each other", "other than"
           and tuple(words[s.start : s.start + 2]) not in lang.NEGATION_PAIRS
           for s in marks.spans("other")):
        return Reference("other")
    for label in ("older", "newer"):
        if any(marks.within("pointed", s.end, 2) for s in marks.spans(label)):
            return Reference(label)
    articles = marks.starts("article")
    for i, w in enumerate(words):
        if _YEAR.match(w) and i and words[i - 1] in ("from", "van", "aus", "von", "of", "uit"):
            return Reference("year", int(w))
        n = Q.ordinals.get(w)
        if n is not None and ((i - 1) in articles or len(words) <= 3):
            return Reference("ordinal", n)  # "the second one", "de laatste"
        if w.isdigit() and len(w) <= 3 and (len(words) == 1 or (i and words[i - 1] in _NUMBER)):
            return Reference("ordinal", int(w))  # "2", "#3", "number 2", "optie 2"
    return None


_ONE = _words_re(tuple(w for w in Q.pointer_nouns if len(w) > 2 or w == "one"))
_AVOID = re.compile(
    rf"\b(?:{_words_re(tuple(w for w in Q.negations if w not in ('no', 'nor')))})\s+"
    rf"(?:(?:{_words_re(Q.articles)})\s+)?(?:(?:{_ONE})\s+)?"
    rf"(?:(?:{_words_re(Q.with_words)})\s+)?((?:[\w'/+-]+\s*){{1,6}}?)"
    rf"(?=\s*(?:{_ONE})?\s*(?:[).,;!?]|$|\s(?:{_words_re(Q.but)})\b))"
    r"|\bno\s+([\w'/+-]+(?:\s+[\w'/+-]+)?)\s*(?=[).;!?]|$)")


def _pointer(clauses: tuple[Clause, ...], marks: Marks) -> bool:
    """"the Bonn one", "this one", "that position", "die in Delft", "deze", "and the
    postdoc one": a vacancy pointed at, by a word or two, in a clause of its own — alone,
    or before what is asked about it ("the postdoc one - how many places are there?")."""
    starts = itertools.accumulate((len(c.words) for c in clauses), initial=0)
    return any(_points(start, c.words, marks) for c, start in zip(clauses, starts, strict=False))


def _points(start: int, words: tuple[str, ...], marks: Marks) -> bool:
    end = start + len(words)
    first = next((s.end for s in marks.spans("follow_up")  # after "and", "what about"
                  if s.start == start and s.end < end), start)
    words = words[first - start :]
    if not words or len(words) > 6:
        return False
    if words[0] in _DEMONSTRATIVES and len(words) <= 3:
        return True
    return any(first < i < end for i in marks.starts("pointed")) and (
        first in marks.starts("article") or words[0] in _DEMONSTRATIVES)


def _avoided(folded: str) -> tuple[str, ...]:
    """Words that describe a vacancy the user does not mean: "not the one with the blood
    markers", "niet die met ...", "nicht die mit ...", "(not the age/sex one)"."""
    return tuple(dict.fromkeys(w for m in _AVOID.finditer(folded)
                               for w in tokens(m.group(1) or m.group(2), folded=True)
                               if is_term(w) and kind_of_word(w) is None))
