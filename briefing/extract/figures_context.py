"""What a figure measures, when, and on whose word: read from the figure's sentence by general rules.

``measure`` is a short noun phrase: the subject of 'stood at / was / reached / totalled', the antecedent of ', which
stood at', '<subject> purchases of Y' for '<subject> purchased $N worth of Y', 'rise in X' for 'X rose 5%', the noun a
money amount qualifies ('a $27 million rail contract'), '<things> approved for delivery to Z' for 'approved the delivery
of N things to Z', or the label of a wire-service table line ('Shr' -> 'earnings per share'). ``date`` is the value of a
date mention in the same sentence (or the publication year for 'currently'); ``source`` whom the sentence credits
('according to the IMF', '..., the ministry said'), resolved to an actor's name when one matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import dropwhile, islice, takewhile

from .. import lexicon
from ..model import Actor, DateMention, Document, Figure, Sentence
from . import figures_units as ref
from .numbers import plain_value

_PURCHASE_NOUNS = dict(lexicon.rows("figures_purchase_nouns.txt"))


def _directions(name: str) -> dict[str, str]:
    """form -> 'rise' | 'fall', from data file ``name`` (direction | forms)."""
    return {form: direction for direction, forms in lexicon.rows(name) for form in forms.split()}


_DIRECTION = _directions("figures_change_verbs.txt")
_RAISED = _directions("figures_transitive_change_verbs.txt")
_LEADING_VERBS = lexicon.words("figures_leading_verbs.txt")
_NP_STOP = lexicon.words("figures_np_stop_words.txt") | lexicon.REPORTING_TENSED
_PARTICLES = lexicon.words("figures_particles.txt")
#: A verb that gives or takes an amount -> (the noun for that amount, the participle before whom): 'fined' ->
#: ('fine', 'imposed on')
_AWARD_VERBS = {verb: (noun, participle) for verb, noun, participle in lexicon.rows("figures_award_verbs.txt")}
_CREDITING_VERBS = frozenset().union(*(v.tensed | {v.present} for v in lexicon.verbs("figures_crediting_verbs.txt")))
#: A wire-service table line's label -> (what its figures measure, their kind): 'Shr' -> ('earnings per share', ...)
WIRE_LABELS = {label.lower(): (measure, kind) for label, measure, kind in lexicon.rows("figures_wire_labels.txt")}
_P = lexicon.compiled("figures_context_patterns.txt", {
    "LEVEL_VERBS": lexicon.alternation(lexicon.phrases("figures_level_verbs.txt"), exact=True),
    "PURCHASE_VERBS": "|".join(_PURCHASE_NOUNS),
    "RAISED_VERBS": "|".join(sorted(_RAISED)),
    "CHANGE_VERBS": "|".join(sorted(_DIRECTION)),
    "APPROXIMATORS": lexicon.alternation(ref.APPROXIMATORS),
    "CREDITING": lexicon.alternation(lexicon.REPORTING_TENSED | _CREDITING_VERBS),
    # after the sentence's subject an -s form is a verb even when it is also a noun ('The Courier reports 40%')
    "CREDITING_FIRST": lexicon.alternation(lexicon.REPORTING_TENSED | _CREDITING_VERBS | {
        verb.present for verb in lexicon.verbs("reporting_verbs.txt")}),
    "WIRE_LABELS": lexicon.alternation(WIRE_LABELS, exact=True),
    "AWARD_VERBS": lexicon.alternation(_AWARD_VERBS),
})
#: A wire-service table line ('Shr 2.10 dlrs vs 1.85'), and what may stand between its label and a figure.
WIRE_LINE, WIRE_FILLER = _P["WIRE_LINE"], _P["WIRE_FILLER"]
# the ending of a slow clause-final pattern, checked before searching for it
_ENDINGS = {_P["CHANGED_TO"]: _P["CHANGED_TO_END"], _P["THING_WORTH"]: _P["THING_WORTH_END"]}


@dataclass(frozen=True)
class _Reading:
    """What an earlier figure of the same sentence measured: the subject and object an ellipsis refers to."""

    subject: str | None = None
    thing: str | None = None


def describe_sentence(doc: Document, sentence: Sentence, quantities: list, displays: list[str], *,
                      actors: tuple[Actor, ...], sentence_dates: dict) -> list[Figure]:
    """The figures of one sentence's quantities (``figures.Quantity``, each with its ``displays`` text), with
    what each measures, its date (``sentence_dates`` is ``dates_by_sentence`` of the article) and its source."""
    if not quantities:
        return []
    source = _source(sentence.text, actors)
    reading = _Reading()
    figures = []
    earlier: dict[str, str] = {}  # the measure of the sentence's last figure of each kind
    own_dates = {q.end: _date_right_after(doc, sentence, q, sentence_dates) for q in quantities}
    for quantity, shown in zip(quantities, displays):
        left = doc.text[sentence.start:quantity.start]
        right = doc.text[quantity.end:sentence.end]
        measure, reading = _measure(left, right, quantity, reading, sentence.text)
        # '49% for X, 53% for Y', 'US$7 billion (about €5 billion)': a later figure of a list or a conversion
        measure = measure or (earlier.get(quantity.kind) if quantity.kind != "count" else None)
        earlier[quantity.kind] = measure or earlier.get(quantity.kind)
        figures.append(Figure(
            text=doc.text[quantity.start:quantity.end],
            value=plain_value(quantity.value),
            unit=quantity.unit,
            value_high=plain_value(quantity.value_high) if quantity.value_high is not None else None,
            approx=quantity.approx is not None,
            measure=measure,
            date=_figure_date(doc, sentence, quantity, sentence_dates, own_dates),
            source=source,
            display=shown,
            evidence=(doc.evidence(quantity.start, quantity.end),),
        ))
    return figures


# --- measure -------------------------------------------------------------------------------------------------

def _measure(left: str, right: str, quantity, reading: _Reading, sentence: str) -> tuple[str | None, _Reading]:
    wire = WIRE_LINE.match(sentence)
    if wire and WIRE_FILLER.fullmatch(left[wire.end():]):
        return WIRE_LABELS[wire.group(1).lower()][0], reading
    left_from = _after_barrier(left)
    approx = _P["APPROX_TAIL"].search(left, left_from)  # what APPROX_TAIL.sub("", left) removes: its one match
    core = left[:approx.start()] + left[approx.end():] if approx else left
    core_from = _after_barrier(core)
    worth = _P["WORTH_OF"].match(right)
    if worth:
        verb, subject = _tail_subject(_P["SUBJECT_VERB"], core, core_from)
        thing = worth.group(1)
        return _purchase(subject, verb and verb.group("verb"), thing), _Reading(subject, thing)
    ellipsis = _P["WORTH_ELLIPSIS"].match(right)
    if ellipsis and reading.subject and ellipsis.group(1) in _PURCHASE_NOUNS:
        place = ellipsis.group(2)
        place = place[:-1] if place.endswith(".") and place.count(".") == 1 else place  # the sentence's full stop
        origin = _adjective(place)
        thing = reading.thing or ""
        words = thing.split()
        if words and words[0].lower() in ref.COUNTRY_BY_WORD and words[0][0].isupper():  # 'Brazilian jets'
            thing = " ".join([origin, *words[1:]])
        else:
            thing = f"{thing} from {place}".strip()
        return _purchase(reading.subject, ellipsis.group(1), thing), reading
    if quantity.kind == "count":
        delivery = _P["DELIVERY"].search(left, left_from)
        destination = _P["DESTINATION"].match(right)
        if delivery and destination:
            head = quantity.unit.split()[-1]
            return (f"{head} {delivery.group('verb')} for {delivery.group('noun')} {destination.group('prep')} "
                    f"{destination.group('place')}"), reading
        return _counted_measure(quantity.unit, right), reading
    relative = _P["RELATIVE_LEVEL"].search(core) if "," in core and _P["RELATIVE_LEVEL_TAIL"].search(core) else None
    if relative:
        phrase = _noun_phrase_before(relative.group("np"))
        if phrase:
            return _subject_phrase(phrase), _Reading(phrase)
    # '<thing> worth', ', valued at' and 'changed ... to' end in different words: at most one of them matches
    worth_after, subject = _tail_subject(_P["THING_WORTH"], core, core_from)
    if worth_after:
        thing = worth_after.group("thing")
        return _purchase(subject, worth_after.group("verb"), thing), _Reading(subject, thing)
    valued_tail = "," in core and _P["VALUED_TAIL"].search(core)
    apposed = _P["APPOSED_VALUE"].search(core) if valued_tail else None
    if apposed:
        subject = _clause_subject(apposed.group("clause"))
        if subject and not re.search(r"\s(?:was|were|is|are)\b", subject):
            return _subject_phrase(subject), _Reading(subject)
    valued = _P["CLAUSE_VALUED"].search(core) if valued_tail else None
    subject = (_tail_subject(_P["CHANGED_TO"], core, core_from)[1] or valued and _clause_subject(valued.group("clause"))
               or _tail_subject(_P["LEVEL"], core, core_from)[1])
    if subject:
        return _subject_phrase(subject), _Reading(subject)
    change, subject = _tail_subject(_P["CHANGE"], core, core_from)
    if subject and change.group("verb") in _DIRECTION:
        return f"{_DIRECTION[change.group('verb')]} in {_subject_phrase(subject)}", _Reading(subject)
    # searched only where the clause ends in 'to', as CHANGED_TO is
    raised_to = _P["RAISED_TO"].search(core) if _P["CHANGED_TO_END"].search(core, max(0, len(core.rstrip()) - 6)) \
        else None
    if raised_to and raised_to.group("object").split()[-1] not in _FUNCTION_WORDS:
        return raised_to.group("object"), reading  # 'cut its main rate by a point to 6.5%': the rate
    raised = _P["RAISED_BY"].search(core, core_from)
    if raised and raised.group("object").split()[-1] not in _FUNCTION_WORDS:
        return f"{_RAISED[raised.group('verb')]} in {raised.group('object')}", reading  # 'raised rates by 50 points'
    if quantity.kind == "money":
        awarded, subject = _tail_subject(_P["AWARDED"], core, core_from)
        if awarded:  # 'fined the airline 2 million euros', 'Acme was fined $4m', 'awarded X $9,000 in damages'
            noun, participle = _AWARD_VERBS[awarded.group("verb")]
            named = _P["SPENT_ON"].match(right)
            noun = _phrase(named.group(1)) or noun if named else noun
            whom = awarded.group("object") or (re.sub(r"^(The|A|An)\b", lambda m: m[1].lower(), subject)
                                               if awarded.group("passive") and subject else None)
            return (f"{noun} {participle} {whom}" if whom else noun), reading
    if _P["DETERMINER_END"].search(left, left_from):
        noun = _P["NOUN_PHRASE_AFTER"].match(right)
        if noun and not re.match(r"\s*(?:to|for|in|on|of|at|from|by|with|and)\b", right) \
                and noun.group(1).split()[-1].lower() not in _PARTICLES \
                and not _P["REDUCED_RELATIVE"].match(right, noun.end()):
            return noun.group(1), reading
    share = (_P["SHARE_OF"] if quantity.kind == "percent" else _P["SPENT_ON"] if quantity.kind == "money" else None)
    share = share.match(right) if share else None
    if share:  # '90 percent of tariffs on goods', '$25 million in aid'
        return _phrase(share.group(1)), reading
    named = _P["NOUN_OF"].search(core, core_from) or quantity.kind == "money" and _P["AMOUNT_NOUN_OF"].search(
        core, core_from)
    if named:  # 'at a cost of $5 million', 'fines of nearly $2,000', 'net income of $4m'
        return _phrase(named.group(1).split()[-1]), reading
    return None, reading


_FUNCTION_WORDS = lexicon.words("english_function_words.txt") - {"year", "years", "new"} | {"nearly", "may", "might"}


def _phrase(text: str, words: int = 7) -> str | None:
    """A short phrase: ``text`` up to a clause boundary, at most ``words`` words, without function words at its end."""
    stop = _P["PHRASE_END"].search(text)
    kept = text[:stop.start() if stop else len(text)].split()[:words]
    while kept and kept[-1].lower() in _FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept) or None


def _counted_measure(unit: str, right: str) -> str:
    """What a count counts: the thing with what the sentence says of it ('people missing', 'suspected users')."""
    if re.match(r"\s*(?:out\s+)?of\b", right):
        return unit  # 'two of them', '80 of the ballots': the thing is named after 'of'
    rest = _phrase(_P["LEADING_AUXILIARY"].sub("", right.strip()), words=5) or ""
    return f"{unit} {rest}".strip() if rest and not rest[0].isupper() else unit


def _purchase(subject: str | None, verb: str | None, thing: str) -> str:
    """'Brazilian purchases of jets' for 'Brazil purchased ... jets'; the ``thing`` alone without a subject."""
    return f"{_adjective(subject)} {_PURCHASE_NOUNS[verb]} of {thing}" if subject and verb in _PURCHASE_NOUNS else thing


def _tail_subject(tail: re.Pattern, core: str, core_from: int) -> tuple[re.Match | None, str | None]:
    """Clause-final ``tail`` in ``core`` and the subject of the clause it ends (None when it has none)."""
    m = _clause_search(tail, core, core_from)
    return m, _clause_subject(_clause(core, m)) if m else None


def _after_barrier(text: str) -> int:
    """Where the run of letters and blanks that ends ``text`` starts: just after its last ``BARRIER`` char.

    A pattern that matches only letters and blanks and is anchored at the end of ``text`` (``...\\s*$``)
    cannot match before that point, so searching from there gives the same match, in time that
    does not grow with the words before it.
    """
    return _last_match_end(_P["BARRIER"], text)


def _last_match_end(pattern: re.Pattern, text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (0 when none), read from the end.

    For patterns whose matches never overlap (single marks, or whole words between word boundaries):
    the last match of a scan from any offset is the last of the whole text once the scan finds one,
    so windows from the end, widened until one does, keep long sentences linear.
    """
    size = 256
    while True:
        start = max(0, len(text) - size)
        last = None
        for last in pattern.finditer(text, start):
            pass
        if last is not None:
            return last.end()
        if start == 0:
            return 0
        size *= 4


def _clause_search(tail: re.Pattern, core: str, core_from: int) -> re.Match | None:
    """The first match of clause-final ``tail`` in ``core``, in time linear in ``core`` (see :func:`_clause`).

    ``core_from`` is ``_after_barrier(core)``. Searching '(?P<clause>[^,;:]*?)' + tail the plain way would
    try every start and every clause length: quadratic in the words before a figure when it fails.
    """
    ending = _ENDINGS.get(tail)
    if ending is not None:
        if not ending.search(core, max(0, len(core.rstrip()) - 6)):
            return None
        return tail.search(core)
    return tail.search(core, core_from)  # tails of letters and blanks only


def _clause(core: str, tail: re.Match) -> str:
    """The clause that ``tail`` ends: a tail cannot start before the last ',', ';' or ':', so it runs from there."""
    return core[max(core.rfind(","), core.rfind(";"), core.rfind(":")) + 1:tail.start()]


def _clause_subject(clause: str) -> str | None:
    """The subject of a clause that ends right before its verb ('Next year Brazil's imports from Chile')."""
    text = clause[_last_match_end(_P["BOUNDARY"], clause):]
    previous = None
    while previous != text:
        previous = text
        text = _P["LEADING_TIME"].sub("", text)
        text = re.sub(r"^\s*(?:and|but|so|then|yet)\s+", "", text, flags=re.I)
    text = re.sub(r"\s+(?:last|this|next)\s+(?:year|month|week|quarter)\s*$", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:\s+(?:could|would|will|may|might|should|can|must|is expected to|are expected to))?"
                  r"(?:\s+(?:had|has|have|been|being|also|reportedly|still|already))?$", "", text)
    if re.search(r"\s(?:and|or)\s+(?:was|were|is|are|has been|have been)$", text):
        return None  # 'sells its systems in 19 countries and was [valued at]': a second predicate, no subject
    text = re.sub(r"\s+(?:is|are|was|were)$", "", text)  # 'the relief is [worth]'
    words = text.split()
    if not words or len(words) > 9 or words[0].lower() in _NP_STOP or not words[0][0].isalpha():
        return None
    return None if words[0].lower() == "the" and len(words) == 1 else text


def _noun_phrase_before(text: str) -> str | None:
    """The noun phrase that ends ``text``: 'to improve road links between X and Y' -> 'road links ...'."""
    def in_phrase(word: str) -> bool:
        return word.lower() not in _NP_STOP and bool(re.fullmatch(r"[\w'’.-]+", word))

    kept = list(islice(takewhile(in_phrase, reversed(text.split())), 10))[::-1]  # its last ten words at most
    return " ".join(dropwhile(lambda word: word.lower() in _LEADING_VERBS, kept)) or None


def _adjective(name: str) -> str:
    """'Brazil' -> 'Brazilian', 'the US' -> 'US', 'Orion' -> 'Orion': a name used before a noun."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if bare.replace(".", "").isupper():
        return bare
    return ref.DEMONYM_BY_NAME.get(bare.lower(), bare)


def _subject_phrase(subject: str) -> str:
    """A clause's subject as a measure: without its article ('The rate' -> 'rate'), a country's possessive as its
    adjective."""
    return _possessive_to_adjective(re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.I))


def _possessive_to_adjective(phrase: str) -> str:
    """"Brazil's recorded imports" -> "Brazilian recorded imports" when the owner is a country."""
    m = re.match(r"([A-Z][\w]*(?:\s+[A-Z][\w]*)*)['’]s\s+(.+)", phrase)
    if m and m.group(1).lower() in ref.DEMONYM_BY_NAME:
        return f"{ref.DEMONYM_BY_NAME[m.group(1).lower()]} {m.group(2)}"
    return phrase


# --- date and source -----------------------------------------------------------------------------------------

def dates_by_sentence(dates: tuple[DateMention, ...]) -> dict[int, tuple[str, list[tuple[int, str]]]]:
    """For each sentence, by index: the value of its first dated mention (by the mention's first evidence),
    and the (start, value) of every dated mention in it, in text order."""
    found: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    for mention in dates:
        if mention.value and mention.evidence:
            found.setdefault(mention.evidence[0].sentence, (mention.value, []))
            for evidence in mention.evidence:
                found.setdefault(evidence.sentence, (mention.value, []))[1].append((evidence.start, mention.value))
    return {index: (first, sorted(dated)) for index, (first, dated) in found.items()}


def _date_right_after(doc: Document, sentence: Sentence, quantity, sentence_dates: dict) -> tuple[int, str] | None:
    """The (start, value) of the date right after a figure ('4.1% in April', '$3 million last year')."""
    return next(((start, value) for start, value in sentence_dates.get(sentence.index, ("", ()))[1]
                 if start >= quantity.end and _P["DATE_RIGHT_AFTER"].fullmatch(doc.text, quantity.end, start)), None)


def _figure_date(doc: Document, sentence: Sentence, quantity, sentence_dates: dict, own_dates: dict) -> str | None:
    """The date of a figure: the date right after it, else its sentence's first date unless that is a later
    figure's own ('9.1 million voters, up from 8.6 million in 2021': 2021 is the second's only), the date of a
    founding ('Orvane Bank, founded in 2009, has 1,100 employees') or one in a relative clause after the figure
    ('600 firemen fought the fire, which began on Saturday')."""
    if sentence.index in sentence_dates:
        if own_dates[quantity.end]:
            return own_dates[quantity.end][1]
        dated = [(start, value) for start, value in sentence_dates[sentence.index][1]
                 if not _P["FOUNDING_BEFORE"].search(doc.text, max(0, start - 40), start)
                 and not (start > quantity.end and _P["RELATIVE_BETWEEN"].search(doc.text, quantity.end, start))]
        if not dated:
            return None
        first = dated[0][1]
        later_own = {d for d in own_dates.values() if d and d[0] > quantity.end}
        return None if all(d in later_own for d in dated if d[1] == first) else first
    if doc.published and _P["CURRENT"].search(sentence.text):
        return str(doc.published.year)
    return None


def _source(sentence: str, actors: tuple[Actor, ...]) -> str | None:
    m = _P["ACCORDING"].search(sentence) or _P["SAID"].search(sentence) or _P["SAID_FIRST"].match(sentence)
    if not m:
        return None
    name = re.sub(r"^the\s+", "", m.groupdict().get("name") or m.group("noun")).strip(" .")
    short = m.groupdict().get("short")
    for actor in actors:
        names = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        if name.lower() in names or (short and short.lower() in names):
            return actor.name
    if m.groupdict().get("noun"):
        # 'The council said': the one body the article names with that word
        bodies = {a.name for a in actors if a.type == "organization" and name.lower() in a.name.lower().split()}
        if len(bodies) == 1:
            return bodies.pop()
    return name
