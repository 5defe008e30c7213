"""The bot's own words in Dutch: replies, what a page does not state, button labels.

Keys and {placeholders} are the same in every language (tests/test_lang.py).
"""

from __future__ import annotations

from lang.base import Replies

REPLIES = Replies(
    phrases={
        "closed": "Deze vacature is gesloten: er kan niet meer worden gesolliciteerd.",
        "closed_tag": "gesloten",
        "open": "Deze vacature is open.",
        "open_old": (
            "De pagina noemt geen sluitingsdatum en zegt niet dat de plek vervuld is, maar de "
            "vacature is van {date}, al meer dan een jaar oud: misschien is ze niet meer "
            "open."
        ),
        "open_until": "Deze vacature is open; de sluitingsdatum is {date}.",
        "not_stated": "De vacaturepagina geeft geen informatie over {what}.",
        "not_mentioned": "De vacaturepagina geeft geen informatie over {what}.",
        "ask_contact": "Vraag het aan {who}.",
        "ask_contact_none": (
            "De pagina noemt ook geen contactpersoon; neem contact op met de groep."
        ),
        "ask_group": "Neem contact op met de groep.",
        "which": "Welke vacature bedoel je?",
        "more_choices": "… en nog {n}: noem een woord uit de titel, of vraag om de lijst.",
        "fallback": (
            "Ik beantwoord alleen vragen over onze vacatures: eisen, salaris, contact, "
            "solliciteren, data, duur, locatie en status. Probeer “/vacancies”."
        ),
        "greeting": (
            "Hallo! Ik beantwoord vragen over onze onderzoeksvacatures — eisen, salaris, "
            "contactpersoon en hoe je solliciteert."
        ),
        "example": (
            "Kies er een met het nummer, of vraag bijv. “Wat verdien je bij de promotieplek?”"
        ),
        "help": (
            "Vraag het in je eigen woorden, in het Nederlands, Engels of Duits, bijvoorbeeld:\n"
            "“Wat zijn de eisen voor de promotieplek over pathologie?”\n"
            "“Wie is de contactpersoon?” — ik onthoud over welke vacature we het hebben.\n"
            "/vacancies — de open vacatures\n"
            "/vacancy <naam> — één vacature\n"
            "/requirements, /salary, /contact, /apply [naam] — direct ter zake\n"
            "/search <woorden> — zoek op onderwerp, persoon of plaats\n"
            "/subscribe <woorden> — bericht bij een nieuwe passende vacature"
        ),
        "thanks": "Graag gedaan! Vraag gerust meer over de vacatures.",
        "no_match": "Geen vacature past daarbij.",
        "none": "Geen vacature past bij {what}.",
        "none_open": "Geen open vacature past bij {what}.",
        "that": "dat",
        "exists_yes": "Ja — {n} passend:",
        "count": "{n} passend:",
        "exists_closed": "Alleen gesloten vacatures — {n} passend:",
        "yes_this": "Ja:",
        "only_closed_this": "Op dit moment geen open vacature — de passende is gesloten:",
        "other_kind_this": "Geen {kind} gevonden — het dichtstbij komt een {other}:",
        "showing": "{first}–{last} van {total}.",
        "gone": "Die vacature staat er niet meer.",
        "search_what": "Zeg waarop ik moet zoeken, bijv. /search pathologie",
        "unknown_command": "Het commando /{name} ken ik niet.",
        "twin": "Een andere vacature met dezelfde titel is {status}.",
        "also_closed": "Een vergelijkbare vacature is gesloten: {title}.",
        "source": "Bron",
        "section": "sectie",
        "page_link": "vacaturepagina",
        "required": "Vereist:",
        "desirable": "Pré:",
        "send_to": "Stuur je sollicitatie naar",
        "apply_via": "Solliciteer via",
        "documents": "Documenten",
        "subject_line": "Onderwerpregel",
        "reference": "Referentie",
        "size_limit": "Omvang of formaat",
        "deadline": "Sluitingsdatum",
        "start": "Start",
        "end": "Einde",
        "published": "Gepubliceerd",
        "duration": "Duur",
        "location": "Locatie",
        "institution": "Instelling",
        "positions": "Plekken",
        "supervisor": "Contact",
        "part_time": "deeltijd",
        "deadline_passed": "De sluitingsdatum ({date}) is verstreken.",
        "not_found": "Ik vond geen vacature over {words}.",
        "not_found_no": "Nee — ik vond geen vacature over {words}.",
        "closest": "Het dichtstbij:",
        "see_all": "Alle vacatures: /vacancies",
        "none_open_closed": "Op dit moment geen open {what}; gesloten ({n}):",
        "or": "of",
        "review": "Beoordeling vanaf",
        "interview": "Gesprekken",
    },
    what={
        "salary": "het salaris",
        "requirements": "specifieke eisen",
        "contact": "een contactpersoon",
        "apply": "de sollicitatieprocedure",
        "deadline": "een sluitingsdatum",
        "start": "de startdatum",
        "duration": "de duur van het contract",
        "location": "de werkplek",
    },
    labels={
        "requirements": "Eisen",
        "salary": "Salaris",
        "contact": "Contact",
        "apply": "Solliciteren",
        "page": "Pagina",
        "more": "Meer",
        "subscribe": "Laat het me weten",
    },
)
