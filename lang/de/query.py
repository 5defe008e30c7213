"""German: the shape of a question (see `lang.query.QueryWords`)."""

from lang.query import QueryWords

WORDS = QueryWords(
    question_words=tuple("""wer wen wem wessen was wann wo wie welche welcher welches
        welchen warum wieviel woher""".split()),
    question_verbs=tuple("""ist sind kann darf muss soll hat haben bin gibt werde wird
        brauche brauch""".split()),
    request_verbs=tuple("erzahl erzahle erklar zeig nenn gib".split()),
    after_question_word=tuple("""ist sind war kann muss soll wird viel viele lange oft ich
        du""".split()),
    exists=("gibt es", "habt ihr", "haben sie", "bietet ihr", "bieten sie"),
    hiring=("sucht ihr", "suchen sie", "stellt ihr ein"),
    vacancy_nouns=tuple("""stelle projekt arbeit promotion promotionsstelle thema job
        etwas hiwi shk masterarbeit bachelorarbeit""".split()),
    plural_nouns=tuple("""stellen projekte themen abschlussarbeiten stellenangebote jobs
        arbeiten""".split()),
    list_openers=tuple("welche alle".split()),
    still=("noch", "aktuell", "momentan", "gerade", "derzeit"),
    open_words=tuple("offen frei verfugbar".split()),
    open_adjectives=tuple("offene aktuelle freie".split()),
    closed_words=tuple("geschlossene vergangene fruhere alte besetzte abgelaufene".split()),
    closed_states=tuple("geschlossen besetzt vergeben".split()),
    all_words=tuple("alle jede jeder jeden jedes samtliche".split()),
    quantity=("wie viel", "wie viele", "wieviel", "wieviele", "anzahl"),
    ordinals={"erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3,
              "dritten": 3, "vierte": 4, "funfte": 5, "letzte": -1, "letzten": -1},
    follow_up=("und", "und bei", "und fur", "wie ist es mit", "was ist mit", "und was ist mit"),
    other=("andere", "anderen", "anderes"),
    back=("zuruck zu", "zuruck zur", "zuruck zum", "nochmal", "noch einmal"),
    older=("altere", "alteren", "fruhere", "fruheren", "vorherige", "alte"),
    newer=("neuere", "neueste", "neuesten", "aktuelle", "neue"),
    pointer_nouns=tuple("eine die stelle anzeige ausschreibung projekt".split()),
    articles=tuple("der die das den dem diese dieser".split()),
    negations=("nicht", "kein", "keine", "keinen"),
    but=("sondern", "aber"),
    with_words=("mit", "uber", "zu", "zum", "zur"),
    or_words=("oder",),
    and_words=("und",),
    holder=tuple("mit habe hab hat einem einen meinem nur".split()),
    degree_after=tuple("abschluss diplom studium studierende".split()),
    degrees=tuple("bachelor master msc bsc diplom promotion".split()),
    enough=tuple("ausreichend reicht genugt".split()),
    you=tuple("ihr sie".split()),
    i_am=("ich bin",),
    professions=tuple("arzt arztin physiker physikerin biologe biologin ingenieur".split()),
    own_degree=("abschluss", "diplom", "studium"),
    experience=("erfahrung", "berufserfahrung"),
    years=("jahre", "jahren", "jahr"),
    languages=tuple("deutsch englisch niederlandisch franzosisch".split()),
    speak=tuple("spreche sprechen kann beherrsche lerne".split()),
    origin=("ich komme aus", "komme aus", "aus dem ausland", "nicht-eu", "ausserhalb der eu",
            "staatsangehorigkeit", "nationalitat", "reisepass", "visum"),
    funding=("eigene finanzierung", "eigenes stipendium", "stipendium", "selbst finanziert",
             "eigenen mitteln"),
    age=("jahre alt", "alter", "zu alt", "altersgrenze"),
    field_stop=tuple("studium abschluss in und oder aber arbeit projekt".split()),
)
