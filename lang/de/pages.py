"""How German pages speak of what answers quote from them (see `lang.base.PageWords`)."""

from __future__ import annotations

from lang.base import PageWords

PAGES = PageWords(
    pay=(r"gehalt|vergütung|verguetung|entgelt|brutto|stundenlohn|pro stunde|abhängig|"
         r"tv-?l|tvöd|tvod"),
    numbers=r"ein|zwei|drei|vier|fünf|sechs",
    range=r"bis",
    units=r"jahre?n?|monate?n?",
    duration=r"befristet|verlängerung",
    contract=r"vertrag|anstellung|befrist|stelle|promotion",
    dates=r"frist|bewerbungsschluss",
    deadline=r"frist\b|fristen\b|bewerbungsschluss|einsendeschluss|stichtag|deadline",
    send=r"bewerb|schick|sende|richten|reichen",
    questions=r"\bfragen\b",
    contact=r"ansprech",
    procedure=r"bewerb",
    not_procedure=r"gleichstell|schwerbehindert|bevorzugt berücksichtigt",
    desirable=r"wünschenswert|von vorteil|bevorzugt|idealerweise",
    requiring=(r"\b(sie|du)\s+(haben|hast|verfügen|verfügst|bringen|bringst|besitzen|besitzt)\b"
               r"(?! die (möglichkeit|gelegenheit|chance))|"
               r"\babgeschlossene[snm]?\b|\bhochschulabschluss|\bstudium (der|des|in|im)\b|"
               r"\b(gute|sehr gute|fundierte|solide|erste)\s+(\w+\s+)?kenntnisse|"
               r"\bkenntnisse (in|der|im)\b|"
               r"\berfahrung(en)? (in|mit|im)\b|\bvoraussetz|\bsetzen\b[^.]{0,60}"
               r"\bvoraus\b|\bwir erwarten\b|\bsollten\b[^.]{0,60}\bmitbringen\b"),
    section_cues=(
        ("terms", r"gehalt|vergütung|entgelt|tvöd|stundenlohn|urlaub|teilzeit|vollzeit|"
                  r"wochenstunden|stunden pro (woche|monat)|arbeitszeit|altersvorsorge"),
        ("contact", r"kontakt|ansprechpartner|ansprechperson|auskunft|auskünfte|"
                    r"weitere informationen"),
        ("application", r"bewerb|lebenslauf|anschreiben|motivationsschreiben"),
        ("requirements", r"\b(sie haben|du hast|sie bringen|du bringst|sie verfügen|"
                         r"du verfügst)\b|abgeschlossen|studium|kenntnisse|"
                         r"erfahrung(en)? (in|mit)|fähigkeit|fließend|vorausgesetzt|"
                         r"voraussetzung"),
        ("organisation", r"arbeitsgruppe|lehrstuhl|institut|universität|fakultät|forscher|"
                         r"klinik"),
        ("job", r"\b(sie werden|du wirst)\b|ihre aufgaben|deine aufgaben|das projekt|"
                r"dieses projekt|entwickl|\bziel|aufgaben|mitarbeit"),
        ("background", r"patienten|krankheit|klinisch|krebs|diagnos"),
    ),
)
