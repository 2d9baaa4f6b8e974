"""The extraction stages and their registry.

Each stage is a pure function over a :class:`~briefing.model.Document`; it declares the
results of earlier stages it needs and the field of the brief it adds. ``extract`` builds the
article's text layer (:class:`~briefing.extract.text.ArticleText`: sentences, tokens, name key)
once, runs the stages over it in order and assembles the :class:`~briefing.model.Brief`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..model import Brief, Document, Source
from .actors import find_actors
from .agreements import find_agreements
from .dates import find_dates
from .figures import find_figures
from .quotes import find_quotes, find_reported_speech
from .text import ArticleText


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    adds: str
    run: Callable[..., tuple]
    english_only: bool = False  # reads English names and verbs: skipped on non-English text


STAGES: tuple[Stage, ...] = (
    Stage("dates", needs=(), adds="dates", run=find_dates),
    Stage("actors", needs=(), adds="actors", run=find_actors, english_only=True),
    Stage("figures", needs=("dates", "actors"), adds="figures", run=find_figures),
    Stage("quotes", needs=("actors", "dates"), adds="quotes", run=find_quotes, english_only=True),
    Stage("reported_speech", needs=("actors", "dates"), adds="reported_speech", run=find_reported_speech,
          english_only=True),
    Stage("agreements", needs=("actors", "dates"), adds="agreements", run=find_agreements,
          english_only=True),
)


@dataclass(frozen=True)
class ExtractOptions:
    """Options for the stages: ``ner`` picks the actor finder (``builtin`` or ``spacy:<model>``)."""

    ner: str = "builtin"


def extract(doc: Document, options: ExtractOptions = ExtractOptions()) -> Brief:
    """Run every stage over ``doc`` and assemble its brief.

    A stage that raises loses only its own items: the failure is named in the brief's ``failed_stages`` and ``warnings``
    (the pipeline reports it as an error), and the stages that need its items get none.
    """
    doc = ArticleText.of(doc)
    found: dict[str, Any] = {}
    failures: list[str] = []
    for stage in STAGES:
        found[stage.adds] = ()
        if stage.english_only and not doc.article.english:
            continue
        inputs = {need: found[need] for need in stage.needs}
        extra = {"ner": options.ner} if stage.name == "actors" else {}
        try:
            found[stage.adds] = tuple(stage.run(doc, **inputs, **extra))
        except Exception as err:  # an extractor bug must not cost the brief its other items
            failures.append(f"{stage.name}: extraction failed: {type(err).__name__}: {err}")
    article = doc.article
    return Brief(
        id=article.id,
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        source=Source(path=article.path, outlet=article.outlet, url=article.url, author=article.author),
        summary=doc.sentences[0].text if doc.sentences else "",
        sentences=doc.sentences,
        tags=article.tags,
        warnings=article.warnings + tuple(failures),
        failed_stages=tuple(f.split(":", 1)[0] for f in failures),
        **found,
    )
