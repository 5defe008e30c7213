"""How the work is done: the working language and the working days, as the page says them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.facts._text import Gates, Sentence, fact, trim
from knowledge.model import Fact, FactKind

_LANGUAGE = re.compile(
    r"\b(?:working|work|official|lab|group|team|project)\s+language\s+(?:is|will\s+be|:)\s+"
    r"(?P<v>[A-Z][a-z]+(?:\s+(?:and|or)\s+[A-Z][a-z]+)?)"
    r"|\b(?:Arbeitssprache|Projektsprache|Teamsprache)\s+(?:ist|:)\s+(?P<d>[A-Z][a-z]+"
    r"(?:\s+(?:und|oder)\s+[A-Z][a-z]+)?)"
    r"|\b(?:voertaal|werktaal)\s+(?:is|:)\s+(?:het\s+)?(?P<n>[A-Z][a-z]+)", re.I)
_DAY = (r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|(?:montag|dienstag|mittwoch|donnerstag|"
        r"freitag|samstag|sonntag)s?|(?:maan|dins|woens|donder|vrij|zater|zon)dag(?:en)?")
# "montags und dienstags", "on Mondays and Tuesdays", "op maandag en dinsdag"
_DAYS = re.compile(rf"\b(?P<v>(?:{_DAY})(?:\s*(?:,|und|and|en|&|oder|or|bis|to|tot|-|–)\s*"
                   rf"(?:{_DAY}))+|(?:{_DAY}))\b", re.I)
_WORK_CUE = re.compile(r"work|arbeit|werk|office|büro|kantoor|present|anwesen|aanwezig|"
                       r"available|verfügbar|beschikbaar|on[- ]site|vor\s+ort|hours|stunden|"
                       r"uur|tage|days|dagen", re.I)


def extract(sentences: Sequence[Sentence]) -> list[Fact]:
    """WORKING_LANGUAGE and WORKING_DAYS facts."""
    out: list[Fact] = []
    has = Gates(sentences)
    language, day = has("language", "sprache", "taal"), has("day", "tag", "dag")
    for i, s in enumerate(sentences):
        if i in language and (m := _LANGUAGE.search(s.text)):
            name = "v" if m.group("v") else "d" if m.group("d") else "n"
            out.append(fact(FactKind.WORKING_LANGUAGE, m.group(name), s,
                            trim(s.text, *m.span(name))))
        if i in day and (d := _DAYS.search(s.text)) and _WORK_CUE.search(
                s.text):
            out.append(fact(FactKind.WORKING_DAYS, d.group("v"), s, trim(s.text, *d.span("v"))))
    return out
