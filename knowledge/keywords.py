"""The words a vacancy is known by, weighted — what a user types to name it.

Computed once at ingest and stored with the vacancy, so that the bot resolves "the OCT PhD",
"PANCAIM", "the Bonn position" or "Litjens' vacancy" from memory without scanning text.
The same `fold`/`words` must be used on the user's message.
"""

from __future__ import annotations

import re

from knowledge.model import FactKind, Kind, Vacancy
from knowledge.textnorm import fold, words

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\b")
# Words too common in vacancy pages (or questions) to tell vacancies apart.
GENERIC = frozenset(
    """a an the and or of in on at to for with by from as is are be this that these those it its
    we you your our their they he she i me my us do does did can could would should will shall
    what which who whom whose when where why how about more any all some there here
    ph d position positions vacancy vacancies job jobs candidate candidates
    project projects researcher research researchers
    opening openings offer offering offered apply application new two three four one
    ai artificial intelligence deep learning machine based using use via into
    de het een van en voor met op te der die das und für im zu ein eine mit""".split()
)
_ACRONYM_STOP = frozenset(
    "AI PHD MSC CV PDF MD PD EU UK USA CT MR MRI DL ML IT OR AND THE DIAG GPU GPUS MB".split()
)

# What kind of position it is: a name only when few vacancies share it, so weighed lightly.
TYPE_WORDS = frozenset("""phd phds postdoc postdocs postdoctoral msc master masters student
    students doktorand doktorandin promovendus promotieplaats engineer engineers
    internship""".split())
WEIGHTS = {"title": 3.0, "id": 2.5, "acronym": 2.5, "group": 2.5, "person": 2.0, "code": 4.0,
           "place": 2.0, "description": 1.5, "intro": 1.0, "tag": 1.5}



def keywords(v: Vacancy) -> dict[str, float]:
    """token -> weight for the vacancy; generic words left out."""
    weights: dict[str, float] = {}

    def add(text: str, weight: float) -> None:
        for w in set(words(text)):
            if w not in GENERIC and len(w) > 1:
                w_weight = min(weight, 1.5) if w in TYPE_WORDS else weight
                weights[w] = max(weights.get(w, 0.0), w_weight)

    add(v.title, WEIGHTS["title"])
    add(v.id.replace("_", " ").replace("-", " "), WEIGHTS["id"])
    add(v.description, WEIGHTS["description"])
    for g in v.groups:
        add(g, WEIGHTS["group"])
        add(g.replace("-", ""), WEIGHTS["group"])
    for t in v.tags:
        add(t, WEIGHTS["tag"])
    for p in v.people:
        add(p, WEIGHTS["person"])
    for s in v.sections:
        if s.kind in (Kind.INTRO,):
            add(s.text, WEIGHTS["intro"])
        for acr in _ACRONYM.findall(s.text):
            if acr not in _ACRONYM_STOP:
                add(acr, WEIGHTS["acronym"])
    for acr in _ACRONYM.findall(v.title):
        if acr not in _ACRONYM_STOP:
            add(acr, WEIGHTS["acronym"])
    for f in v.facts:
        if f.kind in (FactKind.REFERENCE, FactKind.SUBJECT_LINE):
            weights[fold(f.value)] = WEIGHTS["code"]
            add(f.value, WEIGHTS["code"] - 1)
        elif f.kind in (FactKind.LOCATION,):
            add(f.value, WEIGHTS["place"])
        elif f.kind is FactKind.CONTACT_PERSON:
            add(f.value, WEIGHTS["person"])
    return {k: round(w, 2) for k, w in weights.items()}
