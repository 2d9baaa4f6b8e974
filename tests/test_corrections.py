"""Analyst corrections, end to end: seed -> corrections/ (YAML) -> JSON brief, brief page and PDF.

The seed is invented; the corrections fix what the built-in extractor gets wrong in it (checked first
by ``test_the_seed_needs_the_corrections``, so a better extractor shows up as a clear failure here).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing import parallel, pipeline
from briefing.cli import main
from briefing.pdf import render_brief_pdf
from test_pdf import flat, pdf_text
from test_site import make_project

SEED = """Acme Corp and Xland sign supply pact
2021-03-02
Acme Corp and the government of Xland signed a supply agreement on Monday.
"We will build the plant in Zed City," said Jane Doe, the chief executive of Acme Corp.
Colonel Lin Wei said the army would guard the site.
The deal is worth US$5 million, officials said.
"It is a good day," he said.
Buffett welcomed the deal next spring.
"""
BRIEF_ID = "2021-03-02-acme-corp-and-xland-sign-supply-pact"
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "acme.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "corrections").mkdir()
    return tmp_path


def extract(project: Path, capsys=None) -> tuple[int, dict]:
    out = project / "out"
    status = main(["extract", "--seeds", str(project / "seeds"), "--out", str(out),
                   "--corrections", str(project / "corrections")])
    return status, json.loads((out / f"{BRIEF_ID}.json").read_text(encoding="utf-8"))


def correct(project: Path, text: str, name: str = f"{BRIEF_ID}.yml") -> Path:
    path = project / "corrections" / name
    path.write_text(text, encoding="utf-8")
    return path


def find(brief: dict, field: str, key: str) -> dict | None:
    """The item of ``brief[field]`` named ``key`` (actors) or whose text is ``key``."""
    return next((i for i in brief[field] if key in (i.get("name"), i.get("text"), i.get("display"))), None)


def test_the_seed_needs_the_corrections(project):
    status, brief = extract(project)
    assert status == 0
    assert find(brief, "actors", "Buffett")["type"] == "organization"
    assert find(brief, "actors", "Xland")["type"] == "place"  # 'the government of Xland': a state the data lack
    assert find(brief, "quotes", "It is a good day")["speaker"] != "Jane Doe"
    assert find(brief, "figures", "US$5 million")["measure"] == "deal"  # read from "is worth"
    assert all(not i["corrected"] for f in ("actors", "quotes", "figures", "dates") for i in brief[f])


@pytest.mark.parametrize("correction, field, key, expected", [
    ("- rename: {actor: Buffett, to: Warren Buffett, type: person}",
     "actors", "Warren Buffett", {"type": "person", "aliases": ["Buffett"]}),
    ("- rename: {actor: Acme Corp., to: Jane Doe}",  # the new name is another actor's: one actor
     "actors", "Jane Doe", {"aliases": ["Acme Corp."], "type": "person"}),
    ("- retype: {actor: Xland, type: country}", "actors", "Xland", {"type": "country"}),
    ("- alias: {actor: Jane Doe, add: [J. Doe, Ms Doe]}", "actors", "Jane Doe", {"aliases": ["J. Doe", "Ms Doe"]}),
    ("- merge: {actors: [Zed City, Xland], into: Xland}", "actors", "Xland",
     {"aliases": ["Zed City"], "evidence": [{"sentence": 0, "start": 32, "end": 37},
                                            {"sentence": 1, "start": 103, "end": 111}]}),
    ("- split: {actor: Lin Wei, into: [{name: Lin Wei}, {name: Colonel Lin, type: person}]}", "actors",
     "Colonel Lin", {"type": "person", "mentions": 1, "evidence": [{"sentence": 2, "start": 163, "end": 174}]}),
    ("- drop: {actor: Zed City}", "actors", "Zed City", None),
    ("- drop: {quote: It is a good day}", "quotes", "It is a good day", None),
    ("- drop: {reported_speech: the army would guard}", "reported_speech", "the army would guard the site", None),
    ("- drop: {figure: US$5 million}", "figures", "US$5 million", None),
    ("- drop: {date: next spring}", "dates", "next spring", None),
    ("- drop: {agreement: supply agreement}", "agreements",
     "Acme Corp and the government of Xland signed a supply agreement on Monday.", None),
    ("- speaker: {quote: It is a good day, speaker: Jane Doe}", "quotes", "It is a good day",
     {"speaker": "Jane Doe", "speaker_text": "he"}),
    ("- agreement: {agreement: supply, parties: [Acme Corp., Xland, Zed City], status: signed, date: 2021-03-01}",
     "agreements", "Acme Corp and the government of Xland signed a supply agreement on Monday.",
     {"parties": ["Acme Corp.", "Xland", "Zed City"], "status": "signed", "date": "2021-03-01"}),
    ("- add: {figure: 5 million, unit: USD, measure: the deal}", "figures", "5 million",
     {"value": 5, "unit": "USD", "measure": "the deal", "evidence": [{"sentence": 3, "start": 236, "end": 245}]}),
    ("- add: {actor: the army, name: Xland Army, type: organization}", "actors", "Xland Army",
     {"aliases": ["the army"], "evidence": [{"sentence": 2, "start": 184, "end": 192}]}),
    ("- add: {quote: build the plant, speaker: Jane Doe}", "quotes", "build the plant",
     {"kind": "direct", "evidence": [{"sentence": 1, "start": 84, "end": 99}]}),
    ("- add: {reported_speech: the deal is worth, speaker: officials}", "reported_speech", "The deal is worth",
     {"kind": "indirect", "speaker": "officials"}),
    ("- add: {date: on Monday, value: 2021-03-01}", "dates", "on Monday", {"value": "2021-03-01"}),
    ("- add: {agreement: supply agreement, kind: supply agreement, parties: [Acme Corp.]}", "agreements",
     "supply agreement", {"kind": "supply agreement", "parties": ["Acme Corp."], "status": "agreed"}),
])
def test_each_operation_changes_the_json_brief(project, correction, field, key, expected):
    correct(project, correction + "\n  note: checked by hand\n  author: jd\n")
    status, brief = extract(project)
    assert status == 0
    item = find(brief, field, key)
    if expected is None:
        assert item is None
        return
    assert item is not None, brief[field]
    assert {k: item[k] for k in expected} == expected
    assert (item["corrected"], item["correction_note"], item["correction_author"]) == (True, "checked by hand", "jd")
    assert (item["confidence"], item["why"]) == ("high", ["corrected by analyst"])


def test_a_rename_follows_into_quotes_agreements_and_affiliations(project):
    correct(project, "- rename: {actor: Acme Corp., to: Acme Corporation}\n")
    _, brief = extract(project)
    assert find(brief, "actors", "Acme Corporation")["aliases"][0] == "Acme Corp."
    assert "Acme Corporation" in brief["agreements"][0]["parties"]
    assert "Acme Corp." not in json.dumps(brief["agreements"])


def test_the_global_file_corrects_every_brief(project):
    (project / "seeds" / "other.txt").write_text(
        "Buffett buys a bank\n2021-04-01\nShares rose after Buffett bought a small bank in Xland on Friday.\n", encoding="utf-8")
    correct(project, "# one person for the whole site\n- rename: {actor: Buffett, to: Warren Buffett, type: person}\n",
            name="all.yml")
    assert main(["extract", "--seeds", str(project / "seeds"), "--out", str(project / "out"),
                 "--corrections", str(project / "corrections")]) == 0
    briefs = [json.loads(p.read_text()) for p in sorted((project / "out").glob("*.json"))]
    assert len(briefs) == 2
    for brief in briefs:
        assert find(brief, "actors", "Warren Buffett")["type"] == "person"


def test_a_brief_named_inside_the_file(project):
    correct(project, f"brief: {BRIEF_ID}\nauthor: jd\ncorrections:\n  - retype: {{actor: Xland, type: country}}\n",
            name="xland.yaml")
    _, brief = extract(project)
    assert (find(brief, "actors", "Xland")["type"], find(brief, "actors", "Xland")["correction_author"]) == \
        ("country", "jd")


def test_a_stale_correction_is_reported_with_file_and_line_and_kept(project, capsys):
    path = correct(project, "- retype: {actor: Xland, type: country}\n"
                            "# Buffett left the story\n"
                            "- rename: {actor: Buffett, to: Warren Buffett}\n")
    seed = project / "seeds" / "acme.txt"
    seed.write_text(SEED.replace("Buffett welcomed", "Investors welcomed"), encoding="utf-8")
    status, brief = extract(project)
    assert status == 1
    err = capsys.readouterr().err
    assert (f"{path}: line 3: rename actor 'Buffett' to 'Warren Buffett' does not apply: no actor 'Buffett' in "
            f"brief {BRIEF_ID} (the seed may have changed: update or delete this correction)") in err
    assert find(brief, "actors", "Xland")["type"] == "country"  # the other correction still applies
    assert "Buffett" in path.read_text()  # the correction is kept


@pytest.mark.parametrize("text, line, message", [
    ("- rename: {actor: Buffett, to: [\n", 2, "not valid YAML"),
    ("- retype: {actor: Xland, type: nation}\n", 1, "unknown actor type 'nation'"),
    ("- retype: {actor: Xland}\n- frobnicate: {actor: Xland}\n", 1, "'retype' needs type"),
    ("- drop: {actor: Xland}\n- frobnicate: {actor: Xland}\n", 2, "needs exactly one of rename"),
    ("- agreement: {agreement: supply, status: maybe}\n", 1, "unknown status 'maybe'"),
    ("- split: {actor: Lin Wei, into: [{name: Lin}]}\n", 1, "'split' needs 'into:' a list of two actors or more"),
    ("rename: Buffett\n", 1, "no 'corrections:' list"),
])
def test_a_bad_correction_file_is_an_error_with_file_and_line(project, capsys, text, line, message):
    path = correct(project, text)
    status, _ = extract(project)
    assert status == 1
    err = capsys.readouterr().err
    assert f"{path}: line {line}: " in err and message in err, err


def test_corrections_check_lists_each_correction_and_whether_it_applies(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    make_project(project)
    correct(project, "- retype: {actor: Xland, type: country}\n- drop: {figure: US$9 billion}\n")
    correct(project, "- rename: {actor: Buffett, to: Warren Buffett, type: person}\n", name="all.yml")
    assert main(["corrections", "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"corrections/all.yml: line 1: rename actor 'Buffett' to 'Warren Buffett' (every brief): applies to {BRIEF_ID}",
        f"corrections/{BRIEF_ID}.yml: line 1: retype actor 'Xland' ({BRIEF_ID}): applies to {BRIEF_ID}",
        f"corrections/{BRIEF_ID}.yml: line 2: drop figure 'US$9 billion' ({BRIEF_ID}): DOES NOT APPLY: "
        f"no figure 'US$9 billion' in brief {BRIEF_ID}",
    ]
    correct(project, "- retype: {actor: Xland, type: country}\n")
    assert main(["corrections", "check"]) == 0


def test_an_edited_correction_takes_effect_without_extracting_again(project, monkeypatch):
    cache = project / "cache"
    args = dict(cache_dir=cache, corrections_dir=project / "corrections")
    correct(project, "- retype: {actor: Xland, type: country}\n")
    [first] = pipeline.extract_briefs(project / "seeds", **args).briefs
    monkeypatch.setattr(parallel, "extract", lambda *a, **k: pytest.fail("extracted again"))
    correct(project, "- retype: {actor: Xland, type: place}\n")
    [second] = pipeline.extract_briefs(project / "seeds", **args).briefs
    assert [a.type for a in (first.actors[1], second.actors[1])] == ["country", "place"]


def test_corrected_items_show_on_the_page_and_in_the_pdf(project):
    correct(project, "- rename: {actor: Buffett, to: Warren Buffett, type: person}\n"
                     "  note: the investor, not a firm\n  author: Lin Wei\n"
                     "- speaker: {quote: It is a good day, speaker: Jane Doe}\n  note: he is Doe\n")
    config = make_project(project)
    assert main(["build", "--seeds", str(project / "seeds"), "--config-file", str(config)]) == 0
    html = (project / "site" / "briefs" / BRIEF_ID / "index.html").read_text(encoding="utf-8")
    assert ('<span class="brief-corrected">corrected</span> <span class="brief-correction-note">'
            'the investor, not a firm (Lin Wei)</span>') in html
    assert html.count('class="brief-corrected"') == 2
    result = pipeline.extract_briefs(project / "seeds", corrections_dir=project / "corrections")
    pdf = project / "brief.pdf"
    pdf.write_bytes(render_brief_pdf(result.briefs[0]))
    text = flat(pdf_text(pdf))
    assert "Warren Buffett" in text and "corrected: the investor, not a firm (Lin Wei)" in text
    assert "corrected: he is Doe" in text


def test_the_readme_examples_apply_to_this_seed(project):
    per_brief, everywhere = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    correct(project, "\n".join(line.removeprefix("   ") for line in per_brief.splitlines()))
    correct(project, "\n".join(line.removeprefix("   ") for line in everywhere.splitlines()), name="all.yml")
    status, brief = extract(project)
    assert status == 0
    assert find(brief, "actors", "Xland")["correction_note"] == "a state, not a company"
    assert find(brief, "actors", "Warren Buffett")["type"] == "person"
    assert find(brief, "dates", "next spring") is None
