# ruff: noqa: E501
"""The words and phrases applicants use, per intent, in English, Dutch and German.

All entries are in folded form (see `knowledge.textnorm.fold`: lower case, no accents, ß -> ss).
Weights are how sure a cue alone makes the intent (0..1). Cues marked weak are question
words and generic phrasing ("where", "when", "tell me about"): they count only when no other
intent has a specific cue, so "where can I apply" is about applying, "where is it" about the
location. Read by `bot.intents`, which compiles everything once at import.
"""

from __future__ import annotations

# ---- single words ---------------------------------------------------------------------
# intent -> weight -> words. "word*" matches any word starting with "word" (at least 4 letters).

WORDS: dict[str, dict[float, str]] = {
    "salary": {
        0.95: """salary salaries salaris salarissen salarisschaal salarisschalen gehalt gehalter
            gehalts vergutung verguetung entgelt entgeltgruppe remuneration stipend stipends
            wage wages loon lonen bezahlung besoldung arbeidsvoorwaarden arbeitsbedingungen
            cao tvl tv-l tvod tv-od tv-l-e13 e13 e14 e12 e15 brutoloon bruttogehalt
            salar* gehalt* vergut* verguet* entgelt* remunerat* arbeidsvoorwaard* verdien*
            bezahl* besold* compensat* zahlt zahlen stundenlohn reimburse reimbursed
            reimbursement reimbursements vergoeding vergoed aufwandsentschadigung""",
        0.85: """pay pays paid paying earn earns earning earnings income money euro euros eur
            gross bruto brutto netto monthly lohn verdienst maandloon maandsalaris jahresgehalt
            payment payed betaald betaalt betaling betalen geld urlaubsgeld weihnachtsgeld monatlich
            maandelijks""",
        0.7: """benefits benefit bonus allowance allowances pension pensioen rente vakantiegeld
            eindejaarsuitkering holiday holidays vacation urlaub urlaubstage vakantiedagen
            vakantie fte part-time parttime teilzeit vollzeit full-time fulltime deeltijd
            voltijd wochenstunden arbeitszeit werktijden werkuren perks scale schaal
            employment conditions voorwaarden bedingungen stipendium""",
        0.55: """hours uren stunden insurance childcare leave leaves relocation grade tariff
            tarif zuschlag secondary funding funded budget""",
        0.35: "terms cost costs",
    },
    "requirements": {
        0.95: """requirements requirement qualifications qualification
            eligible eligibility eisen vereisten vereiste voraussetzungen voraussetzung
            anforderungen anforderung qualifikation qualifikationen prerequisite prerequisites
            criteria toelatingseisen functie-eisen requir* qualif* eligib* prerequis*
            voraussetz* anforder* qualifik* vereist* mitbringen""",
        0.75: """profile profiel profil background backgrounds achtergrond hintergrund degree
            degrees diploma diplom abschluss studium enough sufficient genoeg voldoende
            ausreichend
            opleiding vooropleiding skills skill vaardigheden kenntnisse fahigkeiten
            faehigkeiten experience experienced ervaring erfahrung erfahrungen expertise
            competences competencies kompetenzen suitable suited geschikt geeignet ielts toefl
            gpa mandatory verplicht erforderlich necessary notwendig noodzakelijk""",
        0.55: """knowledge kennis wissen programming programmeren
            programmieren python pytorch coding programmiersprache programmiersprachen
            programmeertaal programmeertalen programmierkenntnisse
            fluent fluency gestudeerd studiert grades cijfers noten certificate verlangt
            proficiency vorausgesetzt""",
        0.5: """matlab java javascript julia django vuejs react sql linux docker tensorflow
            keras""",
    },
    "contact": {
        0.95: """contact contacts contacting contacten contactpersoon contactgegevens kontakt
            kontaktperson kontaktieren kontaktdaten ansprechpartner ansprechpartnerin
            ansprechperson email e-mail emails e-mails mail mailen mailadres emailadres
            e-mailadres phone telefoon telefon telephone telefonnummer telefoonnummer
            contact* kontakt* ansprechp* telefo*""",
        0.8: """supervisor supervisors begeleider begeleiders promotor copromotor co-promotor
            betreuer betreuerin betreuung inquiries enquiries inquiry enquiry inlichtingen
            auskunft auskunfte mailen zustandig zustaendig betreut""",
        0.5: "address adres adresse",
        0.55: """reach call bellen anrufen questions question vragen
            fragen linkedin informal nachfragen""",
    },
    "apply": {
        0.95: """apply applying applied application applications solliciteren sollicitatie
            solliciteer sollicitaties aanmelden aanmelding bewerben bewerbung bewerbungen
            bewerbe applies applicant applicants applic* sollicit* bewerb* aanmeld* aply""",
        0.8: """submit submission submitting documents unterlagen documenten cv resume
            motivatiebrief sollicitatiebrief anschreiben lebenslauf motivationsschreiben
            transcripts transcript zeugnisse einreichen indienen insturen upload uploaden
            hochladen portal""",
        0.6: """send sending document letter references referees recommendation pdf size
            procedure interview interviews selection schicken senden versturen opsturen
            sturen zusenden mb attachment attachments""",
        0.4: "form process include verfahren",
    },
    "overview": {
        0.85: """describe description summary summarize summarise overview omschrijving
            beschrijving beschreibung worum waarover duties tasks aufgaben werkzaamheden
            partners partner consortium involve involves entail entails inhoudt
            collaborate collaborates collaborating collaboration zusammenarbeit kooperation
            samenwerking samenwerken firma unternehmen company companies bedrijf bedrijven
            industry industrie""",
        0.6: """topic topics thema onderwerp inhoud inhalt erklaeren
            goal aim doel ziel focus collaboration responsibilities""",
        0.45: "uitleg erklaren",
    },
    "dates": {
        0.95: """deadline deadlines sluitingsdatum bewerbungsfrist bewerbungsfristen
            bewerbungsschluss einsendeschluss frist fristen startdatum startdate begindatum
            ingangsdatum aanvangsdatum eintrittsdatum""",
        0.8: """published posted gepubliceerd veroffentlicht start starts starting begin begins
            beginning beginnen begint beginnt anfangen starten startet timeline uiterlijk""",
        0.6: """date dates datum beginn anfang eintritt asap due ausgeschrieben
            schedule""",
    },
    "duration": {
        0.95: """duration dauer duur looptijd laufzeit contractduur vertragslaufzeit
            fixed-term befristet unbefristet befristung""",
        0.8: """temporary permanent tijdelijk contract contracts vertrag vertrage length
            extension verlenging verlangerung renewable""",
        0.55: "years year jaar jaren jahre jahr months month maanden maand monate monat",
    },
    "location": {
        0.95: """location locatie standort arbeitsort standplaats werklocatie locations
            located situated gelegen liegt befindet""",
        0.8: """city stad stadt ort remote remotely on-site onsite hybrid homeoffice
            thuiswerken campus werkplek relocate""",
        0.6: "address adres adresse",
        0.45: """place plaats office country land department afdeling abteilung institute
            university universiteit universitat""",
    },
    "status": {
        0.95: "status filled expired vervuld besetzt vergeben vacant",
        0.8: """closed gesloten geschlossen available availability beschikbaar verfugbar
            accepting outdated""",
        0.6: "open offen close closes expire taken active valid",
    },
    "list": {
        0.85: "list lijst liste",
        0.55: """vacancies vacatures openings opportunities stellenangebote jobangebote jobs
            banen""",
        0.45: "positions",
    },
    "greeting": {
        0.95: """hi hello hey hallo hoi moin servus goedemorgen goedemiddag goedenavond
            goedendag hiya heya howdy greetings gruezi salut bonjour morning""",
    },
    "help": {
        0.95: "help hulp hilfe helfen helpen commands command befehle menu instructions",
        0.6: "assist options usage",
    },
    "thanks": {
        0.95: """thanks thank thx ty cheers bedankt dank danke dankjewel dankuwel dankje merci
            bye goodbye tschuss doei ciao""",
        0.6: "great perfect ok okay cool nice super prima top sorry",
    },
}

# Question words and generic phrasing: counted only if no other intent has a specific cue.
WEAK: dict[str, dict[float, str]] = {
    "location": {0.55: "where waar wo wohin waarheen"},
    "dates": {0.55: "when wanneer wann until", 0.4: "closing"},
    "contact": {0.45: "who wer wen wem", 0.4: "responsible verantwoordelijk"},
    "overview": {0.55: "about details explain",
                 0.4: "project projekt info information informatie"},
    "list": {0.55: "hiring recruiting",
             0.5: "stellen plekken promotieplaatsen functies postdocs phds projects"},
    "status": {0.35: "still"},
    "requirements": {0.45: """fit fits fitting study studied studies field discipline
        need needed nodig brauche braucht english dutch german nederlands
        engels duits englisch deutsch speak spreken sprechen erwartet expected""",
                     0.3: "level"},
}

# Endings of compound words ("jaarsalaris", "Bewerbungsunterlagen"), words of 8+ letters.
SUFFIXES: dict[str, dict[float, str]] = {

    "requirements": {0.85: "voraussetzungen anforderungen kenntnisse abschluss erfahrung"},
    "contact": {0.85: "ansprechpartner contactpersoon"},
    "apply": {0.85: "unterlagen"},
    "dates": {0.85: "frist fristen termijn datum"},
    "duration": {0.85: "laufzeit looptijd dauer duur"},
    "salary": {0.85: "salaris gehalt vergutung loon lohn geld"},
}

# ---- phrases --------------------------------------------------------------------------
# pattern -> effects. Pattern: words in order; "a|b" alternatives; "w*" a prefix; "~" up to
# three other words; "..." any number of words; "@name" a word class below. The first
# element must be plain words. Effects: "intent=weight" adds evidence ("?intent" marks it
# weak); a negative weight w multiplies the intent's final score by (1 + w).

CLASSES: dict[str, str] = {
    "nouns": """vacancies vacancys vacatures vacaturen positions posts jobs openings
        opportunities phds postdocs stellen stellenangebote jobangebote angebote banen
        functies plekken plaatsen promotieplaatsen promotieplekken positionen projects
        projecten projekte places roles studentships doktorandenstellen promotionsstellen""",
    "noun": """vacancy vacature position post job opening opportunity phd postdoc stelle plek
        plaats promotieplaats functie baan role project projekt promotie studentship""",
    "applyw": """apply applying application applications solliciteren sollicitatie bewerben
        bewerbung aanmelden submit send""",
    "closew": "close closes closing closed end ends expire expires sluit schliesst endet",
    "openw": "open offen available beschikbaar verfugbar",
    "degree": """bachelor bachelors master masters msc bsc degree diploma background studied
        md hbo""",
}

PHRASES: dict[str, str] = {
    # salary / terms
    "how much": "?salary=.75",
    "how much ~ experience|knowledge|background|skills|programming": "requirements=.85 salary=-1",
    "how much ~ time|years|months": "duration=.8 salary=-1",
    "hoeveel": "?salary=.6",
    "hoeveel ~ verdien*|betaal*|krijg|salaris|geld": "salary=.9",
    "wie viel|wieviel|wie viele": "?salary=.6",
    "what ~ earn|pay|paid": "salary=.9",
    "what would|will|do|can|could i ~ get|receive|make": "salary=.85",
    "terms of employment": "salary=.95",
    "terms and conditions": "salary=.85",
    "employment|working|work conditions|terms": "salary=.9",
    "salary|pay scale|grade|range": "salary=.95",
    "per month|year|hour": "salary=.7",
    "how many hours": "salary=.9 overview=-1",
    "working|work hours|week": "salary=.8",
    "secondary|fringe benefits": "salary=.95",
    "13th|thirteenth month|salary": "salary=.9 duration=-1",
    "dertiende maand": "salary=.9 duration=-1",
    # requirements
    "what do i need": "requirements=.8",
    "what ~ need|needed|required ~ qualify|eligible|apply|for|to|have|be": "requirements=.7",
    "do i need": "?requirements=.65",
    "who can|may|should apply": "requirements=.95 apply=-.7 contact=-1",
    "wie kan|mag ~ solliciteren": "requirements=.9 apply=-.6",
    "wer kann|darf ~ bewerben": "requirements=.9 apply=-.6",
    "can|may i apply|solliciteren|bewerben with|without|if|as|after|before": "requirements=.85 apply=-.5",
    "kann|darf ich mich ~ bewerben wenn|ohne|mit|als": "requirements=.85 apply=-.5",
    "am|would|do|could i ~ suitable|eligible|qualified|qualify|fit": "requirements=.95",
    "am|would|could|is ~ good enough": "requirements=.8",
    "ben|kom ik ~ geschikt|aanmerking": "requirements=.95",
    "bin ich ~ geeignet|qualifiziert": "requirements=.95",
    "what|who ~ you|they|are ~ looking for": "requirements=.85 help=-1",
    "ideal|right|suitable candidate": "requirements=.9",
    "@degree ... can|may|could i apply|solliciteren|bewerben": "requirements=.9 apply=-.6",
    "with|have|has|only|just|met|mit|heb|habe ~ @degree": "requirements=.85",
    "@degree ~ enough|sufficient|ok|okay|fine|accepted|allowed|genoeg|voldoende|ausreichend|reicht|genugt": "requirements=.9",
    "accept|accepted|consider ~ international|foreign|non-eu|students|applicants|candidates": "requirements=.85",
    "international|foreign|non-eu students|applicants|candidates": "requirements=.8",
    "must have|know": "requirements=.7",
    "can|could|may i ~ be|become|join|come|visit": "requirements=.8",
    "can|could|may i ~ work|do|apply as|at|for|with|in": "requirements=.8",
    "can|could|may i ~ do|take|pick|choose the|this|that|a|an|it": "requirements=.75",
    "kann|darf|konnte ich ~ werden|sein|machen|mitmachen|arbeiten|kommen": "requirements=.8",
    "kan|mag ik ~ worden|zijn|doen|meedoen|werken|komen": "requirements=.8",
    "brauche|benotige ich": "?requirements=.65",
    "do|would i need": "?requirements=.6",
    "should|do|must|need|would i ~ know|learn|master|bring": "requirements=.8",
    "which|what ~ libraries|frameworks|tools|languages|software ~ know|use|need|learn": "requirements=.8",
    "is|are ~ required|needed|necessary|mandatory|must": "requirements=.75",
    "wat heb ik nodig": "requirements=.8",
    "was brauche|muss ich": "requirements=.75",
    "welche ~ brauche|benotige|brauchen ich|man": "requirements=.85",
    "was wird ~ erwartet": "requirements=.85",
    "wat wordt ~ verwacht": "requirements=.85",
    "what ~ expected|expect": "?requirements=.6",
    "speak|know dutch|german|english|nederlands|deutsch": "requirements=.75",
    # contact
    "who ~ contact|ask|email|mail|e-mail|talk|reach|write|call|speak|approach": "contact=.95",
    "who ~ tell me more": "contact=.95 overview=-1",
    "who is ~ supervisor|supervising|responsible|leading|pi|professor|prof|head|leader|boss": "contact=.95",
    "wer ist ~ betreuer|betreuerin|professor|leiter|leiterin|chef|verantwortlich": "contact=.95",
    "wie is ~ begeleider|promotor|professor|hoogleraar|leider|baas|verantwoordelijk": "contact=.95",
    "wer betreut|leitet": "contact=.9",
    "who ~ supervises|leads|runs|supervise|lead": "contact=.9",
    "contact person|details|info|information|address": "contact=.95",
    "email|e-mail|mail address|adres|adresse|adress": "contact=.95 location=-1",
    "emailadres|mailadres|e-mailadres": "contact=.95 location=-1",
    "in charge": "contact=.85",
    "get|be in touch": "contact=.95",
    "reach out": "contact=.9",
    "tell me more": "?overview=.6",
    "more information|info|details": "?contact=.55 ?overview=.5",
    "meer informatie|info": "?contact=.55 ?overview=.5",
    "mehr informationen|infos|information": "?contact=.55 ?overview=.5",
    "met|bij wie": "contact=.8",
    "an wen": "contact=.8",
    "wende ich mich": "contact=.95",
    "wen ... kontaktieren|fragen|frage|anschreiben|schreiben|anrufen|ansprechen": "contact=.95 apply=-.3",
    "an wen ~ schicke|schicken|sende|senden|richte|richten": "apply=.95 contact=-.5",
    "wie ~ contact|mailen|bellen|benaderen|vragen|aanspreken": "contact=.9",
    "questions about": "contact=.6",
    "talk|speak|chat to|with ~ someone|somebody|anyone|person|professor|supervisor": "contact=.9",
    "principal investigator": "contact=.9",
    # apply
    "how ~ apply|applying|application|solliciteren|bewerben": "apply=.95",
    "hoe ~ solliciteer|solliciteren|aanmelden|meld": "apply=.95",
    "wie ~ bewerbe|bewerben": "apply=.95",
    "where ~ apply|application|send|submit|upload|solliciteren|bewerben": "apply=.95 location=-1",
    "waar ~ solliciteren|sollicitatie|aanmelden|opsturen|insturen": "apply=.95 location=-1",
    "wo ~ bewerben|bewerbung|einreichen|schicken": "apply=.95 location=-1",
    "need ~ send|submit|include|upload|provide|attach": "apply=.9 requirements=-.8",
    "what|which ~ send|submit|include|upload|provide|attach": "apply=.85",
    "cover|motivation|application|recommendation|reference letter|letters": "apply=.95",
    "subject line": "apply=.95 contact=-.7",
    "email|e-mail|mail subject|betreff|onderwerp": "apply=.95 contact=-.7",
    "last|final day|date ~ apply|application|applications|submit": "dates=.95 apply=-.6",
    "when ... close|closes|closing|closed|end|ends|ended|expire|expires|expired": "dates=.95 status=-.7 duration=-.7",
    "as|als ~ bachelorarbeit|masterarbeit|bachelor|master|thesis|scriptie|afstudeerproject": "requirements=.8",
    "application|applications requirements|requirement|documents|materials": "apply=.95 requirements=-.5",
    "per|by|via mail|email|e-mail|post": "apply=.9 contact=-.5",
    "send|submit|apply ~ mail|email|e-mail|post": "apply=.9 contact=-.6",
    "my email|mail|e-mail|letter": "?apply=.5 contact=-.6",
    "file size|format|type": "apply=.95",
    "size limit": "apply=.9",
    "wat ~ opsturen|meesturen|insturen|indienen": "apply=.9 requirements=-.8",
    "was ~ einreichen|schicken|senden|beilegen": "apply=.9 requirements=-.8",
    # overview
    "what is|are|s ~ about": "?overview=.85",
    "what ~ about": "?overview=.7",
    "what|how about": "overview=-1",
    "tell me about": "?overview=.85",
    "tell me ~ about": "?overview=.7",
    "more about": "?overview=.7",
    "what will|would|do i ~ do|work|working|doing": "?overview=.85",
    "wat ga|zal|moet ik ~ doen": "?overview=.85",
    "was mache|werde ich ~ machen|tun": "?overview=.85",
    "vertel ~ over": "?overview=.85",
    "erzahl|erzahlen|erzaehl|erklar ~ uber|ueber|von": "?overview=.85",
    "meer over": "?overview=.7",
    "mehr uber|ueber|zu": "?overview=.7",
    "what is|s ~ the project|topic|research|phd|position|job": "?overview=.55",
    "what is it": "?overview=.55",
    "how many ~ @nouns|people|candidates|students|phds": "overview=.9 list=-1 status=-.8",
    "hoeveel ~ @nouns": "overview=.9 list=-1 status=-.8",
    "wie viele|viel ~ @nouns": "overview=.9 list=-1 salary=-1 status=-.8",
    "waar gaat ~ over": "overview=.9 location=-1",
    "worum geht": "overview=.95",
    "um was geht": "overview=.9",
    "was ist|macht ~ @noun": "?overview=.5",
    "wat is|houdt ~ @noun": "?overview=.5",
    "overview|list|summary|lijst|overzicht|liste|uberblick ~ @nouns": "list=.95 overview=-.8",
    # dates
    "when ~ start|starts|starting|begin|begins|commence": "dates=.95",
    "wann ~ beginnt|beginnen|anfangen|starten|startet|los|beginn|start": "dates=.95",
    "wanneer ~ begint|beginnen|starten|start|begin": "dates=.95",
    "start|starting|closing|application date": "dates=.95",
    "until when": "dates=.95",
    "tot wanneer": "dates=.95",
    "bis wann": "dates=.95",
    "how long ~ apply|application|applications|open|deadline|submit|send|solliciteren|bewerben": "dates=.95 duration=-1 apply=-.5 status=-.5",
    "hoe lang ~ solliciteren|open|reageren": "dates=.95 duration=-1 apply=-.5 status=-.5",
    "wie lange ~ bewerben|offen|bewerbung": "dates=.95 duration=-1 apply=-.5 status=-.5",
    "when ~ apply|application|applications|solliciteren": "dates=.85 apply=-.5",
    "wanneer|wann ~ solliciteren|bewerben|bewerbung": "dates=.85 apply=-.5",
    "deadline|deadlines|frist|sluitingsdatum|bewerbungsfrist ... @applyw": "apply=-.5",
    "@applyw ... deadline|deadlines|frist|sluitingsdatum": "apply=-.5",
    "when ~ @closew": "dates=.95 status=-.7",
    "wanneer|wann ~ @closew": "dates=.95 status=-.7",
    "when ~ published|posted|advertised|open|opened": "dates=.9 status=-.7",
    "hear back": "dates=.7",
    # duration
    "how long": "duration=.9",
    "hoe lang|lange": "duration=.9",
    "wie lange|lang": "duration=.9",
    "how many years|months": "duration=.95 overview=-1",
    "hoeveel jaar|jaren|maanden": "duration=.95 salary=-1 overview=-1",
    "wie viele jahre|monate": "duration=.95 salary=-1 overview=-1",
    "fixed term": "duration=.95",
    "vaste aanstelling|baan": "duration=.9",
    # location
    "where ~ based|located|work|working|live|situated|be": "location=.9",
    "based in|at|near|out|where": "location=.9",
    "is|are|it|be|job|position|phd|project|lab|group ~ based": "?location=.7",
    "based on": "location=-1",
    "learning|ai|model|deep|data|image|evidence|machine|knowledge|graph|rule|network based": "location=-1",
    "waar ~ werken|gevestigd|zit|zitten": "location=.9",
    "wo ~ arbeiten|sitzt|ist": "location=.7",
    "which city|country|university|institute|hospital|department": "location=.9",
    "welke stad|universiteit": "location=.9",
    "welche stadt|universitat|uni": "location=.9",
    "on site": "location=.9",
    "home office": "location=.9",
    "work from home": "location=.95",
    "move to": "location=.6",
    # status
    "open source|access|science|day|house|call": "status=-1",
    "still open|available|accepting|valid|active|possible|going|there|hiring|recruiting|looking": "status=.95 apply=-.6",
    "nog open|beschikbaar|mogelijk|geldig": "status=.95 apply=-.6",
    "loopt ~ nog": "status=.9 apply=-.6",
    "lauft ~ noch": "status=.9 apply=-.6",
    "noch offen|frei|verfugbar|moglich|aktuell": "status=.95 apply=-.6",
    "is|are ~ open|closed|available|filled|expired|taken": "status=.9",
    "is|zijn ~ gesloten|vervuld|beschikbaar": "status=.9",
    "ist|sind ~ offen|besetzt|vergeben|geschlossen": "status=.9",
    "too late": "status=.95 apply=-.6",
    "deadline ~ passed|over|gone|expired": "status=.95 dates=-.5",
    "noch zu haben": "status=.95",
    "te laat": "status=.95 apply=-.6",
    "zu spat": "status=.95 apply=-.6",
    "can|could i still ~ apply|send|submit|solliciteren|bewerben": "status=.95 apply=-.6 dates=-.5",
    "kan ik nog ~ solliciteren": "status=.95 apply=-.6",
    "kann ich mich noch ~ bewerben": "status=.95 apply=-.6",
    "still accepting|taking ~ applications": "status=.95 apply=-.7",
    # list
    "which|what|any|all|list|show|other|more|open|available|current|new|some|find|search|latest|recent ~ @nouns": "list=.9 status=-.7",
    "welke|alle|andere|openstaande|lopende|nieuwe|actuele|zoek ~ @nouns": "list=.9 status=-.7",
    "welche|alle|andere|offene|aktuelle|weitere|neue|freie ~ @nouns": "list=.9 status=-.7",
    "are|is there ~ @nouns|@noun|openings|anything|vacancy|position": "list=.9 status=-.7",
    "zijn|is er ~ @nouns|@noun|vacatures": "list=.9 status=-.7",
    "gibt es ~ @nouns|@noun": "list=.9 status=-.7",
    "do|does ~ have|offer ~ @nouns|openings": "list=.9",
    "do|does you|they|your|diag ~ have|offer ~ any|anything": "list=.9",
    "hebben|heb jullie|je|u ~ @nouns|@noun|vacatures": "list=.9",
    "haben sie|ihr ~ @nouns|@noun": "list=.9",
    "what|which ~ open|available": "list=.7 status=-.6",
    "what|which do you|they offer": "list=.85",
    "am|m|im looking|searching for": "list=.6 requirements=-1",
    "looking|searching for a|an ~ @noun": "list=.8 requirements=-1",
    "show me": "?list=.5",
    "anything|something|iets|etwas in|for|on|related": "list=.7",
    # greeting, help, thanks
    "good morning|afternoon|evening|day": "greeting=.95",
    "guten tag|morgen|abend": "greeting=.95",
    "gruss gott|dich": "greeting=.95",
    "goede morgen|middag|avond|dag": "greeting=.95",
    "how are you": "greeting=.8",
    "what can you do|tell|answer": "help=.95",
    "what do you do|know": "help=.8",
    "wat kun|kan je|jij|u": "help=.8",
    "was kannst|konnen du|sie": "help=.8",
    "how does this|it work|works": "help=.9",
    "how does the bot work|works": "help=.9",
    "hoe werkt dit|het": "help=.9",
    "wie funktioniert das|es": "help=.9",
    "who|what are you": "help=.8",
    "wie ben je|jij": "help=.8",
    "wer bist du": "help=.8",
    "thank you|u": "thanks=.95",
    "vielen|herzlichen dank": "thanks=.95",
    "dank je|u|jullie": "thanks=.95",
    "tot ziens": "thanks=.9",
    "auf wiedersehen": "thanks=.9",
}

# Common words one typo away from a cue; they are never "corrected" into the cue.
KNOWN: str = """
    netherlands germany holland deutschland nederland
    quantification quantify quantitative monkey bones
    first often teams team eigen stelle smart stars stark stare state apple amply poster
    poster biased bases baked token house yours tours tears yeast yearn mouth plane plate
    plates remove demote statue stats filed killed fille closer closet clothed waves wager
    pages agree pieces there where these those other about above after again along cancer
    grading grader graded basel based stage image images model models mode modes
    lung lungs heart brain breast tissue learning leaning meaning earning
    rapid reach teach beach peach coach leach ready really reality
    words world worlds works worked worker order orders older under enter inter
    later latest letter better bitter batter matter master faster
    paper papers payer player playing plays layer layers
    design desire designs resign retina retinal
    group groups grant grants great greater grade
    aimed named famed games gamer
    mails nails tails sails malls hails
    label labels level levels novel
    sandra sander salad salads salam
    start stark stack smart stats
    datasets dataset database
    """
