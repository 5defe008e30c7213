# ruff: noqa: E501
"""Dutch words and phrases that say what an applicant asks (see `lang.base.Cues`)."""

from __future__ import annotations

from lang.base import Cues

CUES = Cues(
    words={
        "salary": {
            0.95: """salaris salarissen salarisschaal salarisschalen loon lonen
                arbeidsvoorwaarden cao brutoloon salar* arbeidsvoorwaard* verdien* vergoeding
                vergoed""",
            0.85: """euro euros bruto netto maandloon maandsalaris betaald betaalt betaling
                betalen geld maandelijks""",
            0.7: """bonus pensioen vakantiegeld eindejaarsuitkering vakantiedagen vakantie fte
                parttime fulltime deeltijd voltijd werktijden werkuren schaal voorwaarden""",
            0.55: "uren budget",
        },
        "requirements": {
            0.95: "eisen vereisten vereiste criteria toelatingseisen functie-eisen vereist*",
            0.75: """profiel achtergrond diploma genoeg voldoende opleiding vooropleiding
                vaardigheden ervaring expertise geschikt verplicht noodzakelijk""",
            0.55: "kennis programmeren programmeertaal programmeertalen gestudeerd cijfers",
        },
        "contact": {
            0.95: """contact contacten contactpersoon contactgegevens email e-mail mail mailen
                mailadres emailadres e-mailadres telefoon telefoonnummer contact* telefo*""",
            0.8: "begeleider begeleiders promotor copromotor co-promotor inlichtingen mailen",
            0.5: "adres",
            0.55: "bellen vragen",
        },
        "apply": {
            0.95: """solliciteren sollicitatie solliciteer sollicitaties aanmelden aanmelding
                sollicit* aanmeld*""",
            0.8: """documenten motivatiebrief sollicitatiebrief indienen insturen uploaden
                portal""",
            0.6: "document procedure interview versturen opsturen sturen",
        },
        "overview": {
            0.85: """omschrijving beschrijving waarover werkzaamheden partners partner
                consortium inhoudt samenwerking samenwerken firma bedrijf bedrijven
                industrie""",
            0.6: "thema onderwerp inhoud doel focus",
            0.45: "uitleg",
        },
        "dates": {
            0.95: """deadline deadlines sluitingsdatum startdatum begindatum ingangsdatum
                aanvangsdatum""",
            0.8: "start beginnen begint starten uiterlijk",
            0.6: "datum gepubliceerd",
        },
        "duration": {
            0.95: "duur looptijd contractduur",
            0.8: "permanent tijdelijk contract verlenging",
            0.55: "jaar jaren maanden maand",
        },
        "location": {
            0.95: "locatie standplaats werklocatie gelegen",
            0.8: "stad thuiswerken campus werkplek",
            0.6: "adres",
            0.45: "plaats land afdeling universiteit",
        },
        "status": {
            0.95: "status vervuld vacant",
            0.8: "gesloten beschikbaar",
            0.6: "open",
        },
        "list": {
            0.85: "lijst",
            0.55: "vacatures jobs banen",
        },
        "greeting": {
            0.95: "hallo hoi hey goedemorgen goedemiddag goedenavond goedendag",
        },
        "help": {
            0.95: "hulp helpen menu",
        },
        "thanks": {
            0.95: "bedankt dank dankjewel dankuwel dankje doei",
            0.6: "super prima top sorry",
        },
    },
    weak={
        "location": {0.55: "waar waarheen"},
        "dates": {0.55: "wanneer"},
        "contact": {0.4: "verantwoordelijk"},
        "overview": {0.55: "details",
                     0.4: "project info informatie"},
        "list": {0.5: "plekken promotieplaatsen functies"},
        "requirements": {0.45: "nodig nederlands engels duits spreken"},
    },
    suffixes={
        "contact": {0.85: "contactpersoon"},
        "dates": {0.85: "termijn datum"},
        "duration": {0.85: "looptijd duur"},
        "salary": {0.85: "salaris loon geld"},
    },
    classes={
        "nouns": """vacatures vacaturen jobs banen functies plekken plaatsen promotieplaatsen
            promotieplekken projecten""",
        "noun": "vacature job plek plaats promotieplaats functie baan project promotie",
        "applyw": "solliciteren sollicitatie aanmelden",
        "closew": "sluit",
        "openw": "open beschikbaar",
        "degree": "bachelor master diploma hbo",
        "doc": "brief motivatiebrief sollicitatiebrief cv voorstel onderzoeksvoorstel tekst",
    },
    phrases={
        # salary / terms
        "hoeveel": "?salary=.6",
        "hoeveel ~ verdien*|betaal*|krijg|salaris|geld": "salary=.9",
        "dertiende maand": "salary=.9 duration=-1",
        # requirements
        "wie kan|mag ~ solliciteren": "requirements=.9 apply=-.6",
        "ben|kom ik ~ geschikt|aanmerking": "requirements=.95",
        "met|heb ~ @degree": "requirements=.85",
        "kan|mag ik ~ worden|zijn|doen|meedoen|werken|komen": "requirements=.8",
        "wat heb ik nodig": "requirements=.8",
        "heb ik ~ nodig": "?requirements=.65",  # as "do i need", "brauche ich"
        "moet ik ~ kunnen|spreken|beheersen": "?requirements=.65",
        "wat wordt ~ verwacht": "requirements=.85",
        "verwachten|verwacht ~ van sollicitanten|kandidaten|studenten|mij|ons":
            "requirements=.9 apply=-.6",
        # contact
        "wie is ~ begeleider|promotor|professor|hoogleraar|leider|baas|verantwoordelijk": "contact=.95",
        "emailadres|mailadres|e-mailadres": "contact=.95 location=-1",
        "meer informatie|info": "?contact=.55 ?overview=.5",
        "met|bij wie": "contact=.8",
        "wie ~ contact|mailen|bellen|benaderen|vragen|aanspreken": "contact=.9",
        "wie begeleidt|leidt": "contact=.9",  # as "who supervises", "wer betreut"
        # apply
        "hoe ~ solliciteer|solliciteren|aanmelden|meld": "apply=.95",
        "waar ~ solliciteren|sollicitatie|aanmelden|opsturen|insturen": "apply=.95 location=-1",
        "als ~ bachelorarbeit|masterarbeit|bachelor|master|thesis|scriptie|afstudeerproject": "requirements=.8",
        "wat ~ opsturen|meesturen|insturen|indienen": "apply=.9 requirements=-.8",
        # overview
        "wat ga|zal|moet ik ~ doen": "?overview=.85",
        "vertel ~ over": "?overview=.85",
        "meer over": "?overview=.7",
        "hoeveel ~ @nouns": "overview=.9 list=-1 status=-.8",
        "waar gaat ~ over": "overview=.9 location=-1",
        "wat is|houdt ~ @noun": "?overview=.5",
        "lijst|overzicht ~ @nouns": "list=.95 overview=-.8",
        # dates
        "wanneer ~ begint|beginnen|starten|start|begin": "dates=.95",
        "tot wanneer": "dates=.95",
        "hoe lang ~ solliciteren|open|reageren": "dates=.95 duration=-1 apply=-.5 status=-.5",
        "hoelang ~ solliciteren|open|reageren": "dates=.95 duration=-1 apply=-.5 status=-.5",
        "wanneer ~ solliciteren|bewerben|bewerbung": "dates=.85 apply=-.5",
        "sluitingsdatum ... @applyw": "apply=-.5",
        "wanneer ~ @closew": "dates=.95 status=-.7",
        # duration
        "hoe lang|lange": "duration=.9",
        "hoelang": "duration=.9",  # written as one word as often as two
        "hoe lang|lange ~ @doc": "apply=.9 duration=-1",  # a letter's length, not a contract's
        "hoelang ~ @doc": "apply=.9 duration=-1",
        "hoeveel jaar|jaren|maanden": "duration=.95 salary=-1 overview=-1",
        "vaste aanstelling|baan": "duration=.9",
        # location
        "waar ~ werken|gevestigd|zit|zitten": "location=.9",
        "welke stad|universiteit": "location=.9",
        # status
        "nog open|beschikbaar|mogelijk|geldig": "status=.95 apply=-.6",
        "loopt ~ nog": "status=.9 apply=-.6",
        "is|zijn ~ gesloten|vervuld|beschikbaar": "status=.9",
        "te laat": "status=.95 apply=-.6",
        "kan ik ~ nog ... solliciteren|reageren|aanmelden": "status=.95 apply=-.6",  # the verb
        # comes last: "kan ik daar nog op solliciteren?"
        "wat ... in ~ mail|e-mail|email|brief ~ staan|zetten|schrijven": "apply=.9 contact=-.6",
        # list
        "welke|alle|andere|openstaande|lopende|nieuwe|actuele|zoek ~ @nouns": "list=.9 status=-.7",
        "zijn|is er ~ @nouns|@noun|vacatures": "list=.9 status=-.7",
        "hebben|heb jullie|je|u ~ @nouns|@noun|vacatures": "list=.9",
        "iets in|for|on|related": "list=.7",
        # greeting, help, thanks
        "goede morgen|middag|avond|dag": "greeting=.95",
        "wat kun|kan je|jij|u": "help=.8",
        "hoe werkt dit|het": "help=.9",
        "wat kan ik ~ vragen": "help=.9",
        "hoe gebruik ik dit|deze|jou|je": "help=.9",
        "hoe gebruik ik de bot": "help=.9",
        "wie ben je|jij": "help=.8",
        "dank je|u|jullie": "thanks=.95",
        "tot ziens": "thanks=.9",
    },
)
