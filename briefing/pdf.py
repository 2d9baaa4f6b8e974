"""Print: a PDF per brief and the briefing book, made with WeasyPrint from templates/print/.

``build_briefs.py pdf`` writes ``<out>/<id>.pdf`` for every selected brief and the briefing
book ``<out>/briefing-book.pdf``: a cover, a table of contents with page numbers, then one
chapter per brief, newest first like the site (``--order oldest`` for oldest first); a book of more than
:data:`BOOK_PART_BRIEFS` briefs is laid out in parts and joined (pypdf), so its memory stays bounded. Each file
written is one line: ``wrote site/pdf/x.pdf (48 KB, 3 pages)``. The PDFs are tagged PDF/UA-1
(:data:`PDF_VARIANT`): headings, lists and tables carry their structure for screen readers; a book joined from
parts is not, since the join keeps pages and outline but not the parts' structure trees.
WeasyPrint is imported inside the functions that use it so that the other commands start fast.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
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
#: WeasyPrint's tagged, accessible PDF variant (PDF/UA-1, PDF 1.7).
PDF_VARIANT = "pdf/ua-1"
#: A book of more briefs is laid out in parts of this many (:func:`write_book`): laying out a brief takes about
#: 4.6 MiB until its pages are written, so a part stays near 0.5 GiB whatever the book's size.
BOOK_PART_BRIEFS = 100
#: The most briefs a book holds: joining the parts takes about 1.5 MiB a brief and the contents 0.3 MiB, besides
#: a part's 0.5 GiB (bench/bench_pdf.py), so a larger book would pass 2 GiB.
BOOK_MAX_BRIEFS = 800
#: The id prefix of an entry of the contents of a book laid out in parts (templates/print/book.html.j2).
TOC_PREFIX = "toc-"
#: The book's order without ids: ``newest`` first, as the site lists the briefs, or ``oldest`` first.
ORDERS = ("newest", "oldest")


def select_briefs(briefs: Iterable[Brief], *, ids: Sequence[str] = (), since: dt.date | None = None,
                  tags: Sequence[str] = (), order: str = "newest") -> list[Brief]:
    """The briefs a book holds, in reading order.

    Args:
        briefs: every brief.
        ids: keep only these briefs, in this order; empty keeps all, in ``order``.
        since: keep only briefs published on or after this date (undated briefs are dropped).
        tags: keep only briefs with one of these tags or countries (compared as slugs, so
            ``united-states`` matches ``United States``).
        order: without ids, ``newest`` first (the site's order: by date, then id, undated last) or
            ``oldest`` first (by date, then title, undated last).

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
    if order == "newest":
        return sorted(chosen, key=lambda b: (b.published is not None, b.published or "", b.id), reverse=True)
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
    for brief in briefs:
        path = out_dir / f"{brief.id}.pdf"
        try:
            printed = _layout(_render_html("brief.html.j2", paper=paper, brief=_printable(brief)))
            write_bytes_atomic(path, printed.data)
        except Exception as err:  # one brief that fails to print must not stop the others
            problems.append(Problem(brief.source.path, f"cannot print {path}: {type(err).__name__}: {err}",
                                    hint="please report this with the seed attached"))
            continue
        print(f"wrote {path} ({printed.describe()})", file=sys.stderr)
    book = out_dir / BOOK_FILENAME
    if len(briefs) > BOOK_MAX_BRIEFS:
        problems.append(Problem(str(book), f"not printed: a book of {len(briefs):,} briefs needs more than 2 GiB of "
                                           "memory (the brief PDFs are written)",
                                hint=f"print a book of at most {BOOK_MAX_BRIEFS:,} briefs with --since DATE, --tag TAG "
                                     "or --id ID"))
        return problems
    try:
        printed = write_book(briefs, book, paper=paper, selection=selection)
    except Exception as err:
        problems.append(Problem(str(book), f"cannot print the briefing book: {type(err).__name__}: {err}",
                                hint="please report this"))
    else:
        print(f"wrote {book} ({printed.describe()}; {len(briefs)} brief(s))", file=sys.stderr)
    return problems


def render_brief_pdf(brief: Brief, *, paper: str = "a4") -> bytes:
    """One brief as a PDF document."""
    return html_to_pdf(_render_html("brief.html.j2", paper=paper, brief=_printable(brief)))


def render_book_pdf(briefs: Sequence[Brief], *, paper: str = "a4", selection: str = "",
                    part_briefs: int = BOOK_PART_BRIEFS) -> bytes:
    """The briefing book of ``briefs`` (in the order given) as a PDF document (see :func:`write_book`)."""
    with tempfile.TemporaryDirectory(prefix="briefing-book-") as folder:
        book = Path(folder) / BOOK_FILENAME
        write_book(briefs, book, paper=paper, selection=selection, part_briefs=part_briefs)
        return book.read_bytes()


def write_book(briefs: Sequence[Brief], path: Path, *, paper: str = "a4", selection: str = "",
               part_briefs: int = BOOK_PART_BRIEFS) -> PrintedBook:
    """Write the briefing book of ``briefs`` (in the order given) to ``path``, atomically.

    Laying out a brief takes a few MiB until its pages are written, so a book of more than ``part_briefs``
    briefs is laid out in parts of that many: first the cover and contents, then each part's chapters, whose pages
    count on from the part before, each written to a file of its own and joined at the end. Such a book keeps its
    outline (bookmarks), page numbers and linked contents; the contents give the page numbers as text, the pages say
    "Page N" without the total, which is only known once every part is laid out, and it is not tagged PDF/UA.
    """
    items = [_printable(b) for b in briefs]
    dates = sorted(b.published for b in briefs if b.published)
    front = {"briefs": items, "selection": selection,
             "first_date": date_label(dates[0]) if dates else None,
             "last_date": date_label(dates[-1]) if dates else None}
    if len(items) <= part_briefs:
        printed = _layout(_render_html("book.html.j2", paper=paper, front=True, chapters=items, first_number=1, start_pages=(),
                                       **front))
        write_bytes_atomic(path, printed.data)
        return PrintedBook(len(printed.data), printed.pages)
    parts = [items[n:n + part_briefs] for n in range(0, len(items), part_briefs)]
    # The contents' page count depends on the width of its numbers only; a placeholder of as many digits as a
    # book of four pages a brief would need gives it, and a different count after all lays the chapters out again.
    placeholder = "8" * len(str(4 * len(items)))
    front_pages = _layout(_render_html("book.html.j2", paper=paper, front=True, chapters=(), first_number=1,
                                       first_page=1, start_pages=[placeholder] * len(items), **front)).pages
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path.parent) as folder:
        while True:
            files, start_pages, next_page = [], [], front_pages + 1
            for number, part in enumerate(parts):
                first_number = 1 + number * part_briefs
                html = _render_html("book.html.j2", paper=paper, front=False, chapters=part,
                                    first_number=first_number, first_page=next_page, **front)
                document = _render(html)
                start_pages += [next_page + index for index in _chapter_first_pages(document, part)]
                files.append(Path(folder) / f"part-{number + 1}.pdf")
                files[-1].write_bytes(document.write_pdf(pdf_variant=PDF_VARIANT))
                next_page += len(document.pages)
                del document  # its layout is what takes the memory
            contents = _layout(_render_html("book.html.j2", paper=paper, front=True, chapters=(), first_number=1,
                                            first_page=1, start_pages=start_pages, **front))
            if contents.pages == front_pages:
                break
            front_pages = contents.pages
        files.insert(0, Path(folder) / "contents.pdf")
        files[0].write_bytes(contents.data)
        return _join_pdfs(files, path, pages=next_page - 1, contents_pages=contents.pages)


def _chapter_first_pages(document, part: Sequence[PrintableBrief]) -> list[int]:
    """The index (from 0) of the page each brief of ``part`` starts on in ``document`` (a chapter's anchor is on
    every page its box reaches)."""
    first: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            first.setdefault(anchor, index)
    return [first[item.anchor] for item in part]


def _join_pdfs(files: Sequence[Path], path: Path, *, pages: int, contents_pages: int) -> PrintedBook:
    """One PDF of ``files`` in order, with their outlines and named destinations, written atomically to ``path``.

    The links of the first ``contents_pages`` pages to ``toc-<anchor>`` are pointed at ``<anchor>``, a chapter's
    destination in a later file.
    """
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    for file in files:
        writer.append(file, import_outline=True)
    for page in writer.pages[:contents_pages]:
        for annotation in page.get("/Annots", ()):
            link = annotation.get_object()
            target = link.get("/Dest")
            if isinstance(target, str) and target.startswith(TOC_PREFIX):
                link[NameObject("/Dest")] = TextStringObject(target.removeprefix(TOC_PREFIX))
    writer.add_metadata({"/Title": "Briefing book", "/Creator": "Briefing"})
    joined = io.BytesIO()
    writer.write(joined)
    write_bytes_atomic(path, joined.getvalue())
    return PrintedBook(len(joined.getvalue()), pages)


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


@dataclass(frozen=True)
class PrintedBook:
    """What a PDF written to a file holds: its size in bytes and its pages."""

    size: int
    pages: int

    def describe(self) -> str:
        """``48 KB, 3 pages``."""
        label = f"{self.size:,} bytes" if self.size < 1024 else (
            f"{self.size / 1024:,.0f} KB" if self.size < 1024 * 1024 else f"{self.size / 1024 / 1024:,.1f} MB")
        return f"{label}, {self.pages} page{'' if self.pages == 1 else 's'}"


@dataclass(frozen=True)
class PrintedPdf:
    data: bytes
    pages: int

    def describe(self) -> str:
        """``48 KB, 3 pages``."""
        return PrintedBook(len(self.data), self.pages).describe()


def html_to_pdf(html: str) -> bytes:
    """Lay out ``html`` (whose relative URLs resolve in templates/print/) and return the PDF bytes."""
    return _layout(html).data


def _layout(html: str) -> PrintedPdf:
    document = _render(html)
    return PrintedPdf(document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages))


def _render(html: str):
    """The laid-out WeasyPrint document of ``html``."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(PRINT_TEMPLATES_DIR) + "/", url_fetcher=local_url_fetcher()).render()


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
