"""Kinds of position as German pages and applicants name them (see `lang.base.Kinds`)."""

from __future__ import annotations

from lang.base import ASSISTANT, ENGINEER, MSC, PHD, POSTDOC, Kinds

KINDS = Kinds(
    labels={PHD: "Promotionsstelle", POSTDOC: "Postdoc", MSC: "Abschlussarbeit",
            ENGINEER: "Ingenieur/Entwickler", ASSISTANT: "Hilfskraft"},
    words={
        PHD: """promotion promotionsstelle promotionsstellen promotionsvorhaben doktorand
            doktoranden doktorandin doktorandinnen doktorandenstelle doktorandenstellen
            doktorarbeit doktorarbeiten dissertation""",
        POSTDOC: "postdoktorand postdoktorandin",
        MSC: """master masterarbeit masterarbeiten masterthesis bachelor bachelorarbeit
            bachelorarbeiten abschlussarbeit abschlussarbeiten praktikum praktika""",
        ASSISTANT: """hiwi hiwis shk whk shks whks hilfskraft hilfskrafte hilfskraften
            werkstudent werkstudentin werkstudenten""",
    },
    pairs={
        PHD: """wissenschaftliche_mitarbeiterin wissenschaftlicher_mitarbeiter
            wissenschaftliche_mitarbeiter""",
        ASSISTANT: "studentische_hilfskraft wissenschaftliche_hilfskraft",
    },
    prefixes={
        PHD: "doktorand promotions",
        POSTDOC: "postdoktorand",
        MSC: "masterarbeit bachelorarbeit abschlussarbeit",
        ASSISTANT: "hiwi hilfskraft",
    },
    negations="kein keine keinen keiner nicht ohne ausser",
    degree_next="abschluss studienabschluss diplom",
    degree_before="besitzen abgeschlossenen abgeschlossener abgeschlossenes",
)
