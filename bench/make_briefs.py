"""Synthetic briefs (and seed articles) for benchmarks and scale tests.

Every brief is made of invented sentences about invented people and organisations and real
countries (pycountry), with the offsets, actors, agreements, figures, quotes and dates an
extractor would give. The same ``seed`` always gives the same briefs.

    python bench/make_briefs.py --count 200 --seeds /tmp/seeds   # write seed articles instead
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import pycountry

from briefing.load import make_id
from briefing.model import (Actor, Agreement, Article, Brief, DateMention, Evidence, Figure, Quote, Source)
from briefing.sentences import segment

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    """A project folder for a bench at ``target``: the configuration, the hand-written docs assets, the
    theme overrides and a link to the package (for the hook). Returns ``target``."""
    (target / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / folder, target / "docs" / folder)
    shutil.copytree(ROOT / "overrides", target / "overrides")  # theme.custom_dir
    (target / "briefing").symlink_to(ROOT / "briefing")
    return target

GIVEN_NAMES = ("Amira", "Bruno", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal",
               "Lina", "Marek", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Stefan", "Tomas", "Uma", "Viktor",
               "Wanda", "Yusuf", "Zofia")
SURNAMES = ("Abernethy", "Balogun", "Castellano", "Dragomir", "Eklund", "Ferreira", "Galloway", "Haddad",
            "Ivanova", "Jaramillo", "Kowalski", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo", "Petrescu",
            "Quispe", "Rahimi", "Sorensen", "Takahashi", "Ulrich", "Vasquez", "Wojcik", "Yilmaz", "Zeller")
ROLES = ("foreign minister", "trade minister", "defence minister", "central bank governor", "analyst",
         "spokesperson", "energy minister", "ambassador")
ORG_STEMS = ("Harbour", "Meridian", "Northgate", "Silverline", "Eastbrook", "Highfield", "Redwood", "Lakeshore",
             "Granite", "Summit")
ORG_KINDS = ("Institute", "Bank", "Energy Company", "Research Centre", "Shipping Group", "Trade Council")
AGREEMENT_KINDS = ("trade agreement", "energy cooperation agreement", "defence pact", "visa waiver deal",
                   "fisheries accord")
STATUSES = ("proposed", "under negotiation", "agreed", "signed", "ratified", "in force")
COUNTRIES = tuple(sorted(c.name for c in pycountry.countries if "," not in c.name and "(" not in c.name))


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(GIVEN_NAMES), rng.choice(SURNAMES)


SYLLABLES = ("ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "do", "fe", "gu", "ha", "ji", "po")


def invented_name(number: int) -> str:
    """A capitalised invented word, a different one for every ``number``."""
    letters = "".join(SYLLABLES[(number >> shift) & 15] for shift in range(0, 20, 4))
    return (letters + SYLLABLES[number % 7]).capitalize()


def make_brief(number: int, *, seed: int = 0, distinct: bool = False) -> Brief:
    """Brief ``number`` of the synthetic set ``seed``; with ``distinct`` its people and organisation are its own."""
    rng = random.Random(seed * 1_000_003 + number)
    published = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5000))
    home, partner = rng.sample(COUNTRIES, 2)
    (given, surname), (given2, surname2) = _person(rng), _person(rng)
    if distinct:
        surname, surname2 = invented_name(2 * number), invented_name(2 * number + 1)
    speaker, analyst = f"{given} {surname}", f"{given2} {surname2}"
    role = rng.choice(ROLES)
    org = f"{invented_name(number) if distinct else rng.choice(ORG_STEMS)} {rng.choice(ORG_KINDS)}"
    kind, status = rng.choice(AGREEMENT_KINDS), rng.choice(STATUSES)
    amount = rng.randrange(2, 990)
    year = published.year - 1
    quote = f"We expect the {kind} to help both sides within {rng.randrange(2, 9)} years"
    sentences = [
        f"{home} and {partner} on Monday said the {kind} was now {status}, officials said.",
        f"{role.capitalize()} {speaker} of {home} met counterparts in the capital of {partner}.",
        f"\"{quote},\" {surname} told reporters.",
        f"Trade between the two countries reached ${amount} million in {year}, according to the {org}.",
        f"{surname} said the talks would continue next month.",
        f"{analyst}, an analyst at the {org}, said the {kind} could change regional trade.",
    ]
    title = f"{home} and {partner}: {kind} {status} (brief {number})"
    article = Article(id=make_id(title, published), title=title, published=published, body="\n".join(sentences),
                      path=f"synthetic/{number:05d}.txt")
    doc = segment(article)
    body = doc.text

    def evidence(text: str, after: int = 0) -> tuple[Evidence, ...]:
        start = body.index(text, after)
        return (doc.evidence(start, start + len(text)),)

    actors = (
        Actor(id=make_id(home, None), name=home, type="country", mentions=2, evidence=evidence(home)),
        Actor(id=make_id(partner, None), name=partner, type="country", mentions=2, evidence=evidence(partner)),
        Actor(id=make_id(speaker, None), name=speaker, type="person", aliases=(surname,), roles=(role,),
              affiliation=home, mentions=3, evidence=evidence(speaker)),
        Actor(id=make_id(analyst, None), name=analyst, type="person", roles=("analyst",), affiliation=org,
              mentions=1, evidence=evidence(analyst)),
        Actor(id=make_id(org, None), name=org, type="organization", mentions=2, evidence=evidence(org)),
    )
    first = doc.sentences[0]
    return Brief(
        id=article.id, title=title, published=published.isoformat(), source=Source(path=article.path),
        summary=first.text, actors=actors,
        agreements=(Agreement(kind=kind, parties=(home, partner), status=status, date=published.isoformat(),
                              text=first.text, evidence=(doc.evidence(first.start, first.end),)),),
        figures=(Figure(text=f"${amount} million", value=amount * 1_000_000, unit="USD",
                        measure="trade between the two countries", date=str(year), source=org,
                        display=f"US${amount} million", evidence=evidence(f"${amount} million")),),
        quotes=(Quote(text=quote, kind="direct", speaker=speaker, speaker_text=surname, evidence=evidence(quote)),),
        reported_speech=(Quote(text="the talks would continue next month", kind="indirect", speaker=speaker,
                               speaker_text=surname, evidence=evidence("the talks would continue next month")),),
        dates=(DateMention(text="on Monday", value=published.isoformat(), evidence=evidence("on Monday")),
               DateMention(text=f"in {year}", value=str(year), evidence=evidence(f"in {year}"))),
        sentences=doc.sentences,
    )


def make_briefs(count: int, *, seed: int = 0, distinct: bool = False) -> list[Brief]:
    """``count`` synthetic briefs."""
    return [make_brief(number, seed=seed, distinct=distinct) for number in range(count)]


def write_seeds(count: int, seeds_dir: Path, *, seed: int = 0, distinct: bool = False) -> list[Path]:
    """Write ``count`` synthetic articles as plain-text seeds (title, date, body) into ``seeds_dir``."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        brief = make_brief(number, seed=seed, distinct=distinct)
        path = seeds_dir / f"synthetic-{number:05d}.txt"
        body = "\n".join(s.text for s in brief.sentences)
        path.write_text(f"{brief.title}\n{brief.published}\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", type=Path, required=True, metavar="DIR", help="folder to write the articles to")
    args = parser.parse_args()
    print(f"wrote {len(write_seeds(args.count, args.seeds, seed=args.seed))} seed(s) to {args.seeds}")


if __name__ == "__main__":
    main()
