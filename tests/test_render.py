"""Rendering briefs into Markdown pages: links, actor merging, safe front matter, the golden brief page.

The golden test renders the brief stored in ``tests/golden/<id>.json`` (a fixed brief, not live
extraction) and compares it with ``tests/golden/<id>.md``. After an intended change of the
templates, regenerate the expected page with::

    BRIEFING_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render.py -k golden

and review the diff of ``tests/golden/`` before committing it.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import markupsafe
import pytest
from mkdocs.utils.meta import get_data

from briefing.confidence import rate_brief
from briefing.model import Actor, Brief, Quote, Sentence, Source
from briefing.crossbrief import Mention, build_index, clean_tag, fold_name, merge_actors, topics_of
from briefing.render import front_matter, relative_href, render_site, site_file
from briefing.templating import date_label
from briefing.timeline import TimelineEntry
from conftest import SEED
from helpers import make_doc

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_ID = "2014-11-21-pakistan-russia-sign-military-co-operation-agreement"


def golden_brief() -> Brief:
    return Brief.from_dict(json.loads((GOLDEN / f"{GOLDEN_ID}.json").read_text(encoding="utf-8")))


def dates_only_timeline(brief: Brief) -> tuple[TimelineEntry, ...]:
    """A fixed timeline for the golden test (briefing.timeline is being improved elsewhere)."""
    entries = (TimelineEntry(date=d.value, label=d.text, kind="date", evidence=d.evidence) for d in brief.dates if d.value)
    return tuple(sorted(entries, key=lambda e: e.date))


def page(pages, src: str) -> str:
    return next(p.text for p in pages if p.src == src)


def brief_with(*actors: Actor, brief_id: str = "b", sentences_of: str = "", quotes: tuple[Quote, ...] = ()) -> Brief:
    doc = make_doc(sentences_of or "Nothing happened.")
    return Brief(id=brief_id, title=f"Brief {brief_id}", published="2020-01-02", source=Source(path=f"{brief_id}.txt"),
                 summary=doc.sentences[0].text, actors=actors, quotes=quotes, sentences=doc.sentences)


def person(name: str, *aliases: str) -> Actor:
    return Actor(id=fold_name(name).replace(" ", "-"), name=name, type="person", aliases=aliases)


# --------------------------------------------------------------------------- links

@pytest.mark.parametrize("src, directory_urls, url", [
    ("index.md", True, "./"),
    ("all-briefs.md", True, "all-briefs/"),
    ("actors/index.md", True, "actors/"),
    ("briefs/x.md", True, "briefs/x/"),
    ("briefs/x.md", False, "briefs/x.html"),
    ("index.md", False, "index.html"),
])
def test_site_file_url(src, directory_urls, url):
    assert site_file(src, directory_urls=directory_urls).url == url


@pytest.mark.parametrize("from_src, target, anchor, directory_urls, href", [
    ("briefs/x.md", "actors/ann-lee.md", "", True, "../../actors/ann-lee/"),
    ("briefs/x.md", "briefs/x.md", "s3", True, "#s3"),
    ("briefs/x.md", "briefs/y.md", "s0", True, "../y/#s0"),
    ("briefs/x.md", "index.md", "", True, "../../"),
    ("index.md", "briefs/x.md", "", True, "briefs/x/"),
    ("index.md", "actors/index.md", "", True, "actors/"),
    ("actors/index.md", "countries/index.md", "", True, "../countries/"),
    ("briefs/x.md", "pdf/x.pdf", "", True, "../../pdf/x.pdf"),
    ("briefs/x.md", "actors/ann-lee.md", "", False, "../actors/ann-lee.html"),
    ("index.md", "briefs/x.md", "s2", False, "briefs/x.html#s2"),
])
def test_relative_href(from_src, target, anchor, directory_urls, href):
    assert relative_href(from_src, target, anchor, directory_urls=directory_urls) == href


@pytest.mark.parametrize("value, label", [
    ("2014-11-02", "2 Nov 2014"), ("2014-11", "Nov 2014"), ("2014", "2014"), (None, ""), ("2014-13-45", "2014-13-45"),
])
def test_date_label(value, label):
    assert date_label(value) == label


# --------------------------------------------------------------------------- merging actors across briefs

@pytest.mark.parametrize("text, key", [
    ("The Harbour Institute", "harbour institute"),
    ("U.N.", "un"),
    ("Zoë Ángel", "zoe angel"),
    ("O'Malley", "omalley"),
    ("The", "the"),
])
def test_fold_name(text, key):
    assert fold_name(text) == key


def merged_names(*briefs: Brief) -> list[set[str]]:
    mentions = [Mention(b, a) for b in briefs for a in b.actors]
    return sorted(({m.actor.name for m in group} for group in merge_actors(mentions)), key=sorted)


@pytest.mark.parametrize("first, second, same", [
    (person("Ivan Petrovsky", "Petrovsky"), person("Petrovski"), True),              # surname, one edit apart
    (person("Ivan Petrovsky"), person("Iwan Petrowski"), True),                      # two edits in a long surname
    (person("Ivan Petrovsky"), person("Ivan Petrovsky"), True),
    (person("Marta Lind", "Lind"), person("Otto Lind", "Lind"), False),              # same surname, other initial
    (person("Ivan Petrovsky"), person("Ivan Detrovsky"), False),                     # first letter differs
    (person("Lena Holm"), person("Lena Hall"), False),                               # short surname, two edits
    (Actor(id="a", name="Harbour Institute", type="organization", aliases=("HI",)),
     Actor(id="b", name="The Harbour Institute", type="organization"), True),
    (Actor(id="a", name="Jordan", type="country"), Actor(id="b", name="Jordan", type="person"), False),
    (Actor(id="a", name="Harbour Research Institute", type="organization", aliases=("HRI",)),
     Actor(id="b", name="Harbour Research Inst", type="organization", aliases=("HRI",)), True),   # shared acronym
    (Actor(id="a", name="Northern Fleet Command", type="organization", aliases=("Fleet",)),
     Actor(id="b", name="Southern Fleet Command", type="organization", aliases=("Fleet",)), False),  # generic alias
    (Actor(id="a", name="Northern Fleet Command", type="organization", aliases=("Fleet",)),
     Actor(id="b", name="Fleet", type="organization"), True),
])
def test_merge_actors_pairs(first, second, same):
    groups = merged_names(brief_with(first, brief_id="one"), brief_with(second, brief_id="two"))
    assert (len(groups) == 1) is same


def test_surname_alone_joins_only_an_unambiguous_full_name():
    groups = merged_names(brief_with(person("Marta Lind"), brief_id="one"),
                          brief_with(person("Otto Lind"), brief_id="two"),
                          brief_with(person("Lind"), brief_id="three"))
    assert groups == [{"Lind"}, {"Marta Lind"}, {"Otto Lind"}]


def test_an_alias_claimed_by_two_actors_links_neither_to_an_actor_of_that_name():
    def fleet(name: str, *aliases: str) -> Actor:
        return Actor(id=fold_name(name), name=name, type="organization", aliases=aliases)

    groups = merged_names(brief_with(fleet("Northern Fleet Command", "Fleet"), brief_id="one"),
                          brief_with(fleet("Southern Fleet Command", "Fleet"), brief_id="two"),
                          brief_with(fleet("Fleet"), brief_id="three"))
    assert groups == [{"Fleet"}, {"Northern Fleet Command"}, {"Southern Fleet Command"}]


def test_index_links_quotes_and_names_across_briefs():
    said = Quote(text="We will build it", kind="direct", speaker="Petrovski", speaker_text="Petrovski")
    first = brief_with(person("Ivan Petrovsky", "Petrovsky"), brief_id="one")
    second = brief_with(person("Petrovski"), brief_id="two", quotes=(said,))
    index = build_index([first, second])
    (page,) = index.actor_pages
    assert page.name == "Ivan Petrovsky" and page.src == "actors/ivan-petrovsky.md"
    assert [c.brief.id for c in page.quotes] == ["two"]
    assert index.actor_page(second, "Petrovski") is page


def test_an_actor_without_a_name_gets_no_page():
    nameless = Actor(id="x", name=" ", type="country")
    pages = render_site([brief_with(nameless, person("Ivan Petrovsky"))])
    assert sorted(p.src for p in pages if p.src.startswith(("actors/", "countries/"))) == [
        "actors/index.md", "actors/ivan-petrovsky.md", "countries/index.md"]


# --------------------------------------------------------------------------- tags

@pytest.mark.parametrize("title, body, topics", [
    ("Navy buys two warships", "Nothing else.", ("defence",)),
    ("Talks end", "Exports fell. Imports rose.", ("trade",)),
    ("Talks end", "Exports fell.", ()),
    ("Talks end", "An important step. Armstrong spoke of trademarks.", ()),  # whole words only
])
def test_topics_of(title, body, topics):
    doc = make_doc(body)
    brief = Brief(id="t", title=title, published=None, source=Source(path="t"), summary="", sentences=doc.sentences)
    assert topics_of(brief) == topics


@pytest.mark.parametrize("text, tag", [("Côte d'Ivoire", "Côte d'Ivoire"), ("<b>Tag</b>", "b Tag b"), ("a {{x}}", "a x")])
def test_clean_tag(text, tag):
    assert clean_tag(text) == tag


# --------------------------------------------------------------------------- front matter and untrusted text

@pytest.mark.parametrize("title", [
    'A "quoted" title: with colon',
    "<script>alert(1)</script> & friends",
    "{{ 7*7 }} {% if x %}",
    "---",
    "Line\u2028separator and tab\tend",
    "# not a heading",
    "Emoji 🙂 and ünïcode",
])
def test_front_matter_reads_back_as_the_escaped_title(title):
    _, meta = get_data(front_matter(title, tags=["Ruritania"]) + "\nbody\n")
    assert meta["title"] == " ".join(title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())
    assert meta["tags"] == ["Ruritania"]


def test_front_matter_booleans_are_plain_for_every_reader():
    text = front_matter("Figures", tags=["true", "no"], searched=False)
    _, meta = get_data(text + "\nbody\n")
    assert meta == {"title": "Figures", "tags": ["true", "no"], "search": {"exclude": True}}
    assert '"exclude": true\n' in text and "!!" not in text


UNTRUSTED = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![](http://example.com/x.png)",
    "{{ 7*7 }}",
    "{% raw %}",
    "!!! note",
    '=== "Tab"',
    "[TOC]",
    "{#id}",
    "&amp; &lt;b&gt;",
    "<!-- material/tags -->",
]


@pytest.mark.parametrize("text", UNTRUSTED)
def test_untrusted_text_stays_inside_escaped_raw_html(text):
    doc = make_doc(f"Officials said {text} today.")
    actor = Actor(id="x", name=f"Ann {text}", type="person", aliases=(text,), roles=(text,))
    brief = Brief(id="evil", title=f"Title {text}", published="2020-01-02",
                  source=Source(path=f"seeds/{text}.txt", outlet=text, url=f"javascript:{text}"),
                  summary=doc.sentences[0].text, actors=(actor,), sentences=doc.sentences,
                  quotes=(Quote(text=text, kind="direct", speaker=actor.name),))
    escaped = str(markupsafe.escape(text))
    for rendered in render_site([brief]):
        if rendered.src == "tags/index.md" or not rendered.src.endswith(".md"):  # the tags plugin's directive; feeds
            continue
        body = rendered.text.split("---\n", 2)[2]
        lines = [line for line in body.splitlines() if escaped in line]
        if rendered.src == "briefs/evil.md":
            assert len(lines) >= 5  # title, source, summary, actors, quote, article
        assert all(line.startswith("<") for line in lines), rendered.src
        assert text == escaped or text not in body, rendered.src
        assert 'href="javascript' not in body


# --------------------------------------------------------------------------- the brief page

def test_golden_brief_page():
    """The golden brief as the pipeline hands it on: rated (briefing/confidence.py) before rendering."""
    pages = render_site([rate_brief(golden_brief())], timeline=dates_only_timeline, pdf_ids={GOLDEN_ID})
    rendered = page(pages, f"briefs/{GOLDEN_ID}.md")
    expected = GOLDEN / f"{GOLDEN_ID}.md"
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        expected.write_text(rendered, encoding="utf-8")
    assert rendered == expected.read_text(encoding="utf-8")


def test_every_item_links_to_a_sentence_of_the_article():
    brief = golden_brief()
    rendered = page(render_site([brief], timeline=dates_only_timeline), f"briefs/{GOLDEN_ID}.md")
    anchors = set(re.findall(r'id="(s\d+)"', rendered))
    assert anchors == {f"s{s.index + 1}" for s in brief.sentences}
    cited = re.findall(r'class="brief-cite" href="#(s\d+)"', rendered)
    items = (len(brief.actors) + len(brief.agreements) + len(brief.figures) + len(brief.quotes)
             + len(brief.reported_speech) + len(brief.dates))
    assert len(cited) == items and set(cited) <= anchors


def test_brief_page_links_actors_pdf_and_kept_apart_quotes():
    brief = golden_brief()
    rendered = page(render_site([brief], pdf_ids={GOLDEN_ID}), f"briefs/{GOLDEN_ID}.md")
    assert f'<a class="md-button brief-pdf" href="../../pdf/{GOLDEN_ID}.pdf">' in rendered
    for actor in brief.actors:
        assert re.search(rf'<a href="../../(actors|countries)/[a-z0-9-]+/">{re.escape(actor.name)}</a>', rendered)
    direct, indirect = rendered.split("### Indirect speech")
    assert brief.quotes and brief.reported_speech
    for quote in (*brief.quotes, *brief.reported_speech):
        part = direct if quote.kind == "direct" else indirect
        assert quote.text.replace("'", "&#39;") in part


def test_live_seed_renders(tmp_path):
    from briefing.pipeline import extract_briefs

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    result = extract_briefs(seeds)
    assert [p for p in result.problems if p.severity == "error"] == []
    (brief,) = result.briefs
    pages = render_site(result.briefs)
    rendered = page(pages, f"briefs/{brief.id}.md")
    assert f'<h1 id="brief">{brief.title}</h1>' in rendered
    assert len(re.findall(r'<span class="brief-sentence" id="s\d+">', rendered)) == len(brief.sentences)
    assert len(article_paragraphs(rendered)) == len({s.paragraph for s in brief.sentences}) > 1


def article_paragraphs(rendered: str) -> list[str]:
    """The ``<p>`` blocks of the article section of a brief page."""
    article = rendered.split('<div class="brief-article">', 1)[1].split("</div>", 1)[0]
    return re.findall(r"<p>(.*?)</p>", article, re.S)


def test_pdf_links_only_to_printed_briefs():
    briefs = [golden_brief(), brief_with(brief_id="other")]
    pages = render_site(briefs, pdf_ids={"other", "not-a-brief"}, book_pdf="briefing-book.pdf")
    assert "brief-pdf" not in page(pages, f"briefs/{GOLDEN_ID}.md")
    assert '<a class="md-button brief-pdf" href="../../pdf/other.pdf">' in page(pages, "briefs/other.md")
    assert 'href="pdf/briefing-book.pdf"' in page(pages, "index.md")
    plain = render_site(briefs)
    assert not any("pdf/" in p.text for p in plain)


def test_article_shows_its_paragraphs_with_sentence_anchors():
    body = "First one here. Second one here.\nThird one, new paragraph."
    brief = brief_with(sentences_of=body)
    assert [s.paragraph for s in brief.sentences] == [0, 0, 1]
    paragraphs = article_paragraphs(page(render_site([brief]), "briefs/b.md"))
    assert len(paragraphs) == 2
    assert [re.findall(r'id="(s\d+)"', p) for p in paragraphs] == [["s1", "s2"], ["s3"]]
    assert '<a class="brief-sentence-no" href="#s3" aria-label="Sentence 3">3</a> Third one, new paragraph.' in paragraphs[1]


def test_sentences_without_paragraphs_make_one_paragraph():
    """A brief read from JSON written before sentences had ``paragraph`` (e.g. an old cache entry)."""
    plain = brief_with(sentences_of="One. Two.\nThree.").as_dict()
    for sentence in plain["sentences"]:
        del sentence["paragraph"]
    brief = Brief.from_dict(plain)
    assert brief.sentences[2] == Sentence(index=2, start=10, end=16, text="Three.", paragraph=0)
    paragraphs = article_paragraphs(page(render_site([brief]), "briefs/b.md"))
    assert len(paragraphs) == 1 and paragraphs[0].count('class="brief-sentence"') == 3
