"""Benchmark the print: seconds per brief PDF and for a 100-brief briefing book; the book's peak memory.

Self-contained: builds synthetic briefs (invented text) in memory, prints timings, asserts nothing.
Run from the project root: ``.venv/bin/python bench/bench_pdf.py [--briefs N]``, or
``.venv/bin/python bench/bench_pdf.py --book-memory 100,500,2000`` for the time and peak memory (RSS) of a book
of each size, each printed in a process of its own.
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.model import (  # noqa: E402
    Actor, Agreement, Brief, DateMention, Evidence, Figure, Quote, Sentence, Source,
)
from briefing.pdf import render_book_pdf, render_brief_pdf  # noqa: E402

SENTENCES = (
    "The ministers of {a} and {b} met in the capital on Monday to discuss a trade accord.",
    "Officials said the accord would lower tariffs on farm goods over {n} years.",
    '"We have waited a long time for this day," said {p}, the foreign minister of {a}.',
    "Trade between the two countries reached {m} million dollars last year, up {n} percent.",
    "{p} said talks on a fisheries deal would continue in the spring.",
    "The opposition in {b} called the accord rushed and asked for a vote in parliament.",
    "Analysts expect the agreement to be ratified before the end of the year.",
    "Both delegations declined to give details of the security provisions.",
)
COUNTRIES = ("Norland", "Ostravia", "Belmora", "Kestria", "Valdoria", "Sundmark")
PEOPLE = ("Mira Kalden", "Tomas Vreeland", "Anja Pellow", "Rafael Ostin", "Ines Corvo")


def synthetic_brief(number: int, *, paragraphs: int = 3) -> Brief:
    """An invented brief with every section filled; ``paragraphs`` repeats the eight sentences."""
    a, b = COUNTRIES[number % len(COUNTRIES)], COUNTRIES[(number + 1) % len(COUNTRIES)]
    person = PEOPLE[number % len(PEOPLE)]
    texts = [s.format(a=a, b=b, p=person, n=3 + number % 7, m=100 + number) for s in SENTENCES] * paragraphs
    sentences, offset = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index=index, start=offset, end=offset + len(text), text=text))
        offset += len(text) + 1

    def evidence(index: int, fragment: str) -> tuple[Evidence, ...]:
        sentence = sentences[index]
        start = sentence.start + sentence.text.index(fragment)
        return (Evidence(sentence=index, start=start, end=start + len(fragment)),)

    published = dt.date(2020, 1, 1) + dt.timedelta(days=7 * number)
    return Brief(
        id=f"{published.isoformat()}-synthetic-brief-{number}",
        title=f"{a} and {b} agree trade accord after {3 + number % 7} years of talks",
        published=published.isoformat(),
        source=Source(path=f"seeds/synthetic-{number}.txt", outlet="Synthetic Wire"),
        summary=texts[0],
        actors=(
            Actor(id=a.lower(), name=a, type="country", mentions=4, evidence=evidence(0, a)),
            Actor(id=b.lower(), name=b, type="country", mentions=3, evidence=evidence(0, b)),
            Actor(id=person.lower().replace(" ", "-"), name=person, type="person", aliases=(person.split()[1],),
                  roles=("foreign minister",), affiliation=a, mentions=2, evidence=evidence(2, person)),
        ),
        agreements=(Agreement(kind="trade accord", parties=(a, b), status="signed",
                              date=published.isoformat(), text=texts[0], evidence=evidence(0, texts[0])),),
        figures=(Figure(text=f"{100 + number} million dollars", value=(100 + number) * 1_000_000, unit="USD",
                        measure="trade between the two countries", date=str(published.year - 1),
                        display=f"US${100 + number} million", evidence=evidence(3, f"{100 + number} million")),),
        quotes=(Quote(text="We have waited a long time for this day", kind="direct", speaker=person,
                      speaker_text=person, role="foreign minister", evidence=evidence(2, "We have waited")),),
        dates=(DateMention(text="on Monday", value=published.isoformat(), evidence=evidence(0, "on Monday")),),
        sentences=tuple(sentences),
        tags=("trade",),
    )


def book_memory(count: int, paper: str) -> None:
    """Print one book of ``count`` briefs in this process and say its time, pages, size and peak memory."""
    briefs = [synthetic_brief(n) for n in range(count)]
    start = time.perf_counter()
    book = render_book_pdf(briefs, paper=paper)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(book)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    print(f"book of {count:>6,} briefs: {seconds:7.1f} s, {pages:>6,} pages, "
          f"{len(book) / 1024 / 1024:6.1f} MiB, peak memory {peak:7,.0f} MiB "
          f"({peak / count:.2f} MiB per brief)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=100, help="briefs in the book (default: %(default)s)")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("--book-memory", metavar="N,N,...", help="peak memory of a book of each size")
    parser.add_argument("--one-book", type=int, help=argparse.SUPPRESS)  # the child process of --book-memory
    args = parser.parse_args()
    if args.one_book:
        book_memory(args.one_book, args.paper)
        return
    if args.book_memory:
        for count in (int(n) for n in args.book_memory.split(",")):
            subprocess.run([sys.executable, __file__, "--one-book", str(count), "--paper", args.paper], check=True)
        return
    briefs = [synthetic_brief(n) for n in range(args.briefs)]

    start = time.perf_counter()
    render_brief_pdf(briefs[0], paper=args.paper)  # warm-up: imports WeasyPrint, loads fonts
    print(f"first brief (imports, font loading): {time.perf_counter() - start:.2f} s")

    sample = briefs[1:11]
    start = time.perf_counter()
    for brief in sample:
        render_brief_pdf(brief, paper=args.paper)
    print(f"one brief PDF: {(time.perf_counter() - start) / len(sample):.3f} s per brief ({len(sample)} measured)")

    start = time.perf_counter()
    book = render_book_pdf(briefs, paper=args.paper)
    print(f"book of {len(briefs)} briefs: {time.perf_counter() - start:.2f} s, {len(book) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
