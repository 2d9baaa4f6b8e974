"""Helpers for extractor tests: a one-sentence (or few-sentence) article as a Document."""
from __future__ import annotations

import datetime as dt

from briefing.model import Article, Document
from briefing.sentences import segment


def make_doc(body: str, *, published: dt.date | None = dt.date(2014, 11, 21), title: str = "Test article") -> Document:
    article = Article(id="test", title=title, published=published, body=body, path="test.txt")
    return segment(article)
