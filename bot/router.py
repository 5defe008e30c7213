"""The router: message + chat context in, structured answer + new context out.

Four named steps, each a method:

1. **understand** (`bot.understand.read`): what is asked — intents, list or existence,
   kinds of position, status filter, practical topics, what the user says about themselves.
2. **resolve** (`bot.resolve`): which vacancies the message names, in the knowledge base
   and, after a list or a "which one?", among the vacancies just offered.
3. **decide** (`decide`): one `Decision` — answer about one vacancy, ask which one, list,
   answer across all, greet, help, or say what the bot is for — by the rules below, with
   every threshold in `bot.policy`.
4. **answer** (`act`): compose the reply (`bot.answers`) and the new chat context.

The conversation keeps its subject: once a vacancy is settled (named, picked by number,
button or description, opened from a list, a deep link or an alert) every follow-up is
about it until another is named; the question asked before a "which one?" is answered as
soon as the user picks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from bot import answers, openings, policy
from bot.intents import parse_command
from bot.listing import (
    ListQuery,
    Orderings,
    generic_titles,
    matching,
    of_kinds,
    read_query,
    render_page,
    select,
    subtitle,
)
from bot.model import Answer, Block, Button, ChatContext, Intent, Style, VacancyRef
from bot.phrases import label, phrase
from bot.resolve import NO_MATCH, Match, Resolution, Resolver, kind_fit, list_reference
from bot.understand import CONTENT_INTENTS, Query, clean, read
from knowledge.kb import KnowledgeBase, Listing
from knowledge.model import FactKind, Kind, Vacancy
from knowledge.textnorm import fold, language_of

ACROSS_INTENTS = frozenset({Intent.SALARY, Intent.CONTACT, Intent.APPLY, Intent.DATES,
                            Intent.STATUS})
_COMMAND_INTENTS = {"requirements": Intent.REQUIREMENTS, "salary": Intent.SALARY,
                    "contact": Intent.CONTACT, "apply": Intent.APPLY, "vacancy": Intent.OVERVIEW}


# The facts that answer an intent (a page without them says it does not state it).
_ANSWERED_BY: dict[Intent, tuple[FactKind, ...]] = {
    Intent.SALARY: (FactKind.SALARY_AMOUNT, FactKind.PAY_SCALE, FactKind.REIMBURSEMENT),
    Intent.DURATION: (FactKind.DURATION,),
    Intent.DATES: (FactKind.DEADLINE, FactKind.START_DATE),
    Intent.CONTACT: (FactKind.EMAIL, FactKind.CONTACT_PERSON),
    Intent.LOCATION: (FactKind.LOCATION,),
    Intent.APPLY: (FactKind.APPLY_URL, FactKind.EMAIL, FactKind.DOCUMENT),
    Intent.REQUIREMENTS: (),
}


class Action(StrEnum):
    ANSWER = "answer"  # about one vacancy (or near-identical twins)
    CLARIFY = "clarify"  # which one of a few?
    LIST = "list"  # a numbered list (also for "is there ...?")
    ACROSS = "across"  # one fact for every vacancy listed
    GREETING = "greeting"
    HELP = "help"
    THANKS = "thanks"
    FALLBACK = "fallback"


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    step: str  # the rule that decided, for logs and tests
    ids: tuple[str, ...] = ()
    intents: tuple[Intent, ...] = ()
    exists: bool = False  # answer an existence question ("Yes — ...")


class Router:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.resolver = Resolver(kb)
        self.orderings = Orderings(kb)
        self.open_ids = tuple(x.id for x in self.orderings.of("open", ""))
        self._generic = generic_titles(kb)
        self._seen = NO_MATCH
        max_idf = self.resolver.idf("")  # the rarity of a word only one vacancy has
        self._distinct = policy.DISTINCT_SHARE * max_idf
        self._strong_sum = policy.STRONG_SHARE * max_idf

    # ---- entry points -------------------------------------------------------------------

    def respond(self, text: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        command = parse_command(clean(text))
        if command is not None:
            lang = language_of(command[1], ctx.lang)
            return self._command(command[0], command[1], ctx.with_(lang=lang), lang)
        msg = read(text, ctx.lang)
        lang = msg.lang
        if not msg.words:
            return self._help(lang), ctx
        ctx = ctx.with_(lang=lang)
        decision = self.decide(msg, ctx)
        return self.act(decision, msg, ctx, lang)

    def press(self, action: str, vacancy_id: str, arg: str,
              ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """A button: an intent about a vacancy, open a vacancy, or a list page."""
        lang = ctx.lang
        if action == "page":
            page = int(arg) if arg.isdigit() and len(arg) < 6 else 0
            return self._list_page(ctx.list_query, ctx, lang, page)
        vacancy = self.kb.get(vacancy_id)
        if vacancy is None:
            return self._fallback(lang, phrase("gone", lang)), ctx
        intent = Intent.OVERVIEW if action == "vacancy" else _intent_or(action, Intent.OVERVIEW)
        intents = (intent,) if action != "vacancy" or not ctx.pending else tuple(
            _intent_or(p, Intent.OVERVIEW) for p in ctx.pending)
        return self._about(vacancy, intents, ctx, lang, None, full=arg == "more")

    def card(self, vacancy_id: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """A vacancy's card (deep link, inline result, alert); it becomes the subject."""
        return self.press("vacancy", vacancy_id, "", ctx.with_(pending=()))

    # ---- 3. decide ----------------------------------------------------------------------

    def decide(self, msg: Query, ctx: ChatContext) -> Decision:
        """The one thing to do with `msg`; every rule is a named step, tried in order."""
        resolution = self.resolver.resolve(msg.naming, msg.wanted, msg.excluded, lang=msg.lang,
                                           avoid=msg.avoid, proper=msg.proper)
        self._seen = resolution  # the answer step reads which words named its vacancy
        # nothing specific asked ("tell me a joke about radiologists"): words no vacancy knows
        # count against a name
        specific = any(msg.scores.is_specific(i) for i in msg.intents)
        strict = not (specific or msg.topics or msg.wants_list or msg.exists or msg.about_me
                      or msg.wanted or msg.vacancy_noun)
        named = self._named(resolution, strict, tuple(frozenset(c.words) for c in msg.clauses))
        if msg.social and not named:
            return Decision(Action(msg.social), "social")
        picked = self._pick_from_list(msg, ctx, named, resolution)
        if picked is not None:
            return picked
        if named and ctx.subject and ctx.subject not in named and (
                self._still_about(msg, ctx.subject, resolution)
                or not self._named_by_name(resolution)):
            # "how long does it run?" while talking about one: a stray word of another
            # page's text does not switch; its title, people or code does
            return Decision(Action.ANSWER, "subject-stays", (ctx.subject,), msg.intents)
        if named:
            return self._decide_named(msg, ctx, named, resolution)
        if msg.wants_list or msg.exists:
            return self._decide_list(msg, resolution)
        if msg.intents or msg.topics:
            context_free = not ctx.subject and not ctx.last_list and not msg.wanted
            top = msg.scores.get(msg.intents[0]) if msg.intents else 1.0
            weak = not any(msg.scores.is_specific(i) for i in msg.intents)
            if context_free and not msg.topics and (top < policy.CONTEXT_FREE_INTENT or weak):
                # "fix my pytorch loop", "tell me a joke about radiologists"
                return Decision(Action.FALLBACK, "faint-cue")
            return self._decide_unnamed(msg, ctx, resolution)
        if msg.follow_up and ctx.subject and ctx.last_intents:
            return Decision(Action.ANSWER, "follow-up", (ctx.subject,), _carried(ctx))
        return Decision(Action.FALLBACK, "out-of-scope")

    def _strong(self, m: Match, terms: dict[str, float], res: Resolution,
                strict: bool, clauses: tuple[frozenset[str], ...] = ()) -> bool:
        """Does `m` have enough of the message's words, and rare enough ones, to be named?
        `strict` (nothing is asked): words no vacancy knows count against it too. A clause
        that names it by its title may carry it alone ("... for the skin cancer PhD, and
        do I have to request it myself?")."""
        if m.score >= 99:
            return True  # its id
        coverage = res.in_scope(m) if strict else m.coverage
        if strict:  # nothing specific asked: only what names it (title, people, ...) counts,
            # so a stray page word ("fix my training loop") makes no vacancy question
            by_name = sum(terms.get(w, 0.0) for w in m.named)
            total = sum(terms.values()) + res.unknown_weight
            if not total or by_name / total < policy.STRICT_NAME_SHARE:
                return False
            if max((terms.get(w, 0.0) for w in m.named), default=0.0) >= self._distinct:
                coverage = max(coverage, m.coverage)  # "the NEXCELL thing": a name, plainly
        else:
            for clause in clauses:
                mine = {w for w in terms if w.split(">")[0] in clause}
                if set(m.named) & mine and len(mine) >= 2:
                    have = sum(terms[w] for w in mine if w in m.named or w in m.text)
                    coverage = max(coverage, have / sum(terms[w] for w in mine))
        if coverage < policy.NAMED_COVERAGE or m.score < policy.NAMED_MIN_SCORE:
            return False
        found = [terms.get(w, 0.0) for w in (*m.named, *m.text)]
        if max(found, default=0.0) >= self._distinct or sum(found) >= self._strong_sum:
            return True
        return set(m.named) >= set(terms)  # every word is in its title or other names

    def _named(self, res: Resolution, strict: bool = False,
               clauses: tuple[frozenset[str], ...] = ()) -> tuple[str, ...]:
        """The vacancies the message names: one when it is clear, the close few otherwise,
        none when the best match is too weak to count as a name."""
        if not res.matches:
            return ()
        terms: dict[str, float] = {}
        for t in res.terms:  # a word's strongest reading
            terms[t.word] = max(terms.get(t.word, 0.0), t.idf * t.factor)
        top = res.matches[0]
        if not self._strong(top, terms, res, strict, clauses):
            # "is the Koch lab hiring PhDs?": the page with the name, though of another kind
            # than asked, over one that only shares a common word ("Join the lab")
            full = [m for m in res.matches[1:] if m.coverage >= policy.NAME_OVER_KIND_COVERAGE
                    and m.score >= policy.NAME_OVER_KIND_SHARE * top.score
                    and self._strong(m, terms, res, strict, clauses)]
            return (full[0].id,) if full else ()
        close = [m for m in res.matches[1:]
                 if m.score >= policy.CLOSE_RATIO * top.score
                 and self._strong(m, terms, res, strict, clauses)]
        if not close or top.score >= policy.CLEAR_RATIO * close[0].score:
            return (top.id,)
        return (top.id, *(m.id for m in close))

    def _pick_from_list(self, msg: Query, ctx: ChatContext, named: tuple[str, ...],
                        resolution: Resolution) -> Decision | None:
        """After a list or "which one?": the user picks by number, kind, status or words."""
        if not ctx.last_list:
            return None
        intents = msg.intents or _pending(ctx)
        number = list_reference(msg.text, ctx.last_list)
        if number is not None:
            return Decision(Action.ANSWER, "pick-by-number", (number,), intents)
        shown = ctx.last_list[: policy.PICK_AMONG]  # what the user has seen to describe
        offered = [x for x in (self.kb.listing(i) for i in shown) if x is not None]
        fitting = [x for x in offered
                   if kind_fit(x.categories, msg.wanted, msg.excluded) == 1.0
                   and (not msg.status_filter or x.status == msg.status_filter)]
        # "the ultrasound one. which university leads it?": the describing words pick
        words = msg.describing if msg.describing and msg.question else msg.naming
        within = self.resolver.resolve(words, msg.wanted, msg.excluded,
                                       within=tuple(x.id for x in fitting), lang=msg.lang,
                                       avoid=msg.avoid)
        choice = _among(within)
        if len(choice) > 1 and len(choice) < len(offered):  # "the pathology one": of those
            return Decision(Action.CLARIFY, "pick-narrowed", choice[: policy.MAX_CHOICES],
                            intents)
        if len(choice) == 1:
            outside = named[0] if len(named) == 1 else ""
            if outside and outside not in ctx.last_list and resolution.top_score > (
                    policy.OUTSIDE_RATIO * within.top_score):
                return None  # the message names another vacancy, more clearly
            return Decision(Action.ANSWER, "pick-by-words", choice, intents)
        said_filter = bool(msg.wanted or msg.excluded or msg.status_filter)
        if said_filter and not within.terms and fitting and len(fitting) < len(offered):
            if len(fitting) == 1:
                return Decision(Action.ANSWER, "pick-by-filter", (fitting[0].id,), intents)
            return Decision(Action.LIST, "filter-list", tuple(x.id for x in fitting), intents)
        return None

    def _decide_named(self, msg: Query, ctx: ChatContext, named: tuple[str, ...],
                      resolution: Resolution) -> Decision:
        intents = msg.intents or (_carried(ctx) if msg.follow_up else ())
        if ctx.subject in named:
            subject_match = next(m for m in resolution.matches if m.id == ctx.subject)
            if subject_match.score >= policy.CLOSE_RATIO * resolution.top_score:
                return Decision(Action.ANSWER, "named-subject", (ctx.subject,), intents)
        if msg.plural and not intents:  # "what projects are there at the 3D lab?"
            return self._decide_list(msg, resolution)
        if msg.exists and not intents:  # "is there ...?", "is the Koch lab hiring?": whether
            intents = (Intent.STATUS,)  # it is open, and what it is
        if len(named) == 1:
            twins = self._open_twin(named[0], resolution)
            if twins:  # an older, closed posting scored first: answer about the open one
                return Decision(Action.ANSWER, "open-twin", twins, intents, exists=msg.exists)
            return Decision(Action.ANSWER, "named", named, intents, exists=msg.exists)
        top = resolution.matches[0]
        mine = set(top.named) | set(top.text)
        rest = [m for m in resolution.matches[1:] if m.id in named]
        dominant = all(set(m.named) | set(m.text) < mine for m in rest)  # it offers more
        if msg.wants_list or msg.exists:
            if dominant and (msg.intents or msg.exists) and not msg.wants_list:
                return Decision(Action.ANSWER, "exists-dominant", (top.id,), intents, True)
            return self._decide_list(msg, resolution)
        listings = [x for x in (self.kb.listing(i) for i in named) if x is not None]
        if msg.status_filter:
            status = [x for x in listings if x.status == msg.status_filter]
            if len(status) == 1:
                return Decision(Action.ANSWER, "named-by-status", (status[0].id,), intents)
        alike = _alike(listings)
        if alike:
            same_lang = [x for x in listings if x.language == msg.lang]
            if len(same_lang) == 1:  # one page in two languages: the user's
                return Decision(Action.ANSWER, "in-your-language", (same_lang[0].id,), intents)
        best_fit = max(m.kind_fit for m in resolution.matches if m.id in named)
        fitting = {m.id for m in resolution.matches if m.id in named and m.kind_fit == best_fit}
        open_ = [x for x in listings if not x.closed and x.id in fitting]
        # one open vacancy and closed ones like it (often older postings of it)
        if alike and len(open_) == 1 and all(x.id in fitting or x.closed for x in listings):
            others = tuple(x.id for x in listings if x.closed)
            return Decision(Action.ANSWER, "the-open-one", (open_[0].id, *others), intents)
        if dominant:
            return Decision(Action.ANSWER, "dominant", (top.id,), intents)
        answering = [x.id for x in listings if self._answers(x.id, intents)]
        if len(answering) == 1:  # "how long is the position fixed-term?": the one that says
            return Decision(Action.ANSWER, "the-one-that-answers", (answering[0],), intents)
        return Decision(Action.CLARIFY, "close-candidates", named[: policy.MAX_CHOICES],
                        intents)

    def _named_by_name(self, res: Resolution) -> bool:
        """Is the best match named by what it is called (title, people, groups, code)?"""
        top = res.top
        if top is None:
            return False
        if top.score >= 99:
            return True
        weights: dict[str, float] = {}
        for t in res.terms:
            weights[t.word] = max(weights.get(t.word, 0.0), t.idf * t.factor)
        total = sum(weights.values()) + res.unknown_weight
        return bool(total) and sum(weights.get(w, 0.0) for w in top.named) / total >= (
            policy.STRICT_NAME_SHARE)

    def _position(self, vacancy: Vacancy, msg: Query | None, ctx: ChatContext) -> int | None:
        """Which position of a page with several the message (or the conversation) means."""
        if len(vacancy.positions) < 2:
            return None
        if msg is not None:
            text = " ".join((*msg.describing, *msg.naming))
            found = openings.pick(vacancy, text, msg.wanted, msg.excluded, msg.avoid,
                                  self.resolver.idf)
            if found is not None:
                return found
        if ctx.subject == vacancy.id and 0 <= ctx.position < len(vacancy.positions):
            return ctx.position
        return None

    def _subtitles(self, items: list[Listing]) -> dict[str, str]:
        return {x.id: subtitle(self.kb, x) for x in items if x.id in self._generic}

    def _answers(self, vid: str, intents: tuple[Intent, ...]) -> bool:
        """Does the vacancy's page say what these intents ask (a duration, a salary, ...)?"""
        if not intents:
            return False
        vacancy = self.kb.get(vid)
        if vacancy is None:
            return False
        for intent in intents:
            kinds = _ANSWERED_BY.get(intent)
            if kinds is None:
                return False  # an overview or status: every page answers those
            if intent is Intent.REQUIREMENTS:
                if not vacancy.sections_of(Kind.REQUIREMENTS):
                    return False
            elif not vacancy.facts_of(*kinds):
                return False
        return True

    def _still_about(self, msg: Query, subject: str, resolution: Resolution) -> bool:
        """Does the conversation's vacancy have the message's words as well as the one they
        seem to name ("... is there an evaluation?" while talking about a PhD that has
        one)? Then the message is about it, not a switch."""
        if msg.follow_up or not (msg.intents or msg.topics):
            return False  # "and what about X?", a bare name: a switch
        own = self.resolver.resolve(msg.naming, msg.wanted, msg.excluded, within=(subject,),
                                    lang=msg.lang).top
        top = resolution.top
        return own is not None and top is not None and own.coverage >= max(
            policy.NAMED_COVERAGE, top.coverage - policy.SUBJECT_SLACK)

    def _open_twin(self, vid: str, resolution: Resolution) -> tuple[str, ...]:
        """(open twin, `vid`) when `vid` is closed and an open vacancy of the same title
        scores close to it; () otherwise."""
        first = self.kb.listing(vid)
        if first is None or not first.closed or not resolution.matches:
            return ()
        floor = policy.TWIN_CLOSE_RATIO * resolution.matches[0].score
        fit = resolution.matches[0].kind_fit
        for m in resolution.matches[1:]:
            other = self.kb.listing(m.id)
            if m.score < floor:
                break
            if other is not None and not other.closed and m.kind_fit >= fit and fuzz.ratio(
                    fold(other.title), fold(first.title)) >= policy.TWIN_SIMILARITY:
                return (other.id, vid)
        return ()

    def _decide_list(self, msg: Query, resolution: Resolution) -> Decision:
        status = msg.status_filter
        if not resolution.terms:
            kinds = sorted(msg.wanted)
            items = self.orderings.of(status or "open", kinds[0] if len(kinds) == 1 else "")
            ids = tuple(x.id for x in items if of_kinds(x, msg.wanted))
            return Decision(Action.LIST, "list", ids, msg.intents, exists=msg.exists)
        # "in Amsterdam, Leuven or Ghent": any of the places will do
        share = 1.0 / len(resolution.words()) if msg.any_of and resolution.words() else None
        found = matching(self.kb, resolution, msg.wanted, msg.excluded, status, share)
        if not found and msg.exists and msg.wanted:  # "is the speech lab hiring postdocs?":
            # the lab's page, though it offers none, says so
            found = matching(self.kb, resolution, frozenset(), frozenset(), "", share)[:1]
            if found:
                return Decision(Action.ANSWER, "exists-page", (found[0].id,),
                                msg.intents or (Intent.STATUS,), exists=True)
        ids = tuple(x.id for x in found)
        if len(ids) == 1 and (msg.intents or msg.exists):
            return Decision(Action.ANSWER, "exists-one", ids, msg.intents, exists=True)
        return Decision(Action.LIST, "topic-list", ids, msg.intents, exists=msg.exists)

    def _decide_unnamed(self, msg: Query, ctx: ChatContext,
                        resolution: Resolution | None = None) -> Decision:
        intents = msg.intents or (msg.topics[0].topic.intent,)
        if ctx.subject and self.kb.listing(ctx.subject) is not None:
            return Decision(Action.ANSWER, "subject", (ctx.subject,), intents)
        offered = [i for i in ctx.last_list if self.kb.listing(i) is not None]
        if len(offered) == 1:  # "is it fully funded?" after a list of one
            return Decision(Action.ANSWER, "the-one-offered", (offered[0],), intents)
        if offered:  # "... which of these?"
            return Decision(Action.CLARIFY, "which-of-the-list",
                            tuple(offered[: policy.MAX_CHOICES]), intents)
        if resolution is not None and resolution.matches:  # named too vaguely: the likeliest
            top = resolution.top_score
            likely = [m.id for m in resolution.matches if m.coverage >= policy.NAMED_COVERAGE
                      and m.named  # by its title or other names, not a stray word of its text
                      and m.score >= policy.CLOSE_RATIO * top][: policy.MAX_CHOICES]
            if len(likely) == 1:
                return Decision(Action.ANSWER, "the-likeliest", tuple(likely), intents)
            if likely:
                return Decision(Action.CLARIFY, "which-of-these", tuple(likely), intents)
        candidates = [x for x in self.orderings.of("open", "") if of_kinds(x, msg.wanted)]
        if len(candidates) == 1:
            return Decision(Action.ANSWER, "only-one-open", (candidates[0].id,), intents)
        if msg.across and intents[0] in ACROSS_INTENTS and candidates:
            return Decision(Action.ACROSS, "across", tuple(x.id for x in candidates), intents)
        return Decision(Action.CLARIFY, "which-vacancy", tuple(x.id for x in candidates),
                        intents)

    # ---- 4. answer ----------------------------------------------------------------------

    def act(self, d: Decision, msg: Query, ctx: ChatContext,
            lang: str) -> tuple[Answer, ChatContext]:
        if d.action is Action.ANSWER:
            vacancy = self.kb.get(d.ids[0])
            if vacancy is None:
                return self._fallback(lang, phrase("gone", lang)), ctx
            intents = d.intents or (Intent.OVERVIEW,)
            if d.step.startswith("pick") and ctx.asked and not (msg.intents or msg.topics):
                msg = read(ctx.asked)  # "the bonn one" answers the question asked before
            answer, ctx = self._about(vacancy, intents, ctx, lang, msg, d.ids[1:], d.exists)
            return answer, ctx
        if d.action is Action.CLARIFY:
            return self._clarify(d, msg, ctx, lang)
        if d.action is Action.LIST:
            return self._list(d, msg, ctx, lang)
        if d.action is Action.ACROSS:
            return self._across(d.intents[0], d.ids[: policy.MAX_ACROSS], ctx, lang)
        if d.action is Action.GREETING:
            return self._greeting(lang, ctx)
        if d.action is Action.HELP:
            return self._help(lang), ctx
        if d.action is Action.THANKS:
            return Answer(Intent.GREETING, (), (Block(phrase("thanks", lang)),)), ctx
        return self._fallback(lang), ctx

    def _about(self, vacancy: Vacancy, intents: tuple[Intent, ...], ctx: ChatContext,
               lang: str, msg: Query | None, twins: tuple[str, ...] = (),
               exists: bool = False, full: bool = False) -> tuple[Answer, ChatContext]:
        named_by: tuple[str, ...] = ()
        if msg is not None:  # the words that named it are not what the question is about
            own = next((m for m in self._seen.matches if m.id == vacancy.id), None)
            if own is None:
                own = self.resolver.resolve(msg.naming, within=(vacancy.id,)).top
            named_by = (*own.named, *own.text) if own is not None else ()
        page = vacancy.id
        position = self._position(vacancy, msg, ctx)
        if position is not None:  # "the robust ML one": that position of the page
            vacancy = openings.view(vacancy, position)
        made = answers.reply(
            vacancy, intents, lang, msg,
            [v for v in (self.kb.get(t) for t in twins) if v is not None], exists, named_by,
            full=full)
        shown = made.intent
        buttons = answers.card_buttons(vacancy, lang, skip=shown)
        if made.more:
            buttons = (Button(label("more", lang) + " ›", action=shown.value, vacancy=vacancy.id,
                              arg="more"), *buttons)
        answer = Answer(shown, (_ref(vacancy),), tuple(made.blocks), buttons)
        return answer, ctx.with_(subject=page, position=-1 if position is None else position,
                                 last_intents=tuple(i.value for i in intents), pending=(),
                                 asked="")

    def _clarify(self, d: Decision, msg: Query, ctx: ChatContext,
                 lang: str) -> tuple[Answer, ChatContext]:
        listings = [x for x in (self.kb.listing(i) for i in d.ids) if x is not None]
        if not listings:
            return self._fallback(lang, phrase("no_match", lang)), ctx
        shown = listings[: policy.MAX_CHOICES]
        intent = d.intents[0] if d.intents else Intent.OVERVIEW
        blocks, buttons = render_page(shown, 0, lang, action=intent.value,
                                      subtitles=self._subtitles(shown))
        blocks = [Block(phrase("which", lang)), *blocks]
        if len(listings) > len(shown):
            blocks.append(Block(phrase("more_choices", lang, n=str(len(listings) - len(shown))),
                                Style.NOTE))
        refs = tuple(VacancyRef(x.id, x.title, x.status) for x in shown)
        return (Answer(Intent.CLARIFY, refs, tuple(blocks), tuple(buttons), confidence=0.5),
                ctx.with_(last_list=tuple(x.id for x in shown),
                          pending=tuple(i.value for i in d.intents), asked=msg.text[:500]))

    def _list(self, d: Decision, msg: Query, ctx: ChatContext,
              lang: str) -> tuple[Answer, ChatContext]:
        items = [x for x in (self.kb.listing(i) for i in d.ids[:200]) if x is not None]
        pending = tuple(i.value for i in d.intents)
        if not items:
            known, unknown = self.resolver.terms(msg.naming)
            what = " ".join(dict.fromkeys([*(t.word for t in known), *unknown])) or " / ".join(
                sorted(msg.wanted))
            none = phrase("none_open" if msg.status_filter == "open" else "none",
                          lang, what=what or phrase("that", lang))
            if d.exists:  # "is there a PhD on zebrafish?" -> "No — no vacancy matches ..."
                none = phrase("no", lang) + none[0].lower() + none[1:]
            blocks = [Block(none)]
            query = read_query(" ".join(msg.naming))
            words = " ".join(([query.category] if query.category else []) + list(query.topics))
            subscribe = Button(label("subscribe", lang), action="subscribe", arg=words[:40])
            return (Answer(Intent.LIST, (), tuple(blocks), (subscribe,)),
                    ctx.with_(pending=pending))
        blocks, buttons = render_page(items, 0, lang,
                                      subtitles=self._subtitles(items[: policy.PAGE_SIZE]))
        if d.exists:
            open_n = sum(not x.closed for x in items)
            head = (phrase("exists_yes", lang, n=str(len(items))) if open_n
                    else phrase("exists_closed", lang, n=str(len(items))))
            blocks = [Block(head), *blocks]
        refs = tuple(VacancyRef(x.id, x.title, x.status) for x in items[: policy.PAGE_SIZE])
        return (Answer(Intent.LIST, refs, tuple(blocks), tuple(buttons)),
                ctx.with_(last_list=tuple(x.id for x in items), list_query=msg.text[:200],
                          list_page=0, pending=pending,
                          asked=msg.text[:500] if pending or msg.topics else ""))

    def _list_page(self, query_text: str, ctx: ChatContext, lang: str,
                   page: int) -> tuple[Answer, ChatContext]:
        items = [x for x in (self.kb.listing(i) for i in ctx.last_list) if x is not None]
        if not items:
            items = select(self.kb, self.resolver, read_query(query_text), self.orderings)
        if not items:
            return self._fallback(lang, phrase("no_match", lang)), ctx
        page = min(max(0, page), (len(items) - 1) // policy.PAGE_SIZE)
        shown = items[page * policy.PAGE_SIZE : (page + 1) * policy.PAGE_SIZE]
        blocks, buttons = render_page(items, page, lang, subtitles=self._subtitles(shown))
        refs = tuple(VacancyRef(x.id, x.title, x.status) for x in shown)
        return (Answer(Intent.LIST, refs, tuple(blocks), tuple(buttons)),
                ctx.with_(last_list=tuple(x.id for x in items), list_page=page))

    def _across(self, intent: Intent, ids: tuple[str, ...], ctx: ChatContext,
                lang: str) -> tuple[Answer, ChatContext]:
        blocks: list[Block] = []
        refs: list[VacancyRef] = []
        for vid in ids:
            vacancy = self.kb.get(vid)
            if vacancy is not None:
                blocks += answers.short(intent, vacancy, lang)
                refs.append(_ref(vacancy))
        buttons = tuple(Button(f"{n}. {r.title[:40]}", action=intent.value, vacancy=r.id)
                        for n, r in enumerate(refs, start=1))
        return (Answer(intent, tuple(refs), tuple(blocks), buttons),
                ctx.with_(last_list=tuple(r.id for r in refs), pending=(intent.value,)))

    # ---- commands -----------------------------------------------------------------------

    def _command(self, name: str, arg: str, ctx: ChatContext,
                 lang: str) -> tuple[Answer, ChatContext]:
        arg = arg.strip()
        if name == "start":
            vid = self.kb.id_for_key(arg) or (arg if self.kb.listing(arg) else "")
            if vid:
                return self.card(vid, ctx)
            return self._greeting(lang, ctx)
        if name == "help":
            return self._help(lang), ctx
        if name in ("vacancies", "search"):
            if name == "search" and not arg:
                return self._help(lang, phrase("search_what", lang)), ctx
            query = read_query(arg)
            status = query.status if name == "vacancies" or query.status != "open" else "all"
            query = ListQuery(arg, status, query.category, query.topics)
            ids = tuple(x.id for x in select(self.kb, self.resolver, query, self.orderings))
            msg = read(arg or "vacancies")
            return self._list(Decision(Action.LIST, "command", ids), msg, ctx, lang)
        if name in _COMMAND_INTENTS:
            intent = _COMMAND_INTENTS[name]
            if name == "vacancy" and not arg:
                return self._command("vacancies", "", ctx, lang)
            if not arg:
                msg = read(intent.value)
                return self.act(self._decide_unnamed(msg, ctx), msg, ctx, lang)
            msg = read(arg)
            res = self.resolver.resolve(msg.naming, msg.wanted, msg.excluded)
            named = self._named(res) or tuple(m.id for m in res.matches[: policy.MAX_CHOICES])
            if not named:
                return self._fallback(lang, phrase("no_match", lang)), ctx
            if len(named) == 1:
                d = Decision(Action.ANSWER, "command", named, (intent,))
            else:
                d = Decision(Action.CLARIFY, "command", named, (intent,))
            return self.act(d, msg, ctx, lang)
        return self._help(lang, phrase("unknown_command", lang, name=name[:30])), ctx

    # ---- social -------------------------------------------------------------------------

    def _greeting(self, lang: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """Hello, what the bot can do, and the open vacancies to pick from by number."""
        open_ = list(self.orderings.of("open", ""))
        listed, page_buttons = render_page(open_, 0, lang,
                                           subtitles=self._subtitles(open_[: policy.PAGE_SIZE]))
        blocks = [Block(phrase("greeting", lang)), *listed, Block(phrase("example", lang),
                                                                   Style.NOTE)]
        answer = Answer(Intent.GREETING, (), tuple(blocks), tuple(page_buttons))
        return answer, ctx.with_(last_list=tuple(x.id for x in open_[:200]), list_query="",
                                 list_page=0)

    def _help(self, lang: str, first: str = "") -> Answer:
        lines = phrase("help", lang).split("\n")
        blocks = ([Block(first)] if first else []) + [Block(phrase("greeting", lang))] + [
            Block(line, Style.ITEM if line.startswith(("/", "“")) else Style.TEXT)
            for line in lines]
        return Answer(Intent.HELP, (), tuple(blocks))

    def _fallback(self, lang: str, first: str = "") -> Answer:
        blocks = ([Block(first)] if first else []) + [Block(phrase("fallback", lang))]
        return Answer(Intent.FALLBACK, (), tuple(blocks), confidence=0.0)


def _alike(listings: list[Listing]) -> bool:
    """Are these vacancies variants of one (titles that share most of their words)?"""
    first = fold(listings[0].title)
    return all(fuzz.token_set_ratio(first, fold(x.title)) >= policy.ALIKE_SIMILARITY
               for x in listings[1:])


def _among(res: Resolution) -> tuple[str, ...]:
    """Which of a few offered vacancies the words pick: among the choices just shown any
    of the message's words will do, so only coverage and the gap to the next count."""
    fits = [m for m in res.matches if m.coverage >= policy.NAMED_COVERAGE and m.score > 0]
    if not fits:
        return ()
    top = fits[0]
    close = [m for m in fits[1:] if m.score >= policy.CLOSE_RATIO * top.score]
    if not close or top.score >= policy.CLEAR_RATIO * close[0].score:
        return (top.id,)
    return (top.id, *(m.id for m in close))


def _carried(ctx: ChatContext) -> tuple[Intent, ...]:
    return tuple(i for i in (_intent_or(x, Intent.OVERVIEW) for x in ctx.last_intents)
                 if i in CONTENT_INTENTS)


def _pending(ctx: ChatContext) -> tuple[Intent, ...]:
    return tuple(_intent_or(x, Intent.OVERVIEW) for x in ctx.pending)


def _ref(v: Vacancy) -> VacancyRef:
    return VacancyRef(v.id, v.title, v.status)


def _intent_or(name: str, default: Intent) -> Intent:
    try:
        return Intent(name)
    except ValueError:
        return default
