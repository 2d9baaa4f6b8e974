"""Extraction time on large synthetic articles: is every stage linear in the article's length?

Builds invented articles of about 0.5 MB, 1 MB and 5 MB (varied paragraphs of about 480
characters with names, quotes, reported speech, money, percentages and dates) and one
article that is a single 1 MB line without punctuation, then prints the seconds each
stage takes on each. Figures only: nothing here is asserted.

Run: .venv/bin/python bench/bench_large.py [--sizes 0.5,1,5] [--stages dates,figures,...]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.extract import STAGES  # noqa: E402
from briefing.model import Article  # noqa: E402
from briefing.sentences import segment  # noqa: E402

_FIRST = "Ada Bruno Clara Dmitri Elena Farid Greta Hiro Ines Jonas Kemal Lena Marco Nadia Omar Priya".split()
_LAST = "Brook Castell Dunmore Eklund Ferreira Galloway Hartmann Ivanova Jansen Kowalski Lindqvist Moreau".split()
_ORGS = ["Northwind Bank", "the Ministry of Finance", "Acme Holdings", "the Central Statistics Office",
         "Borealis Energy", "the Harbour Authority", "Meridian Airlines", "the National Grain Board"]
_PLACES = "Valdora Kestria Marovia Ostland Pelagia Sundmark Tavoria Umbrel".split()
_ROLES = ["finance minister", "chief executive", "spokesman", "senior analyst", "central bank governor",
          "union leader", "port director", "trade envoy"]
_MONTHS = "January February March April May June July August September October November December".split()
_THINGS = "workers turbines tonnes containers passengers contracts vehicles homes".split()
_UNITS = ["km", "litres", "megawatts", "hectares", "kg"]

_TEMPLATES = [
    '"We expect the {thing} programme to grow by {pct} percent over the next {n} years, and we will not '
    'slow down," {name}, the {role} of {org}, said on {weekday}. {Last} added that the plan would cost '
    'about ${amount} million and that talks with {place} would resume in {month} {year}.',
    '{name} told reporters in {place} that {org} had signed a ${amount} million agreement on {day} {month} '
    '{year}. According to {org}, the deal covers {count} {thing} and some {amount2} {unit} of new capacity. '
    '"This is a turning point for the whole region," {he} said.',
    'Exports from {place} rose {pct}% to {amount} billion euros in {month}, the highest level since {year}, '
    'the {org2} said on {weekday}. Analysts had expected a smaller rise. {name}, a {role} at {org}, said '
    'the figures showed that demand remained strong despite the {thing} shortage earlier this year.',
    'In a statement issued {daysago} days ago, {org} said it would hire {count} {thing} by the end of next '
    'year and invest £{amount} million in {place}. "We have waited long enough," the {role} said. '
    '"The money is there, the people are there, and the will is there." The board meets again on {month} {day}.',
    'The {role}, {name}, said that inflation had fallen to {pct} percent in the third quarter, down from '
    '{pct2} percent a year earlier. She warned that prices for {thing} could rise again before Christmas. '
    'Last {weekday}, {org} cut its forecast to {amount} million {unit}, citing weather in {place}.',
    '"I don\'t think anyone in {place} believed the numbers," said {name}, who ran the {org2} programme '
    'from {year} to {year2}. The audit, published on {month} {day}, {year}, found that {count} of the {thing} '
    'were never delivered and that about ${amount},000 was missing from the accounts of {org}.',
]


def _paragraph(rng: random.Random, i: int) -> str:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    values = {
        "name": f"{first} {last}", "Last": last, "role": rng.choice(_ROLES), "org": rng.choice(_ORGS),
        "org2": rng.choice(_ORGS).replace("the ", ""), "place": rng.choice(_PLACES),
        "thing": rng.choice(_THINGS), "unit": rng.choice(_UNITS), "pct": f"{rng.randint(1, 30)}.{i % 10}",
        "pct2": str(rng.randint(1, 30)), "n": str(rng.randint(2, 9)), "amount": str(rng.randint(2, 950)),
        "amount2": f"{rng.randint(10, 99)},{rng.randint(100, 999)}", "count": str(rng.randint(12, 4000)),
        "month": rng.choice(_MONTHS), "day": str(rng.randint(1, 28)), "year": str(rng.randint(1995, 2014)),
        "year2": str(rng.randint(2015, 2020)), "weekday": rng.choice(["Monday", "Tuesday", "Thursday", "Friday"]),
        "daysago": rng.choice(["two", "three", "five"]), "he": rng.choice(["he", "she"]),
    }
    return _TEMPLATES[i % len(_TEMPLATES)].format(**values)


def article_of(size: int, seed: int = 7) -> str:
    """Paragraphs of invented news copy, one per line, to about ``size`` characters."""
    rng = random.Random(seed)
    paragraphs, total, i = [], 0, 0
    while total < size:
        paragraph = _paragraph(rng, i)
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
        i += 1
    return "\n".join(paragraphs)


def unpunctuated_line(size: int, seed: int = 11) -> str:
    """One line of words, numbers and names without any punctuation: a single huge sentence."""
    rng = random.Random(seed)
    words = ("the of and to in said that 12 million percent workers bank Ada Brook March 2014 rose "
             "about 450 dollars some people he she they minister Northwind Valdora Friday last year "
             "three tonnes would will from by with at on as is was were according").split()
    out, total = [], 0
    while total < size:
        word = rng.choice(words)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def run(name: str, body: str, stages: set[str] | None) -> None:
    article = Article(id=name, title=name, published=dt.date(2015, 6, 15), body=body, path=f"{name}.txt")
    t0 = time.process_time()
    doc = segment(article)
    timings = {"segment": time.process_time() - t0}
    found: dict = {}
    for stage in STAGES:
        inputs = {need: found.get(need, ()) for need in stage.needs}
        if stages is not None and stage.name not in stages and stage.adds not in stages:
            found[stage.adds] = ()
            continue
        t0 = time.process_time()
        found[stage.adds] = tuple(stage.run(doc, **inputs))
        timings[stage.name] = time.process_time() - t0
    counts = ", ".join(f"{k} {len(v)}" for k, v in found.items() if v)
    print(f"{name:<22} {len(body) / 1e6:5.2f} MB {len(doc.sentences):>7,} sentences  ({counts})")
    print("    " + "  ".join(f"{k} {v:6.2f}s" for k, v in timings.items()), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,5", help="article sizes in MB (default 0.5,1,5)")
    parser.add_argument("--stages", default=None, help="comma-separated stages to time (default: all)")
    parser.add_argument("--no-line", action="store_true", help="skip the 1 MB unpunctuated line")
    args = parser.parse_args()
    stages = set(args.stages.split(",")) if args.stages else None
    print("CPU seconds per stage (stages left out get empty inputs)")
    for size in (float(s) for s in args.sizes.split(",")):
        run(f"paragraphs {size:g} MB", article_of(int(size * 1e6)), stages)
    if not args.no_line:
        run("one line 1 MB", unpunctuated_line(1_000_000), stages)


if __name__ == "__main__":
    main()
