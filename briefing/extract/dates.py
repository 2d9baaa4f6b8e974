"""Dates: absolute and relative date expressions, resolved against the publication date."""
from __future__ import annotations

from ..model import DateMention, Document


def find_dates(doc: Document) -> tuple[DateMention, ...]:
    """Find the date expressions of ``doc``. (First version: none yet.)"""
    return ()
