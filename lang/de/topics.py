"""Practical topics in German: what a reply says the page does (not) mention, the words and
two-word names that ask about it, the words to look for in a page (see `lang.base.Topic`)."""

from __future__ import annotations

from lang.base import Topic

TOPICS: dict[str, Topic] = {
    "remote": Topic(
        "Arbeit aus der Ferne",
        words="hybrid",
        search="homeoffice hause heimarbeit mobil hybrid"),
    "home_office": Topic(
        "Homeoffice oder mobiles Arbeiten",
        words="homeoffice home-office heimarbeit",
        pairs="zu_hause von_zuhause mobiles_arbeiten mobile_arbeit",
        search="homeoffice hause heimarbeit mobil flexibel"),
    "part_time": Topic(
        "Teilzeit",
        words="teilzeit",
        search="teilzeit vollzeit"),
    "hours": Topic(
        "die Arbeitszeit",
        words="wochenstunden",
        pairs="stunden_pro stunden_die",
        search="stunden stunde wochenstunden woche"),
    "flexible": Topic(
        "flexible Arbeitszeiten",
        words="flexibel flexibilitat gleitzeit",
        search="flexibel flexibilitat gleitzeit"),
    "visa": Topic(
        "ein Visum oder eine Arbeitserlaubnis",
        words="visum aufenthaltstitel aufenthaltserlaubnis",
        search="visum aufenthaltstitel"),
    "housing": Topic(
        "eine Unterkunft",
        words="wohnung wohnungen unterkunft wohnheim",
        search="wohnung unterkunft wohnheim"),
    "vacation": Topic(
        "Urlaubstage",
        words="urlaubstage",
        search="urlaub urlaubstage"),
    "places": Topic(
        "wie viele Stellen es gibt",
        pairs="viele_stellen viele_platze viele_studenten viele_positionen anzahl_der",
        search="zwei drei"),
    "family": Topic(
        "Kinderbetreuung und Familie",
        words="kita kindergarten kinder kinderbetreuung",
        search="kita kindergarten familie"),
    "relocation": Topic(
        "Umzugskosten",
        words="umzug umzugskosten",
        search="umzug"),
    "teaching": Topic(
        "Lehrverpflichtungen",
        words="lehre lehrverpflichtung lehrtatigkeit",
        search="lehre"),
    "funding": Topic(
        "die Finanzierung",
        words="stipendium finanzierung",
        search="stipendium finanzierung"),
    "wet_lab": Topic(
        "Laborarbeit",
        words="nattlabor"),
    "partners": Topic(
        "Kooperationspartner",
        words="""partner kooperation kooperationen kooperationspartner kollaboration
            zusammenarbeit zusammengearbeitet""",
        search="""partner kooperation kooperationspartner kollaboration zusammenarbeit
            gemeinsam"""),
}
