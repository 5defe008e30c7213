"""Open or closed — for the page and for each position it offers — once its facts are known.

A vacancy is closed when (any of):
- its header says so (`knowledge.parse.header_closed`: ``closed: true``, ``open: false``,
  ``draft: true``, a ``finished:``/``filled:`` flag, a status such as closed / filled /
  expired / draft, a tag or category such as "closed" or "vergeben", an expiry date such as
  ``publish_until`` in the past);
- every application deadline the page gives with a full date is before `today`;
- its text says nothing is open: "we currently do not have any open positions", "position
  filled", "no longer available", "(bereits) vergeben", "Stelle ist besetzt",
  "vacature is vervuld" — for the whole page, or for the kinds of position the sentence
  names ("no vacancies for postdoc or PhD positions") when they include the page's main
  kind and no position of another kind is open (a sentence inside one position's section
  closes that position only; one in an "if" clause closes nothing);
- it offers several positions and all of them are closed (each by its own deadline or
  sentence, or by the page's).

`today` is always passed in (the build's date), never read from the clock here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from knowledge.facts.dates import date_of
from knowledge.model import Fact, FactKind, Vacancy
from knowledge.positions import mentions
from knowledge.sentences import Sentence, sentences_of

# Sentences that say there is nothing to apply for (English, German, Dutch).
NOTHING_OPEN = re.compile(
    r"\b(?:do|does)\s+not\s+(?:currently\s+|at\s+the\s+moment\s+)?have\s+(?:any|an?)\s+"
    r"(?:more\s+)?"
    r"(?:open\s+|vacant\s+|available\s+|current\s+|free\s+)?(?:[\w/+-]+\s+){0,3}?"
    r"(?:positions?|vacanc(?:y|ies)|openings?|jobs?|projects?|slots?|places?|spots?)\b"
    r"|\b(?:have|has|are|is)\s+(?:currently\s+|at\s+the\s+moment\s+|presently\s+)?no\s+"
    r"(?:open\s+|vacant\s+|available\s+|current\s+)?(?:[\w/+-]+\s+){0,3}?(?:positions?|"
    r"vacanc(?:y|ies)|openings?|jobs?)\b"
    r"|\bthere\s+are\s+(?:currently\s+|at\s+the\s+moment\s+)?no\s+(?:open\s+|vacant\s+|"
    r"available\s+)?(?:positions?|vacanc(?:y|ies)|openings?|jobs?)\b"
    r"|\b(?:position|vacancy|post|job|role|project|topic|call|it)\s+(?:has|have)\s+"
    r"(?:already\s+|now\s+)?been\s+(?:filled|taken|closed|assigned)\b"
    r"|\b(?:position|vacancy|post|job|role|project|topic|call|positions|vacancies)\s+"
    r"(?:is|are|was|were)\s+(?:already\s+|now\s+)?(?:filled|taken|closed|no\s+longer\s+"
    r"(?:available|open))\b"
    r"|\b(?:applications?|the\s+call)\s+(?:is|are|has|have)\s+(?:now\s+)?(?:been\s+)?closed\b"
    r"|\bno\s+longer\s+(?:accepting|taking)\s+applications\b"
    r"|\b(?:has|have)\s+no\s+(?:longer\s+)?(?:any\s+)?(?:open|vacant|available)\s+"
    r"(?:positions?|vacanc(?:y|ies)|openings?)\b"
    r"|\bis\s+no\s+longer\s+(?:available|open)\b"
    r"|\b(?:ist|sind|wurde|wurden|bereits|schon|inzwischen)\s+(?:\w+\s+){0,2}?(?<!zu\s)"
    r"(?:vergeben|besetzt)\b"
    r"|^\W*(?:bereits\s+)?(?:vergeben|besetzt)\W*$"
    r"|\b(?:derzeit|aktuell|momentan|zurzeit|zur\s+zeit)\s+(?:\w+\s+){0,3}?keine\s+"
    r"(?:\w+\s+){0,2}?(?:stellen|ausschreibungen|vakanzen|positionen)\b"
    r"|\bnicht\s+mehr\s+(?:verfügbar|verfuegbar|offen|frei)\b"
    r"|\b(?:bewerbungsfrist|ausschreibung)\s+ist\s+(?:bereits\s+)?(?:abgelaufen|beendet)\b"
    r"|\b(?:vacature|functie|positie|plek)\s+is\s+(?:inmiddels\s+|al\s+)?(?:vervuld|gesloten|"
    r"ingevuld)\b"
    r"|\b(?:momenteel|op\s+dit\s+moment|nu)\s+geen\s+(?:\w+\s+){0,2}?(?:vacatures|posities|"
    r"plekken|openstaande)\b"
    r"|\bniet\s+meer\s+beschikbaar\b"
    # a table row's cell that only says so: "Federated learning | Dr. B. Jones | vergeben"
    r"|(?:^|\|)\s*(?:closed|filled|taken|assigned|vergeben|besetzt|vervuld|gesloten|"
    r"ingevuld)\s*(?:\||$)"
    # a line that only says so: "No vacancies at the moment", "Keine offenen Stellen"
    r"|^\W*(?:no|keine|geen)\s+(?:open\s+|current\s+|offenen\s+|openstaande\s+)?(?:positions?|"
    r"vacanc(?:y|ies)|openings?|jobs?|stellen|vacatures)\b(?:\s+(?:available|open))?\s*"
    r"(?:at\s+(?:the|this)\s+(?:moment|time)|at\s+present|currently|right\s+now|for\s+now|"
    r"(?:im|zum)\s+moment|derzeit|zurzeit|op\s+dit\s+moment|momenteel)?\W*$",
    re.I)


# "If ... there are no current job openings as listed below, send an open application"
_IF_CLAUSE = re.compile(r"\b(?:if|when|whenever|in\s+case|should|unless|falls|wenn|sofern|"
                        r"indien|mocht|als)\b[^.;:!?]*$", re.I)
_CONDITIONAL = re.compile(
    r"\b(?:until|till|unless|once|when|as\s+soon\s+as|before|after|if|bis|tot|zodra)\s+"
    r"(?:the\s+|a\s+|all\s+|die\s+|de\s+|het\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|has|have|"
    r"ist|sind|is|zijn)\s+(?:been\s+)?(?:filled|closed|taken|besetzt|vergeben|vervuld)\b", re.I)


_GATE = re.compile(r"\b(?:no|not|none|filled|closed|vergeben|besetzt|kein\w*|nicht|geen|niet|"
                   r"vervuld|gesloten|ingevuld|taken|assigned|longer)\b")


_NOUNS = re.compile(r"position|vacan|opening|\bjobs?\b|slot|place|spot|filled|closed|taken|"
                    r"assigned|vergeben|besetzt|stelle|verfügbar|offen|frei|ausschreibung|"
                    r"vacature|positie|plek|vervuld|gesloten|ingevuld|beschikbaar|available|"
                    r"applications|\bcall\b|project|topic|thema")


def _statement(s: Sentence) -> bool:
    if not _GATE.search(s.low) or not _NOUNS.search(s.low):
        return False
    m = NOTHING_OPEN.search(s.text)
    if m is None:
        return False
    if _CONDITIONAL.search(s.text) and not NOTHING_OPEN.search(_CONDITIONAL.sub("", s.text)):
        return False
    return not _IF_CLAUSE.search(s.text[: m.start()])


# An open page without a deadline posted longer ago than this may well be filled by now.
STALE_DAYS = 365


def _past(facts: list[Fact], today: dt.date) -> bool | None:
    """True when every dated deadline is before `today`, False when one is not, None when
    none has a full date."""
    read = [dt.date.fromisoformat(f.when) if f.when else date_of(f.value) for f in facts]
    dates = [d for d in read if d is not None]
    if not dates:
        return None
    return all(d < today for d in dates)


def settle(v: Vacancy, today: dt.date, sentences: list[Sentence] | None = None,
           stale_days: int = STALE_DAYS) -> Vacancy:
    """`v` with `closed`, its positions' `closed`, `categories` and the STATUS fact final.
    `sentences` are `sentences_of(v)` when the caller has them already. An open page with no
    deadline posted more than `stale_days` before `today` stays open, but its STATUS fact
    carries the posting day in `when`: nothing says it is filled, nothing says it is not."""
    extra = dict(v.extra)
    why = extra.pop("closed_by", "") or ("the page's header" if v.closed else "")
    positions = list(v.positions)
    closed_positions: dict[int, str] = {}
    closed_kinds: set[str] = set()
    page_said = ""
    if sentences is None:
        sentences = sentences_of(v)
    owner: dict[int, int] = {}  # section -> the (first) position it belongs to
    for i, p in enumerate(v.positions):
        for o in p.sections:
            owner.setdefault(o, i)
    for s in sentences:
        if not _statement(s):
            continue
        named = {m.kind for m in mentions(s.text.replace("/", " / ")) if m.kind}
        at = owner.get(s.section, -1)
        if at >= 0:
            closed_positions.setdefault(at, s.text)
        elif named:
            closed_kinds |= named
            page_said = page_said or s.text
        else:
            page_said = page_said or s.text
            closed_kinds.add("*")
    deadlines = [f for f in v.facts if f.kind is FactKind.DEADLINE]
    page_deadlines = [f for f in deadlines if owner.get(f.section, -1) < 0]
    own_deadlines: dict[int, list[Fact]] = {}
    for f in deadlines:
        own_deadlines.setdefault(owner.get(f.section, -1), []).append(f)
    said: dict[int, list[str]] = {}  # position -> the text of its sentences
    for s in sentences if positions else ():
        said.setdefault(owner.get(s.section, -1), []).append(s.text)
    for i, _p in enumerate(positions):
        own = own_deadlines.get(i, [])
        if not own:  # the same deadline sentence repeated under each position: a fact once
            own = [f for f in deadlines if f.detail and any(
                f.detail in text for text in said.get(i, ()))]
        if _past(own, today):
            closed_positions.setdefault(i, f"deadline {own[0].value}")
    for i, p in enumerate(positions):
        if i in closed_positions or p.category in closed_kinds:
            positions[i] = replace(p, closed=True)
    closed = v.closed
    if not closed and _past(page_deadlines, today):
        closed, why = True, f"application deadline {page_deadlines[0].value} has passed"
    if not closed and "*" in closed_kinds:
        closed, why = True, page_said
    open_kinds = [k for k in v.categories if k not in closed_kinds]
    # "no vacancies for postdoc or PhD positions" closes a page whose main kind it names,
    # unless a position of another kind is still open ("no PhD openings; thesis topics ...")
    main = v.categories[0] if v.categories else ""
    if not closed and closed_kinds and (not main or main in closed_kinds) and all(
            p.closed or p.category in closed_kinds for p in positions):
        closed, why = True, page_said
    if not closed and positions and all(p.closed for p in positions):
        reasons = {closed_positions.get(i, "") for i in range(len(positions))}
        one = reasons.pop() if len(reasons) == 1 else ""
        closed, why = True, (f"application deadline {one[9:]} has passed"
                             if one.startswith("deadline ") else
                             "every position on the page is closed")
    if closed:
        positions = [replace(p, closed=True) for p in positions]
    categories = tuple(open_kinds) if open_kinds and not closed else v.categories
    status = Fact(FactKind.STATUS, "closed" if closed else "open", -1,
                  why or ("open: no deadline has passed and nothing on the page says it is "
                          "filled"))
    posted = date_of(v.date) if v.date and not closed and not deadlines else None
    if posted is not None and (today - posted).days > stale_days:
        status = replace(status, when=posted.isoformat(), detail=(
            f"open: nothing on the page says it is filled, but it gives no deadline and was "
            f"posted on {posted.isoformat()}, more than {stale_days} days before {today}"))
    facts = (*(f for f in v.facts if f.kind is not FactKind.STATUS), status)
    return replace(v, closed=closed, positions=tuple(positions), categories=categories,
                   category=categories[0] if categories else v.category, facts=facts,
                   extra=extra)
