"""The router: a message (or a command, or a button) and the chat's context in, an answer and
the new context out — the four steps in order:

1. **understand** (`bot.understand.read`): the message read once into a `Query`;
2. **resolve** (`bot.resolve`): which vacancies its words name;
3. **decide** (`bot.decide`): one `Decision` from a table of named rules;
4. **answer** (`bot.reply`): the reply and the chat's next state.

Commands and buttons become queries too (a button or deep link names its vacancy in
`Query.target`), so every path goes through the same rules. The router holds the knowledge
base's read-only indexes and the tuning; each chat's state is in its `ChatContext` only.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot import decide as rules
from bot.decide import Action, Decision, Desk
from bot.intents import parse_command
from bot.listing import Orderings, read_query, select
from bot.model import Answer, ChatContext, Intent
from bot.phrases import phrase
from bot.policy import DEFAULT, Tuning
from bot.reply import Replier, fallback, help_answer
from bot.resolve import Resolver
from bot.understand import Query, clean, read
from knowledge.kb import KnowledgeBase
from knowledge.textnorm import language_of

log = logging.getLogger(__name__)
_COMMAND_INTENTS = {"requirements": Intent.REQUIREMENTS, "salary": Intent.SALARY,
                    "contact": Intent.CONTACT, "apply": Intent.APPLY, "vacancy": Intent.OVERVIEW}


class Router:
    def __init__(self, kb: KnowledgeBase, tuning: Tuning = DEFAULT) -> None:
        self.kb = kb
        self.tuning = tuning
        self.resolver = Resolver(kb, tuning)
        self.desk = Desk(kb, self.resolver, Orderings(kb), tuning)
        self.replier = Replier(self.desk)

    # ---- entry points -------------------------------------------------------------------

    def respond(self, text: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """A message typed by the user (a command included)."""
        command = parse_command(clean(text, self.tuning.max_input))
        if command is not None:
            return self._command(command[0], command[1].strip(), ctx)
        q = read(text, ctx.lang, self.tuning)
        if not q.words:
            return help_answer(q.lang), ctx
        return self.answer(q, ctx.with_(lang=q.lang))

    def answer(self, q: Query, ctx: ChatContext, full: bool = False
               ) -> tuple[Answer, ChatContext]:
        """Decide what to do with a query, and do it."""
        d = self.decide(q, ctx)
        return self.replier.act(d, q, ctx, full)

    def decide(self, q: Query, ctx: ChatContext) -> Decision:
        d = self._command_list(q) or rules.decide(self.desk, q, ctx)
        if d.rule in ("no-match", "out-of-scope") and q.source == "command" and q.intents:
            d = self._command_choices(q, d)
        log.debug("rule %s -> %s %s", d.rule, d.action.value, d.ids[:3])
        return d

    def press(self, action: str, vacancy_id: str, arg: str,
              ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """A button: an intent about a vacancy, open a vacancy, or a list page."""
        if action == "page":
            page = int(arg) if arg.isdigit() and len(arg) < 6 else 0
            return self.replier.page(ctx.list_query, ctx, page)
        # a query with no words: what a button or a deep link asks
        q = replace(read("", ctx.lang), lang=ctx.lang, source="button", target=vacancy_id)
        if action != "vacancy":
            q = q.asking(rules._intent_or(action))
        return self.answer(q, ctx, full=arg == "more")

    def card(self, vacancy_id: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        """A vacancy's card (deep link, inline result, alert); it becomes the subject."""
        return self.press("vacancy", vacancy_id, "", ctx.with_(pending=(), asked=""))

    # ---- commands -----------------------------------------------------------------------

    def _command(self, name: str, arg: str, ctx: ChatContext) -> tuple[Answer, ChatContext]:
        lang = language_of(arg, ctx.lang)
        ctx = ctx.with_(lang=lang)
        if name == "start":
            vid = self.kb.id_for_key(arg) or (arg if self.kb.listing(arg) else "")
            if vid:
                return self.card(vid, ctx)
            return self.replier.greeting(lang, ctx)
        if name == "help":
            return help_answer(lang), ctx
        if name == "search" and not arg:
            return help_answer(lang, phrase("search_what", lang)), ctx
        if name in ("vacancies", "search") or (name == "vacancy" and not arg):
            q = replace(read(arg, lang, self.tuning), source="command", command=name,
                        wants_list=True, intents=(), social="")
            return self.answer(q, ctx)
        if name in _COMMAND_INTENTS:
            q = replace(read(arg, lang, self.tuning), source="command", command=name)
            return self.answer(q.asking(_COMMAND_INTENTS[name]), ctx)
        return help_answer(lang, phrase("unknown_command", lang, name=name[:30])), ctx

    def _command_list(self, q: Query) -> Decision | None:
        """/vacancies [filter], /search <words>: the list the words select."""
        if not (q.wants_list and q.command in ("vacancies", "search", "vacancy")):
            return None
        query = read_query(q.text)
        status = query.status if q.command != "search" or query.status != "open" else "all"
        found = select(self.kb, self.resolver, replace(query, status=status), self.desk.orderings)
        return Decision(Action.LIST, "command-list", tuple(x.id for x in found))

    def _command_choices(self, q: Query, d: Decision) -> Decision:
        """/salary <words> that name nothing clearly: the best matches to choose from."""
        ids = tuple(m.id for m in d.resolution.matches[: self.tuning.max_choices]) or d.ids
        if not ids:
            return Decision(Action.FALLBACK, "command-no-match")
        action = Action.ANSWER if len(ids) == 1 else Action.CLARIFY
        return Decision(action, "command-choices", ids, q.intents, resolution=d.resolution)


__all__ = ["Router", "fallback"]
