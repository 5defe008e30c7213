"""Every threshold the bot reads, resolves and decides by, in one tuning object.

`Tuning` is passed to the router, which hands it to the reader (`bot.understand.read`), the
resolver (`bot.resolve.Resolver`) and the rules (`bot.decide`); `DEFAULT` is what the bot
runs with. Each field says what it does.

Scores come from `bot.resolve`: a message term adds its rarity (idf, about 0.5 for a word
half the vacancies share up to ~5 for a word only one has, at 120 vacancies) times the weight
of the field it is found in (title 3, person 2.5, body 1). Coverage is the share of the
message's terms, by rarity, that a vacancy has.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tuning:
    # ---- understanding a message --------------------------------------------------------
    intent_min: float = 0.5  # an intent scored below this was not asked
    second_intent: float = 0.6  # a further intent this strong is answered in the same reply
    max_intents: int = 3  # intents answered in one reply, at most
    max_input: int = 2000  # characters of a message that are read

    # ---- resolving the vacancy ----------------------------------------------------------
    max_terms: int = 24  # naming terms read from one message
    max_matches: int = 50  # candidates kept, best first
    retrieve: int = 10  # candidates taken from each index before scoring
    rare_min_df: int = 50  # a stem in at most this many vacancies is always looked up ...
    rare_share: float = 0.05  # ... and so is one in at most this share of them; commoner
    #                           stems only re-score the candidates rarer ones found
    proper_share: float = 0.1  # a word a page capitalises counts as a name in at most this
    #                            share of the vacancies (at least one): "Yulia", not "Pathology"
    members_text_max: int = 200  # an alert word is looked for in page text up to this many
    members_min_tf: int = 3  # ... and a page whose body uses it this often is about it
    near_factor: float = 0.85  # a word read as another inflection of a known stem
    part_factor: float = 0.7  # a compound read by its known parts ("promotieplek")
    gloss_factor: float = 0.8  # a Dutch or German word read by its English equivalent
    typo_factor: float = 0.7  # a word read as a close spelling of a known stem
    typo_min_len: int = 6  # shorter stems are not corrected: "weath" is no typo of "wealth"
    cue_excludes: float = 0.55  # a word this strong a cue for an intent names no vacancy
    cue_factor: float = 0.5  # a weaker cue ("study", "dutch") may, but counts half
    unknown_weight: float = 0.5  # a word no vacancy has counts half its rarity against
    body_max: float = 1.5  # a word repeated in the body counts at most this much
    kind_other: float = 0.35  # a vacancy of another kind than asked scores this share
    kind_secondary: float = 0.75  # ... one that offers it beside its main kind, this share
    kind_excluded: float = 0.15  # a vacancy of a kind the user ruled out ("not the postdoc")
    pair_bonus: float = 0.5  # two message words side by side on the page add this share
    coverage_weight: float = 0.5  # a vacancy with a share c of the words scores (1 - w(1-c))
    both_bonus: float = 0.5  # a word in a vacancy's names that its body uses too adds this
    other_site_factor: float = 0.25  # a vacancy of another site than the message names
    avoid_factor: float = 0.3  # a vacancy with every word of "not the one with ..." scores this

    # ---- deciding -----------------------------------------------------------------------
    named_coverage: float = 0.5  # a vacancy is named when it has this share of the words ...
    named_min_score: float = 2.5  # ... and scores at least this (one rare body word is no name)
    name_over_kind_coverage: float = 0.75  # when the best match is too weak to be named, one
    name_over_kind_share: float = 0.4  # with this coverage and share of its score is meant
    clear_ratio: float = 1.2  # the best is meant when it scores this much more than the next
    close_ratio: float = 0.75  # candidates scoring at least this share of the best are close
    max_choices: int = 5  # choices offered by "which one?"
    twin_similarity: int = 90  # titles this similar (rapidfuzz ratio) are near-identical twins
    twin_close_ratio: float = 0.6  # a closed vacancy's open twin is meant at this share of it
    alike_similarity: int = 70  # titles sharing this much (token set ratio) are variants
    context_free_intent: float = 0.7  # with nothing named, no subject and no list, an intent
    #                                   cue weaker than this ("pytorch") asks nothing
    strict_name_share: float = 0.34  # ... and a vacancy's names must hold this share of them
    called_weight: float = 2.5  # a word this strong a name (a title, person, code, id; not a
    #                             place or heading) makes a question about its vacancy
    distinct_share: float = 0.5  # a word this rare (share of the rarest possible) names alone
    strong_share: float = 0.75  # ... and so do several whose rarity adds up to this share
    switch_name_weight: float = 2.0  # away from the vacancy talked about, a word names
    #                                   another only in a field this strong (title, code,
    #                                   person, group, place, heading; not a tag or summary)
    subject_slack: float = 0.1  # the vacancy talked about stays when it has the message's
    #                             words within this share of what another vacancy has
    outside_ratio: float = 1.5  # after a list, a vacancy outside it wins only when it scores
    #                             this much more than the best one in the list
    max_across: int = 8  # vacancies answered at once ("the salary for all PhDs")
    index_title_share: float = 0.1  # a page whose title words all appear on at least this
    #                                 share of the pages ("Jobs", "Open positions") lists
    #                                 others: a posting is meant before it
    closest: int = 3  # vacancies offered when nothing matches what the message names
    history: int = 6  # vacancies a conversation remembers for "back to the first one"
    replies_cached: int = 2048  # replies kept composed (same question, same page)

    # ---- lists --------------------------------------------------------------------------
    list_coverage: float = 0.5  # a vacancy is listed for a topic with this share of its words
    list_share: float = 0.4  # ... and at least this share of the best one's score
    pick_among: int = 10  # "the pathology one" is looked for among the first this many listed

    # ---- pages with several positions ---------------------------------------------------
    position_kind: float = 3.0  # the kind asked for counts this much for a position
    general_heading_words: int = 5  # a section no position claims speaks for all of them
    #                                 when its heading is this short and general
    position_margin: float = 1.5  # one position is meant when it scores this much above


DEFAULT = Tuning()
