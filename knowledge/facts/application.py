"""How to apply: the apply link, documents asked for, size limit, subject line, reference."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from knowledge.facts._text import MD_LINK, Gates, Sentence, fact, plain, trim
from knowledge.model import Fact, FactKind, Kind, Vacancy

_VACANCY_URL = re.compile(
    r"/vacanc(?:y|ies)/|/vacatures?/|/vacatur|careersat|werkenbij|/jobs?/|/job-|"
    r"/stellen|stellenangebot|academictransfer|workday|/careers?/|/karriere|jobportal|"
    r"/apply|recruitee|smartrecruiters|join\.com|/positions?/|/bewerb",
    re.I,
)
_EXCLUDED_URL = re.compile(
    r"mailto:|scholar\.google|github\.com|gitlab|linkedin|nfu\.nl|/cao|arbeidsvoorwaarden|"
    r"faciliteiten|wat-bieden|ai-for-health\.nl/requirements|twitter|doi\.org|pubmed|arxiv|"
    r"/faq\b|/error\b|aspxerrorpath",
    re.I,
)
_APPLY_LABEL = re.compile(
    r"^(?:here|this link|link|this page|the following link|apply|apply here|apply now|"
    r"online|form|portal|website|hier|deze link|diesen link|this website|deze pagina)\b|"
    r"\bapply\b|\bbewerb|\bsollicit|\bportal\b|application\s+(?:portal|system|form|page)|"
    r"online[- ]application|stellenportal|jobportal",
    re.I,
)
_APPLY_CUE = re.compile(r"\bappl(?:y|ication)|solliciteer|sollicit|bewerb|submit", re.I)

_RADBOUD_NUMBER = re.compile(
    r"radboudumc\.nl/(?:en/)?(?:vacancies|vacatures|werken-bij/vacatures)/(?P<n>\d{4,})|"
    r"careersatradboudumc\.com/\S*?-(?P<m>\d{5,})/?$",
    re.I,
)
_CODE = re.compile(r"\b[A-Z]{2,8}[/-]\d{1,3}[/-]\d{2,4}\b")
_REF_LABEL = re.compile(
    r"\b(?:reference(?:\s+(?:number|code|no\.?))?|ref\.?(?:\s*no\.?)?|vacancy\s+(?:number|no\.?|"
    r"id|code)|job\s+(?:advertisement|ad|id|number)\s*(?:no\.?|number)?|vacaturenummer|"
    r"vacature\s*(?:nummer|nr\.?)|kennziffer|kennzahl|referenznummer|ausschreibungsnummer)"
    r"\s*[:#]?\s*(?P<v>[A-Z0-9][A-Za-z0-9/._-]{2,30}[A-Za-z0-9])",
    re.I,
)
_SUBJECT = re.compile(r"\bsubject\b|\bonderwerp|\bbetreff\b|betreffzeile", re.I)
# "include at least this 🦭 (unicode glyph U+1F9AD) in the subject line"
_SUBJECT_ASKED = re.compile(
    r"\b(?:include|put|write|mention|use|add|quote|quoting|state|angeben|vermerken|"
    r"vermeld\w*|zet)\s+(?:at\s+least\s+|always\s+)?(?:this|the\s+(?:word|text|code|tag|"
    r"string|reference|number|phrase)|das\s+stichwort|den\s+text|de\s+tekst)?\s*"
    r"(?P<v>[^\s].{0,40}?)\s+(?:\([^()]{0,40}\)\s+)?(?:in|im|als|as)\s+(?:the\s+|your\s+|"
    r"de\s+|het\s+)?(?:e-?mail\s+)?(?:subject|betreff|onderwerp)", re.I)
_SIZE = re.compile(
    r"(?:up\s+to|max(?:imum|imal|\.)?(?:\s+of)?|not\s+exceed(?:ing)?|no\s+(?:larger|bigger|"
    r"more)\s+than|at\s+most|less\s+than|smaller\s+than|limit(?:ed)?\s+(?:of|to)|höchstens|"
    r"maximaal|<=?)\s*(?P<v>\d+(?:[.,]\d+)?\s*(?:MB|KB|GB|megabytes?|mb)\b)"
    r"|(?P<w>\d+(?:[.,]\d+)?\s*MB)\s*(?:max(?:imum)?|limit|or\s+less)"
    r"|(?:max(?:imum)?(?:\s+of)?|up\s+to|at\s+most|no\s+more\s+than|not\s+exceed(?:ing)?)\s*"
    r"(?P<p>(?:\d+|one|two|three)\s*(?:A4\s+)?pages?)",
    re.I,
)

# label -> pattern; each label whose pattern matches a request sentence is recorded with the
# page's own words for it ("letter of motivation", "Lebenslauf", "contact details of two
# referees"), never the label's.
DOCUMENTS: list[tuple[str, re.Pattern[str]]] = [
    # a German noun is capitalised: "mich anschreiben" (write to me) asks for no letter
    ("cover letter", re.compile(r"cover(?:ing)?\s+letter|(?-i:A)nschreiben", re.I)),
    ("motivation letter", re.compile(
        r"motivation(?:al)?\s+letter|letter\s+of\s+motivation|motivatiebrief|"
        r"sollicitatiebrief|motivationsschreiben|personal\s+statement|"
        r"(?:short\s+|brief\s+)?\bletter\b(?!\s+of\s+rec)", re.I)),
    ("CV", re.compile(r"(?:(?:academic|detailed|complete|short|tabellarischer?n?)\s+)?"
                      r"(?:\bCV\b|curriculum\s+vitae|résumé|\bresume\b|lebenslauf)", re.I)),
    ("grades", re.compile(
        r"(?:(?:copies\s+of\s+(?:your\s+)?)?(?:university\s+|academic\s+)?transcripts?"
        r"(?:\s+of\s+records)?|(?:summary\s+)?grades?(?:\s+list)?\b|list\s+of\s+(?:your\s+)?"
        r"grades(?:\s+and\s+(?:followed\s+)?courses)?|cijferlijst|notenspiegel|"
        r"academic\s+record|list\s+of\s+(?:followed\s+)?courses|(?:relevante\s+)?zeugnisse)",
        re.I)),
    ("references", re.compile(
        r"(?:the\s+)?(?:names\s+and\s+)?contact\s+(?:details|information)\s+of\s+(?:two|three|"
        r"\d)\s+(?:academic\s+)?(?:referees|references)|(?:two|three|\d)\s+(?:academic\s+)?"
        r"(?:referees|references|letters\s+of\s+recommendation|recommendation\s+letters|"
        r"reference\s+letters)|referees?|references|letters?\s+of\s+recommendation|"
        r"recommendation\s+letters?|reference\s+letters?|referenzen|empfehlungsschreiben|"
        r"referenties", re.I)),
    ("publications", re.compile(r"(?:list\s+of\s+(?:your\s+)?)?publications?|reprints?|"
                                r"papers\b|publikationen|publikationsliste", re.I)),
    ("code", re.compile(r"(?:links?\s+to\s+(?:your\s+)?)?(?:code|software)\s+"
                        r"(?:repositor(?:y|ies)|samples?)|links?\s+to\s+(?:your\s+)?code\b|"
                        r"github\s+(?:repositor(?:y|ies)|profile|identifier|account)|"
                        r"referenz-softwareprojekte\w*", re.I)),
    ("portfolio", re.compile(r"portfolio|arbeitsproben?|work\s+samples?", re.I)),
    ("degrees", re.compile(
        r"(?:(?:scanned|certified|copies\s+of\s+(?:your\s+)?)\s*)?(?:academic\s+degrees?|"
        r"diplomas?|degree\s+certificates?|certificates?\s+of\s+(?:your\s+)?degree|urkunden?)",
        re.I)),
    ("Google Scholar profile", re.compile(r"google\s+scholar(?:\s+profile)?", re.I)),
    ("thesis", re.compile(r"(?:your\s+)?(?:master'?s?|msc|bachelor'?s?)\s+thesis|"
                          r"(?<!\w)your\s+thesis|scriptie|masterarbeit", re.I)),
    ("writing sample", re.compile(r"writing\s+sample", re.I)),
    ("research statement", re.compile(r"(?:(?:brief|short)\s+)?research\s+(?:statement|"
                                      r"proposal)", re.I)),
    ("language certificate", re.compile(r"toefl|ielts|english\s+(?:language\s+)?"
                                        r"(?:certificate|test|proficiency\s+test)", re.I)),
]
# "no cover letter is needed", "without a motivation letter", "kein Anschreiben", "no need for
# a separate cover letter", "you do not need to send a CV": a document the page does not want
_NOT_NEEDED = re.compile(
    r"(?:^|\W)(?:(?:no|without|kein\w*|geen|ohne)(?:\s+(?:need|necessity)\s+(?:for|of|to\s+\w+))?|"
    r"(?:do|does|need)\s+not(?:\s+need)?(?:\s+to\s+\w+)?|don['’]?t\s+need(?:\s+to\s+\w+)?)"
    r"(?:\s+(?:a|an|any|the|your|separate|additional|extra|formal|separaten?|eigenen?|aparte))*"
    r"\s+$|^\s*(?:is|are)\s+(?:not|no\s+longer)\s+"
    r"(?:needed|required|necessary)|^\s*(?:ist|sind)\s+nicht\s+(?:nötig|erforderlich|notwendig)",
    re.I)
_REQUEST_CUE = re.compile(
    r"\b(?:supply|submit|send|sent\b|include|includ|attach|enclose|provide|upload|accompan|"
    r"consist|contain|should\s+(?:supply|contain|include)|must\s+(?:contain|include)|along\s+with|"
    r"together\s+with|stuur|gestuurd|meesturen|bijvoegen|ingediend|bestaande\s+uit|einreichen|"
    r"eingereicht|senden|gesendet|beifügen|schicken|geschickt|richten|bestehend\s+aus|"
    r"invited\s+to\s+submit|required|needed)",
    re.I,
)
_NOT_REQUEST = re.compile(
    r"processed immediately|will be evaluated|is evaluated|commencement|certificate of conduct|"
    r"\bVOG\b|screening|duration|note that|unable|compensation",
    re.I,
)
_APPLYING = re.compile(r"appl|cv\b|letter|bewerb|sollicit|pdf|e-?mail", re.I)
_NEEDS_REQUEST = frozenset({"thesis", "writing sample", "publications"})
_ASIDE = re.compile(r"\([^()]*\)")


def _is_application(s: Sentence) -> bool:
    return s.kind in (Kind.APPLICATION, Kind.CONTACT) or bool(
        re.search(r"appl|bewerb|sollicit|submit|how to", s.heading, re.I)
    )


def _apply_urls(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    cue: bool | None = None  # the sentence asks to apply: read once, not once per link
    for m in MD_LINK.finditer(s.raw):
        if m.group(1):
            continue
        label, url = plain(m.group(2)), m.group(3).strip()
        if not re.match(r"https?://", url, re.I) or _EXCLUDED_URL.search(url):
            continue
        vacancy_like = bool(_VACANCY_URL.search(url))
        if cue is None:
            cue = bool(_APPLY_CUE.search(s.text) or _is_application(s))
        asked = cue and bool(_APPLY_LABEL.search(label))
        if vacancy_like or asked:
            out.append(replace(fact(FactKind.APPLY_URL, url, s), source=s.raw))
    for m in re.finditer(r"(?<![(\[<])\bhttps?://[^\s)>\]]+", MD_LINK.sub("", s.raw)):
        url = m.group(0).rstrip(".,;")
        if _VACANCY_URL.search(url) and not _EXCLUDED_URL.search(url):
            out.append(replace(fact(FactKind.APPLY_URL, url, s), source=s.raw))
    return out


_DOC_WORDS = ("letter", "cv", "curriculum", "résumé", "resume", "grade", "transcript", "course",
              "referee", "reference", "recommendation", "publication", "paper", "code",
              "github", "software", "portfolio", "degree", "diploma", "scholar", "thesis",
              "sample", "statement", "proposal", "toefl", "ielts", "english", "brief",
              "lebenslauf", "zeugnis", "schreiben", "cijfer", "reprint", "urkunde", "scriptie",
              "masterarbeit", "publikation", "referenz", "certificate")


def _named(text: str) -> int:
    """How many kinds of document `text` names."""
    return sum(1 for _, pattern in DOCUMENTS if pattern.search(text))


def _after_document(before: str) -> bool:
    """Does `before` end with the name of a document ("a CV", "your cover letter")?"""
    tail = before.rstrip()[-40:]
    return any(m.end() == len(tail) for _, pattern in DOCUMENTS
               for m in pattern.finditer(tail))


def _documents(s: Sentence, led: bool = False) -> list[Fact]:
    """The documents `s` asks for; `led`: it is an item of a list that an application
    sentence leads into ("Bitte bewerben Sie sich mit folgenden Unterlagen:")."""
    if not s.has(*_DOC_WORDS):
        return []
    text = s.text
    request = bool(_REQUEST_CUE.search(text)) and bool(_APPLYING.search(text))
    if _NOT_REQUEST.search(text):
        return []
    listed = (led or _is_application(s)) and len(text.split()) <= 25
    if not (request or listed):
        return []
    out: list[Fact] = []
    # what a parenthesis says of another document is part of it: "a CV (with links to
    # previous projects and code)"; one naming several documents is the list itself: "eine
    # kurze Bewerbung (bestehend aus Anschreiben, Lebenslauf …)"
    asides = [m.span() for m in _ASIDE.finditer(text)
              if _after_document(text[:m.start()]) or _named(m.group(0)) < 2]
    taken: list[tuple[int, int]] = []
    for label, pattern in DOCUMENTS:
        if label in _NEEDS_REQUEST and not request and len(text.split()) > 12:
            continue
        for m in pattern.finditer(text):
            a, b = m.span()
            inside = any(x < a and b < y for x, y in asides)
            if inside or any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            if _NOT_NEEDED.search(text[max(0, a - 45) : a]) or _NOT_NEEDED.match(text[b:b + 30]):
                break  # "no cover letter is needed"
            out.append(fact(FactKind.DOCUMENT, m.group(0).strip(), s, trim(text, a, b)))
            break
    return out


def _size(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    for m in _SIZE.finditer(s.text):
        raw = m.group("v") or m.group("w") or m.group("p")
        value = re.sub(r"\s*(MB|KB|GB|mb)\b", lambda u: " " + u.group(1).upper(), raw)
        value = re.sub(r"megabytes?", "MB", value, flags=re.I)
        out.append(fact(FactKind.SIZE_LIMIT, re.sub(r"\s+", " ", value).strip(), s,
                        trim(s.text, m.start(), m.end())))
    return out


def _subject(s: Sentence) -> list[Fact]:
    if not _SUBJECT.search(s.text) or not re.search(
            r"mail|subject\s+line|subject\s*:|with\s+(?:the\s+)?subject|betreffzeile|"
            r"im\s+betreff|onderwerpregel|als\s+onderwerp", s.raw, re.I):
        return []
    code = _CODE.search(s.text) or _REF_LABEL.search(s.text)
    quoted = re.search(r"[\"“„']([^\"”“']{3,80})[\"”“']", s.text)
    marked = re.search(r"\*\*([^*]{1,80})\*\*|(?<![\w*])[*_]([^*_]{2,80})[*_](?![\w*])|"
                       r"`([^`]{1,80})`", s.raw)
    asked = _SUBJECT_ASKED.search(s.text)
    if code:
        value = code.group("v") if code.re is _REF_LABEL else code.group(0)
    elif quoted:
        value = quoted.group(1)
    elif marked:
        value = plain(next(g for g in marked.groups() if g))
    elif asked:
        value = asked.group("v").strip(" :\"'")
    else:
        value = trim(s.text)
    return [fact(FactKind.SUBJECT_LINE, value, s, trim(s.text))]


def _references(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    for m in _CODE.finditer(s.text):
        out.append(fact(FactKind.REFERENCE, m.group(0), s, trim(s.text, *m.span())))
    for m in _REF_LABEL.finditer(s.text):
        value = m.group("v")
        if re.search(r"\d", value):
            out.append(fact(FactKind.REFERENCE, value, s, trim(s.text, *m.span())))
    return out


def _url_numbers(facts: Sequence[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for f in facts:
        if f.kind is FactKind.APPLY_URL and (m := _RADBOUD_NUMBER.search(f.value)):
            out.append(replace(f, kind=FactKind.REFERENCE, value=m.group("n") or m.group("m"),
                               detail=f"vacancy number in {f.value}"))
    return out


def extract(v: Vacancy, sentences: Sequence[Sentence]) -> list[Fact]:
    """APPLY_URL, DOCUMENT, SIZE_LIMIT, SUBJECT_LINE and REFERENCE facts."""
    facts: list[Fact] = []
    has = Gates(sentences)
    documents, size = has(*_DOC_WORDS), has("mb", "kb", "gb", "megabyte", "page")
    subject, reference = has("subject", "onderwerp", "betreff"), has(
        "ref", "no.", "nummer", "number", "kennz", "id")
    lead = -2  # the section whose last sentence leads into a list about applying
    for i, s in enumerate(sentences):
        if not s.item:
            lead = s.section if s.text.rstrip().endswith(":") and _APPLYING.search(
                s.text) else -2
        if "http" in s.raw:
            facts += _apply_urls(s)
        if i in documents:
            facts += _documents(s, s.item and s.section == lead)
        if i in size:
            facts += _size(s)
        if i in subject:
            facts += _subject(s)
        if "/" in s.text or i in reference:
            facts += _references(s)
    return facts + _url_numbers(facts)
