"""What admins get: `/reload` and `/stats`, only for the user ids in VACBOT_ADMIN_IDS, and
only in a private chat with the bot: their replies (other users' unanswered questions, the
pages' file names) are not for a group, so there an admin is asked to send it privately.

Admins' updates skip the queue of other users' ones (`bot.telegram.updates`) and their
replies the queue for a connection (`bot.telegram.limits`), so a backlog of questions never
holds up a `/reload`. Statistics are the state database's `questions` table, written as each
question is answered.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path

from telegram import Update
from telegram.constants import ChatType

from bot.telegram import alerts, replies
from bot.telegram.context import BotServices, VacContext
from bot.telegram.state import Summary
from knowledge import BuildError, BuildReport, Change, Problem
from knowledge.ingest import PAGE_SUFFIXES

log = logging.getLogger(__name__)

REFUSAL = "Sorry, /{command} is only for the administrators of this bot."
PRIVATE_ONLY = ("Please send me /{command} in a private chat: its answer is for the "
                "administrators only.")
MAX_DAYS = 90


def _e(text: str) -> str:
    return html.escape(text, quote=False)


# An admin reply lists what changed and what is wrong with the pages, but stays one message:
REPLY_UNITS = 3800  # UTF-16 units of HTML (Telegram: 4096 after parsing entities)
ITEM_CHARS = 300  # characters of one listed item (a title, a problem) at most
CHECK_HINT = "run <code>vacbot check</code> on the pages for the full list"


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _short(text: str) -> str:
    return text if len(text) <= ITEM_CHARS else text[:ITEM_CHARS - 1].rstrip() + "…"


def _listed(label: str, items: Sequence[str], room: int, hint: str = "") -> list[str]:
    """`label` (count) and as many of `items` as fit in `room` UTF-16 units, then how many
    more there are."""
    if not items:
        return []
    lines = [f"<b>{label}</b> ({len(items)}):"] if label else []
    used = sum(_units(line) + 1 for line in lines)
    for n, item in enumerate(items):
        line = f"• {_e(_short(item))}"
        rest = len(items) - n - 1
        reserve = 40 + _units(hint) if rest else 0  # for the "… and N more" line
        if used + _units(line) + 1 + reserve > room:
            more = len(items) - n
            lines.append(f"… and {more} more" + (f" ({hint})" if hint else ""))
            break
        lines.append(line)
        used += _units(line) + 1
    return lines


def _compose(head: list[str], sections: list[tuple[str, Sequence[str], str]],
             tail: Sequence[str] = ()) -> str:
    """`head`, each non-empty (label, items, hint) section, then `tail`; the sections share
    what room is left under REPLY_UNITS, fairly between the sections still to come."""
    lines = list(head)
    room = REPLY_UNITS - sum(_units(line) + 1 for line in (*head, *tail))
    todo = [s for s in sections if s[1]]
    for n, (label, items, hint) in enumerate(todo):
        part = _listed(label, items, room // (len(todo) - n), hint)
        room -= sum(_units(line) + 1 for line in part)
        lines += part
    return "\n".join([*lines, *tail])


def _where(problem: Problem, seeds: Path | None) -> str:
    """The problem's file relative to the pages folder (its name when that is unknown)."""
    path = Path(problem.path)
    try:
        name = str(path.resolve().relative_to(seeds.resolve())) if seeds else path.name
    except ValueError:
        name = path.name
    name = name or problem.path
    return f"{name}:{problem.line}" if problem.line else name


def _problems(problems: Sequence[Problem], seeds: Path | None) -> list[str]:
    return [f"{_where(p, seeds)}: {p.reason}" for p in problems]


def _left_out(report: BuildReport) -> tuple[Problem, ...]:
    """Pages (Markdown files) a build left out on purpose: an index or README that is not a
    vacancy page, a hidden page. Other files (images, ...) are not worth a line."""
    return tuple(p for p in report.skipped if Path(p.path).suffix.lower() in PAGE_SUFFIXES)


def describe_change(change: Change, count: int, notified: int | None = None,
                    report: BuildReport | None = None, seeds: Path | None = None) -> str:
    """The reply to a successful /reload: what changed, whom alerts will tell, and the pages
    left out or served with warnings (file:line), in one message."""
    head = [f"<b>Reloaded.</b> {count} vacancies now."]
    if change.empty:
        head.append("Nothing changed.")
    tail = [] if notified is None else [
        f"<b>Alerts</b>: {notified} {'person' if notified == 1 else 'people'} will be notified."
        if notified else "<b>Alerts</b>: nobody to notify."]
    sections: list[tuple[str, Sequence[str], str]] = [
        ("Added", change.added, ""), ("Removed", change.removed, ""),
        ("Changed", change.changed, ""),
    ]
    if report is not None:
        sections += [
            ("Skipped pages", _problems(report.problems + _left_out(report), seeds),
             CHECK_HINT),
            ("Warnings", _problems(report.warned, seeds), CHECK_HINT),
        ]
    return _compose(head, sections, tail)


def describe_problems(problems: Sequence[Problem], seeds: Path) -> str:
    """The reply to a /reload refused because of `problems`: each named with file and line,
    as many as fit in one message."""
    head = [f"<b>Nothing changed</b>: {len(problems)} "
            f"{'page has a problem' if len(problems) == 1 else 'problems found'}, "
            "the bot keeps answering from the previous version."]
    return _compose(head, [("", _problems(problems, seeds), CHECK_HINT)])


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
    """True for admins in a private chat; anyone else gets a polite refusal, an admin in a
    group the request to send it privately."""
    user = update.effective_user
    if not svc.is_admin(user.id if user else None):
        log.info("refused /%s for a non-admin", command)
        await _reply_html(update, context, _e(REFUSAL.format(command=command)))
        return False
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        log.info("asked an admin to send /%s in a private chat", command)
        await _reply_html(update, context, _e(PRIVATE_ONLY.format(command=command)))
        return False
    return True


async def on_reload(update: Update, context: VacContext) -> None:
    """Fetch the pages' repository (if they come from one), re-read the pages, validate
    them, swap the knowledge base, say what changed."""
    svc = context.services
    chat = update.effective_chat
    if chat is None or not await _admitted(update, context, svc, "reload"):
        return
    async with replies.typing(context.bot, chat.id, 0):
        problems = [p for hook in svc.before_reload if (p := await hook(context.app))]
        if problems:  # e.g. the repository cannot be fetched: rebuild from what is here
            await _reply_html(update, context, "⚠️ " + _e("; ".join(problems))
                              + ". Rebuilding from the pages fetched before.")
        try:
            done = await svc.reload(context.app)
        except BuildError as exc:
            await _reply_html(update, context, describe_problems(exc.problems,
                                                                 svc.knowledge.seeds))
            return
        except Exception as exc:  # e.g. the folder vanished: say so, keep serving
            log.exception("reload failed")
            await _reply_html(update, context, f"<b>Nothing changed</b>: the reload failed "
                              f"({_e(type(exc).__name__)}: {_e(str(exc))[:500]}).")
            return
        seeds = svc.knowledge.seeds
        try:
            notified = await alerts.announce(context.app, done.change)
        except Exception:  # the reload itself succeeded: say so, and that alerts did not
            log.exception("planning the alerts failed")
            text = describe_change(done.change, len(svc.knowledge.kb), None, done.report,
                                   seeds)
            await _reply_html(update, context, f"{text}\n<b>Alerts</b>: could not be planned "
                              "(see the log); nobody is notified.")
            return
    await _reply_html(update, context, describe_change(done.change, len(svc.knowledge.kb),
                                                       notified, done.report, seeds))


async def on_stats(update: Update, context: VacContext) -> None:
    """/stats [days]: questions per intent and day, answered share, latest unanswered."""
    svc = context.services
    if not await _admitted(update, context, svc, "stats"):
        return
    days = 7
    if context.args and context.args[0].isdigit():
        days = min(max(int(context.args[0]), 1), MAX_DAYS)
    svc.state.flush()  # the questions answered a moment ago count too
    await _reply_html(update, context, describe_stats(svc.state.stats.summary(days)))
