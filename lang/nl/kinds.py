"""Kinds of position as Dutch pages and applicants name them (see `lang.base.Kinds`)."""

from __future__ import annotations

from lang.base import ASSISTANT, ENGINEER, MSC, PHD, POSTDOC, Kinds

KINDS = Kinds(
    labels={PHD: "promotieplek", POSTDOC: "postdoc", MSC: "afstudeerproject",
            ENGINEER: "engineer", ASSISTANT: "student-assistent"},
    words={
        PHD: """promovendus promovenda promovendi promotieplek promotieplaats promotieplekken
            promotieplaatsen promotieonderzoek promotietraject promotiestudent aio oio""",
        MSC: """master masterproject masterproef masterscriptie masterstage masterthesis
            bachelor thesis scriptie afstudeerproject afstudeeropdracht afstudeeropdrachten
            afstudeerstage afstudeerplek stage stages stagiair stagiaire stageplek
            stageplaats""",
        ENGINEER: "datamanager",
        ASSISTANT: "studentassistent studentassistenten student-assistent",
    },
    pairs={ASSISTANT: "student_assistent"},
    prefixes={PHD: "promotie promovend", MSC: "afstudeer masterproj"},
    negations="geen niet zonder behalve",
    negation_pairs="in_plaats",
    degree_next="diploma graad",
    degree_before="behaald afgeronde",
)
