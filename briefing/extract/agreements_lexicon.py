"""Word lists and patterns of the agreement extractor, loaded once at import.

The lists live in ``briefing/data/agreements_*.txt``, the regular expressions in ``agreements_patterns.txt``; the
closed word classes shared with other stages (determiners, pronouns, conjunctions, auxiliaries, prepositions) come from
:mod:`briefing.lexicon`.
"""
from __future__ import annotations

import re

from .. import lexicon

_TRIGGERS = lexicon.rows("agreements_triggers.txt", sep="\t")
#: Agreement nouns (lower case, singular and plural) -> family.
TRIGGER_FAMILY: dict[str, str] = {noun: family for family, noun, *_flags in _TRIGGERS}
_TRIGGER_FLAGS = {noun: frozenset(flags.split()) for _family, noun, *given in _TRIGGERS for flags in given}
#: Status cue phrases (lower case) -> status.
STATUS_CUES: dict[str, str] = {phrase: status for status, phrase in lexicon.pairs("agreements_status_cues.txt")}
#: Last words of the names of leagues, competitions and events ("league", "cup", "grand prix").
EVENT_HEADS: frozenset[str] = lexicon.phrases("agreements_event_heads.txt")
#: Capitalised words that are not a name on their own.
NOT_NAMES: frozenset[str] = lexicon.phrases("agreements_not_names.txt")
#: Families whose sides act together: "A and B signed an agreement" is one agreement.
JOINT_FAMILIES = frozenset({"agreement", "settlement", "negotiation"})
#: Generic nouns that may stand for an agreement of any family ("the deal", "the proposal").
GENERIC_NOUNS = frozenset(noun for noun, flags in _TRIGGER_FLAGS.items() if "generic" in flags)
#: Nouns that only refer back to an agreement named before; they never start one.
ANAPHOR_ONLY = frozenset(noun for noun, flags in _TRIGGER_FLAGS.items() if "refers-back" in flags)
#: Status of a bare agreement noun with no cue, by family.
DEFAULT_STATUS = dict(lexicon.pairs("agreements_default_status.txt"))

DEFINITE = lexicon.marked("determiners.txt", "definite")
POSSESSIVE_PRONOUNS = lexicon.PARTY_POSSESSIVES
PERSON_PRONOUNS = lexicon.marked("pronouns.txt", "person")
PREPOSITIONS = lexicon.PREPOSITIONS
#: Prepositions by what they do: 'name' ("Treaty on ..."), 'complement', 'infinitive', 'locative', 'governed',
#: 'topic' (of talks), 'fronting' (a phrase before the main clause).
PREPOSITIONS_FOR: dict[str, frozenset[str]] = {
    role: frozenset(words.split()) for role, words in lexicon.rows("agreements_preposition_roles.txt")}
AUXILIARIES = lexicon.marked("auxiliaries.txt") - lexicon.marked("auxiliaries.txt", "fused")
CONJUNCTIONS = lexicon.marked("conjunctions.txt")
MODALS = lexicon.marked("auxiliaries.txt", "tentative")
NEGATIONS = lexicon.marked("auxiliaries.txt", "negation") | lexicon.marked("determiners.txt", "negative")
#: Participles that may describe an agreement noun ("the proposed merger", "confirmed orders").
PREMODIFIER_PARTICIPLES = lexicon.words("agreements_premodifier_participles.txt")
#: Nouns after which "in" names the company bought ("a stake in X").
HOLDING_NOUNS = lexicon.words("agreements_holding_nouns.txt")
#: Words that make the object of "buy"/"sell" a company or a stake, not merchandise in general.
COMPANY_OBJECT_NOUNS = lexicon.words("agreements_company_object_nouns.txt")
#: Number words: a word among them makes a noun phrase an amount ('two deals', 'dozens of firms'), not a name.
NUMBER_WORDS = lexicon.CARDINALS - {"zero"} | lexicon.marked("amount_words.txt", "round") | lexicon.marked(
    "amount_words.txt", "scale")
#: Nouns for states or members taken together ("the G9 nations", "twelve states").
STATE_NOUNS = lexicon.words("agreements_state_nouns.txt")
#: Words before a noun that make it a verb: "to deal with", "will bid".
VERB_MARKERS = lexicon.marked("auxiliaries.txt", "modal") | lexicon.marked("prepositions.txt", "infinitive")
PASSIVE_AUXILIARIES = lexicon.marked("auxiliaries.txt", "passive")

#: Verbs whose subject is a side of the agreement they govern ("A and B signed an agreement").
GOVERNING_VERBS = lexicon.verb_forms("agreements_governing_verbs.txt", unambiguous=True) | lexicon.marked(
    "auxiliaries.txt", "be", "finite")
NAMING_VERBS = lexicon.verb_forms("agreements_naming_verbs.txt")
#: "X said that ..." and the like: the words after "that" are a clause of their own. A verb that can
#: govern an agreement ("concluded", "announced") is read as governing it.
REPORTING_VERBS = (lexicon.REPORTING_FINITE | lexicon.BELIEF_VERBS) - GOVERNING_VERBS
#: The forms that say someone spoke ('said', 'says'; no noun-like 'states', no governing 'announced').
SPEECH_VERBS = lexicon.REPORTING_TENSED - GOVERNING_VERBS


def _transaction_verb(lemma: str, noun: str, family: str, past: str = "") -> tuple[frozenset[str], str, str]:
    base = lemma.split()[0]
    pasts = set(past.split()) - {"-"} if past else {lexicon.regular_past(base)}
    return frozenset({base, lexicon.third_person(base), lexicon.gerund(base)} | pasts), noun, family


#: Verbs that make an agreement by themselves: lemma -> (forms, noun for the kind, family).
TRANSACTION_VERBS: dict[str, tuple[frozenset[str], str, str]] = {
    row[0]: _transaction_verb(*row) for row in lexicon.rows("agreements_transaction_verbs.txt")}
#: The transaction verbs each form can belong to, in the order of TRANSACTION_VERBS.
TRANSACTION_LEMMAS = {form: [lemma for lemma, (forms, _noun, _family) in TRANSACTION_VERBS.items() if form in forms]
                      for forms, _noun, _family in TRANSACTION_VERBS.values() for form in forms}
#: Particles some transaction verbs need ("take over", "bail out").
VERB_PARTICLES = {lemma: lemma.split()[1] for lemma in TRANSACTION_VERBS if " " in lemma}
#: Nouns that make an agreement word before them a mere modifier ("purchase protection").
COMPOUND_HEADS = lexicon.words("agreements_compound_heads.txt")
#: Cues that tell the status of the agreement they follow without an auxiliary ("the deal collapsed").
INTRANSITIVE_CUES = lexicon.phrases("agreements_intransitive_cues.txt")
#: What "settle" must settle to be an agreement.
SETTLED_THINGS = lexicon.words("agreements_settled_things.txt")
#: Verbs after "agreed to" that make no agreement ("agreed to reopen talks").
AGREED_TO_NOTHING = lexicon.words("agreements_agreed_to_nothing.txt")
#: Words before an agreement noun that point to another agreement than the one named before ('previous').
OTHER_ONE = lexicon.words("agreements_other_one.txt")
#: Words that make 'a ... deal' another deal than the one of the same parties named before ('wider').
FURTHER_ONE = lexicon.words("agreements_further_one.txt")
#: Adjectives that open the kind of an agreement without telling what it is ('a new trade deal' is a 'trade deal').
EMPTY_ADJECTIVES = lexicon.words("agreements_empty_adjectives.txt")
#: Verbs of a one-sided promise ('pledged an aid package'): no agreement.
PLEDGE_VERBS = lexicon.verb_forms("agreements_pledge_verbs.txt")
#: Words of continuance that make a purchase in the present an arrangement in force ('still buys').
HABITUAL_WORDS = lexicon.words("agreements_habitual_words.txt")
#: Words that name a news outlet ('daily', 'agency').
OUTLET_WORDS = lexicon.words("quotes_outlet_words.txt")
#: Head nouns that make a capitalised name an agreement's ('Northern Trade Accord', 'Treaty on Open Fisheries').
AGREEMENT_NAME_HEADS = lexicon.nouns("agreements_name_heads.txt")
#: One word naming a kind of group ('Ministry', 'Shareholders', 'Herald'): no side on its own.
GENERIC_SIDES = lexicon.ORG_NOUNS | lexicon.words("agreements_generic_sides.txt") \
    | {w.lower() for w in lexicon.words("org_heads.txt")} | OUTLET_WORDS
#: Kinds of institution ('the union', 'the ministry') that stand only for an actor with the word in its name.
INSTITUTION_NOUNS = lexicon.words("institution_nouns.txt")

_PATTERN_ROWS = lexicon.patterns("agreements_patterns.txt", {
    "TRIGGERS": lexicon.alternation(TRIGGER_FAMILY), "STATUS_CUES": lexicon.alternation(STATUS_CUES),
    "NOT_AGREEMENTS": "|".join(lexicon.entries("agreements_not_agreements.txt")),
    "REPORTING": lexicon.alternation(REPORTING_VERBS), "SAID": lexicon.alternation(SPEECH_VERBS),
    "OTHER_ONE": "|".join(sorted(OTHER_ONE)), "OUTLET": "|".join(sorted(OUTLET_WORDS)),
    "FUTURE_MODALS": lexicon.alternation(MODALS | lexicon.marked("auxiliaries.txt", "future")),
    "PRONOUNS": lexicon.alternation(PERSON_PRONOUNS | {"it", "its"}),
    "DESCRIPTORS": lexicon.alternation((n for n in lexicon.ORG_NOUNS if not n.endswith("s") or n.endswith("ss")),
                                       exact=True)})
#: The regular expressions of ``briefing/data/agreements_patterns.txt`` by name.
PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(regex for _kind, other, regex in _PATTERN_ROWS if other == name))
    for name in dict.fromkeys(name for _kind, name, _regex in _PATTERN_ROWS)}
