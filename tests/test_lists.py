"""List pages (#19.2, #20.4): rows carry what the filters read; long lists split into month pages."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from briefing import site
from briefing.lists import by_period, period_key, period_label, periods_by_year, row_attrs, split_by_period
from briefing.model import Actor, Brief, Figure, Quote, Source
from briefing.render import render_changes, render_site
from helpers import make_doc
from test_site import broken_links, make_project, page_links

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_briefs import make_briefs  # noqa: E402


@pytest.mark.parametrize("date, key, label", [
    ("2024-05-02", "2024-05", "May 2024"),
    ("2024-12", "2024-12", "December 2024"),
    ("2024", "2024", "2024"),
    (None, "undated", "Undated"),
    ("", "undated", "Undated"),
])
def test_period_of_a_date(date, key, label):
    assert period_key(date) == key
    assert period_label(key) == label


def test_a_short_list_is_not_split():
    assert split_by_period(["2024-05-01"] * 3, lambda d: d, folder="x", limit=3) is None


def test_a_long_list_is_split_by_month_in_its_order():
    rows = ["2024-06-02", "2024-06-01", "2024-05-30", "2024", None]
    periods = split_by_period(rows, lambda d: d, folder="timeline", limit=2)
    assert [(p.key, p.src, p.rows) for p in periods] == [
        ("2024-06", "timeline/2024-06.md", ("2024-06-02", "2024-06-01")),
        ("2024-05", "timeline/2024-05.md", ("2024-05-30",)),
        ("2024", "timeline/2024.md", ("2024",)),
        ("undated", "timeline/undated.md", (None,)),
    ]
    assert [(year, [p.key for p in group]) for year, group in periods_by_year(periods)] == [
        ("2024", ["2024-06", "2024-05", "2024"]), ("Undated", ["undated"])]


def test_by_period_groups_consecutive_rows():
    assert by_period(["2024-01-02", "2024-01-09", "2024-02-01"], lambda d: d) == [
        ("2024-01", ["2024-01-02", "2024-01-09"]), ("2024-02", ["2024-02-01"])]


@pytest.mark.parametrize("values, attrs", [
    ({"date": "2024-05-02"}, ' data-row data-date="2024-05-02"'),
    ({"country": ["Xland", "Yland", "Xland"]}, ' data-row data-country="Xland|Yland"'),
    ({"actor": ['Jane "JD" Doe', "A|B"]}, ' data-row data-actor="Jane &#34;JD&#34; Doe|A B"'),
    ({"status": "signed", "tag": []}, ' data-row data-status="signed"'),
    ({"kind": None}, " data-row"),
    ({"actor": ["<script>x</script>"]}, ' data-row data-actor="&lt;script&gt;x&lt;/script&gt;"'),
])
def test_row_attrs(values, attrs):
    assert str(row_attrs(**values)) == attrs


def dated_brief(number: int, published: str) -> Brief:
    doc = make_doc("Acme Corp paid Xland US$5 million.")
    return Brief(id=f"b{number}", title=f"Brief {number}", published=published, source=Source(path=f"b{number}.txt"),
                 summary=doc.sentences[0].text, sentences=doc.sentences,
                 actors=(Actor(id="acme", name="Acme Corp", type="organization", mentions=1),
                         Actor(id="xland", name="Xland", type="country", mentions=1)),
                 figures=(Figure(text="US$5 million", value=5e6, unit="USD", evidence=(doc.evidence(21, 33),)),))


def page(pages, src: str) -> str:
    return next(p.text for p in pages if p.src == src)


def test_a_long_list_becomes_an_index_of_months_and_a_page_each():
    briefs = [dated_brief(1, "2024-05-02"), dated_brief(2, "2024-05-20"), dated_brief(3, "2024-06-01")]
    pages = render_site(briefs, period_rows=2)
    srcs = {p.src for p in pages}
    assert {"all-briefs/2024-05.md", "all-briefs/2024-06.md", "figures/2024-05.md", "figures/2024-06.md"} <= srcs
    index = page(pages, "all-briefs.md")
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="brief-count">(\d+)</span>', index) == [
        ("2024-06/", "June 2024", "1"), ("2024-05/", "May 2024", "2")]
    may = page(pages, "all-briefs/2024-05.md")
    assert re.findall(r">(Brief \d)</a>", may) == ["Brief 2", "Brief 1"]
    assert '"All briefs: May 2024"' in may and '<a href="../2024-06/">June 2024</a>' in may


def test_a_short_list_stays_one_page_with_its_filters():
    pages = render_site([dated_brief(1, "2024-05-02")])
    assert not any(p.src.startswith("all-briefs/") for p in pages)
    text = page(pages, "all-briefs.md")
    assert '<form class="list-filter"' in text
    assert '<tr data-row data-date="2024-05-02" data-country="Xland" data-actor="Acme Corp|Xland"' in text


def test_the_timeline_is_grouped_by_month():
    briefs = [dated_brief(1, "2024-05-02"), dated_brief(2, "2024-06-01")]
    figures = (Figure(text="US$5 million", value=5e6, unit="USD", date="2024-05-02"),)
    briefs = [Brief(**{**b.__dict__, "figures": figures}) for b in briefs]
    text = page(render_site(briefs), "timeline/index.md")
    assert re.findall(r'<h2 id="m-([\d-]+)">([^<]+)</h2>', text) == [("2024-05", "May 2024")]


def test_period_pages_build_strict_with_no_broken_link(tmp_path):
    config = make_project(tmp_path / "project")
    site_dir = site.publish(make_briefs(40), config_file=config, strict=True, period_rows=10)
    months = sorted(p.name for p in (site_dir / "all-briefs").iterdir() if p.is_dir())
    assert len(months) > 4 and all(re.fullmatch(r"\d{4}-\d{2}", m) for m in months)
    linked = page_links(site_dir, "all-briefs/", "all-briefs/")
    assert linked == {f"all-briefs/{m}/" for m in months}
    assert broken_links(site_dir) == []
    shown = sum(len(page_links(site_dir, f"all-briefs/{m}/", "briefs/")) for m in months)
    assert shown == 40  # every brief on exactly one month page


def actor_brief(number: int, *names: str) -> Brief:
    doc = make_doc("Talks went on.")
    return Brief(id=f"b{number}", title=f"Brief {number}", published="2024-05-02", source=Source(path=f"b{number}.txt"),
                 summary=doc.sentences[0].text, sentences=doc.sentences,
                 actors=tuple(Actor(id=f"a{n}", name=name, type="person", mentions=1) for n, name in enumerate(names)))


def test_a_long_actor_index_becomes_an_index_of_initials_and_a_page_each():
    pages = render_site([actor_brief(1, "Ana Brel", "Tomas Brisk", "Ola Cade"), actor_brief(2, "Ana Brel", "Юрий Волков")],
                        period_rows=2)
    index = page(pages, "actors/index.md")
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="brief-count">(\d+)</span>', index) == [
        ("initials/people-b/", "B", "2"), ("initials/people-c/", "C", "1"), ("initials/people-u0412/", "В", "1")]
    b = page(pages, "actors/initials/people-b.md")
    assert '"Actors: People, B"' in b and '<a href="../../">All actors</a>' in b
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a> <span class="brief-count">([^<]+)</span>', b) == [
        ("../../ana-brel/", "Ana Brel", "2 briefs"), ("../../tomas-brisk/", "Tomas Brisk", "1 brief")]
    assert "Ola Cade" not in b and '<form class="list-filter"' in b


def test_a_short_actor_index_stays_one_page_with_its_letters():
    pages = render_site([actor_brief(1, "Ana Brel", "Ola Cade")])
    assert not any(p.src.startswith("actors/initials/") for p in pages)
    assert '<p class="actor-letters"><a href="#people-B">B</a> <a href="#people-C">C</a> </p>' in page(pages, "actors/index.md")


def test_an_edit_renders_again_only_the_initial_whose_rows_changed():
    before = [actor_brief(1, "Ana Brel", "Ola Cade"), actor_brief(2, "Ola Cade"), actor_brief(3, "Piet Dunn")]
    first = render_changes(before, period_rows=2)
    again = render_changes([before[0], actor_brief(2, "Ola Cade", "Ana Brel"), before[2]], previous=first.units,
                           period_rows=2)
    rendered = {p.src for p in again.pages}
    assert "actors/initials/people-b.md" in rendered
    assert {"actors/index.md", "actors/initials/people-c.md", "actors/initials/people-d.md"} <= set(again.kept)


def test_initial_pages_build_strict_with_no_broken_link(tmp_path):
    config = make_project(tmp_path / "project")
    site_dir = site.publish(make_briefs(40), config_file=config, strict=True, period_rows=10)
    initials = page_links(site_dir, "actors/", "actors/initials/")
    assert len(initials) > 3 and broken_links(site_dir) == []
    listed = [link for initial in initials for link in page_links(site_dir, initial, "actors/")
              if not link.startswith("actors/initials/") and link != "actors/"]
    assert len(listed) == len(set(listed)) > 10  # every actor on exactly one initial's page


def quoted_brief(number: int, published: str, speaker: str) -> Brief:
    doc = make_doc(f"{speaker} said the talks went on.")
    return Brief(id=f"q{number}", title=f"Quoted {number}", published=published, source=Source(path=f"q{number}.txt"),
                 summary=doc.sentences[0].text, sentences=doc.sentences,
                 actors=(Actor(id="p", name=speaker, type="person", mentions=1),),
                 quotes=(Quote(text="the talks went on", kind="indirect", speaker=speaker,
                               evidence=(doc.evidence(0, len(doc.text)),)),))


def test_a_new_brief_of_a_speaker_renders_again_only_its_own_months_quotes_page():
    before = [quoted_brief(1, "2024-05-02", "Ilse Varga"), quoted_brief(2, "2024-06-03", "Ilse Varga"),
              quoted_brief(3, "2024-07-04", "Ilse Varga")]
    first = render_changes(before, period_rows=2)
    again = render_changes([*before, quoted_brief(4, "2024-08-05", "Ilse Varga")], previous=first.units, period_rows=2)
    assert {"quotes/2024-08.md", "actors/ilse-varga.md"} <= {p.src for p in again.pages}
    assert {"quotes/2024-05.md", "quotes/2024-06.md"} <= set(again.kept)
    may = next(p.text for p in first.pages if p.src == "quotes/2024-05.md")
    assert '<h2 id="ilse-varga"><a href="../../actors/ilse-varga/">Ilse Varga</a></h2>' in may
