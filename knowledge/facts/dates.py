"""Dates as pages write them: found by a pattern, read by dateparser.

`DATE` is the pattern of a date-like span — "15 March 2016", "June 15th, 2022", "19. Okt.
2025", "2023-03-25", "13/3/2024", "Q4 2023", "Fall 2025", "mid-March" — whose month names
are dateparser's own for English, German and Dutch (no hand-written month table). `day_of`
reads such a span as a day: numeric forms and a day, a month's name and a year in either
order ("3rd October 2016", "Feb. 14th, 2025") with a plain pattern — the month's number from
dateparser's own locale data —, every other with dateparser, which costs about a millisecond
a call (and a third of a second for its first), so results are cached by string. A
span without a year takes the year the caller gives (the page's: its publish date, or the
year its other dates name); "mid-March", "Fall 2025" or "June 2023" are not a day and stay
text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

LANGUAGES = ("en", "de", "nl")


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation dateparser knows in English, German and Dutch, with
    its month's number ("okt" -> 10, "mrt" -> 3); a word two months share is left out."""
    from dateparser.languages import default_loader

    found: dict[str, set[int]] = {}
    for code in LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, month in enumerate(_MONTH_KEYS, start=1):
            for w in info.get(month, []):
                if w.isalpha() or "ä" in w:
                    found.setdefault(w.lower(), set()).add(number)
    return {w: next(iter(n)) for w, n in found.items() if len(n) == 1}


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """The names of months and weekdays in English, German and Dutch (dateparser's), three
    letters or more: words a page capitalises that name no vacancy."""
    from dateparser.languages import default_loader

    found = set(month_numbers())
    for code in LANGUAGES:
        info = default_loader.get_locale(code).info
        found.update(w.lower() for day in _WEEKDAY_KEYS for w in info.get(day, []))
    return frozenset(w for w in found if len(w) >= 3 and w.isalpha())


def _month_words() -> tuple[str, ...]:
    return tuple(sorted(month_numbers(), key=len, reverse=True))


MONTHS = "|".join(_month_words())
_DAY = r"\d{1,2}(?:st|nd|rd|th|e|\.)?"
DATE = (
    rf"(?:{_DAY}\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{MONTHS})\.?\s+{_DAY},?\s+\d{{4}}"
    rf"|(?:{MONTHS})\.?\s*[-–,]?\s*\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"
    r"|Q[1-4]\s*\d{4}|(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of\s+\d{4}"
    r"|(?:early|mid|late|end\s+of|beginning\s+of|begin\s+of|spring|summer|autumn|fall|winter"
    r"|voorjaar|najaar|zomer|begin|eind|anfang|mitte|ende|frühjahr|herbst|sommer)[- ]\d{4}"
    rf"|(?:{MONTHS})\.?\s+{_DAY}(?!\d)|{_DAY}\s+(?:of\s+)?(?:{MONTHS})\b"
    r"|\d{1,2}\.\s?\d{1,2}\.(?!\d))"  # "am 24.06." (German, the year left out)
)
DATE_RE = re.compile(DATE, re.I)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d.]\d)")
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)")
_HAS_DAY = re.compile(r"(?<![\d.])\d{1,2}(?:st|nd|rd|th|e|\.)?(?!\d)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def day_of(span: str, year: int = 0) -> dt.date | None:
    """The day a date-like span names — day, month and year — or None ("June 2023",
    "mid-March", "2022-09-31"). A span without a year is read in `year` (0: not read)."""
    text = span.strip()
    if m := _ISO.search(text):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC.search(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y += 2000 if y < 100 else 0
        if mo > 12 >= d:
            d, mo = mo, d  # 12/31/2024: the American order
        return _valid(y, mo, d)
    if m := _DAY_MONTH.fullmatch(text):
        return _valid(year, int(m.group(2)), int(m.group(1))) if year else None
    if not _HAS_DAY.search(text) or not re.search(rf"(?i)\b(?:{MONTHS})\b", text):
        return None
    has_year = _YEAR.search(text) is not None
    if not has_year and not year:
        return None
    text = text if has_year else f"{text} {year}"
    if m := _DAY_NAMED.fullmatch(text) or _NAMED_DAY.fullmatch(text):
        month = month_numbers().get(m.group("m").lower())
        if month is not None:
            return _valid(int(m.group("y")), month, int(m.group("d")))
    return _parse(text)


# a day, a month's name and a year, in either order: "3rd October 2016", "15. Juni 2024",
# "15th of September 2022", "Feb. 14th, 2025", "December 13 2024"
_ORDINAL = r"(?P<d>\d{1,2})(?:st|nd|rd|th|e|\.)?"
_NAMED = r"(?P<m>[^\W\d_]+)\.?"
_DAY_NAMED = re.compile(rf"{_ORDINAL}\s*(?:of\s+)?{_NAMED},?\s+(?P<y>\d{{4}})", re.I)
_NAMED_DAY = re.compile(rf"{_NAMED}\s+{_ORDINAL},?\s+(?P<y>\d{{4}})", re.I)


@lru_cache(maxsize=8192)
def _parse(text: str) -> dt.date | None:
    import dateparser

    found = dateparser.parse(text, languages=list(LANGUAGES), settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_LOCALE_DATE_ORDER": False, "RETURN_AS_TIMEZONE_AWARE": False})
    return found.date() if found else None


def date_of(text: str, year: int = 0) -> dt.date | None:
    """The first full day named in `text`: "15 March 2016", "May 2nd, 2021", "20.11.2020",
    "13/3/2024" (day first), "2023-03-25", "19. Okt. 2025", "15th of September 2022"."""
    for m in DATE_RE.finditer(text):
        if (day := day_of(m.group(0), year)) is not None:
            return day
    return None


def page_year(published: str, values: Iterable[str]) -> int:
    """The year a page's dates without one are in: its publish date's, else the year its
    other dates name most."""
    if m := _YEAR.search(published or ""):
        return int(m.group(0))
    years = Counter(int(y) for v in values for y in _YEAR.findall(v))
    return years.most_common(1)[0][0] if years else 0
