# ruff: noqa: E501
"""German words and phrases that say what an applicant asks (see `lang.base.Cues`)."""

from __future__ import annotations

from lang.base import Cues

CUES = Cues(
    words={
        "salary": {
            0.95: """gehalt gehalter gehalts vergutung verguetung entgelt entgeltgruppe
                bezahlung besoldung arbeitsbedingungen tvl tv-l tvod tv-od tv-l-e13 e13 e14 e12
                e15 bruttogehalt gehalt* vergut* verguet* entgelt* verdien* bezahl* besold*
                zahlt zahlen stundenlohn aufwandsentschadigung""",
            0.85: """euro brutto netto lohn verdienst jahresgehalt geld urlaubsgeld
                weihnachtsgeld monatlich""",
            0.7: """bonus rente urlaub urlaubstage teilzeit vollzeit wochenstunden arbeitszeit
                bedingungen stipendium""",
            0.55: "stunden tarif zuschlag budget",
        },
        "requirements": {
            0.95: """voraussetzungen voraussetzung anforderungen anforderung qualifikation
                qualifikationen voraussetz* anforder* qualifik* mitbringen""",
            0.75: """profil hintergrund diplom abschluss studium ausreichend kenntnisse
                fahigkeiten faehigkeiten erfahrung erfahrungen expertise kompetenzen geeignet
                erforderlich notwendig""",
            0.55: """wissen programmieren programmiersprache programmiersprachen
                programmierkenntnisse studiert noten verlangt vorausgesetzt""",
        },
        "contact": {
            0.95: """kontakt kontaktperson kontaktieren kontaktdaten ansprechpartner
                ansprechpartnerin ansprechperson email e-mail mail telefon telefonnummer
                kontakt* ansprechp* telefo*""",
            # "betreut" asks who only after "wer" (a phrase below): "betreut Herr X so
            # eine Arbeit?" asks whether, as "does X supervise ...?"
            0.8: "betreuer betreuerin betreuung auskunft auskunfte zustandig zustaendig",
            0.5: "adresse",
            0.55: "anrufen fragen nachfragen",
        },
        "apply": {
            0.95: "bewerben bewerbung bewerbungen bewerbe bewerb*",
            0.8: """unterlagen anschreiben lebenslauf motivationsschreiben zeugnisse einreichen
                hochladen portal""",
            0.6: "interview schicken senden zusenden",
            0.4: "verfahren",
        },
        "overview": {
            0.85: """beschreibung worum aufgaben partner zusammenarbeit kooperation firma
                unternehmen industrie""",
            0.6: "thema inhalt erklaeren ziel",
            0.45: "erklaren",
        },
        "dates": {
            0.95: """deadline bewerbungsfrist bewerbungsfristen bewerbungsschluss
                einsendeschluss frist fristen startdatum eintrittsdatum""",
            0.8: "veroffentlicht start beginnen beginnt anfangen starten startet",
            0.6: "datum beginn anfang eintritt ausgeschrieben",
        },
        "duration": {
            0.95: "dauer laufzeit vertragslaufzeit befristet unbefristet befristung",
            0.8: "permanent vertrag vertrage verlangerung",
            0.55: "jahre jahr monate monat",
        },
        "location": {
            0.95: "standort arbeitsort gelegen liegt befindet",
            0.8: "stadt ort hybrid homeoffice campus",
            0.6: "adresse",
            0.45: "land abteilung universitat",
        },
        "status": {
            0.95: "status besetzt vergeben",
            0.8: "geschlossen verfugbar",
            0.6: "offen",
        },
        "list": {
            0.85: "liste",
            0.55: "stellenangebote jobangebote jobs",
        },
        "greeting": {
            0.95: "hallo hey moin servus gruezi",
        },
        "help": {
            0.95: "hilfe helfen befehle menu",
        },
        "thanks": {
            0.95: "dank danke tschuss",
            0.6: "ok okay cool super prima top sorry",
        },
    },
    weak={
        "location": {0.55: "wo wohin"},
        "dates": {0.55: "wann"},
        "contact": {0.45: "wer wen wem"},
        "overview": {0.55: "details",
                     0.4: "projekt info information"},
        "list": {0.5: "stellen"},
        "requirements": {0.45: "brauche braucht englisch deutsch sprechen erwartet"},
    },
    suffixes={
        "requirements": {0.85: "voraussetzungen anforderungen kenntnisse abschluss erfahrung"},
        "contact": {0.85: "ansprechpartner"},
        "apply": {0.85: "unterlagen"},
        "dates": {0.85: "frist fristen datum"},
        "duration": {0.85: "laufzeit dauer"},
        "salary": {0.85: "gehalt vergutung lohn geld"},
    },
    classes={
        "nouns": """stellen stellenangebote jobangebote angebote positionen projekte
            doktorandenstellen promotionsstellen jobs""",
        "noun": "stelle job projekt",
        "applyw": "bewerben bewerbung",
        "closew": "schliesst endet",
        "openw": "offen verfugbar",
        "degree": "bachelor master",
        "doc": "anschreiben motivationsschreiben lebenslauf expose proposal text",
    },
    phrases={
        # salary / terms
        "wie viel|wieviel|wie viele": "?salary=.6",
        # requirements
        "wer kann|darf ~ bewerben": "requirements=.9 apply=-.6",
        "kann|darf ich mich ~ bewerben wenn|ohne|mit|als": "requirements=.85 apply=-.5",
        "bin ich ~ geeignet|qualifiziert": "requirements=.95",
        "mit|habe ~ @degree": "requirements=.85",
        "kann|darf|konnte ich ~ werden|sein|machen|mitmachen|arbeiten|kommen": "requirements=.8",
        "brauche|benotige ich": "?requirements=.65",
        "muss ich ~ sprechen|konnen|beherrschen|mitbringen": "?requirements=.65",
        "was brauche|muss ich": "requirements=.75",
        "welche ~ brauche|benotige|brauchen ich|man": "requirements=.85",
        "was wird ~ erwartet": "requirements=.85",
        "erwarten|erwartet ~ von bewerbern|bewerberinnen|kandidaten|mir|uns":
            "requirements=.9 apply=-.6",
        # contact
        "wer ist ~ betreuer|betreuerin|professor|leiter|leiterin|chef|verantwortlich": "contact=.95",
        "wer betreut|leitet": "contact=.9",
        "mehr informationen|infos|information": "?contact=.55 ?overview=.5",
        "an wen": "contact=.8",
        "wende ich mich": "contact=.95",
        "wen ... kontaktieren|fragen|frage|anschreiben|schreiben|anrufen|ansprechen": "contact=.95 apply=-.3",
        "an wen ~ schicke|schicken|sende|senden|richte|richten": "apply=.95 contact=-.5",
        # apply
        "wie ~ bewerbe|bewerben": "apply=.95",
        "wo ~ bewerben|bewerbung|einreichen|schicken": "apply=.95 location=-1",
        "als ~ bachelorarbeit|masterarbeit|bachelor|master|thesis|scriptie|afstudeerproject": "requirements=.8",
        "was ~ einreichen|schicken|senden|beilegen": "apply=.9 requirements=-.8",
        # overview
        "was mache|werde ich ~ machen|tun": "?overview=.85",
        "erzahl|erzahlen|erzaehl|erklar ~ uber|ueber|von": "?overview=.85",
        "mehr uber|ueber|zu": "?overview=.7",
        "wie viele|viel ~ @nouns": "overview=.9 list=-1 salary=-1 status=-.8",
        "worum geht": "overview=.95",
        "um was geht": "overview=.9",
        "was ist|macht ~ @noun": "?overview=.5",
        "liste|uberblick ~ @nouns": "list=.95 overview=-.8",
        # dates
        "wann ~ beginnt|beginnen|anfangen|starten|startet|los|beginn|start": "dates=.95",
        "bis wann": "dates=.95",
        "wie lange ~ bewerben|offen|bewerbung": "dates=.95 duration=-1 apply=-.5 status=-.5",
        "wielange ~ bewerben|offen|bewerbung": "dates=.95 duration=-1 apply=-.5 status=-.5",
        "wann ~ solliciteren|bewerben|bewerbung": "dates=.85 apply=-.5",
        "frist|bewerbungsfrist ... @applyw": "apply=-.5",
        "wann ~ @closew": "dates=.95 status=-.7",
        # duration
        "wie lange|lang": "duration=.9",
        "wielange": "duration=.9",
        "wie lange|lang ~ @doc": "apply=.9 duration=-1",  # a letter's length, not a contract's
        "wie viele jahre|monate": "duration=.95 salary=-1 overview=-1",
        # location
        "wo ~ arbeiten|sitzt|ist": "location=.7",
        "welche stadt|universitat|uni": "location=.9",
        # status
        "lauft ~ noch": "status=.9 apply=-.6",
        "noch offen|frei|verfugbar|moglich|aktuell": "status=.95 apply=-.6",
        "ist|sind ~ offen|besetzt|vergeben|geschlossen": "status=.9",
        "noch zu haben": "status=.95",
        "zu spat": "status=.95 apply=-.6",
        "kann ich ~ noch ... bewerben|melden": "status=.95 apply=-.6",  # the verb comes last
        "was ... rein|hinein|reinschreiben|enthalten": "apply=.9 contact=-.6",  # in die Mail
        # list
        "welche|alle|andere|offene|aktuelle|weitere|neue|freie ~ @nouns": "list=.9 status=-.7",
        "gibt es ~ @nouns|@noun": "list=.9 status=-.7",
        "haben sie|ihr ~ @nouns|@noun": "list=.9",
        "etwas in|for|on|related": "list=.7",
        # greeting, help, thanks
        "guten tag|morgen|abend": "greeting=.95",
        "gruss gott|dich": "greeting=.95",
        "was kannst|konnen du|sie": "help=.8",
        "wie funktioniert das|es": "help=.9",
        "was kann ich ~ fragen": "help=.9",
        "wie benutze|nutze|verwende ich dich|das|dies": "help=.9",
        "wie benutze|nutze|verwende ich den bot": "help=.9",
        "wer bist du": "help=.8",
        "vielen|herzlichen dank": "thanks=.95",
        "auf wiedersehen": "thanks=.9",
    },
)
