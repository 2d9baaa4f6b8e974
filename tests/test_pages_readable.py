"""Cross-brief pages that read well (#19.4): surname order, canonical names, roles once, country pages that
gather their people, readable search text."""
from __future__ import annotations

import re

import pytest

from briefing.model import Actor, Brief, Quote, Source
from briefing.crossbrief import build_index, fold_name, sort_name
from briefing.render import render_site
from helpers import make_doc


def actor(name: str, kind: str = "person", *, aliases: tuple[str, ...] = (), roles: tuple[str, ...] = (),
          affiliation: str | None = None, mentions: int = 1) -> Actor:
    return Actor(id=fold_name(name).replace(" ", "-"), name=name, type=kind, aliases=aliases, roles=roles,
                 affiliation=affiliation, mentions=mentions)


def brief(brief_id: str, *actors: Actor, quotes: tuple[Quote, ...] = (), published: str = "2020-01-02") -> Brief:
    doc = make_doc("Nothing happened.")
    return Brief(id=brief_id, title=f"Brief {brief_id}", published=published, source=Source(path=f"{brief_id}.txt"),
                 summary=doc.sentences[0].text, actors=actors, quotes=quotes, sentences=doc.sentences)


def page(pages, src: str) -> str:
    return next(p.text for p in pages if p.src == src)


def linked_names(text: str) -> list[str]:
    return re.findall(r'<li[^>]*><a href="[^"]+">([^<]+)</a>', text)


def test_people_are_listed_by_surname_and_filed_under_its_letter():
    pages = render_site([brief("b", actor("Adam Zed"), actor("Lin Wei"), actor("Jane Doe"), actor("Bob Anders"),
                               actor("Zeta Bank", "organization"), actor("Acme Corp", "organization"))])
    actors = page(pages, "actors/index.md")
    assert linked_names(actors) == ["Bob Anders", "Jane Doe", "Lin Wei", "Adam Zed", "Acme Corp", "Zeta Bank"]
    assert re.findall(r'<h3 id="people-(\w)">', actors) == ["A", "D", "W", "Z"]


@pytest.mark.parametrize("name, key", [
    ("Jane Doe", "doe jane"),
    ("Lin Wei", "wei lin"),
    ("Doe", "doe"),
])
def test_sort_name_of_a_person(name, key):
    (page_,) = build_index([brief("b", actor(name))]).actor_pages
    assert sort_name(page_) == key


def test_an_organisation_sorts_by_its_whole_name():
    (page_,) = build_index([brief("b", actor("The Acme Corp", "organization"))]).actor_pages
    assert sort_name(page_) == "acme corp"


def test_the_canonical_name_is_the_one_the_texts_give_most_often():
    index = build_index([brief("b1", actor("J. Doe", mentions=1)), brief("b2", actor("J. Doe", mentions=1)),
                         brief("b3", actor("Jane Doe", mentions=5))])
    (page_,) = index.actor_pages
    assert page_.name == "Jane Doe"


def test_also_written_never_repeats_the_name_and_roles_come_once_whatever_their_case():
    pages = render_site([brief("b1", actor("Jane Doe", aliases=("JANE DOE", "Ms Doe"), roles=("Foreign Minister",))),
                         brief("b2", actor("Jane Doe", roles=("foreign minister",))),
                         brief("b3", actor("Jane Doe", roles=("Foreign Minister", "envoy")))])
    text = page(pages, "actors/jane-doe.md")
    assert "<dt>Also written</dt> <dd>Ms Doe</dd>" in text
    assert "<dt>Roles seen</dt> <dd>Foreign Minister; envoy</dd>" in text


def test_no_also_written_when_there_is_no_other_spelling():
    text = page(render_site([brief("b", actor("Jane Doe"))]), "actors/jane-doe.md")
    assert "Also written" not in text


def test_the_facts_of_an_actor_are_separated_for_search_snippets():
    text = page(render_site([brief("b", actor("Jane Doe", aliases=("Ms Doe",), roles=("envoy",),
                                          affiliation="Acme Corp"), actor("Acme Corp", "organization"))]),
                "actors/jane-doe.md")
    facts = re.search(r'<dl class="actor-facts">(.*?)</dl>', text).group(1)
    assert re.sub(r"<[^>]+>", "", facts) == "Also written Ms Doe Roles seen envoy Affiliation Acme Corp"


def test_a_country_page_gathers_its_people_and_their_quotes():
    quote = Quote(text="We will sign soon.", kind="direct", speaker="Jane Doe")
    other = Quote(text="Not today.", kind="direct", speaker="Jane Doe")
    pages = render_site([
        brief("b1", actor("Xland", "country"), actor("Jane Doe", roles=("foreign minister",), affiliation="Xland"),
              quotes=(quote,)),
        brief("b2", actor("Jane Doe"), quotes=(other,), published="2020-02-02"),  # not said as Xland's minister
        brief("b3", actor("Yland", "country"), actor("Lin Wei", affiliation="Yland")),
    ])
    xland = page(pages, "countries/xland.md")
    people = xland.split("## People", 1)[1].split("## Quotes", 1)[0]
    assert re.findall(r'<td><a href="[^"]+">([^<]+)</a></td><td>([^<]*)</td>', people) == [
        ("Jane Doe", "foreign minister")]
    quotes = xland.split("## Quotes", 1)[1].split("## Agreements", 1)[0]
    assert "We will sign soon." in quotes and "Not today." not in quotes
    assert "No quotes found" not in quotes
    assert "Jane Doe" in quotes  # who of the country said it


def test_a_country_without_affiliated_people_says_so():
    text = page(render_site([brief("b", actor("Xland", "country"))]), "countries/xland.md")
    assert "No people affiliated with Xland found." in text


def test_a_country_page_has_no_empty_role_and_affiliation_columns():
    text = page(render_site([brief("b", actor("Xland", "country"))]), "countries/xland.md")
    assert "<th>Role</th>" not in text
