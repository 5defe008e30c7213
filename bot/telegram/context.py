"""What the handlers share, and the one way to reach it.

One `BotServices` lives in the application's `bot_data`; every handler and job receives a
`VacContext` (python-telegram-bot's typed context, as in its `contexttypesbot.py` example) and
reaches the services as `context.services`. Code that holds the application instead (start-up,
shutdown, alerts) uses `services_of(app)`, which is what `context.services` calls.

Extension points:
- `post_reload`: coroutines called with the `knowledge.Change` and the application after
  every successful reload (`/reload`, and the rebuild when the day changes: see
  `bot.telegram.deadlines`). They run as background tasks, so a slow one never delays the
  admin's reply; errors go to the error handler. (Alerts are planned by `/reload` itself,
  because its reply says how many people will be notified.)
- `before_reload`: coroutines awaited before `/reload` rebuilds (fetching the pages'
  repository, so that what was just pushed is read); each returns a problem to tell the
  admin ("" when none). A problem never stops the rebuild.
- `actions`: button actions beyond the router's ("subscribe", "unsubscribe"). A button whose
  action is neither the router's nor registered here is not shown.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.model import Intent
from bot.router import Router
from bot.telegram.config import Config
from bot.telegram.knowledge import Knowledge, Now, Reloaded
from bot.telegram.limits import FloodGuard, Policy
from bot.telegram.state import State
from bot.telegram.subscriptions import FanOut, SubscriptionStore
from knowledge import Change
from knowledge.source import PageSource

SERVICES = "vacbot.services"
ROUTER_ACTIONS = frozenset({*(i.value for i in Intent), "vacancy", "page"})

Bot: TypeAlias = ExtBot[Policy]


class VacContext(CallbackContext[Bot, dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The context of every handler and job: `context.services` reaches the bot's services."""

    @property
    def services(self) -> BotServices:
        return services_of(self.application)

    @property
    def app(self) -> App:
        """The application, typed as the one `bot.telegram.app` builds."""
        return cast(App, self.application)


App: TypeAlias = Application[Bot, VacContext, dict[Any, Any], dict[Any, Any], dict[Any, Any],
                             JobQueue[VacContext]]
PostReloadHook: TypeAlias = Callable[[Change, App], Awaitable[None]]
PreReloadHook: TypeAlias = Callable[[App], Awaitable[str]]
ActionHandler: TypeAlias = Callable[[Update, VacContext, str, str], Awaitable[None]]


@dataclass
class BotServices:
    config: Config
    knowledge: Knowledge
    state: State
    flood: FloodGuard
    subscriptions: SubscriptionStore
    fanout: FanOut = field(default_factory=FanOut)
    post_reload: list[PostReloadHook] = field(default_factory=list)
    before_reload: list[PreReloadHook] = field(default_factory=list)
    actions: dict[str, ActionHandler] = field(default_factory=dict)
    # where the pages come from, followed while the bot runs (`bot.telegram.sync`)
    source: PageSource | None = None
    # the clock jobs are planned by (deadlines, digest); `knowledge.today` is its date
    now: Now = time.time

    @property
    def router(self) -> Router:
        return self.knowledge.router

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.config.admin_ids

    @property
    def shows_actions(self) -> frozenset[str]:
        """The button actions that can be offered: the router's and the registered ones."""
        return ROUTER_ACTIONS | self.actions.keys()

    async def reload(self, app: App) -> Reloaded:
        """Reload the knowledge base (BuildError: nothing changed), then start the
        post-reload hooks in the background."""
        done = await self.knowledge.reload()
        for hook in self.post_reload:
            app.create_task(hook(done.change, app),
                            name=f"post-reload:{getattr(hook, '__name__', '')}")
        return done

    def close(self) -> None:
        self.state.close()
        self.knowledge.close()


def services_of(app: Application[Any, Any, Any, Any, Any, Any]) -> BotServices:
    found = app.bot_data.get(SERVICES)
    if not isinstance(found, BotServices):
        raise RuntimeError("the application was not built by bot.telegram.app")
    return found
