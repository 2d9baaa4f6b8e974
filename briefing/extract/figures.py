"""Figures: amounts of money, percentages and counted things."""
from __future__ import annotations

from ..model import Actor, DateMention, Document, Figure


def find_figures(doc: Document, *, dates: tuple[DateMention, ...], actors: tuple[Actor, ...]) -> tuple[Figure, ...]:
    """Find the figures of ``doc``. (First version: none yet.)"""
    return ()
