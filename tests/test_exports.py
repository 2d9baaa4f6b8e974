"""Exports (briefing/exports.py): the CSV and JSON files of the built site, read back."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest

from briefing import site
from briefing.exports import COLUMNS, KINDS, csv_cell
from briefing.model import Actor, Agreement, Brief, Figure, Quote, Source
from helpers import make_doc
from test_site import broken_links, make_project

HOSTILE = ("=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
           "\tTab", "\rReturn")


def brief(brief_id: str, published: str, *, speaker: str = "Jane Doe", quote: str = "We will sign.") -> Brief:
    doc = make_doc(f"Acme Corp paid Xland US$5 million on Monday. \"{quote}\" said {speaker}.")
    return Brief(
        id=brief_id, title=f"Acme pays Xland {brief_id}", published=published, source=Source(path=f"{brief_id}.txt"),
        summary=doc.sentences[0].text, sentences=doc.sentences,
        actors=(Actor(id="acme", name="Acme Corp", type="organization", mentions=2, roles=("payer", "buyer"),
                      aliases=("Acme",),
                      evidence=(doc.evidence(0, 9),)),
                Actor(id="jane", name=speaker, type="person", mentions=1, aliases=("Doe",),
                      evidence=(doc.evidence(doc.sentences[1].start, doc.sentences[1].end),))),
        figures=(Figure(text="US$5 million", value=5_000_000, unit="USD", measure="payment", display="US$5 million",
                        date="2021-03-01", evidence=(doc.evidence(21, 33),)),
                 Figure(text="-3", value=-3, unit=None, evidence=(doc.evidence(21, 33),))),
        quotes=(Quote(text=quote, kind="direct", speaker=speaker,
                      evidence=(doc.evidence(doc.sentences[1].start + 1, doc.sentences[1].start + 1 + len(quote)),)),),
        agreements=(Agreement(kind="payment deal", parties=("Acme Corp", "Xland"), status="signed", date="2021-03-01",
                              text=doc.sentences[0].text, evidence=(doc.evidence(0, 9),)),),
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    config = make_project(tmp_path_factory.mktemp("project"))
    briefs = [brief("old", "2021-03-02"), brief("new", "2022-01-05", speaker=HOSTILE[0], quote=HOSTILE[1])]
    return site.publish(briefs, config_file=config, strict=True)


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets read UTF-8 with its byte order mark
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.mark.parametrize("kind", KINDS)
def test_site_csv_and_json_hold_every_brief_newest_first(built, kind):
    rows = read_csv(built / "exports" / f"{kind}.csv")
    data = json.loads((built / "exports" / f"{kind}.json").read_text(encoding="utf-8"))
    assert list(rows[0]) == ["brief_id", "brief_title", "published", *COLUMNS[kind]]
    assert len(rows) == len(data) > 0
    assert [r["brief_id"] for r in rows] == [d["brief_id"] for d in data]
    assert rows[0]["brief_id"] == "new" and rows[-1]["brief_id"] == "old"


@pytest.mark.parametrize("kind, column, csv_value, json_value", [
    ("actors", "roles", "payer; buyer", ["payer", "buyer"]),
    ("actors", "aliases", "Acme", ["Acme"]),
    ("actors", "mentions", "2", 2),
    ("actors", "sentence", "1", 1),
    ("figures", "value", "5000000", 5000000),
    ("figures", "unit", "USD", "USD"),
    ("figures", "approx", "false", False),
    ("figures", "value_high", "", None),
    ("agreements", "parties", "Acme Corp; Xland", ["Acme Corp", "Xland"]),
    ("agreements", "status", "signed", "signed"),
    ("quotes", "kind", "direct", "direct"),
    ("quotes", "text", "We will sign.", "We will sign."),
    ("quotes", "sentence", "2", 2),
])
def test_a_brief_exports_its_items_as_csv_and_json(built, kind, column, csv_value, json_value):
    rows = read_csv(built / "exports" / "briefs" / "old" / f"{kind}.csv")
    data = json.loads((built / "exports" / "briefs" / "old.json").read_text(encoding="utf-8"))[kind]
    assert rows[0][column] == csv_value
    assert data[0][column] == json_value
    assert rows[0]["brief_title"] == data[0]["brief_title"] == "Acme pays Xland old"


def test_a_negative_number_stays_a_number(built):
    rows = read_csv(built / "exports" / "briefs" / "old" / "figures.csv")
    assert rows[1]["value"] == "-3"


def test_the_timeline_exports_dated_items(built):
    rows = read_csv(built / "exports" / "briefs" / "old" / "timeline.csv")
    assert {(r["date"], r["kind"]) for r in rows} >= {("2021-03-01", "agreement"), ("2021-03-01", "figure")}


def test_text_that_a_spreadsheet_would_run_is_prefixed_in_csv_and_kept_in_json(built):
    quotes = read_csv(built / "exports" / "briefs" / "new" / "quotes.csv")
    assert quotes[0]["text"] == "'" + HOSTILE[1] and quotes[0]["speaker"] == "'" + HOSTILE[0]
    data = json.loads((built / "exports" / "briefs" / "new.json").read_text(encoding="utf-8"))
    assert data["quotes"][0]["text"] == HOSTILE[1]


@pytest.mark.parametrize("value, cell", [
    *((text, "'" + text) for text in HOSTILE),
    ("Plain = text", "Plain = text"),
    (["=A1", "b"], "'=A1; b"),
    (-3, -3),
    (2.5, 2.5),
    (True, "true"),
    (None, ""),
])
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


def test_pages_link_the_exports(built):
    page = (built / "briefs" / "old" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../exports/briefs/old/actors.csv" download>actors.csv</a>' in page
    assert '<a href="../../exports/briefs/old.json" download>all as JSON</a>' in page
    downloads = (built / "exports" / "index.html").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f'<a href="{kind}.csv" download>{kind}.csv</a>' in downloads
    assert 'href="exports/"' in (built / "index.html").read_text(encoding="utf-8")
    assert broken_links(built) == []


def test_the_site_files_written_brief_by_brief_equal_all_rows_written_at_once():
    """The site files are joined from each brief's rows, kept from rebuild to rebuild; they must be exactly what
    writing all rows at once gives, whatever the text (new lines, quotes, accents, formulas) and for no rows."""
    from briefing import exports
    from briefing.crossbrief import build_index

    briefs = [brief("a", "2021-03-01", quote='She said "no"\nthen left; café =1+1'),
              brief("b", "2021-03-02", speaker="Zoë Ångström", quote=HOSTILE[0]),
              dataclasses.replace(brief("c", "2021-03-03"), figures=(), quotes=(), agreements=())]
    for index in (build_index(briefs), build_index(briefs[1:]), build_index([])):
        everything = {kind: [] for kind in KINDS}
        for one in index.briefs:
            rows = exports.brief_rows(one, index.timelines[one.id])
            for kind in KINDS:
                everything[kind] += rows[kind]
        expected = {}
        for kind in KINDS:
            expected[exports.csv_src(kind)] = exports.to_csv(kind, everything[kind])
            expected[exports.json_src(kind)] = exports.to_json(everything[kind])
        assert {page.src: page.text for page in exports.site_exports(index.briefs, index.timelines)} == expected


@pytest.mark.parametrize("value", [
    {"brief_id": "a", "value": 40_000_000, "share": 0.25, "huge": 2 ** 70, "minus": -0.0, "flag": True, "no": False,
     "none": None, "parties": ["Xland", "Yland"], "empty": [], "nothing": {}, "nested": [[], {}, {"x": [1, [2]]}],
     "text": "é \"quoted\" \\ \n\t\u2028\x00 😀", "pair": ("one", 2)},
    {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")},
    {1: "a number as key", "b": 2},
    [], {}, "plain", 12, None,
])
def test_json_is_written_as_json_dumps_with_indent_writes_it_without_its_python_encoder(value, monkeypatch):
    from briefing import exports

    expected = json.dumps(value, ensure_ascii=False, indent=1)
    if not isinstance(value, dict) or all(type(key) is str for key in value):  # else json.dumps writes it
        monkeypatch.setattr(json.encoder, "_make_iterencode", None)  # the step-by-step encoder of indent=…
    assert exports.to_json(value) == expected + "\n"
    assert exports._indented(value, "\n ") == expected.replace("\n", "\n ")


@pytest.fixture(scope="module")
def built_by_year(tmp_path_factory) -> Path:
    """A site past the number of briefs whose site-wide files are one set per year (lowered to 2 here)."""
    from briefing import exports

    config = make_project(tmp_path_factory.mktemp("project"))
    briefs = [brief("old", "2021-03-02"), brief("older", "2021-01-09"), brief("new", "2022-01-05"),
              brief("undated", "")]
    patch = pytest.MonkeyPatch()
    patch.setattr(exports, "YEAR_FILES_PAST", 2)
    try:
        yield site.publish(briefs, config_file=config, strict=True)
    finally:
        patch.undo()


@pytest.mark.parametrize("kind", KINDS)
def test_past_so_many_briefs_the_site_files_are_one_set_per_year(built_by_year, kind):
    exports_dir = built_by_year / "exports"
    assert not (exports_dir / f"{kind}.csv").exists() and not (exports_dir / f"{kind}.json").exists()
    years = {}
    for part in ("2022", "2021", "undated"):
        rows = read_csv(exports_dir / part / f"{kind}.csv")
        data = json.loads((exports_dir / part / f"{kind}.json").read_text(encoding="utf-8"))
        assert [row["brief_id"] for row in rows] == [item["brief_id"] for item in data]
        years[part] = list(dict.fromkeys(item["brief_id"] for item in data))
    if kind != "timeline":  # every brief has actors, figures, quotes and agreements; the undated one no dated item
        assert years == {"2022": ["new"], "2021": ["old", "older"], "undated": ["undated"]}
    assert sorted(path.name for path in exports_dir.iterdir()) == ["2021", "2022", "briefs", "index.html", "undated"]


def test_the_downloads_page_links_each_year_newest_first(built_by_year):
    page = (built_by_year / "exports" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" download', page)
    assert links == [f"{part}/{kind}.{form}" for part in ("2022", "2021", "undated") for kind in KINDS
                     for form in ("csv", "json")]
    assert "<td>Undated</td>" in page and "one file of each kind for each year" in page
    assert broken_links(built_by_year) == []


def test_a_changed_brief_rewrites_only_its_years_files(tmp_path, monkeypatch):
    from briefing import exports

    monkeypatch.setattr(exports, "YEAR_FILES_PAST", 2)
    briefs = [brief("old", "2021-03-02"), brief("older", "2021-01-09"), brief("new", "2022-01-05")]
    docs, record = tmp_path / "docs", tmp_path / "rendered.json"
    site.render_into(docs, record, briefs)
    changed, _ = site.render_into(docs, record, [*briefs[:2], brief("new", "2022-01-05", speaker="Ana Vell")])
    written = [src for src in changed.written if src.startswith("exports/") and "/briefs/" not in src]
    assert "exports/2022/quotes.csv" in written and all(src.startswith("exports/2022/") for src in written)
