"""Time: contract/project duration, start and end dates, the application deadline (and the
next round's), when applications start being reviewed, interview days.

Each date keeps its role as its fact's kind; `knowledge.facts.dates` reads the day it names
(`Fact.when`), which settles whether a page is still open."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from knowledge.facts._text import COUNT, COUNT_RANGE, Gates, Sentence, fact, trim
from knowledge.facts.dates import DATE, MONTHS
from knowledge.model import Fact, FactKind, Kind

_MONTHS = MONTHS

# --- duration ------------------------------------------------------------------------------

_UNIT = (
    r"(?:years?|months?|weeks?|terms?|semesters?|jaar|jaren|maanden|maand|weken|jahre|jahren|"
    r"jahr|monate|monaten|monat|wochen|semestern?)"
)
# "3+2 years": a first period and its extension
_SPAN = rf"{COUNT_RANGE}(?:\s*\+\s*{COUNT})?\s+{_UNIT}\b"
# any span of time a sentence gives, a talk's minutes too: "ca. 35 Minuten", "2 hours"
TIME_SPAN = re.compile(
    rf"{COUNT_RANGE}\s*(?:{_UNIT}|min(?:utes?|uten)?|minuut|minuten|hours?|hrs?|stunden?|"
    r"uur|days?|tage?n?|dagen|dag)\b", re.I)
# "at least", "initially", "mind." before a span are part of what the page says
_QUALIFIER = (r"(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|up\s+to|maximum(?:\s+of)?|"
              r"initially|first|approximately|about|around|ca\.|circa|mind\.|mindestens|"
              r"zunächst|vorerst|erst|bis\s+zu|maximal|max\.|ten\s+minste|minimaal|maximaal|"
              r"in\s+eerste\s+instantie|aanvankelijk)\s+)?")
_QSPAN = rf"{_QUALIFIER}~?{_SPAN}"
_EXTENSION = (
    r"(?:,|;)?\s*(?:with|and)\s+(?:the\s+|a\s+|an\s+)?(?:possibility|option|prospect|perspective|"
    r"evaluation)\s+(?:of|for|and)\s+(?:an?\s+)?(?:potential\s+)?(?:extension|renewal|"
    r"prolongation|a\s+permanent[\w\s]*)[^.;]{0,40}"
    r"|(?:,|;)?\s*(?:which\s+)?(?:can|may|could|will)\s+(?:then\s+)?be\s+extended[^.;]{0,60}"
    r"|(?:,|;)?\s*which\s+we\s+(?:then\s+)?extend[^.;]{0,30}"
    r"|(?:,|;)?\s*(?:then\s+)?(?:renewable|extendable|verlängerbar|verlengbaar)[^.;]{0,30}"
    r"|\s*\((?:[^()]{0,40}(?:extension|extend|renew|verlänger|verleng)[^()]{0,40})\)"
    r"|(?:,|;)?\s*mit\s+(?:der\s+)?(?:Option|Möglichkeit|Aussicht)\s+auf\s+(?:eine\s+)?"
    r"Verlängerung[^.;]{0,60}"
    r"|(?:,|;)?\s*met\s+(?:de\s+)?(?:mogelijkheid|optie|uitzicht)\s+(?:op|tot)\s+"
    r"(?:een\s+)?verlenging[^.;]{0,60}"
)
_EXT = rf"(?:{_EXTENSION})?"
_DURATION_PATTERNS = [
    # "for a period of six months", "für die Dauer von drei Jahren"
    re.compile(
        rf"\b(?:for|voor|für)\s+(?:a|een|die\s+dauer\s+von|einen?)\s+(?:continuous\s+|maximum\s+|"
        rf"total\s+)?(?:period|periode|zeitraum)\s+(?:of|van|von)\s+(?P<v>{_QSPAN}{_EXT})",
        re.I,
    ),
    re.compile(r"\b(?P<v>a\s+(?:period|duration)\s+that\s+is\s+flexible)", re.I),
    # "Project duration: 6 months", "Duration: 6 to 9 months", "Looptijd: 4 jaar"
    re.compile(
        r"\b(?:project\s+|contract\s+|position\s+)?(?:duration|looptijd|laufzeit|dauer)\s*"
        r"(?:of\s+the\s+(?:project|contract|position)\s*)?(?:is\s*|:\s*)(?P<v>[^.;]+?)"
        r"(?=\s*(?:,\s*(?:starting|start|beginning|ideally|preferably)\b|[.;]\s|[.;]?$|\(\s*prefer))",
        re.I,
    ),
    # "initially limited to three years, with the possibility of extension",
    # "befristet für zunächst zwei Jahre"
    re.compile(
        rf"(?P<v>(?:initially\s+)?(?:limited|restricted|befristet)\s+(?:to|auf|für)\s+"
        rf"(?:a\s+period\s+of\s+)?{_QSPAN}{_EXT})",
        re.I,
    ),
    # "appointed for four years", "appoint a PhD candidate for 4 years in total",
    # "Anstellung für mind. 1 Jahr", "we are hiring an ASR postdoc for 3 years", and
    # compounds whose last part is the contract ("Arbeidsovereenkomst voor één jaar")
    re.compile(
        rf"\b(?:appoint\w*|aangesteld|angestellt|anstellung|einstellung|beschäftigung|employed|"
        rf"employment|hired|hiring|recruiting|\w*contract\w*|aanstelling|\w*vertrag|"
        rf"\w*overeenkomst|dienstverband)\b"
        rf"[^.;]{{0,60}}?\b(?:for|voor|für|of|over|auf)\s+(?:a\s+(?:total\s+)?(?:period\s+of\s+)?|"
        rf"de\s+duur\s+van\s+|een\s+periode\s+van\s+)?(?P<v>{_QSPAN}(?:\s+in\s+total)?{_EXT})",
        re.I,
    ),
    # "4-year contract", "2-year position", "funded 4-year PhD", "5-term (~1.5 years) MSc"
    re.compile(
        rf"(?P<v>{COUNT_RANGE}[- ](?:year|month|jaar|jahres|term|semester)s?[- ]"
        r"(?:\(~?[^()]{1,20}\)\s+)?(?:thesis-based\s+|funded\s+|full[- ]time\s+)?"
        r"(?:contract|position|appointment|project|aanstelling|vertrag|stelle|fellowship|"
        r"postdoc|phd|msc|master'?s?|programme|program|internship|stage|praktikum)(?:[^.;]{0,40}?"
        rf"{_EXTENSION})?)",
        re.I,
    ),
    re.compile(rf"^\W*(?P<v>{_SPAN}(?:{_EXTENSION}|\s+(?:with|and)\s+[^.;]{{0,40}}extension))",
               re.I),
    re.compile(
        rf"\b(?:befristet\s+(?:für|auf)|für\s+(?:die\s+dauer\s+von\s+)?)\s*(?P<v>{_QSPAN}{_EXT})",
        re.I,
    ),
    # "the contract will be extended by (another) 3 years", "can be extended by another year"
    re.compile(
        rf"(?P<v>(?:contract|appointment|position)\s+(?:will|can|may|could)\s+be\s+extended\s+"
        rf"(?:by|with|for)\s+(?:another\s+|a\s+further\s+)?(?:{_SPAN}|year|month))",
        re.I,
    ),
    # "Der Erstvertrag läuft drei Jahre", "the contract runs for three years"
    re.compile(
        rf"\b(?:\w*vertrag|\w*contract|\w*overeenkomst|appointment|stelle|position|"
        rf"aanstelling)\s+"
        rf"(?:läuft|runs|lasts|loopt|bedraagt)\s+(?:for\s+|über\s+|voor\s+)?(?P<v>{_QSPAN}{_EXT})",
        re.I,
    ),
    # "fully funded for four years", "gefördert für drei Jahre"
    re.compile(
        rf"\b(?:funded|financed|gefördert|finanziert|gefinancierd|bezahlt|paid)\s+(?:for|für|voor)"
        rf"\s+(?P<v>{_QSPAN}{_EXT})",
        re.I,
    ),
    # "Project 2 (PhD, 4 years)", "(Postdoc, ~2.5 years)": in a position's heading
    re.compile(rf"^[^(]{{0,40}}\((?:[^(),]{{1,30}},\s*)?(?P<v>~?{_SPAN})\)", re.I),
]
_HEADING_ONLY = len(_DURATION_PATTERNS) - 1  # the pattern above reads headings only
_DURATION_CONTEXT_BAD = re.compile(
    r"\b(?:aged|survival|follow-?up|old\b|program(?:me)?\b|ago\b|experience|erfahrung|ervaring|"
    r"since|seit|sinds|supervised|history)", re.I)
# Money for a while is not the contract's duration: "€500 per month for six months".
_NOT_CONTRACT = re.compile(r"reimburse|stipend|vergoeding|allowance|aufwandsentsch|"
                           r"compensation\s+of|travel|scholarship\s+of", re.I)
_PROBATION = re.compile(
    rf"\b(?:evaluated|assessed|reviewed|evaluation|assessment|review|probation(?:ary)?\s+period|"
    rf"probezeit|proeftijd|go/no-go)\b[^.;]{{0,40}}?\b(?:after|of|nach|na|von|van)\s+"
    rf"(?:the\s+first\s+|dem\s+ersten\s+|het\s+eerste\s+)?(?P<p>{_SPAN}|(?:first\s+)?year|"
    rf"(?:ersten\s+)?jahr|(?:eerste\s+)?jaar)",
    re.I)


def _duration(s: Sentence) -> list[Fact]:
    if _NOT_CONTRACT.search(s.text):
        return []
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for n, pattern in enumerate(_DURATION_PATTERNS):
        if n == _HEADING_ONLY and s.raw != s.heading:
            continue
        for m in pattern.finditer(s.text):
            a, b = m.span("v")
            if any(a < y and x < b for x, y in taken):
                continue
            value = re.sub(r"\s+", " ", m.group("v")).strip(" ,;:")
            if not value or len(value) > 120:
                continue
            if _DURATION_CONTEXT_BAD.search(s.text[max(0, a - 30) : b + 10]) and not re.search(
                r"duration|contract|appoint|vertrag|befrist|aanstelling|funded", s.text, re.I
            ):
                continue
            if re.match(r"(?:contract|appointment|position)\s+(?:will|can|may|could)\s+be\s+"
                        r"extended", value, re.I):
                value = "extended by " + value.split(" by ", 1)[-1].split(" with ", 1)[-1]
                if re.search(r"evaluation|positive", s.text, re.I):
                    value += " after a positive evaluation"
            taken.append((a, b))
            out.append(fact(FactKind.DURATION, value, s, trim(s.text, a, b)))
    return out


def _with_probation(facts: list[Fact], probations: dict[int, tuple[str, str]]) -> list[Fact]:
    """A first period before an evaluation belongs to the duration: "1 year, then extended by
    3 years after a positive evaluation"; "four years (evaluated after 1 year)"."""
    out: list[Fact] = []
    for f in facts:
        p = probations.get(f.section)
        if f.kind is not FactKind.DURATION or p is None or p[0] in f.value:
            out.append(f)
            continue
        first, sentence = p
        if f.value.startswith("extended by"):
            value = f"{first}, then {f.value}"
        elif re.search(r"evaluat|extension|verlänger|verleng", f.value, re.I):
            value = f.value
        else:
            value = f"{f.value} (evaluated after {first})"
        source = f.source if sentence in f.source else f"{sentence}{JOIN}{f.source}"
        out.append(replace(f, value=value, detail=trim(f"{sentence} {f.detail}"),
                           source=source))
    return out


_PROJECT_DATES = re.compile(
    rf"\bstart\s*date\s*:?\s*(?P<a>{DATE}).{{0,20}}?\bend\s*date\s*:?\s*(?P<b>{DATE})", re.I
)
_END_DATE = re.compile(rf"\bend\s*date\s*:?\s*(?P<b>{DATE})", re.I)

# --- start date ----------------------------------------------------------------------------

_START_TAIL = (
    rf"(?:\s+(?:after|from|ab|nach|na|vanaf)\s+(?:the\s+)?{DATE})?"
    r"(?:\s*,?\s*(?:or\s+(?:as\s+(?:soon\s+as\s+possible|agreed(?:\s+upon)?)|later|earlier|"
    r"(?:by\s+)?(?:mutual\s+)?(?:agreement|arrangement)|(?:as\s+soon\s+as\s+)?possible|"
    rf"(?:in\s+)?{DATE})|at\s+the\s+latest|(?:if|when)\s+possible))?"
)
_ASAP = (
    r"as\s+soon\s+as\s+possible|immediately|zo\s+snel\s+mogelijk|per\s+direct|z\.s\.m\.|"
    r"zum\s+nächstmöglichen\s+zeitpunkt|ab\s+sofort|flexible|flexibel|negotiable|"
    r"to\s+be\s+(?:discussed|agreed)|in\s+overleg|nach\s+vereinbarung"
)
_START_PATTERNS = [
    re.compile(
        r"\b(?:preferred\s+|expected\s+|desired\s+|earliest\s+|planned\s+)?(?:start(?:ing)?|"
        r"commencement|begin)\s*(?:date)?\s*(?:is|will\s+be|:|of)\s*(?:preferably\s+|ideally\s+|"
        rf"expected\s+(?:to\s+be\s+)?|planned\s+(?:for\s+)?|around\s+|in\s+|on\s+|"
        r"foreseen\s+(?:to\s+be\s+)?|(?:from|as\s+of)\s+)*"
        rf"(?P<v>(?:{DATE}|{_ASAP}){_START_TAIL})",
        re.I,
    ),
    re.compile(
        r"\b(?:start(?:ing|s)?|begin(?:ning|s)?|commenc\w+|beginnen|starten|anfangen|"
        r"eintritt|\w*beginn|ingangsdatum|startdatum|aanvang|datum\s+van\s+indiensttreding)\b\s*"
        r"(?:date\s*)?:?\s*(?:is\s+|ist\s+)?(?:preferably\s+|ideally\s+)?(?:around\s+|um\s+|"
        rf"rond\s+|ca\.\s+)?(?:in|on|from|per|by|as\s+of|at|op|am|zum|ab|im)?\s*"
        rf"(?:the\s+|der\s+|de\s+)?"
        rf"(?P<v>(?:{DATE}|{_ASAP}){_START_TAIL})",
        re.I,
    ),
    re.compile(r"\bstart\s+(?P<v>(?:before|after|by)\s+(?:the\s+)?(?:end\s+of\s+)?"
               rf"(?:{DATE}|{_MONTHS}))\b", re.I),
    re.compile(rf"\b(?:start|begin)\w*\s+(?:\w+\s+){{0,2}}?(?P<v>{_ASAP})", re.I),
    # "The position is to be filled as soon as possible after 01.10.2025"
    re.compile(
        r"\b(?:to\s+be\s+filled|(?:zu|wird)\s+(?:\w+\s+)?besetz\w*|in\s+te\s+vullen)\s+"
        rf"(?:\w+\s+){{0,2}}?(?P<v>(?:{DATE}|{_ASAP}){_START_TAIL})",
        re.I,
    ),
]
# "from 15. Nov. 2025 through 15. Feb. 2026", "vom 1. März bis 30. Juni 2024"
_FROM_TO = re.compile(
    rf"\b(?:from|vom|von|van|between)\s+(?:the\s+)?(?P<a>{DATE})\s*(?:through|to|until|till|"
    rf"bis(?:\s+zum)?|tot(?:\s+en\s+met)?|and|-|–)\s+(?:the\s+)?(?P<b>{DATE})",
    re.I)
_NOT_START = re.compile(r"interview|invitation|selection|round|publish|trial|study\s", re.I)

# --- deadline ------------------------------------------------------------------------------

_DEADLINE_PATTERNS = [
    # "Application deadline: 12 February 2025", "the formal application deadline via the
    # IMPRS school is November 1, 2023", "Bewerbungsschluss ist der 20.11.2020"
    re.compile(
        r"\b(?:application\s+)?(?:deadline|closing\s+date|sluitingsdatum|bewerbungsschluss|"
        r"bewerbungsfrist|einsendeschluss|reactietermijn|uiterste\s+(?:reactie)?datum|"
        # the next round of a recurring call: "Nächste Einreichung: 2023-10-01"
        r"n[äa]chste[rn]?\s+(?:einreichung\w*|bewerbungsrunde|frist|stichtag)|stichtag|"
        r"einreichungs(?:frist|termin)|next\s+(?:deadline|round|call|submission(?:\s+date)?|"
        r"cut-?off(?:\s+date)?)|submission\s+deadline|volgende\s+(?:deadline|ronde))\b"
        r"(?:\s+(?:for|of|via|at|through|in|für|der|van|voor)\s+[^.;:]{0,40}?)?\s*"
        rf"(?:is|:|ist|=|endet\s+am|is\s+op)?\s*(?:on\s+|the\s+|der\s+|am\s+)?(?P<v>{DATE})",
        re.I,
    ),
    re.compile(
        r"\b(?:before|by|until|till|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|"
        r"uiterlijk(?:\s+op|\s+tot)?|vóór|voor|bis\s+(?:zum\s+|spätestens\s+)?|"
        r"spätestens\s+(?:zum\s+|am\s+)?|closes\s+on|closes|close\s+on|ends\s+on)\s*:?\s*"
        rf"(?:the\s+)?(?P<v>{DATE})",
        re.I,
    ),
]
_APPLY_CUE = re.compile(
    r"appl(?:y|ication|icant)|deadline|vacancy|closes|closing|solliciteer|sollicitatie|"
    r"reageer|reageren|bewerb|submit|receive\s+your|\bcalls?\b|expressions?\s+of\s+interest|"
    r"\bportal\b|"  # "über das Job Portal des KIT bis 15 January 2025"
    r"einreich|stichtag|\b(?:send|senden|schicken|stuur)\b|"
    r"(?:send|sent|senden|schicken|stuur|einreichen)\b.{0,80}?\b(?:cv|letter|lebenslauf|"
    r"anschreiben|motivation|unterlagen|documents|application)|\b(?:cv|lebenslauf)\b.{0,60}?"
    r"\b(?:send|senden|schicken|stuur)",
    re.I,
)
_UNTIL_FILLED = re.compile(
    r"(?:open|processed|reviewed|accepted|considered)[^.]{0,60}?until\s+the\s+position\s+"
    r"(?:has\s+been|is)\s+filled|until\s+(?:the\s+)?(?:position|vacancy)\s+(?:has\s+been|is)\s+"
    r"filled|tot\s+de\s+vacature\s+(?:is\s+)?vervuld|bis\s+zur\s+besetzung",
    re.I,
)


# "There is no deadline", "Es gibt keine Bewerbungsfrist", "Er is geen deadline"
_NO_DEADLINE = re.compile(
    r"\b(?P<v>(?:no|kein\w*|geen)\s+(?:fixed\s+|application\s+|feste\s+)?(?:deadline|"
    r"closing\s+date|bewerbungsfrist|bewerbungsschluss|frist|sluitingsdatum))\b", re.I)
_UNTIL = re.compile(r"\b(?:until|tot|bis)\b.*", re.I)


def _clean_date(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip(" ,;:")
    value = value if re.search(r"\b\d{1,2}\.\s?\d{1,2}\.$", value) else value.rstrip(".")
    value = re.sub(r"^the\s+", "", value, flags=re.I)
    return re.sub(r"(?<=[A-Za-z])\s*[-–]\s*(?=\d{4})", " ", value)


def _start(s: Sentence) -> list[Fact]:
    if s.kind is Kind.BACKGROUND or _NOT_START.search(s.text):
        return []
    for pattern in _START_PATTERNS:
        m = pattern.search(s.text)
        if m:
            value = _clean_date(m.group("v"))
            if re.fullmatch(r"immediately|flexible|flexibel", value, re.I) and not re.search(
                r"start|begin", s.text, re.I
            ):
                continue
            return [fact(FactKind.START_DATE, value, s, trim(s.text, *m.span("v")))]
    return []


def _deadline(s: Sentence) -> list[Fact]:
    text = s.text
    out: list[Fact] = []
    if re.search(r"\bstart|\bbegin|interview", text, re.I) and not re.search(
        r"deadline|apply|application", text, re.I
    ):
        return out
    if _APPLY_CUE.search(text) or re.search(r"deadline|apply|applica", s.heading, re.I):
        for pattern in _DEADLINE_PATTERNS:
            m = pattern.search(text)
            if m and not re.search(r"start\w*\s*$", text[max(0, m.start() - 25) : m.start()], re.I):
                out.append(fact(FactKind.DEADLINE, _clean_date(m.group("v")), s,
                                trim(text, *m.span("v"))))
                break
    if not out and (n := _NO_DEADLINE.search(text)) is not None:
        out.append(fact(FactKind.DEADLINE, n.group("v"), s, trim(text, *n.span())))
    if not out and (u := _UNTIL_FILLED.search(text)) is not None:
        out.append(fact(FactKind.DEADLINE, _UNTIL.search(u.group(0)).group(0), s,  # type: ignore[union-attr]
                        trim(text, u.start(), u.end())))
    return out


# --- when applications are reviewed, when interviews are held ----------------------------------

_REVIEW_CUE = re.compile(r"\breview|screen|consider|evaluat|sichtung|begutacht|beoordel|"
                         r"bekeken|selection\s+process\s+(?:starts|begins)", re.I)
_REVIEW = re.compile(
    r"\b(?:starting|start(?:s|ing)?\s+(?:on|from)?|begin(?:s|ning)?\s+(?:on|from)?|from|as\s+of|"
    rf"after|on|ab|vanaf|am|beginnt\s+am)\s+(?:the\s+)?(?P<v>{DATE})", re.I)
_INTERVIEW_CUE = re.compile(r"interview|vorstellungsgespr|auswahlgespr|gespräche|"
                            r"sollicitatiegesprek|gesprekken|kennismakingsgesprek", re.I)
# "on 24 and 25 June 2024", "am 12. und 13. März", "am 24.06."
_INTERVIEW = re.compile(
    rf"(?P<v>(?:\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:und|and|en|&|,|–|-|bis|to)\s*)*{DATE}"
    rf"(?:\s*(?:und|and|en|&|–|-|bis|to)\s*{DATE})?)", re.I)


def _review_and_interview(s: Sentence) -> list[Fact]:
    """REVIEW_DATE: "applications will be reviewed starting March 1"; INTERVIEW: "interviews
    will take place on 24 and 25 June", "Vorstellungsgespräche am 12. und 13. März"."""
    if _INTERVIEW_CUE.search(s.text) and (m := _INTERVIEW.search(s.text)) is not None:
        return [fact(FactKind.INTERVIEW, _clean_date(m.group("v")), s,
                     trim(s.text, *m.span("v")))]
    if re.search(r"applica|bewerb|sollicita|candida", s.text, re.I) and _REVIEW_CUE.search(
            s.text) and (m := _REVIEW.search(s.text)) is not None:
        return [fact(FactKind.REVIEW_DATE, _clean_date(m.group("v")), s,
                     trim(s.text, *m.span("v")))]
    return []


_START_LABEL = re.compile(rf"\bstart\s*date\s*:?\s*(?P<a>{DATE})", re.I)


JOIN = " … "  # between the sentences of a fact read from two ("Start date: …", "End date: …")


def _project_dates(s: Sentence, start: str = "", said: str = "") -> list[Fact]:
    """'Start date: 01-01-2023 End date: 30-06-2023' of a student project: a period, not a
    deadline. The start becomes START_DATE, the whole span a DURATION."""
    m = _PROJECT_DATES.search(s.text)
    if m:
        return [
            fact(FactKind.START_DATE, m.group("a"), s, trim(s.text)),
            fact(FactKind.DURATION, f"{m.group('a')} to {m.group('b')}", s,
                 trim(s.text)),
        ]
    e = _END_DATE.search(s.text)
    if e:
        value = f"{start} to {e.group('b')}" if start else f"until {e.group('b')}"
        both = f"{said}{JOIN}{s.text}" if start and said and said != s.text else s.text
        return [replace(fact(FactKind.DURATION, value, s, trim(s.text)), source=both)]
    return []


def _from_to(s: Sentence) -> list[Fact]:
    """"from 15. Nov. 2025 through 15. Feb. 2026": the job's start, end and span — unless the
    dates are when applications are taken."""
    m = _FROM_TO.search(s.text)
    if m is None or _APPLY_CUE.search(s.text[max(0, m.start() - 40) : m.start()]):
        return []
    a, b = _clean_date(m.group("a")), _clean_date(m.group("b"))
    detail = trim(s.text, *m.span())
    return [fact(FactKind.START_DATE, a, s, detail),
            fact(FactKind.END_DATE, b, s, detail),
            fact(FactKind.DURATION, f"{a} to {b}", s, detail)]


def extract(sentences: Sequence[Sentence]) -> list[Fact]:
    """Duration, start and end date and deadline facts from the sentences, in page order."""
    facts: list[Fact] = []
    starts: dict[int, tuple[str, str]] = {}  # section -> a "Start date: ..." and its sentence
    probations: dict[int, tuple[str, str]] = {}  # section -> (first period, its sentence)
    has = Gates(sentences)
    start_label, end_label = has("start date"), has("end date", "enddate", "end-date")
    from_to, duration, roles_at = has("from", "vom", "von", "van", "between"), has(
        *_DURATION_WORDS), has(*_ROLE_WORDS)
    start_at, deadline_at, apply_at = has(*_START_WORDS), has(*_DEADLINE_WORDS), has(
        *_APPLY_WORDS)
    for i, s in enumerate(sentences):
        if i in start_label and (sd := _START_LABEL.search(s.text)) is not None:
            starts[s.section] = (sd.group("a"), s.text)
        project = _project_dates(s, *starts.get(s.section, ("", ""))) if i in end_label \
            else []
        if not project and i in from_to:
            project = _from_to(s)
        facts += project
        if i in duration:
            if (p := _PROBATION.search(s.text)) is not None and not _NOT_CONTRACT.search(s.text):
                first = p.group("p")
                first = first if re.match(r"\d|[a-z]+\s", first) else "1 year"
                probations.setdefault(s.section, (re.sub(r"^(?:first|ersten|eerste)\s+", "",
                                                         first), s.text))
            facts += _duration(s)
        dated = any(f.kind is FactKind.START_DATE for f in project)
        roles = _review_and_interview(s) if i in roles_at and _DIGIT.search(s.text) else []
        facts += roles
        if roles:
            continue  # an interview's or a review's date is neither a start nor a deadline
        if not dated and i in start_at:
            facts += _start(s)
        if not project and (i in deadline_at or (i in apply_at and _DIGIT.search(s.text))):
            facts += _deadline(s)
    return _with_probation(facts, probations) if probations else facts


_DURATION_WORDS = ("year", "month", "week", "jaar", "maand", "weken", "jahr", "monat", "woche",
                   "period", "duration", "looptijd", "laufzeit", "dauer", "term", "semester")
_DIGIT = re.compile(r"\d")
_START_WORDS = ("start", "begin", "commenc", "eintritt", "ingangs", "filled", "besetz",
                "vullen")
_APPLY_WORDS = ("appl", "deadline", "vacanc", "clos", "sollicit", "reage", "bewerb", "submit",
                "receive", "before", "uiterlijk", "frist", "schluss", "call", "send", "sent",
                "senden", "schick", "stuur", "expression", "until", "bis ", "einreich",
                "stichtag", "next", "nächste", "volgende")
_ROLE_WORDS = ("interview", "gespräch", "gesprek", "review", "screen", "consider", "evaluat",
               "sichtung", "begutacht", "beoordel", "bekeken", "selection")
_DEADLINE_WORDS = ("filled", "vervuld", "besetzung", "deadline", "frist", "closing date",
                   "sluitingsdatum")
