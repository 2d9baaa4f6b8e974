"""Stable brief ids: a title change keeps the id and the URL; an id change leaves a redirect page."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import Problem
from briefing.ids import IdManifest, assign_ids, stable_ids
from briefing.load import load_seeds
from test_site import make_project

BODY = "Acme Corp opened a plant in Xland on Monday.\nLin Wei said the plant would hire 300 people.\n"


def md_seed(title: str, given_id: str | None = None) -> str:
    front = f"title: {title}\ndate: 2021-03-02\n" + (f"id: {given_id}\n" if given_id else "")
    return f"---\n{front}---\n{BODY}"


def loaded(seeds: Path):
    return load_seeds(seeds).articles


@pytest.mark.parametrize("name, content, expected_id", [
    ("a.md", md_seed("Acme opens a plant"), "2021-03-02-acme-opens-a-plant"),
    ("a.md", md_seed("Acme opens a plant", "Acme Plant 1"), "acme-plant-1"),
    ("a.json", json.dumps([{"title": "Acme opens a plant", "body": BODY, "guid": "urn:acme:17"}]), "urn-acme-17"),
    ("a.json", json.dumps([{"title": "Acme opens a plant", "body": BODY, "id": 42}]), "42"),
])
def test_a_seed_can_name_its_id(tmp_path, name, content, expected_id):
    (tmp_path / name).write_text(content, encoding="utf-8")
    [article] = loaded(tmp_path)
    assert article.id == expected_id
    assert article.id_given == (expected_id != "2021-03-02-acme-opens-a-plant")


def test_the_manifest_keeps_the_first_id_when_the_title_changes(tmp_path):
    seeds, manifest = tmp_path / "seeds", tmp_path / "ids.json"
    seeds.mkdir()
    (seeds / "a.md").write_text(md_seed("Acme opens a plant"), encoding="utf-8")
    problems: list[Problem] = []
    [first], redirects = stable_ids(loaded(seeds), manifest, problems)
    (seeds / "a.md").write_text(md_seed("Acme opens a bigger plant"), encoding="utf-8")
    [second], redirects = stable_ids(loaded(seeds), manifest, problems)
    assert first.id == second.id == "2021-03-02-acme-opens-a-plant"
    assert second.title == "Acme opens a bigger plant"
    assert redirects == {} and problems == []
    assert json.loads(manifest.read_text())["ids"] == {str(seeds / "a.md"): first.id}


def test_a_new_seed_never_takes_the_id_of_a_known_one(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text(md_seed("Old title"), encoding="utf-8")
    (seeds / "b.md").write_text(md_seed("Plant news").replace("Acme", "Bolt"), encoding="utf-8")
    manifest = IdManifest(ids={str(seeds / "b.md"): "2021-03-02-old-title"})
    ids = [a.id for a in assign_ids(loaded(seeds), manifest)]
    assert ids == ["2021-03-02-old-title-2", "2021-03-02-old-title"]


def test_an_id_changed_twice_redirects_both_old_ids_to_the_new_one(tmp_path):
    seeds, manifest = tmp_path / "seeds", tmp_path / "ids.json"
    seeds.mkdir()
    for given in ("first", "second", "third"):
        (seeds / "a.md").write_text(md_seed("Acme", given), encoding="utf-8")
        _, redirects = stable_ids(loaded(seeds), manifest, [])
    assert redirects == {"first": "third", "second": "third"}


def test_an_unreadable_manifest_is_a_warning_and_is_rewritten(tmp_path):
    seeds, manifest = tmp_path / "seeds", tmp_path / "ids.json"
    seeds.mkdir()
    (seeds / "a.md").write_text(md_seed("Acme"), encoding="utf-8")
    manifest.write_text("{not json")
    problems: list[Problem] = []
    [article], _ = stable_ids(loaded(seeds), manifest, problems)
    assert [p.severity for p in problems] == ["warning"] and "ids.json" in str(problems[0])
    assert json.loads(manifest.read_text())["ids"] == {str(seeds / "a.md"): article.id}


def test_build_keeps_the_url_on_a_title_change_and_redirects_after_an_id_change(tmp_path):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "acme.md"
    build = ["build", "--seeds", str(seeds), "--config-file", str(config)]
    seed.write_text(md_seed("Acme opens a plant"), encoding="utf-8")
    assert main(build) == 0
    page = tmp_path / "site" / "briefs" / "2021-03-02-acme-opens-a-plant" / "index.html"
    assert page.is_file()
    seed.write_text(md_seed("Acme opens a bigger plant"), encoding="utf-8")
    assert main(build) == 0
    assert "Acme opens a bigger plant" in page.read_text(encoding="utf-8")
    seed.write_text(md_seed("Acme opens a bigger plant", "acme-plant"), encoding="utf-8")
    assert main(build) == 0
    moved = page.read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../acme-plant/">' in moved
    assert '<a id="moved-to" href="../acme-plant/">Acme opens a bigger plant</a>' in moved
    assert "Acme opens a bigger plant" in (tmp_path / "site" / "briefs" / "acme-plant" / "index.html").read_text()
    assert main(build) == 0  # the redirect stays on later builds
    assert "http-equiv" in page.read_text(encoding="utf-8")
