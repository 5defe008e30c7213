"""Every threshold the router decides by, in one place, each with what it means.

Scores come from `bot.resolve`: a message term adds its rarity (idf, about 0.5 for a word
half the vacancies share up to ~5 for a word only one has, at 120 vacancies) times the weight
of the field it is found in (title 3, person 2.5, body 1). Coverage is the share of the
message's terms, by rarity, that a vacancy has.
"""

from __future__ import annotations

# ---- understanding a message ------------------------------------------------------------
INTENT_MIN = 0.5  # an intent scored below this was not asked
SECOND_INTENT = 0.6  # a further intent this strong is answered in the same reply
MAX_INTENTS = 3  # intents answered in one reply, at most
MAX_INPUT = 2000  # characters of a message that are read

# ---- resolving the vacancy --------------------------------------------------------------
MAX_TERMS = 24  # naming terms read from one message
MAX_MATCHES = 50  # candidates kept, best first
RETRIEVE = 15  # candidates taken from each index before scoring
RARE_MIN_DF = 50  # a stem in at most this many vacancies is always looked up ...
PROPER_SHARE = 0.1  # a word a page capitalises counts as a name in at most this share of
#                    the vacancies (at least one): "Yulia" does, "Pathology" does not
RARE_SHARE = 0.05  # ... and so is one in at most this share of them; commoner stems only
#                    re-score the candidates rarer ones found
MEMBERS_TEXT_MAX = 200  # an alert word is looked for in page text up to this many hits ...
MEMBERS_MIN_TF = 3  # ... and a page whose body uses it this often is about it
NEAR_FACTOR = 0.85  # a word read as another inflection of a known stem
PART_FACTOR = 0.7  # a compound read by its known parts ("promotieplek")
GLOSS_FACTOR = 0.8  # a Dutch or German word read by its English equivalent
TYPO_FACTOR = 0.7  # a word read as a close spelling of a known stem
TYPO_MIN_LEN = 6  # shorter stems are not corrected: "weath" is no typo of "wealth"
CUE_EXCLUDES = 0.55  # a word this strong a cue for an intent ("salary") names no vacancy
CUE_FACTOR = 0.5  # a weaker cue ("study", "dutch") may, but counts half
UNKNOWN_WEIGHT = 0.5  # a word no vacancy has counts half its rarity against coverage
BODY_MAX = 1.5  # a word repeated in the body counts at most this much
KIND_OTHER = 0.35  # a vacancy of another kind than asked scores this share
KIND_SECONDARY = 0.75  # ... one that offers it beside its main kind, this share
PAIR_BONUS = 0.5  # two message words side by side on the page add this share of their rarity
COVERAGE_WEIGHT = 0.5  # a vacancy with a share c of the message's words scores (1 - w(1 - c))
BOTH_BONUS = 0.5  # a word in a vacancy's names that its body uses too adds this much more
AVOID_FACTOR = 0.3  # a vacancy with every word of "not the one with ..." scores this share
KIND_EXCLUDED = 0.15  # a vacancy of a kind the user ruled out ("not the postdoc")

NAMED_COVERAGE = 0.5  # a vacancy counts as named when it has at least this share of the
#                       message's terms ...
NAMED_MIN_SCORE = 2.5  # ... and scores at least this (one rare body word is not a name)
NAME_OVER_KIND_COVERAGE = 0.75  # when the best match is too weak to be named, one with this
NAME_OVER_KIND_SHARE = 0.4  # share of the words and this share of its score is the one meant
CLEAR_RATIO = 1.2  # the best is the one meant when it scores this much more than the next
CLOSE_RATIO = 0.75  # candidates scoring at least this share of the best are "close"
MAX_CHOICES = 5  # choices offered by "which one?"
TWIN_SIMILARITY = 90  # titles this similar (rapidfuzz ratio) are near-identical twins
TWIN_CLOSE_RATIO = 0.6  # a closed vacancy's open twin is meant when it scores this share of it
ALIKE_SIMILARITY = 70  # titles sharing this much (token set ratio) are variants of a vacancy

POSITION_KIND = 3.0  # on a page with several positions, the kind asked for counts this much
GENERAL_HEADING_WORDS = 5  # a section no position claims speaks for all of them when its
#                            heading is this short and general ("How to apply")
POSITION_MARGIN = 1.5  # ... and one position is meant when it scores this much above the rest

# ---- out of scope -----------------------------------------------------------------------
CONTEXT_FREE_INTENT = 0.7  # with no vacancy named, no subject and no list, an intent cue
#                            weaker than this ("pytorch") does not make a vacancy question
STRICT_NAME_SHARE = 0.34  # ... and its title or other names must hold this share of them
SCOPE_COVERAGE = 0.5  # with no intent, a message whose best match has less than this
#                       share of its words is not about the vacancies

# ---- lists ------------------------------------------------------------------------------
LIST_COVERAGE = 0.5  # a vacancy is listed for a topic when it has this share of its words
PAGE_SIZE = 5  # vacancies per list message
PICK_AMONG = 10  # "the pathology one" is looked for among the first this many listed
LIST_SHARE = 0.4  # ... and scores at least this share of the best one
DISTINCT_SHARE = 0.5  # a word this rare (share of the rarest possible) names a vacancy alone
STRONG_SHARE = 0.75  # ... and so do several whose rarity adds up to this share of it
SUBJECT_SLACK = 0.1  # the vacancy talked about stays when it has the message's words within
#                      this share of what another vacancy has
OUTSIDE_RATIO = 1.5  # after a list, a vacancy outside it wins only when it scores this much
#                      more than the best one in the list
MAX_ACROSS = 8  # vacancies answered at once ("the salary for all PhDs")

# ---- answers ----------------------------------------------------------------------------
REPLY_TARGET = 700  # characters a typical reply stays under
REPLY_MAX = 1500  # characters no reply exceeds; the rest is behind "More" or the page link
MORE_MAX = 3500  # characters of the longer version behind "More"
MORE_MIN = 150  # "More" is offered when the longer version says at least this much more
QUOTE_MAX = 300  # characters of one quoted sentence; a longer one is cut at a word ...
QUOTE_MORE_MAX = 1000  # ... and shown up to this long behind "More"
MAX_ITEMS = 5  # bullets of one kind in a reply
FOCUS_MIN = 0.5  # a sentence answers a practical question when it has this share of its words
