"""The router: message + chat context in, structured answer + new context out.

Decides what is asked (intent), about which vacancy (named in the message, pointed at by
number in the last list, or the one the chat was talking about), and whether to answer,
ask which vacancy is meant (clarify), or say what the bot can do (fallback).
"""

from __future__ import annotations

import re
import unicodedata

from bot import answers
from bot.intents import classify, is_thanks, parse_command
from bot.listing import PAGE_SIZE, ListQuery, Orderings, read_query, render_page, select
from bot.model import Answer, Block, Button, ChatContext, Intent, Style, VacancyRef
from bot.phrases import label, language_of, phrase
from bot.resolve import QUESTION_WORDS, STRONG, Resolution, Resolver, list_reference
from knowledge.kb import KnowledgeBase
from knowledge.keywords import GENERIC
from knowledge.model import Vacancy
from knowledge.textnorm import STOPWORDS, fold, tokens

INTENT_THRESHOLD = 0.5  # below: no intent recognised
NAMED_THRESHOLD = 1.5  # below: no vacancy named
SECOND_INTENT = 0.6  # a second intent this strong is answered too
WEAK_INTENT = 0.7  # below: the cue alone does not make a message about vacancies
MAX_INPUT = 2000  # characters of a message that are read
MAX_ACROSS = 8  # vacancies answered at once ("salary for all PhDs")

VACANCY_INTENTS = frozenset({Intent.REQUIREMENTS, Intent.SALARY, Intent.CONTACT, Intent.APPLY,
                             Intent.OVERVIEW, Intent.DATES, Intent.DURATION, Intent.LOCATION,
                             Intent.STATUS})
ACROSS_INTENTS = frozenset({Intent.SALARY, Intent.CONTACT, Intent.APPLY})
ANSWER_OVER_LIST = frozenset({Intent.SALARY, Intent.CONTACT, Intent.APPLY, Intent.REQUIREMENTS,
                              Intent.DATES, Intent.DURATION, Intent.LOCATION})
_ACROSS = re.compile(r"\b(all|every|each|alle|allemaal|elke|jede[nrs]?|sämtliche)\b")
_COMMAND_INTENTS = {"requirements": Intent.REQUIREMENTS, "salary": Intent.SALARY,
                    "contact": Intent.CONTACT, "apply": Intent.APPLY, "vacancy": Intent.OVERVIEW}

HELP_LINES = (
    "Ask me in your own words, in English, Dutch or German, for example:",
    "“What are the requirements for the PANCAIM PhD?”",
    "“How much does the Bonn position pay?”",
    "“Who is the contact person?” — I remember which vacancy we are talking about.",
    "/vacancies — the open vacancies",
    "/vacancy <name> — one vacancy",
    "/requirements, /salary, /contact, /apply [name] — straight to the point",
    "/search <words> — find vacancies by topic, person or place",
    "/subscribe <words> — be told when a matching vacancy appears",
)


def clean(text: str) -> str:
    """Drop control characters, cap the length; what is left is only ever read, not run."""
    text = text[:MAX_INPUT]
    return "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " "
                   for ch in text).strip()


class Router:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.resolver = Resolver(kb)
        self.orderings = Orderings(kb)
        self.open_ids = tuple(x.id for x in self.orderings.of("open", ""))

    # ---- entry points -------------------------------------------------------------------

    def respond(self, text: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        text = clean(text)
        lang = language_of(text)
        if not text:
            return self._help(lang), ctx
        command = parse_command(text)
        if command is not None:
            return self._command(command[0], command[1], ctx, lang)
        return self._free_text(text, ctx, lang)

    def press(self, action: str, vacancy_id: str, arg: str,
              ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """A button: an intent about a vacancy, open a vacancy, or a list page."""
        lang = ctx.extra.get("lang", "en")
        if action == "page":
            page = int(arg) if arg.isdigit() else 0
            return self._list(read_query(ctx.list_query), ctx, lang, page)
        vacancy = self.kb.get(vacancy_id)
        if vacancy is None:
            return self._fallback(lang, "That vacancy is no longer listed."), ctx
        intent = Intent.OVERVIEW if action == "vacancy" else _intent_or(action, Intent.OVERVIEW)
        return self._about(vacancy, [intent], ctx, lang)

    def card(self, vacancy_id: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        return self.press("vacancy", vacancy_id, "", ctx)

    # ---- commands ------------------------------------------------------------------------

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
        if name == "vacancies":
            return self._list(ListQuery(arg, "open", "", ()), ctx, lang, 0)
        if name == "search":
            if not arg:
                return self._help(lang, "Tell me what to search for, e.g. /search pathology"), ctx
            query = read_query(arg)
            if not query.topics and not query.category:
                query = ListQuery(arg, query.status, "", (fold(arg)[:40],))
            return self._list(ListQuery(arg, "all" if query.status == "open" else query.status,
                                        query.category, query.topics), ctx, lang, 0)
        if name in _COMMAND_INTENTS:
            intent = _COMMAND_INTENTS[name]
            if name == "vacancy" and not arg:
                return self._list(ListQuery("", "open", "", ()), ctx, lang, 0)
            return self._answer_intents([intent], arg, self.resolver.resolve(arg) if arg
                                        else Resolution((), ()), ctx, lang)
        return self._help(lang, f"I don't know the command /{name[:30]}."), ctx

    # ---- free text -----------------------------------------------------------------------

    def _free_text(self, text: str, ctx: ChatContext, lang: str) -> tuple[Answer, ChatContext]:
        scores = classify(text)
        ranked: list[tuple[Intent, float]] = sorted(
            ((i, s) for i, s in scores.items() if i in VACANCY_INTENTS
                         or i is Intent.LIST), key=lambda x: -x[1])
        top_intent, top = ranked[0] if ranked else (None, 0.0)
        if top_intent is Intent.LIST:
            # "the salary for all open positions": the content asked for wins over the list
            content = [(i, s) for i, s in ranked if i in ANSWER_OVER_LIST and s >= 0.8]
            if content:
                top_intent, top = content[0]
                ranked = [x for x in ranked if x[0] is not Intent.LIST]
        by_number = list_reference(text, ctx.last_list)
        resolution = self.resolver.resolve(text)
        named = resolution.top_score >= NAMED_THRESHOLD
        if by_number and not named:
            resolution = Resolution(((by_number, 99.0),), ())
            named = True
        elif named and top < INTENT_THRESHOLD and _coverage(text, resolution) < 0.6:
            # nothing asked, and most words name no vacancy: "who won the world cup?"
            named = False
        if (not named and top < WEAK_INTENT and not ctx.vacancy and _focus(text)
                and top_intent is not Intent.LIST):
            top = 0.0  # a faint cue among words that are not about vacancies: "nearest shop"
        if top < INTENT_THRESHOLD and not named:
            if is_thanks(text):
                return Answer(Intent.GREETING, (), (Block(phrase("thanks", lang)),)), ctx
            if scores.get(Intent.GREETING, 0.0) >= INTENT_THRESHOLD:
                return self._greeting(lang, ctx)
            if scores.get(Intent.HELP, 0.0) >= INTENT_THRESHOLD:
                return self._help(lang), ctx
            pending = ctx.extra.get("pending")
            if pending and ctx.last_list and by_number:
                return self._answer_intents([Intent(pending)], text, resolution, ctx, lang)
            return self._fallback(lang), ctx
        single = named and resolution.clear_winner() is not None
        if top_intent is Intent.LIST or (top < INTENT_THRESHOLD and not single
                                         and _looks_like_list(text)):
            return self._list(read_query(text), ctx, lang, 0)
        intents: list[Intent]
        if top < INTENT_THRESHOLD:
            intents = [self._carried_intent(text, ctx)]
        else:
            intents = []
            for intent, score in ranked:
                if intent is not Intent.LIST and (intent is top_intent or score >= SECOND_INTENT):
                    intents.append(intent)
            intents = intents[:2] or [Intent.OVERVIEW]
        return self._answer_intents(intents, text, resolution, ctx, lang)

    @staticmethod
    def _carried_intent(text: str, ctx: ChatContext) -> Intent:
        """A message that names a vacancy but asks nothing: the question still pending
        (after "which one?"), the last question for "and what about Bonn?", else overview."""
        pending = ctx.extra.get("pending")
        if pending:
            return _intent_or(pending, Intent.OVERVIEW)
        last = _intent_or(ctx.last_intent, Intent.OVERVIEW)
        if last in VACANCY_INTENTS and _FOLLOW_UP.search(fold(text)):
            return last
        return Intent.OVERVIEW

    def _answer_intents(self, intents: list[Intent], text: str, resolution: Resolution,
                        ctx: ChatContext, lang: str) -> tuple[Answer, ChatContext]:
        winner = resolution.clear_winner() if resolution.top_score >= NAMED_THRESHOLD else None
        weak = winner is not None and resolution.top_score < STRONG
        if winner and weak and ctx.vacancy and ctx.vacancy in dict(resolution.ranked):
            winner = ctx.vacancy  # a faint echo of the current vacancy: stay with it
        if winner:
            vacancy = self.kb.get(winner)
            if vacancy is not None:
                return self._about(vacancy, intents, ctx, lang, _focus(text))
        candidates = resolution.tied() if resolution.top_score >= NAMED_THRESHOLD else ()
        if not candidates and ctx.vacancy and self.kb.listing(ctx.vacancy):
            vacancy = self.kb.get(ctx.vacancy)
            if vacancy is not None:
                return self._about(vacancy, intents, ctx, lang)
        wants_all = bool(_ACROSS.search(fold(text)))
        if not candidates:
            open_ids = self.open_ids
            if len(open_ids) == 1:
                vacancy = self.kb.get(open_ids[0])
                if vacancy is not None:
                    return self._about(vacancy, intents, ctx, lang)
            candidates = open_ids
        if wants_all and intents[0] in ACROSS_INTENTS and candidates:
            return self._across(intents[0], candidates[:MAX_ACROSS], ctx, lang)
        return self._clarify(intents[0], candidates, ctx, lang)

    # ---- answers -------------------------------------------------------------------------

    def _about(self, vacancy: Vacancy, intents: list[Intent], ctx: ChatContext,
               lang: str, focus: tuple[str, ...] = ()) -> tuple[Answer, ChatContext]:
        blocks = answers.header(vacancy, lang)
        for intent in intents:
            blocks += answers.compose(intent, vacancy, lang, focus)
        answer = Answer(intents[0], (_ref(vacancy),), tuple(blocks),
                        answers.card_buttons(vacancy, lang, skip=intents[0]))
        extra = {k: v for k, v in ctx.extra.items() if k != "pending"} | {"lang": lang}
        return answer, ctx.with_(vacancy=vacancy.id, last_intent=intents[0].value, extra=extra)

    def _across(self, intent: Intent, ids: tuple[str, ...], ctx: ChatContext,
                lang: str) -> tuple[Answer, ChatContext]:
        blocks: list[Block] = []
        refs: list[VacancyRef] = []
        for vid in ids:
            vacancy = self.kb.get(vid)
            if vacancy is not None:
                blocks += answers.short(intent, vacancy, lang)
                refs.append(_ref(vacancy))
        buttons = tuple(Button(r.title[:40], action=intent.value, vacancy=r.id) for r in refs)
        return (Answer(intent, tuple(refs), tuple(blocks), buttons),
                ctx.with_(last_list=tuple(r.id for r in refs), last_intent=intent.value))

    def _clarify(self, intent: Intent, ids: tuple[str, ...], ctx: ChatContext,
                 lang: str) -> tuple[Answer, ChatContext]:
        listings = [x for x in (self.kb.listing(i) for i in ids[:PAGE_SIZE]) if x is not None]
        if not listings:
            return self._fallback(lang, phrase("no_match", lang)), ctx
        blocks = [Block(phrase("which", lang))] + [
            Block(f"{n}. {x.title}" + (" (closed)" if x.closed else ""))
            for n, x in enumerate(listings, start=1)]
        buttons = tuple(Button(f"{n}. {x.title[:40]}", action=intent.value, vacancy=x.id)
                        for n, x in enumerate(listings, start=1))
        refs = tuple(VacancyRef(x.id, x.title, x.status) for x in listings)
        extra = ctx.extra | {"pending": intent.value, "lang": lang}
        return (Answer(Intent.CLARIFY, refs, tuple(blocks), buttons, confidence=0.5),
                ctx.with_(last_list=tuple(x.id for x in listings), extra=extra))

    def _list(self, query: ListQuery, ctx: ChatContext, lang: str,
              page: int) -> tuple[Answer, ChatContext]:
        items = select(self.kb, self.resolver, query, self.orderings)
        if not items:
            what = " ".join(query.topics) or query.category or "that"
            blocks = [Block(f"No {'' if query.status == 'all' else query.status + ' '}"
                            f"vacancy matches {what}.")]
            words = ([query.category] if query.category else []) + list(query.topics)
            buttons = (Button(label("subscribe", lang), action="subscribe",
                              arg=" ".join(words)[:40]),)
            return Answer(Intent.LIST, (), tuple(blocks), buttons), ctx
        page = min(max(0, page), (len(items) - 1) // PAGE_SIZE)
        blocks, page_buttons = render_page(items, page)
        shown = items[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        refs = tuple(VacancyRef(x.id, x.title, x.status) for x in shown)
        return (Answer(Intent.LIST, refs, tuple(blocks), tuple(page_buttons)),
                ctx.with_(last_list=tuple(x.id for x in items[:200]), list_query=query.text,
                          list_page=page, extra=ctx.extra | {"lang": lang}))

    def _greeting(self, lang: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """Hello, what the bot can do, and the open vacancies to pick from by number."""
        open_ = list(self.orderings.of("open", ""))
        listed, page_buttons = render_page(open_, 0)
        blocks = [Block(phrase("greeting", lang)), *listed, Block(HELP_LINES[1], Style.NOTE)]
        answer = Answer(Intent.GREETING, (), tuple(blocks), tuple(page_buttons))
        return answer, ctx.with_(last_list=tuple(x.id for x in open_[:200]), list_query="",
                                 list_page=0)

    def _help(self, lang: str, first: str = "") -> Answer:
        blocks = ([Block(first)] if first else []) + [Block(phrase("greeting", lang))] + [
            Block(line, Style.ITEM if line.startswith(("/", "“")) else Style.TEXT)
            for line in HELP_LINES]
        return Answer(Intent.HELP, (), tuple(blocks))

    def _fallback(self, lang: str, first: str = "") -> Answer:
        blocks = ([Block(first)] if first else []) + [Block(phrase("fallback", lang))]
        return Answer(Intent.FALLBACK, (), tuple(blocks), confidence=0.0)


def _focus(text: str) -> tuple[str, ...]:
    """The message's content words: what an overview should look for in the page."""
    return tuple(w for w in dict.fromkeys(tokens(text)) if len(w) > 2 and w not in STOPWORDS
                 and w not in GENERIC and w not in QUESTION_WORDS)[:8]


def _coverage(text: str, resolution: Resolution) -> float:
    """The share of the message's content words that named a vacancy."""
    content = _focus(text)
    if not content:
        return 1.0
    matched = set(resolution.matched)
    return sum(w in matched for w in content) / len(content)


def _ref(v: Vacancy) -> VacancyRef:
    return VacancyRef(v.id, v.title, v.status)


def _intent_or(name: str, default: Intent) -> Intent:
    try:
        return Intent(name)
    except ValueError:
        return default


_FOLLOW_UP = re.compile(r"^\W*(and|what about|how about|same for|and for|also for|en|en voor|"
                        r"hoe zit het met|wat dacht je van|und|und bei|und fur|wie ist es mit|"
                        r"was ist mit)\b")
_LISTY = re.compile(r"\b(vacanc|positions|openings|jobs|vacature|stellen|projects)\w*", re.I)


def _looks_like_list(text: str) -> bool:
    return bool(_LISTY.search(text))
