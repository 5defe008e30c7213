"""What admins get: `/reload` and `/stats`, only for the user ids in VACBOT_ADMIN_IDS.

Admins' updates skip the queue of other users' ones (`bot.telegram.updates`) and their
replies the queue for a connection (`bot.telegram.limits`), so a backlog of questions never
holds up a `/reload`. Statistics are the state database's `questions` table, written as each
question is answered.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from telegram import Update

from bot.telegram import alerts, replies
from bot.telegram.context import BotServices, VacContext
from bot.telegram.state import Summary
from knowledge import BuildError, Change, Problem

log = logging.getLogger(__name__)

REFUSAL = "Sorry, /{command} is only for the administrators of this bot."
MAX_DAYS = 90


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _titles(label: str, titles: tuple[str, ...]) -> list[str]:
    return [f"<b>{label}</b> ({len(titles)}):", *(f"• {_e(t)}" for t in titles)] if titles else []


def describe_change(change: Change, count: int, notified: int | None = None) -> str:
    lines = [f"<b>Reloaded.</b> {count} vacancies now."]
    if change.empty:
        lines.append("Nothing changed.")
    lines += _titles("Added", change.added)
    lines += _titles("Removed", change.removed)
    lines += _titles("Changed", change.changed)
    if notified is not None:
        lines.append(f"<b>Alerts</b>: {notified} {'person' if notified == 1 else 'people'} "
                     "will be notified." if notified else
                     "<b>Alerts</b>: nobody to notify.")
    return "\n".join(lines)


def _where(problem: Problem, seeds: Path) -> str:
    path = Path(problem.path)
    try:
        name = str(path.resolve().relative_to(seeds.resolve()))
    except ValueError:
        name = path.name or problem.path
    return f"{name}:{problem.line}" if problem.line else name


def describe_problems(problems: list[Problem], seeds: Path) -> str:
    head = (f"<b>Nothing changed</b>: {len(problems)} "
            f"{'page has a problem' if len(problems) == 1 else 'problems found'}, "
            "the bot keeps answering from the previous version.")
    return "\n".join([head, *(f"• {_e(_where(p, seeds))}: {_e(p.reason)}" for p in problems)])


def describe_stats(summary: Summary) -> str:
    total = summary.total
    if not total:
        return f"No questions in the last {summary.days} days."
    share = 100.0 * summary.answered / total
    lines = [
        f"<b>Last {summary.days} days</b>: {total} questions from {summary.users} users.",
        f"Answered: {summary.answered} ({share:.0f}%) · fallback: {summary.unanswered} "
        f"({100 - share:.0f}%)",
        "",
        "<b>Per intent</b>",
        *(f"• {_e(intent)}: {n}" for intent, n in summary.per_intent.most_common()),
        "",
        "<b>Per day</b>",
        *(f"• {day.isoformat()}: {sum(c.values())} "
          f"({', '.join(f'{_e(i)} {n}' for i, n in c.most_common(3))})"
          for day, c in sorted(summary.per_day.items(), reverse=True)),
    ]
    if summary.latest_unanswered:
        lines += ["", "<b>Latest unanswered</b>"]
        lines += [f"• {u.when:%m-%d %H:%M} (user {u.user}): {_e(u.text)}"
                  for u in summary.latest_unanswered]
    return "\n".join(lines)


async def _reply_html(update: Update, context: VacContext, text: str) -> None:
    chat = update.effective_chat
    if chat is not None:
        await replies.send_html(context.bot, chat.id, text)


async def _admitted(update: Update, context: VacContext, svc: BotServices,
                    command: str) -> bool:
    """True for admins; anyone else gets a polite refusal."""
    user = update.effective_user
    if svc.is_admin(user.id if user else None):
        return True
    log.info("refused /%s for a non-admin", command)
    await _reply_html(update, context, _e(REFUSAL.format(command=command)))
    return False


async def on_reload(update: Update, context: VacContext) -> None:
    """Re-read the seeds folder, validate it, swap the knowledge base, say what changed."""
    svc = context.services
    chat = update.effective_chat
    if chat is None or not await _admitted(update, context, svc, "reload"):
        return
    async with replies.typing(context.bot, chat.id, 0):
        try:
            change = await svc.reload(context.app)
        except BuildError as exc:
            await _reply_html(update, context, describe_problems(exc.problems,
                                                                 svc.knowledge.seeds))
            return
        except Exception as exc:  # e.g. the folder vanished: say so, keep serving
            log.exception("reload failed")
            await _reply_html(update, context, f"<b>Nothing changed</b>: the reload failed "
                              f"({_e(type(exc).__name__)}: {_e(str(exc))[:500]}).")
            return
        try:
            notified = await alerts.announce(context.app, change)
        except Exception:  # the reload itself succeeded: say so, and that alerts did not
            log.exception("planning the alerts failed")
            text = describe_change(change, len(svc.knowledge.kb))
            await _reply_html(update, context, f"{text}\n<b>Alerts</b>: could not be planned "
                              "(see the log); nobody is notified.")
            return
    await _reply_html(update, context, describe_change(change, len(svc.knowledge.kb), notified))


async def on_stats(update: Update, context: VacContext) -> None:
    """/stats [days]: questions per intent and day, answered share, latest unanswered."""
    svc = context.services
    if not await _admitted(update, context, svc, "stats"):
        return
    days = 7
    if context.args and context.args[0].isdigit():
        days = min(max(int(context.args[0]), 1), MAX_DAYS)
    await _reply_html(update, context, describe_stats(svc.state.stats.summary(days)))
