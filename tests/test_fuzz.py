"""Fuzzing the whole way from a seed file to its pages: seeds of every format, broken, hostile, huge and deep.

For each generated seed: loading reports every problem as a Problem (none is a loader crash), memory stays
bounded, every brief extracted has evidence offsets inside its body and on its sentences, and its pages render.
The normal suite runs a few cases of each; ``make fuzz`` runs the ``fuzz`` profile (10,000 cases each), chosen
with BRIEFING_HYPOTHESIS_PROFILE (profiles in tests/conftest.py).
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import tempfile
import tracemalloc
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefing.extract import ExtractOptions, extract
from briefing.load import load_seed
from briefing.model import Brief
from briefing.render import render_site
from briefing.sentences import segment

MEMORY_BOUND = 300_000_000  # bytes traced while loading and extracting one seed
FIELDS = ("title", "headline", "date", "published", "publishedAt", "outlet", "source", "url", "link", "author",
          "authors", "tags", "keywords", "body", "content", "text", "description", "articles", "items")
NEWS = ("Jane Doe, the mayor of Xland, said on Monday that Acme Corp would build a $40 million bridge. "
        "\"We will finish it by 2027,\" Doe told the Harbour Crier. Lin Wei disagreed.")

CONTROL = st.characters(codec="utf-8", categories=("Cc", "Cf", "Zl", "Zp", "Co"))
ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs",))
TEXT = st.one_of(st.text(ANY_CHAR, max_size=60), st.text(CONTROL, max_size=20),
                 st.sampled_from([NEWS, "<script>alert(1)</script>", "{{ 7*7 }}", "javascript:alert(1)",
                                  "2019-13-01", "0001-01-01", "9999-12-31", "14 Aug 2019", "\ud800", "", " "]))
HUGE = st.builds(lambda char, n: char * n, st.sampled_from("x9[{\"' \n"), st.integers(0, 120_000))
SCALARS = st.one_of(TEXT, st.integers(), st.integers(-10**60, 10**60), st.floats(), st.booleans(), st.none(),
                    st.dates(), HUGE)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=5), max_leaves=12)
DEEP = st.builds(lambda depth, leaf, kind: _nested(depth, leaf, kind), st.integers(0, 3000), SCALARS,
                 st.sampled_from(["list", "dict"]))


def _nested(depth: int, leaf, kind: str):
    value = leaf
    for _ in range(depth):
        value = [value] if kind == "list" else {"x": value}
    return value


RECORD = st.dictionaries(st.sampled_from(FIELDS), st.one_of(VALUES, DEEP), max_size=8)


def _yaml(meta) -> str:
    try:
        return yaml.safe_dump(meta, allow_unicode=True, width=10**9)
    except (yaml.YAMLError, RecursionError):
        return _json(meta)  # JSON is YAML


def _json(value, **options) -> str:
    try:
        return json.dumps(value, default=str, **options)
    except (RecursionError, ValueError):
        return "[" * 5000 + "]" * 5000


@st.composite
def markdown_seeds(draw) -> tuple[str, bytes]:
    meta = draw(st.one_of(RECORD, VALUES, DEEP))
    front = draw(st.one_of(st.builds(_yaml, st.just(meta)), st.text(ANY_CHAR, max_size=200), _alias_bombs()))
    body = draw(st.one_of(st.just(NEWS), TEXT, HUGE))
    return "x.md", f"---\n{front}\n---\n{body}\n".encode("utf-8", "surrogatepass")


@st.composite
def _alias_bombs(draw) -> str:
    fanout, depth = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    lines = [f"a0: &a0 [{', '.join(['lol'] * fanout)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * fanout)}]" for i in range(1, depth)]
    return "title: Bomb\n" + "\n".join(lines) + f"\n{draw(st.sampled_from(['tags', 'title', 'date', 'x']))}: *a{depth - 1}"


@st.composite
def feed_seeds(draw) -> tuple[str, bytes]:
    records = draw(st.lists(st.one_of(RECORD, VALUES, DEEP), max_size=4))
    shape = draw(st.sampled_from(["list", "object", "lines", "raw"]))
    if shape == "lines":
        text = "\n".join(_json(record) for record in records)
    elif shape == "raw":
        text = draw(st.one_of(st.text(ANY_CHAR, max_size=300), st.builds(lambda n: "[" * n, st.integers(0, 200_000)),
                              st.builds(lambda n: '{"title": "A", "body": "B", "date": ' + "9" * n + "}",
                                        st.integers(0, 20_000))))
    else:
        text = _json({draw(st.sampled_from(["articles", "items", "entries"])): records} if shape == "object"
                     else records, ensure_ascii=draw(st.booleans()))
    return ("x.jsonl" if shape == "lines" else "x.json"), text.encode("utf-8", "surrogatepass")


@st.composite
def html_seeds(draw) -> tuple[str, bytes]:
    tags = draw(st.lists(st.sampled_from(["p", "div", "article", "script", "style", "h1", "title", "meta", "a",
                                          "nav", "table", "td", "svg", "iframe"]), max_size=30))
    depth = draw(st.integers(0, 3000))
    inner = "".join(f"<{tag}>{draw(TEXT)}" for tag in tags) + "<div>" * depth + draw(TEXT) + "</div>" * depth
    head = f"<html><head><title>{draw(TEXT)}</title><meta property='article:published_time' content='{draw(TEXT)}'>"
    return "x.html", (head + f"</head><body><article><h1>{draw(TEXT)}</h1><p>{NEWS}</p>{inner}</article></body></html>"
                      ).encode("utf-8", "surrogatepass")


@st.composite
def text_seeds(draw) -> tuple[str, bytes]:
    lines = draw(st.lists(st.one_of(TEXT, HUGE), min_size=0, max_size=6))
    text = "\n".join([draw(TEXT), draw(TEXT), NEWS, *lines])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "bytes"]))
    if encoding == "bytes":
        return "x.txt", draw(st.binary(max_size=2000))
    data = text.encode(encoding if encoding != "utf-8-sig" else "utf-8", "replace" if encoding != "utf-8" else
                       "surrogatepass")
    return "x.txt", (codecs.BOM_UTF8 + data) if encoding == "utf-8-sig" else data


SEEDS = st.one_of(markdown_seeds(), feed_seeds(), html_seeds(), text_seeds())


def check_seed(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        tracemalloc.start()
        try:
            articles, problems, failures = load_seed(path, shown=name)
            briefs = [extract(segment(article), ExtractOptions()) for article in articles]
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < MEMORY_BOUND
    crashes = [str(p) for p in problems if "cannot be read:" in p.message]
    assert not crashes, crashes  # every problem was foreseen: none is a loader's crash
    assert all(p.path == name and p.message and p.hint for p in problems)
    assert set(map(str, failures)) <= set(map(str, problems))
    for article, brief in zip(articles, briefs):
        article.title.encode("utf-8"), article.body.encode("utf-8")  # text a file can hold
        assert article.published is None or dt.date(1600, 1, 1) <= article.published <= dt.date(2199, 12, 31)
        assert article.url is None or article.url.lower().startswith(("http://", "https://"))
        check_offsets(article.body, brief)
        assert brief.failed_stages == (), brief.warnings  # no extraction stage raised
    if briefs:
        assert render_site(briefs)


def check_offsets(body: str, brief: Brief) -> None:
    for sentence in brief.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(body) and body[sentence.start:sentence.end] == sentence.text
    items = [*brief.actors, *brief.agreements, *brief.figures, *brief.quotes, *brief.reported_speech, *brief.dates]
    for item in items:
        for evidence in item.evidence:
            assert 0 <= evidence.start <= evidence.end <= len(body)
            assert 0 <= evidence.sentence < len(brief.sentences)


@given(markdown_seeds())
def test_fuzz_markdown_front_matter(seed):
    check_seed(*seed)


@given(feed_seeds())
def test_fuzz_json_and_json_lines_feeds(seed):
    check_seed(*seed)


@given(html_seeds())
def test_fuzz_saved_web_pages(seed):
    check_seed(*seed)


@given(text_seeds())
def test_fuzz_plain_text_in_any_encoding(seed):
    check_seed(*seed)


@given(SEEDS)
def test_fuzz_any_seed(seed):
    check_seed(*seed)
