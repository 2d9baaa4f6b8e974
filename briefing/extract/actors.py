"""Actors: the people, organisations, countries and places an article names."""
from __future__ import annotations

from ..model import Actor, Document


def find_actors(doc: Document, *, ner: str = "builtin") -> tuple[Actor, ...]:
    """Find the actors of ``doc``. (First version: none yet.)"""
    return ()
