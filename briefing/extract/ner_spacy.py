"""Names from a spaCy pipeline instead of the built-in finder (``ner="spacy:<model>"``).

spaCy is imported only here, so the default finder stays fast. The pipeline's PERSON, ORG,
GPE, NORP, LOC and FAC entities become :class:`~briefing.extract.actors_mentions.Mention`
objects and then go through the same grouping, role and affiliation steps as built-in ones.
"""
from __future__ import annotations

import functools
import re

from .. import reference as ref
from ..model import Document
from .actors_mentions import COUNTRY, CUE, KNOWN, ORGANIZATION, PERSON, PLACE, Mention

_LABEL_TYPES = {"PERSON": PERSON, "PER": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE,
                "FAC": PLACE, "NORP": COUNTRY}
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|to|into|across)\s+(?:the\s+)?$", re.I)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")


class NerModelError(RuntimeError):
    """The spaCy pipeline asked for cannot be loaded."""


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str):
    """Load a spaCy pipeline by package name or path (once per process); NerModelError when spaCy
    or the model is missing."""
    try:
        import spacy
    except ImportError as err:
        raise NerModelError(
            "the spaCy actor finder needs spaCy: install it with `pip install 'briefing[spacy]'`, "
            "or use --ner builtin") from err
    try:
        return spacy.load(model)
    except OSError as err:
        raise NerModelError(
            f"cannot load the spaCy model {model!r}: install it (`python -m spacy download {model}`) "
            f"or give the path of a saved pipeline (--ner spacy:/path/to/model); "
            f"--ner builtin needs no model") from err


def spacy_mentions(doc: Document, model: str) -> tuple[list[Mention], list[Mention]]:
    """The body and title mentions that the spaCy pipeline ``model`` finds in ``doc``."""
    nlp = load_pipeline(model)
    body = _mentions(doc.text, nlp(doc.text), in_title=False)
    title = _mentions(doc.article.title, nlp(doc.article.title), in_title=True)
    return body, title


def _mentions(text: str, parsed, *, in_title: bool) -> list[Mention]:
    found = []
    for ent in parsed.ents:
        type_ = _LABEL_TYPES.get(ent.label_)
        if type_ is None:
            continue
        start, end = ent.start_char, ent.end_char
        lead = _LEADING_THE.match(text, start, end)
        if lead:
            start = lead.end()
        possessive = _TRAILING_POSSESSIVE.search(text, start, end)
        if possessive and possessive.start() > start:
            end = possessive.start()
        surface = text[start:end]
        if not surface.strip():
            continue
        form = ref.country_form(surface)
        locative = bool(_LOCATIVE_BEFORE.search(text, max(0, start - 20), start))
        if form is not None and type_ in (PLACE, COUNTRY, ORGANIZATION):
            found.append(Mention(surface, start, end, COUNTRY, KNOWN, in_title=in_title, country=form.country,
                                 locative=locative))
        elif type_ != COUNTRY:
            found.append(Mention(surface, start, end, type_, CUE, in_title=in_title, locative=locative))
    return found
