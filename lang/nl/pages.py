"""How Dutch pages speak of what answers quote from them (see `lang.base.PageWords`)."""

from __future__ import annotations

from lang.base import PageWords

PAGES = PageWords(
    pay=r"\bschaal|\bloon\b|bruto|vergoeding|afhankelijk",
    numbers=r"een|twee|drie|vier|vijf|zes",
    units=r"jaar|jaren|maanden",
    duration=r"tijdelijk|verlenging",
    contract=r"aanstelling|dienstverband",
    dates=r"sluitingsdatum|uiterlijk",
    deadline=r"sluitingsdatum|uiterlijk|deadline|reageren kan tot",
    send=r"solliciteer|sollicitatie|stuur|richten",
    questions=r"\bvragen\b",
    procedure=r"solliciteer|sollicitatie",
    not_procedure=r"gelijke kansen|handicap",
    desirable=r"is a pre|pré|welkom|gewenst|strekt tot aanbeveling",
    requiring=(r"\b(je|jij|u)\s+(hebt|heeft|beschikt|bezit)\b(?! de (mogelijkheid|kans))|"
               r"\bafgeronde\b|\bkennis van\b|"
               r"\bervaring (met|in)\b|\bvereist|\bachtergrond in\b|\bbeheersing van\b|"
               r"\bwij vragen\b|\bwe vragen\b"),
    section_cues=(
        ("terms", r"salaris|bruto|per maand|schaal \d|\bcao\b|vakantiegeld|vakantietoeslag|"
                  r"eindejaarsuitkering|pensioen|arbeidsvoorwaarden|vergoeding"),
        ("contact", r"contact|meer informatie|vragen over"),
        ("application", r"solliciteer|sollicitatie|motivatiebrief"),
        ("requirements", r"\b(je|jij|u) (hebt|heeft|bent|beschikt)\b|opleiding|afgeronde|"
                         r"ervaring (met|in)|kennis van|vaardigheden|beheersing|vloeiend"),
        ("organisation", r"groep|afdeling|instituut|universiteit|onderzoekers|ziekenhuis"),
        ("job", r"\b(je|jij) (gaat|werkt|zal)\b|het project|dit project|ontwikkel|\bdoel|"
                r"taken|werkzaamheden"),
        ("background", r"patiënten|ziekte|klinisch|kanker|diagnos"),
    ),
)
