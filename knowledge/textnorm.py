"""The one text-normalisation module of vacbot, used by `knowledge/` and `bot/` alike.

- `fold` makes text comparable: lower case, no accents, "ß" -> "ss", plain quotes and
  dashes, invisible characters (soft hyphen, zero-width space) removed, single spaces;
- `tokens` cuts folded text into words, keeping codes such as "e13", "10a", "tv-l" or
  "cir/06/2023" whole; `words` adds the parts of such joined tokens;
- `stem` is the Snowball stem (PyStemmer) of a folded word, the same for a page and a message
  whatever their language: the shortest of its English, Dutch and German stems;
- `split_compound` cuts "doktorandenstelle" or "promotieplek" into parts a vocabulary knows;
- `STOPWORDS` are the function words and filler of English, Dutch and German;
- `language_of` tells English, Dutch and German apart by their function words.

Pure and cached; nothing here raises on odd input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

import Stemmer

from lang import DETECT

MAX_CHARS = 5000  # `fold` reads at most this many characters
MAX_TOKENS = 500  # `tokens` returns at most this many words

# Characters that NFKD leaves alone but that a user means as plain letters or punctuation.
_TABLE: dict[int, str] = {
    **{ord(c): "'" for c in "‘’‚‛′`´ʼ"},
    **{ord(c): '"' for c in "“”„‟″«»‹›"},
    **{ord(c): "-" for c in "‐‑‒–−﹘﹣－"},
    **{ord(c): " - " for c in "—―"},
    ord("ß"): "ss", ord("ẞ"): "ss", ord("ø"): "o", ord("Ø"): "o", ord("æ"): "ae",
    ord("Æ"): "ae", ord("œ"): "oe", ord("Œ"): "oe", ord("ł"): "l", ord("Ł"): "l",
    ord("đ"): "d", ord("Đ"): "d", ord("ı"): "i", ord("ĳ"): "ij", ord("Ĳ"): "ij",
    ord("þ"): "th", ord("ð"): "d",
    **{c: " " for c in range(32)},
    **{c: " " for c in range(0x7F, 0xA0)},
    0xAD: "", 0x200B: "", 0x200C: "", 0x200D: "", 0x2060: "", 0xFEFF: "",
}
_SPACES = re.compile(r"\s+")
# A word: letters/digits, with inner "-", "/", "_" or "&" joining parts ("tv-l", "cir/06/2023",
# "r&d"), and "." or "," only between digits ("2.789").
_TOKEN = re.compile(r"[^\W_]+(?:(?:[-/_&]|(?<=\d)[.,](?=\d))[^\W_]+)*")


@lru_cache(maxsize=1)
def _dropped() -> re.Pattern[str]:
    """The BMP characters `fold` drops: combining marks (accents after NFKD) and control,
    format, private and unassigned ones — as one character class, built on first use."""
    runs: list[str] = []
    start = -1
    for cp in range(0x10000 + 1):
        ch = chr(cp) if cp < 0x10000 else ""
        drop = bool(ch) and (unicodedata.combining(ch) != 0
                             or unicodedata.category(ch)[0] == "C")
        if drop and start < 0:
            start = cp
        elif not drop and start >= 0:
            end = cp - 1
            runs.append(re.escape(chr(start)) if start == end
                        else f"{re.escape(chr(start))}-{re.escape(chr(end))}")
            start = -1
    return re.compile(f"[{''.join(runs)}]+")


def fold(text: str, limit: int | None = MAX_CHARS) -> str:
    """Lower-case, accent-free, plain-punctuation, single-spaced form of `text`.

    "Für" -> "fur", "één" -> "een", "Straße" -> "strasse", curly quotes -> straight ones,
    dashes -> "-", control and zero-width characters dropped. Never raises.
    """
    if not isinstance(text, str):  # defensive: callers pass whatever arrived
        return ""  # type: ignore[unreachable]
    text = text[:limit] if limit is not None else text
    if text.isascii():
        text = text.translate(_TABLE).lower()
    else:
        text = unicodedata.normalize("NFKD", _mapped(text))
        if not text or max(text) <= "\uffff":
            text = _dropped().sub("", text).lower()
        else:  # beyond the BMP (emoji, rare scripts): character by character
            text = "".join(ch for ch in text if not unicodedata.combining(ch)
                           and unicodedata.category(ch)[0] != "C").lower()
        text = _mapped(text)  # lower() may have produced ß-like letters again
    return " ".join(text.split())


# `_TABLE`'s characters, found by one pattern: `str.translate` with a table reads each
# character of a non-ASCII text in Python's slow path (ten times slower on a page)
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE) + "]")


def _mapped(text: str) -> str:
    return _MAPPED.sub(lambda m: _TABLE[ord(m.group())], text)


_DEGREES = re.compile(r"\b([bm])\.\s?sc\b\.?|\bph\.\s?d\b\.?|\bm\.\s?d\b\.?|\bb\.\s?a\b\.?")


def _degree(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "").replace(" ", "")


def tokens(text: str, folded: bool = False, limit: int | None = MAX_TOKENS) -> list[str]:
    """The words of `text` (folded first unless `folded`), at most MAX_TOKENS of them.

    Codes and hyphenated words stay one token: "E13", "10a", "TV-L", "CIR/06/2023", "e-mail".
    Apostrophes split ("what's" -> "what", "s").
    """
    source = text if folded else fold(text, None if limit is None else MAX_CHARS)
    if "." in source:  # "B.Sc.", "Ph.D." are one word: "bsc", "phd"
        source = _DEGREES.sub(_degree, source)
    if limit is None or len(source) <= MAX_CHARS:  # at most a few thousand words: all at once
        found: list[str] = _TOKEN.findall(source)
        return found if limit is None else found[:limit]
    out: list[str] = []
    for match in _TOKEN.finditer(source):
        out.append(match.group())
        if len(out) >= limit:
            break
    return out


def parts(token: str) -> list[str]:
    """The pieces of a joined token: "tv-l" -> ["tv", "l"]; a plain word -> [word]."""
    if "-" in token or "/" in token or "_" in token or "&" in token:
        return [p for p in re.split(r"[-/_&]", token) if p]
    return [token]


_OWN_STOPWORDS = frozenset(
    """
    a an the and or but nor if then than so as at by for from in into of on onto to with
    without about over under up down out off this that these those there here it its
    i me my mine we us our you your yours he him his she her they them their one ones
    is are was were be been being am do does did done doing have has had having
    can could would should will shall may might must let lets
    what whats which who whom whose when where why how hows whats
    any some all each every no not also just only very too more most much many such
    please pls plz thanks thank hi hello hey ok okay yes yeah no nope well so s t d ll re ve m
    like get got give tell show know want need wanna gonna im
    don doesn didn isn aren wasn weren hasn haven hadn won wouldn shouldn couldn mustn
    needn mightn shan ain cant dont doesnt didnt isnt arent wasnt werent wont wouldnt
    shouldnt couldnt
    de het een en of maar als dan dat die dit deze daar hier er is zijn was waren ben bent
    heb hebt heeft hebben had kan kun kunt kunnen zal zou wil wilt willen moet moeten mag
    wat wie welk welke waar wanneer waarom hoe hoeveel hoelang
    ik mij me mijn jij je jou jouw u uw wij we ons onze jullie hij zij ze hun
    in op aan bij met voor van naar om over uit tot door te ook nog wel niet geen al
    graag alstublieft alsjeblieft aub svp even eens
    der die das den dem des ein eine einer einem einen eines und oder aber wenn dann als
    dass ist sind war waren bin bist sein hat habe hast haben kann kannst konnen muss musst
    mussen soll sollen will willst mochte wird werden wurde
    was wer wen wem wessen welche welcher welches welchen wo wann warum wie wieso weshalb
    ich mich mir mein meine du dich dir dein deine er sie es wir uns unser ihr ihnen ihre
    im am zum zur vom beim fur fuer mit von zu bei nach uber ueber aus auf an um durch
    auch noch schon nicht kein keine bitte mal denn doch ja nein
    something anything nothing everything someone anyone thing things stuff kind sort
    still really actually maybe probably also either whether though tho although
    already yet ever always often sometimes soon again anymore even instead rather quite
    take takes taking long able enough want wants wanted turn turns done make makes made
    go goes going come comes see saw seen heard read las look looking looks find found
    u r ur abt bc cuz thx ty idk btw yrs yr gotta kinda sorta lol pls plz
    gibt geht gehts man ab bitte jullie nodig binnen iets mogelijk wegen uni lange lang
    langer lauft laufen duurt dauert moment momentan momenteel currently nowadays
    possible possibly impossible allowed mogelijk moglich
    """.split()
)


def _library_stopwords() -> frozenset[str]:
    """Snowball's Dutch and German stop word lists (stop-words package), folded. Its English
    list is left out: it counts topic words such as "computer", "home" and "system"."""
    from stop_words import get_stop_words

    return frozenset(fold(w) for lang in ("dutch", "german") for w in get_stop_words(lang))


STOPWORDS: frozenset[str] = _OWN_STOPWORDS | _library_stopwords()


def words(text: str, folded: bool = False, limit: int | None = MAX_TOKENS) -> list[str]:
    """`tokens`, each joined token followed by its parts: "tv-l" -> "tv-l", "tv", "l".
    `limit=None` reads all of a page (messages are capped, pages are not)."""
    return with_parts(tokens(text, folded, limit))


def with_parts(found: Iterable[str]) -> list[str]:
    """Tokens, each joined one followed by its parts."""
    out: list[str] = []
    for token in found:
        out.append(token)
        pieces = parts(token)
        if len(pieces) > 1:
            out.extend(pieces)
    return out


# ---- stems --------------------------------------------------------------------------------

_STEMMERS = tuple(Stemmer.Stemmer(lang) for lang in ("english", "dutch", "german"))
MIN_STEM = 4  # words shorter than this are their own stem ("ai", "ct", "msc")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem a folded word is matched by: the shortest of its English, Dutch and German
    Snowball stems, so "students", "studenten" and "student" meet, and a page and a message
    need not be in the same language. Codes and short words are left as they are."""
    if len(word) < MIN_STEM or not word.isalpha():
        return word
    best = word
    for stemmer in _STEMMERS:
        s = stemmer.stemWord(word)
        # endings only: Dutch Snowball also strips a "ge-" prefix ("german" -> "rman")
        if len(best) > len(s) >= 3 and s[:3] == word[:3]:
            best = s
    return best


def stems(text: str, folded: bool = False) -> list[str]:
    """The stems of `words(text)`, in order."""
    return [stem(w) for w in words(text, folded)]


_COGNATE = ((r"ph", "f"), (r"th", "t"), (r"ch", "k"), (r"c", "k"), (r"y", "i"), (r"z", "s"),
            (r"ae", "e"), (r"oe", "u"), (r"(.)\1", r"\1"), (r"[aeiou]+$", ""))


COGNATE_MIN = 5  # letters of a cognate key that can tell one word from others


@lru_cache(maxsize=65536)
def cognate(s: str) -> str:
    """A spelling-neutral key, so that English, Dutch and German forms of one Latin or Greek
    word meet: "hypertrofi", "hypertrophi" -> "hipertrof"."""
    for pattern, repl in _COGNATE:
        s = re.sub(pattern, repl, s)
    return s


# Linking letters between the parts of Dutch and German compounds ("promotie-s-stelle",
# "doktorand-en-stelle", "afstudeer-project").
_LINKS = ("", "s", "en", "n", "e", "es", "er")
MIN_PART = 3


def split_compound(word: str, known: Callable[[str], bool]) -> list[str]:
    """The parts of a compound word that `known` accepts, longest head first:
    "doktorandenstelle" -> ["doktorand", "stelle"], "datamanager" -> ["data", "manager"].
    [] when `word` is not a compound of two known parts."""
    if len(word) < 2 * MIN_PART + 1 or not word.isalpha():
        return []
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not known(tail):
            continue
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if len(base) >= MIN_PART and known(base):
                return [base, tail]
    return []


# ---- language -----------------------------------------------------------------------------

_LANGUAGE_WORDS = DETECT  # each language's `lang/<code>/detect.py`


@lru_cache(maxsize=4096)
def language_of(text: str, default: str = "en") -> str:
    """"en", "nl" or "de", by which language's function words `text` uses most; `default`
    when none is used or the best two tie."""
    return language_of_words(tuple(tokens(text[:4000])[:400]), default)


def language_of_words(found: tuple[str, ...], default: str = "en") -> str:
    """`language_of` over folded words already read."""
    counts = dict.fromkeys(_LANGUAGE_WORDS, 0)
    for token in found[:400]:
        for lang, vocabulary in _LANGUAGE_WORDS.items():
            if token in vocabulary:
                counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda x: -x[1])
    if ranked[0][1] == 0 or ranked[0][1] == ranked[1][1]:
        return default
    return ranked[0][0]
