"""Compose the answer about one vacancy for one intent: facts first, then the page's words.

Pure functions of a `Vacancy` (and the user's language). What the page does not state is
said in those words, with the contact person to ask; nothing is ever made up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.model import Block, Button, Intent, Style
from bot.phrases import label, phrase, what
from knowledge.model import FactKind, Kind, Section, Vacancy

EXCERPT = 900  # characters of section text quoted in one answer, at most
SHORT = 300


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        if re.match(r"-[A-Za-z]", para):  # "-A gross monthly salary": a list item, unspaced
            para = "- " + para[1:]
        if para.startswith("- ") or len(para) < 200:
            parts.append(para)
        else:
            parts.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(€\"“-])", para) if s)
    return parts


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def excerpt(text: str, limit: int = EXCERPT, focus: re.Pattern[str] | None = None) -> str:
    """The section text cut to `limit` at a sentence boundary; with `focus`, only the
    sentences that match it (and the text's first sentence when none do)."""
    sentences = _sentences(text)
    if focus is not None:
        hits = [s for s in sentences if focus.search(s)]
        sentences = hits or sentences[:1]
    out: list[str] = []
    size = 0
    for s in sentences:
        if size + len(s) > limit and out:
            out.append("…")
            break
        s = _cut(s, limit)
        out.append(s)
        size += len(s) + 1
    return "\n".join(out)


def apply_url(v: Vacancy) -> str:
    urls = v.facts_of(FactKind.APPLY_URL)
    return urls[0].value if urls else ""


def contact_names(v: Vacancy) -> list[str]:
    names = [f.value for f in v.facts_of(FactKind.CONTACT_PERSON)]
    return list(dict.fromkeys(names)) or list(v.people)


def _who(v: Vacancy, lang: str) -> str:
    names = contact_names(v)
    emails = [f.value for f in v.facts_of(FactKind.EMAIL)]
    if not names and not emails:
        return phrase("ask_contact_none", lang)
    who = " or ".join(names[:2]) if names else emails[0]
    if names and emails:
        who += f" ({emails[0]})"
    return phrase("ask_contact", lang, who=who)


def not_stated(v: Vacancy, key: str, lang: str) -> list[Block]:
    return [Block(phrase("not_stated", lang, what=what(key, lang)) + " " + _who(v, lang),
                  Style.NOTE)]


def _section_blocks(sections: Iterable[Section], limit: int = EXCERPT,
                    focus: re.Pattern[str] | None = None) -> list[Block]:
    blocks: list[Block] = []
    budget = limit
    for s in sections:
        if budget <= 80 or not s.text:
            break
        text = excerpt(s.text, budget, focus)
        budget -= len(text)
        for line in text.split("\n"):
            if line.startswith("- "):
                if line[2:].strip():
                    blocks.append(Block(line[2:].strip(), Style.ITEM))
            elif line.strip():
                blocks.append(Block(line.strip()))
    return blocks


def _source(v: Vacancy, sections: Iterable[Section]) -> list[Block]:
    headings = [s.heading for s in sections if s.heading]
    where = f"“{v.title}”" + (f", section {', '.join(dict.fromkeys(headings))}" if headings else "")
    url = apply_url(v)
    return [Block(where, Style.SOURCE)] + ([Block("vacancy page", Style.SOURCE, url)] if url
                                           else [])


def header(v: Vacancy, lang: str) -> list[Block]:
    blocks = [Block(v.title, Style.TITLE)]
    if v.closed:
        blocks.append(Block(phrase("closed", lang), Style.NOTE))
    return blocks


_TERMS_FOCUS = re.compile(
    r"salar|salaris|gehalt|€|\beur\b|scale|schaal|tv-?l|e\s?1[0-5]|pay|remunerat|wage|"
    r"allowance|bonus|appointed|hours|part-time|full-time|fte|pension|vacation|holiday|"
    r"reimburse|stipend|secondary conditions|contract|years|entgelt|vergütung", re.I)
_DATES_FOCUS = re.compile(r"start|deadline|before|until|as soon|begin|closing|apply by|"
                          r"\b20\d\d\b|\bq[1-4]\b", re.I)
_DURATION_FOCUS = re.compile(r"\byears?\b|\bmonths?\b|duration|period|limited|extension|"
                             r"jaar|maanden|jahre|monate|befristet", re.I)
_PLACE_FOCUS = re.compile(r"located|based|nijmegen|bonn|amsterdam|city|location|on-?site|"
                          r"home|remote|work (at|in)|department", re.I)
_APPLY_FOCUS = re.compile(r"appl|send|submit|cv|letter|subject|pdf|mb\b|referee|grades|"
                          r"e-?mail|solliciteer|bewerb", re.I)


_AMOUNT = re.compile(r"€\s?\d|\d\s?(euro|eur)\b|\d+(\.\d)?\s?%|\bscale\b", re.I)


def compose_salary(v: Vacancy, lang: str) -> list[Block]:
    """The amounts, scale, allowances and hours as facts; then the page's own words on pay
    that the facts do not already say (how the scale is chosen, what the terms are)."""
    amounts = [f.value for f in v.facts_of(FactKind.SALARY_AMOUNT, FactKind.REIMBURSEMENT)]
    scales = [f.value for f in v.facts_of(FactKind.PAY_SCALE)
              if not any(f.value.lower() in a.lower() for a in amounts)]
    rest = [f"part-time {f.value}" if f.value.endswith("%") else f.value
            for f in v.facts_of(FactKind.PART_TIME)]
    rest += [f.value for f in v.facts_of(FactKind.ALLOWANCE, FactKind.HOURS)]
    blocks = [Block(x, Style.ITEM) for x in dict.fromkeys(amounts + scales + rest)]
    terms = v.sections_of(Kind.TERMS)
    quoted = _section_blocks(terms, EXCERPT, _TERMS_FOCUS)
    if amounts:  # the facts already give the figures: quote only what they leave out
        quoted = [b for b in quoted if not _AMOUNT.search(b.text) or "depend" in b.text][:3]
    blocks += [b for b in quoted if b.text != "…"]
    if not terms:
        statements = v.facts_of(FactKind.SALARY_STATEMENT)
        blocks += [Block(f.detail or f.value) for f in statements[:2]]
    if not v.facts_of(FactKind.SALARY_AMOUNT, FactKind.REIMBURSEMENT):
        blocks += not_stated(v, "salary", lang)
    return blocks + _source(v, terms)


def compose_requirements(v: Vacancy, lang: str) -> list[Block]:
    sections = v.sections_of(Kind.REQUIREMENTS) + v.sections_of(Kind.DESIRABLE)
    if not sections:
        return not_stated(v, "requirements", lang)
    return _section_blocks(sections, 1400) + _source(v, sections)


def compose_contact(v: Vacancy, lang: str) -> list[Block]:
    people = contact_names(v)
    emails = v.facts_of(FactKind.EMAIL)
    blocks: list[Block] = []
    used: set[str] = set()
    for name in people:
        # "Prof. Dr. Shadi Albarqouni" (the link text of the e-mail) is the same person
        mail = next((f.value for f in emails if f.value not in used and f.detail
                     and name.lower() in f.detail.lower()), "")
        used.add(mail)
        blocks.append(Block(f"{name} — {mail}" if mail else name, Style.ITEM))
    for f in emails:
        if f.value not in used:
            named = f.detail and not any(p.lower() in f.detail.lower() for p in people)
            blocks.append(Block(f"{f.detail} — {f.value}" if named else f.value, Style.ITEM))
    sections = v.sections_of(Kind.CONTACT)
    if not blocks:  # nobody named as a fact: the page's own words are the answer
        blocks += _section_blocks(sections, SHORT)
    if not blocks:
        return not_stated(v, "contact", lang)
    return blocks + _source(v, sections)


def compose_apply(v: Vacancy, lang: str) -> list[Block]:
    blocks: list[Block] = []
    url = apply_url(v)
    if url and not v.closed:
        blocks.append(Block(f"{label('apply', lang)}: {url}"))
    docs = [f.value for f in v.facts_of(FactKind.DOCUMENT)]
    if docs:
        blocks.append(Block("Documents: " + ", ".join(dict.fromkeys(docs))))
    for kind, text in ((FactKind.SUBJECT_LINE, "Quote in the e-mail subject: {}"),
                       (FactKind.SIZE_LIMIT, "Size limit: {}")):
        blocks += [Block(text.format(f.value)) for f in v.facts_of(kind)[:1]]
    sections = v.sections_of(Kind.APPLICATION) or [
        s for s in v.sections_of(Kind.CONTACT) if _APPLY_FOCUS.search(s.text)]
    blocks += _section_blocks(sections, EXCERPT)
    if not blocks:
        return not_stated(v, "apply", lang)
    return blocks + _source(v, sections)


def compose_overview(v: Vacancy, lang: str, focus: tuple[str, ...] = ()) -> list[Block]:
    """Summary, the opening of the job description, and — when the user named the vacancy by
    a word from its text ("the OCT PhD") — the sentence where that word is explained."""
    intro = v.sections_of(Kind.INTRO)
    body = v.sections_of(Kind.JOB) or v.sections_of(Kind.BACKGROUND)
    blocks = _section_blocks(intro, 400)
    shown = " ".join(b.text for b in blocks)
    for s in body[:1]:
        rest = "\n".join(p for p in s.text.split("\n") if p.strip() and p.strip() not in shown)
        blocks += _section_blocks([Section(s.order, s.heading, s.kind, s.markdown, rest)], 500)
    shown = " ".join(b.text for b in blocks).lower()
    words = [w for w in focus if len(w) > 2 and w not in shown]
    if words:
        blocks += [Block(x) for x in _best_sentences(v, words, 2)]
    positions = v.facts_of(FactKind.POSITIONS)
    if positions:
        blocks.append(Block(f"Positions: {positions[0].value}", Style.ITEM))
    places = v.facts_of(FactKind.LOCATION)
    if places:
        blocks.append(Block(f"Location: {places[0].value}", Style.ITEM))
    if not v.closed:
        blocks.append(Block(phrase("open", lang), Style.NOTE))
    return blocks + _source(v, body[:1])


def _best_sentences(v: Vacancy, words: list[str], count: int) -> list[str]:
    """The sentences of the page that contain most of `words` (at least one)."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")", re.I)
    scored: list[tuple[int, int, str]] = []
    for s in v.sections:
        if s.kind is Kind.INTRO:
            continue
        for n, sentence in enumerate(_sentences(s.text)):
            hits = {m.group(1).lower() for m in pattern.finditer(sentence)}
            if hits:
                scored.append((-len(hits), s.order * 1000 + n, _cut(sentence, SHORT)))
    return [x[2] for x in sorted(scored)[:count]]


def _fact_lines(v: Vacancy, kinds: dict[FactKind, str]) -> list[Block]:
    return [Block(f"{name}: {f.value}", Style.ITEM)
            for kind, name in kinds.items() for f in v.facts_of(kind)[:2]]


def compose_dates(v: Vacancy, lang: str) -> list[Block]:
    blocks = _fact_lines(v, {FactKind.START_DATE: "Start", FactKind.DEADLINE: "Deadline",
                             FactKind.PUBLISHED: "Published"})
    if not v.facts_of(FactKind.START_DATE) and not v.facts_of(FactKind.DEADLINE):
        sections = [s for s in v.sections if _DATES_FOCUS.search(s.text)]
        blocks += _section_blocks(sections[:1], SHORT, _DATES_FOCUS)
    if not v.facts_of(FactKind.DEADLINE):
        blocks += not_stated(v, "deadline", lang)
    return blocks + _source(v, [])


_DURATION_SENTENCE = re.compile(
    r"\b(for|voor|fur|für|auf)\s+(a period of\s+)?(\w+|\d+)\s+(years?|months?|jaar|maanden|"
    r"jahre|monate)\b", re.I)


def compose_duration(v: Vacancy, lang: str) -> list[Block]:
    facts = v.facts_of(FactKind.DURATION)
    if not facts:
        said = [x for s in v.sections_of(Kind.TERMS)  # only where employment is described
                for x in _sentences(s.text) if _DURATION_SENTENCE.search(x)]
        if said:  # the page's own words, when no duration fact was recognised
            return [Block(_cut(said[0], SHORT)), *_source(v, [])]
        return not_stated(v, "duration", lang)
    blocks = [Block(f.value, Style.ITEM) for f in facts[:3]]
    blocks += [Block(f.detail) for f in facts[:1] if f.detail and f.detail != f.value]
    return blocks + _source(v, [])


def compose_location(v: Vacancy, lang: str) -> list[Block]:
    blocks = _fact_lines(v, {FactKind.LOCATION: "Location", FactKind.INSTITUTION: "Institution"})
    if not blocks:
        sections = [s for s in v.sections if _PLACE_FOCUS.search(s.text)]
        blocks = _section_blocks(sections[:1], SHORT, _PLACE_FOCUS)
    return (blocks or not_stated(v, "location", lang)) + _source(v, [])


def compose_status(v: Vacancy, lang: str) -> list[Block]:
    if v.closed:
        return []  # the header already says it is closed
    blocks = [Block(phrase("open", lang))]
    url = apply_url(v)
    if url:
        blocks.append(Block(f"{label('apply', lang)}: {url}"))
    return blocks


COMPOSERS: dict[Intent, Callable[[Vacancy, str], list[Block]]] = {
    Intent.SALARY: compose_salary,
    Intent.REQUIREMENTS: compose_requirements,
    Intent.CONTACT: compose_contact,
    Intent.APPLY: compose_apply,
    Intent.OVERVIEW: compose_overview,
    Intent.DATES: compose_dates,
    Intent.DURATION: compose_duration,
    Intent.LOCATION: compose_location,
    Intent.STATUS: compose_status,
}


def card_buttons(v: Vacancy, lang: str, skip: Intent | None = None) -> tuple[Button, ...]:
    """Requirements · Salary · Contact · How to apply · Page link."""
    buttons = [Button(label(i.value, lang), action=i.value, vacancy=v.id)
               for i in (Intent.REQUIREMENTS, Intent.SALARY, Intent.CONTACT, Intent.APPLY)
               if i is not skip]
    url = apply_url(v)
    if url:
        buttons.append(Button(label("page", lang), url=url))
    return tuple(buttons)


def compose(intent: Intent, v: Vacancy, lang: str, focus: tuple[str, ...] = ()) -> list[Block]:
    """The intent's blocks; `focus` are the words the user named the vacancy by."""
    if intent is Intent.OVERVIEW:
        return compose_overview(v, lang, focus)
    return COMPOSERS[intent](v, lang)


def short(intent: Intent, v: Vacancy, lang: str) -> list[Block]:
    """A one-vacancy digest for answers across several vacancies."""
    blocks = COMPOSERS[intent](v, lang)
    keep = [b for b in blocks if b.style in (Style.ITEM, Style.NOTE)][:4] or blocks[:2]
    return [Block(v.title + (" (closed)" if v.closed else ""), Style.TITLE), *keep]
