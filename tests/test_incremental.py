"""Incremental builds: a rebuild writes only the pages that changed and gives the site a full build gives."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing import site
from briefing.cli import main
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
    monkeypatch.setattr(site, "render_changes", lambda *a, **k: pytest.fail("rendered with nothing changed"))
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
    assert 1 <= changed_pages < len(list((tmp_path / ".briefing" / "pages").rglob("*.md")))
    after = {p.parent.name: p.stat().st_mtime_ns for p in pages.glob("*/index.html")}
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["2019-08-16-yland-and-xland-sign-ferry-pact"]
    assert "Sunday" in (pages / changed[0] / "index.html").read_text(encoding="utf-8")
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
