"""Practical topics in English: what a reply says the page does (not) mention, the words and
two-word names that ask about it, the words to look for in a page (see `lang.base.Topic`)."""

from __future__ import annotations

from lang.base import Topic

TOPICS: dict[str, Topic] = {
    "remote": Topic(
        "working remotely",
        words="remote remotely telework hybrid",
        search="remote remotely home hybrid on-site onsite"),
    "home_office": Topic(
        "working from home",
        words="home-office",
        pairs="home_office work_from from_home",
        search="remote remotely home hybrid flexible"),
    "part_time": Topic(
        "working part-time",
        words="part-time parttime fte",
        pairs="part_time half_time",
        # "full-time (36 hours)" answers it too
        search="part-time parttime fte percent halftime half-time full-time fulltime"),
    "hours": Topic(
        "the working hours",
        pairs="hours_per per_week hours_a hours_week",
        search="hours hour week fte"),
    "flexible": Topic(
        "flexible working hours",
        words="flexible flexibility",
        pairs="flexible_hours flexible_working",
        search="flexible flexibility"),
    "visa": Topic(
        "a visa or work permit",
        words="visa visas permit immigration sponsorship",
        pairs="work_permit residence_permit",
        search="visa permit immigration sponsor international"),
    "housing": Topic(
        "housing",
        words="housing accommodation accomodation apartment apartments dorm dormitory",
        pairs="place_to to_live",
        search="housing accommodation apartment room dorm expatdesk"),
    "vacation": Topic(
        "vacation days",
        words="vacation",
        pairs="vacation_days holiday_days leave_days days_off days_of",
        search="vacation holiday leave days hours"),
    "places": Topic(
        "how many places there are",
        pairs="""many_positions many_students many_places many_candidates many_people
            many_phds many_postdocs many_openings number_of""",
        search="positions position places students student candidates two three several number"),
    "family": Topic(
        "childcare and family support",
        words="childcare daycare kindergarten creche nursery toddler toddlers kids",
        pairs="child_care",
        search="childcare child care daycare kindergarten nursery family famili parental"),
    "relocation": Topic(
        "relocation support",
        words="relocation relocate moving",
        pairs="moving_costs",
        search="relocation relocate moving"),
    "teaching": Topic(
        "teaching duties",
        words="teaching",
        pairs="teaching_duties",
        search="teaching teach"),
    "funding": Topic(
        "funding",
        words="funded funding fellowship fellowships scholarship scholarships",
        pairs="fully_funded",
        search="funded funding fellowship scholarship grant"),
    "wet_lab": Topic(
        "wet-lab work",
        words="wet-lab",
        pairs="wet_lab lab_work",
        search="wet lab laboratory"),
    "partners": Topic(
        "partners or collaborations",
        # not "consortium": "the phd in the BigPicture consortium" names a vacancy
        words="""partner partners collaborator collaborators collaboration collaborations
            cooperation""",
        pairs="work_together working_together",
        search="""partner partners collaboration collaborate collaborating cooperation
            consortium jointly"""),
}
