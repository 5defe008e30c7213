"""Step 1 of the router: what a message asks, read once into plain data.

`read(text)` returns a `Message`: the intents asked (best first), whether it asks for a list
or whether something exists, the kinds of position asked for and ruled out, a status filter
("still open"), practical topics (home office, visa), what the user says about themselves
(a bachelor, a medical degree, "I speak no Dutch"), follow-up markers, and the text left for
naming a vacancy once all of that is taken out. Pure; no knowledge base needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot import policy
from bot.intents import IntentScores, classify, is_thanks, question_word_intents
from bot.model import Intent
from bot.topics import Asked, topics_in
from knowledge.keywords import is_term
from knowledge.positions import Mention, kind_of_word, mentions
from knowledge.textnorm import fold, language_of, tokens, words

CONTENT_INTENTS = (Intent.REQUIREMENTS, Intent.SALARY, Intent.CONTACT, Intent.APPLY,
                   Intent.OVERVIEW, Intent.DATES, Intent.DURATION, Intent.LOCATION,
                   Intent.STATUS)

# "is there a PhD on ...?", "do you have anything on ...?": a question whether a vacancy
# exists, told by the asking phrase followed (within a few words) by a vacancy noun.
_VACANCY_NOUN = (r"(phd|postdoc|position|vacanc|vacature|project|projekt|job|opening|thesis|"
                 r"theses|internship|stelle|plek|plaats|opdracht|arbeit|studentship|"
                 r"opportunit|something|anything|iets|etwas|master|msc|bachelor|hiwi|shk)")
# "what projects are there", "any projects on ...", "which PhD positions": a list
_PLURAL_ASK = re.compile(
    r"\b(what|which|any|list|show|welke|welche|alle|all)\b(\W+\w+){0,3}?\W+(projects|positions|"
    r"vacancies|jobs|openings|phds|postdocs|theses|internships|projecten|vacatures|plekken|"
    r"promotieplekken|stellen|projekte|themen|abschlussarbeiten|opportunities|topics|"
    r"onderwerpen|afstudeeropdrachten)\b")
# "Amsterdam, Leuven or Ghent", "engineers / developers": a list of alternatives
_ANY_OF = re.compile(r"\w+ (or|oder|of) \w+|\w+\s*/\s*\w+|\w+, \w+,? (and|und|en) \w+")
_EXISTS_OPENING = re.compile(r"\b((is|are) there|(do|does) (you|u|they) have|gibt es|habt ihr|"
                             r"is er|zijn er|hebben jullie|heeft u)\b")
_EXISTS = re.compile(
    r"\b((is|are) there|(do|does|did) (you|u|ya|they|the group|your group) (have|offer|got)|"
    r"have you got|gibt es|habt ihr|haben sie|is er|zijn er|hebben (jullie|julie)|"
    r"heeft (u|jullie)|hebt u|biedt (u|jullie)|any)\b(\W+\w+){0,3}?\W+" + _VACANCY_NOUN
    + r"|^\W*any(thing)?\b|\b(hiring|recruiting)\b")
_OPEN = re.compile(r"\b(still|currently|now|nog|noch|aktuell|momentan|gerade|presently)\b"
                   r".{0,20}\b(open|available|free|frei|offen|beschikbaar|active|actief)\b"
                   r"|\b(open|current|active|available) (ones?|positions?|vacanc\w*|projects?|"
                   r"phds?|jobs?|openings?)\b|\bwhich .{0,25}\b(is|are) (still )?open\b"
                   r"|\b(openstaande|offene|aktuelle|lopende)\b|\bstill (hiring|looking)\b")
_CLOSED = re.compile(r"\b(closed|old|past|previous|former|filled|expired|gesloten|"
                     r"geschlossen|vergangene|fruhere|oude)\b (ones?|positions?|vacanc\w*|"
                     r"projects?|stellen|vacatures|jobs?)|\b(are|is|zijn|sind|were) "
                     r"(already |now |al |schon |inmiddels )?(closed|filled|gesloten|geschlossen|"
                     r"vergeben|vervuld)")
_ACROSS = re.compile(r"\b(all|every|each|alle|allemaal|elke|jede[nrs]?|samtliche)\b")
_FOLLOW_UP = re.compile(r"^\W*(and|what about|how about|same for|and for|also for|en|"
                        r"en voor|hoe zit het met|wat dacht je van|und|und bei|und fur|"
                        r"wie ist es mit|was ist mit)\b")
_POINTER = re.compile(r"\b(the|that|this|die|diese|dat|deze|het|der|das) (one|ones|een|ene|"
                      r"eine|andere|other)\b|\b(the|die|de|der) (first|second|third|last|"
                      r"eerste|tweede|laatste|erste|zweite|letzte)\b")
# What a user says about their own degree: "with a master", "i only have a bachelor",
# "bachelor student", "met een master geneeskunde", "mit einem Bachelor".
_HOLDER = frozenset("""with have has had got hold holding own only just finished finishing
    completed completing im am doing met heb hebt heeft mit habe hab hat einem einen
    meinem mijn my""".split())
_DEGREE_AFTER = frozenset("""student students degree degrees diploma graduate abschluss diplom
    studium studie""".split())
_DEGREE_WORDS = frozenset("""bachelor bachelors master masters msc bsc phd doctorate""".split())
_YOU = frozenset("you u ya they jullie julie ihr sie".split())
_ENOUGH = frozenset("""enough sufficient ok okay fine accepted allowed genoeg voldoende
    ausreichend reicht genugt""".split())
# "a medical degree", "no degree", "5 yrs of django experience"
_OWN_DEGREE = re.compile(r"\b(?:no|a|an|my|have|with|hold)\s+(?:([a-z]+)\s+)?(degree|diploma|"
                         r"diplom|abschluss|opleiding)\b")
_OWN_EXPERIENCE = re.compile(r"\b\d+\+? ?(years?|yrs?|jahre?n?|jaar) (of )?(([a-z0-9+#.]+ ){0,4})"
                             r"(experience|erfahrung|ervaring)")
_I_AM = re.compile(r"\b(i'?m|i am|ik ben|ich bin)\s+(?:an?|een|ein|eine)?\s*(md|physician|doctor|"
                   r"medic|arts|arzt|arztin|nurse|physicist|biologist|engineer|chemist|"
                   r"psychologist|mathematician|statistician|economist)\b")
# Two or more capitalised words in a row, not opening the message: the name of something
_PROPER = re.compile(r"(?<=\w[ ,(/-])(?:[A-ZÄÖÜ][\w'&-]+\s+){1,5}[A-ZÄÖÜ][\w'&-]+")
_FIELD_STOP = frozenset("""student students degree degrees diploma graduate in and or but
    thesis project""".split())
_LANGUAGES = frozenset("""english dutch german french nederlands engels duits deutsch
    englisch niederlandisch duitse nederlandse""".split())


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    lang: str
    scores: IntentScores
    intents: tuple[Intent, ...]  # content intents asked, best first (LIST excluded)
    wants_list: bool  # a list of vacancies is asked for
    plural: bool  # ... in so many words ("which projects", "any PhD positions")
    any_of: bool  # "in Amsterdam, Leuven or Ghent": any of the things named
    exists: bool  # "is there ...?", "do you have anything on ...?"
    status_filter: str  # "open", "closed" or ""
    across: bool  # "all", "every": about every vacancy
    wanted: frozenset[str]  # kinds of position asked for
    excluded: frozenset[str]  # kinds ruled out ("not the postdoc")
    topics: tuple[Asked, ...]  # practical topics
    about_me: tuple[str, ...]  # what the user says of themselves: degree, field, language
    follow_up: bool  # "and ...", "what about ..."
    pointer: bool  # "the one ...", "that one", "the first"
    naming: str  # the text that may name a vacancy
    avoid: tuple[str, ...]  # words describing a vacancy NOT meant ("not the one with ...")
    describing: str  # the clauses that describe rather than ask ("the ultrasound one")
    clause_words: tuple[frozenset[str], ...]  # the words of each clause
    vacancy_noun: bool  # it speaks of a project, position, vacancy, thesis, job ...
    proper: frozenset[str]  # words of capitalised names ("Geo Expertise Center"): names
    question: str  # the clauses that ask something ("..., how much data is there?")
    vague: bool  # the intent rests on question words alone ("how much ... is there?")
    quantity_of: tuple[str, ...]  # what "how many" counts ("landmarks")
    social: str  # "thanks", "greeting", "help" or "" — only when nothing else is asked

    @property
    def top(self) -> Intent | None:
        return self.intents[0] if self.intents else None

    @property
    def asks_vacancy_question(self) -> bool:
        return bool(self.intents or self.wants_list or self.exists or self.topics)


def _degree_mentions(toks: list[str], found: list[Mention]) -> tuple[set[int], list[str]]:
    """Mentions of a degree the user holds (not a kind asked for), and the words they used."""
    own: set[int] = set()
    said: list[str] = []
    for n, m in enumerate(found):
        word = toks[m.start]
        if word not in _DEGREE_WORDS:
            continue
        before = set(toks[max(0, m.start - 3) : m.start])
        after = toks[m.end] if m.end < len(toks) else ""
        enough = set(toks[m.end : m.end + 2]) & _ENOUGH
        asking = set(toks[max(0, m.start - 4) : m.start]) & _YOU  # "do you have a phd on ..."
        if (before & _HOLDER and not asking) or after in _DEGREE_AFTER or enough:
            own.add(n)
            said.append(word)
            # the field right after ("a bachelor in physics", "master geneeskunde")
            rest = [w for w in toks[m.end : m.end + 3] if w not in _FIELD_STOP]
            if rest and rest[0].isalpha() and is_term(rest[0]):
                said.append(rest[0])
    return own, said


_QUESTION_WORDS = (r"(who|whom|what|whats|how|when|where|which|is|are|do|does|can|could|would|"
                   r"wie|wat|hoe|wanneer|waar|welke|wer|was|wann|wo|welche|kann|gibt|ist)")
# A question after a comma or "and" opens with a question word and then a verb or "much":
# ", how much data is there", "and where is it" — not a relative clause (", wo man ...").
_NEXT_CLAUSE = (r"(?=(?:" + _QUESTION_WORDS[1:-1] + r")\s+(?:is|are|was|were|do|does|did|can|"
                r"could|would|will|should|much|many|long|often|ist|sind|war|kann|muss|soll|wird|"
                r"viel|viele|lange|oft|zijn|kan|moet|zal|lang|veel|vaak|heb|hebben|i|ich|ik|you|"
                r"u|je|du)\b)")
_CLAUSE = re.compile(r"[.;!?]+\s*|\s+[-–—]+\s+|,\s*(?:(?:und|and|en)\s+)?" + _NEXT_CLAUSE
                     + r"|\s+(?:and|en|und|or|of|oder)\s+" + _NEXT_CLAUSE
                     + r"|\s+(?:and|en|und)\s+(?=(?:who|whom|what|how|when|which|wen|wer|wem|"
                       r"was|wann|wie|welche|welke|wat|hoe|wanneer)\b)")
_QUANTITY = re.compile(r"\bhow (much|many)\b|\bhoeveel\b|\bwie ?viele?\b")
_STARTS_ASKING = re.compile(r"^\W*" + _QUESTION_WORDS + r"\b")


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip() and len(c.strip()) > 2]


_QUESTION_OPENING = re.compile(
    r"^\W*(" + _QUESTION_WORDS[1:-1] + r"|am|was|were|will|should|may|must|did|has|have|"
    r"kan|kun|mag|moet|zijn|heeft|hebben|ben|wil|zal|darf|muss|soll|hat|haben|bin|sind|"
    r"any|anything|tell|list|show|give|explain|describe|erzahl|vertel|zeig)\b")


def _is_question(text: str, clause: str) -> bool:
    """Does this clause ask (a question mark after it, or a question's opening words), rather
    than state something ("i have a medical degree")?"""
    at = text.find(clause)
    after = text[at + len(clause): at + len(clause) + 3] if at >= 0 else ""
    return "?" in after or bool(_QUESTION_OPENING.match(clause))


def _asking(text: str) -> tuple[list[str], list[Intent]]:
    """The clauses that ask something, and what each asks (best first): a practical topic's
    intent when the clause names one ("wie viele Stunden pro Woche?"), else its own top
    intent when that rests on a specific cue or the clause opens with a question word."""
    asking: list[str] = []
    order: list[Intent] = []
    clauses = _clauses(text)
    questions = [c for c in clauses if _is_question(text, c)]
    for clause in questions or clauses:
        topics = topics_in(clause)
        if topics:
            asking.append(clause)
            order.append(topics[0].topic.intent)
            continue
        scores = classify(clause)
        ranked = [(i, s) for i, s in scores.ranked() if s >= policy.INTENT_MIN]
        if not ranked:
            if questions and _STARTS_ASKING.match(clause):  # "how many scans do they have?"
                asking.append(clause)
            continue
        top = ranked[0][0]
        opening = (tokens(clause) or [""])[0]
        # a question word counts where it opens the clause ("where is the internship"),
        # not inside it ("ein Projekt, wo man ...")
        if top.value in scores.specific or top in question_word_intents(opening):
            asking.append(clause)
            order.append(top)
    if not asking:  # only question words: "..., how much data is there?"
        asking = [c for c in clauses if _STARTS_ASKING.match(c)][-1:]
    return asking, order


# "not the one with the blood markers", "(not the age/sex prediction one)", "no MR",
# "niet die met ...", "nicht die mit ...": words that describe the vacancy NOT meant
_AVOID = re.compile(
    r"\b(?:not|niet|nicht|kein|keine|geen)\s+(?:(?:the|die|de|het|der|das|a|an|een|ein|eine)\s+)?"
    r"(?:(?:one|ones|een|ene|eine|project|projekt|position|stelle)\s+)?"
    r"(?:(?:with|about|on|for|in|met|over|mit|uber|zu|zum|zur)\s+)?((?:[\w'/+-]+\s*){1,6}?)"
    r"(?=\s*(?:one|ones|een|ene|eine|project|projekt)?\s*(?:[).,;!?]|$| but| maar| sondern))"
    r"|\bno\s+([\w'/+-]+(?:\s+[\w'/+-]+)?)\s*(?=[).;!?]|$)")


def _avoided(folded: str) -> tuple[str, ...]:
    """Folded words that describe a vacancy the user does not mean."""
    out: list[str] = []
    for m in _AVOID.finditer(folded):
        out += [w for w in words(m.group(1) or m.group(2), folded=True) if is_term(w)
                and kind_of_word(w) is None]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)  # pure: the same text, the same answer
def read(text: str) -> Message:
    folded = fold(text[: policy.MAX_INPUT])
    toks = tokens(folded, folded=True)
    asked = topics_in(folded)
    topic_words = {w for a in asked for w in a.words}
    # a practical topic's own words ("Stunden pro Woche") say what the topic asks, not more
    plain = " ".join(w for w in toks if w not in topic_words) if asked else text
    scores = classify(plain)
    asking, clause_intents = _asking(folded)
    question = " ".join(asking)
    found = mentions(folded, folded=True)
    own, about_me = _degree_mentions(toks, found)
    wanted = {m.kind for n, m in enumerate(found) if n not in own and not m.negated}
    excluded = {m.kind for n, m in enumerate(found) if n not in own and m.negated}
    for m in _I_AM.finditer(folded):  # "i'm an MD", "ik ben arts", "ich bin Ärztin"
        about_me.append(m.group(2))
    for m in _OWN_DEGREE.finditer(folded):  # "a medical degree", "an hbo degree", "no degree"
        field = m.group(1) or ""
        about_me.append(field if field and is_term(field) else "degree")
    skills: list[str] = []  # may also tell vacancies apart ("django" is the web app's)
    for m in _OWN_EXPERIENCE.finditer(folded):
        skills = [w for w in m.group(3).split() if is_term(w)]
        about_me += ["experience", *skills]
    for i, w in enumerate(toks):
        if w in _LANGUAGES and i > 0 and toks[i - 1] in ("speak", "spreek", "spreche", "know",
                                                         "need", "require", "learn"):
            about_me.append(w)
    avoid = _avoided(folded)
    # words that say who the user is, or what practical thing is asked, name no vacancy
    skip = topic_words | (set(about_me) - set(skills)) | set(avoid)
    naming = " ".join(w for w in toks if w not in skip)
    describing = [c for c in _clauses(folded) if c not in asking]

    ranked = [(i, s) for i, s in scores.ranked() if s >= policy.INTENT_MIN]
    if clause_intents and ranked and clause_intents[0] in dict(ranked):
        # the questions in the order asked: "who is the contact and when does it start?";
        # a statement's cue follows ("i have a medical degree, what would i get?")
        ranked.sort(key=lambda x: clause_intents.index(x[0]) if x[0] in clause_intents
                    else len(clause_intents))
    intents: list[Intent] = [i for i, s in ranked if i is not Intent.LIST
                             and (i is ranked[0][0] or s >= policy.SECOND_INTENT)]
    if asking:  # a question word outside the questions asks nothing:
        # "the project where AI finds ... - how many patients?" asks no place
        intents = [i for i in intents if i in clause_intents or scores.is_specific(i)]
    # "how long is it and where is the internship": every clause's question is answered
    # (one resting on a specific cue: "ein Projekt, wo man ..." asks no place)
    intents += [i for i in clause_intents if i not in intents and i is not Intent.LIST]
    plural = bool(_PLURAL_ASK.search(folded))
    # "is there a project on X?" asks whether one exists (answered about it when it is one);
    # "what projects are there?" asks for a list
    wants_list = plural or (bool(ranked) and ranked[0][0] is Intent.LIST
                            and not _EXISTS.search(folded))
    if wants_list:
        # "the salary for all open positions": what is asked about them wins over the list
        content: list[Intent] = [i for i, s in ranked if i is not Intent.LIST and s >= 0.8]
        if content:
            wants_list = False
            intents = content
    if asked:  # "hoeveel vakantie-uren krijg je?" asks about vacation, not pay
        money = any(classify(w).get(Intent.SALARY) >= 0.7 for w in toks if w not in topic_words)
        intents = [i for i in intents if i is not Intent.SALARY or money
                   or asked[0].topic.intent is Intent.SALARY]
        if not intents:
            intents.append(asked[0].topic.intent)
    if about_me and (not intents or intents[0] in (Intent.APPLY, Intent.STATUS,
                                                   Intent.OVERVIEW, Intent.REQUIREMENTS)):
        # "can I apply with a bachelor?", "can I still apply with no degree?": eligibility,
        # not how to apply nor whether it is open
        intents = [Intent.REQUIREMENTS, *(i for i in intents if i not in (
            Intent.REQUIREMENTS, Intent.APPLY, Intent.STATUS))]

    # "how much annotated data is there?": a quantity asked with question words alone may be
    # about anything the page says (the router answers it from the page's sentences)
    counted = _QUANTITY.search(question or folded)
    quantity_of: tuple[str, ...] = ()
    if counted:  # "how many landmarks", "hoeveel vakantie-uren": what is counted
        after = tokens((question or folded)[counted.end():], folded=True)[:4]
        quantity_of = tuple(w for w in after if is_term(w))[:2]
    vague = not about_me and not asked and (
        (bool(counted) and (not intents or (intents[0] is Intent.SALARY
                                            and not scores.is_specific(Intent.SALARY))))
        or (not intents and bool(asking) and not wants_list  # "do I get GPU access?"
            and not (_EXISTS.search(folded) or _EXISTS_OPENING.search(folded))))
    if vague and not intents:  # answered from the page's sentences, as an overview
        intents = [Intent.OVERVIEW]
    social = ""
    if not intents and not wants_list:
        if is_thanks(text):
            social = "thanks"
        elif scores.greeting >= policy.INTENT_MIN:
            social = "greeting"
        elif scores.help >= policy.INTENT_MIN:
            social = "help"
    status_filter = ("closed" if _CLOSED.search(folded)
                     else "open" if _OPEN.search(folded) else "")
    return Message(
        text=text, lang=language_of(text), scores=scores,
        intents=tuple(dict.fromkeys(intents))[: policy.MAX_INTENTS],
        wants_list=wants_list, plural=plural,
        any_of=bool(_ANY_OF.search(folded)),
        exists=bool(_EXISTS.search(folded)) or bool(
            _EXISTS_OPENING.search(folded) and (found or wants_list)),
        status_filter=status_filter, across=bool(_ACROSS.search(folded)),
        wanted=frozenset(wanted - excluded), excluded=frozenset(excluded),
        topics=asked, about_me=tuple(dict.fromkeys(about_me)),
        follow_up=bool(_FOLLOW_UP.search(folded)), pointer=bool(_POINTER.search(folded)),
        naming=naming, avoid=avoid,
        vacancy_noun=bool(re.search(r"\b" + _VACANCY_NOUN, folded)),
        proper=frozenset(fold(w) for m in _PROPER.finditer(text[: policy.MAX_INPUT])
                         for w in m.group(0).split()),
        clause_words=tuple(frozenset(words(c, folded=True)) for c in _clauses(folded)),
        describing=" ".join(w for w in tokens(" ".join(describing), folded=True)
                            if w not in skip),
        question=question or folded, social=social,
        vague=vague, quantity_of=quantity_of,
    )
