"""Step 3: one `Decision` per message, from a table of named rules.

The rules read a `Situation` — the query, the chat's state (`ChatContext`) and the
resolution — and a `Desk`: the knowledge base's read-only indexes and the tuning. They are
tried in the order of `RULES`; the first that decides wins, and the decision names the
case of it that decided (logged at debug level, asserted in tests). Free text, commands and
buttons all come here as a `Query` (a button or deep link sets `Query.target`). The chat's
state is its `ChatContext`: *idle* (nothing talked about yet), *subject* (`ctx.subject`: one
vacancy is talked about), *choosing* (`ctx.last_list`: a list or "which one?" was just
shown). No state is kept here between messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rapidfuzz import fuzz

import lang
from bot import naming
from bot.listing import Orderings, generic_titles, matching, of_kinds
from bot.model import ChatContext, Intent
from bot.policy import Tuning
from bot.resolve import NO_MATCH, Match, Resolution, Resolver, kind_fit
from bot.understand import CONTENT_INTENTS, Query
from knowledge.facts.gazetteer import gazetteer
from knowledge.kb import KnowledgeBase, Listing
from knowledge.model import FactKind, Kind
from knowledge.textnorm import fold

_INTENT_NAMES = frozenset(i.value for i in Intent)
ACROSS_INTENTS = frozenset({Intent.SALARY, Intent.CONTACT, Intent.APPLY, Intent.DATES,
                            Intent.STATUS})
# The facts or sections that answer an intent (a page without them says it does not state it).
_ANSWERED_BY: dict[Intent, tuple[FactKind | Kind, ...]] = {
    Intent.SALARY: (FactKind.SALARY_AMOUNT, FactKind.PAY_SCALE, FactKind.REIMBURSEMENT),
    Intent.DURATION: (FactKind.DURATION,),
    Intent.DATES: (FactKind.DEADLINE, FactKind.START_DATE),
    Intent.CONTACT: (FactKind.EMAIL, FactKind.CONTACT_PERSON),
    Intent.LOCATION: (FactKind.LOCATION,),
    Intent.APPLY: (FactKind.APPLY_URL, FactKind.EMAIL, FactKind.DOCUMENT),
    Intent.REQUIREMENTS: (Kind.REQUIREMENTS,),
}


class Action(StrEnum):
    ANSWER = "answer"  # about one vacancy (or near-identical twins)
    CLARIFY = "clarify"  # which one of a few?
    LIST = "list"  # a numbered list (also for "is there ...?")
    ACROSS = "across"  # one fact for every vacancy listed
    NO_MATCH = "no_match"  # nothing matches what the message names: say so, offer the closest
    GREETING = "greeting"
    HELP = "help"
    THANKS = "thanks"
    FALLBACK = "fallback"


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    rule: str  # the rule that decided, for logs and tests
    ids: tuple[str, ...] = ()
    intents: tuple[Intent, ...] = ()
    exists: bool = False  # answer an existence question ("Yes — ...")
    resolution: Resolution = NO_MATCH  # what named the vacancies
    query: Query | None = None  # the question to answer, when it is not the message itself
    missing: tuple[str, ...] = ()  # words no vacancy has (for NO_MATCH)


@dataclass(frozen=True, slots=True)
class Situation:
    q: Query
    ctx: ChatContext
    res: Resolution
    named: tuple[str, ...]  # the vacancies the message names


@dataclass(frozen=True)
class Desk:
    """What the rules read besides the situation: read-only, shared by every chat."""

    kb: KnowledgeBase
    resolver: Resolver
    orderings: Orderings
    t: Tuning
    rarity: naming.Rarity = field(init=False)
    generic: frozenset[str] = field(init=False)  # ids of pages titled "Jobs", "Join us"

    def __post_init__(self) -> None:
        object.__setattr__(self, "generic", generic_titles(self.kb, self.t.index_title_share))
        top = self.resolver.idf("")  # the rarity of a word only one vacancy has
        object.__setattr__(self, "rarity", naming.Rarity(self.t.distinct_share * top,
                                                         self.t.strong_share * top))

    def listings(self, ids: tuple[str, ...] | list[str]) -> list[Listing]:
        return [x for x in (self.kb.listing(i) for i in ids) if x is not None]

    def resolve(self, q: Query, words: tuple[str, ...] | None = None,
                within: tuple[str, ...] | None = None, kinds: bool = True) -> Resolution:
        return self.resolver.resolve(q.naming if words is None else words,
                                     q.wanted if kinds else frozenset(),
                                     q.excluded if kinds else frozenset(), within=within,
                                     lang=q.lang, avoid=q.avoid, proper=q.proper)


Rule = tuple[str, Callable[[Desk, Situation], "Decision | None"]]


def situation(desk: Desk, q: Query, ctx: ChatContext) -> Situation:
    res = desk.resolve(q)
    specific = any(q.scores.is_specific(i) for i in q.intents)
    # nothing specific asked ("tell me a joke about radiologists"): words no vacancy knows
    # count against a name
    strict = q.source == "text" and not (specific or q.topics or q.wants_list or q.exists
                                         or q.me or q.wanted or q.vacancy_noun)
    # a clause, or a name typed as one ("im Robinson Lab"), may name a vacancy alone
    clauses = (*(frozenset(c.words) for c in q.clauses), *((q.proper,) if q.proper else ()))
    return Situation(q, ctx, res, naming.named(res, desk.t, desk.rarity, strict, clauses))


def decide(desk: Desk, q: Query, ctx: ChatContext) -> Decision:
    """The one thing to do with `q` in this chat: the first rule of `RULES` that decides."""
    s = situation(desk, q, ctx)
    for _, rule in RULES:
        d = rule(desk, s)
        if d is not None:
            return d
    return Decision(Action.FALLBACK, "out-of-scope")


# ---- the rules, in order ------------------------------------------------------------------

def target(desk: Desk, s: Situation) -> Decision | None:
    """A button, a deep link or an alert chose the vacancy: answer about it; "open it"
    after a "which one?" answers the question asked before."""
    if s.q.source != "button":
        return None
    if desk.kb.listing(s.q.target) is None:
        return Decision(Action.FALLBACK, "gone")
    intents = s.q.intents or _pending(s.ctx) or (Intent.OVERVIEW,)
    return Decision(Action.ANSWER, "button", (s.q.target,), intents, query=_asked_before(s))


def social(desk: Desk, s: Situation) -> Decision | None:
    """"hi", "thanks", "help" — when they name no vacancy."""
    if s.q.social and not s.named:
        if s.q.social == "help" and s.ctx.subject == "" and (s.res.terms or s.res.unknown):
            return Decision(Action.FALLBACK, "help-with-something-else")  # "can you help me
        return Decision(Action(s.q.social), "social")  # fix a segfault in my C code?"
    return None


def pick_from_list(desk: Desk, s: Situation) -> Decision | None:
    """After a list or "which one?": the user picks by number, kind, status or words."""
    q, ctx = s.q, s.ctx
    if not ctx.last_list:
        return None
    intents = q.intents or _pending(ctx)
    n = q.reference.n if q.reference is not None and q.reference.kind == "ordinal" else 0
    if n == -1 or 1 <= n <= len(ctx.last_list):  # "2", "the second one", "de laatste"
        return Decision(Action.ANSWER, "pick-by-number", (ctx.last_list[n - 1 if n > 0 else -1],),
                        intents, query=_asked_before(s))
    offered = desk.listings(ctx.last_list[: desk.t.pick_among])  # what the user has seen
    fitting = [x for x in offered if kind_fit(x.categories, q.wanted, q.excluded) == 1.0
               and (not q.status_filter or x.status == q.status_filter)]
    # "the ultrasound one. which university leads it?": the describing words pick
    words = q.describing if q.describing and q.question != q.words else q.naming
    within = desk.resolve(q, words, tuple(x.id for x in fitting))
    choice = naming.among(within, desk.t)
    if 1 < len(choice) < len(offered):  # "the pathology one": of those
        return Decision(Action.CLARIFY, "pick-narrowed", choice[: desk.t.max_choices], intents)
    if len(choice) == 1:
        outside = s.named[0] if len(s.named) == 1 else ""
        if outside and outside not in ctx.last_list and s.res.top_score > (
                desk.t.outside_ratio * within.top_score):
            return None  # the message names another vacancy, more clearly
        return Decision(Action.ANSWER, "pick-by-words", choice, intents, resolution=within,
                        query=_asked_before(s))
    said_filter = bool(q.wanted or q.excluded or q.status_filter)
    if said_filter and not within.terms and fitting and len(fitting) < len(offered):
        if len(fitting) == 1:
            return Decision(Action.ANSWER, "pick-by-filter", (fitting[0].id,), intents,
                            query=_asked_before(s))
        return Decision(Action.LIST, "filter-list", tuple(x.id for x in fitting), intents)
    return None


def reference(desk: Desk, s: Situation) -> Decision | None:
    """A vacancy pointed at without its name: "the other one", "his other project", "back
    to the first one", "the older posting", "the PhD from 2022", and "and the postdoc?"
    while talking about a page of another kind. Looked for among the vacancies of this
    conversation and the other pages of the same group's site."""
    q, ctx = s.q, s.ctx
    ref = q.reference
    switch = (ctx.subject and q.wanted and (q.follow_up or not s.named) and not _fits_subject(
        desk, s)) and not (s.named and naming.by_name(s.res, desk.t))
    if (ref is None or ref.kind == "ordinal") and not switch:
        return None
    pool = _pool(desk, s, ref.kind if ref is not None else "kind")
    if not pool and ref is not None and ref.kind == "other":  # nothing ties the subject to
        # another page: the other open vacancies, to choose from
        pool = [x.id for x in desk.orderings.of("open", "") if x.id != ctx.subject]
    chosen = _choose(desk, s, pool)
    if not chosen:
        return None
    intents = q.intents or _carried(ctx)
    rule = f"reference-{ref.kind}" if ref is not None else "kind-switch"
    action = Action.ANSWER if len(chosen) == 1 else Action.CLARIFY
    return Decision(action, rule, tuple(chosen[: desk.t.max_choices]), intents)


def subject_stays(desk: Desk, s: Situation) -> Decision | None:
    """"how long does it run?" while talking about one: a stray word of another page's
    text, tag or summary does not switch; its title, people, code or place does, and so
    does a description of another vacancy ("the T cell exhaustion doctoral position in
    Tübingen") with words the one talked about lacks."""
    subject = s.ctx.subject
    if not (s.named and subject and subject not in s.named):
        return None
    m = next((m for m in s.res.matches if m.id == s.named[0]), None)
    away = m is not None and (_called_away(desk, s, m) or _described_away(desk, s, m))
    if _still_about(desk, s) or not away:
        intents = s.q.intents or (_carried(s.ctx) if s.q.follow_up else ())
        return Decision(Action.ANSWER, "subject-stays", (subject,), intents)
    return None


def _called_away(desk: Desk, s: Situation, m: Match) -> bool:
    """Is the vacancy the message names (`m`) called by what names it firmly — its title,
    people, code, group or place — rather than by a tag, a summary or a capitalised word
    that a question may share with it ("who leads the group?")?"""
    if m.score >= 99:
        return True  # its id
    firm = {t.word for t in s.res.terms if t.word in m.named
            and desk.resolver.name_weight(t.stem, m.id) >= desk.t.switch_name_weight}
    return s.res.share(firm) >= desk.t.strict_name_share


def _described_away(desk: Desk, s: Situation, m: Match) -> bool:
    """Does the message describe another vacancy (`m`) than the one talked about — it
    speaks of a vacancy (a noun, a kind) with several words that vacancy has and the subject
    lacks, rare enough together to name it?"""
    q = s.q
    if not (q.vacancy_noun or q.wanted):
        return False
    own = desk.resolve(q, within=(s.ctx.subject,)).top
    had = set(own.named) | set(own.text) if own is not None else set()
    terms = s.res.word_weights()
    lacking = [terms.get(w, 0.0) for w in (*m.named, *m.text) if w not in had]
    return len(lacking) >= 2 and sum(lacking) >= desk.rarity.strong_sum


def named(desk: Desk, s: Situation) -> Decision | None:
    """The message names one vacancy, or a few: which one is meant."""
    if not s.named:
        return None
    q, ctx, res = s.q, s.ctx, s.res
    intents = q.intents or (_carried(ctx) if q.follow_up else ())
    if ctx.subject in s.named:  # "do I need German or is English enough?": words another
        # page has too do not take the conversation away from its vacancy
        own = next(m for m in res.matches if m.id == ctx.subject)
        if own.score >= desk.t.close_ratio * res.top_score or not naming.by_name(res, desk.t):
            return _answer("named-subject", (ctx.subject,), intents, s)
    if q.plural and set(intents) <= {Intent.OVERVIEW}:  # "what projects are there at the
        return listing(desk, s)  # 3D lab?", "list thesis topics on knowledge graphs"
    if q.counts_vacancies and not ctx.subject:  # "how many PhDs on glaciers are there?"
        return _counted(desk, s)
    if q.exists and not intents:  # "is there ...?": whether it is open, and what it is
        intents = (Intent.STATUS,)
    if len(s.named) == 1:
        twins = _open_twin(desk, s.named[0], res)
        if twins:  # an older, closed posting scored first: answer about the open one
            return _answer("open-twin", twins, intents, s, q.exists)
        return _answer("named", s.named, intents, s, q.exists)
    return _among_named(desk, s, intents)


def _among_named(desk: Desk, s: Situation, intents: tuple[Intent, ...]) -> Decision:
    """Several vacancies named: one that offers more, one in the user's language, the open
    one of variants, the one that states what is asked — or ask which one."""
    q, res = s.q, s.res
    top = res.matches[0]
    mine = set(top.named) | set(top.text)
    rest = [m for m in res.matches[1:] if m.id in s.named]
    dominant = all(set(m.named) | set(m.text) < mine for m in rest)  # it offers more
    if q.wants_list or q.exists:
        if dominant and (q.intents or q.exists) and not q.wants_list:
            return _answer("exists-dominant", (top.id,), intents, s, True)
        return listing(desk, s) or Decision(Action.FALLBACK, "out-of-scope")
    found = desk.listings(s.named)
    if q.status_filter:
        status = [x for x in found if x.status == q.status_filter]
        if len(status) == 1:
            return _answer("named-by-status", (status[0].id,), intents, s)
    alike = _alike(desk, found)
    if alike:
        same_lang = [x for x in found if x.language == q.lang]
        if len(same_lang) == 1:  # one page in two languages: the user's
            return _answer("in-your-language", (same_lang[0].id,), intents, s)
    best_fit = max(m.kind_fit for m in res.matches if m.id in s.named)
    fitting = {m.id for m in res.matches if m.id in s.named and m.kind_fit == best_fit}
    open_ = [x for x in found if not x.closed and x.id in fitting]
    if alike and len(open_) == 1 and all(x.id in fitting or x.closed for x in found):
        others = tuple(x.id for x in found if x.closed)  # older postings of the open one
        return _answer("the-open-one", (open_[0].id, *others), intents, s)
    if q.wanted and len(fitting) == 1 and len(found) > 1:  # "the PhD at X": of the kind asked
        return _answer("the-kind-asked", tuple(fitting), intents, s)
    talked = desk.kb.listing(s.ctx.subject) if not q.wanted else None
    if talked is not None and talked.categories:  # "and the COMFORT one?" after a PhD: the
        same = [x.id for x in found if talked.categories[0] in x.categories]  # PhD of it
        if len(same) == 1:
            return _answer("the-kind-talked-about", tuple(same), intents, s)
    if dominant:
        return _answer("dominant", (top.id,), intents, s)
    specific = [x for x in found if x.id not in desk.generic]
    if len(specific) == 1 and len(found) > 1:  # a posting, not the page that lists it
        return _answer("the-posting", (specific[0].id,), intents, s)
    answering = [x.id for x in found if _answers(desk, x.id, intents)]
    if len(answering) == 1:  # "how long is the position fixed-term?": the one that says
        return _answer("the-one-that-answers", (answering[0],), intents, s)
    return Decision(Action.CLARIFY, "close-candidates", s.named[: desk.t.max_choices],
                    intents, resolution=res)


def listing(desk: Desk, s: Situation) -> Decision | None:
    """"which PhDs are open?", "is there anything on zebrafish?": the matching vacancies,
    open first; a topic that no page has lists none."""
    q, res = s.q, s.res
    if not (q.wants_list or q.exists):
        return None
    if not res.terms:  # the open ones of the kind asked; when none is open, the closed ones
        kind = next(iter(q.wanted)) if len(q.wanted) == 1 else ""
        ids: tuple[str, ...] = ()
        statuses = ("closed",) if q.status_filter == "closed" else ("open", "closed")
        for main in (True, False):  # pages mainly of that kind first, then those offering it
            for status in statuses:
                ids = ids or tuple(x.id for x in desk.orderings.of(status, kind)
                                   if of_kinds(x, q.wanted, q.excluded)
                                   and (not main or not q.wanted or x.category in q.wanted))
        # a word no page has names a topic, unless an adverb ("usually"): not all of them
        if any(gazetteer().is_place(w) or not w.endswith("ly") for w in res.unknown):
            return _no_match(desk, s)  # "which positions are in Italy?", "is X hiring?"
        return Decision(Action.LIST, "list", ids, q.intents, exists=q.exists)
    share = res.any_share(q.alternatives)  # any of the things named
    found = matching(desk.kb, res, q.wanted, q.status_filter, share, desk.t, q.excluded)
    if not found and q.status_filter == "open":  # "any open positions in the X lab?": its
        found = matching(desk.kb, res, q.wanted, "", share, desk.t, q.excluded)  # closed
    if not found and q.exists and q.wanted:  # "is the speech lab hiring postdocs?": the
        # lab's page, though it offers none, says so
        found = matching(desk.kb, res, frozenset(), "", share, desk.t)[:1]
        if found:
            return _answer("exists-page", (found[0].id,), q.intents or (Intent.STATUS,), s, True)
    ids = tuple(x.id for x in found)
    if len(ids) == 1 and (q.intents or q.exists):
        return _answer("exists-one", ids, q.intents, s, True)
    if not ids:
        return _no_match(desk, s)
    return Decision(Action.LIST, "topic-list", ids, q.intents, exists=q.exists)


def _counted(desk: Desk, s: Situation) -> Decision | None:
    """"how many PhD positions are open?": the list, which the reply counts."""
    return listing(desk, replace(s, q=replace(s.q, wants_list=True)))


def not_a_vacancy_question(desk: Desk, s: Situation) -> Decision | None:
    """Out of scope is the absence of a vacancy question: with nothing talked about and
    nothing in the message speaking of a vacancy, the group or the user's application, a
    question that rests on question words alone ("is nijmegen the oldest city?") or on a
    faint cue ("fix my pytorch loop") gets the polite reply, whatever words it shares with
    a page."""
    q, ctx = s.q, s.ctx
    if q.source != "text" or ctx.subject or ctx.last_list or not (q.intents or q.topics):
        return None
    if _called_by_name(desk, s):
        return None  # "PANCAIM salary", "tell me abt pancaim", "who is Caner Mercan?"
    specific = any(q.scores.is_specific(i) for i in q.intents)
    top = q.scores.get(q.intents[0]) if q.intents else 1.0
    # named by words as typed, not only by guessed parts or spellings
    plainly = [m for m in s.res.matches if m.id in s.named and any(
        t.factor >= 0.99 and t.word in (*m.named, *m.text) for t in s.res.terms)]
    faint = not plainly and (top < desk.t.context_free_intent or not specific)
    if (faint and not q.speaks_of_vacancy) or (q.vague and not q.refers):
        return Decision(Action.FALLBACK, "not-a-vacancy-question")  # "fix my pytorch
    return None  # loop", "is nijmegen the oldest city?"


def _called_by_name(desk: Desk, s: Situation) -> bool:
    """Does the message name one vacancy by what it is called — a rare word of its title,
    people, code or id, typed as it is — rather than by a place or a common word ("what
    is the capital of austria?", "what is 17 times 23?")?"""
    if len(s.named) != 1 or not naming.by_name(s.res, desk.t):
        return False
    return any(t.factor >= 0.99 and t.idf >= desk.rarity.distinct
               and desk.resolver.name_weight(t.stem, s.named[0]) >= desk.t.called_weight
               for t in s.res.terms)


def unnamed(desk: Desk, s: Situation) -> Decision | None:
    """A question that names no vacancy: about the one talked about, the one just offered,
    the likeliest — or, when its words match nothing, say so and offer the closest."""
    q, ctx, res = s.q, s.ctx, s.res
    if not (q.intents or q.topics):
        return None
    intents = q.intents or (q.topics[0].topic.intent,)
    if ctx.subject and desk.kb.listing(ctx.subject) is not None:  # "how many positions
        return Decision(Action.ANSWER, "subject", (ctx.subject,), intents)  # are there?"
    if q.counts_vacancies:  # nothing talked about: "how many PhDs are open?"
        return _counted(desk, s)
    offered = [i for i in ctx.last_list if desk.kb.listing(i) is not None]
    if len(offered) == 1:  # "is it fully funded?" after a list of one
        return Decision(Action.ANSWER, "the-one-offered", (offered[0],), intents)
    if offered:  # "... which of these?"
        return Decision(Action.CLARIFY, "which-of-the-list",
                        tuple(offered[: desk.t.max_choices]), intents)
    likely = [m.id for m in res.matches if m.coverage >= desk.t.named_coverage and m.named
              and m.score >= desk.t.close_ratio * res.top_score][: desk.t.max_choices]
    if len(likely) == 1:  # named too vaguely: the likeliest
        return _answer("the-likeliest", tuple(likely), intents, s)
    if likely:
        return Decision(Action.CLARIFY, "which-of-these", tuple(likely), intents)
    if _names_something(desk, res):  # it names something no vacancy is about
        return _no_match(desk, s, intents)
    candidates = [x for x in desk.orderings.of("open", "") if of_kinds(x, q.wanted, q.excluded)]
    if len(candidates) == 1:
        return Decision(Action.ANSWER, "only-one-open", (candidates[0].id,), intents)
    if q.across and intents[0] in ACROSS_INTENTS and candidates:
        return Decision(Action.ACROSS, "across", tuple(x.id for x in candidates), intents)
    return Decision(Action.CLARIFY, "which-vacancy", tuple(x.id for x in candidates), intents)


def follow_up(desk: Desk, s: Situation) -> Decision | None:
    """"and ...?" with nothing else asked: the last question, about the same vacancy."""
    if s.q.follow_up and s.ctx.subject and s.ctx.last_intents:
        return Decision(Action.ANSWER, "follow-up", (s.ctx.subject,), _carried(s.ctx))
    return None


RULES: tuple[Rule, ...] = (
    ("button", target),
    ("social", social),
    ("pick-from-list", pick_from_list),
    ("reference", reference),
    ("subject-stays", subject_stays),
    ("not-a-vacancy-question", not_a_vacancy_question),
    ("named", named),
    ("list", listing),
    ("unnamed", unnamed),
    ("follow-up", follow_up),
)


# ---- what the rules share -----------------------------------------------------------------

def _answer(rule: str, ids: tuple[str, ...], intents: tuple[Intent, ...], s: Situation,
            exists: bool = False) -> Decision:
    return Decision(Action.ANSWER, rule, ids, intents, exists, s.res)


def _no_match(desk: Desk, s: Situation, intents: tuple[Intent, ...] = ()) -> Decision:
    """Nothing matches what the message names: the words no page has, and the closest
    vacancies of the kind asked (those with any of its words), open first. When no page of
    that kind has the words and one page of another kind has all of them, that page is
    meant ("postdoc in plant ecology" -> the lab's general page on plant ecology)."""
    res = s.res
    candidates = desk.listings([m.id for m in res.matches if m.coverage > 0])
    fitting = [x.id for x in candidates
               if kind_fit(x.categories, s.q.wanted, s.q.excluded, desk.t) == 1.0]
    whole = [m.id for m in res.matches if m.coverage >= 0.99]
    if not fitting and len(whole) == 1 and not res.unknown:
        return _answer("closest-of-another-kind", (whole[0],), intents or s.q.intents, s, True)
    closest = fitting or [m.id for m in res.matches if m.coverage >= desk.t.named_coverage] \
        or [x.id for x in desk.orderings.of("open", "") if of_kinds(x, s.q.wanted, s.q.excluded)]
    return Decision(Action.NO_MATCH, "no-match", tuple(closest[: desk.t.closest]),
                    intents or s.q.intents, exists=s.q.exists, resolution=res,
                    missing=res.unknown or res.words())


def _names_something(desk: Desk, res: Resolution) -> bool:
    """Does the message name something particular — a word no vacancy knows, or one rare
    enough to name a vacancy alone — rather than only common words ("student", "work")?"""
    return bool(res.unknown) or any(t.idf * t.factor >= desk.rarity.distinct for t in res.terms)


def _asked_before(s: Situation) -> Query | None:
    """The question asked before a "which one?", answered once the user picks — unless
    the pick asks something of its own."""
    if s.ctx.asked and not (s.q.intents or s.q.topics):
        from bot.understand import read  # the stored question, read like any message

        return read(s.ctx.asked, s.ctx.lang)
    return None


def _carried(ctx: ChatContext) -> tuple[Intent, ...]:
    return tuple(i for i in (_intent_or(x) for x in ctx.last_intents) if i in CONTENT_INTENTS)


def _pending(ctx: ChatContext) -> tuple[Intent, ...]:
    return tuple(_intent_or(x) for x in ctx.pending)


def _intent_or(name: str) -> Intent:
    return Intent(name) if name in _INTENT_NAMES else Intent.OVERVIEW


def _alike(desk: Desk, found: list[Listing]) -> bool:
    """Are these vacancies variants of one — postings of one group (its site) that share
    a kind, whose titles share most of their words? Two groups' "Open positions" are not,
    nor are "Doctoral ..." and "Postdoctoral Research Assistant"."""
    first = found[0]
    site, kinds = desk.kb.site(first.id), set(first.categories)
    return all(desk.kb.site(x.id) == site
               and (kinds & set(x.categories) or not (kinds and x.categories))
               and fuzz.token_set_ratio(fold(first.title), fold(x.title))
               >= desk.t.alike_similarity for x in found[1:])


def _answers(desk: Desk, vid: str, intents: tuple[Intent, ...]) -> bool:
    """Does the vacancy's page say what these intents ask (a duration, a salary, ...)?"""
    has = desk.kb.kinds_of(vid) if intents else frozenset()
    # an intent with no entry (an overview, a status): every page answers those
    return bool(has) and all(has & {k.value for k in _ANSWERED_BY.get(intent, ())}
                             for intent in intents)


def _still_about(desk: Desk, s: Situation) -> bool:
    """Does the conversation's vacancy have the message's words as well as the one they
    seem to name ("... is there an evaluation?" while talking about a PhD that has one)?"""
    q = s.q
    if q.follow_up or not (q.intents or q.topics):
        return False  # "and what about X?", a bare name: a switch
    own = desk.resolve(q, within=(s.ctx.subject,)).top
    top = s.res.top
    return own is not None and top is not None and own.coverage >= max(
        desk.t.named_coverage, top.coverage - desk.t.subject_slack)


def _open_twin(desk: Desk, vid: str, res: Resolution) -> tuple[str, ...]:
    """(open twin, `vid`) when `vid` is closed and an open vacancy of the same title
    scores close to it; () otherwise."""
    first = desk.kb.listing(vid)
    if first is None or not first.closed or not res.matches:
        return ()
    floor = desk.t.twin_close_ratio * res.matches[0].score
    fit = res.matches[0].kind_fit
    for m in res.matches[1:]:
        other = desk.kb.listing(m.id)
        if m.score < floor:
            break
        if other is not None and not other.closed and m.kind_fit >= fit and fuzz.ratio(
                fold(other.title), fold(first.title)) >= desk.t.twin_similarity and _alike(
                desk, [first, other]):
            return (other.id, vid)
    return ()


def _fits_subject(desk: Desk, s: Situation) -> bool:
    """Does the vacancy talked about offer the kind the message asks for?"""
    subject = desk.kb.listing(s.ctx.subject)
    vacancy = desk.kb.get(s.ctx.subject) if subject is not None else None
    if subject is None or vacancy is None:
        return False
    offered = set(subject.categories) | {p.category for p in vacancy.positions}
    return bool(offered & s.q.wanted)


def _pool(desk: Desk, s: Situation, kind: str) -> list[str]:
    """The vacancies a reference may point at: this conversation's (the latest first,
    for "back to ..." the earliest last), then the subject's site or people."""
    ctx = s.ctx
    talked = [i for i in (*ctx.last_list, *ctx.recent) if i != ctx.subject]
    if kind == "back":
        return [i for i in dict.fromkeys(ctx.recent) if i != ctx.subject]
    related = _related(desk, ctx.subject) if ctx.subject else []
    if kind in ("older", "newer", "year"):
        return list(dict.fromkeys([*related, *talked]))
    if kind == "other" and ctx.last_list and len(ctx.last_list) == 2 and ctx.subject in (
            ctx.last_list):
        return [i for i in ctx.last_list if i != ctx.subject]
    return list(dict.fromkeys([*talked, *related]))


def _related(desk: Desk, subject: str) -> list[str]:
    """The other pages of the subject's site, or (one site) those sharing its people."""
    kb = desk.kb
    me = kb.listing(subject)
    if me is None:
        return []
    site = kb.site(subject)
    same = [x.id for x in kb.listings if x.id != subject and site and kb.site(x.id) == site]
    if same and len(same) < len(kb) - 1:
        return same
    vacancy = kb.get(subject)  # "his other project": the vacancy's first person
    names = [*me.people, *(f.value for f in vacancy.facts_of(FactKind.CONTACT_PERSON))
             ] if vacancy is not None else list(me.people)
    if not names:
        return []
    found = desk.resolver.resolve(names[0])  # "his other project"
    return [m.id for m in found.matches if m.id != subject and m.named]


def _choose(desk: Desk, s: Situation, pool: list[str]) -> list[str]:
    """Which of the pool the message means: the words it still names, the kind it asks,
    the posting date it points at."""
    q, ref = s.q, s.q.reference
    found = desk.listings(pool)
    if q.wanted:
        found = [x for x in found if of_kinds(x, q.wanted, q.excluded)]
    if q.naming and found:
        within = desk.resolve(q, within=tuple(x.id for x in found))
        picked = naming.among(within, desk.t)
        if picked:
            return list(picked)
    if ref is not None and ref.kind in ("older", "newer", "year") and found:
        subject = desk.kb.listing(s.ctx.subject)
        if subject is not None:  # another posting of the same vacancy first
            found = [x for x in found if _alike(desk, [subject, x])] or found
        if ref.kind == "year":
            found = [x for x in found if x.date.startswith(str(ref.n))]
        elif subject is not None and subject.date and any(x.date for x in found):
            older = ref.kind == "older"
            found = [x for x in found if x.date and (x.date < subject.date if older
                                                     else x.date > subject.date)]
            found.sort(key=lambda x: x.date, reverse=older)
            return [x.id for x in found[:1]]
        else:  # no dates: an older posting is a closed one, a newer one is open
            found = [x for x in found if x.closed == (ref.kind == "older")] or found
    if len(found) > 1:  # a page titled only "Jobs" or "Open positions" lists the others
        found = [x for x in found if x.id not in desk.generic] or found
    if ref is not None and ref.kind == "back":  # "back to the first one": the earliest
        first = any(lang.QUERY.ordinals.get(w) == 1 for w in q.words)
        return [x.id for x in (found[-1:] if first else found[:1])]
    return [x.id for x in found]
