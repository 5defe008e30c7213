"""What a vacancy is about, and practical questions answered from the page's own sentence.

Overview: the summary, the opening of the job description, the sentence where the user's
own words are explained, and the key facts on one line each (kind, places, where, whom to
ask). Practical (home office, visa, vacation days, "is there wet-lab work?"): the sentences
that address it, or "the page does not mention it; ask <contact>".
"""

from __future__ import annotations

from bot.answers.common import (
    Ask,
    Part,
    as_blocks,
    best_sentences,
    fact_lines,
    fit,
    focus_stems,
    headed,
    not_stated,
    part,
    sentences,
    who,
)
from bot.model import Block, Intent, Style
from bot.phrases import phrase
from bot.topics import Asked
from knowledge.facts.dates import DATE_RE
from knowledge.facts.salary import MONEY
from knowledge.facts.timing import TIME_SPAN
from knowledge.model import FactKind, Kind, Vacancy
from knowledge.positions import LABELS
from knowledge.textnorm import fold


def overview(v: Vacancy, ask: Ask, budget: int) -> Part:
    """The summary, the sentences on what the user asked or named it by ("the OCT PhD":
    where OCT is explained), then the opening of the job description, as far as it fits."""
    lang = ask.lang
    room = max(250, budget - 250)  # the key facts below take about 250 characters
    intro = sentences(v, Kind.INTRO)
    asked = best_sentences(v, focus_stems(ask.focus), 1, minimum=0.34)
    lead = as_blocks(asked, 400, items=False)  # what was asked first
    opening = as_blocks(intro[:1], room // 2, items=False)
    if not opening and v.description:
        opening = [Block(v.description[: room // 2])]
    lead += opening
    shown = fold(" ".join(b.text for b in lead))
    hits = [s for s in best_sentences(v, focus_stems(ask.mentioned), 1, minimum=0.34)
            if fold(s.text)[:60] not in shown]  # then where the word it was named by is explained
    lead += as_blocks(hits, 400, items=False)
    shown += fold(" ".join(s.text for s in hits))
    body = sentences(v, Kind.JOB) or sentences(v, Kind.BACKGROUND) or intro[1:]
    fresh = [s for s in body if fold(s.text)[:60] not in shown]
    rest = max(0, room - sum(len(b.text) for b in lead))
    cut: list[bool] = []
    blocks = lead + (as_blocks(fresh[:30], rest, items=False, cut=cut) if rest > 120 else [])
    return part(fit(blocks, room + 200) + key_facts(v, lang), (), cut)


def key_facts(v: Vacancy, lang: str) -> list[Block]:
    """Kind and places, where, whom to ask: one short line each."""
    kinds = [LABELS.get(lang, LABELS["en"]).get(c, "") for c in v.categories]
    positions = v.facts_of(FactKind.POSITIONS)
    head = ", ".join(k for k in kinds if k)
    if positions:
        head = f"{head} · {phrase('positions', lang)}: {positions[0].value}".strip(" ·")
    lines = [Block(head, Style.ITEM)] if head else []
    lines += fact_lines(v, {FactKind.LOCATION: "location", FactKind.START_DATE: "start",
                            FactKind.DEADLINE: "deadline"}, lang, 1)
    person = who(v, lang)
    if person:
        lines.append(Block(f"{phrase('supervisor', lang)}: {person}", Style.ITEM))
    return lines


def practical(v: Vacancy, ask: Ask, asked: Asked, budget: int) -> list[Block]:
    """The page's sentences on a practical topic, or that it does not mention it."""
    if asked.topic.key == "places":  # "how many positions?": the page's count first
        counted = [Block(f.detail or f.value) for f in v.facts_of(FactKind.POSITIONS)[:1]]
        if counted:
            return counted
    stems = set(asked.topic.search)
    found = headed(v, stems) or best_sentences(v, stems, 2, minimum=0.0, heading_weight=1.0)
    if found:
        return as_blocks(found, min(budget, 500), items=False)
    return [not_stated(v, asked.topic.label.get(ask.lang, asked.topic.label["en"]), ask.lang,
                       key="not_mentioned")]


# what each intent asks for, as a sentence gives it
_FIGURE = {Intent.DURATION: TIME_SPAN, Intent.DATES: DATE_RE, Intent.SALARY: MONEY}


def figures(v: Vacancy, ask: Ask, intent: Intent, budget: int) -> list[Block]:
    """The page's sentences on the question's own words that give what the intent asks
    for, where the page states no such fact of the vacancy: "how long is the colloquium?"
    -> "Masterarbeit: ca. 35 Minuten Vortrag + etwa 15 Minuten Fragen" under the heading
    "Kolloquium"; [] when there is none."""
    figure = _FIGURE.get(intent)
    if figure is None:
        return []
    asked = focus_stems((*ask.focus, *ask.mentioned))
    found = best_sentences(v, asked, 12, minimum=0.25, heading_weight=1.0, loose=True)
    return as_blocks([s for s in found if figure.search(s.text)][:2], min(budget, 400),
                     items=False)


def focused(v: Vacancy, ask: Ask, budget: int) -> list[Block]:
    """A question in the user's own words ("how much annotated data is there?"): the
    sentences with most of them; [] when none has enough."""
    found = best_sentences(v, focus_stems(ask.focus), 2, numbers=ask.quantity, minimum=0.25,
                           loose=True)
    return as_blocks(found, min(budget, 500), items=False)
