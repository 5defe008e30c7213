"""Step 4: a `Decision` made into an `Answer` and the chat's next state.

`Replier.act` composes the reply for each action — the answer about one vacancy
(`bot.answers`), "which one?", a list, one fact across several vacancies, "nothing matches",
greeting, help, fallback — and returns the new `ChatContext`. It reads the knowledge base
and the decision; it keeps nothing between messages.
"""

from __future__ import annotations

from bot import answers, openings
from bot.answers import layout
from bot.decide import Action, Decision, Desk
from bot.listing import button_label, describe, read_query, select, subtitle
from bot.model import Answer, Block, Button, ChatContext, Intent, Style, VacancyRef
from bot.phrases import label, phrase
from bot.understand import Query
from knowledge.kb import Listing
from knowledge.keywords import terms
from knowledge.model import Vacancy
from knowledge.positions import LABELS


class Replier:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.kb = desk.kb
        self._made: dict[tuple[object, ...], tuple[Query | None, answers.Reply]] = {}

    def act(self, d: Decision, q: Query, ctx: ChatContext,
            full: bool = False) -> tuple[Answer, ChatContext]:
        lang = q.lang
        if d.action is Action.ANSWER:
            vacancy = self.kb.get(d.ids[0])
            if vacancy is None:
                return fallback(lang, phrase("gone", lang)), ctx
            return self.about(vacancy, d.intents or (Intent.OVERVIEW,), ctx, lang, d.query or q,
                              d, full)
        lists = {Action.CLARIFY: self.clarify, Action.LIST: self.listing,
                 Action.NO_MATCH: self.no_match}  # the numbered choices of each kind
        if d.action in lists:
            return lists[d.action](d, q, ctx)
        if d.action is Action.ACROSS:
            return self.across(d.intents[0], d.ids[: self.desk.t.max_across], ctx, lang)
        if d.action is Action.GREETING:
            return self.greeting(lang, ctx)
        if d.action is Action.HELP:
            return help_answer(lang), ctx
        if d.action is Action.THANKS:
            return Answer(Intent.GREETING, (), (Block(phrase("thanks", lang)),)), ctx
        return fallback(lang, phrase("gone", lang) if d.rule == "gone" else ""), ctx

    def about(self, vacancy: Vacancy, intents: tuple[Intent, ...], ctx: ChatContext,
              lang: str, q: Query, d: Decision, full: bool) -> tuple[Answer, ChatContext]:
        """The answer about one vacancy (and its closed twins); it becomes the subject."""
        named_by: tuple[str, ...] = ()
        if q.source == "text":  # the words that named it are not what the question is about
            own = next((m for m in d.resolution.matches if m.id == vacancy.id), None)
            if own is None:
                own = self.desk.resolve(q, within=(vacancy.id,), kinds=False).top
            named_by = (*own.named, *own.text) if own is not None else ()
        page = vacancy.id
        position = self._position(vacancy, q, ctx)
        if position is not None:  # "the robust ML one": that position of the page
            vacancy = openings.view(vacancy, position)
        twins = [v for v in (self.kb.get(t) for t in d.ids[1:]) if v is not None]
        made = self._reply(vacancy, position, intents, lang, q if q.source == "text" else None,
                           twins, d.exists, named_by, full)
        shown = made.intent
        buttons = answers.card_buttons(vacancy, lang, skip=shown)
        if made.more:
            buttons = (Button(label("more", lang) + " ›", action=shown.value, vacancy=vacancy.id,
                              arg="more"), *buttons)
        recent = tuple(dict.fromkeys((page, *ctx.recent)))[: self.desk.t.history]
        return (Answer(shown, (_ref(vacancy),), tuple(made.blocks), buttons),
                ctx.with_(subject=page, position=-1 if position is None else position,
                          last_intents=tuple(i.value for i in intents), pending=(), asked="",
                          recent=recent))

    def _reply(self, vacancy: Vacancy, position: int | None, intents: tuple[Intent, ...],
               lang: str, q: Query | None, twins: list[Vacancy], exists: bool,
               named_by: tuple[str, ...], full: bool) -> answers.Reply:
        """`answers.reply`, composed once for the same question about the same page (it is
        pure; a burst of users after an alert asks the same things of one vacancy). A query
        is the same object for the same text (`understand.read` is cached): it is kept
        with the reply, so an id reused by another object never matches."""
        key = (vacancy.id, position, intents, lang, id(q), tuple(t.id for t in twins), exists,
               named_by, full)
        hit = self._made.get(key)
        if hit is not None and hit[0] is q:
            return hit[1]
        made = answers.reply(vacancy, intents, lang, q, twins, exists, named_by, full=full)
        if len(self._made) >= self.desk.t.replies_cached:
            self._made.clear()
        self._made[key] = (q, made)
        return made

    def clarify(self, d: Decision, q: Query, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        lang = q.lang
        found = self.desk.listings(d.ids)
        if not found:
            return fallback(lang, phrase("no_match", lang)), ctx
        shown = found[: self.desk.t.max_choices]
        intent = d.intents[0] if d.intents else Intent.OVERVIEW
        blocks, buttons, refs = self._page(shown, 0, lang, intent.value)
        blocks = [Block(phrase("which", lang)), *blocks]
        if len(found) > len(shown):
            blocks.append(Block(phrase("more_choices", lang, n=str(len(found) - len(shown))),
                                Style.NOTE))
        return (Answer(Intent.CLARIFY, refs, tuple(blocks), tuple(buttons)),
                ctx.with_(last_list=tuple(x.id for x in shown),
                          pending=tuple(i.value for i in d.intents), asked=q.text[:500]))

    def listing(self, d: Decision, q: Query, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        lang = q.lang
        items = self.desk.listings(d.ids[:200])
        if not items:
            return self.no_match(d, q, ctx)
        blocks, buttons, refs = self._page(items, 0, lang)
        head = self._list_head(d, q, items)
        if head:
            blocks = [Block(head), *blocks]
        pending = tuple(i.value for i in d.intents)
        return (Answer(Intent.LIST, refs, tuple(blocks), tuple(buttons)),
                ctx.with_(last_list=tuple(x.id for x in items), list_query=q.text[:200],
                          list_page=0, pending=pending,
                          asked=q.text[:500] if pending or q.topics else ""))

    def _list_head(self, d: Decision, q: Query, items: list[Listing]) -> str:
        """"Yes — 3 matching:", or, when every match is closed, that none is open."""
        lang = q.lang
        open_n = sum(not x.closed for x in items)
        if not open_n and q.status_filter != "closed":
            kinds = LABELS.get(lang, LABELS["en"])
            what = " / ".join(kinds.get(k, k) for k in sorted(q.wanted)) or " ".join(
                d.resolution.words()[:3])
            return phrase("none_open_closed", lang, what=what, n=str(len(items))).replace(
                "  ", " ")
        if d.exists:
            return phrase("exists_yes", lang, n=str(len(items)))
        if q.quantity:  # "how many PhD positions are open?"
            return phrase("count", lang, n=str(len(items)))
        return ""

    def no_match(self, d: Decision, q: Query, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """Nothing matches what the message names: which words were not found, and the
        closest vacancies of the kind asked, or the list command."""
        lang = q.lang
        query = read_query(" ".join(q.naming))
        words = d.missing or d.resolution.words() or query.topics or tuple(sorted(q.wanted))
        said = ", ".join(f"“{w}”" for w in words[:4]) or phrase("that", lang)
        blocks = [Block(phrase("not_found_no" if q.exists else "not_found", lang, words=said))]
        closest = self.desk.listings(d.ids)
        shown, buttons, refs = self._page(closest, 0, lang, (
            d.intents[0].value if d.intents else "vacancy"))
        blocks += [Block(phrase("closest", lang)), *shown] if closest else [
            Block(phrase("see_all", lang), Style.NOTE)]
        words_ = " ".join(([query.category] if query.category else []) + list(query.topics))
        buttons.append(Button(label("subscribe", lang), action="subscribe", arg=words_[:40]))
        return (Answer(Intent.LIST if q.wants_list or q.exists else Intent.CLARIFY, refs,
                       tuple(blocks), tuple(buttons)),
                ctx.with_(last_list=tuple(x.id for x in closest),
                          pending=tuple(i.value for i in d.intents),
                          asked=q.text[:500] if closest else ""))

    def page(self, query_text: str, ctx: ChatContext, page: int) -> tuple[Answer, ChatContext]:
        """Page `page` of the last list."""
        lang = ctx.lang
        items = self.desk.listings(ctx.last_list)
        if not items:
            items = select(self.kb, self.desk.resolver, read_query(query_text),
                           self.desk.orderings)
        if not items:
            return fallback(lang, phrase("no_match", lang)), ctx
        page = min(max(0, page), (len(items) - 1) // layout.PAGE_SIZE)
        blocks, buttons, refs = self._page(items, page, lang)
        return (Answer(Intent.LIST, refs, tuple(blocks), tuple(buttons)),
                ctx.with_(last_list=tuple(x.id for x in items), list_page=page))

    def across(self, intent: Intent, ids: tuple[str, ...], ctx: ChatContext,
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

    def greeting(self, lang: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """Hello, what the bot can do, and the open vacancies to pick from by number."""
        open_ = list(self.desk.orderings.of("open", ""))
        listed, page_buttons, _ = self._page(open_, 0, lang)
        blocks = [Block(phrase("greeting", lang)), *listed, Block(phrase("example", lang),
                                                                   Style.NOTE)]
        answer = Answer(Intent.GREETING, (), tuple(blocks), tuple(page_buttons))
        return answer, ctx.with_(last_list=tuple(x.id for x in open_[:200]), list_query="",
                                 list_page=0)

    def _position(self, vacancy: Vacancy, q: Query, ctx: ChatContext) -> int | None:
        """Which position of a page with several the message (or the conversation) means."""
        if len(vacancy.positions) < 2:
            return None
        found = openings.pick(vacancy, " ".join((*q.describing, *q.naming)), q.wanted,
                              q.excluded, q.avoid, self.desk.resolver.idf, self.desk.t)
        if found is not None:
            return found
        if ctx.subject == vacancy.id and 0 <= ctx.position < len(vacancy.positions):
            return ctx.position
        return None

    def _page(self, items: list[Listing], page: int, lang: str, action: str = "vacancy",
              ) -> tuple[list[Block], list[Button], tuple[VacancyRef, ...]]:
        """Page `page` of a numbered list, with a button per vacancy and "More" when there
        is, what its plainly titled vacancies offer said, and the vacancies shown."""
        start = page * layout.PAGE_SIZE
        shown = items[start : start + layout.PAGE_SIZE]
        subtitles = self._subtitles(shown)
        blocks: list[Block] = []
        buttons: list[Button] = []
        for n, x in enumerate(shown, start=start + 1):
            blocks.append(Block(f"{n}. {describe(x, lang, subtitles.get(x.id, ''))}", Style.ITEM))
            buttons.append(Button(button_label(n, x, shown, lang), action=action, vacancy=x.id))
        if start + layout.PAGE_SIZE < len(items):
            blocks.append(Block(phrase("showing", lang, first=str(start + 1),
                                       last=str(start + len(shown)), total=str(len(items))),
                                Style.NOTE))
            buttons.append(Button(label("more", lang) + " ›", action="page", arg=str(page + 1)))
        return blocks, buttons, tuple(VacancyRef(x.id, x.title, x.status) for x in shown)

    def _subtitles(self, items: list[Listing]) -> dict[str, str]:
        """What a listed vacancy offers, for those whose title alone does not tell it apart:
        a title of common words ("Open positions") or of two words at most ("Join us",
        "Jobs"), or one another listed vacancy's title repeats or goes on from ("Research
        associate (m/f/d)" beside "Research associate (m/f/d) for AI")."""
        titles = [x.title.casefold() for x in items]
        return {x.id: subtitle(self.kb, x) for x, t in zip(items, titles, strict=True)
                if x.id in self.desk.generic or len(terms(t)) <= 2
                or sum(o.startswith(t) for o in titles) > 1}


def help_answer(lang: str, first: str = "") -> Answer:
    lines = phrase("help", lang).split("\n")
    blocks = ([Block(first)] if first else []) + [Block(phrase("greeting", lang))] + [
        Block(line, Style.ITEM if line.startswith(("/", "“")) else Style.TEXT)
        for line in lines]
    return Answer(Intent.HELP, (), tuple(blocks))


def fallback(lang: str, first: str = "") -> Answer:
    blocks = ([Block(first)] if first else []) + [Block(phrase("fallback", lang))]
    return Answer(Intent.FALLBACK, (), tuple(blocks))


def _ref(v: Vacancy) -> VacancyRef:
    return VacancyRef(v.id, v.title, v.status)
