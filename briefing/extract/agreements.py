"""Agreements: deals, accords, treaties and the like, with parties, status and date."""
from __future__ import annotations

from ..model import Actor, Agreement, DateMention, Document


def find_agreements(doc: Document, *, actors: tuple[Actor, ...], dates: tuple[DateMention, ...]) -> tuple[Agreement, ...]:
    """Find the agreements of ``doc``. (First version: none yet.)"""
    return ()
