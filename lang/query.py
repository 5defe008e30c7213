"""What a language says about the shape of a question, typed: the words the reader
(`bot.understand`) looks for, per language, in folded form (`knowledge.textnorm.fold`).

Each language's instance lives in `lang/<code>/query.py`; `ALL` merges them, since a message
may mix languages ("is die Stelle still open?"). Phrases are words separated by single
spaces; a word ending in "*" matches any word it begins.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class QueryWords:
    question_words: tuple[str, ...]  # words that open a question: who, wat, wann
    question_verbs: tuple[str, ...]  # further words that open a yes/no question: is, kann
    request_verbs: tuple[str, ...]  # imperative openers that ask: tell, list, zeig
    after_question_word: tuple[str, ...]  # what follows a question word opening a new
    #                                       clause: ", how MUCH ...", ", wo IST ..."
    exists: tuple[str, ...]  # "is there", "gibt es", "zijn er": does something exist?
    hiring: tuple[str, ...]  # "hiring": a group looking for people
    vacancy_nouns: tuple[str, ...]  # what a vacancy is called: position, stelle, plek
    plural_nouns: tuple[str, ...]  # ... in the plural: positions, stellen, plekken
    list_openers: tuple[str, ...]  # "which", "welke", "alle" before a plural noun
    still: tuple[str, ...]  # "still", "nog", "noch": before "open"
    open_words: tuple[str, ...]  # "open", "available", "offen"
    open_adjectives: tuple[str, ...]  # "current", "aktuelle": open ones, before a noun
    open_nouns: tuple[str, ...]  # "opening", "vacature": a post that is to be filled
    post_nouns: tuple[str, ...]  # "position", "Stelle", "functie": a post, not a piece of
    #                              work (a thesis, a project) that a degree holder might own
    closed_words: tuple[str, ...]  # "closed", "previous", "vergangene": closed ones
    closed_states: tuple[str, ...]  # "filled", "vergeben": a vacancy that is taken
    copulas: tuple[str, ...]  # "is", "are", "zijn", "sind": before a state
    all_words: tuple[str, ...]  # all, every, alle, elke
    quantity: tuple[str, ...]  # how much, how many, hoeveel, wie viele
    ordinals: dict[str, int]  # first: 1, ..., last: -1
    number_words: tuple[str, ...]  # "number", "nr", "optie": before a number in a list
    follow_up: tuple[str, ...]  # openers of a follow-up: "and", "what about", "und"
    other: tuple[str, ...]  # "other", "andere": another vacancy than the one talked about
    back: tuple[str, ...]  # "back to", "terug naar", "zurück zu": an earlier one again
    older: tuple[str, ...]  # "older", "earlier": an earlier posting
    newer: tuple[str, ...]  # "newer", "latest": a later posting
    pointer_nouns: tuple[str, ...]  # "one", "posting", "ad": what a pointer points at
    articles: tuple[str, ...]  # "the", "that", "die", "het"
    demonstratives: tuple[str, ...]  # "this", "that", "deze", "diese": pointing at one
    group_nouns: tuple[str, ...]  # "lab", "group", "vakgroep", "Lehrstuhl": the group itself
    group_pronouns: tuple[str, ...]  # "they", "you", "it", "jullie", "ihr": the group or
    #                                  its vacancy, spoken of without a name
    negations: tuple[str, ...]  # "not", "niet", "nicht": what follows is not meant
    but: tuple[str, ...]  # "but", "maar", "sondern": what follows a ruled-out part
    with_words: tuple[str, ...]  # "with", "about", "met", "mit": before what describes one
    or_words: tuple[str, ...]  # "or", "of", "oder"
    and_words: tuple[str, ...]  # "and", "en", "und"
    # what users say of themselves
    holder: tuple[str, ...]  # "with", "i have", "heb", "habe": before a degree held
    degree_after: tuple[str, ...]  # "student", "degree": after a degree word held
    degrees: tuple[str, ...]  # bachelor, master, msc, phd: degrees one holds
    enough: tuple[str, ...]  # "enough", "genoeg", "reicht"
    need: tuple[str, ...]  # "need", "require", "nodig", "brauche": a degree asked about
    instructions: tuple[str, ...]  # "do not", "only", "nur", "niet": a page's decisive
    #                                instruction on how to apply, quoted first
    you: tuple[str, ...]  # "you", "jullie", "ihr": the group asked, not the user
    i_am: tuple[str, ...]  # "i am", "ik ben", "ich bin"
    i_say: tuple[str, ...]  # "i have", "i live", "ik woon", "ich wohne": a statement of mine
    professions: tuple[str, ...]  # physician, arts, arzt
    own_degree: tuple[str, ...]  # "degree", "diploma", "abschluss": a degree in a field
    experience: tuple[str, ...]  # "experience", "ervaring", "erfahrung"
    years: tuple[str, ...]  # "years", "jaar", "jahre"
    languages: tuple[str, ...]  # english, dutch, deutsch
    speak: tuple[str, ...]  # "speak", "spreek", "spreche": before a language
    language_skill: tuple[str, ...]  # "language", "fluent", "Sprachkenntnisse": a page's
    #                                  line on a language as a skill, not a nationality
    origin: tuple[str, ...]  # "from", "citizen", "non-eu": where the user comes from
    funding: tuple[str, ...]  # "own funding", "scholarship": how the user is funded
    age: tuple[str, ...]  # "years old", "jaar oud", "jahre alt"
    study: tuple[str, ...]  # "i study", "ich studiere", "ik studeer": the user's field follows
    lacking: tuple[str, ...]  # "i have no", "ich habe keine", "ik heb geen": what the user
    #                           has not got follows ("no first-author paper")
    trait_words: dict[str, tuple[str, ...]]  # what a page says about a trait of the user:
    #                                          origin -> nationality, citizens, visa ...
    trait_labels: dict[str, str]  # how the bot names the trait: origin -> "nationality"
    self_concepts: dict[str, tuple[str, ...]]  # what a user says of themselves and how pages
    #                                           call it: bachelor -> bachelor, bsc, ...
    self_labels: dict[str, str]  # how the bot names it: bachelor -> "a bachelor's degree"
    field_stop: tuple[str, ...] = field(default=())  # not a field after a degree: "in", "and"


def merged(*langs: QueryWords) -> QueryWords:
    """One QueryWords holding every language's words (each phrase once, in order)."""
    values: dict[str, object] = {}
    for name in QueryWords.__slots__:
        first = getattr(langs[0], name)
        if isinstance(first, dict):  # a table of phrases: each key's phrases together
            joined: dict[str, object] = {}
            for lang in langs:
                for key, value in getattr(lang, name).items():
                    old = joined.get(key)
                    if isinstance(old, tuple) and isinstance(value, tuple):
                        joined[key] = tuple(dict.fromkeys((*old, *value)))
                    else:
                        joined.setdefault(key, value)  # the first language's
            values[name] = joined
        else:
            values[name] = tuple(dict.fromkeys(w for lang in langs for w in getattr(lang, name)))
    return QueryWords(**values)  # type: ignore[arg-type]
