"""What the handlers share: configuration, the (reloadable) knowledge, statistics, the flood
guard, and the extension points for later features.

One `BotServices` lives in `application.bot_data[SERVICES]`; handlers reach it through
`services(context)`.

Vacancy alerts keep their subscriptions in `subscriptions` and their sending settings in
`fanout` (see `bot.telegram.alerts`).

Extension points:
- `post_reload`: coroutines called with the `knowledge.Change` and the application after
  every successful `/reload`. They run as background tasks, so a slow one never delays the
  admin's reply; errors go to the error handler. (Alerts are planned by `/reload` itself,
  because its reply says how many people will be notified.)
- `actions`: button actions beyond the router's ("subscribe", "unsubscribe"). A button whose
  action is neither the router's nor registered here is not shown.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.model import Intent
from bot.router import Router
from bot.telegram.config import Config
from bot.telegram.flood import FloodGuard
from bot.telegram.knowledge import Knowledge
from bot.telegram.stats import Stats
from bot.telegram.subscriptions import FanOut, SubscriptionStore
from knowledge import Change

log = logging.getLogger(__name__)

Context: TypeAlias = ContextTypes.DEFAULT_TYPE
App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]
PostReloadHook: TypeAlias = Callable[[Change, App], Awaitable[None]]
ActionHandler: TypeAlias = Callable[[Update, Context, str, str], Awaitable[None]]

SERVICES = "vacbot.services"
ROUTER_ACTIONS = frozenset({*(i.value for i in Intent), "vacancy", "page"})


@dataclass
class BotServices:
    config: Config
    knowledge: Knowledge
    stats: Stats
    flood: FloodGuard
    subscriptions: SubscriptionStore
    fanout: FanOut = field(default_factory=FanOut)
    post_reload: list[PostReloadHook] = field(default_factory=list)
    actions: dict[str, ActionHandler] = field(default_factory=dict)

    @property
    def router(self) -> Router:
        return self.knowledge.router

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.config.admin_ids

    @property
    def shows_actions(self) -> frozenset[str]:
        """The button actions that can be offered: the router's and the registered ones."""
        return ROUTER_ACTIONS | self.actions.keys()

    async def reload(self, app: App) -> Change:
        """Reload the knowledge base (BuildError: nothing changed), then start the
        post-reload hooks in the background."""
        change = await self.knowledge.reload()
        for hook in self.post_reload:
            app.create_task(hook(change, app), name=f"post-reload:{getattr(hook, '__name__', '')}")
        return change

    def close(self) -> None:
        self.subscriptions.close()
        self.stats.close()
        self.knowledge.close()


def services(context: Context) -> BotServices:
    found = context.bot_data.get(SERVICES)
    if not isinstance(found, BotServices):
        raise RuntimeError("the application was not built by bot.telegram.app")
    return found
