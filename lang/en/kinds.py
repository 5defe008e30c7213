"""Kinds of position as English pages and applicants name them (see `lang.base.Kinds`)."""

from __future__ import annotations

from lang.base import ASSISTANT, ENGINEER, MSC, PHD, POSTDOC, Kinds

KINDS = Kinds(
    labels={PHD: "PhD", POSTDOC: "postdoc", MSC: "MSc/BSc project", ENGINEER: "engineer",
            ASSISTANT: "student assistant"},
    words={
        PHD: "doctoral doctorate doctorates dissertation",
        POSTDOC: "postdoctoral post-doctoral",
        MSC: """master masters master's mastersthesis masterthesis masterproject bachelor
            bachelors bachelorthesis thesis theses internship internships intern interns""",
        ENGINEER: """engineer engineers developer developers programmer programmers rse
            technician technicians""",
    },
    pairs={
        PHD: "phd_student phd_candidate doctoral_candidate",
        MSC: "student_project research_project",
        ENGINEER: "software_engineer software_developer research_software data_manager",
        ASSISTANT: "student_assistant research_assistant student_job",
    },
    prefixes={MSC: "masterthes masterproj"},
    negations="not no nor without except excluding",
    negation_pairs="other_than instead_of rather_than but_not",
    degree_next="degree degrees diploma graduate graduates title",
    degree_before="""hold holds holding have has having completed obtained earned finished
        possess possessing recent""",
)
