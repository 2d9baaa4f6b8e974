"""The print: brief PDFs and the briefing book, read back with poppler's pdftotext and pdfinfo."""
from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing import cli, pdf
from briefing.model import (
    Actor, Agreement, Brief, DateMention, Evidence, Figure, Quote, Sentence, Source,
)
from briefing.pdf import (
    BOOK_FILENAME, PRINT_TEMPLATES_DIR, local_url_fetcher, render_book_pdf, render_brief_pdf, select_briefs, write_book,
)
from briefing.pipeline import extract_briefs
from test_site import broken_links, make_project

SEEDS = {
    "harbour.md": """---
title: Harbour board signs dredging contract
date: 2019-03-04
outlet: Coastal Courier
tags: [ports, infrastructure]
---
The harbour board of Lindqvist signed a dredging contract worth 48 million euros on Monday.
"The channel will take larger ships by next spring," said Ada Morrow, chair of the harbour board.
Work is expected to start in June 2019 and last eighteen months.
""",
    "orchard.txt": """Orchard growers agree on export quota
12 Jun 2020
Fruit growers in the valley agreed on Tuesday to cap apple exports at 120,000 tonnes this season.
Growers' union leader Piet Hanssen said the quota would keep prices stable.
"Nobody wants a repeat of the glut of two years ago," Hanssen told reporters.
""",
    "rail.txt": """Rail unions end strike after pay deal
2 Feb 2021
Rail unions in Portugal ended a four-day strike on Monday after the operator offered a 3.5 percent pay rise.
The agreement was signed by the three largest unions and the national rail operator.
"We got what we asked for," said union secretary Marta Leal.
""",
}
UNTRUSTED = {
    "markup.txt": """Markup <b>test</b> & {{ 7*7 }} report
3 Mar 2021
The note contained <script>alert(1)</script> in the middle of a sentence.
Another line said <b>bold</b> and <img src="http://example.invalid/x.png"> without effect.
A reader pasted [a link](http://example.invalid/page) and ![a picture](http://example.invalid/p.png) here.
Someone typed {{ 7*7 }} and {% if secret %} into the form.
""",
}
UNTRUSTED_STRINGS = (
    "Markup <b>test</b> & {{ 7*7 }} report",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    '<img src="http://example.invalid/x.png">',
    "[a link](http://example.invalid/page)",
    "![a picture](http://example.invalid/p.png)",
    "{{ 7*7 }}",
    "{% if secret %}",
)


# ---------------------------------------------------------------- poppler helpers

def _poppler(tool: str, *args: str) -> str:
    assert shutil.which(tool), f"{tool} is missing: install poppler-utils"
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The text of a PDF; ``layout`` keeps it in the order of its place on the page (a tagged PDF's content
    order may differ: a repeated table header can come after the footer)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _poppler("pdftotext", *pages, *(["-layout"] if layout else []), str(path), "-")


def flat(text: str) -> str:
    return " ".join(text.split())


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", str(path)), re.M).group(1))


def page_size(path: Path) -> str:
    return re.search(r"^Page size:\s+(.+)$", _poppler("pdfinfo", str(path)), re.M).group(1)


def word_boxes(path: Path) -> list[tuple[str, float, float]]:
    """Every word of a PDF as (word, xMin, xMax), read with ``pdftotext -bbox``."""
    html = _poppler("pdftotext", "-bbox", str(path), "-")
    return [(m.group(3), float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                                 html)]


def shows(text: str, item: str, *, gap: int = 12) -> bool:
    """Whether ``item`` is in ``text`` word after word. A table cell that wraps may have words of its
    neighbour cells read between its lines: up to ``gap`` words may come between two of its words."""
    words = [word.strip("“”") for word in text.split()]
    first, *rest = item.split()
    for start in (i for i, word in enumerate(words) if word == first):
        position = start
        for wanted in rest:
            following = words[position + 1: position + 2 + gap]
            if wanted not in following:
                break
            position += 1 + following.index(wanted)
        else:
            return True
    return False


@pytest.mark.parametrize("text, item, expected", [
    ("Name Roles Stockholm Harbour press officer Authority", "Stockholm Harbour Authority", True),
    ("“We sailed at dawn,” she said", "We sailed at dawn,", True),
    ("Harbour Authority of Stockholm", "Stockholm Harbour Authority", False),
    ("Stockholm " + "word " * 13 + "Harbour", "Stockholm Harbour", False),
])
def test_shows(text, item, expected):
    assert shows(text, item) is expected


def items_of(brief: Brief) -> list[str]:
    """The texts of a brief that every PDF of it must show."""
    return ([brief.title]
            + [actor.name for actor in brief.actors]
            + [quote.text for quote in brief.quotes if not quote.partial]
            + [figure.display or figure.text for figure in brief.figures])


def write_seeds(folder: Path, seeds: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in seeds.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_pdf(seeds: Path, out: Path, *args: str) -> int:
    """The ``pdf`` command, with its brief cache next to ``seeds`` (never the project's .briefing/)."""
    return cli.main(["pdf", "--seeds", str(seeds), "--out", str(out), "--cache", str(seeds.parent / "cache"), *args])


# ---------------------------------------------------------------- the whole book, printed once

@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory) -> Path:
    return write_seeds(tmp_path_factory.mktemp("seeds"), SEEDS)


@pytest.fixture(scope="module")
def briefs(seeds_dir) -> list[Brief]:
    result = extract_briefs(seeds_dir)
    assert not result.problems
    return sorted(result.briefs, key=lambda b: b.published)


@pytest.fixture(scope="module")
def printed(seeds_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    assert run_pdf(seeds_dir, out) == cli.EXIT_OK
    return out


def test_one_pdf_per_brief_and_the_book_and_no_temp_files(printed, briefs):
    assert sorted(p.name for p in printed.iterdir()) == sorted([f"{b.id}.pdf" for b in briefs] + [BOOK_FILENAME])


def test_each_brief_pdf_holds_its_title_actors_quotes_and_figures(printed, briefs):
    for brief in briefs:
        text = flat(pdf_text(printed / f"{brief.id}.pdf"))
        for item in items_of(brief):
            assert shows(text, item), (brief.id, item)


def test_the_book_holds_every_brief(printed, briefs):
    text = flat(pdf_text(printed / BOOK_FILENAME))
    for brief in briefs:
        for item in items_of(brief):
            assert shows(text, item), (brief.id, item)


def test_the_book_cover_gives_title_date_range_and_count(printed):
    cover = flat(pdf_text(printed / BOOK_FILENAME, page=1))
    assert "Briefing book" in cover
    assert "4 Mar 2019 – 2 Feb 2021" in cover
    assert "3 briefs" in cover
    assert "Page" not in cover


def test_each_brief_starts_a_page_whose_number_the_contents_give(printed, briefs):
    """The book runs newest first, as the site does."""
    book = printed / BOOK_FILENAME
    contents = pdf_text(book, page=2)
    assert "Contents" in contents
    for number, brief in enumerate(reversed(briefs), 1):
        listed = re.search(re.escape(brief.title) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert listed, brief.title
        start = int(listed.group(1))
        lines = [line.strip() for line in pdf_text(book, page=start).splitlines() if line.strip()]
        assert lines[:2] == [brief.title, f"BRIEF {number} OF {len(briefs)}"]  # running title, then the chapter


def test_every_book_page_after_the_cover_has_page_x_of_y_and_chapters_a_running_title(printed, briefs):
    book = printed / BOOK_FILENAME
    total = page_count(book)
    titles = [brief.title for brief in briefs]
    for page in range(2, total + 1):
        lines = [line for line in pdf_text(book, page=page, layout=True).splitlines() if line.strip()]
        assert lines[-1].strip() == f"Page {page} of {total}"
        assert lines[0].strip() in titles + ["Contents"]


@pytest.fixture(scope="module")
def book_in_parts(briefs, tmp_path_factory) -> Path:
    """The book of the three briefs laid out in parts of two: contents, then briefs 1-2, then brief 3."""
    path = tmp_path_factory.mktemp("parts") / BOOK_FILENAME
    printed = write_book(select_briefs(briefs), path, part_briefs=2)
    assert printed.pages == page_count(path)
    return path


def test_a_book_in_parts_holds_every_brief_in_order_with_its_items(book_in_parts, briefs):
    text = flat(pdf_text(book_in_parts))
    newest_first = select_briefs(briefs)
    starts = [text.index(f"BRIEF {n} OF 3 {flat(brief.title)}") for n, brief in enumerate(newest_first, 1)]
    assert starts == sorted(starts)
    for brief in newest_first:
        for item in items_of(brief):
            assert shows(text, item), (brief.id, item)


def test_a_book_in_parts_has_the_pages_and_outline_of_one_laid_out_at_once(book_in_parts, printed, briefs):
    whole = printed / BOOK_FILENAME
    assert page_count(book_in_parts) == page_count(whole)
    assert _outline_titles(PdfReader(book_in_parts).outline) == _outline_titles(PdfReader(whole).outline)
    assert [brief.title for brief in select_briefs(briefs)] == [
        title for title in _outline_titles(PdfReader(book_in_parts).outline) if title in {b.title for b in briefs}]


def test_a_book_in_parts_numbers_its_pages_on_and_its_contents_give_each_start(book_in_parts, briefs):
    for page in range(2, page_count(book_in_parts) + 1):
        lines = [line for line in pdf_text(book_in_parts, page=page, layout=True).splitlines() if line.strip()]
        assert lines[-1].strip() == f"Page {page}"
    contents = pdf_text(book_in_parts, page=2)
    for number, brief in enumerate(select_briefs(briefs), 1):
        listed = re.search(re.escape(brief.title) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert listed, brief.title
        lines = [line.strip() for line in pdf_text(book_in_parts, page=int(listed.group(1))).splitlines()
                 if line.strip()]
        assert lines[:2] == [brief.title, f"BRIEF {number} OF 3"]


def test_the_contents_of_a_book_in_parts_link_each_entry_to_its_chapter(book_in_parts, briefs):
    reader = PdfReader(book_in_parts)
    linked = {}
    for annotation in reader.pages[1]["/Annots"]:
        target = annotation.get_object()["/Dest"]
        linked[target] = reader.get_destination_page_number(reader.named_destinations[target]) + 1
    contents = pdf_text(book_in_parts, page=2)
    assert len(linked) == len(briefs)
    for brief in briefs:
        listed = re.search(re.escape(brief.title) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert linked[f"brief-{brief.id}"] == int(listed.group(1))


def test_a_book_past_its_memory_bound_is_a_warning_saying_how_to_print_a_selection(briefs, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "BOOK_MAX_BRIEFS", 2)
    problems = pdf.write_pdfs(briefs, tmp_path)
    assert [str(p) for p in problems] == [
        f"{tmp_path / BOOK_FILENAME}: not printed: a book of 3 briefs needs more than 2 GiB of memory (the brief PDFs "
        "are written) (print a book of at most 2 briefs with --since DATE, --tag TAG or --id ID)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{b.id}.pdf" for b in briefs)


def _outline_titles(outline) -> list[str]:
    return [title for entry in outline
            for title in (_outline_titles(entry) if isinstance(entry, list) else [entry.title])]


def test_a4_is_the_default_paper(printed, briefs):
    assert "(A4)" in page_size(printed / BOOK_FILENAME)
    assert "(A4)" in page_size(printed / f"{briefs[0].id}.pdf")


# ---------------------------------------------------------------- selections and paper

def test_ids_select_briefs_in_the_given_order_on_letter_paper(seeds_dir, briefs, tmp_path):
    chosen = [briefs[2].id, briefs[0].id]
    assert run_pdf(seeds_dir, tmp_path, *chosen, "--paper", "letter") == cli.EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{i}.pdf" for i in chosen] + [BOOK_FILENAME])
    book = tmp_path / BOOK_FILENAME
    assert page_size(book) == "612 x 792 pts (letter)"
    assert page_size(tmp_path / f"{chosen[0]}.pdf") == "612 x 792 pts (letter)"
    text = flat(pdf_text(book))
    assert "2 briefs" in text
    assert text.index(flat(briefs[2].title), text.index("BRIEF 1 OF 2")) < text.index("BRIEF 2 OF 2")
    assert briefs[1].title not in text


def test_since_keeps_the_later_briefs(seeds_dir, briefs, tmp_path):
    assert run_pdf(seeds_dir, tmp_path, "--since", "2020-06-12") == cli.EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{b.id}.pdf" for b in briefs[1:]] + [BOOK_FILENAME])
    cover = flat(pdf_text(tmp_path / BOOK_FILENAME, page=1))
    assert "12 Jun 2020 – 2 Feb 2021" in cover
    assert "2 briefs" in cover
    assert "Selection: since 12 Jun 2020" in cover


def test_tag_keeps_the_tagged_briefs_and_says_what_it_wrote(seeds_dir, briefs, tmp_path, capsys):
    assert run_pdf(seeds_dir, tmp_path, "--tag", "Infrastructure") == cli.EXIT_OK
    brief_pdf, book = tmp_path / f"{briefs[0].id}.pdf", tmp_path / BOOK_FILENAME

    def described(path: Path) -> str:
        pages = page_count(path)
        return f"{path.stat().st_size / 1024:,.0f} KB, {pages} page{'' if pages == 1 else 's'}"

    assert capsys.readouterr().err.splitlines() == [f"wrote {brief_pdf} ({described(brief_pdf)})",
                                                    f"wrote {book} ({described(book)}; 1 brief(s))"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{briefs[0].id}.pdf", BOOK_FILENAME]
    assert "1 brief" in flat(pdf_text(tmp_path / BOOK_FILENAME, page=1))


@pytest.mark.parametrize("args, status", [
    (["no-such-brief"], cli.EXIT_USAGE),
    (["--tag", "no-such-tag"], cli.EXIT_FAILED),
    (["--since", "2030-01-01"], cli.EXIT_FAILED),
])
def test_a_selection_of_nothing_writes_nothing(seeds_dir, tmp_path, capsys, args, status):
    out = tmp_path / "pdf"
    assert run_pdf(seeds_dir, out, *args) == status
    assert not out.exists()
    assert capsys.readouterr().err


def test_an_unreadable_since_date_is_a_usage_error(seeds_dir, tmp_path):
    assert run_pdf(seeds_dir, tmp_path, "--since", "someday") == cli.EXIT_USAGE


def test_strict_leaves_out_a_brief_with_a_warning_and_fails(seeds_dir, briefs, tmp_path, capsys):
    seeds = write_seeds(tmp_path / "seeds", {"ferry.txt": "Ferry line reopens\n31 Apr 2022\nThe ferry sailed again.\n",
                                             "orchard.txt": SEEDS["orchard.txt"]})
    assert run_pdf(seeds, tmp_path / "pdf", "--strict") == cli.EXIT_FAILED
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [f"{briefs[1].id}.pdf", BOOK_FILENAME]
    assert "ferry.txt" in capsys.readouterr().err


@pytest.mark.parametrize("seeds", ["missing", "empty"])
def test_no_seeds_is_a_usage_error(tmp_path, capsys, seeds):
    (tmp_path / "empty").mkdir()
    assert run_pdf(tmp_path / seeds, tmp_path / "pdf") == cli.EXIT_USAGE
    assert not (tmp_path / "pdf").exists()
    assert str(tmp_path / seeds) in capsys.readouterr().err


def _brief(brief_id: str, published: str | None, *, tags: tuple[str, ...] = (),
           countries: tuple[str, ...] = ()) -> Brief:
    actors = tuple(Actor(id=name.lower(), name=name, type="country") for name in countries)
    return Brief(id=brief_id, title=brief_id.title(), published=published, source=Source(path=f"{brief_id}.txt"),
                 summary="", actors=actors, tags=tags)


POOL = (
    _brief("gamma", "2021-05-01", tags=("energy",)),
    _brief("alpha", "2019-01-10", countries=("New Zealand",)),
    _brief("undated", None, tags=("energy",)),
    _brief("beta", "2020-07-15", tags=("Fisheries Policy",), countries=("Chile",)),
)


@pytest.mark.parametrize("options, expected", [
    ({}, ["gamma", "beta", "alpha", "undated"]),
    ({"order": "newest"}, ["gamma", "beta", "alpha", "undated"]),
    ({"order": "oldest"}, ["alpha", "beta", "gamma", "undated"]),
    ({"since": dt.date(2020, 7, 15)}, ["gamma", "beta"]),
    ({"since": dt.date(2020, 7, 15), "order": "oldest"}, ["beta", "gamma"]),
    ({"tags": ["energy"]}, ["gamma", "undated"]),
    ({"tags": ["new-zealand"]}, ["alpha"]),
    ({"tags": ["chile", "energy"]}, ["gamma", "beta", "undated"]),
    ({"tags": ["fisheries policy"]}, ["beta"]),
    ({"tags": ["nowhere"]}, []),
    ({"ids": ["gamma", "alpha"]}, ["gamma", "alpha"]),
    ({"ids": ["alpha", "gamma"], "order": "newest"}, ["alpha", "gamma"]),
    ({"ids": ["gamma", "alpha"], "since": dt.date(2020, 1, 1)}, ["gamma"]),
    ({"ids": ["beta", "beta"]}, ["beta"]),
])
def test_select_briefs(options, expected):
    assert [b.id for b in select_briefs(POOL, **options)] == expected


# ---------------------------------------------------------------- untrusted text

# 49 standing alone: the temporary folder printed in a PDF may hold "pytest-249"
EVALUATED = re.compile(r"(?<![\w./-])49(?![\w/])")


def test_untrusted_article_text_prints_as_the_same_characters(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", UNTRUSTED)
    out = tmp_path / "pdf"
    assert run_pdf(seeds, out) == cli.EXIT_OK
    for pdf in out.iterdir():
        text = flat(pdf_text(pdf))
        for untrusted in UNTRUSTED_STRINGS:
            assert untrusted in text, (pdf.name, untrusted)
        assert not EVALUATED.search(text)  # {{ 7*7 }} printed as written, never as 49


def test_untrusted_text_in_every_field_prints_as_text(tmp_path):
    brief = _full_brief(title="Title <s>title</s> {{ 7*7 }}", actor="Actor <u>actor</u>",
                        quote="Quote <i>quote</i> {% if x %}", figure="<b>figure</b>")
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(render_brief_pdf(brief))
    text = flat(pdf_text(pdf))
    for markup in ("<s>title</s> {{ 7*7 }}", "<u>actor</u>", "<i>quote</i> {% if x %}", "<b>figure</b>"):
        assert markup in text
    assert not EVALUATED.search(text)


def test_the_url_fetcher_refuses_remote_urls_and_loads_local_ones():
    fetcher = local_url_fetcher()
    for url in ("http://example.invalid/a.png", "https://example.invalid/a.css", "ftp://example.invalid/f"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    assert b"@page" in fetcher.fetch((PRINT_TEMPLATES_DIR / "print.css").as_uri()).read()


def test_the_url_fetcher_loads_only_the_projects_own_files(tmp_path):
    (tmp_path / "print").mkdir()
    (tmp_path / "print" / "ok.css").write_text("p {}")
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "print" / "out.css").symlink_to(tmp_path / "secret.txt")
    fetcher = local_url_fetcher((tmp_path / "print",))
    assert fetcher.fetch((tmp_path / "print" / "ok.css").as_uri()).read() == b"p {}"
    for url in ("file:///etc/passwd", (tmp_path / "secret.txt").as_uri(), (tmp_path / "print" / "out.css").as_uri(),
                (tmp_path / "print").as_uri() + "/../secret.txt"):
        with pytest.raises(ValueError, match="not one of the project's files"):
            fetcher.fetch(url)


# ---------------------------------------------------------------- layout of one brief

def _full_brief(*, title: str = "Ministers agree canal treaty", actor: str = "Ilse Varga",
                quote: str = "The canal will open next year", figure: str = "US$5 million",
                long_word: str = "") -> Brief:
    sentences = (
        Sentence(index=0, start=0, end=41, text="Two ministers agreed a canal treaty today."),
        Sentence(index=1, start=42, end=90, text='"The canal will open next year," said Ilse Varga.'),
        Sentence(index=2, start=91, end=140, text="It will cost 5 million dollars, or 1,250 million."),
    )
    return Brief(
        id="2022-05-06-ministers-agree-canal-treaty", title=title, published="2022-05-06",
        source=Source(path="seeds/canal.txt", outlet="Example Post", url="https://example.invalid/canal"),
        summary=sentences[0].text,
        actors=(Actor(id="ilse-varga", name=actor, type="person", roles=(f"transport minister{long_word}",),
                      mentions=2, evidence=(Evidence(1, 83, 89),)),),
        agreements=(Agreement(kind="canal treaty", parties=("Astoria", "Belvon"), status="agreed",
                              date="2022-05-06", text=sentences[0].text, evidence=(Evidence(0, 0, 41),)),),
        figures=(Figure(text="5 million dollars", value=5_000_000, unit="USD", display=figure,
                        measure=f"cost of the canal{long_word}", evidence=(Evidence(2, 104, 121),)),
                 Figure(text="1,250 million", value=1_250_000_000, unit="USD", display="US$1,250 million",
                        measure="cost in the long run", evidence=(Evidence(2, 126, 139),))),
        quotes=(Quote(text=quote, kind="direct", speaker=actor, speaker_text="Ilse Varga", role="minister",
                      via="Example Post", evidence=(Evidence(1, 43, 72),)),
                Quote(text="open", kind="direct", partial=True, evidence=(Evidence(1, 60, 64),))),
        reported_speech=(Quote(text="the treaty was fair to both sides", kind="indirect", speaker=actor,
                               role="minister", evidence=(Evidence(0, 0, 41),)),),
        dates=(DateMention(text="today", value="2022-05-06", evidence=(Evidence(0, 35, 40),)),),
        sentences=sentences,
    )


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory) -> Path:
    pdf = tmp_path_factory.mktemp("full") / "brief.pdf"
    pdf.write_bytes(render_brief_pdf(_full_brief(long_word="x" * 200)))
    return pdf


def test_a_brief_pdf_has_every_section(full_pdf):
    text = flat(pdf_text(full_pdf))
    for expected in ("Summary", "Actors", "Agreements", "Figures", "Quotes", "Timeline", "Article text",
                     "6 May 2022", "Example Post", "https://example.invalid/canal",
                     "Ilse Varga", "transport minister", "canal treaty", "Astoria, Belvon", "agreed",
                     "“The canal will open next year”", "— Ilse Varga, minister, via Example Post",
                     "US$5 million", "US$1,250 million", "cost in the long run",
                     "Reported speech • Ilse Varga, minister: the treaty was fair to both sides s1",
                     "1 Two ministers agreed a canal treaty today.", "3 It will cost 5 million dollars"):
        assert expected in text, expected


def _paragraph_brief(*paragraphs: int) -> Brief:
    texts = ("Alpha one here.", "Beta two here.", "Gamma three here.")
    return _full_brief().__class__(
        id="2022-05-07-paragraphs", title="Paragraphs", published="2022-05-07", source=Source(path="p.txt"),
        summary=texts[0],
        sentences=tuple(Sentence(index=i, start=0, end=0, text=text, paragraph=paragraph)
                        for i, (text, paragraph) in enumerate(zip(texts, paragraphs))))


def test_article_text_shows_its_paragraphs_with_sentence_numbers(tmp_path):
    brief, book = tmp_path / "brief.pdf", tmp_path / "book.pdf"
    brief.write_bytes(render_brief_pdf(_paragraph_brief(0, 0, 1)))
    book.write_bytes(render_book_pdf([_paragraph_brief(0, 0, 1)]))
    for pdf in (brief, book):
        article = pdf_text(pdf).split("Article text", 1)[1]
        # a paragraph's sentences run on, each led by its number; the next paragraph starts a new line
        assert "\n1 Alpha one here. 2 Beta two here.\n3 Gamma three here.\n" in article, pdf.name


def test_sentences_without_paragraphs_print_as_one_paragraph(tmp_path):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(render_brief_pdf(_paragraph_brief(0, 0, 0)))
    assert "\n1 Alpha one here. 2 Beta two here. 3 Gamma three here.\n" in pdf_text(pdf)


# ---------------------------------------------------------------- pdf, then build: the site links the PDFs

def test_pdf_then_build_links_the_brief_to_its_pdf_and_shares_the_cache(tmp_path, monkeypatch):
    make_project(tmp_path)
    write_seeds(tmp_path / "seeds", {"harbour.md": SEEDS["harbour.md"]})
    monkeypatch.chdir(tmp_path)
    assert cli.main(["pdf"]) == cli.EXIT_OK  # the defaults: seeds/, site/pdf/, .briefing/cache/
    cache = tmp_path / ".briefing" / "cache"
    (entry,) = cache.iterdir()
    made = entry.stat().st_ino
    assert cli.main(["build"]) == cli.EXIT_OK
    assert [path.stat().st_ino for path in cache.iterdir()] == [made]  # the build used the brief the pdf made

    site_dir = tmp_path / "site"
    (brief_dir,) = (site_dir / "briefs").iterdir()
    links = re.findall(r'href="([^"]+\.pdf)"', (brief_dir / "index.html").read_text(encoding="utf-8"))
    assert links == [f"../../pdf/{brief_dir.name}.pdf"]
    assert (brief_dir / links[0]).resolve().read_bytes().startswith(b"%PDF")
    assert 'href="pdf/briefing-book.pdf"' in (site_dir / "index.html").read_text(encoding="utf-8")
    assert broken_links(site_dir) == []


def test_partial_quotes_are_not_set_apart(full_pdf):
    assert "“open”" not in pdf_text(full_pdf)


def test_figure_values_are_right_aligned(full_pdf):
    ends = [x_max for word, _, x_max in word_boxes(full_pdf) if word == "million"]
    value_ends = ends[:2]  # the two values come before the article text
    assert len(ends) >= 2 and value_ends[0] == pytest.approx(value_ends[1], abs=0.5)


def test_tables_fit_the_page_width_even_with_an_unbreakable_word(full_pdf):
    width = float(page_size(full_pdf).split()[0])
    assert all(x_max <= width - 30 for _, _, x_max in word_boxes(full_pdf))
    assert "x" * 200 in "".join(word for word, _, _ in word_boxes(full_pdf))


def test_rendering_logs_no_weasyprint_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_brief_pdf(_full_brief())
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


# ---------------------------------------------------------------- browser printing of the site pages

MATERIAL_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="stylesheets/print.css"></head>
<body data-md-color-scheme="slate">
<header class="md-header">Site header</header>
<nav class="md-tabs">Navigation tabs</nav>
<div class="md-search">Search box</div>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">
  <div class="md-sidebar md-sidebar--primary">Primary sidebar</div>
  <div class="md-sidebar md-sidebar--secondary">Page contents sidebar</div>
  <div class="md-content"><article class="md-content__inner md-typeset">
    <a class="md-content__button" href="https://example.invalid/edit">Edit button</a>
    <h1 id="t">Canal treaty brief<a class="headerlink" href="#t">Permalink</a></h1>
    <p>Read <a href="https://example.invalid/story">the story</a>, <a href="../other/">another brief</a>
       or <a href="#actors">the actors</a>.</p>
    <h2 id="actors">Actors</h2>
  </article></div>
</div></main>
<footer class="md-footer">Site footer</footer></div>
</body></html>"""


def test_browser_print_shows_the_content_and_outside_link_targets_only(root, tmp_path):
    from weasyprint import HTML

    pdf = tmp_path / "page.pdf"
    HTML(string=MATERIAL_PAGE, base_url=str(root / "docs") + "/", url_fetcher=local_url_fetcher((root / "docs",))).write_pdf(pdf)
    text = flat(pdf_text(pdf))
    assert "Canal treaty brief" in text
    assert "the story (https://example.invalid/story)" in text
    assert "another brief or the actors." in text
    for hidden in ("Site header", "Navigation tabs", "Search box", "Primary sidebar", "Page contents sidebar",
                   "Edit button", "Permalink", "Site footer"):
        assert hidden not in text


# ---------------------------------------------------------------- print for reading: sizes, tags, order

def font_sizes_pt(path: Path) -> set[float]:
    """Every font size a PDF sets (``Tf``) in points. WeasyPrint draws in CSS px under the page's
    ``0.75 0 0 0.75 0 0 cm`` transform, so a size in px times 0.75 is the printed size."""
    data = path.read_bytes()
    sizes: set[float] = set()
    # The end of line before ``endstream`` is left in the capture: compressed data may itself end in a CR byte, and
    # a decompressor object stops at the end of the zlib stream whatever follows it.
    for match in re.finditer(rb"stream\r?\n(.*?)\nendstream", data, re.S):
        try:
            content = zlib.decompressobj().decompress(match.group(1))
        except zlib.error:
            continue  # not a content stream (fonts, images)
        if b" Tf" in content:
            assert b"0.75 0 0 0.75 0 0 cm" in content, "WeasyPrint no longer draws in px: read the sizes another way"
            sizes |= {round(float(size) * 0.75, 2) for size in re.findall(rb"/\S+ ([\d.]+) Tf", content)}
    return sizes


def test_no_text_is_printed_below_9_pt(printed, full_pdf):
    for path in (printed / BOOK_FILENAME, *printed.glob("2*.pdf"), full_pdf):
        sizes = font_sizes_pt(path)
        assert sizes and min(sizes) >= 9, (path.name, sorted(sizes))


def test_the_pdfs_are_tagged_pdf_ua(printed):
    for path in printed.glob("*.pdf"):
        info = _poppler("pdfinfo", str(path))
        assert re.search(r"^Tagged:\s+yes$", info, re.M), path.name
        metadata = _poppler("pdfinfo", "-meta", str(path))
        assert 'pdfuaid:part="1"' in metadata, path.name


def test_order_oldest_prints_the_book_oldest_first(seeds_dir, briefs, tmp_path):
    assert run_pdf(seeds_dir, tmp_path, "--order", "oldest") == cli.EXIT_OK
    text = flat(pdf_text(tmp_path / BOOK_FILENAME))
    starts = [text.index(flat(brief.title), text.index(f"BRIEF {n} OF 3")) for n, brief in enumerate(briefs, 1)]
    assert starts == sorted(starts)
