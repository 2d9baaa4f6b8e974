"""What a figure measures, when, and on whose word: read from the figure's sentence by general rules.

``measure`` is a short noun phrase: the subject of 'stood at / was / reached / totalled', the
antecedent of ', which stood at', '<subject> purchases of Y' for '<subject> purchased $N worth of Y',
'rise in X' for 'X rose 5%', the noun a money amount qualifies ('a $27 million rail contract'),
'<things> approved for delivery to Z' for 'approved the delivery of N things to Z', or the label of a
wire-service table line ('Shr' -> 'earnings per share'). ``date`` is the value of a date mention in the
same sentence (or the publication year for 'currently'); ``source`` whom the sentence credits
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
_LEVEL_VERBS = "(?:" + lexicon.alternation(lexicon.phrases("figures_level_verbs.txt"), exact=True) + ")"


def _directions(name: str) -> dict[str, str]:
    """form -> 'rise' | 'fall', from data file ``name`` (direction | forms)."""
    return {form: direction for direction, forms in lexicon.rows(name) for form in forms.split()}


_DIRECTION = _directions("figures_change_verbs.txt")
_ADVERBS = r"(?:\s+(?:currently|now|already|still|only|just|roughly|about|around|reportedly|then|also|nearly|almost))*"
_LEVEL_TAIL = _ADVERBS + r"\s+" + _LEVEL_VERBS + r"(?:\s+at)?" + _ADVERBS + r"\s*$"
_RELATIVE_LEVEL = re.compile(r"(?P<np>[^,]+),\s+which" + _LEVEL_TAIL)
_RELATIVE_LEVEL_TAIL = re.compile(r",\s+which" + _LEVEL_TAIL)
_APPOSED_VALUE = re.compile(r"(?P<clause>[^,;:]+),\s+(?:valued|estimated|put|worth)(?:\s+at)?\s*$")
_VALUED_TAIL = re.compile(r",\s+(?:valued|estimated|put|worth)(?:\s+at)?\s*$")  # how _APPOSED_VALUE, _CLAUSE_VALUED end
# Clause-final patterns: the clause before one runs from the sentence's last ',', ';' or ':' (see _clause_search).
_THING_WORTH = re.compile(r"\s+(?P<verb>" + "|".join(_PURCHASE_NOUNS) + r")\s+"
                          r"(?P<thing>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+worth\s*$")
_CLAUSE_VALUED = re.compile(r"(?P<clause>[^,]+?)\s+(?:was|were|is|are)\b[^,]*,\s+(?:valued|estimated|put|worth)"
                            r"(?:\s+at)?\s*$")
_LEVEL = re.compile(_LEVEL_TAIL)
_CHANGE = re.compile(r"\s+(?P<verb>[a-z]+)(?:\s+by)?\s*$")
_RAISED = _directions("figures_transitive_change_verbs.txt")
_RAISED_BY = re.compile(r"\s(?P<verb>" + "|".join(sorted(_RAISED)) + r")\s+(?:(?:its|their|the|his|her)\s+)?"
                        r"(?P<object>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+by\s*$")
_CHANGED_TO = re.compile(r"\s+(?P<verb>" + "|".join(sorted(_DIRECTION)) + r")\s[^,;:]*?\bto\s*$")
_SUBJECT_VERB = re.compile(r"\s+(?P<verb>[a-z]+)\s*$")
# their endings, checked first, as searching those two is slow
_ENDINGS = {_CHANGED_TO: re.compile(r"\bto\s*$"), _THING_WORTH: re.compile(r"\sworth\s*$")}
# printable ASCII that is neither a letter nor a blank: no pattern made of words and blanks matches it
_BARRIER = re.compile(r"[!-@\[-`{-~]")
_DETERMINER_END = re.compile(r"(?:^|\s)(?:a|an|the|its|their|his|her)\s*$", re.I)
_APPROX_TAIL = re.compile(r"(?:\s*(?:" + lexicon.alternation(ref.APPROXIMATORS) + r"|a mere|only|just|a record"
                          r"|a total of|an? |the))+\s*$", re.I)
_BOUNDARY = re.compile(r"[,;:(\"“”]|\b(?:that|which|who|while|whereas|but|because|as|after|before|when|"
                       + lexicon.alternation(lexicon.REPORTING_TENSED) +
                       r"|according to)\b", re.I)
_LEADING_TIME = re.compile(
    r"^\s*(?:(?:last|this|next|past)\s+(?:year|month|week|quarter)|in\s+\d{4}|in\s+[A-Z][a-z]+|on\s+[A-Z][a-z]+day"
    r"|(?:also|meanwhile|however|overall|then|so far),?)\s*", re.I)
_LEADING_VERBS = lexicon.words("figures_leading_verbs.txt")
_NP_STOP = lexicon.words("figures_np_stop_words.txt") | lexicon.REPORTING_TENSED
_NP_WORD = r"[A-Za-z][\w'’-]*(?:\.(?=\w)[\w'’-]*)*"
_NOUN_PHRASE_AFTER = re.compile(r"\s+((?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)(?=\s+(?:to|for|in|on|of|at|from"
                                r"|by|with|that|which|and|was|is|were|are|has|had|will|would)\b|[\s]*[,.;:)!?\"”]|\s*$)")
# 'want their $2.3 billion back': an adverb after the amount is not what it pays for
_PARTICLES = frozenset("back up down out off away again now too so there here today yesterday tomorrow".split())
# 'the €1.05bn analysts had expected': the noun is the subject of a relative clause, not the thing costed
_REDUCED_RELATIVE = re.compile(r"\s+(?:had|have|has)?\s*(?:expected|forecast|predicted|estimated|projected"
                               r"|anticipated|sought|wanted|demanded|requested)\b")
_WORTH_OF = re.compile(r"^\s*worth\s+of\s+(" + _NP_WORD + r"(?:\s+" + _NP_WORD + r"){0,3}?)(?=\s*(?:[,.;:)\-–—]|$"
                       r"|\s+(?:to|from|in|for|and|by|last|this|during|according)\b))", re.I)
_WORTH_ELLIPSIS = re.compile(r"^\s*worth\s+(?:that\s+|which\s+)?(?:it|they|he|she|we)\s+(\w+)\s+from\s+"
                             r"((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")
_DELIVERY = re.compile(r"(?P<verb>[a-z]+ed)\s+(?:the\s+)?(?P<noun>[a-z]+)\s+of\s+$")
_DESTINATION = re.compile(r"^\s+(?P<prep>to|from|for)\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
#: A wire-service table line's label -> (what its figures measure, their kind): 'Shr' -> ('earnings per share', ...)
WIRE_LABELS = {label.lower(): (measure, kind) for label, measure, kind in lexicon.rows("figures_wire_labels.txt")}
WIRE_LINE = re.compile(r"\s*(" + lexicon.alternation(WIRE_LABELS, exact=True) + r")\b", re.I)
WIRE_FILLER = re.compile(r"(?:[\d.,$%\s]|\b(?:vs|mln|bln|billion|million|dlrs?|cts|pct|stg|loss|profit|shr)\b)*",
                         re.I)
_ACCORDING = re.compile(r"according to\s+(?:(?:the\s+)?(?:latest\s+)?(?:data|figures|estimates|statistics"
                        r"|a report|a study|a survey|research)\s+(?:from|by|of)\s+)?"
                        r"(?P<name>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of|for|and|on|&|[A-Z][\w&.'’-]*))*)"
                        r"(?:\s+\((?P<short>[A-Z][\w&.-]+)\))?")
_ESTIMATE_VERBS = frozenset({"estimated", "estimates"})  # the source of a figure, not of words
_CREDITED = r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+"
_CREDITING = r"(?:" + lexicon.alternation(lexicon.REPORTING_TENSED | _ESTIMATE_VERBS) + r")\b"
_SAID = re.compile(r"(?:[,\"”]|\bsaid)\s*(?:the\s+)?" + _CREDITED + _CREDITING + r"[^,]*[.!?\"”]?\s*$")
# 'Police said 68 people ...', 'The ministry estimates ...': a sentence that opens with whose word it is
_SAID_FIRST = re.compile(r"\s*(?:(?:[Tt]he\s+)?" + _CREDITED + r"|[Tt]he\s+(?P<noun>[a-z]+)\s+)" + _CREDITING)
_CURRENT = re.compile(r"\b(?:currently|at present|presently)\b", re.I)


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
            date=_figure_date(doc, sentence, quantity, sentence_dates),
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
    approx = _APPROX_TAIL.search(left, left_from)  # what _APPROX_TAIL.sub("", left) removes: its one match
    core = left[:approx.start()] + left[approx.end():] if approx else left
    core_from = _after_barrier(core)
    worth = _WORTH_OF.match(right)
    if worth:
        verb, subject = _tail_subject(_SUBJECT_VERB, core, core_from)
        thing = worth.group(1)
        return _purchase(subject, verb and verb.group("verb"), thing), _Reading(subject, thing)
    ellipsis = _WORTH_ELLIPSIS.match(right)
    if ellipsis and reading.subject and ellipsis.group(1) in _PURCHASE_NOUNS:
        place = ellipsis.group(2)
        place = place[:-1] if place.endswith(".") and place.count(".") == 1 else place  # the sentence's full stop
        origin = _adjective(place)
        thing = reading.thing or ""
        words = thing.split()
        if words and _is_adjective_of_place(words[0]):
            thing = " ".join([origin, *words[1:]])
        else:
            thing = f"{thing} from {place}".strip()
        return _purchase(reading.subject, ellipsis.group(1), thing), reading
    if quantity.kind == "count":
        delivery = _DELIVERY.search(left, left_from)
        destination = _DESTINATION.match(right)
        if delivery and destination:
            head = quantity.unit.split()[-1]
            return (f"{head} {delivery.group('verb')} for {delivery.group('noun')} {destination.group('prep')} "
                    f"{destination.group('place')}"), reading
        return _counted_measure(quantity.unit, right), reading
    relative = _RELATIVE_LEVEL.search(core) if "," in core and _RELATIVE_LEVEL_TAIL.search(core) else None
    if relative:
        phrase = _noun_phrase_before(relative.group("np"))
        if phrase:
            return phrase, _Reading(phrase)
    # '<thing> worth', ', valued at' and 'changed ... to' end in different words: at most one of them matches
    worth_after, subject = _tail_subject(_THING_WORTH, core, core_from)
    if worth_after:
        thing = worth_after.group("thing")
        return _purchase(subject, worth_after.group("verb"), thing), _Reading(subject, thing)
    valued_tail = "," in core and _VALUED_TAIL.search(core)
    apposed = _APPOSED_VALUE.search(core) if valued_tail else None
    if apposed:
        subject = _clause_subject(apposed.group("clause"))
        if subject and not re.search(r"\s(?:was|were|is|are)\b", subject):
            return _possessive_to_adjective(re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.I)), _Reading(subject)
    valued = _CLAUSE_VALUED.search(core) if valued_tail else None
    subject = (_tail_subject(_CHANGED_TO, core, core_from)[1] or valued and _clause_subject(valued.group("clause"))
               or _tail_subject(_LEVEL, core, core_from)[1])
    if subject:
        return _possessive_to_adjective(subject), _Reading(subject)
    change, subject = _tail_subject(_CHANGE, core, core_from)
    if subject and change.group("verb") in _DIRECTION:
        return f"{_DIRECTION[change.group('verb')]} in {_possessive_to_adjective(subject)}", _Reading(subject)
    raised = _RAISED_BY.search(core, core_from)
    if raised and raised.group("object").split()[-1] not in _FUNCTION_WORDS:
        return f"{_RAISED[raised.group('verb')]} in {raised.group('object')}", reading  # 'raised rates by 50 points'
    if _DETERMINER_END.search(left, left_from):
        noun = _NOUN_PHRASE_AFTER.match(right)
        if noun and not re.match(r"\s*(?:to|for|in|on|of|at|from|by|with|and)\b", right) \
                and noun.group(1).split()[-1].lower() not in _PARTICLES \
                and not _REDUCED_RELATIVE.match(right, noun.end()):
            return noun.group(1), reading
    share = (_SHARE_OF if quantity.kind == "percent" else _SPENT_ON if quantity.kind == "money" else None)
    share = share.match(right) if share else None
    if share:  # '90 percent of tariffs on goods', '$25 million in aid'
        return _phrase(share.group(1)), reading
    named = _NOUN_OF.search(core, core_from)
    if named:  # 'at a cost of $5 million', 'fines of nearly $2,000'
        return _phrase(named.group(1).split()[-1]), reading
    return None, reading


_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([^,;:()\"“”—–]+)")
_SPENT_ON = re.compile(r"\s+(?:in|of|on)\s+(?!(?:the|a|an|this|that|its|their)\b)([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")
_NOUN_OF = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
                      r"((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+of\s*$")
_PHRASE_END = re.compile(r"(?:^|\s)(?:and|or|but|while|whereas|because|as|after|before|when|than|since|if|according"
                         r"|" + lexicon.alternation(lexicon.REPORTING_TENSED) + r")\b|[\d,;:()\"“”—–.!?]")
_FUNCTION_WORDS = lexicon.words("english_function_words.txt") - {"year", "years", "new"} | {"nearly", "may", "might"}
_LEADING_AUXILIARY = re.compile(r"^(?:(?:who|that|which|were|was|are|is|have|has|had|been|being|reportedly"
                                r"|already|also|still|now|currently|all)\s+)+", re.I)


def _phrase(text: str, words: int = 7) -> str | None:
    """A short phrase: ``text`` up to a clause boundary, at most ``words`` words, without function words at its end."""
    stop = _PHRASE_END.search(text)
    kept = text[:stop.start() if stop else len(text)].split()[:words]
    while kept and kept[-1].lower() in _FUNCTION_WORDS:
        kept.pop()
    return " ".join(kept) or None


def _counted_measure(unit: str, right: str) -> str:
    """What a count counts: the thing with what the sentence says of it ('people missing', 'suspected users')."""
    if re.match(r"\s*(?:out\s+)?of\b", right):
        return unit  # 'two of them', '80 of the ballots': the thing is named after 'of'
    rest = _phrase(_LEADING_AUXILIARY.sub("", right.strip()), words=5) or ""
    return f"{unit} {rest}".strip() if rest and not rest[0].isupper() else unit


def _purchase(subject: str | None, verb: str | None, thing: str) -> str:
    """'Brazilian purchases of jets' for 'Brazil purchased ... jets'; the ``thing`` alone without a subject."""
    return f"{_adjective(subject)} {_PURCHASE_NOUNS[verb]} of {thing}" if subject and verb in _PURCHASE_NOUNS else thing


def _tail_subject(tail: re.Pattern, core: str, core_from: int) -> tuple[re.Match | None, str | None]:
    """Clause-final ``tail`` in ``core`` and the subject of the clause it ends (None when it has none)."""
    m = _clause_search(tail, core, core_from)
    return m, _clause_subject(_clause(core, m)) if m else None


def _after_barrier(text: str) -> int:
    """Where the run of letters and blanks that ends ``text`` starts: just after its last ``_BARRIER`` char.

    A pattern that matches only letters and blanks and is anchored at the end of ``text`` (``...\\s*$``)
    cannot match before that point, so searching from there gives the same match, in time that
    does not grow with the words before it.
    """
    return _last_match_end(_BARRIER, text)


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
    text = clause[_last_match_end(_BOUNDARY, clause):]
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_TIME.sub("", text)
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


def _possessive_to_adjective(phrase: str) -> str:
    """"Brazil's recorded imports" -> "Brazilian recorded imports" when the owner is a country."""
    m = re.match(r"([A-Z][\w]*(?:\s+[A-Z][\w]*)*)['’]s\s+(.+)", phrase)
    if m and m.group(1).lower() in ref.DEMONYM_BY_NAME:
        return f"{ref.DEMONYM_BY_NAME[m.group(1).lower()]} {m.group(2)}"
    return phrase


def _is_adjective_of_place(word: str) -> bool:
    return word.lower() in ref.COUNTRY_BY_WORD and word[0].isupper()


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


def _figure_date(doc: Document, sentence: Sentence, quantity, sentence_dates: dict) -> str | None:
    """The date of a figure: the date right after it ('4.1% in April'), else its sentence's first date."""
    if sentence.index in sentence_dates:
        first, dated = sentence_dates[sentence.index]
        return next((value for start, value in dated if start >= quantity.end
                     and _DATE_RIGHT_AFTER.fullmatch(doc.text, quantity.end, start)), first)
    if doc.published and _CURRENT.search(sentence.text):
        return str(doc.published.year)
    return None


_DATE_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:in|on|for|during|as\s+of|by)\s+(?:the\s+)?")


def _source(sentence: str, actors: tuple[Actor, ...]) -> str | None:
    m = _ACCORDING.search(sentence) or _SAID.search(sentence) or _SAID_FIRST.match(sentence)
    if not m:
        return None
    name = re.sub(r"^the\s+", "", m.groupdict().get("name") or m.group("noun")).strip(" .")
    short = m.groupdict().get("short")
    for actor in actors:
        names = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        if name.lower() in names or (short and short.lower() in names):
            return actor.name
    return name
