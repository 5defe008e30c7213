"""Who to contact: e-mail addresses (with the person's name when the page pairs them) and
contact persons.

A name goes with an address only where the page pairs them: a ``[Name](mailto:...)`` link, a
name written right before an address ("Jasper Weeteling (jasper@...)", "Nico Jansen:
jansen@..."), a ``[member/slug]`` reference or a `people` entry whose name the address's
local part spells ("larsleijten@" and "Lars Leijten"), or a "first.last@" address whose name
is written on the page. Never a name from another sentence, never a name guessed from an
address alone, never a handle ("ahmedallam") or a bare first name as a person.

Contact persons come from those pairings, ``[member/slug]`` references, people-page links,
a "Supervisors: A, B" line, names of `people` in a contact sentence, and names a contact
sentence addresses ("please contact Alessa Hering", "Email an Felix Gessert", "neem contact
op met Marieke Kuijer"). When nobody is named, the page's `people` with a full name are the
contacts. Obfuscated addresses ("name[at]uni.de", "(at)", "{at}", "[dot]") are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import unquote

from rapidfuzz import fuzz, process

from knowledge.facts._text import MD_LINK, Sentence, fact, plain, trim
from knowledge.model import Fact, FactKind, Kind, Vacancy
from knowledge.text import MEMBER_REF, resolve_person
from knowledge.textnorm import fold

EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_MAILTO = re.compile(r"mailto:\s*", re.I)
# Obfuscated addresses: "name[at]uni.de", "name (at) uni [dot] de", "name{at}uni.de",
# "name at uni dot de". A bare " at " only counts when the dots are spelled out too, so
# "apply at radboudumc.nl" stays text.
_AT = r"(?:\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|<\s*at\s*>|\[@\]|\(@\)|\{@\})\s*)"
_DOT = r"(?:\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|<\s*dot\s*>)\s*|\.)"
_SPELLED_DOT = r"(?:\s+dot\s+|\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\})\s*)"
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+-]*"
_DOMAIN_PART = r"[A-Za-z0-9-]+"
_OBFUSCATED = re.compile(
    rf"(?<![\w.+-])(?P<l>{_LOCAL}){_AT}(?P<d>{_DOMAIN_PART}(?:{_DOT}{_DOMAIN_PART})*{_DOT}"
    rf"[A-Za-z]{{2,6}})\b"
    rf"|(?<![\w.+-])(?P<l2>{_LOCAL})\s+at\s+(?P<d2>{_DOMAIN_PART}(?:{_SPELLED_DOT}"
    rf"{_DOMAIN_PART})*{_SPELLED_DOT}[A-Za-z]{{2,6}})\b",
    re.I)


_OBFUSCATION_GATE = re.compile(r"[\[({<]\s*(?:at|@)\s*[\])}>]|\bat\b.{1,60}?\bdot\b", re.I)


def deobfuscate(text: str) -> str:
    """Addresses written to fool harvesters, as addresses: "jane.doe[at]uni-x.de" ->
    "jane.doe@uni-x.de", "jdoe (at) uni (dot) nl" -> "jdoe@uni.nl"."""
    low = text.lower()
    if "dot" not in low and "at)" not in low and "at]" not in low and "at}" not in low and \
            "at>" not in low and "@)" not in low and "@]" not in low and "@}" not in low:
        return text
    if not _OBFUSCATION_GATE.search(text):
        return text

    def repl(m: re.Match[str]) -> str:
        local = m.group("l") or m.group("l2")
        domain = m.group("d") or m.group("d2")
        domain = re.sub(rf"{_SPELLED_DOT}|{_DOT}", ".", domain, flags=re.I)
        return f"{local}@{domain}"

    return _OBFUSCATED.sub(repl, text)
_TITLES = re.compile(
    r"^(?:(?:prof|dr|drs|ir|ing|mr|ms|mrs|msc|m\.sc|phd|ph\.d|priv\.-doz|pd|frau|herr|mevr|"
    r"mevrouw|dhr|meneer)\.?\s+|(?:prof|dr|drs|ir|ing)\.[\s-]*|"
    # the parts of Austrian and German degrees: "Ao.Univ.-Prof. Dr.techn.", "MMag. Dr.",
    # "Dipl.-Ing. Dr.rer.nat."
    r"(?:ao|univ|apl|em|dipl|mag|mmag|habil|techn|rer|nat|phil|med|sc|doz)\.[\s-]*)+",
    re.I,
)
_PARTICLE = r"(?:van|de|der|den|von|ter|te|ten|zu|du|da|di|del|dos|[‘'’]t|t|la|le)"
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'‘-]*\.?"
_TITLE_PREFIX = r"(?:(?:Prof|Dr|Drs|Ir|Ing|Mr|Ms|Mrs)\.?\s*(?:(?:dr|ir|Dr|Ir)\.?\s*)*)?"
NAME = rf"{_TITLE_PREFIX}{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,3}}{_NAME_WORD}){{1,4}}"
_NAME_BEFORE_EMAIL = re.compile(
    rf"(?P<n>{NAME})\s*[(<\[]\s*(?:mailto:\s*)?(?P<e>{EMAIL.pattern})", re.UNICODE
)
_NAME_THEN_AT = re.compile(
    rf"(?P<n>{NAME})\s*(?:\bat\b|\bvia\b|:|,)\s*(?:mailto:\s*)?(?P<e>{EMAIL.pattern})")
_CONTACT_CUE = re.compile(
    r"contact|more information|further information|additional information|questions?\b|"
    r"obtained from|reach out|directed to|inquir|enquir|e-?mail to|send\b.{0,80}?\bto\b|"
    r"submit\b.{0,60}?\bto\b|apply directly|information about|ansprechpartner|kontakt|"
    r"fragen|informatie|vragen|neem contact|auskunft|wenden\s+(?:sie\s+)?sich|"
    r"melden\s+(?:sie\s+)?sich|e-?mail\s+an\b|schreiben\s+sie|schicken|senden\b.{0,80}?\ban\b|"
    r"mail\s+(?:naar|aan)|"
    r"stuur|get\s+in\s+touch|talk\s+to|write\s+to|interessenten",
    re.I,
)
# A person a contact sentence addresses: "contact Alessa Hering", "Email an Felix Gessert",
# "neem contact op met Marieke Kuijer", "send ... to Dr. Dino Wildi", "melden Sie sich bei X".
_ADDRESSED = re.compile(
    r"(?i:\b(?:contact(?:\s+op\s+met|\s+opnemen\s+met)?|reach\s+out\s+to|write\s+to|"
    r"talk\s+to|get\s+in\s+touch\s+with|send\b.{0,80}?\bto|senden\b.{0,80}?\ban|"
    r"schicken\b.{0,10}?\ban|an\b(?=.{0,60}?\bschicken)|wenden\s+(?:sie\s+)?sich\s+"
    r"(?:bitte\s+)?(?:per\s+e-?mail\s+)?an|melden\s+(?:sie\s+)?sich\s+(?:bitte\s+)?bei|"
    r"kontaktieren\s+sie|stuur\b.{0,60}?\bnaar|richten\s+aan|mail\s+(?:an|naar|aan|to)|"
    r"e-?mail\s+(?:an|naar|aan|to)|ask)\s+(?:(?:the|our|den|die|de)\s+)?)"
    rf"(?P<n>{NAME})")
_LABEL_LINE = re.compile(
    r"^\W*(?:supervisors?|contacts?|contact\s+persons?|pis?|principal\s+investigators?|"
    r"advisors?|betreuer(?:in(?:nen)?)?|ansprechpartner(?:in(?:nen)?)?|ansprechpersonen?|"
    r"kontakt|contactpersonen?|begeleiders?|promotors?)\s*:\s*(?P<v>.+)$", re.I)
_NOT_PERSON = re.compile(
    r"\b(?:group|lab|laboratory|university|universit\w*|hochschule|department|center|centre|"
    r"zentrum|institut\w*|fakult\w*|faculty|team|gmbh|inc|ltd|"
    r"hospital|clinic|radboud|radboudumc|umc|health|pathology|imaging|page|link|here|this|"
    r"website|apply|vacanc|application|form|portal|program|project|team|faculty|school|"
    r"foundation|council|consortium|challenge|network|society|journal|AI|scholar|"
    r"requirements|diag|information|the|our|your|and|for|of)\b",
    re.I,
)
_PEOPLE_URL = re.compile(r"/(?:people|person|members?|team|staff|medewerkers|mitarbeiter)/", re.I)


@dataclass(slots=True)
class _Mail:
    address: str
    sentence: Sentence  # where the address was first seen
    name: str
    contact: bool  # found in a contact sentence


def name_from_address(address: str) -> str:
    """'geert.litjens@x' -> 'Geert Litjens', 'Kees.vanBoven@x' -> 'Kees van Boven'; only for
    first.last addresses, else ''."""
    m = re.fullmatch(r"([A-Za-z]{2,})\.([A-Za-z]{2,})", address.split("@", 1)[0])
    if not m:
        return ""
    first, last = m.group(1), m.group(2)
    split = re.fullmatch(rf"({_PARTICLE}+)([A-Z]\w+)", last)
    if split and len(split.group(2)) > 2:
        return f"{first.capitalize()} {split.group(1).lower()} {split.group(2)}"
    return f"{first.capitalize()} {last.capitalize()}"


def strip_titles(name: str) -> str:
    return _TITLES.sub("", name.strip()).strip()


def _fold(text: str) -> str:
    """The letters of the project's `fold`: "Dr. Jörg Straße" -> "drjorgstrasse"."""
    return re.sub(r"[^a-z]", "", fold(text, 500))


def looks_like_name(label: str) -> bool:
    """'Prof. Dr. Shadi Albarqouni' yes; 'Prof. Strecker' yes (a title and a surname);
    'this page', 'Computational Pathology Group', 'ahmedallam', 'Felix' no."""
    label = re.sub(r"\s*\([^()]*\)\s*$", "", label.strip())  # "Trevor Campbell (UBC)"
    bare = strip_titles(label)
    if bare != label.strip() and re.fullmatch(r"[A-ZÀ-ÖØ-Þ][\w’'‘-]{2,}", bare) and not (
            _NOT_PERSON.search(bare)):
        return True
    if not bare or "@" in bare or re.search(r"\d|/|:", bare):
        return False
    words = bare.split()
    if not 2 <= len(words) <= 6 or _NOT_PERSON.search(bare):
        return False
    if any(len(w) > 1 and w.isupper() for w in words):
        return False  # "UKE Hamburg": an acronym is not part of a person's name
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 2 and all(
        w[:1].isupper() or re.fullmatch(_PARTICLE, w, re.I) for w in words
    )


_WORD = r"[A-ZÀ-ÖØ-Þ](?:\.|[\w’'‘-]+)"  # a name's word or its initial, not a sentence's end
# A name written after an academic title, in any sentence: "Prof. Dr. Lucie Flek", "Dr.
# Charles Welch", "Prof. Strecker". The title says it is a person, in German too (which
# capitalises every noun, so capitals alone tell no name there).
_TITLED = re.compile(
    r"(?<![\w.])(?:Prof|Dr|PD|Professor|Professorin)\.?(?:[ \t]+(?:Dr|Prof)\.?"
    r"(?:[ \t]*(?:rer|nat|med|phil|techn|ing|habil)\.)*)*[ \t]+"
    rf"(?!(?:Dr|Prof)\b)(?P<n>{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,3}}{_WORD}){{0,2}})\b")


def titled_names(text: str) -> list[str]:
    """The people `text` names with an academic title, without the title, each once."""
    found = (m.group("n") for m in _TITLED.finditer(text))
    return list(dict.fromkeys(n for n in found if not _NOT_PERSON.search(n) and not any(
        len(w) > 1 and w.isalpha() and w.isupper() for w in n.split())))  # "Prof. ETH"


def _canonical(name: str, people: tuple[str, ...]) -> str:
    """The matching entry of `people` for a written name, else the name as written."""
    bare = strip_titles(name)
    if people:
        hit = process.extractOne(_fold(bare), [_fold(p) for p in people], scorer=fuzz.ratio,
                                 score_cutoff=85)
        if hit:
            return people[hit[2]]
    return re.sub(r"\s+", " ", name).strip()


def email_owner(address: str, names: Sequence[str]) -> str:
    """The name among `names` an address's local part spells, or ''."""
    local = _fold(address.split("@", 1)[0])
    parts = [p for p in re.split(r"[._-]", address.split("@", 1)[0]) if p]
    if len(local) < 3:
        return ""
    best, best_score = "", 0.0
    for name in names:
        folded = _fold(strip_titles(name))
        if not folded:
            continue
        words = [_fold(w) for w in strip_titles(name).split() if _fold(w)]
        score = fuzz.ratio(local, folded)
        surname = "".join(w for w in words[1:]) if len(words) > 1 else ""
        last = words[-1] if words else ""
        if surname and len(surname) >= 4 and local.endswith(surname) and local[0] == folded[0]:
            score = max(score, 92.0)
        if len(last) >= 4 and parts and _fold(parts[-1]) == last and local[0] == folded[0]:
            score = max(score, 90.0)
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 82 else ""


_CONTACT_WORDS = ("contact", "information", "question", "obtained", "reach out", "directed",
                  "inquir", "enquir", "mail", "send", "submit", "apply directly", "ansprech",
                  "kontakt", "frage", "informatie", "vragen", "auskunft", "wenden")


_CONTACT_HEADING = re.compile(r"contact|kontakt|informati", re.I)


def _is_contact(s: Sentence) -> bool:
    if s.kind is Kind.CONTACT or _CONTACT_HEADING.search(s.heading):
        return True
    return s.has(*_CONTACT_WORDS) and bool(_CONTACT_CUE.search(s.text))


def _page_name(name: str, text: str) -> str:
    """`name` as the page writes it ("Michael Faerber" -> "Michael Färber"), or "" when the
    page does not write it."""
    words = [re.escape(w) for w in name.split()]
    if len(words) < 2:
        return ""
    loose = r"\s+".join(w.replace("ae", "(?:ae|ä)").replace("oe", "(?:oe|ö)").replace(
        "ue", "(?:ue|ü)") for w in words)
    m = re.search(rf"\b{loose}\b", text, re.I)
    return m.group(0) if m else ""


# words a name-like run can start with that are not part of the name: "Contact Prof. X: x@"
_LEAD_WORDS = re.compile(r"^(?:(?:contact|kontakt|e-?mail|mail|questions?|fragen|vragen|ask|"
                         r"write|send|information|informatie|interested|interesse|bei|an|"
                         r"to|via)\b\W*)+", re.I)
_HONORIFIC = re.compile(r"^(?:frau|herr|mevrouw|mevr\.?|meneer|dhr\.?|mrs?\.?|ms\.?)\s+", re.I)


def _clean_label(label: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", label.strip())


def extract(v: Vacancy, sentences: Sequence[Sentence]) -> list[Fact]:
    """EMAIL and CONTACT_PERSON facts."""
    people = v.people
    persons: dict[str, Fact] = {}  # folded bare name -> fact
    emails: dict[str, _Mail] = {}  # lower address -> first sighting
    page_text = " ".join(s.text for s in sentences)

    def add_person(name: str, s: Sentence) -> str:
        name = _HONORIFIC.sub("", _clean_label(name)).rstrip(".,;:")
        # as the sentence writes it ("Prof. Michael Färber"); one of the page's `people` by
        # the sentence's spelling, without titles ("Natalia Alves" for "Dr. Natália Alves")
        canonical = _canonical(name, people)
        written = strip_titles(name)
        if canonical in people and len(written.split()) >= 2:
            canonical = written
        key = _fold(strip_titles(canonical))
        if key and key not in persons:
            persons[key] = fact(FactKind.CONTACT_PERSON, canonical, s, trim(s.text))
        return canonical

    def add_email(address: str, s: Sentence, name: str = "") -> None:
        address = address.rstrip(".,;:")
        key = address.lower()
        if key not in emails:
            emails[key] = _Mail(address, s, name, _is_contact(s))
        elif name and not emails[key].name:
            emails[key].name = name

    # the page's people as a sentence may write them; an author handle or a first name alone
    # is not a contact person
    named = [(p, re.compile(r"\b" + re.escape(p).replace(r"\ ", r"\s+") + r"\b"))
             for p in people if len(strip_titles(p).split()) >= 2]
    for s in sentences:
        raw = deobfuscate(s.raw)
        contact = _is_contact(s)
        for m in MD_LINK.finditer(raw) if "](" in raw else ():
            label, url = plain(m.group(2)), m.group(3).strip()
            if url.lower().startswith("mailto:"):
                # a mailto address is percent-encoded ("%61%69%74@…" hides "ait@…")
                address = unquote(_MAILTO.sub("", url).split("?", 1)[0]).strip()
                if "@" not in address:
                    continue
                name = label if "@" not in label and looks_like_name(label) else ""
                if name:  # the page pairs the name and the address: a contact
                    add_person(name, s)
                add_email(address, s, _clean_label(name))
            elif contact and looks_like_name(label) and (
                _PEOPLE_URL.search(url) or _CONTACT_CUE.search(s.text) or s.kind is Kind.CONTACT
            ):
                add_person(label, s)
        if contact and "[member/" in raw:
            for m in MEMBER_REF.finditer(raw):
                add_person(resolve_person(m.group(1), people), s)
        if "@" in raw:
            text_no_links = MD_LINK.sub(lambda m: plain(m.group(2)), raw)
            text_no_links = plain(text_no_links)
            for pattern in (_NAME_BEFORE_EMAIL, _NAME_THEN_AT):
                for m in pattern.finditer(text_no_links):
                    name = _LEAD_WORDS.sub("", m.group("n"))
                    if looks_like_name(name):
                        add_email(m.group("e"), s, add_person(name, s))
            for m in EMAIL.finditer(_MAILTO.sub("", raw)):
                add_email(m.group(0), s)
        if s.item and (s.kind is Kind.CONTACT or _CONTACT_HEADING.search(s.heading)):
            # a contact section's list of people, each with a title (a German noun phrase
            # is capitalised too): "- Ao.Univ.-Prof. Dr. Viktor Kaufmann", "- Dr. Andreas
            # Keller (Institute of Geography)"
            alone = _clean_label(EMAIL.sub("", s.text).strip(" ,;:-–<>")).strip(" ,;:-–()")
            if strip_titles(alone) != alone and looks_like_name(alone):
                add_person(alone, s)
        label_line = _LABEL_LINE.match(s.text)
        if label_line:
            for part in re.split(r"\s*(?:,|;|\band\b|\bund\b|\ben\b|&)\s*",
                                 label_line.group("v")):
                part = EMAIL.sub("", part).strip(" ()<>")
                if looks_like_name(part):
                    add_person(part, s)
        if contact:
            for person, written in named:
                if written.search(s.text) or (
                        "t " in person and _fold(person) in _fold(s.text)):
                    add_person(person, s)
            for m in _ADDRESSED.finditer(s.text):
                name = m.group("n").rstrip(".")
                if looks_like_name(name) and len(strip_titles(name).split()) >= 2:
                    add_person(name, s)

    facts: list[Fact] = []
    names = [f.value for f in persons.values()] + list(people)
    for mail in emails.values():
        owner = mail.name or email_owner(mail.address, names)
        if not owner and (guess := name_from_address(mail.address)):
            owner = _page_name(guess, page_text)  # only a name the page writes too
            if owner and mail.contact:
                persons.setdefault(_fold(owner), fact(
                    FactKind.CONTACT_PERSON, _canonical(owner, people), mail.sentence))
        facts.append(replace(fact(FactKind.EMAIL, mail.address, mail.sentence, owner),
                             source=mail.sentence.raw))  # the address may be a link's
    contact_facts = list(persons.values())
    if not contact_facts:
        contact_facts = [Fact(FactKind.CONTACT_PERSON, p.strip("“”\"'"), -1,
                              "listed in the page's people", v.people_line, v.people_source)
                         for p in people if len(strip_titles(p).split()) >= 2]
    return facts + contact_facts
