"""Practical topics in Dutch: what a reply says the page does (not) mention, the words and
two-word names that ask about it, the words to look for in a page (see `lang.base.Topic`)."""

from __future__ import annotations

from lang.base import Topic

TOPICS: dict[str, Topic] = {
    "remote": Topic(
        "op afstand werken",
        words="hybride",
        search="thuiswerken thuis"),
    "home_office": Topic(
        "thuiswerken",
        words="thuiswerken thuiswerk",
        pairs="thuis_werken",
        search="thuiswerken thuis flexibel"),
    "part_time": Topic(
        "deeltijd",
        words="parttime deeltijd fte",
        search="parttime deeltijd fte fulltime voltijd"),
    "hours": Topic(
        "de werkuren",
        words="werkuren",
        pairs="uur_per",
        search="uur uren week fte"),
    "flexible": Topic(
        "flexibele werktijden",
        words="flexibel flexibiliteit",
        search="flexibel flexibiliteit"),
    "visa": Topic(
        "een visum of werkvergunning",
        words="visum verblijfsvergunning immigratie",
        search="visum verblijfsvergunning"),
    "housing": Topic(
        "huisvesting",
        words="huisvesting woning kamer",
        search="huisvesting woning kamer sshn"),
    "vacation": Topic(
        "vakantiedagen",
        words="vakantiedagen verlofdagen vakantie-uren vakantieuren verlofuren",
        search="vakantiedagen verlof vakantie uur uren"),
    "places": Topic(
        "hoeveel plekken er zijn",
        pairs="hoeveel_plekken hoeveel_plaatsen hoeveel_posities hoeveel_studenten",
        search="twee drie"),
    "family": Topic(
        "kinderopvang en gezin",
        words="kinderopvang creche",
        search="kinderopvang familie gezin"),
    "relocation": Topic(
        "verhuisvergoeding",
        words="verhuiskosten",
        search="verhuiskosten"),
    "teaching": Topic(
        "onderwijstaken",
        words="onderwijs",
        search="onderwijs"),
    "funding": Topic(
        "financiering",
        words="beurs financiering",
        search="beurs financiering fwo"),
    "wet_lab": Topic(
        "natte-labwerk"),
    "partners": Topic(
        "samenwerkingspartners",
        words="samenwerking samenwerkingen samenwerkingspartner samenwerkingspartners",
        search="samenwerking samenwerken partner partners consortium"),
}
