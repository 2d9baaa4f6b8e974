"""Quotes: direct and reported speech, with the speaker resolved to an actor.

A direct quote is a stretch between quote marks (:mod:`.quotes_marks`); its speaker comes from the attribution around it
(:mod:`.quotes_attribution`), or, for a quotation with no attribution of its own, from the quotation right before it
("…," she said. "…"). Names, descriptions ("the minister") and pronouns are resolved to the actors of the brief through
their mention offsets, in reading order, so "he" is the person who spoke or acted last.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import takewhile
from typing import Callable, Iterable, NamedTuple

from .. import lexicon
from ..lexicon import INDIRECT_VERBS, NAME_PARTICLES, ORG_NOUNS, REPORTING_VERBS, SPOKES_NOUNS, SUBJECT_PRONOUNS
from ..model import Actor, DateMention, Document, Quote
from ..reference import (COMMON_ENGLISH_WORDS, COMMON_WORDS, FIRST_NAMES, TITLE_WORDS, country_form, given_name_sex,
                         title_headed)
from ..sentences import split_sentences
from .quotes_attribution import (
    _AUXILIARIES, _CARRIER_VERBS, _OBJECT_PREPOSITIONS, _P, ARTICLES, CONNECTORS, GROUP_NOUNS, GROUP_PRONOUNS,
    MESSAGE_NOUNS, ORG_WORDS, OUTLET_WORDS, PAST_VERBS, PERSON_PRONOUNS, RELATIVES, TELL_FORMS, TITLES, Attribution,
    Mention, Token, addressee_outlet, attribution_after, attribution_before, is_capitalised, is_word, leading_subject,
    noun_phrase_ending, noun_phrase_starting, subject_before, tokenize,
)
from .quotes_marks import DOUBLE_MARK, QuotedStretch, find_quoted_stretches
from .spans import Extent, SpanIndex
from .text import name_key as _fold

PARTIAL_BELOW_WORDS = 4  # a quoted term of fewer words is a scare quote / quoted term
_QUOTE_MARK_TOKENS = frozenset({'"', "“", "”", "„", "«", "»", "'", "‘", "’", "`"})
_SMALL_WORDS = lexicon.marked("prepositions.txt", "minor") | frozenset("a an the and or vs de la le".split())
_ATTRIBUTION_PARAGRAPH_WORDS = 10
_PRONOUN_SEX = {"he": "male", "she": "female"}
_KIND_OF_TYPE = {"person": "person", "country": "place", "place": "place"}  # the referent kind of an actor type
#: Words of a role or title that tell a person's sex ('spokeswoman', 'Mrs').
_SEXED_WORDS = {word: sex for sex, word in lexicon.pairs("sexed_role_words.txt")}
_RECENT_REFERENTS = 40  # how far back "the company" / a stray "she" look among who spoke or acted
_ORG_HEADS = ORG_WORDS | ORG_NOUNS
_PLURAL_ORG_HEADS = frozenset(lexicon.plural(word) for word in _ORG_HEADS) & _ORG_HEADS  # 'companies', 'parties'
_INSTITUTION_NOUNS = lexicon.words("institution_nouns.txt")
_PERSON_NOUNS = lexicon.words("quotes_person_nouns.txt")
_NON_SPEAKER_HEADS = lexicon.nouns("non_speaker_heads.txt")
_NAME_LINKS = CONNECTORS | NAME_PARTICLES
_POINTING_VERBS = REPORTING_VERBS | lexicon.words("quotes_back_reference_verbs.txt")
_BACK_REFERENCE_OBJECTS = frozenset({"it", "this", "that", "so", "them"})
_OBJECT_FOLLOWERS = lexicon.marked("prepositions.txt", "after-object") | frozenset(", . ; : and".split())
#: Tokens read on each side of a quotation for its attribution: enough for the longest subject and its verb
#: ("A spokeswoman for the … said"), and a bound that keeps a sentence of many quotations linear.
ATTRIBUTION_WINDOW = 48
#: Characters looked at on each side of a quotation for the sentence that holds its attribution (well over
#: ATTRIBUTION_WINDOW tokens).
ATTRIBUTION_CHARS = 2_000


@dataclass(frozen=True)
class _Said:
    """A quotation with the attribution found around it (before resolution)."""

    stretch: QuotedStretch
    sentence: int
    attribution: Attribution | None
    # for a quotation that does not go on from the one before: an attribution alone on the next line, or the
    # subject of the sentence before in the same paragraph ("She talked about her father. "…"")
    fallback: Attribution | None = None
    back_ref: Mention | None = None  # "That is how Jane Doe describes it." right after the quotation


def find_quotes(doc: Document, *, actors: tuple[Actor, ...], dates: tuple[DateMention, ...]) -> tuple[Quote, ...]:
    """The direct quotes of ``doc``, one per quoted stretch in text order, with the actor who said each (a speaker
    mention that overlaps an actor's mention or matches its name, an alias or a role) and the date of its
    sentence. Titles and names in quote marks are left out; quoted terms of fewer than four words are partial."""
    text = doc.text
    stretches = [s for s in find_quoted_stretches(text) if not _is_name_or_title(text[s.start:s.end])]
    said = _attribute(doc, stretches)
    resolver = _Resolver(doc, actors)
    dated = _dates_by_sentence(dates)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_said: _Said | None = None
    chains: list[list[int]] = []  # runs of quotations with no attribution at all, for a speaker named after them
    for item in said:
        resolver.read_up_to(item.sentence, before=item.stretch.open_mark)
        attribution = item.attribution
        continues = previous_said is not None and (attribution is not None and attribution.inherits
                                                    or attribution is None and _continues(doc, previous_said, item))
        if attribution is None and not continues:
            attribution = item.fallback
        speaker, speaker_text, role, how = None, None, None, "none"
        if attribution and attribution.speaker and not attribution.inherits:
            speaker, role = resolver.resolve(attribution.speaker)
            speaker_text, how = attribution.speaker.text, attribution_kind(attribution.speaker)
        elif continues:
            speaker, speaker_text, role = previous.speaker, previous.speaker_text, previous.role
            how = "continuation" if previous.speaker else "none"
        named = resolver.actor_name(speaker, attribution.speaker if attribution else None)
        if named is None and not continues:
            # 'Furthermore, X claimed', 'X cited Y and said', 'X criticised Y saying': the subject that opens
            # the sentence, when the words next to the quotation name no one who can speak
            subject = resolver.opening_actor(item.sentence, item.stretch.open_mark)
            if subject is not None:
                named, role, mention = subject
                speaker, speaker_text, how = named, mention.text, attribution_kind(mention)
        via = resolver.name_of(attribution.via) if attribution and attribution.via else None
        if via is None and continues:
            via = previous.via  # the next quotation of the same interview ('X told Outlet. "…"')
        start = item.stretch.start  # the end drops the comma that joins it to its attribution ('"We won," he said')
        end = start + 1 + len(text[start + 1:item.stretch.end].rstrip(",;: "))
        # partial or not with its comma: '"We will win," she said' is a statement, not a quoted term
        partial = _is_partial(text[start:item.stretch.end])
        quote = Quote(text=text[start:end], kind="direct", partial=partial, speaker=named, speaker_text=speaker_text,
                      role=role, via=via, attribution=how if named else "none",
                      date=_date_of(dated, item.sentence, item.stretch.open_mark, item.stretch.after),
                      evidence=(doc.evidence(start, end),))
        if speaker is None and attribution is None and not quote.partial:
            if continues and chains and chains[-1][-1] == len(quotes) - 1:
                chains[-1].append(len(quotes))
            elif not continues:
                chains.append([len(quotes)])
        quotes.append(quote)
        if speaker and attribution and attribution.speaker and attribution.speaker.kind != "pronoun":
            resolver.heard(speaker, role, attribution.speaker.kind)
        if not quote.partial:
            previous, previous_said = quote, item
    for chain in chains:
        mention = said[chain[-1]].back_ref
        if mention is None:
            continue
        speaker, role = resolver.resolve(mention)
        for i in chain:
            named = resolver.actor_name(speaker, mention)
            quotes[i] = replace(quotes[i], speaker=named, speaker_text=mention.text, role=role,
                                attribution=attribution_kind(mention) if named else "none")
    return tuple(sorted(quotes + _transcript_answers(doc, actors, quotes), key=lambda q: q.evidence[0].start))


def _transcript_answers(doc: Document, actors: tuple[Actor, ...], quotes: list[Quote]) -> list[Quote]:
    """``Q: …`` / ``A: …`` lines of an interview transcript: each answer is a quote of the person the
    article names (as a sentence subject, with two or more words) before the first question."""
    text = doc.text
    first_question = _P["QUESTION_LINE"].search(text)
    if first_question is None:
        return []
    answers = [m for m in _P["ANSWER_LINE"].finditer(text) if m.start() > first_question.start()
               and (text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip() == ""
                    or _P["QUESTION_LINE"].match(text, text.rfind("\n", 0, m.start()) + 1))]
    openers = (leading_subject(_tokens(text, s.start, s.end)) for s in doc.sentences
               if s.start < first_question.start())
    subject = next((m for m in openers if m is not None and m.kind == "name" and len(m.text.split()) >= 2), None)
    if not answers or subject is None:
        return []
    resolver = _Resolver(doc, actors)
    speaker, role = resolver.resolve(subject)
    named = resolver.actor_name(speaker, subject)
    taken = SpanIndex([q.evidence[0] for q in quotes])
    # not an answer that quotes someone, or holds a quotation found already
    return [Quote(text=text[start:end], kind="direct", partial=_is_partial(text[start:end]), speaker=named,
                  speaker_text=subject.text, role=role, via=None, date=None,
                  attribution="named" if named else "none", evidence=(doc.evidence(start, end),))
            for start, end in (m.span(1) for m in answers)
            if not DOUBLE_MARK.search(text, start, end) and not taken.overlaps(start, end)]


def find_reported_speech(doc: Document, *, actors: tuple[Actor, ...],
                         dates: tuple[DateMention, ...]) -> tuple[Quote, ...]:
    """Reported speech, one indirect quote per reporting sentence (``X said (that) …``, ``X told Y that …``,
    ``according to X, …``) whose text is the content clause. Kept apart from :func:`find_quotes` because a brief's
    ``quotes`` are scored as direct quotes; sentences that hold quote marks are left to it."""
    text = doc.text
    resolver = _Resolver(doc, actors)
    dated = _dates_by_sentence(dates)
    found = []
    for sentence in doc.sentences:
        if DOUBLE_MARK.search(sentence.text):
            continue
        sentence_end = sentence.end - 1 if text[sentence.end - 1] in ".!?" else sentence.end
        tokens = tokenize(text, sentence.start, sentence.end)
        reported = _reported_clause(tokens, sentence_end, dated.get(sentence.index, ()))
        if reported is None or reported[2] - reported[1] < 12:
            continue
        speaker_mention, content_start, content_end, verb = reported
        via = addressee_outlet(tokens, verb) if verb is not None else None
        cited = _cited_speaker(tokens, verb) if verb is not None else None
        if cited is not None:  # '…, Outlet reported, citing a senior official': the official spoke
            speaker_mention, via = cited, speaker_mention
        resolver.read_up_to(sentence.index, before=speaker_mention.start)
        speaker, role = resolver.resolve(speaker_mention)
        if speaker and speaker_mention.kind != "pronoun":
            resolver.heard(speaker, role, speaker_mention.kind)
        named = resolver.actor_name(speaker, speaker_mention)
        found.append(Quote(
            text=text[content_start:content_end], kind="indirect", speaker=named, speaker_text=speaker_mention.text,
            role=role, via=resolver.name_of(via) if via else None,
            attribution=attribution_kind(speaker_mention) if named else "none",
            date=_date_of(dated, sentence.index, content_start, content_end),
            evidence=(doc.evidence(content_start, content_end),),
        ))
    return tuple(found)


_BE_FORMS = lexicon.marked("auxiliaries.txt", "be")
#: '…, according to Commissioner X of the Department of Y and Z.': more lower-case words is no closing source
_ACCORDING_LOWER_WORDS = 5
_ALSO_NOUNS = INDIRECT_VERBS - lexicon.verb_forms("reporting_verbs.txt", flag="reported", unambiguous=True)
_ADJUNCT_OPENERS = lexicon.words("quotes_adjunct_openers.txt") | lexicon.PREPOSITIONS
_OBJECT_VERBS = lexicon.verb_forms("reporting_verbs.txt", flag="object")
_NEGATIONS = lexicon.marked("auxiliaries.txt", "negation")
_SPEAKER_HEADS = TITLES | GROUP_NOUNS | _ORG_HEADS | _PERSON_NOUNS | SPOKES_NOUNS  # 'the minister', 'police'
_AMBIGUOUS_LEMMAS = frozenset(v.lemma for v in lexicon.verbs("reporting_verbs.txt") if "ambiguous" in v.flags)


def _reported_clause(tokens: list[Token], sentence_end: int, dates: Iterable[tuple[int, int, str]]
                     ) -> tuple[Mention, int, int, int | None] | None:
    """The speaker, the content's start and end, and the reporting verb's index (None for 'according to') of a
    reporting sentence whose words end at ``sentence_end``; a date of ``dates`` right after the verb ('said
    Tuesday', 'said on Monday it …') is no part of what was said."""
    closing_source = _according_at_end(tokens)
    if closing_source is not None:
        return closing_source
    closing = max((i for i, t in enumerate(tokens[:-1]) if t.lower in INDIRECT_VERBS - _ALSO_NOUNS
                   and t.text.islower() and tokens[i - 1].text != ","), default=None)
    if closing is not None and (found := _reported_at(tokens, closing, sentence_end, dates)) not in (None, _NEXT) \
            and found[1] == tokens[0].start:
        return found  # '…, researchers at Y said.': the verb that closes the sentence reports all before it
    found = (_reported_at(tokens, i, sentence_end, dates) for i in range(len(tokens) - 1))
    return next((result for result in found if result is not _NEXT), None)


def _according_at_end(tokens: list[Token]) -> tuple[Mention, int, int, None] | None:
    """'…, according to the police.', '…, according to researchers at X.': a short source phrase (no verb) that
    closes the sentence is the source of all before its comma; not an aside ('according to X in March, is …',
    'and, according to X, supportive of Y')."""
    according = next((i for i in range(1, len(tokens) - 2) if tokens[i].lower == "according"
                      and tokens[i + 1].lower == "to" and tokens[i - 1].text == ","), None)
    if according is None:
        return None
    rest = [t for t in tokens[according + 2:] if is_word(t)]
    lower = [t for t in rest if t.text.islower()]
    if not rest or len(lower) > _ACCORDING_LOWER_WORDS or any(
            t.lower in _AUXILIARIES or t.lower in REPORTING_VERBS or t.lower.endswith("ed") for t in lower):
        return None
    speaker = noun_phrase_starting(tokens, according + 2) or noun_phrase_ending(
        tokens, tokens.index(rest[-1]) + 1, stop=according + 2)
    if speaker is None or speaker.kind == "pronoun":
        return None
    after = next((k for k, t in enumerate(tokens) if t.start >= speaker.end), len(tokens))
    if after + 1 < len(tokens) and tokens[after].text == "," and tokens[after + 1].lower not in ARTICLES:
        return None  # an aside goes on after its comma; 'according to X, the commissioner.' names X
    return speaker, tokens[0].start, tokens[according - 1].start, None


_NEXT = object()  # _reported_at: not a reporting verb here, look on


def _reported_at(tokens: list[Token], i: int, sentence_end: int, dates: Iterable[tuple[int, int, str]]):
    """:func:`_reported_clause` for the word ``tokens[i]``: None when the sentence reports nothing, ``_NEXT``
    when that word is no reporting verb."""
    token = tokens[i]
    if token.lower == "according" and tokens[i + 1].lower == "to":
        speaker = noun_phrase_starting(tokens, i + 2)
        # the comma after the source: 'According to the mayor, Jane Doe, the …' says what follows hers
        comma = next((j for j in range(i + 2, len(tokens)) if tokens[j].text == ","
                      and (speaker is None or tokens[j].start >= speaker.end)), None)
        if i == 0 and speaker and comma is not None and comma + 1 < len(tokens):
            return speaker, tokens[comma + 1].start, sentence_end, None
        return None
    if token.lower not in INDIRECT_VERBS or token.lower.endswith("ing") or i and is_capitalised(token.text):
        return _NEXT  # nor "the United States"
    if i > 0 and tokens[i - 1].lower in ARTICLES or token.lower in _ALSO_NOUNS and (
            tokens[i + 1].lower == "of" or tokens[i + 1].lower in _AUXILIARIES | INDIRECT_VERBS
            or token.lower in _AMBIGUOUS_LEMMAS and any(t.lower in {"a", "an"} for t in tokens[max(0, i - 3):i])):
        return _NEXT  # "a challenge by the state attorney general", "the report", "the state of X", "each Xland
        # state is allowed", "some reports suggest", "in a Kessa Radio report": a noun
    if i > 1 and tokens[i - 1].text == "," and tokens[i + 1].lower not in lexicon.PREPOSITIONS:
        speaker = noun_phrase_starting(tokens, i + 1)  # "…, said Jane Doe, an analyst."
        after = next((t for t in tokens[i + 1:] if t.start >= speaker.end), None) if speaker is not None else None
        if speaker is not None and speaker.kind != "pronoun" and token.lower in {"said", "says", "added"} and (
                after is None or not is_word(after) or after.lower in _ADJUNCT_OPENERS) \
                and (speaker.kind != "description" or _head_word(speaker.text) in _SPEAKER_HEADS):
            # not "X, Y, said the plan would fail.", nor "X, Y, said the buses run late most mornings"
            return speaker, tokens[0].start, tokens[i - 1].start, i
    if i > 0 and tokens[i - 1].lower in _BE_FORMS:
        return _NEXT  # 'was claimed by', 'is said to': no one is named saying it
    if i > 0 and tokens[i - 1].lower in RELATIVES - {"that"}:
        return _NEXT  # 'X, who denies wrongdoing, will appeal, his lawyer said': the verb of an aside
    speaker = subject_before(tokens, i)
    if speaker is None:
        return None
    if any(t.lower in _NEGATIONS and speaker.end <= t.start for t in tokens[max(0, i - 4):i]):
        return _NEXT  # 'X will not announce which plants close': what X did not say is no speech
    k = i + 1
    if token.lower in TELL_FORMS:  # 'told reporters that ...': the content follows "that", else the addressee
        k = next((j for j in range(k, len(tokens)) if tokens[j].lower == "that"), None) or _after_addressee(tokens, k)
    date_end = next((e for s, e, _ in dates for j in (k, k + 1) if j < len(tokens) and s == tokens[j].start
                     and (j == k or tokens[k].lower in lexicon.PREPOSITIONS)), None)
    if date_end is not None:
        k = next((j for j in range(k, len(tokens)) if tokens[j].start >= date_end), len(tokens))
    # the comma before the speaker's phrase, its title words allowed between ('…, his lawyer Jane Doe told …')
    said_before = next((j for j in range(3, i) if tokens[j - 1].text == "," and (
        tokens[j].start == speaker.start or tokens[j].start < speaker.start < tokens[j].start + 30
        and all(is_word(t) for t in tokens[j:i]))), None)
    if said_before is not None and (k >= len(tokens) or tokens[k].text in ",.;:"
                                    or tokens[k].lower in _ADJUNCT_OPENERS) \
            and not any(t.lower == "that" for t in takewhile(lambda t: t.text != ",", tokens[k:])) \
            and not all(t.lower in ARTICLES or t.lower in TITLE_WORDS or is_capitalised(t.text)
                        for t in tokens[:said_before - 1]) \
            and not (tokens[0].lower in _ADJUNCT_OPENERS - lexicon.DETERMINERS
                     and not _has_finite_verb(tokens[:said_before - 1])):
        # not 'An Acme spokeswoman, X, said in …', nor 'Earlier, on March 3, X told passengers to …'
        return speaker, tokens[0].start, tokens[said_before - 1].start, i  # '…, the army said on Tuesday.'
    if k < len(tokens) and tokens[k].lower in _ADJUNCT_OPENERS:
        # 'said in a statement that …', 'said on Monday that …': what was said follows the 'that'
        that = next((j for j in range(k, min(len(tokens), k + 8)) if tokens[j].lower == "that"), None)
        if that is not None:
            k = that
        elif tokens[k].lower in _OBJECT_PREPOSITIONS and (clause := _after_addressee(tokens, k + 1)) < len(tokens):
            k = clause  # 'said in a statement the talks had failed', 'said on Twitter the strike …'
    if k < len(tokens) and (tokens[k].lower == "that" or date_end is not None and tokens[k].text == ","):
        k += 1  # 'said that …', 'noted on Monday, the …'
    if k >= len(tokens) or tokens[k].text in ",.;:":
        return None
    if token.lower in _OBJECT_VERBS and tokens[k - 1].lower != "that" and _noun_phrase_object(tokens[k:]):
        return _NEXT  # 'reported a rise in profit': an object, no clause; a later verb may report one
    return speaker, tokens[k].start, sentence_end, i


def _cited_speaker(tokens: list[Token], verb: int) -> Mention | None:
    """Who ``, citing X`` / ``, quoting X`` right after the reporting verb names (not 'citing security concerns')."""
    cites = next((j for j in range(verb + 1, min(len(tokens) - 1, verb + 6)) if tokens[j - 1].text == ","
                  and tokens[j].lower in _CARRIER_VERBS and tokens[j].lower.endswith("ing")), None)
    cited = noun_phrase_starting(tokens, cites + 1) if cites is not None else None
    return cited if cited is not None and cited.kind != "pronoun" else None


def _after_addressee(tokens: list[Token], begin: int) -> int:
    """Where the clause after the addressee of "tell" (or the object of a preposition) at ``tokens[begin]`` starts
    ('told parliament the outbreak was …', 'told the Kessa Herald they …', 'said in a statement the …'); the end
    when no clause follows ('told him to leave')."""
    article = begin < len(tokens) and tokens[begin].lower in ARTICLES
    end = begin + article
    while end < len(tokens) and (is_capitalised(tokens[end].text) or end > begin + article
                                 and tokens[end].lower in OUTLET_WORDS):
        end += 1  # 'the Kessa Herald', 'Kessa Radio', 'Kessa news agency'
    if end == begin + article:
        # 'reporters', 'him', 'the court', 'a news conference': lower-case words up to the clause's subject
        while end < len(tokens) and tokens[end].text.isalpha() and tokens[end].text.islower() \
                and tokens[end].lower not in lexicon.DETERMINERS | SUBJECT_PRONOUNS \
                and not (end + 1 < len(tokens) and _has_finite_verb(tokens[end + 1:end + 2])) \
                and (article or end == begin):
            end += 1
    rest = list(takewhile(lambda t: t.text not in ",;:", tokens[end:]))
    clause = bool(rest) and (rest[0].lower in SUBJECT_PRONOUNS or _has_finite_verb(rest[1:]))
    return end if end > begin + article and clause else len(tokens)


def _noun_phrase_object(tokens: list[Token]) -> bool:
    """Whether the words after a verb are a noun phrase, not a clause: they open with a lower-case word or a number
    that is no pronoun, and hold no finite verb up to the first comma or relative pronoun, nor a 'that' anywhere
    ('announced along with X that ...')."""
    first = tokens[0]
    if not is_word(first) or is_capitalised(first.text) or first.lower in SUBJECT_PRONOUNS \
            or any(t.lower == "that" for t in tokens):
        return False
    return not _has_finite_verb(takewhile(lambda t: t.text not in ",;:()" and t.lower not in RELATIVES, tokens))


def _has_finite_verb(tokens: Iterable[Token]) -> bool:
    """Whether ``tokens`` hold a word that can only be a tensed verb: an auxiliary, an irregular past, a reporting
    verb that is no noun, or a word in -ed."""
    return any(t.lower in _AUXILIARIES or t.lower in PAST_VERBS or t.lower in INDIRECT_VERBS - _ALSO_NOUNS
               or t.lower.endswith("ed") for t in tokens)


# --- attribution ----------------------------------------------------------------------


def attribution_kind(mention: Mention) -> str:
    """How a speaker mention names its speaker: ``named``, ``pronoun``, ``statement`` ('a statement from
    the ministry', 'Acme's spokesman') or ``description`` ('the minister')."""
    if mention.kind == "pronoun":
        return "pronoun"
    words = re.findall(r"[\w-]+", f"{mention.text} {mention.role or ''}".lower())
    if any(word in MESSAGE_NOUNS or word in SPOKES_NOUNS for word in words):
        return "statement"
    return "named" if mention.kind == "name" else "description"


def _attribute(doc: Document, stretches: list[QuotedStretch]) -> list[_Said]:
    """Find the attribution of each stretch: after it, before it, or on the next line."""
    text = doc.text
    said = []
    # the full (not partial) quotations, from opening to closing mark
    full = SpanIndex([Extent(s.open_mark, s.after) for s in stretches if not _is_partial(text[s.start:s.end])])
    for stretch in stretches:
        sentence = doc.sentence_index(stretch.open_mark)
        pre_start, post_end = _bounds(doc, stretch, full)
        after = _tokens(text, stretch.after, post_end)[:ATTRIBUTION_WINDOW]
        before = _tokens(text, pre_start, stretch.open_mark)
        # not when a full quote ends right before pre_start, with only blanks between: "…" "…"; but when that
        # quote closed the sentence before, words that lead into this one open their own: '…." X added, "…"'
        ended = full.ending_before(text, pre_start, " \t")
        opens_sentence = not ended or bool(before) and all(doc.sentence_index(q.end - 1) < sentence for q in ended)
        if len(before) > ATTRIBUTION_WINDOW:  # a long run of words: only its end can lead into the quotation
            before, opens_sentence = before[-ATTRIBUTION_WINDOW:], False
        owned = _owns_following_words(text, stretch, after, leads_on=bool(full.starting_in(post_end, post_end + 1)))
        attribution = attribution_after(after) if owned else None
        attribution = attribution or attribution_before(before, sentence_start=opens_sentence)
        if attribution is None and not before and not text[text.rfind("\n", 0, stretch.open_mark) + 1:
                                                             stretch.open_mark].strip():
            attribution = _previous_line_attribution(doc, stretch)
        fallback = back_ref = None
        if attribution is None and not any(is_word(t) for t in after):
            fallback = _next_line_attribution(text, stretch, full)
        if attribution is None and fallback is None:
            back_ref = _back_reference(doc, stretch)
        if attribution is None and fallback is None and back_ref is None and not before and opens_sentence:
            fallback = _lead_in_subject(doc, stretch)
        said.append(_Said(stretch, sentence, attribution, fallback, back_ref))
    return said


def _tokens(text: str, start: int, end: int) -> list[Token]:
    return [t for t in tokenize(text, start, end) if t.text not in _QUOTE_MARK_TOKENS]


def _owns_following_words(text: str, stretch: QuotedStretch, after: list[Token], *, leads_on: bool) -> bool:
    """Whether the words after a stretch may attribute it: not when they lead into the next quotation (``X quoted
    Y as saying: "…"``), nor when the stretch ends a sentence and a long new sentence follows."""
    words = [t for t in after if is_word(t)]
    if not words:
        return False
    if leads_on and (after[-1].text == ":" or words[-1].lower in {"saying", "as", "that"}):
        return False
    ends_sentence = text[stretch.start:stretch.end].rstrip("\"'”’)").endswith((".", "!", "?"))
    return not (ends_sentence and is_capitalised(words[0].text) and len(words) > 6)


def _bounds(doc: Document, stretch: QuotedStretch, full: SpanIndex[Extent]) -> tuple[int, int]:
    """Start of the words that lead into a stretch and end of those that follow it: its sentence and its line,
    up to any full quote on either side."""
    text, opening, after = doc.text, stretch.open_mark, stretch.after
    sentence_start = doc.sentences[doc.sentence_index(opening)].start if doc.sentences else 0
    start = max(sentence_start, text.rfind("\n", 0, opening) + 1,
                (full.last_ending_by(opening) or Extent(0, 0)).end, opening - ATTRIBUTION_CHARS)
    sentence_end = doc.sentences[doc.sentence_index(max(after - 1, 0))].end if doc.sentences else after
    line_end = text.find("\n", after)
    end = min(sentence_end if sentence_end > after else len(text), len(text) if line_end < 0 else line_end,
              (full.first_starting_from(after) or Extent(len(text), len(text))).start, after + ATTRIBUTION_CHARS)
    leading, following = split_sentences(text[start:opening]), split_sentences(text[after:end])
    return start + leading[-1][0] if leading else start, after + following[0][1] if following else end


def _next_line_attribution(text: str, stretch: QuotedStretch, full: SpanIndex[Extent]) -> Attribution | None:
    """``"…"`` ending its paragraph, then ``Jane Doe said.`` alone on the next line."""
    line_end = text.find("\n", stretch.after)
    if line_end < 0 or text[stretch.after:line_end].strip(" \t\"”’'.,") or full.starting_in(stretch.after, line_end):
        return None
    next_end = text.find("\n", line_end + 1)
    next_end = len(text) if next_end < 0 else next_end
    tokens = _tokens(text, line_end + 1, next_end)
    words = [t for t in tokens if is_word(t)]
    if not words or len(words) > _ATTRIBUTION_PARAGRAPH_WORDS or DOUBLE_MARK.search(text, line_end + 1, next_end):
        return None
    attribution = attribution_after(tokens)
    said_at = [i for i, t in enumerate(words) if t.lower in INDIRECT_VERBS]
    if attribution is None or not said_at or len(words) - said_at[-1] > 4:
        return None  # only "Jane Doe said." / "said the minister, Jane Doe." stands alone
    return attribution


def _previous_line_attribution(doc: Document, stretch: QuotedStretch) -> Attribution | None:
    """``In a statement, the ministry said:`` ending the paragraph before one that opens with a quotation."""
    text = doc.text
    line_start = text.rfind("\n", 0, stretch.open_mark) + 1
    if line_start == 0:
        return None
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[previous_start:line_start - 1].rstrip()
    if not previous.endswith(":") or DOUBLE_MARK.search(previous):
        return None
    begin = doc.sentences[doc.sentence_index(previous_start + len(previous) - 1)].start  # its last sentence
    tokens = _tokens(text, begin, previous_start + len(previous))
    return attribution_before(tokens) if tokens else None


def _lead_in_subject(doc: Document, stretch: QuotedStretch) -> Attribution | None:
    """The subject of the sentence right before a quotation that opens its sentence with no
    attribution, in the same paragraph: ``Jane Doe insists she is not bitter. "…"``. Only a name or
    "he"/"she", and only when that sentence quotes nobody."""
    text = doc.text
    index = doc.sentence_index(stretch.open_mark)
    if index == 0 or index >= len(doc.sentences):
        return None
    previous = doc.sentences[index - 1]
    if "\n" in text[previous.start:stretch.open_mark] or DOUBLE_MARK.search(text, previous.start, previous.end):
        return None
    subject = leading_subject(_tokens(text, previous.start, previous.end))
    if subject is None or subject.kind == "description" or (
            subject.kind == "pronoun" and subject.text.lower() not in PERSON_PRONOUNS):
        return None
    return Attribution(subject)


def _back_reference(doc: Document, stretch: QuotedStretch) -> Mention | None:
    """The speaker named by the sentence right after an unattributed quotation that points back at it:
    ``That is how Jane Doe describes ...``, ``Jane Doe says it without ...``, ``So says Jane Doe.``"""
    text = doc.text
    if not doc.sentences:
        return None
    index = doc.sentence_index(stretch.after)
    sentence = doc.sentences[index]
    if sentence.start < stretch.after:
        if sentence.end > stretch.after and text[stretch.after:sentence.end].strip(" \t\"”’'.,"):
            return None  # the sentence goes on after the quotation
        index += 1
        if index >= len(doc.sentences):
            return None
        sentence = doc.sentences[index]
    if text.count("\n", stretch.after, sentence.start) > 1 or DOUBLE_MARK.search(sentence.text):
        return None
    tokens = _tokens(text, sentence.start, sentence.end)
    words = [t.lower for t in tokens[:4]]
    if len(words) >= 3 and words[0] in {"that", "this"} and words[1] in {"is", "was", "'s"} and words[2] == "how":
        mention = noun_phrase_starting(tokens, 3)
        said = {t.lower for t in tokens[4:]} & _POINTING_VERBS
        return mention if mention and mention.kind == "name" and said else None
    if len(words) >= 2 and words[0] == "so" and words[1] in {"says", "said"}:
        mention = noun_phrase_starting(tokens, 2)
        return mention if mention and mention.kind == "name" else None
    subject = leading_subject(tokens)
    if subject is None or subject.kind != "name" or subject.start != sentence.start:
        return None
    k = next((i for i, t in enumerate(tokens) if t.start >= subject.end), len(tokens))
    pointing = k + 1 < len(tokens) and tokens[k].lower in _POINTING_VERBS and not tokens[k].lower.endswith("ing")
    return subject if pointing and tokens[k + 1].lower in _BACK_REFERENCE_OBJECTS else None


def _continues(doc: Document, previous: _Said, current: _Said) -> bool:
    """Whether a quotation without attribution goes on from the one before it: no sentence without a quotation
    stands between the two (the same sentence, the next one, or a new paragraph that reopens the quotation)."""
    previous_end = doc.sentence_index(max(previous.stretch.after - 1, 0))
    return current.sentence - previous_end <= 1


# --- filters and small helpers -------------------------------------------------------------


def _is_partial(quoted: str) -> bool:
    """A quoted term or scare quote: under four words, unless a whole utterance ("Never!")."""
    words = len(_P["WORD"].findall(quoted))
    return words < PARTIAL_BELOW_WORDS and not (words > 1 and quoted[:1].isupper() and re.search(r"[.!?…,]$", quoted))


def _is_name_or_title(quoted: str) -> bool:
    """``"Eighty Winters in the Valley"``, ``"New Deal"``: capitalised words, no sentence."""
    words = _P["WORD"].findall(quoted)
    if not words or len(words) > 8 or re.search(r"[.!?,;:]\W*$", quoted.strip()):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS or w is words[0]]
    return bool(content) and all(is_capitalised(w) or w[0].isdigit() for w in content)


def _dates_by_sentence(dates: tuple[DateMention, ...]) -> dict[int, list[tuple[int, int, str]]]:
    """The (start, end, value) of the dates of a brief by the sentence of their evidence, built once per article."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    for date in (d for d in dates if d.value):
        for evidence in date.evidence:
            found.setdefault(evidence.sentence, []).append((evidence.start, evidence.end, date.value))
    return found


def _date_of(dated: dict[int, list[tuple[int, int, str]]], sentence: int, start: int, end: int) -> str | None:
    """The value of a date mentioned in sentence ``sentence``, outside the quoted words ``start``-``end``."""
    return next((value for s, e, value in dated.get(sentence, ()) if e <= start or s >= end), None)


# --- resolution ---------------------------------------------------------------------------


class _ActorSpan(NamedTuple):
    """One mention of an actor: where the text names it."""

    start: int
    end: int
    actor: Actor


class _Resolver:
    """Resolves speaker mentions to actor names, reading the article in order: it remembers who spoke or opened a
    sentence, newest last, so that "he"/"she" is the last person and "they"/"it" the last organisation."""

    def __init__(self, doc: Document, actors: tuple[Actor, ...]) -> None:
        self._doc = doc
        self._actors = actors
        self._actor_names = frozenset(a.name for a in actors)
        self._spans = SpanIndex(sorted((_ActorSpan(e.start, e.end, a) for a in actors for e in a.evidence),
                                       key=lambda span: (span.start, span.end)))
        self._by_form: dict[str, Actor] = {}
        self._organisations_by_word: dict[str, list[str]] = {}
        for actor in actors:
            for form in (actor.name, *actor.aliases):
                self._by_form.setdefault(_fold(form), actor)
            if actor.type == "person" and len(actor.name.split()) > 1:
                self._by_form.setdefault(_fold(actor.name.split()[-1]), actor)
            if actor.type == "organization":
                for word in set(_fold(actor.name).split()):
                    self._organisations_by_word.setdefault(word, []).append(actor.name)
        self._ages: dict[str, list[str]] = {}  # 'Jane Doe, 54,': the people of each age the text gives
        for actor in actors:
            if actor.type == "person":
                for age in {m[1] for e in actor.evidence if (m := _P["AGE_AFTER"].match(doc.text, e.end))}:
                    self._ages.setdefault(age, []).append(actor.name)
        roles = [(r.lower(), a.name) for a in actors for r in a.roles]
        # the latest position of each role key among the roles given and heard, and who held it there
        self._latest_role = {_role_key(role): (position, who) for position, (role, who) in enumerate(roles)}
        self._roles_seen = len(roles)
        self._actor_role_keys = [(a.name, [_role_key(r) for r in a.roles]) for a in actors]
        self._lower_words = frozenset(re.findall(r"\b[a-z][a-z'-]*\b", doc.text))
        self._read = -1
        self._bound: tuple[str, int, str, str | None] | None = None  # (he|she, referents then, name, role)
        self._position = 0  # the offset read up to: an organisation named only later is not yet known
        forms = {form for a in actors if a.type == "person" for form in (a.name, *a.aliases) if len(form) > 2}
        self._person_forms = re.compile(rf"(?<!\w)({lexicon.alternation(forms, exact=True)})(?!\w)") if forms else None
        self._sexes: dict[str, str] = {}  # person -> 'male' | 'female', from the pronouns that referred to them
        self._referents: list[tuple[str, str | None, str]] = []  # (name, role, person|group|unknown|place)
        self._latest_referent: dict[str, tuple[int, str, str | None]] = {}  # kind -> (position, name, role)

    def read_up_to(self, sentence: int, *, before: int) -> None:
        """Note the subjects of the sentences up to ``sentence`` (of its words before ``before``)."""
        for index in range(self._read + 1, min(sentence, len(self._doc.sentences) - 1) + 1):
            s = self._doc.sentences[index]
            end = min(s.end, before) if index == sentence else s.end
            first_mark = DOUBLE_MARK.search(self._doc.text, s.start, end)
            tokens = tokenize(self._doc.text, s.start, first_mark.start() if first_mark else end)
            self._note_people(s.start, end)
            subject = leading_subject(tokens)
            if subject is None or subject.kind == "pronoun" or self._is_common_word(subject, s.start):
                continue
            spokesperson = subject.role is not None and subject.role.split()[-1].lower() in SPOKES_NOUNS
            if subject.kind == "description" and not spokesperson and (
                    subject.start != s.start or len(subject.text.split()) > 3):
                continue  # only a short description that opens the sentence: "The driver was ..."
            name, role = self.resolve(subject)
            if self.actor_name(name, subject):  # "The border issue is …" is no one "she" can refer to
                earlier = self._latest_referent.get("person")
                self.heard(name, role, subject.kind)
                pronoun = _object_pronoun(tokens, subject.end)
                if earlier is not None and earlier[1] != name and pronoun:
                    # "A reporter pressed her on ...": "her" is someone other than the subject, so a
                    # "she" right after it means the person before the subject
                    self._bound = (pronoun, len(self._referents), earlier[1], earlier[2])
        self._position = max(self._position, before)
        self._read = max(self._read, sentence - 1)

    def opening_actor(self, sentence: int, before: int) -> tuple[str, str | None, Mention] | None:
        """The actor that opens sentence ``sentence`` before offset ``before``: (name, role, mention)."""
        start = self._doc.sentences[sentence].start
        subject = leading_subject(tokenize(self._doc.text, start, before)) if before > start else None
        if subject is None or subject.kind == "pronoun":
            return None
        name, role = self.resolve(subject)
        return (name, role, subject) if name in self._actor_names else None

    def _note_people(self, start: int, end: int) -> None:
        """The people a sentence names besides its subject ("X met Y"): a pronoun of a later sentence may
        be one of them. They are noted before the subject, so that the subject stays the nearest referent."""
        if self._person_forms is None:
            return
        for match in self._person_forms.finditer(self._doc.text, start, end):
            actor = self._by_form.get(_fold(match.group()))
            if actor is not None:
                self.heard(actor.name, actor.roles[0] if actor.roles else None, "name")

    def resolve(self, mention: Mention) -> tuple[str | None, str | None]:
        """The speaker's name (an actor's canonical name when one matches) and role."""
        if mention.kind == "pronoun":
            name, role = self._referent(mention.text.lower())
            if name is None and mention.text.lower() in PERSON_PRONOUNS and not self._referents \
                    and not any(a.type == "person" for a in self._actors):
                return mention.text, None  # the text names nobody at all: "he" is all it says of the speaker
            return name, role
        actor = self._actor_at(mention) or self._by_form.get(_fold(mention.text)) or self._titled_person(mention)
        if actor is None and mention.role and self._by_form.get(_fold(mention.role)) is not None:
            # "Xland's Foreign Minister, Jane Doe, said": the title was taken for the name
            return self._by_form[_fold(mention.role)].name, mention.text
        age = _P["AGE_DESCRIPTION"].match(mention.text) if actor is None and mention.kind == "description" else None
        if age:
            # 'the 54-year-old said': the person the text gave that age ('Jane Doe, 54,'), else the last person
            aged = self._ages.get(age[1], [])
            latest = self._recent(lambda name, role, kind: kind == "person")
            name = aged[0] if len(aged) == 1 else latest[1] if latest else None
            if name:
                return name, None
        if actor is None and mention.kind == "description":
            actor_name = self._role_holder(mention.text)
            if actor_name:
                return actor_name, mention.text
            organisation = self._organisation(mention.text) or self._state_of(mention.text)
            if organisation:
                return organisation, mention.role or mention.text
        if actor is not None:
            return actor.name, mention.role or (actor.roles[0] if actor.roles else None)
        return mention.text, mention.role

    def _organisation(self, description: str) -> str | None:
        """``the company``, ``the ministry``: the organisation last named with that head word, else the only
        actor whose name has it, else (for a generic head such as "company") the organisation that last acted."""
        words = _fold(description).split()
        if not words or len(words) > 3 or words[-1] not in _ORG_HEADS:
            return None
        head = words[-1]
        # 'the company' is any firm, 'the ministry' only a ministry; 'the companies', 'the parties' are more than one
        generic = (head in ORG_NOUNS and len(words) == 1 and head not in _PLURAL_ORG_HEADS
                   and head not in _INSTITUTION_NOUNS)
        # a one-word name is a body unless the actor stage typed it otherwise: "Acme said ..."
        bodies = [name for name, _, kind in reversed(self._referents[-_RECENT_REFERENTS:])
                  if kind == "group" or kind == "unknown" and self._typed_organisation(name)]
        # "the ministry" is the ministry named earlier, not the firm that acted since
        headed = next((name for name in bodies if head in _fold(name).split()), None)
        if headed:
            return headed
        named = [n for n in self._organisations_by_word.get(head, ()) if self._named_before(n)]
        if len(set(named)) == 1:
            return named[0]
        if not generic or named:
            return None
        # a firm, not a ministry or a union: the one that last acted, else the only one named so far
        firms = [name for name in bodies if not _INSTITUTION_NOUNS.intersection(_fold(name).split())]
        if firms:
            return firms[0]
        named = [a.name for a in self._actors if a.type == "organization" and self._named_before(a.name)
                 and not _INSTITUTION_NOUNS.intersection(_fold(a.name).split())]
        return named[0] if len(set(named)) == 1 else None

    def _state_of(self, description: str) -> str | None:
        """``a Xlandian official``: an unnamed office-holder speaks for the demonym's state, when it is an actor."""
        words = description.split()
        if len(words) < 2 or words[-1].lower() not in TITLES:
            return None
        forms = (country_form(" ".join(words[i:i + size])) for size in (2, 1) for i in range(len(words) - size))
        states = (self._by_form.get(_fold(f.country)) for f in forms if f is not None and f.kind == "demonym")
        return next((state.name for state in states if state is not None), None)

    def _named_before(self, name: str) -> bool:
        """Whether the actor ``name`` has a mention before the quotation being resolved."""
        actor = self._by_form.get(_fold(name))
        return actor is None or not actor.evidence or min(e.start for e in actor.evidence) < self._position

    def _typed_organisation(self, name: str) -> bool:
        actor = self._by_form.get(_fold(name))
        return actor is None or actor.type == "organization"  # untyped: the actor stage missed the name

    def actor_name(self, name: str | None, mention: Mention | None) -> str | None:
        """``name`` when it is an actor of the brief or could be a speaker the actor stage missed (a
        person's name, "a senior official"); None for what cannot speak (a weekday, an adverb, "the
        border issue"), which is kept only as ``speaker_text``."""
        if name is None or name in self._actor_names or mention is not None and mention.kind == "pronoun":
            return name  # a pronoun's referent was taken for a person or body when it was read
        return name if _can_speak(name, self._lower_words) else None

    def name_of(self, mention: Mention) -> str:
        actor = self._actor_at(mention) or self._by_form.get(_fold(mention.text))
        return actor.name if actor else mention.text

    def _referent(self, pronoun: str) -> tuple[str | None, str | None]:
        wanted = {"person", "unknown"} if pronoun in PERSON_PRONOUNS else {"group", "unknown"}
        if pronoun not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return None, None
        if self._bound is not None and self._bound[0] == pronoun and self._bound[1] == len(self._referents):
            return self._bound[2], self._bound[3]
        latest = max((self._latest_referent[kind] for kind in wanted if kind in self._latest_referent),
                     default=None, key=lambda item: item[0])
        sex = _PRONOUN_SEX.get(pronoun)
        if latest is not None and sex and self._sex_of(latest[1], latest[2]) not in (None, sex):
            # "he" after a woman was named: the nearest earlier person it can be
            latest = self._recent(lambda name, role, kind: kind in wanted and self._sex_of(name, role) in (None, sex))
        if latest is None and pronoun in PERSON_PRONOUNS:
            # nobody taken for a person yet: "he"/"she" is the last name shaped like a person's
            # (two or three capitalised words) that the actor stage may have typed otherwise
            latest = self._recent(lambda name, role, kind: kind == "group" and _person_shaped(name))
        if latest and sex:
            self._sexes.setdefault(latest[1], sex)  # what a pronoun said of a person holds for the next one
        return (latest[1], latest[2]) if latest else (None, None)

    def _recent(self, fits: Callable[[str, str | None, str], bool]) -> tuple[int, str, str | None] | None:
        """The newest of the recent referents whose (name, role, kind) ``fits``, as (0, name, role)."""
        return next(((0, name, role) for name, role, kind in reversed(self._referents[-_RECENT_REFERENTS:])
                     if fits(name, role, kind)), None)

    def _sex_of(self, name: str, role: str | None) -> str | None:
        """'male' or 'female' when the text or the given-name data tell; None when they do not."""
        if name in self._sexes:
            return self._sexes[name]
        sexed = (_SEXED_WORDS.get(word.strip(".")) for word in (role or "").lower().split())
        sex = next(filter(None, sexed), None) or (given_name_sex(name.split()[0]) if " " in name else None)
        return sex if sex in ("male", "female") else None

    def heard(self, name: str, role: str | None, mention_kind: str) -> None:
        """``name`` spoke or acted: "he" / "they" may now refer to it."""
        kind = self._kind_of(name, mention_kind, role)
        self._latest_referent[kind] = (len(self._referents), name, role)
        self._referents.append((name, role, kind))
        if role:
            self._latest_role[_role_key(role.lower())] = (self._roles_seen, name)
            self._roles_seen += 1

    def _kind_of(self, name: str, mention_kind: str, role: str | None = None) -> str:
        if role and role.split()[-1].lower() in SPOKES_NOUNS:
            return "person"  # "a spokeswoman for the ministry said ...": "she" is the ministry's voice
        actor = self._by_form.get(_fold(name))
        if " " not in name and name.lower() in GROUP_NOUNS and (actor is None or actor.type != "person"):
            return "group"  # "Critics call him ...": a plural noun opening a sentence is never "he"/"she"
        if mention_kind == "description":
            return "group" if _head_word(name) in _ORG_HEADS | GROUP_NOUNS else "person"
        if _looks_like_org(name):
            return "group"
        if mention_kind == "name" and (role and _is_person_role(role)
                                       or len(name.split()) > 1 and name.split()[0] in FIRST_NAMES):
            return "person"  # "Her deputy, Jane Doe, ...", "Councilwoman Jane Doe": whatever the actor stage guessed
        if actor is not None and actor.type in _KIND_OF_TYPE:
            return _KIND_OF_TYPE[actor.type]
        if actor is not None and (len(name.split()) > 1 or any(c.isupper() for c in name[1:])):
            return "group"  # 'PowerPC', 'ACME': no surname has capitals inside
        return "person" if len(name.split()) > 1 else "unknown"  # the actor stage may guess one word wrong

    def _is_common_word(self, subject: Mention, sentence_start: int) -> bool:
        """A one-word "name" opening a sentence that the article also writes in lower case ("Farmers"), or that is a
        common English word and no actor ("Revenue climbed 9%")."""
        return (subject.kind == "name" and subject.start == sentence_start and " " not in subject.text
                and (subject.text.lower() in self._lower_words or subject.text.lower() in COMMON_ENGLISH_WORDS)
                and _fold(subject.text) not in self._by_form)

    def _actor_at(self, mention: Mention) -> Actor | None:
        """The actor with a mention inside the phrase that ends it (the head, its last word, must be the
        actor's; not after "of"/"on"/"for": ``Bank of <Acme>``; 'analysts at <Acme>' speak for it), people first."""
        inside = [span.actor for span in self._spans.within(mention.start, mention.end)
                  if span.start < span.end == mention.end and not any(
                      w.lower() in CONNECTORS - {"at"} for w in self._doc.text[mention.start:span.start].split()[-1:])]
        people = [actor for actor in inside if actor.type == "person"]
        return (people or inside or [None])[0]

    def _titled_person(self, mention: Mention) -> Actor | None:
        """The person a title was cut from: 'Xland Secretary of State Jane Doe said', 'Jane Doe, the
        Prime Minister of Xland, said', 'Xland's Foreign Minister, Jane Doe, said'."""
        if mention.kind == "pronoun" or not title_headed(mention.text):
            return None  # a title heads the phrase: not "the Premier League club"
        text = self._doc.text
        near = self._spans.starting_in(mention.start - 60, mention.end + 61)
        return next((s.actor for s in near if s.actor.type == "person" and (
            s.start >= mention.end and _P["TITLE_TO_NAME"].fullmatch(text, mention.end, s.start)
            or s.end <= mention.start and _P["NAME_TO_TITLE"].fullmatch(text, s.end, mention.start))), None)

    def _role_holder(self, description: str) -> str | None:
        """The actor whose role holds ``description``, else the newest speaker given such a role."""
        head = _role_key(description)
        if not head:
            return None
        held = next((name for name, keys in self._actor_role_keys if any(_headed_by(key, head) for key in keys)),
                    None)
        # the newest role whose key holds the head: only the latest use of each key can be it
        latest = max((item for key, item in self._latest_role.items() if _headed_by(key, head)),
                     default=None, key=lambda item: item[0])
        return held or (latest[1] if latest else None)


def _can_speak(name: str, lower_words: frozenset[str]) -> bool:
    """Whether a speaker phrase that is no actor of the brief names someone who can speak: a name
    (capitalised words, no weekday, month or adverb, not a word the article writes in lower case),
    a pronoun, or a description whose head is not a message, a number or a thing that cannot speak."""
    words = name.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in PERSON_PRONOUNS | GROUP_PRONOUNS | GROUP_NOUNS:
        return True  # 'Police said', 'Officials said': capitalised only for opening the sentence
    if all(is_capitalised(w) or w.lower() in _NAME_LINKS for w in words):
        if words[-1].lower() in _NAME_LINKS:
            return False  # a clipped name: "President of the"
        return not (len(words) == 1 and (words[0].lower() in COMMON_WORDS or words[0].lower() in lower_words))
    head = re.sub(r"[^\w-]", "", words[-1].lower())
    return not (head in _NAME_LINKS or head[:1].isdigit() or head in MESSAGE_NOUNS or head in _NON_SPEAKER_HEADS)


def _object_pronoun(tokens: list[Token], after: int) -> str | None:
    """The subject pronoun ("he"/"she") of an object ``him``, or ``her`` not followed by a noun
    (``pressed her on``, ``told her .``), after the subject; None when there is none."""
    for i, token in enumerate(tokens):
        if token.start < after:
            continue
        if token.lower == "him":
            return "he"
        if token.lower == "her" and (i + 1 == len(tokens) or tokens[i + 1].lower in _OBJECT_FOLLOWERS):
            return "she"
    return None


def _head_word(description: str) -> str:
    """The head of a description: the word before its first preposition ('officials in Xton'), else its last."""
    words = description.lower().split()
    return next((words[i - 1] for i in range(1, len(words)) if words[i] in _OBJECT_PREPOSITIONS), words[-1])


def _role_key(description: str) -> str:
    return " ".join(w for w in description.lower().split() if w not in ARTICLES)


def _headed_by(key: str, description: str) -> bool:
    """Whether the role ``key`` ends in the words of ``description`` before any 'of'/'for' ('prime minister',
    'minister of finance' for 'minister'): 'the council' is no 'council leader'."""
    head = re.split(r" (?:of|for) ", key, maxsplit=1)[0]
    return f" {head}".endswith(f" {description}") or f" {key}".endswith(f" {description}")


def _person_shaped(name: str) -> bool:
    words = name.split()
    return (2 <= len(words) <= 3 and not _looks_like_org(name)
            and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words))


def _is_person_role(role: str) -> bool:
    """A role that only a person holds: a title ("deputy", "Sen."), or a word for a relative or neighbour."""
    words = re.split(r"[\s-]+", role.lower())
    return words[-1] not in _ORG_HEADS and any(w in TITLES or w.rstrip(".") in TITLES or w in _PERSON_NOUNS
                                               for w in words[-2:])


def _looks_like_org(name: str) -> bool:
    return any(word in ORG_WORDS for word in name.lower().split())
