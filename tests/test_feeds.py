"""What's new (briefing/changes.py) and the feeds (briefing/feeds.py), read back with feedparser and json."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import feedparser
import pytest

from briefing import changes, site
from briefing.changes import BuildState, Changes, StatusChange, agreement_key, next_state, read_state
from briefing.feeds import JSON_FEED_VERSION, entry_id
from briefing.model import Actor, Agreement, Brief, Source
from briefing.render import render_site
from helpers import make_doc
from test_site import broken_links, make_project

EVIL_TITLE = '<b>Bold</b> & "x"\x0b{{ 7*7 }}'
T1, T2, T3 = "2026-01-01T08:00:00+00:00", "2026-01-02T08:00:00+00:00", "2026-01-03T08:00:00+00:00"


def brief(brief_id: str, *, published: str | None = "2021-05-04", title: str = "", status: str = "agreed",
          summary: str = "Xland and Yland agreed a pact.", tags: tuple[str, ...] = ("energy",),
          outlet: str | None = "Acme Daily") -> Brief:
    doc = make_doc("Xland and Yland agreed a pact.")
    actors = (Actor(id="xland", name="Xland", type="country", mentions=1, evidence=(doc.evidence(0, 5),)),
              Actor(id="yland", name="Yland", type="country", mentions=1, evidence=(doc.evidence(10, 15),)))
    return Brief(id=brief_id, title=title or f"Pact {brief_id}", published=published,
                 source=Source(path=f"{brief_id}.txt", outlet=outlet), summary=summary, sentences=doc.sentences,
                 actors=actors, tags=tags,
                 agreements=(Agreement(kind="pact", parties=("Xland", "Yland"), status=status, date=None,
                                       text=doc.sentences[0].text, evidence=(doc.evidence(20, 24),)),))


# --------------------------------------------------------------------------- the state and what changed

def test_a_first_build_finds_every_brief_and_agreement_new():
    state = next_state(None, [brief("a"), brief("b")], T1)
    assert state.changes == Changes(at=T1, since=None, new_briefs=("a", "b"),
                                    new_agreements=(("a", "pact|xland;yland"), ("b", "pact|xland;yland")))
    assert state.briefs["a"].first_seen == state.briefs["a"].changed == T1


@pytest.mark.parametrize("now, expected", [
    # (the briefs of the second build, what it finds changed since the first build of a and b)
    ([brief("a"), brief("b"), brief("c")], Changes(at=T2, since=T1, new_briefs=("c",),
                                                   new_agreements=(("c", "pact|xland;yland"),))),
    ([brief("a", status="signed"), brief("b")],
     Changes(at=T2, since=T1, updated_briefs=("a",),
             status_changes=(StatusChange("a", "pact|xland;yland", "agreed", "signed"),))),
    ([brief("a", summary="Xland and Yland agreed a pact again."), brief("b")],
     Changes(at=T2, since=T1, updated_briefs=("a",))),
    ([brief("a")], Changes(at=T2, since=T1, removed_briefs=("Pact b",))),
])
def test_the_next_build_finds_what_changed(now, expected):
    first = next_state(None, [brief("a"), brief("b")], T1)
    assert next_state(first, now, T2).changes == expected


def test_a_build_that_finds_no_change_keeps_the_last_changes_and_dates():
    first = next_state(None, [brief("a")], T1)
    second = next_state(first, [brief("a", status="signed")], T2)
    third = next_state(second, [brief("a", status="signed")], T3)
    assert third.changes == second.changes and third.changes.at == T2
    assert third.built == T3
    assert third.briefs["a"].first_seen == T1 and third.briefs["a"].changed == T2


def test_an_agreement_is_known_by_kind_and_parties_whatever_their_order_and_case():
    one = Agreement(kind="Pact", parties=("Yland", "xland"), status="agreed", date=None, text="")
    other = dataclasses.replace(one, kind="pact", parties=("Xland", "Yland"), status="signed")
    assert agreement_key(one) == agreement_key(other) == "pact|xland;yland"


def test_the_state_file_reads_back_what_was_written(tmp_path):
    state = next_state(next_state(None, [brief("a")], T1), [brief("a", status="signed"), brief("b")], T2)
    changes.write_state(tmp_path / "state.json", state)
    assert read_state(tmp_path / "state.json") == (state, None)


@pytest.mark.parametrize("content, problem", [
    (None, None),
    ("{not json", "JSONDecodeError"),
    ('{"schema": 99}', "not a state file of this version"),
    ('{"schema": 1, "built": "x"}', "not a state file of this version (KeyError"),
    ("[]", "not a state file of this version (AttributeError"),
])
def test_a_missing_or_unreadable_state_is_a_first_build(tmp_path, content, problem):
    path = tmp_path / "state.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    state, why = read_state(path)
    assert state is None
    assert (why is None) if problem is None else why.startswith(problem), why


# --------------------------------------------------------------------------- the home page

def home(state: BuildState | None, briefs: list[Brief]) -> str:
    pages = {p.src: p.text for p in render_site(briefs, state=state)}
    return pages["index.md"].split("## What's new", 1)[1].split("## Latest briefs", 1)[0]


def test_the_home_page_opens_with_what_is_new():
    text = home(None, [brief("a")])
    assert "First build: every brief is new." in text
    assert '<p><strong>1 new brief</strong></p>' in text and '<a href="briefs/a/">Pact a</a>' in text
    assert '<p>1 agreement, all new: see the <a href="agreements/">agreements tracker</a>.</p>' in text
    page = {p.src: p.text for p in render_site([brief("a")])}["index.md"]
    assert page.index("## What's new") < page.index("## Latest briefs")


def test_the_home_page_shows_updated_briefs_and_status_changes_with_their_dates():
    first = next_state(None, [brief("a"), brief("b")], T1)
    second = next_state(first, [brief("a", status="signed"), brief("b"), brief("c")], T2)
    text = home(second, [brief("a", status="signed"), brief("b"), brief("c")])
    assert ('Changes found by the build of <time datetime="2026-01-02T08:00:00+00:00">2 Jan 2026 08:00 UTC</time>, '
            'since the build of <time datetime="2026-01-01T08:00:00+00:00">1 Jan 2026 08:00 UTC</time>.') in text
    assert '<strong>1 new brief</strong>' in text and "Pact c</a>" in text
    assert '<strong>1 updated brief</strong>' in text
    assert '<td>pact <span class="brief-new">new</span><br><a href="countries/xland/">Xland</a>' in text
    assert ('<span class="brief-status brief-status--agreed">agreed</span> → '
            '<span class="brief-status brief-status--signed">signed</span>') in text
    assert "No change since" not in text


def test_new_briefs_are_listed_newest_first_as_on_the_site():
    briefs = [brief("old", published="2020-01-01"), brief("new", published="2022-01-01"), brief("mid")]
    text = home(next_state(None, briefs, T1), briefs)
    assert text.index("Pact new") < text.index("Pact mid") < text.index("Pact old")


def test_the_home_page_says_when_nothing_changed_before_any_build_found_a_change():
    state = next_state(None, [], T1)
    assert "No change since the previous build." in home(state, [])


def test_a_build_and_the_next_keep_the_state_and_show_the_change(tmp_path):
    config = make_project(tmp_path / "project")
    site_dir = site.publish([brief("a")], config_file=config, strict=True)
    state_file = tmp_path / "project" / changes.STATE_FILE
    assert read_state(state_file)[0].changes.new_briefs == ("a",)
    assert "First build" in (site_dir / "index.html").read_text(encoding="utf-8")
    site.publish([brief("a", status="signed"), brief("b")], config_file=config, strict=True)
    markup = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "Changes found by the build of" in markup and "1 updated brief" in markup and "1 new brief" in markup
    assert '<span class="brief-status brief-status--agreed">agreed</span> → ' in markup


def test_a_failed_build_keeps_the_state_of_the_last_good_one(tmp_path, monkeypatch):
    config = make_project(tmp_path / "project")
    site.publish([brief("a")], config_file=config, strict=True)
    state_file = tmp_path / "project" / changes.STATE_FILE
    before = state_file.read_text(encoding="utf-8")

    def fail(config, **options):
        raise site.EngineError("boom")

    monkeypatch.setattr(site, "build_site", fail)
    with pytest.raises(site.EngineError):
        site.publish([brief("a", status="signed")], config_file=config, strict=True)
    assert state_file.read_text(encoding="utf-8") == before


# --------------------------------------------------------------------------- the feeds

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A site without a site_url, of three briefs, one of them undated and full of markup and control characters."""
    config = make_project(tmp_path_factory.mktemp("project"))
    evil = brief("evil", published=None, title=EVIL_TITLE, summary="<script>alert(1)</script>",
                 tags=("energy", "trade"), outlet=None)
    return site.publish([brief("a", published="2021-05-04"), brief("b", published="2021-06-01"), evil],
                        config_file=config, strict=True)


def parse(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("feed, titles", [
    ("feeds/briefs", ["Pact b", "Pact a", EVIL_TITLE]),
    ("feeds/countries/xland", ["Pact b", "Pact a", EVIL_TITLE]),
    ("feeds/tags/energy", ["Pact b", "Pact a", EVIL_TITLE]),
    ("feeds/tags/trade", [EVIL_TITLE]),
])
def test_atom_and_json_feeds_hold_the_briefs_newest_first(built, feed, titles):
    atom = parse(built / f"{feed}.xml")
    assert atom.version == "atom10"
    assert [e.title for e in atom.entries] == [t.replace("\x0b", "") for t in titles]  # XML cannot hold \x0b
    data = json.loads((built / f"{feed}.json").read_text(encoding="utf-8"))
    assert data["version"] == JSON_FEED_VERSION
    assert [item["title"] for item in data["items"]] == titles


def test_without_a_site_url_ids_are_urns_and_links_are_relative_to_the_feed(built):
    atom = parse(built / "feeds/briefs.xml")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", atom.feed.id)
    first = atom.entries[0]
    assert first.id == entry_id("b")
    assert first.link == "../briefs/b/" and (built / "feeds" / first.link / "index.html").is_file()
    assert not any(link.rel == "self" for link in atom.feed.links)
    assert first.published.startswith("2021-06-01") and first.author == "Acme Daily"
    assert {t.term for t in first.tags} == {"Xland", "Yland", "energy"}
    data = json.loads((built / "feeds/briefs.json").read_text(encoding="utf-8"))
    assert data["items"][0]["id"] == "b" and data["items"][0]["url"] == "../briefs/b/"
    assert "feed_url" not in data


def test_untrusted_text_is_the_same_characters_in_the_feeds(built):
    evil = parse(built / "feeds/briefs.xml").entries[2]
    assert evil.summary == "<script>alert(1)</script>" and evil.summary_detail.type == "text/plain"
    assert "published" not in evil and evil.updated  # undated: an update time from the build, no publication date
    assert "<script>" not in (built / "feeds/briefs.xml").read_text(encoding="utf-8")


def test_with_a_site_url_links_are_absolute_and_the_feed_names_itself(tmp_path):
    pages = {p.src: p.text for p in render_site([brief("a")], site_url="https://example.org/news/")}
    atom = feedparser.parse(pages["feeds/countries/xland.xml"])
    assert not atom.bozo
    assert atom.entries[0].link == "https://example.org/news/briefs/a/"
    assert [link.href for link in atom.feed.links if link.rel == "self"] == [
        "https://example.org/news/feeds/countries/xland.xml"]
    assert atom.feed.link == "https://example.org/news/countries/xland/"
    data = json.loads(pages["feeds/countries/xland.json"])
    assert data["feed_url"] == "https://example.org/news/feeds/countries/xland.json"
    assert data["items"][0]["url"] == "https://example.org/news/briefs/a/"


def test_entry_ids_do_not_depend_on_the_site_url():
    plain = feedparser.parse({p.src: p.text for p in render_site([brief("a")])}["feeds/briefs.xml"])
    hosted = feedparser.parse({p.src: p.text for p in render_site([brief("a")], site_url="https://x.org/")}[
        "feeds/briefs.xml"])
    assert plain.entries[0].id == hosted.entries[0].id == entry_id("a")
    assert plain.feed.id == hosted.feed.id


def head_feeds(markup: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" type="(application/(?:atom\+xml|feed\+json))" title="[^"]*" '
                      r'href="([^"]+)"', markup)


def test_pages_link_their_feeds_in_the_head_and_in_the_text(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert head_feeds(home) == [("application/atom+xml", "feeds/briefs.xml"),
                                ("application/feed+json", "feeds/briefs.json")]
    assert 'href="feeds/briefs.xml" type="application/atom+xml">Atom feed</a>' in home
    country = (built / "countries/xland/index.html").read_text(encoding="utf-8")
    assert ("application/atom+xml", "../../feeds/countries/xland.xml") in head_feeds(country)
    assert 'href="../../feeds/countries/xland.json" type="application/feed+json">JSON Feed</a>' in country
    listing = (built / "feeds/index.html").read_text(encoding="utf-8")
    for feed in ("briefs", "countries/xland", "countries/yland", "tags/energy", "tags/trade"):
        assert f'href="{feed}.xml" type="application/atom+xml"' in listing, feed
        assert f'href="{feed}.json" type="application/feed+json"' in listing, feed
    assert broken_links(built) == []
