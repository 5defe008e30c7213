# ruff: noqa: E501
"""Words of no one language: abbreviations and names the same in English, Dutch and German
("phd", "msc", "cv", "pdf", "python", "ielts"), foreign greetings, and the few phrases that
join words of all three languages ("master ... genoeg|enough|ausreichend").

A word that is a word of a language (also when spelled the same in two of them, as "start" or
"hallo") is listed in each language it belongs to instead.
"""

from __future__ import annotations

from lang.base import MSC, PHD, POSTDOC, Cues, Kinds, PageWords

CUES = Cues(
    words={
        "salary": {0.85: "eur"},
        "requirements": {
            0.75: "ielts toefl gpa",
            0.55: "python pytorch",
            0.5: """matlab java javascript julia django vuejs react sql linux docker tensorflow
                keras""",
        },
        "contact": {0.55: "linkedin"},
        "apply": {0.8: "cv", 0.6: "pdf mb"},
        "greeting": {0.95: "salut bonjour"},
        "thanks": {0.95: "merci ciao"},
    },
    weak={
        "list": {0.5: "postdocs phds"},
    },
    classes={
        "nouns": "phds postdocs",
        "noun": "phd postdoc",
        "degree": "msc bsc md",
    },
    phrases={
        "@degree ~ enough|sufficient|ok|okay|fine|accepted|allowed|genoeg|voldoende|ausreichend|reicht|genugt": "requirements=.9",
        "@applyw ... deadline|deadlines|frist|sluitingsdatum": "apply=-.5",
    },
    known="fille",
)

KINDS = Kinds(
    words={
        PHD: "phd phds",
        POSTDOC: "postdoc postdocs post-doc post-docs",
        MSC: "msc bsc",
    },
    pairs={
        PHD: "ph_d",
        POSTDOC: "post_doc post_docs",
        MSC: "m_sc b_sc",
    },
    prefixes={POSTDOC: "postdoc"},
)

# what pages of any language write alike: currencies and pay grades, years, file words
PAGES = PageWords(
    pay=r"€|\beur\b|\beuros?\b|\be\s?1[0-5]\b",
    dates=r"\b20\d\d\b|\bq[1-4]\b",
    procedure=r"cv|pdf|\bmb\b|e-?mail",
    section_cues=(
        ("terms", r"€|\beur\b|tv-?l"),
        ("contact", r"mailto:|@[a-z0-9-]+\.[a-z]{2,}"),
        ("application", r"\bcv\b"),
    ),
)
