"""Incremental builds: a rebuild writes only the pages that changed and gives the site a full build gives."""
from __future__ import annotations

import copy
import dataclasses
import functools
import gc
import json
import os
import pickle
import re
import shutil
import typing
from pathlib import Path

import jinja2
import pathspec
import pytest

from briefing import changes, crossbrief, ids, incremental, load, pipeline, render, site, snapshot, templating
from briefing.cli import main
from briefing.memo import SameObject
from briefing.model import Agreement, Brief, Quote
from test_pages_readable import actor, brief
from test_site import make_project

BODY = ("The mayor of Xland, Jane Doe, opened the new bridge on Monday. \"It took ten years,\" Doe said. "
        "Acme Corp built it for $40 million.")
SEEDS = {
    "a.txt": f"Xland opens bridge\n14 Aug 2019\n{BODY}\n",
    "b.txt": f"Acme Corp wins contract\n15 Aug 2019\n{BODY} Lin Wei agreed.\n",
    "c.txt": "Yland and Xland sign ferry pact\n16 Aug 2019\nYland and Xland signed a ferry agreement on Friday, "
             "Lin Wei said.\n",
}


def project(root: Path, seeds: dict[str, str]) -> list[str]:
    config = make_project(root)
    (root / "seeds").mkdir()
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    return ["build", "--seeds", str(root / "seeds"), "--config-file", str(config), "--jobs", "1"]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` but the build's own marks (dot files)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(autouse=True)
def same_build_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # MkDocs stamps sitemap.xml.gz with the build time


def reports_changes(name: str) -> bool:
    return name in ("index.md", "index.html", "search/search_index.json") or name.startswith("feeds/")


def test_an_incremental_rebuild_gives_the_site_of_a_full_build(tmp_path, capsys):
    build = project(tmp_path / "incremental", SEEDS)
    assert main(build) == 0
    seeds = tmp_path / "incremental" / "seeds"
    (seeds / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "twelve years"), encoding="utf-8")
    (seeds / "b.txt").unlink()
    (seeds / "d.txt").write_text("Zland joins the pact\n17 Aug 2019\nZland joined the ferry agreement, Jane Doe "
                                 "said.\n", encoding="utf-8")
    before = mtimes(tmp_path / "incremental" / "docs")
    assert main(build) == 0
    after = mtimes(tmp_path / "incremental" / "docs")
    touched = {src for src in after if after[src] != before.get(src)}
    assert "briefs/2019-08-15-acme-corp-wins-contract.md" not in after  # the removed seed's page is gone
    assert any(src.startswith("briefs/2019-08-14") for src in touched)  # the changed seed's page is rewritten
    assert "stylesheets/extra.css" not in touched and len(touched) < len(after)

    full = project(tmp_path / "full", {name: p.read_text(encoding="utf-8") for name, p in
                                       ((p.name, p) for p in sorted(seeds.iterdir()))})
    assert main(full) == 0
    for folder in ("docs", "site"):
        incremental, fresh = tree(tmp_path / "incremental" / folder), tree(tmp_path / "full" / folder)
        assert incremental.keys() == fresh.keys()
        differ = [name for name in incremental if incremental[name] != fresh[name]]
        # what's new and the feeds' update times tell what changed since the previous build
        # (briefing/changes.py): the one output that depends on the build history, by design
        assert [name for name in differ if not reports_changes(name)] == [], differ


def test_a_rebuild_with_nothing_changed_writes_no_page_and_runs_no_mkdocs(tmp_path, monkeypatch, capsys):
    build = project(tmp_path, SEEDS)
    assert main(build) == 0
    docs, built = mtimes(tmp_path / "docs"), tree(tmp_path / "site")
    monkeypatch.setattr(site, "mkdocs_build", lambda config, **options: pytest.fail("MkDocs ran with nothing changed"))
    monkeypatch.setattr(site, "changes_renderer", lambda *a, **k: pytest.fail("rendered with nothing changed"))
    capsys.readouterr()
    assert main(build) == 0
    assert mtimes(tmp_path / "docs") == docs and tree(tmp_path / "site") == built
    assert "is up to date: no seed, correction, template, setting or code changed" in capsys.readouterr().err


def test_pages_that_changed_outside_the_sources_are_built_again(tmp_path, monkeypatch, capsys):
    """Generated pages edited or deleted by hand: the sources did not change, the docs did, so MkDocs runs."""
    build = project(tmp_path, SEEDS)
    assert main(build) == 0
    built = tree(tmp_path / "site")
    (tmp_path / "docs" / "index.md").unlink()
    monkeypatch.setattr(site, "sources_stamp", lambda *a, **k: "changed")  # as if a seed had been touched
    assert main(build) == 0
    assert (tmp_path / "docs" / "index.md").is_file() and tree(tmp_path / "site") == built


def test_a_build_with_a_problem_runs_again_and_reports_it_again(tmp_path, capsys):
    build = project(tmp_path, {**SEEDS, "bad.md": "---\ntags: [x]\n---\nXland voted on Monday.\n"})
    assert main(build) == 1
    assert "seeds/bad.md: line 1: no title" in capsys.readouterr().err
    assert main(build) == 1
    assert "seeds/bad.md: line 1: no title" in capsys.readouterr().err


@pytest.mark.parametrize("change", ["seed", "hand-written doc", "option", "config"])
def test_any_changed_input_builds_the_site_again(change, tmp_path, capsys):
    build = project(tmp_path, SEEDS)
    assert main(build) == 0
    first = tree(tmp_path / "site")
    if change == "seed":
        (tmp_path / "seeds" / "c.txt").write_text(SEEDS["c.txt"].replace("Friday", "Sunday"), encoding="utf-8")
    elif change == "hand-written doc":
        (tmp_path / "docs" / "stylesheets" / "extra.css").write_text("body { margin: 1px }\n", encoding="utf-8")
    elif change == "option":
        build += ["--site-url", "https://example.org/briefing/"]
    else:
        config = tmp_path / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("site_name: Briefing", "site_name: Other"),
                          encoding="utf-8")
    assert main(build) == 0
    assert tree(tmp_path / "site") != first


def test_a_dirty_preview_build_rebuilds_only_the_pages_of_the_edited_seed(tmp_path):
    """What ``serve`` does on an edit (a dirty MkDocs build through the hook), run as plain ``mkdocs build --dirty``."""
    from test_publishing import plain_mkdocs

    project(tmp_path, SEEDS)
    assert plain_mkdocs(tmp_path, "build").returncode == 0
    pages = tmp_path / "site" / "briefs"
    before = {p.parent.name: p.stat().st_mtime_ns for p in pages.glob("*/index.html")}
    (tmp_path / "seeds" / "c.txt").write_text(SEEDS["c.txt"].replace("Friday", "Sunday"), encoding="utf-8")
    done = plain_mkdocs(tmp_path, "build", "--dirty")
    assert done.returncode == 0, done.stderr
    changed_pages = int(re.search(r"(\d+) page\(s\) changed, 0 removed", done.stderr)[1])
    generated = [p for folder in ("pages", "preview-files") for p in (tmp_path / ".briefing" / folder).rglob("*")
                 if p.is_file()]  # pages and exports
    assert 1 <= changed_pages < len(generated) / 2
    after = {p.parent.name: p.stat().st_mtime_ns for p in pages.glob("*/index.html")}
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["2019-08-16-yland-and-xland-sign-ferry-pact"]
    assert "Sunday" in (pages / changed[0] / "index.html").read_text(encoding="utf-8")
    exported = f"exports/briefs/{changed[0]}.json"  # put into the site beside the MkDocs build
    assert "Sunday" in (tmp_path / "site" / exported).read_text(encoding="utf-8")
    assert (tmp_path / "site" / exported).read_bytes() == (tmp_path / ".briefing" / "preview-files" / exported).read_bytes()
    assert not any((tmp_path / "docs" / name).exists() for name in ("briefs", "index.md"))  # docs/ untouched


def tagged(title: str, date: str, tags: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\n---\n\n{body}\n"


TAGGED_SEEDS = {
    "a.md": tagged("Xland opens bridge", "2019-08-14", "roads, city", BODY),
    "b.md": tagged("Acme Corp wins contract", "2019-08-15", "business", f"{BODY} Lin Wei agreed."),
    "c.md": tagged("Yland and Xland sign ferry pact", "2019-08-16", "ferries, roads",
                   "Yland and Xland signed a ferry agreement on Friday, Lin Wei said."),
}
EDITS = {
    "changed": {"a.md": tagged("Xland opens bridge", "2019-08-14", "roads, tolls",
                               BODY.replace("ten years", "twelve years"))},
    "added": {"d.md": tagged("Zland joins the pact", "2019-08-17", "ferries, islands",
                             "Zland joined the ferry agreement, Jane Doe said.")},
    "removed": {"b.md": None},
}


def search_entries(site_dir: Path) -> list[dict]:
    """The entries of Material's search index but the home page's, whose what's-new list tells the build history."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [entry for entry in index["docs"] if entry["location"].split("#")[0] != ""]


@pytest.mark.parametrize("edit", EDITS)
def test_a_dirty_build_gives_the_site_of_a_full_build_with_its_search_index_and_tags(edit, tmp_path, capsys):
    build = project(tmp_path / "incremental", TAGGED_SEEDS)
    assert main(build) == 0
    seeds, site_dir = tmp_path / "incremental" / "seeds", tmp_path / "incremental" / "site"
    untouched = site_dir / "briefs" / "2019-08-16-yland-and-xland-sign-ferry-pact" / "index.html"
    before = untouched.stat().st_ino
    for name, text in EDITS[edit].items():
        if text is None:
            (seeds / name).unlink()
        else:
            (seeds / name).write_text(text, encoding="utf-8")
    assert main(build) == 0
    assert untouched.stat().st_ino == before  # not built again: the page of the previous site, linked in

    full = project(tmp_path / "full", {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())})
    assert main(full) == 0
    incremental, fresh = tree(site_dir), tree(tmp_path / "full" / "site")
    assert incremental.keys() == fresh.keys()
    differ = [name for name in incremental if incremental[name] != fresh[name]]
    assert [name for name in differ if not reports_changes(name)] == [], differ
    assert search_entries(site_dir) == search_entries(tmp_path / "full" / "site")
    tags_page = incremental["tags/index.html"].decode()
    assert tags_page == fresh["tags/index.html"].decode()
    expected_tags = {"changed": "tolls", "added": "islands", "removed": "ferries"}[edit]
    assert f'id="tag:{expected_tags}"' in tags_page
    assert ("business" in tags_page) == (edit != "removed")


# --------------------------------------------------------------------------- only what changed is rendered

def ripple_briefs() -> dict[str, object]:
    """Briefs whose pages link to each other: a shared person, a country, an organisation named two ways."""
    return {
        "a": brief("a", actor("Velder Trade Council", "organization"), actor("Jane Doe", affiliation="Xland"),
                   actor("Xland", "country"), published="2020-01-02",
                   quotes=(Quote(text="We agreed.", kind="direct", speaker="Jane Doe"),)),
        "b": brief("b", actor("VTC", "organization"), actor("Jane Doe"), published="2020-01-03"),
        "c": brief("c", actor("Lin Wei"), actor("Xland", "country"), actor("Yland", "country"),
                   published="2020-02-04"),
    }


def with_alias(one, name: str, alias: str):
    return dataclasses.replace(one, actors=tuple(dataclasses.replace(a, aliases=(*a.aliases, alias)) if a.name == name
                                                 else a for a in one.actors))


BRIEF_EDITS = {
    "changed": lambda briefs: {**briefs, "c": dataclasses.replace(briefs["c"], title="Brief c, corrected")},
    "added": lambda briefs: {**briefs, "d": brief("d", actor("Lin Wei"), actor("Yland", "country"),
                                                  published="2020-02-05")},
    "removed": lambda briefs: {name: one for name, one in briefs.items() if name != "c"},
    # "VTC" becomes an alias of the council in one brief: the other brief's "VTC" now joins the council's page,
    # so that page, the other brief's links and the actor index change, and the page of "VTC" goes
    "alias ripple": lambda briefs: {**briefs, "a": with_alias(briefs["a"], "Velder Trade Council", "VTC")},
    "agreement": lambda briefs: {**briefs, "b": dataclasses.replace(briefs["b"], agreements=(
        Agreement(kind="port deal", parties=("VTC", "Jane Doe"), status="signed", date=None, text="a port deal"),))},
}

#: A page that nothing of each edit reaches.
UNTOUCHED_BY = {"changed": "briefs/b.md", "added": "briefs/b.md", "removed": "briefs/b.md",
                "alias ripple": "actors/lin-wei.md", "agreement": "actors/lin-wei.md"}


def texts(site_pages) -> dict[str, str]:
    return {page.src: page.text for page in site_pages}


@pytest.mark.parametrize("edit", BRIEF_EDITS)
def test_a_render_after_an_edit_renders_only_what_changed_and_gives_every_page_of_a_full_render(edit):
    before = ripple_briefs()
    first = render.render_changes(before.values())
    after = list(BRIEF_EDITS[edit](before).values())
    again = render.render_changes(after, previous=first.units)
    full = texts(render.render_changes(after).pages)
    previous_text = texts(first.pages)
    assert set(again.kept).isdisjoint(p.src for p in again.pages)
    assert {**{src: previous_text[src] for src in again.kept}, **texts(again.pages)} == full
    assert 0 < len(again.pages) < len(full)
    assert UNTOUCHED_BY[edit] in again.kept
    if edit == "alias ripple":
        assert "actors/vtc.md" in texts(first.pages) and "actors/vtc.md" not in full
        assert {"briefs/b.md", "actors/velder-trade-council.md", "actors/index.md"} <= texts(again.pages).keys()
    if edit in ("changed", "agreement"):  # the pages reached list the same names, spellings and brief counts
        assert {"actors/index.md", "countries/index.md"} <= set(again.kept)


def test_the_index_of_a_list_split_by_month_is_rendered_again_only_when_a_month_or_its_count_changes():
    before = ripple_briefs()
    first = render.render_changes(before.values(), period_rows=1)
    after = list(BRIEF_EDITS["changed"](before).values())
    again = render.render_changes(after, previous=first.units, period_rows=1)
    previous_text = texts(first.pages)
    assert {**{src: previous_text[src] for src in again.kept}, **texts(again.pages)} == \
        texts(render.render_changes(after, period_rows=1).pages)
    assert "all-briefs.md" in again.kept and "all-briefs/2020-02.md" in texts(again.pages)
    added = render.render_changes(BRIEF_EDITS["added"](before).values(), previous=first.units, period_rows=1)
    assert "all-briefs.md" in texts(added.pages)


def test_a_render_asks_the_index_each_question_once_however_many_units_took_its_answer(monkeypatch):
    briefs = list(ripple_briefs().values())
    first = render.render_changes(briefs)
    asked = []
    countries_of = crossbrief.SiteIndex.countries_of
    monkeypatch.setattr(crossbrief.SiteIndex, "countries_of",
                        lambda index, brief: asked.append(brief.id) or countries_of(index, brief))
    assert render.render_changes(briefs, previous=first.units).pages == ()
    assert sorted(asked) == ["a", "b", "c"]


def test_a_render_with_nothing_changed_renders_no_page():
    briefs = list(ripple_briefs().values())
    first = render.render_changes(briefs)
    again = render.render_changes(briefs, previous=first.units)
    assert again.pages == () and sorted(again.kept) == sorted(p.src for p in first.pages)


@pytest.mark.parametrize("change", ["templates", "code", "site address", "page URLs"])
def test_a_changed_template_code_or_setting_renders_every_page_again(change, monkeypatch):
    briefs = list(ripple_briefs().values())
    first = render.render_changes(briefs)
    options = {"site address": {"site_url": "https://example.org/"}, "page URLs": {"directory_urls": False}}
    if change == "templates":
        monkeypatch.setattr(render, "templates_version", lambda: "edited")
    elif change == "code":
        monkeypatch.setattr(render, "code_version", lambda: "another")
    again = render.render_changes(briefs, previous=first.units, **options.get(change, {}))
    assert again.kept == () and len(again.pages) == len(first.pages)


STATE_NOW = "2024-01-02T03:04:05+00:00"
RIPPLE_SEEDS = {
    "a.txt": "Velder council meets\n14 Aug 2019\nThe Velder Trade Council met in Xland on Monday. \"We agreed,\" "
             "said Jane Doe.\n",
    "b.txt": "VTC plans port\n15 Aug 2019\nThe VTC announced a new port on Tuesday, Jane Doe said.\n",
    "c.txt": SEEDS["c.txt"],
}
SEED_EDITS = {
    "changed": {"c.txt": SEEDS["c.txt"].replace("Friday", "Sunday")},
    "added": {"d.txt": "Zland joins the pact\n17 Aug 2019\nZland joined the ferry agreement, Jane Doe said.\n"},
    "removed": {"c.txt": None},
    "alias ripple": {"a.txt": RIPPLE_SEEDS["a.txt"].replace("Council met", "Council (VTC) met")},
}


def assert_same_as_a_full_build(root: Path, full_root: Path, history: dict) -> None:
    """The docs and site of ``root`` are byte for byte those of a full build of its seeds in ``full_root``, started
    with the same build ``history`` (its files by path)."""
    full = project(full_root, {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "seeds").iterdir())})
    for path, data in history.items():
        (full_root / path).parent.mkdir(parents=True, exist_ok=True)
        (full_root / path).write_bytes(data)
    assert main(full) == 0
    for folder in ("docs", "site"):
        incremental, fresh = tree(root / folder), tree(full_root / folder)
        assert incremental.keys() == fresh.keys()
        assert [name for name in incremental if incremental[name] != fresh[name]] == []


@pytest.mark.parametrize("edit", SEED_EDITS)
def test_an_incremental_build_gives_exactly_the_docs_and_site_of_a_full_build(edit, tmp_path, monkeypatch):
    """Byte for byte, search index and home page included: the full build starts from the same build history."""
    monkeypatch.setattr(changes, "now", lambda: STATE_NOW)
    root = tmp_path / "incremental"
    build = project(root, RIPPLE_SEEDS)
    assert main(build) == 0
    history = {path: (root / path).read_bytes() for path in (changes.STATE_FILE, ids.MANIFEST)}
    first_docs = tree(root / "docs")
    for name, text in SEED_EDITS[edit].items():
        if text is None:
            (root / "seeds" / name).unlink()
        else:
            (root / "seeds" / name).write_text(text, encoding="utf-8")
    written = []
    real_holds = site.holds
    monkeypatch.setattr(site, "holds", lambda path, data: written.append(path) or real_holds(path, data))
    assert main(build) == 0
    monkeypatch.setattr(site, "holds", real_holds)

    assert_same_as_a_full_build(root, tmp_path / "full", history)
    generated = [p for p in (root / "docs").rglob("*") if p.is_file() and p.relative_to(root / "docs").parts[0]
                 in render.GENERATED_PATHS]
    assert 0 < len(written) < len(generated)  # the pages of unchanged units were neither rendered nor read
    if edit == "alias ripple":
        assert "actors/vtc.md" in first_docs and "actors/vtc.md" not in tree(root / "docs")


# --------------------------------------------------------------------------- kept in the serve process

def index_data(index) -> dict[str, object]:
    """Everything a :class:`SiteIndex` holds, as plain data (its pages are compared by identity)."""
    def cited(items) -> list[tuple[str, str]]:
        return [(c.brief.id, repr(c.item)) for c in items]

    pages = [(p.slug, p.src, p.name, p.type, [(m.brief.id, repr(m.actor)) for m in p.mentions], p.spellings, p.roles,
              p.affiliations, cited(p.quotes), cited(p.agreements), cited(p.figures), [o.src for o in p.people])
             for p in index.actor_pages]
    return {"briefs": [repr(b) for b in index.briefs], "pages": pages, "timelines": dict(index.timelines),
            "tags": dict(index.tags), "names": {key: page.src for key, page in index._pages_by_name.items()},
            "countries": {b.id: [p.src for p in index.countries_of(b)] for b in index.briefs}}


@pytest.mark.parametrize("edit", BRIEF_EDITS)
def test_the_index_and_pages_made_after_an_edit_in_one_process_equal_those_of_a_fresh_process(edit):
    """``serve`` keeps what it made from each brief (topics, fingerprints, export rows) and gives it again for the
    same brief; deep copies are briefs this process never saw, so they are made afresh."""
    before = ripple_briefs()
    first = render.render_changes(before.values())
    after = list(BRIEF_EDITS[edit](before).values())
    kept_index = crossbrief.build_index(after)
    again = render.render_changes(after, previous=first.units)
    fresh = copy.deepcopy(after)
    assert index_data(kept_index) == index_data(crossbrief.build_index(fresh))
    previous_text = texts(first.pages)
    assert {**{src: previous_text[src] for src in again.kept}, **texts(again.pages)} == \
        texts(render.render_changes(fresh).pages)


def test_an_edited_brief_gets_a_new_fingerprint_and_an_unchanged_one_keeps_it():
    one = ripple_briefs()["a"]
    edited = dataclasses.replace(one, title="Brief a, corrected")
    assert changes.fingerprint(one) == changes.fingerprint(copy.deepcopy(one))
    assert changes.fingerprint(edited) != changes.fingerprint(one)
    assert changes.fingerprint(edited) == changes.fingerprint(copy.deepcopy(edited))


def test_a_seed_is_read_and_parsed_again_only_when_its_file_changed(tmp_path, monkeypatch):
    """``serve`` loads every seed after each edit; an unchanged file gives the articles it gave before, unread."""
    for name, text in SEEDS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = load.load_seeds(tmp_path)
    read = []
    real_load_seed = load.load_seed
    monkeypatch.setattr(load, "load_seed", lambda path, **kw: read.append(path.name) or real_load_seed(path, **kw))
    assert load.load_seeds(tmp_path) == first and read == []
    edited = tmp_path / "a.txt"
    info = edited.stat()
    edited.write_text(SEEDS["a.txt"].replace("ten years", "six years"), encoding="utf-8")  # the same size
    os.utime(edited, ns=(info.st_atime_ns, info.st_mtime_ns))  # and the same modification time: the change time
    again = load.load_seeds(tmp_path)                            # still tells
    assert read == ["a.txt"]
    assert [a.body for a in again.articles] == [a.body.replace("ten years", "six years") if a.path.endswith("a.txt")
                                                else a.body for a in first.articles]
    (tmp_path / "b.txt").unlink()
    assert [a.path for a in load.load_seeds(tmp_path).articles] == [a.path for a in again.articles
                                                                      if not a.path.endswith("b.txt")]


def test_the_rebuild_after_an_extraction_gives_the_very_briefs_it_made_and_a_fresh_read_equals_them(tmp_path,
                                                                                                   monkeypatch):
    """``serve``'s rebuild after its first build takes the briefs it just stored, not their JSON read back, so what
    was made from them is kept; read back in another process, they are the same briefs."""
    for name, text in SEEDS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = pipeline.extract_briefs(tmp_path, cache_dir=tmp_path / ".cache")
    again = pipeline.extract_briefs(tmp_path, cache_dir=tmp_path / ".cache")
    assert len(again.briefs) == len(SEEDS) and all(a is b for a, b in zip(first.briefs, again.briefs))
    monkeypatch.setattr(pipeline, "_READ_ENTRIES", {})  # as a new process finds the cache
    read_back = pipeline.extract_briefs(tmp_path, cache_dir=tmp_path / ".cache")
    assert read_back.briefs == again.briefs and not any(a is b for a, b in zip(read_back.briefs, again.briefs))


# --------------------------------------------------------------------------- serve's rebuilds in one process

def preview_build(root: Path, *, dirty: bool) -> Path:
    """The build ``serve`` makes (the hook renders the pages; a dirty build after an edit), into ``root/preview``."""
    config = site.site_config(root / "mkdocs.yml", site_dir=root / "preview")
    config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        site.mkdocs_build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return root / "preview"


def test_the_theme_is_compiled_once_per_process_and_a_changed_template_again(tmp_path, monkeypatch):
    project(tmp_path, SEEDS)
    (tmp_path / "overrides").unlink()
    shutil.copytree(Path(__file__).resolve().parent.parent / "overrides", tmp_path / "overrides")
    preview_build(tmp_path, dirty=False)
    override = tmp_path / "overrides" / "main.html"
    override.write_text(override.read_text(encoding="utf-8").replace(
        "{{ super() }}", '{{ super() }}\n  <meta name="edited-override">', 1), encoding="utf-8")
    compiled = []
    real_parse = jinja2.Environment._parse
    monkeypatch.setattr(jinja2.Environment, "_parse",
                        lambda env, source, name, filename: compiled.append(name) or real_parse(env, source, name,
                                                                                               filename))
    preview = preview_build(tmp_path, dirty=False)
    assert "main.html" in compiled and not {"base.html", "404.html", "partials/header.html"} & set(compiled)
    assert '<meta name="edited-override">' in (preview / "index.html").read_text(encoding="utf-8")


def test_the_theme_files_are_listed_once_per_process_and_again_when_a_folder_of_the_theme_changes(tmp_path,
                                                                                                   monkeypatch):
    project(tmp_path, SEEDS)
    overrides = tmp_path / "overrides"
    overrides.unlink()
    shutil.copytree(Path(__file__).resolve().parent.parent / "overrides", overrides)
    os.utime(overrides, ns=(1_000_000_000, 1_000_000_000))  # settled: not changed since long before the build
    preview_build(tmp_path, dirty=False)
    walked = []
    real_walk = os.walk
    monkeypatch.setattr(os, "walk", lambda top, *args, **kwargs: walked.append(os.fspath(top)) or
                        real_walk(top, *args, **kwargs))
    preview_build(tmp_path, dirty=True)
    assert str(overrides) not in walked and not any("material" in top for top in walked)
    (overrides / "assets").mkdir()
    (overrides / "assets" / "extra.css").write_text("body { margin: 0 }\n", encoding="utf-8")
    preview = preview_build(tmp_path, dirty=True)
    assert str(overrides) in walked
    assert (preview / "assets" / "extra.css").read_text(encoding="utf-8") == "body { margin: 0 }\n"


def test_the_theme_listing_leaves_out_the_dot_folders_and_mkdocs_adds_the_same_theme_files(tmp_path):
    project(tmp_path, SEEDS)
    config = site.site_config(tmp_path / "mkdocs.yml")
    listing_env = templating.list_theme_once(config.theme.get_env)()
    assert any(name.startswith(".icons/") for name in config.theme.get_env().list_templates())
    assert not [name for name in listing_env.list_templates() if name.startswith(".") or "/." in name]
    plain, listed = site.Files([]), site.Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    listed.add_files_from_theme(listing_env, config)
    assert len(plain) > 30 and sorted(f.src_uri for f in listed) == sorted(f.src_uri for f in plain)


def test_a_preview_rebuild_excludes_pages_by_the_rules_of_its_configuration_without_matching_them_again(
        tmp_path, monkeypatch):
    project(tmp_path, SEEDS)
    config_file = tmp_path / "mkdocs.yml"
    plain = config_file.read_text(encoding="utf-8")
    config_file.write_text(plain + "exclude_docs: |\n  /exports/\n", encoding="utf-8")
    preview = preview_build(tmp_path, dirty=False)
    assert (preview / "briefs").is_dir() and not (preview / "exports").exists()
    matched = []
    real_match = pathspec.gitignore.GitIgnoreSpec.match_file
    monkeypatch.setattr(pathspec.gitignore.GitIgnoreSpec, "match_file",
                        lambda spec, path, *args: matched.append(path) or real_match(spec, path, *args))
    preview_build(tmp_path, dirty=True)
    assert matched and not [path for path in matched if path.startswith(("briefs/", "exports/", "actors/"))]
    config_file.write_text(plain, encoding="utf-8")  # the rules changed: the pages are matched by the new ones
    preview = preview_build(tmp_path, dirty=True)
    assert (preview / "exports").is_dir()


def test_a_preview_rebuild_gives_mkdocs_the_files_of_its_pages_with_their_paths_already_worked_out(tmp_path,
                                                                                                  monkeypatch):
    project(tmp_path, SEEDS)
    preview_build(tmp_path, dirty=False)
    made = []
    real_init = site.File.__init__
    monkeypatch.setattr(site.File, "__init__", lambda file, path, *args, **kwargs: made.append(path) or
                        real_init(file, path, *args, **kwargs))
    (tmp_path / "seeds" / "d.txt").write_text("Zland joins the pact\n17 Aug 2019\nZland joined the ferry "
                                              "agreement, Jane Doe said.\n", encoding="utf-8")
    preview = preview_build(tmp_path, dirty=True)
    assert {path for path in made if path.startswith("briefs/")} == {"briefs/2019-08-17-zland-joins-the-pact.md"}
    assert (preview / "briefs" / "2019-08-17-zland-joins-the-pact" / "index.html").is_file()


def test_a_preview_rebuild_takes_the_search_index_it_wrote_from_memory_unless_the_file_changed(tmp_path,
                                                                                               monkeypatch):
    root = tmp_path / "preview"
    project(root, TAGGED_SEEDS)
    preview_build(root, dirty=False)
    seeds = root / "seeds"
    (seeds / "a.md").write_text(EDITS["changed"]["a.md"], encoding="utf-8")
    index = preview_build(root, dirty=True) / "search" / "search_index.json"
    read = []
    real_read_text = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda path, *args, **kwargs: read.append(path) or
                        real_read_text(path, *args, **kwargs))
    (seeds / "d.md").write_text(EDITS["added"]["d.md"], encoding="utf-8")
    preview_build(root, dirty=True)
    assert read.count(index) == 1  # Material's index of the pages built again, not the previous one
    read.clear()
    index.write_text(index.read_text(encoding="utf-8"), encoding="utf-8")  # the same entries, but another file
    (seeds / "b.md").unlink()
    preview_build(root, dirty=True)
    assert read.count(index) == 3

    full = tmp_path / "full"
    project(full, {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())})
    assert search_entries(root / "preview") == search_entries(preview_build(full, dirty=False))


def test_a_preview_rebuild_encodes_the_search_entries_of_the_pages_built_again_only(tmp_path, monkeypatch):
    """The index of the pages not built again is written as the last build wrote it, not encoded again."""
    root = tmp_path / "preview"
    project(root, TAGGED_SEEDS)
    preview_build(root, dirty=False)
    seeds = root / "seeds"
    (seeds / "a.md").write_text(EDITS["changed"]["a.md"], encoding="utf-8")
    preview_build(root, dirty=True)
    encoded = []
    real_dumps = json.dumps
    monkeypatch.setattr(json, "dumps", lambda value, *args, **kwargs: encoded.append(value) or
                        real_dumps(value, *args, **kwargs))
    (seeds / "c.md").write_text(TAGGED_SEEDS["c.md"].replace("Friday", "Sunday"), encoding="utf-8")
    index = preview_build(root, dirty=True) / "search" / "search_index.json"

    def locations(value) -> set[str]:
        if isinstance(value, dict):
            found = {value["location"]} if isinstance(value.get("location"), str) else set()
            return found.union(*map(locations, value.values()))
        return set().union(*map(locations, value)) if isinstance(value, list) else set()
    untouched = {entry["location"] for entry in json.loads(index.read_text(encoding="utf-8"))["docs"]
                 if "acme-corp" in entry["location"]}
    assert untouched and not untouched & set().union(*map(locations, encoded))
    monkeypatch.setattr(json, "dumps", real_dumps)
    full = tmp_path / "full"
    project(full, {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())})
    assert search_entries(root / "preview") == search_entries(preview_build(full, dirty=False))


def test_a_source_changed_while_the_site_was_built_is_built_again_by_the_next_build(tmp_path, monkeypatch):
    """Even when its new modification time is older than the page built from it (a copy that kept its time)."""
    build = project(tmp_path, SEEDS)
    notes = tmp_path / "docs" / "notes.md"
    notes.write_text("# Notes\n\nFirst draft.\n", encoding="utf-8")
    assert main(build) == 0
    real_finish = incremental.finish

    def edited_meanwhile(files, config):
        notes.write_text("# Notes\n\nSecond draft.\n", encoding="utf-8")
        hour_ago = notes.stat().st_mtime_ns - 3600 * 10**9
        os.utime(notes, ns=(hour_ago, hour_ago))
        real_finish(files, config)

    monkeypatch.setattr(incremental, "finish", edited_meanwhile)
    (tmp_path / "seeds" / "c.txt").write_text(SEEDS["c.txt"].replace("Friday", "Sunday"), encoding="utf-8")
    assert main(build) == 0
    assert "First draft" in (tmp_path / "site" / "notes" / "index.html").read_text(encoding="utf-8")
    monkeypatch.setattr(incremental, "finish", real_finish)
    assert main(build) == 0
    assert "Second draft" in (tmp_path / "site" / "notes" / "index.html").read_text(encoding="utf-8")


def test_a_brief_keeps_its_timeline_object_from_index_to_index_and_its_pages_their_keys(monkeypatch):
    """``serve``'s rebuilds key each unchanged brief's timeline once (briefing/render.py), not on every page."""
    dated = Agreement(kind="port deal", parties=("VTC",), status="signed", date="2020-01-01", text="a port deal")
    briefs = {**ripple_briefs(), "b": dataclasses.replace(ripple_briefs()["b"], agreements=(dated,))}
    first = render.render_changes(briefs.values())
    timelines = crossbrief.build_index(briefs.values()).timelines
    assert timelines["b"] and crossbrief.build_index(briefs.values()).timelines["b"] is timelines["b"]
    keyed = []
    real_key = render._Inputs.key
    monkeypatch.setattr(render._Inputs, "key",
                        lambda inputs, *values: keyed.append(values) or real_key(inputs, *values))
    again = render.render_changes(briefs.values(), previous=first.units)
    assert again.pages == () and (timelines["b"],) not in keyed


SURNAME_SEEDS = {
    "a.txt": "Xland opens bridge\n14 Aug 2019\nThe mayor of Xland, Jane Dorran, opened the bridge on Monday.\n",
    "b.txt": "Xland bridge tolls\n15 Aug 2019\nJane Doran, the mayor of Xland, set the tolls on Tuesday.\n",
    "c.txt": "Yland ferry\n16 Aug 2019\nThe minister of Yland, Tom Quarry, opened the ferry on Friday.\n",
}


def test_a_build_takes_the_similar_surnames_of_the_last_build_and_compares_only_a_changed_bucket(tmp_path,
                                                                                                 monkeypatch):
    build = project(tmp_path, SURNAME_SEEDS)
    assert main(build) == 0
    pairs_file = tmp_path / site.SURNAME_PAIRS_FILE
    assert [["doran", "dorran"]] in json.loads(pairs_file.read_text(encoding="utf-8"))["buckets"].values()
    merged = sorted(p.name for p in (tmp_path / "docs" / "actors").glob("*.md"))
    compared: list[list[str]] = []  # the buckets of surnames compared
    real_pairs = crossbrief.similar_pairs
    monkeypatch.setattr(crossbrief, "similar_pairs", lambda words, *rule: compared.append(sorted(words))
                        or real_pairs(words, *rule))

    def build_in_a_new_process(seed: str, text: str) -> None:
        monkeypatch.setattr(crossbrief, "SURNAME_PAIRS", crossbrief.SurnamePairs())
        (tmp_path / "seeds" / seed).write_text(text, encoding="utf-8")
        compared.clear()
        assert main(build) == 0

    build_in_a_new_process("a.txt", SURNAME_SEEDS["a.txt"].replace("Monday", "Sunday"))
    assert compared == []
    assert sorted(p.name for p in (tmp_path / "docs" / "actors").glob("*.md")) == merged
    build_in_a_new_process("c.txt", SURNAME_SEEDS["c.txt"].replace("Quarry", "Quarrie"))
    assert compared == [["quarrie"]]

    spoiled = json.loads(pairs_file.read_text(encoding="utf-8"))
    spoiled["buckets"] = {key: [] for key in spoiled["buckets"]}
    pairs_file.write_text(json.dumps({**spoiled, "code": "another version"}), encoding="utf-8")
    build_in_a_new_process("a.txt", SURNAME_SEEDS["a.txt"])
    assert ["doran", "dorran"] in compared
    assert sorted(p.name for p in (tmp_path / "docs" / "actors").glob("*.md")) == \
        sorted(name.replace("quarry", "quarrie") for name in merged)


def test_a_brief_is_read_back_and_turned_into_json_without_asking_its_types_again(monkeypatch):
    """Every build reads back every cached brief and fingerprints its JSON: the types are asked once per type."""
    made = brief("typed", actor("Mara Velk", roles=("envoy",)), quotes=(
        Quote(text="We will", kind="direct", speaker="Mara Velk"),))
    plain = made.as_dict()
    assert Brief.from_dict(plain) == made  # the types of this brief are known from here on
    asked = []
    for module, name in ((typing, "get_origin"), (typing, "get_type_hints"), (dataclasses, "fields"),
                         (dataclasses, "is_dataclass")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, _real=real, _name=name, **kw: asked.append(_name)
                            or _real(*args, **kw))
    again = Brief.from_dict(json.loads(json.dumps(plain)))
    assert again.as_dict() == plain
    assert again == made
    assert asked == []


def test_an_index_after_an_edit_keeps_the_actor_pages_the_edit_does_not_reach():
    """``serve`` indexes again after each edit: an actor page made of the same objects (mentions, quotes, people) is
    the page of the last index, so what was made from it is kept (its key, briefing/render.py)."""
    before = ripple_briefs()
    pages_before = crossbrief.build_index(before.values()).actor_pages
    pages = crossbrief.build_index(BRIEF_EDITS["changed"](before).values()).actor_pages
    assert {page.src for page in pages if any(page is old for old in pages_before)} == \
        {"actors/velder-trade-council.md", "actors/vtc.md", "actors/jane-doe.md"}


def test_after_an_edit_only_the_edited_briefs_units_and_the_actor_pages_it_reaches_are_keyed_again(monkeypatch):
    """The units of a brief not edited, and an actor page the index kept, are keyed once per process."""
    before = ripple_briefs()
    first = render.render_changes(before.values())
    pages_before = crossbrief.build_index(before.values()).actor_pages
    after = BRIEF_EDITS["changed"](before)
    keyed = []
    real_key = render._Inputs.key
    monkeypatch.setattr(render._Inputs, "key",
                        lambda inputs, *values: keyed.append(values) or real_key(inputs, *values))
    render.render_changes(after.values(), previous=first.units)
    pages = crossbrief.build_index(after.values()).actor_pages
    assert {values[1].id for values in keyed if len(values) > 1 and isinstance(values[1], Brief)} == {"c"}
    assert {values[1] for values in keyed if any(values[:2] == (page.slug, page.src) for page in pages)} == \
        {page.src for page in pages if not any(page is old for old in pages_before)} == \
        {"actors/lin-wei.md", "countries/xland.md", "countries/yland.md"}
    # an actor page's unit (its front matter and context are made anew each time) only when the edit reached it
    assert {values[3]["actor"].src for values in keyed if values[1:2] == ("actor.md.j2",)} == \
        {"actors/lin-wei.md", "countries/xland.md", "countries/yland.md"}


def test_the_actor_indexes_make_a_row_again_only_for_an_actor_page_the_edit_reached(monkeypatch):
    """An index lists every actor page, and a page's briefs are told from all its mentions (a country's are most
    briefs): the row of a page the index kept is the row made of it before."""
    before = ripple_briefs()
    render.render_changes(before.values())
    pages = crossbrief.build_index(BRIEF_EDITS["changed"](before).values()).actor_pages
    asked = []
    briefs_of = crossbrief.ActorPage.briefs.fget
    monkeypatch.setattr(crossbrief.ActorPage, "briefs", property(lambda page: asked.append(page.src) or briefs_of(page)))
    rows = render._by_type_and_letter(list(pages))
    assert sorted(asked) == ["actors/lin-wei.md", "countries/xland.md", "countries/yland.md"]
    monkeypatch.setattr(render._LISTED, "_known", {})
    assert rows == render._by_type_and_letter(list(pages))


def test_the_first_preview_build_of_a_process_freezes_what_it_leaves_and_no_other_build_does(tmp_path, monkeypatch):
    """After its first build ``serve`` holds every brief and cache to the end: frozen, they are not walked again by
    the full garbage collections of each edit's build (briefing/mkdocs_hooks.py). A first ``build`` freezes nothing
    (a later one, what its snapshot gave: briefing/snapshot.py)."""
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    assert main(project(tmp_path, SEEDS)) == 0 and frozen == []
    preview_build(tmp_path, dirty=False)
    assert frozen == [True]
    seed = tmp_path / "seeds" / "a.txt"
    seed.write_text(SEEDS["a.txt"].replace("ten years", "six years"), encoding="utf-8")
    preview_build(tmp_path, dirty=True)
    assert frozen == [True]


# --------------------------------------------------------------------------- the next build process: the snapshot

def forget_the_process(monkeypatch) -> None:
    """Empty every memo the snapshot keeps and the compiled templates, as a new process starts."""
    for module, attribute in snapshot._MEMOS:
        value = getattr(module, attribute)
        if isinstance(value, SameObject):
            monkeypatch.setattr(value, "_known", {})
        else:
            monkeypatch.setattr(module, attribute, {})
    monkeypatch.setattr(templating.THEME_TEMPLATES, "_code", {})
    templating.make_env.cache_clear()


@pytest.mark.parametrize("edit", SEED_EDITS)
def test_a_build_in_a_new_process_reads_and_compiles_only_what_changed_and_gives_the_site_of_a_full_build(
        edit, tmp_path, monkeypatch):
    monkeypatch.setattr(changes, "now", lambda: STATE_NOW)
    root = tmp_path / "incremental"
    build = project(root, RIPPLE_SEEDS)
    assert main(build) == 0
    history = {path: (root / path).read_bytes() for path in (changes.STATE_FILE, ids.MANIFEST)}
    for name, text in SEED_EDITS[edit].items():
        if text is None:
            (root / "seeds" / name).unlink()
        else:
            (root / "seeds" / name).write_text(text, encoding="utf-8")
    forget_the_process(monkeypatch)
    loaded, parsed, compiled, indexed = [], [], [], []
    real_load_seed, real_parse, real_compile = load.load_seed, pipeline.BriefCache._parse, jinja2.Environment._parse
    monkeypatch.setattr(load, "load_seed", lambda path, **kw: loaded.append(path.name) or real_load_seed(path, **kw))
    monkeypatch.setattr(pipeline.BriefCache, "_parse", staticmethod(lambda path: parsed.append(path)
                                                                    or real_parse(path)))
    monkeypatch.setattr(jinja2.Environment, "_parse", lambda env, source, name, filename: compiled.append(name)
                        or real_compile(env, source, name, filename))
    real_topics = crossbrief._topics_of
    monkeypatch.setattr(crossbrief._TOPICS, "function", lambda brief: indexed.append(brief.id)
                        or real_topics(brief))
    assert main(build) == 0
    assert sorted(loaded) == sorted(name for name, text in SEED_EDITS[edit].items() if text is not None)
    # but the language strings Material's search plugin reads through an environment of its own each build
    assert parsed == [] and set(compiled) <= {"partials/language.html", "partials/languages/en.html"}
    assert len(indexed) == len(loaded)  # the briefs of the seeds not edited are indexed from the last build's work

    forget_the_process(monkeypatch)
    assert_same_as_a_full_build(root, tmp_path / "full", history)


def test_a_snapshot_that_is_spoiled_or_of_other_code_is_not_taken(tmp_path, monkeypatch):
    assert main(project(tmp_path, SEEDS)) == 0
    path = tmp_path / snapshot.SNAPSHOT_FILE
    good = path.read_bytes()
    forget_the_process(monkeypatch)
    assert snapshot.load_snapshot(tmp_path) and load._LOADED and templating.THEME_TEMPLATES._code
    data = pickle.loads(good)
    for spoiled in (good[:len(good) // 2], b"not a snapshot", pickle.dumps({**data, "schema": snapshot.SCHEMA + 1}),
                    pickle.dumps({**data, "made_by": ("other code", *data["made_by"][1:])})):
        path.write_bytes(spoiled)
        forget_the_process(monkeypatch)
        assert not snapshot.load_snapshot(tmp_path) and not load._LOADED and not templating.THEME_TEMPLATES._code
    path.write_bytes(good)
    forget_the_process(monkeypatch)
    monkeypatch.setattr(pipeline, "code_version", lambda: "edited code")
    assert not snapshot.load_snapshot(tmp_path) and not load._LOADED


def test_what_a_snapshot_gave_is_frozen_out_of_the_collector_and_a_spoiled_one_is_not(tmp_path, monkeypatch):
    """The memos hold what the snapshot gave to the end of the build: the collector need not walk it."""
    assert main(project(tmp_path, SEEDS)) == 0
    forget_the_process(monkeypatch)
    gc.unfreeze()
    try:
        assert snapshot.load_snapshot(tmp_path) and gc.get_freeze_count() > 0 and gc.isenabled()
        gc.unfreeze()
        (tmp_path / snapshot.SNAPSHOT_FILE).write_bytes(b"not a snapshot")
        forget_the_process(monkeypatch)
        assert not snapshot.load_snapshot(tmp_path) and gc.get_freeze_count() == 0 and gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_render_of_the_same_briefs_again_keys_no_unit_again(monkeypatch):
    """A unit's inputs made anew of the same objects (an actor page's context, a list page's rows, a feed) are
    told alike without keying them: ``serve`` renders after every edit."""
    briefs = list(ripple_briefs().values())
    first = render.render_changes(briefs)
    keyed = []
    real_key = render._Inputs.key
    monkeypatch.setattr(render._Inputs, "key",
                        lambda inputs, *values: keyed.append(values) or real_key(inputs, *values))
    again = render.render_changes(briefs, previous=first.units)
    assert again.pages == () and keyed == []


def test_inputs_told_alike_without_keying_them_have_the_same_key():
    briefs = ripple_briefs()
    one, other = briefs["a"], briefs["b"]
    inputs = render._Inputs(crossbrief.build_index(briefs.values()), {})
    quote = one.quotes[0]
    alike = [
        ([one, "x", 2], [one, "x", 2]),
        ({"rows": [crossbrief.Cited(one, quote)]}, {"rows": [crossbrief.Cited(one, quote)]}),
        (functools.partial(render.front_matter, "T", tags=["x"]), functools.partial(render.front_matter, "T",
                                                                                     tags=["x"])),
    ]
    apart = [
        ([one], [other]),
        ({"x": 1}, {"y": 1}),
        (0.0, -0.0),
        (functools.partial(render.front_matter, "T"), functools.partial(render.front_matter, "U")),
        ([crossbrief.Cited(one, quote)], [crossbrief.Cited(one, dataclasses.replace(quote))]),
    ]
    for new, old in alike:
        assert render._same(new, old) and inputs.key(new) == inputs.key(old)
    for new, old in apart:
        assert not render._same(new, old)
    assert inputs.key(0.0) != inputs.key(-0.0)


def test_no_page_holds_its_markdown_or_html_once_converted(tmp_path, monkeypatch):
    """MkDocs converts every page before it writes the first and keeps every page to the end of the build: the
    hook puts each page's HTML aside on disk from its conversion to its writing, and lets go of it once written (at
    archive size the pages' text was most of a full build's memory). The site is still the whole site."""
    held = {"converted": [], "written": []}
    restore_tags, finish = incremental.restore_tags, incremental.finish

    def holding(files):
        return [file.src_uri for file in files.documentation_pages()
                if file.page is not None and (file.page.markdown or file.page.content)]

    def restore_and_look(files, config):  # on_env: every page converted, none written yet
        held["converted"].extend(holding(files))
        restore_tags(files, config)

    def finish_and_look(files, config):
        held["written"].extend(holding(files))
        finish(files, config)
    monkeypatch.setattr(incremental, "restore_tags", restore_and_look)
    monkeypatch.setattr(incremental, "finish", finish_and_look)
    assert main(project(tmp_path, SEEDS)) == 0
    assert held == {"converted": [], "written": []}
    page = next((tmp_path / "site" / "briefs").glob("*ferry*/index.html")).read_text(encoding="utf-8")
    assert "<h1" in page and "signed a ferry agreement on Friday" in page
    search = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("signed a ferry agreement on Friday" in entry["text"] for entry in search["docs"])
