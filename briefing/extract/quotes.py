"""Quotes: direct and reported speech, with the speaker resolved to an actor."""
from __future__ import annotations

from ..model import Actor, DateMention, Document, Quote


def find_quotes(doc: Document, *, actors: tuple[Actor, ...], dates: tuple[DateMention, ...]) -> tuple[Quote, ...]:
    """Find the quotes of ``doc``. (First version: none yet.)"""
    return ()
