"""Print: a PDF per brief and the briefing book, made with WeasyPrint from templates/print/.

``build_briefs.py pdf`` writes ``<out>/<id>.pdf`` for every selected brief and the briefing
book ``<out>/briefing-book.pdf``: a cover, a table of contents with page numbers, then one
chapter per brief. WeasyPrint is imported inside the functions that use it so that the other
commands start fast.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .io import write_bytes_atomic
from .load import slugify
from .model import Brief, Quote
from .render import speaker_role
from .templating import TEMPLATES_DIR, date_label, make_env
from .timeline import TimelineEntry, build_timeline

PRINT_TEMPLATES_DIR = TEMPLATES_DIR / "print"
BOOK_FILENAME = "briefing-book.pdf"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}  # --paper choice -> CSS @page size
LOCAL_URL_SCHEMES = frozenset({"data", "file"})


def select_briefs(briefs: Iterable[Brief], *, ids: Sequence[str] = (), since: dt.date | None = None,
                  tags: Sequence[str] = ()) -> list[Brief]:
    """The briefs a book holds, in reading order.

    Args:
        briefs: every brief.
        ids: keep only these briefs, in this order; empty keeps all, oldest first.
        since: keep only briefs published on or after this date (undated briefs are dropped).
        tags: keep only briefs with one of these tags or countries (compared as slugs, so
            ``united-states`` matches ``United States``).

    Returns:
        The selected briefs.
    """
    wanted_tags = {slugify(tag) for tag in tags}
    chosen = [
        brief for brief in briefs
        if (since is None or (brief.published is not None and brief.published >= since.isoformat()))
        and (not wanted_tags or wanted_tags & _tag_slugs(brief))
    ]
    if ids:
        by_id = {brief.id: brief for brief in chosen}
        return [by_id[brief_id] for brief_id in dict.fromkeys(ids) if brief_id in by_id]
    return sorted(chosen, key=lambda b: (b.published is None, b.published or "", b.title.casefold()))


def _tag_slugs(brief: Brief) -> set[str]:
    countries = (actor.name for actor in brief.actors if actor.type == "country")
    return {slugify(name) for name in (*brief.tags, *countries)}


def describe_selection(*, ids: Sequence[str] = (), since: dt.date | None = None, tags: Sequence[str] = ()) -> str:
    """How a selection (the options of :func:`select_briefs`) narrowed the book, for its cover;
    "" when it holds every brief."""
    parts = []
    if tags:
        parts.append("tagged " + " or ".join(tags))
    if since:
        parts.append(f"since {date_label(since.isoformat())}")
    if ids:
        parts.append("chosen briefs")
    return ", ".join(parts)


def write_pdfs(briefs: Sequence[Brief], out_dir: Path, *, paper: str = "a4", selection: str = "") -> list[Problem]:
    """Write ``<id>.pdf`` for each brief and the briefing book into ``out_dir``, atomically.

    A brief that cannot be printed is reported and the others are still written.

    Returns:
        The problems met.
    """
    problems: list[Problem] = []
    show_progress = sys.stderr.isatty()
    for number, brief in enumerate(briefs, 1):
        path = out_dir / f"{brief.id}.pdf"
        try:
            write_bytes_atomic(path, render_brief_pdf(brief, paper=paper))
        except Exception as err:  # one brief that fails to print must not stop the others
            problems.append(Problem(brief.source.path, f"cannot print {path}: {type(err).__name__}: {err}",
                                    hint="please report this with the seed attached"))
            continue
        if show_progress:
            print(f"[{number}/{len(briefs)}] wrote {path}", file=sys.stderr)
    book = out_dir / BOOK_FILENAME
    try:
        write_bytes_atomic(book, render_book_pdf(briefs, paper=paper, selection=selection))
    except Exception as err:
        problems.append(Problem(str(book), f"cannot print the briefing book: {type(err).__name__}: {err}",
                                hint="please report this"))
    else:
        if show_progress:
            print(f"wrote {book} ({len(briefs)} brief(s))", file=sys.stderr)
    return problems


def render_brief_pdf(brief: Brief, *, paper: str = "a4") -> bytes:
    """One brief as a PDF document."""
    html = _render_html("brief.html.j2", paper=paper, brief=_printable(brief))
    return html_to_pdf(html)


def render_book_pdf(briefs: Sequence[Brief], *, paper: str = "a4", selection: str = "") -> bytes:
    """The briefing book of ``briefs`` (in the order given) as a PDF document."""
    dates = sorted(b.published for b in briefs if b.published)
    html = _render_html(
        "book.html.j2", paper=paper, briefs=[_printable(b) for b in briefs], selection=selection,
        first_date=date_label(dates[0]) if dates else None, last_date=date_label(dates[-1]) if dates else None,
    )
    return html_to_pdf(html)


def _render_html(template: str, *, paper: str, **context) -> str:
    return make_env(PRINT_TEMPLATES_DIR).get_template(template).render(page_size=PAPER_SIZES[paper], **context)


@dataclass(frozen=True)
class PrintableBrief:
    """What the print templates read of one brief.

    ``anchor`` prefixes the ids of the brief's elements, which must be unique within a book.
    ``quotes`` holds the direct and indirect quotes: partial quotes (quoted terms, scare quotes)
    are words inside a sentence rather than statements, so they are left to the article text.
    ``reported_speech`` holds the brief's reported speech, each with its speaker's role.
    """

    brief: Brief
    anchor: str
    timeline: tuple[TimelineEntry, ...]
    quotes: tuple[Quote, ...]
    reported_speech: tuple[tuple[Quote, str], ...] = ()


def _printable(brief: Brief) -> PrintableBrief:
    return PrintableBrief(brief=brief, anchor=f"brief-{brief.id}", timeline=build_timeline(brief),
                          quotes=tuple(quote for quote in brief.quotes if not quote.partial),
                          reported_speech=tuple((quote, speaker_role(brief, quote)) for quote in brief.reported_speech))


def html_to_pdf(html: str) -> bytes:
    """Lay out ``html`` (whose relative URLs resolve in templates/print/) and return the PDF bytes."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(PRINT_TEMPLATES_DIR) + "/", url_fetcher=local_url_fetcher())
    return document.write_pdf()


def local_url_fetcher(folders: Sequence[Path] = (PRINT_TEMPLATES_DIR,)):
    """A WeasyPrint URL fetcher that loads only ``data:`` URLs and the project's own files in ``folders``.

    Every other URL is refused: http, https, ftp (no text in a brief can make the printer reach
    the network) and ``file:`` URLs outside ``folders`` (such as ``file:///etc/passwd``, or a link
    in a folder that points out). WeasyPrint reports the refusal and leaves the resource out.
    """
    roots = tuple(folder.resolve() for folder in folders)
    from weasyprint.urls import URLFetcher

    class ProjectFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.lower().startswith("file:") and not _inside(url, roots):
                raise ValueError(f"not one of the project's files: {url}")
            return super().fetch(url, headers)

    return ProjectFilesFetcher(allowed_protocols=LOCAL_URL_SCHEMES, allow_redirects=False)


def _inside(url: str, roots: tuple[Path, ...]) -> bool:
    from urllib.parse import unquote, urlsplit

    path = Path(unquote(urlsplit(url).path)).resolve()
    return any(path.is_relative_to(root) for root in roots)
