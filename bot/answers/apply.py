"""How to apply, as a checklist, and whom to contact — as the page pairs names and addresses.

Apply: where to send it (the address with the person's name, from a mailto link or the
text) or the apply link; the e-mail subject or reference; the documents; size or format
limits; the deadline; then anything else the page says about the procedure, links kept.
"""

from __future__ import annotations

import re

import lang
from bot.answers.common import (
    Ask,
    Part,
    as_blocks,
    best_sentences,
    contact_pairs,
    fact_lines,
    focus_stems,
    page_url,
    part,
    said_or_silent,
    sentences,
)
from bot.model import Block, Intent, Style
from bot.phrases import phrase, what
from knowledge.model import FactKind, Kind, Section, Vacancy
from knowledge.sentences import Sentence
from knowledge.textnorm import fold

_SEND = re.compile(rf"\b({lang.page_words('send')})\w*", re.I)
_QUESTIONS = re.compile(lang.page_words("questions"), re.I)
_ENQUIRY = re.compile(lang.page_words("questions") + "|" + lang.page_words("contact"), re.I)
# Equal-opportunity statements speak of applications but say nothing about how to apply.
_NOT_PROCEDURE = re.compile(lang.page_words("not_procedure"), re.I)
_PROCEDURE = re.compile(lang.page_words("procedure"), re.I)


_INSTRUCTION = re.compile(r"\b(?:" + "|".join(
    re.escape(w) for w in lang.QUERY.instructions) + r")\b")


def _send_to(v: Vacancy) -> list[tuple[str, str]]:
    """(name, address) the page says to send the application to."""
    said = ((name, mail, next((s.text for s in sentences(v) if mail.lower() in s.raw.lower()), ""))
            for name, mail in contact_pairs(v) if mail)  # with the sentence that gives it
    return [(name, mail) for name, mail, text in said
            if _SEND.search(text) and not _QUESTIONS.search(text)]


def apply(v: Vacancy, ask: Ask, budget: int) -> Part:
    """The checklist; first the page's sentence on what the question itself names ("do I
    need a cover letter?": "No need for a separate cover letter")."""
    lang = ask.lang
    cut: list[bool] = []
    lead = best_sentences(v, focus_stems(ask.focus), 1, minimum=0.5)
    blocks = as_blocks(lead, 400, items=False)
    url = page_url(v)  # written out even when it is no valid link: never lost
    if url and not v.closed:
        blocks.append(Block(f"{phrase('apply_via', lang)}: {url}", Style.ITEM))
    for name, mail in _send_to(v)[:2]:
        target = f"{name} ({mail})" if name else mail
        blocks.append(Block(f"{phrase('send_to', lang)}: {target}", Style.ITEM))
    given: set[str] = set()
    for kind, key in ((FactKind.SUBJECT_LINE, "subject_line"), (FactKind.REFERENCE, "reference"),
                      (FactKind.SIZE_LIMIT, "size_limit")):
        for f in v.facts_of(kind)[:1]:
            if fold(f.value) not in given:  # a reference that is also the subject: once
                blocks.append(Block(f"{phrase(key, lang)}: {f.value}", Style.ITEM))
                given.add(fold(f.value))
    docs = list(dict.fromkeys(f.value for f in v.facts_of(FactKind.DOCUMENT)))
    if docs:
        blocks.append(Block(f"{phrase('documents', lang)}: {', '.join(docs[:8])}", Style.ITEM))
    blocks += fact_lines(v, {FactKind.DEADLINE: "deadline"}, lang, 1)
    said = fold(" ".join(b.text for b in blocks))
    procedure = sentences(v, Kind.APPLICATION) or [
        s for s in sentences(v, Kind.CONTACT, Kind.TERMS, Kind.OTHER, Kind.INTRO)
        if _PROCEDURE.search(s.text)]
    fresh = [s for s in procedure if (_INSTRUCTION.search(s.low) or not _covered(
        s.text, said, docs)) and not _NOT_PROCEDURE.search(s.text)]
    # the decisive instructions first: "do not send it by e-mail", "only via the portal",
    # "select the programme ...", "in one PDF"
    fresh.sort(key=lambda s: not _INSTRUCTION.search(s.low))
    quoted = as_blocks(fresh, max(250, budget - len(said)), items=False, cut=cut)
    blocks += quoted
    if not blocks:
        return part(said_or_silent(v, ask, Intent.APPLY, what("apply", lang)))
    return part(blocks, (sec for sec in v.sections if sec.kind is Kind.APPLICATION and quoted),
                cut)


def _covered(text: str, said: str, docs: list[str]) -> bool:
    """Does the checklist already say what this sentence says (a document it lists, with no
    address, link or date beside it), or is it a lead-in ("You should supply")?"""
    low = fold(text)
    if len(low) < 25:
        return low in said or not re.search(r"[.!?]$", low)
    names_a_doc = any(fold(d)[:10] in low for d in docs)
    return names_a_doc and not re.search(r"https?://|@|\d", low)


def contact(v: Vacancy, ask: Ask, budget: int) -> Part:
    """Whom to write to, as the page pairs names and addresses; first the page's sentence
    on what was asked ("who supervises it?": "jointly supervised by X and Y")."""
    lead = best_sentences(v, focus_stems(ask.focus), 1, minimum=0.5)
    blocks = as_blocks(lead, 400, items=False)
    sections: list[Section] = []
    anchor = lead or best_sentences(v, focus_stems(ask.mentioned), 1, minimum=0.5)
    pairs = _nearest_first(v, contact_pairs(v), anchor[0] if anchor else None)
    blocks += [Block(f"{name} — {mail}" if name and mail else name or mail, Style.ITEM)
               for name, mail in pairs[:4]]
    if not any(mail for _, mail in pairs):
        # no address as a fact: the page's own words on whom to contact
        found = [s for s in sentences(v, Kind.CONTACT, Kind.APPLICATION) if "@" in s.raw
                 or _ENQUIRY.search(s.text)]
        blocks += as_blocks(found[:2], 400, items=False)
        sections = [sec for sec in v.sections if sec.kind is Kind.CONTACT and found]
    if not blocks:  # "who leads the group?": the page's sentence that names its professor
        blocks = [Block(_around(s.text, m.start(), 300)) for s in sentences(v)
                  for m in [_TITLED.search(s.text)] if m][:1]
    if not blocks:
        return part(said_or_silent(v, ask, Intent.CONTACT, what("contact", ask.lang),
                                   whom=bool(pairs)))
    return part(blocks, sections)


def _nearest_first(v: Vacancy, pairs: list[tuple[str, str]],
                   anchor: Sentence | None) -> list[tuple[str, str]]:
    """On a page of several topics — it gives contacts before the sentence the message named
    (a topic's title) and after it — the first one after it (the topic's "Ansprechperson")
    comes first."""
    said = sentences(v)
    if anchor is None or len(pairs) < 2 or anchor not in said:
        return pairs
    start = said.index(anchor)
    if not any(x and x in s.text for s in said[:start] for pair in pairs for x in pair):
        return pairs  # one topic: its contacts as the page orders them
    for s in said[start : start + _NEAR]:
        for pair in pairs:
            if any(x and x in s.text for x in pair):
                return [pair, *(p for p in pairs if p != pair)]
    return pairs


_NEAR = 12  # sentences after a topic's title its contact is looked for in


# A person named with an academic title: "Prof. Dr. Lucie Flek", "Professor Ada Brick".
_TITLED = re.compile(r"\b(?:Prof|Professor|Professorin|Dr)\b\.?\s+(?:Dr\.\s+)?[A-ZÄÖÜ]"
                     r"[\w-]+\s+[A-ZÄÖÜ]")


def _around(text: str, at: int, limit: int) -> str:
    """`text` cut to about `limit` characters that keep the words from `at` in sight: "… the
    international research group X of Prof. Dr. Lucie Flek, working in …"
    """
    if len(text) <= limit:
        return text
    start = max(0, min(at - limit // 2, len(text) - limit))
    if start:
        start = text.find(" ", start) + 1
    piece = text[start : start + limit]
    if start + limit < len(text):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return ("…" if start else "") + piece
