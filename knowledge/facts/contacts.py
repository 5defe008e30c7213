"""Who to contact: e-mail addresses (with the person's name when known) and contact persons.

Names come from, in this order of trust: ``[Name](mailto:...)`` link labels, ``[member/slug]``
references (resolved against `Vacancy.people` with rapidfuzz, else made readable from the
slug), people-page links, a name written right before an address ("Jasper Weeteling
(jasper@...)"), and names of `people` written in a contact sentence. When no contact
sentence names anybody, the page's `people` are the contacts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from knowledge.facts._text import MD_LINK, Sentence, plain, trim
from knowledge.model import Fact, FactKind, Kind, Vacancy
from knowledge.text import MEMBER_REF, resolve_person

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


def deobfuscate(text: str) -> str:
    """Addresses written to fool harvesters, as addresses: "jane.doe[at]uni-x.de" ->
    "jane.doe@uni-x.de", "jdoe (at) uni (dot) nl" -> "jdoe@uni.nl"."""
    if "at" not in text.lower() and "@" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        local = m.group("l") or m.group("l2")
        domain = m.group("d") or m.group("d2")
        domain = re.sub(rf"{_SPELLED_DOT}|{_DOT}", ".", domain, flags=re.I)
        return f"{local}@{domain}"

    return _OBFUSCATED.sub(repl, text)
_TITLES = re.compile(
    r"^(?:(?:prof|dr|drs|ir|ing|mr|ms|mrs|msc|m\.sc|phd|ph\.d|priv\.-doz|pd)\.?\s*)+",
    re.I,
)
_PARTICLE = r"(?:van|de|der|den|von|ter|te|ten|zu|du|da|di|del|dos|[‘'’]t|t|la|le)"
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'‘-]*\.?"
_TITLE_PREFIX = r"(?:(?:Prof|Dr|Drs|Ir|Ing|Mr|Ms|Mrs)\.?\s*(?:(?:dr|ir|Dr|Ir)\.?\s*)*)?"
NAME = rf"{_TITLE_PREFIX}{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,3}}{_NAME_WORD}){{1,4}}"
_NAME_BEFORE_EMAIL = re.compile(
    rf"(?P<n>{NAME})\s*[(<\[]\s*(?:mailto:\s*)?(?P<e>{EMAIL.pattern})", re.UNICODE
)
_NAME_THEN_AT = re.compile(rf"(?P<n>{NAME})\s*(?:at|via|:)\s*(?:mailto:\s*)?(?P<e>{EMAIL.pattern})")
_CONTACT_CUE = re.compile(
    r"contact|more information|further information|additional information|questions?\b|"
    r"obtained from|reach out|directed to|inquir|enquir|e-?mail to|send\b[^.]{0,80}\bto\b|"
    r"submit\b[^.]{0,60}\bto\b|apply directly|information about|ansprechpartner|kontakt|"
    r"fragen|informatie|vragen|neem contact|auskunft|wenden sie sich",
    re.I,
)
_NOT_PERSON = re.compile(
    r"\b(?:group|lab|laboratory|university|universit|department|center|centre|institute|"
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
    section: int
    name: str
    contact: bool  # found in a contact sentence
    detail: str


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
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def looks_like_name(label: str) -> bool:
    """'Prof. Dr. Shadi Albarqouni' yes; 'this page', 'Computational Pathology Group' no."""
    bare = strip_titles(label)
    if not bare or "@" in bare or re.search(r"\d|/|:", bare):
        return False
    words = bare.split()
    if not 2 <= len(words) <= 6 or _NOT_PERSON.search(bare):
        return False
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 2 and all(
        w[:1].isupper() or re.fullmatch(_PARTICLE, w, re.I) for w in words
    )


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


def _is_contact(s: Sentence) -> bool:
    if s.kind is Kind.CONTACT or re.search(r"contact|kontakt|informati", s.heading, re.I):
        return True
    return s.has(*_CONTACT_WORDS) and bool(_CONTACT_CUE.search(s.text))


def extract(v: Vacancy, sentences: Sequence[Sentence]) -> list[Fact]:
    """EMAIL and CONTACT_PERSON facts."""
    people = v.people
    persons: dict[str, Fact] = {}  # folded bare name -> fact
    emails: dict[str, _Mail] = {}  # lower address -> first sighting

    def add_person(name: str, s: Sentence) -> str:
        canonical = _canonical(name, people)
        key = _fold(strip_titles(canonical))
        if key and key not in persons:
            persons[key] = Fact(FactKind.CONTACT_PERSON, canonical, s.section, trim(s.text))
        return canonical

    def add_email(address: str, s: Sentence, name: str = "") -> None:
        address = address.rstrip(".,;:")
        key = address.lower()
        if key not in emails:
            emails[key] = _Mail(address, s.section, name, _is_contact(s), trim(s.text))
        elif name and not emails[key].name:
            emails[key].name = name

    for s in sentences:
        raw = deobfuscate(s.raw)
        contact = _is_contact(s)
        for m in MD_LINK.finditer(raw) if "](" in raw else ():
            label, url = plain(m.group(2)), m.group(3).strip()
            if url.lower().startswith("mailto:"):
                address = _MAILTO.sub("", url).split("?", 1)[0]
                name = label if "@" not in label and looks_like_name(label) else ""
                if name and contact:
                    add_person(name, s)
                add_email(address, s, name)
            elif contact and looks_like_name(label) and (
                _PEOPLE_URL.search(url) or _CONTACT_CUE.search(s.text)
            ):
                add_person(label, s)
        if contact and "[member/" in raw:
            for m in MEMBER_REF.finditer(raw):
                add_person(resolve_person(m.group(1), people), s)
        if "@" in raw:
            text_no_links = MD_LINK.sub(lambda m: plain(m.group(2)), raw)
            for m in _NAME_BEFORE_EMAIL.finditer(text_no_links):
                name = m.group("n")
                if looks_like_name(name):
                    canonical = add_person(name, s) if contact else _canonical(name, people)
                    add_email(m.group("e"), s, canonical)
            for m in EMAIL.finditer(_MAILTO.sub("", raw)):
                add_email(m.group(0), s)
        if contact:
            for person in people:
                pattern = r"\b" + re.escape(person).replace(r"\ ", r"\s+") + r"\b"
                if re.search(pattern, s.text) or (
                        "t " in person and _fold(person) in _fold(s.text)):
                    add_person(person, s)

    facts: list[Fact] = []
    names = [f.value for f in persons.values()] + list(people)
    for mail in emails.values():
        owner = mail.name or email_owner(mail.address, names)
        if not owner and (owner := name_from_address(mail.address)) and mail.contact:
            key = _fold(owner)
            persons.setdefault(key, Fact(FactKind.CONTACT_PERSON, _canonical(owner, people),
                                         mail.section, mail.detail))
        facts.append(Fact(FactKind.EMAIL, mail.address, mail.section, owner))
    contact_facts = list(persons.values())
    if not contact_facts:
        contact_facts = [Fact(FactKind.CONTACT_PERSON, p, -1, "listed in the page's people")
                         for p in people]
    return facts + contact_facts
