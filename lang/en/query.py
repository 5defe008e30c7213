"""English: the shape of a question (see `lang.query.QueryWords`)."""

from lang.query import QueryWords

WORDS = QueryWords(
    question_words=tuple("who whom whose what whats how when where which why".split()),
    question_verbs=tuple("""is are am was were will would should may must did do does can
        could has have any anything""".split()),
    request_verbs=tuple("tell list show give explain describe".split()),
    after_question_word=tuple("""is are was were do does did can could would will should
        much many long often i you""".split()),
    exists=("is there", "are there", "do you have", "does you have", "do u have",
            "do ya have", "do they have", "does the group have", "does your group have",
            "does the lab have", "do you offer", "does the group offer", "do they offer",
            "did you have", "have you got", "do you got", "any"),
    hiring=("hiring", "recruiting", "still looking"),
    vacancy_nouns=tuple("""phd postdoc position vacancy project job opening thesis
        internship studentship opportunity something anything master msc bachelor
        place role post""".split()),
    plural_nouns=tuple("""projects positions vacancies jobs openings phds postdocs theses
        internships opportunities topics places roles posts studentships""".split()),
    list_openers=tuple("what which any list show all".split()),
    still=tuple("still currently now presently".split()),
    open_words=tuple("open available free active".split()),
    open_adjectives=tuple("open current active available".split()),
    open_nouns=("opening", "openings", "vacancy", "vacancies"),
    closed_words=tuple("closed old past previous former filled expired".split()),
    closed_states=tuple("closed filled".split()),
    all_words=tuple("all every each".split()),
    quantity=("how much", "how many", "number of"),
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1},
    follow_up=("and", "what about", "how about", "same for", "and for", "also for"),
    other=("other", "another", "the rest"),
    back=("back to", "go back", "return to", "again"),
    older=("older", "earlier", "previous", "first posting", "old"),
    newer=("newer", "newest", "latest", "most recent", "recent", "new", "current"),
    pointer_nouns=tuple("""one ones posting postings ad ads advert announcement listing
        call position vacancy project job""".split()),
    articles=tuple("the that this a an".split()),
    demonstratives=("this", "that", "these", "those"),
    group_pronouns=("they", "them", "their", "it", "its"),
    negations=("not", "no", "nor", "without", "except"),
    but=("but",),
    with_words=("with", "about", "on", "for", "in"),
    or_words=("or",),
    and_words=("and",),
    holder=tuple("""with have has had got hold holding own only just finished finishing
        completed completing im am doing my""".split()),
    degree_after=tuple("student students degree degrees diploma graduate".split()),
    degrees=tuple("bachelor bachelors master masters msc bsc ba ma phd doctorate".split()),
    enough=tuple("enough sufficient ok okay fine accepted allowed".split()),
    you=tuple("you u ya they".split()),
    i_am=("i'm", "i am", "im"),
    i_say=("i have", "i've", "i am", "i'm", "im", "i live", "i work", "i was", "i only",
           "i don't", "i do not", "i can only", "i'll"),
    professions=tuple("""md physician doctor medic nurse physicist biologist engineer
        chemist psychologist mathematician statistician economist""".split()),
    own_degree=("degree", "diploma"),
    experience=("experience",),
    years=("years", "year", "yrs", "yr"),
    languages=tuple("english dutch german french".split()),
    speak=tuple("speak know need require learn".split()),
    origin=("i'm from", "i am from", "im from", "i come from", "coming from", "citizen",
            "passport", "nationality", "non-eu", "outside the eu", "outside europe",
            "international student", "foreigner", "visa"),
    funding=("own funding", "my own money", "self-funded", "self funded", "scholarship",
             "fellowship", "my own grant", "funding of my own", "funded by"),
    age=("years old", "yo", "my age", "too old", "age limit"),
    field_stop=tuple("student students degree degrees diploma graduate in and or but thesis "
                     "project".split()),
)
