"""Money and working time: amounts, pay scales, part-time, allowances, hours, statements.

Amounts use European notation as the pages do: ``€ 2.789`` is two thousand seven hundred
eighty-nine euros, ``€500,-`` is five hundred. Values are rendered ``€ 2,789 – € 3,536``;
other currencies keep their sign or code (``£ 33,309``, ``$ 93,000``, ``CHF 47,040``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.facts._text import COUNT_RANGE, Gates, Sentence, fact, trim
from knowledge.model import Fact, FactKind, Kind

_CUR = r"(?:€|\bEUR\b|\beuros?\b|£|\bGBP\b|\bUS\$|\$|\bUSD\b|\bCHF\b|\bSEK\b|\bDKK\b|\bNOK\b)"
# how an amount's currency is written in a fact: the sign where there is one, else the code
_SIGN = {"eur": "€", "euro": "€", "euros": "€", "gbp": "£", "us$": "$", "usd": "$"}
# thousands apart by an apostrophe or a space as well ("CHF 47'040", "SEK 34 000")
_NUM = (r"\d{1,3}(?:['’\u2009\u202f ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|"
        r"\d[\d.,]*\d(?:[.,]-{1,2})?|\d(?:[.,]-{1,2})?")
MONEY = re.compile(
    rf"(?:(?P<ca>{_CUR})\s*(?P<a>{_NUM})(?![\d.,]?\d)(?![\^$])|(?P<b>{_NUM})\s*(?:,-\s*)?"
    rf"(?P<cb>{_CUR}))(?!\s*(?:million|billion|mln|miljoen|mio|k\b))",
    re.I,
)
# a sentence with none of these has no amount (a cheap gate before MONEY)
_CURRENCY_WORDS = ("€", "eur", "£", "$", "gbp", "usd", "chf", "sek", "dkk", "nok")
_RANGE_GAP = re.compile(
    r"^\s*(?:-|–|—|to|and|tot|en|bis|und|up to)\s*(?:max(?:imum|imaal|imal|\.)?:?\s*)?$", re.I
)
_BARE_NEXT = re.compile(
    rf"^\s*(?:-|–|—|to|tot|bis)\s*(?:max(?:imum|\.)?:?\s*)?(?P<n>{_NUM})(?!\s*%)(?!\d)"
)
_BARE_PREV = re.compile(rf"(?P<n>{_NUM})\s*(?:-|–|—|to|tot|bis)\s*$")

SCALE = re.compile(
    r"\b(?:(?:salary|pay|salaris)\s*)?(?:scale|schaal)\s+(?P<s>\d{1,2}[A-Za-z]?)\b"
    r"(?!\s*(?:-|–|to)\s*\d)(?!\s*%)",
    re.I,
)
_TVL = re.compile(
    r"\b(?P<t>TV-?L|TVöD|TVoeD|TV-?H|TV-?Ärzte|TV\s?L)\b(?:-(?!E\s?\d)[A-Za-zä]+)?[\s(:,-]*"
    r"(?:E(?:ntgeltgruppe)?\s*(?P<g>\d{1,2}(?:\s*/\s*\d{1,2})?))?",
    re.I,
)
_EGROUP = re.compile(
    r"(?<![\w-])(?:Entgeltgruppe\s*|EG\s?|E\s?)(?P<g>(?:1[0-5]|[5-9])(?:\s*/\s*1[0-5])?)\b"
    r"(?!\s*%)")
_AGREEMENT_NEAR = re.compile(r"^[^.;]{0,25}?\b(?P<t>TV-?L|TVöD|TVoeD|TV-?H|TV-?Ärzte)\b", re.I)
_CAO = re.compile(r"\b(?P<c>[Cc][Aa][Oo]\s+(?:UMC|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))")

_SALARY_CUE = re.compile(
    r"salar|salaris|gehalt|vergütung|verguetung|entgelt|remunerat|\bwages?\b|\bpay\b|\bpaid\b|"
    r"gross|bruto|brutto|per month|monthly|per year|per annum|\bp\.\s?a\.|"
    r"annual(?:ly)? (?:gross )?salary|"
    r"full[- ]?time|fulltime|scale|schaal|tv-?l|\bcao\b|reimburse|stipend|compensat|vergoeding|"
    r"stundenlohn|\blohn\b|hourly|uurloon|\bloon\b",
    re.I,
)
_REIMB_CUE = re.compile(
    r"reimburse|stipend|vergoeding|student|internship|intern\b|aufwandsentschädigung", re.I
)
# an hourly rate for a student job is a wage unless the page calls it a reimbursement
_EXPLICIT_REIMB = re.compile(r"reimburse|stipend|vergoeding|aufwandsentschädigung", re.I)
# a price is no pay: "Sipuleucel-T was priced at $93,000"
_NOT_SALARY = re.compile(
    r"pension|premium|insurance|discount|travel costs|\bpric(?:e|ed|es)\b|costly", re.I)
_MONTH = re.compile(
    r"monthly|per month|a month|/\s?month|p\.\s?m\.|per maand|maandelijks|pro monat|monatlich",
    re.I,
)
_YEAR = re.compile(
    r"annual(?:ly)?|per year|a year|yearly|per annum|p\.\s?a\.|per jaar|jaarlijks|pro jahr|"
    r"jährlich",
    re.I,
)
_GROSS = re.compile(r"gross|bruto|brutto", re.I)
_NET_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,1}(?:net|netto)\b", re.I)
_HOURLY_AFTER = re.compile(
    r"^\s*(?:/\s*(?:h|hr|hour|std|stunde|uur)\b\.?|per\s+hour|an\s+hour|(?:pro|je)\s+stunde|"
    r"in\s+der\s+stunde|per\s+uur|per\s+h\b|p\.\s?h\.)", re.I)
_HOURLY = re.compile(r"hourly|per\s+hour|stundenlohn|stundensatz|pro\s+stunde|uurloon|per\s+uur|"
                     r"€\s*/\s*h\b|/\s*std\b", re.I)
_QUALIFIER_AFTER = re.compile(r"^\s*(?:\*\*)?\s*\((?P<q>[^()]{1,30})\)")
_FOR_PERIOD = re.compile(
    rf"\bfor\s+(?:a\s+(?:maximum\s+)?period\s+of\s+|up\s+to\s+)?(?P<d>{COUNT_RANGE}\s+"
    r"(?:months?|weeks?|years?))",
    re.I,
)

def _pct_re(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}}(?:[.,]\d{{1,2}})?)\s?%"


_P1, _P2, _P3 = _pct_re("p1"), _pct_re("p2"), _pct_re("p3")
_HOLIDAY_WORD = (
    r"(?:holiday|vacation)\s+(?:allowance|pay|bonus)|vakantiegeld|vakantietoeslag|urlaubsgeld"
)
_YEAREND_WORD = (
    r"(?:end[- ]of[- ](?:the[- ])?year|year[- ]end|thirteenth[- ]month|13th[- ]month)\s*"
    r"(?:bonus|payments?|allowance)|eindejaarsuitkering|jahressonderzahlung|weihnachtsgeld"
)
_HOLIDAY = re.compile(
    rf"(?:{_HOLIDAY_WORD})\s*(?:of\s+|van\s+|von\s+|\(\s*)?{_P1}|{_P2}\s*(?:annual\s+)?(?:{_HOLIDAY_WORD})",
    re.I,
)
_HOLIDAY_BARE = re.compile(_HOLIDAY_WORD, re.I)
_YEAREND = re.compile(
    rf"(?:{_YEAREND_WORD})\s*(?:of\s+|van\s+|von\s+|\(\s*)?{_P1}|{_P2}\s*(?:{_YEAREND_WORD})",
    re.I,
)
_YEAREND_BARE = re.compile(_YEAREND_WORD, re.I)

_HOURS = re.compile(
    r"(?<![\d.,])(?P<h>\d{1,2}(?:[.,]\d)?)(?:\s*(?:-|–|to)\s*(?P<h2>\d{1,2}))?[- ]?"
    r"(?:hours?|hrs?\.?|h(?![a-z])|uur|stunden|std\.?)\s*"
    r"(?:(?:per|a|/|each|in\s+the|pro|in\s+der)\s*"
    r"(?:week|woche)|weekly|wöchentlich)"
    r"|(?P<w>\d{1,2})[- ]hours?[- ](?:work\s?)?week|(?P<x>\d{1,2}(?:[.,]\d)?)\s*Wochenstunden"
    r"|(?:werkweek|work\s?week|working\s+week|wochenarbeitszeit|arbeitswoche)\s+(?:van|of|von)\s+"
    r"(?P<y>\d{1,2}(?:[.,]\d)?)\s*(?:uur|hours?|stunden)"
    r"|(?P<z>\d{1,2})-urige\s+werkweek",
    re.I,
)
_HOURS_MONTH = re.compile(
    r"(?<![\d.,])(?P<h>\d{1,3})\s*(?:hours?|hrs?\.?|stunden|std\.?|uur)\s*(?:per|a|/|pro|im|"
    r"in\s+the|each)\s*(?:month|monat|maand)|(?P<g>\d{1,3})\s*Monatsstunden", re.I)
# "~50k€ per year", "€ 45k", "> EUR 50k"
_KILO = re.compile(r"(?:(?P<t>~|approx(?:imately|\.)?\s*|about\s+|ca\.\s*|around\s+)|"
                   r"(?P<gt>>\s*|more than\s+|over\s+|above\s+|mehr als\s+|über\s+|meer dan\s+))?"
                   r"(?:(?:€|\bEUR)\s*(?P<a>\d{2,3})\s*k\b|(?P<b>\d{2,3})\s*k\s*(?:€|eur\b|euros?\b))",
                   re.I)
_NOT_HOURS = re.compile(r"vacation hours|holiday hours|PLB|verlof", re.I)
# hours of one duty (teaching), not the job's working time
_DUTY = re.compile(r"teaching|\blehr|onderwijs|seminars?\b|tutorials?\b|lectures?\b|vorlesung|"
                   r"involvement", re.I)
_FULLTIME_HOURS = 36.0

_PART_PCT = re.compile(
    rf"(?:\bE\s?\d{{1,2}}(?:/\d{{1,2}})?|TV-?[LH]|TVöD)\s*[-–,/;(]\s*{_P1}"
    rf"|{_P2}\s*-?\s*(?:FTE|part[- ]time|teilzeit|"
    r"(?:of\s+(?:a\s+)?)?full[- ]time|position|employment|appointment|aanstelling|"
    r"dienstverband|stelle|beschäftigung|"
    # "bei 65 % der regulären Arbeitszeit", "50% of the regular working hours"
    r"(?:der|of\s+the|of|van\s+de)\s+(?:\w+\s+)?(?:arbeitszeit|working\s+(?:time|hours)|werktijd))"
    rf"|(?:part[- ]time|teilzeit|deeltijd|umfang|beschäftigungsumfang|stellenumfang|"
    rf"arbeitszeit)\D{{0,25}}?{_P3}",
    re.I,
)
_FTE = re.compile(
    r"(?<![\d.,])(?P<f>[01](?:[.,]\d{1,2})?(?:\s*(?:-|–|to)\s*[01](?:[.,]\d{1,2})?)?)\s*fte\b",
    re.I,
)


def _sign(m: re.Match[str]) -> str:
    """The currency of a MONEY match as facts write it: "€", "£", "$", "CHF"."""
    cur = (m.group("ca") or m.group("cb")).lower()
    return _SIGN.get(cur, cur if not cur.isalpha() else cur.upper())


def _amount(raw: str) -> str:
    """'2.789' -> '2,789'; '500,-' -> '500'; '3598' -> '3,598'; odd forms kept as written."""
    s = re.sub(r"['’\u2009\u202f ](?=\d{3})", "", re.sub(r"[.,]-+$", "", raw.strip()))
    m = re.fullmatch(r"(\d{1,3}(?:([.,])\d{3})*)(?:([.,])(\d{1,2}))?", s)
    if m and not (m.group(2) and m.group(3) == m.group(2)):
        whole = int(re.sub(r"\D", "", m.group(1)))
        cents = m.group(4)
        if cents and int(cents):
            return f"{whole:,}.{cents.ljust(2, '0')}"
        return f"{whole:,}"
    if re.fullmatch(r"\d+", s):
        return f"{int(s):,}"
    return s


def _scales_in(text: str) -> list[str]:
    out: list[str] = []
    for value in scales(text):
        if value not in out:
            out.append(value)
    return out


def _agreement(raw: str) -> str:
    t = raw.lower().replace(" ", "")
    if t.startswith(("tvö", "tvoe")):
        return "TVöD"
    if "ärzte" in t:
        return "TV-Ärzte"
    return "TV-H" if t.replace("-", "").startswith("tvh") else "TV-L"


def scales(text: str) -> list[str]:
    """Pay-scale labels named in `text`: 'scale 10A', 'TV-L E13', 'TVöD E13', 'TV-H E13/14',
    'E13', 'Cao UMC'. A grade and an agreement written apart ("E13 TV-L", "Entgeltgruppe 13
    ... TVöD") are one label."""
    found: list[tuple[int, str]] = []
    for m in SCALE.finditer(text):
        found.append((m.start(), f"scale {m.group('s').upper()}"))
    tvl_spans: list[tuple[int, int]] = []
    agreements: list[tuple[int, str]] = []
    for m in _TVL.finditer(text):
        label = _agreement(m.group("t"))
        grade = m.group("g")
        if not grade:
            after = _EGROUP.search(text, m.end(), m.end() + 25)
            grade = after.group("g") if after else None
        agreements.append((m.start(), label))
        if grade:
            found.append((m.start(), f"{label} E{''.join(grade.split())}"))
        tvl_spans.append((m.start(), m.end() + 25))
    groups = [m for m in _EGROUP.finditer(text)
              if not any(a <= m.start() <= b for a, b in tvl_spans)
              and not re.search(r"\bTV", text[max(0, m.start() - 20) : m.start()])]
    for m in groups:
        grade = re.sub(r"\s+", "", m.group("g"))
        near = _AGREEMENT_NEAR.match(text[m.end():])
        if near is not None:
            label = _agreement(near.group("t"))
        elif len(agreements) == 1 and len(groups) == 1:
            label = agreements[0][1]  # "Entgeltgruppe 13 ... § 12 TVöD"
        else:
            found.append((m.start(), f"E{grade}"))
            continue
        found.append((m.start(), f"{label} E{grade}"))
        agreements = [a for a in agreements if a[1] != label]
    for start, label in agreements:
        if not any(v.startswith(label) for _, v in found):
            found.append((start, label))
    for m in _CAO.finditer(text):
        found.append((m.start(), "Cao " + m.group("c").split(None, 1)[1]))
    return [v for _, v in sorted(found)]


def _is_salary(s: Sentence) -> bool:
    return bool(_SALARY_CUE.search(s.text) or s.kind is Kind.TERMS
                or re.search(r"salar|reimburse|vergoeding|gehalt", s.heading, re.I))


def _money(s: Sentence) -> list[Fact]:
    text = s.text
    hits = list(MONEY.finditer(text))
    if not hits or not _is_salary(s) or (_NOT_SALARY.search(text) and not re.search(
        r"salar", text, re.I
    )):
        return []
    reimbursement = bool(_REIMB_CUE.search(text) or re.search(r"reimburse", s.heading, re.I))
    period = " per month" if _MONTH.search(text) else " per year" if _YEAR.search(text) else ""
    period = " per hour" if _HOURLY.search(text) and not period else period
    gross = " gross" if _GROSS.search(text) else ""
    sentence_scales = _scales_in(text)
    facts: list[Fact] = []
    i = 0
    while i < len(hits):
        m = hits[i]
        lo_raw = m.group("a") or m.group("b")
        hi_raw = ""
        start, end = m.start(), m.end()
        if i + 1 < len(hits) and _RANGE_GAP.match(text[m.end() : hits[i + 1].start()]):
            nxt = hits[i + 1]
            hi_raw = nxt.group("a") or nxt.group("b")
            end = nxt.end()
            i += 1
        elif (bare := _BARE_NEXT.match(text[m.end() :])) is not None:
            hi_raw = bare.group("n")
            end = m.end() + bare.end()
        elif (prev := _BARE_PREV.search(text[: m.start()])) is not None and m.group("b"):
            lo_raw, hi_raw = prev.group("n"), lo_raw
            start = prev.start()
        i += 1
        sign = _sign(m)
        value = f"{sign} {_amount(lo_raw)}" + (f" – {sign} {_amount(hi_raw)}" if hi_raw else "")
        after = re.match(r"\s*\(\s*((?:salary\s+)?(?:scale|schaal)\s+\w+|E\s?\d{1,2})\s*\)",
                         text[end:], re.I)
        scale = ""
        if after:
            scale = _scales_in(after.group(1))[0] if _scales_in(after.group(1)) else ""
        elif len(sentence_scales) == 1:
            scale = sentence_scales[0]
        tail = text[end:]
        own_period = " per hour" if _HOURLY_AFTER.match(tail) else period
        if _HOURLY_AFTER.match(tail):
            tail = tail[_HOURLY_AFTER.match(tail).end():]  # type: ignore[union-attr]
        qualifier = _QUALIFIER_AFTER.match(tail)
        own_gross = " net" if _NET_AFTER.match(text[end:]) else gross
        if reimbursement and (own_period != " per hour" or _EXPLICIT_REIMB.search(text)):
            dur = _FOR_PERIOD.search(text, end)
            value += period + (f" for {dur.group('d')}" if dur else "")
            facts.append(fact(FactKind.REIMBURSEMENT, value, s, trim(text, start, end)))
        else:
            value += own_gross + own_period + (f" ({scale})" if scale else "")
            if qualifier and not re.search(r"scale|schaal|\bE\s?\d", qualifier.group("q"), re.I):
                value += f" ({qualifier.group('q').strip()})"
            facts.append(fact(FactKind.SALARY_AMOUNT, value, s, trim(text, start, end)))
    return facts


def _first(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g)


def _pct(raw: str) -> str:
    return raw.replace(",", ".")


def _allowances(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    text = s.text
    found = {"holiday": False, "year": False}
    for key, with_pct, bare in (("holiday", _HOLIDAY, _HOLIDAY_BARE),
                                ("year", _YEAREND, _YEAREND_BARE)):
        for m in with_pct.finditer(text):  # "8% holiday allowance", "vakantiegeld van 8%"
            word = bare.search(m.group(0))
            name = word.group(0) if word else key
            out.append(fact(FactKind.ALLOWANCE, f"{_pct(_first(m))}% {name}", s,
                            trim(text, m.start(), m.end())))
            found[key] = True
        if not found[key] and _is_salary(s) and (h := bare.search(text)) is not None:
            out.append(fact(FactKind.ALLOWANCE, h.group(0), s, trim(text, h.start(), h.end())))
    return out


def _hours(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    text = s.text
    for m in _HOURS.finditer(text):
        if _NOT_HOURS.search(text[max(0, m.start() - 15) : m.end() + 5]) or _DUTY.search(
                text[max(0, m.start() - 90) : m.start()]):
            continue
        h = m.group("h") or m.group("w") or m.group("x") or m.group("y") or m.group("z")
        h2 = m.group("h2")
        label = f"{h}–{h2}" if h2 else h
        value = f"{label} hours per week"
        detail = trim(text, m.start(), m.end())
        out.append(fact(FactKind.HOURS, value, s, detail))
        hours = float(h.replace(",", "."))
        if hours < _FULLTIME_HOURS and not re.search(
            r"full[- ]?time|voltijd|vollzeit", text[max(0, m.start() - 40) : m.start()], re.I
        ):
            out.append(fact(FactKind.PART_TIME, value, s, detail))
    return out


def _hours_per_month(s: Sentence) -> list[Fact]:
    return [fact(FactKind.HOURS, f"{m.group('h') or m.group('g')} hours per month", s,
                 trim(s.text, *m.span())) for m in _HOURS_MONTH.finditer(s.text)]


def _thousands(s: Sentence) -> list[Fact]:
    """"~50k€" a year: an amount in thousands, as the page rounds it."""
    out: list[Fact] = []
    if not _is_salary(s):
        return out
    for m in _KILO.finditer(s.text):
        period = " per month" if _MONTH.search(s.text) else " per year"
        about = "~" if m.group("t") else "> " if m.group("gt") else ""
        value = f"{about}€ {m.group('a') or m.group('b')}k{period}"
        out.append(fact(FactKind.SALARY_AMOUNT, value, s, trim(s.text, *m.span())))
    return out


def _part_time(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    text = s.text
    for m in _PART_PCT.finditer(text):
        p = _first(m)
        if float(p.replace(",", ".")) >= 100:
            continue
        out.append(fact(FactKind.PART_TIME, f"{_pct(p)}%", s,
                        trim(text, m.start(), m.end())))
    for m in _FTE.finditer(text):
        out.append(fact(FactKind.PART_TIME, f"{m.group('f').replace(',', '.')} FTE", s,
                        trim(text, m.start(), m.end())))
    return out


def _pay_scales(s: Sentence) -> list[Fact]:
    if not _is_salary(s):
        return []
    own_cue = s.has("salar", "gehalt", "vergütung", "remunerat", "wage", "pay", "loon")
    return [fact(FactKind.PAY_SCALE, value, s, trim(s.text)) for value in
            _scales_in(s.text) if own_cue or not value.startswith("Cao ")]


_STATEMENT_CUE = re.compile(
    r"salar|salaris|gehalt|vergütung|remunerat|\bwages\b|bezahlung|entlohnung|"
    r"(?:paid|pay) (?:according|in line|conform)|compensation",
    re.I,
)
_NOT_STATEMENT = re.compile(r"pension|premium|insurance|discount", re.I)


def _statement(s: Sentence, has_amount: bool) -> list[Fact]:
    text = s.text
    if (has_amount or s.kind is Kind.BACKGROUND or not _STATEMENT_CUE.search(text)
            or _NOT_STATEMENT.search(text)):
        return []
    allowance = bool(_HOLIDAY.search(text) or _YEAREND.search(text))
    if len(text.split()) < 5 or (allowance and not re.search(r"scale|schaal", text)):
        return []
    student = s.has("reimburse", "stipend", "vergoeding") or (
        s.has("compensation") and re.search(r"thesis|(?<!phd )student|internship", s.low))
    kind = FactKind.REIMBURSEMENT if student else FactKind.SALARY_STATEMENT
    return [fact(kind, trim(text), s, trim(text))]


_SCALE_WORDS = ("scale", "schaal", "tv", "cao", "e1", "e 1", "entgelt", "e9", "e8")
_ALLOWANCE_WORDS = ("allowance", "bonus", "vakantie", "year", "urlaub", "eindejaar", "jahres",
                    "weihnacht", "holiday", "vacation", "payment")
_HOUR_WORDS = ("hour", "uur", "stunde", "std")
_STATEMENT_WORDS = ("salar", "gehalt", "vergütung", "remunerat", "wage", "bezahlung",
                    "entlohnung", "paid", "pay ", "compensation")


def extract(sentences: Sequence[Sentence]) -> list[Fact]:
    """Salary, reimbursement, pay scale, part-time, allowance, hours and statement facts."""
    facts: list[Fact] = []
    has = Gates(sentences)
    currency, scale = has(*_CURRENCY_WORDS), has(*_SCALE_WORDS)
    share, allowance, hours = has("%", "fte"), has(*_ALLOWANCE_WORDS), has(*_HOUR_WORDS)
    month, statement = has("month", "monat", "maand"), has(*_STATEMENT_WORDS)
    for i, s in enumerate(sentences):
        money = _money(s) if i in currency else []
        if not money and i in currency:
            money = _thousands(s)
        facts += money
        if i in scale:
            facts += _pay_scales(s)
        if i in share:
            facts += _part_time(s)
        if i in allowance:
            facts += _allowances(s)
        if i in hours:
            facts += _hours(s)
            if i in month:
                facts += _hours_per_month(s)
        if not money and i in statement:
            facts += _statement(s, False)
    # A bare "holiday allowance" adds nothing when a percentage was found for it.
    pct = {f.value.split("% ", 1)[1].lower() for f in facts
           if f.kind is FactKind.ALLOWANCE and "% " in f.value}
    return [f for f in facts if not (f.kind is FactKind.ALLOWANCE and f.value.lower() in pct)]
