"""Property tests: any article, however odd, goes through the whole extraction.

Random unicode, quotation marks, digits, capitalised words and mutated copies of an
invented news paragraph, prepared the way the loader prepares a body. For each: no crash,
every evidence offset inside the body and on a real sentence, and every date, figure and
quote has the text that the body holds at its offsets.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.extract import extract
from briefing.load import normalise_body
from briefing.model import Article
from briefing.sentences import segment

PARAGRAPH = (
    "The Northern Rail Authority and the city of Vellmoor on Tuesday signed a $1.2 billion agreement to "
    "rebuild the coastal line by 2027, officials said. \"This is the biggest investment in a generation,\" "
    "said Mayor Olga Trent, who led the talks. Transport minister Rafael Duro told the Harbour Gazette that "
    "about 40% of the cost would come from federal funds. Unions said last week the plan was 'too little, "
    "too late', and on 3 March 2021 they threatened a strike.\n"
    "Analysts at Kestrel Bank estimated that ticket sales could rise to 12 million a year, up from 9.5 "
    "million in 2019. Critics, including Sen. Mara Hollis, said the deal would be signed \"over our "
    "objections\"."
)
PIECES = st.sampled_from([
    "\"", "“", "”", "'", "‘", "’", "«", "»", "(", ")", ".", ",", ";", ":", "!", "?", "…", "-", "–", "—",
    "$", "€", "£", "%", "\n", " ", "  ", "Mr.", "U.S.", "Jan.", "said", "told", "on Monday", "last year",
    "in 2019", "March", "million", "billion", "per cent", "agreement", "signed", "the", "of", "and",
])
CAPITALISED = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
DIGITS = st.from_regex(r"\d{1,4}([.,]\d{1,3})?", fullmatch=True)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
TOKENS = st.one_of(PIECES, CAPITALISED, DIGITS, ANY_TEXT)


@st.composite
def token_articles(draw) -> str:
    return " ".join(draw(st.lists(TOKENS, min_size=1, max_size=80)))


@st.composite
def mutated_paragraphs(draw) -> str:
    text = PARAGRAPH
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            text = text[:start] + draw(TOKENS) + text[start:]
        elif action == "replace":
            text = text[:start] + draw(TOKENS) + text[end:]
        else:
            text = text[:end] + text[start:end] + text[end:]
    return text


# Shapes of real news copy, with invented names: each is a template filled from the pools below.
NAMES = st.sampled_from(["Jane Doe", "Lin Wei", "Omar Haddad", "Zofia Brak", "Tunde Ade", "Priya Raman", "Doe",
                         "Haddad", "Wei", "J. R. Tolkov", "Ana de la Fuente"])
PLACES = st.sampled_from(["Vellmoor", "Port Esk", "Kestrel Bay", "Xland", "Ostravia", "Phoenix", "Lagos"])
STATES = st.sampled_from(["Ariz.", "Calif.", "N.Y.", "Ont.", "Wis.", "NSW"])
ORGS = st.sampled_from(["Acme Corp", "the Northern Rail Authority", "Globex Holdings Ltd", "Kestrel Bank",
                        "the Harbour Gazette", "Southern Energy Authority (SEA)"])
SUFFIXES = st.sampled_from(["Jr.", "Sr.", "II", "III", "Jr", "Sr"])
SHAPES = st.sampled_from([
    "{PLACE}, {STATE} — {NAME} said the talks had failed.",
    "In {PLACE}, {NAME} said the talks had failed.",
    "{ORG}, based in {PLACE}, {STATE}, and founded in 1990, employs 300 people.",
    "{NAME} {SUFFIX} was born in {PLACE}. {SURNAME} led the march.",
    "{SUFFIX} {NAME}",
    "{SUFFIX}",
    "{PLACE}, {STATE},",
    "{INITIALS} {SURNAME} told {ORG}.",
    "HEAVY LOSSES",
    "TRADE WAR: {ORG} HITS BACK",
    "By {NAME}, {ORG}",
    "({NAME} reporting; Editing by {NAME})",
    "- {ORG}: 12 points\n- {PLACE}: 9 points",
    "1. {NAME} ({PLACE}) 2:04:11\n2. {NAME} ({PLACE}) 2:04:59",
    "{PLACE} 3 {PLACE} 1\n{PLACE} 0 {PLACE} 0 (abandoned)",
    "Team\tP\tW\tD\tL\tPts\n{PLACE}\t10\t7\t2\t1\t23",
    "{SURNAME_UPPER}: We will not sign. {NAME_UPPER}: Why not?",
    "Q: Will {ORG} sign? A: {SURNAME}: \"Not this year.\"",
    "{PLACE}, {PLACE} (Reuters) - {ORG} said on Monday it would buy {ORG} for $2bn.",
    "\"We agreed,\" {SURNAME} said. \"It holds.\"",
    "{NAME}, {ORG}'s chief executive, said revenue rose 4%.",
    "MINISTER {NAME_UPPER}: Thank you.\n[CROSSTALK]\nMODERATOR: Next question. (LAUGHTER)",
    "| Party | Votes | Seats |\n|---|---|---|\n| {ORG} | 1,204 | 3 |",
    "{NAME} ({ORG}) and {NAME} (SEA) spoke.",
])


@st.composite
def news_shapes(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 6))):
        name = draw(NAMES)
        surname = name.split()[-1]
        pieces.append(draw(SHAPES).format(
            PLACE=draw(PLACES), STATE=draw(STATES), NAME=name, SURNAME=surname, ORG=draw(ORGS),
            SUFFIX=draw(SUFFIXES), INITIALS=draw(st.sampled_from(["J.", "J. R.", "A.B.", "M"])),
            SURNAME_UPPER=surname.upper(), NAME_UPPER=name.upper()))
    return draw(st.sampled_from(["\n", " ", "\n\n"])).join(pieces)


def loaded_body(text: str) -> str:
    """The body as the loader would hand it over: NFC, one paragraph per line."""
    return normalise_body(unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))


def evidence_of(value, found):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "evidence":
                found.extend(item)
            else:
                evidence_of(item, found)
    elif isinstance(value, list):
        for item in value:
            evidence_of(item, found)
    return found


def check_article(text: str) -> None:
    body = loaded_body(text)
    article = Article(id="property", title="Property test", published=dt.date(2021, 3, 9), body=body,
                      path="property.txt")
    doc = segment(article)
    brief = extract(doc).as_dict()
    assert brief["failed_stages"] == [], brief["warnings"]
    for evidence in evidence_of({k: v for k, v in brief.items() if k != "sentences"}, []):
        assert 0 <= evidence["start"] <= evidence["end"] <= len(body), evidence
        assert 0 <= evidence["sentence"] < max(1, len(doc.sentences)), evidence
    for category in ("dates", "figures", "quotes"):
        for item in brief[category]:
            if item.get("text") and item["evidence"]:
                first = item["evidence"][0]
                assert body[first["start"]:first["end"]] == item["text"], (category, item)


PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(token_articles())
def test_random_articles(text):
    check_article(text)


@PROPERTY_SETTINGS
@given(mutated_paragraphs())
def test_mutated_news_paragraphs(text):
    check_article(text)


@PROPERTY_SETTINGS
@given(news_shapes())
def test_real_news_shapes(text):
    check_article(text)


@PROPERTY_SETTINGS
@given(ANY_TEXT)
def test_random_unicode(text):
    check_article(text)


def test_the_invented_paragraph_itself():
    check_article(PARAGRAPH)
