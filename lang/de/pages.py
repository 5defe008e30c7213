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
    send=r"bewerb|schick|sende|richten|reichen",
    questions=r"\bfragen\b",
    contact=r"ansprech",
    procedure=r"bewerb",
    not_procedure=r"gleichstell|schwerbehindert|bevorzugt berücksichtigt",
    desirable=r"wünschenswert|von vorteil|bevorzugt|idealerweise",
)
