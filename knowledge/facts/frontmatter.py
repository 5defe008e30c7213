"""Facts the page's header states in fields: deadline, start and end dates, duration, hours,
salary or pay grade, location, institution, contacts and their addresses, apply link,
number of positions, reference — read by meaning (`knowledge.fields.SYNONYMS`), so
``closing-date``, ``appldate`` and ``Bewerbungsschluss`` are all the deadline.

Free-text fields (salary, hours, duration) go through the same extractors as the body, as a
sentence "key: value"; what they do not recognise is kept as written (a salary statement,
a duration) rather than dropped. A field's facts have section -1 and the field as written
("closing-date: 20.11.2020") as detail. Contacts pair a name and an address only when the
same field value pairs them ("[Name](mailto:x)", "Name <x>").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from knowledge.facts import salary, timing
from knowledge.facts._text import MD_LINK, Sentence, plain
from knowledge.facts.contacts import EMAIL, deobfuscate, looks_like_name
from knowledge.fields import Field, as_date, as_text, fields_by_meaning
from knowledge.model import Fact, FactKind, Kind, Vacancy

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_FULL_PART = re.compile(r"\b(?:full[- ]?time|part[- ]?time|vollzeit|teilzeit|voltijd|deeltijd|"
                        r"\d+\s*%|\d(?:[.,]\d+)?\s*fte)\b", re.I)


def _sentence(f: Field, kind: Kind = Kind.TERMS) -> Sentence:
    raw = f"{f.key.replace('-', ' ').replace('_', ' ')}: {_raw_text(f.value)}"
    text = plain(raw)
    return Sentence(-1, kind, f.key, raw, text, text.lower(), False, f.line)


def _raw_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_raw_text(v) for v in value)
    return str(value) if not isinstance(value, str) else value


def _detail(f: Field) -> str:
    """The field as the page writes it: "closing-date: 20.11.2020"."""
    if isinstance(f.value, dt.datetime):
        return f"{f.key}: {f.value.isoformat(sep=' ')}"
    return f"{f.key}: {f.text}"


def _field(kind: FactKind, value: str, f: Field, detail: str | None = None) -> Fact:
    """A fact read from header field `f`: its line, and the field as written as source."""
    return Fact(kind, value, -1, _detail(f) if detail is None else detail, f.line, _detail(f))


def _dates(by: dict[str, list[Field]]) -> list[Fact]:
    out: list[Fact] = []
    for f in by.get("published", []):
        day = as_date(f.value) or next(iter(re.findall(r"\d{4}-\d{2}-\d{2}", f.text)), "")
        if day:
            out.append(_field(FactKind.PUBLISHED, day, f))
    for meaning, kind in (("deadline", FactKind.DEADLINE), ("start", FactKind.START_DATE),
                          ("end", FactKind.END_DATE)):
        for f in by.get(meaning, []):
            out.append(_field(kind, f.text, f))
    return out


def _durations(by: dict[str, list[Field]]) -> list[Fact]:
    out: list[Fact] = []
    for f in by.get("duration", []):
        found = [x for x in timing.extract([_sentence(f)]) if x.kind is FactKind.DURATION]
        out += [_field(FactKind.DURATION, x.value, f) for x in found] or [
            _field(FactKind.DURATION, f.text, f)]
    return out


def _money_and_time(by: dict[str, list[Field]]) -> list[Fact]:
    out: list[Fact] = []
    for f in by.get("salary", []):
        found = salary.extract([_sentence(f)])
        if not any(x.kind in (FactKind.SALARY_AMOUNT, FactKind.PAY_SCALE) for x in found):
            found = [x for x in found if x.kind is not FactKind.SALARY_STATEMENT]
            found.append(_field(FactKind.SALARY_STATEMENT, f.text, f))
        out += [_field(x.kind, x.value, f) for x in found
                if x.kind is not FactKind.SALARY_STATEMENT or x.value == f.text]
    for f in by.get("hours", []):
        s = _sentence(f)
        found = salary.extract([s]) + [x for x in timing.extract([s])
                                       if x.kind is FactKind.DURATION]
        found = [x for x in found if x.kind is not FactKind.SALARY_STATEMENT]
        if not any(x.kind is FactKind.HOURS for x in found):
            words = [p.strip() for p in re.split(r"[,;]", f.text) if _FULL_PART.search(p)]
            found += [_field(FactKind.HOURS, w, f) for w in words[:1]]
        out += [_field(x.kind, x.value, f) for x in found]
    return out


def _is_name(text: str) -> bool:
    """A place or organisation as people write it, not a slug ("jobs", "job-single-1")."""
    return bool(re.search(r"[A-ZÄÖÜ]", text)) and not re.fullmatch(r"[a-z0-9_-]+", text)


def _places(by: dict[str, list[Field]]) -> list[Fact]:
    out: list[Fact] = []
    for f in by.get("location", []):
        if _is_name(f.text):
            out.append(_field(FactKind.LOCATION, f.text, f))
    for f in by.get("institution", []):
        if _is_name(f.text):
            out.append(_field(FactKind.INSTITUTION, f.text, f))
    return out


def _items(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _items(v)]
    if isinstance(value, dict):
        name = as_text(value.get("name") or value.get("title") or "")
        mail = as_text(value.get("email") or value.get("mail") or "")
        return [f"[{name}](mailto:{mail})" if name and mail else name or mail]
    return [p for p in re.split(r"\s*(?:;|,|\band\b|\bund\b|\ben\b|&)\s*(?![^\[]*\])",
                                str(value)) if p.strip()]


def _contacts(by: dict[str, list[Field]]) -> list[Fact]:
    out: list[Fact] = []
    for f in by.get("contact", []):
        for item in _items(f.value):
            item = deobfuscate(item)
            link = MD_LINK.search(item)
            if link and link.group(3).lower().startswith("mailto:"):
                name, address = plain(link.group(2)), link.group(3)[7:].split("?", 1)[0]
                name = name if looks_like_name(name) else ""
                if name:
                    out.append(_field(FactKind.CONTACT_PERSON, name, f))
                out.append(_field(FactKind.EMAIL, address, f, name))
                continue
            mail = EMAIL.search(item)
            name = plain(MD_LINK.sub(lambda m: m.group(2), EMAIL.sub("", item)))
            name = re.sub(r"[<>()\[\]:,]+", " ", name).strip()
            name = " ".join(name.split())
            single = not mail and len(name.split()) == 1 and name[:1].isupper()
            if name and (looks_like_name(name) or single):
                out.append(_field(FactKind.CONTACT_PERSON, name, f))
            if mail:
                paired = name if name and looks_like_name(name) else ""
                out.append(_field(FactKind.EMAIL, mail.group(0), f, paired))
    for f in by.get("email", []):
        for item in _items(f.value):
            for mail in EMAIL.finditer(deobfuscate(item)):
                out.append(_field(FactKind.EMAIL, mail.group(0), f, ""))
    return out


def _other(by: dict[str, list[Field]]) -> list[Fact]:
    out: list[Fact] = []
    for f in by.get("apply", []):
        url = f.text.strip()
        if _URL.match(url):
            out.append(_field(FactKind.APPLY_URL, url, f))
        elif EMAIL.search(url):
            out.append(_field(FactKind.EMAIL, EMAIL.search(url).group(0), f, ""))  # type: ignore[union-attr]
    for f in by.get("positions", []):
        m = re.fullmatch(r"\s*(\d{1,2})\s*", f.text)
        if m and 0 < int(m.group(1)) <= 50:
            out.append(_field(FactKind.POSITIONS, m.group(1), f))
    for f in by.get("reference", []):
        out.append(_field(FactKind.REFERENCE, f.text, f))
    return out


def extract(v: Vacancy, fields: dict[str, Any] | None = None,
            lines: dict[str, int] | None = None) -> list[Fact]:
    """Facts of the header fields of `v` (from `v.extra` when `fields` is not given)."""
    if fields is None:
        fields, lines = dict(v.extra), {}
    by = fields_by_meaning(fields, lines or {})
    return (_dates(by) + _durations(by) + _money_and_time(by) + _places(by) + _contacts(by)
            + _other(by))
