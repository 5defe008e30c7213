"""Text normalisation: folding, tokens, stopwords."""

from __future__ import annotations

import pytest

from knowledge.classify import fold_heading, kind_of_heading
from knowledge.fields import says_closed
from knowledge.textnorm import (
    MAX_TOKENS,
    STOPWORDS,
    fold,
    language_of,
    parts,
    split_compound,
    stem,
    tokens,
    words,
)


@pytest.mark.parametrize("text, expected", [
    ("Für", "fur"),
    ("één", "een"),
    ("Größe", "grosse"),
    ("STRASSE ẞ", "strasse ss"),
    ("Fütterer", "futterer"),
    ("café naïve coöperatie", "cafe naive cooperatie"),
    ("Ærø Øst", "aero ost"),
    ("ĳs", "ijs"),
    ("What’s “this” ‘thing’?", "what's \"this\" 'thing'?"),
    ("2023–2027", "2023-2027"),
    ("salary—benefits", "salary - benefits"),
    ("  many   spaces\t\tand\nlines ", "many spaces and lines"),
    ("nul\x00byte\x07bell", "nul byte bell"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("ＦＵＬＬ ｗｉｄｔｈ", "full width"),
    ("ﬁle", "file"),
    ("", ""),
])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_keeps_emoji_and_other_scripts_harmlessly() -> None:
    assert fold("hi 😀") == "hi 😀"
    assert fold("Привет") == "привет"


def test_fold_never_raises() -> None:
    for text in ("\ud800", "\x00" * 100, "😀" * 10_000, "a\u0301" * 5000, "\u202e" * 3,
                 "\u00ad", "\u200b\ufeff"):  # only characters that are dropped
        assert isinstance(fold(text), str)
    assert fold(None) == ""  # type: ignore[arg-type]


def test_fold_is_capped() -> None:
    assert len(fold("a" * 100_000)) <= 5000


@pytest.mark.parametrize("text, expected", [
    ("What is the salary?", ["what", "is", "the", "salary"]),
    ("Is it E13 or 10a?", ["is", "it", "e13", "or", "10a"]),
    ("reference CIR/06/2023 please", ["reference", "cir/06/2023", "please"]),
    ("TV-L E13, 100%", ["tv-l", "e13", "100"]),
    ("send an e-mail", ["send", "an", "e-mail"]),
    ("€2.789 to €3,536 gross", ["2.789", "to", "3,536", "gross"]),
    ("what's up", ["what", "s", "up"]),
    ("PANCAIM (PhD)", ["pancaim", "phd"]),
    ("R&D team", ["r&d", "team"]),
    ("end. Next", ["end", "next"]),
    ("snake_case_id", ["snake_case_id"]),
    ('"salary" OR NEAR(apply, 3)', ["salary", "or", "near", "apply", "3"]),
    ("<b>hi</b>", ["b", "hi", "b"]),
    ("für die Stelle", ["fur", "die", "stelle"]),
    ("-- ;; ??", []),
])
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_tokens_of_folded_text() -> None:
    assert tokens("salary e13", folded=True) == ["salary", "e13"]


def test_tokens_are_capped() -> None:
    out = tokens("word " * 50_000)
    assert len(out) <= MAX_TOKENS


@pytest.mark.parametrize("token, expected", [
    ("tv-l", ["tv", "l"]), ("cir/06/2023", ["cir", "06", "2023"]), ("salary", ["salary"]),
    ("a--b", ["a", "b"]),
])
def test_parts(token: str, expected: list[str]) -> None:
    assert parts(token) == expected


def test_stopwords() -> None:
    for word in ("the", "a", "is", "for", "what", "how", "wat", "hoe", "de", "het", "een",
                 "voor", "der", "die", "das", "fur", "wie", "ist", "waar", "wo", "wann",
                 # the heads of English negative contractions: "don't" -> "don", "t"
                 "don", "doesn", "isn", "won", "couldn", "dont"):
        assert word in STOPWORDS, word
    for word in ("salary", "pancaim", "bonn", "pathology", "gehalt", "salaris", "contact"):
        assert word not in STOPWORDS, word
    assert all(w == fold(w) for w in STOPWORDS)


def test_one_fold_for_pages_and_messages() -> None:
    """"Straße" is one token, whichever side of the bot reads it."""
    assert tokens("Straße") == tokens("STRASSE") == tokens("strasse") == ["strasse"]
    assert words("Straße") == ["strasse"]


@pytest.mark.parametrize("a, b", [("Über uns", "UBER UNS"), ("Anforderungen:", "anforderungen"),
                                  ("2. Qualifikationen", "Qualifikationen")])
def test_headings_are_folded_like_everything_else(a: str, b: str) -> None:
    assert fold_heading(a) == fold_heading(b) and kind_of_heading(a) is kind_of_heading(b)
    assert kind_of_heading(a) is not None


@pytest.mark.parametrize("value", ["Nicht mehr verfügbar", "NICHT MEHR VERFUGBAR", "Vergeben!",
                                   "niet meer beschikbaar"])
def test_status_words_are_folded_like_everything_else(value: str) -> None:
    assert says_closed(value)


@pytest.mark.parametrize("text, expected", [
    ("sal\u00adary", "salary"), ("sal\u200bary", "salary"), ("pay\u2060ment", "payment"),
])
def test_invisible_characters_inside_words_are_dropped(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize("a, b", [
    ("students", "student"), ("studenten", "student"), ("Doktoranden", "doktorand"),
    ("postdocs", "postdoc"), ("masters", "master"), ("images", "imaging"),
    ("segmentation", "segment"), ("Pathologie", "pathologie"),
])
def test_stem_meets_across_inflections_and_languages(a: str, b: str) -> None:
    assert stem(fold(a)) == stem(fold(b))


@pytest.mark.parametrize("word", ["e13", "10a", "ai", "ct", "tv-l", "cir/06/2023"])
def test_codes_and_short_words_are_their_own_stem(word: str) -> None:
    assert stem(word) == word


_KNOWN = frozenset("doktorand stelle promotie plek data manager master arbeit afstudeer "
                   "project prostaat kanker".split())


@pytest.mark.parametrize("word, expected", [
    ("doktorandenstelle", ["doktorand", "stelle"]),
    ("promotieplek", ["promotie", "plek"]),
    ("datamanager", ["data", "manager"]),
    ("masterarbeit", ["master", "arbeit"]),
    ("afstudeerproject", ["afstudeer", "project"]),
    ("prostaatkanker", ["prostaat", "kanker"]),
    ("manager", []),
    ("xyzstelle", []),
])
def test_split_compound(word: str, expected: list[str]) -> None:
    assert split_compound(word, _KNOWN.__contains__) == expected


@pytest.mark.parametrize("text, lang", [
    ("What is the salary for the PhD?", "en"),
    ("Wat is het salaris van de promotieplek?", "nl"),
    ("Wie viel verdient man bei der Stelle?", "de"),
    ("Wer ist der Ansprechpartner?", "de"),
    ("wie is de contactpersoon?", "nl"),
    ("PANCAIM", "en"),
    ("", "en"),
])
def test_language_of(text: str, lang: str) -> None:
    assert language_of(text) == lang
