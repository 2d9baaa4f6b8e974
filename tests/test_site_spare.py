"""The replaced site kept for the next dirty build (site.spare_dir), and Pagefind's kept shard folders."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing import incremental, pagefind, site
from briefing.cli import main
from test_incremental import SEEDS, project, reports_changes, tree


@pytest.fixture(autouse=True)
def same_build_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # MkDocs stamps sitemap.xml.gz with the build time


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mirror_tree_makes_the_target_exactly_the_source_in_hard_links(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    for path, text in {"index.html": "home", "briefs/a/index.html": "brief a", "pdf/a.pdf": "pdf",
                       "briefs/b/index.html": "brief b", ".mark": "mark"}.items():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text(text)
    for path, text in {"index.html": "an older home", "briefs/a": "a file where a folder goes",
                       "briefs/gone/index.html": "a removed page", "stale.txt": "stale", "pdf/old.pdf": "old"}.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text)
    (target / "briefs" / "b").mkdir()
    os.link(source / "briefs" / "b" / "index.html", target / "briefs" / "b" / "index.html")

    site.mirror_tree(source, target, left_out=("pdf",))

    expected = {name: data for name, data in files_of(source).items() if not name.startswith("pdf/")}
    assert files_of(target) == expected
    assert not (target / "pdf").exists() and not (target / "briefs" / "gone").exists()
    for name in expected:
        assert os.path.samefile(source / name, target / name)


def test_dirty_builds_from_the_spare_give_the_site_of_a_full_build_and_never_write_to_the_live_site(tmp_path):
    root = tmp_path / "incremental"
    build = project(root, SEEDS)
    seeds = root / "seeds"
    assert main(build) == 0
    (seeds / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "twelve years"), encoding="utf-8")
    assert main(build) == 0
    spare = site.spare_dir(root / "site")
    assert (spare / "index.html").is_file()  # the replaced site, kept for the next build
    live = files_of(root / "site")
    stray = next(p for p in sorted(spare.rglob("*.html")) if p.is_file())
    stray.unlink()
    stray.write_text("not a link to the live site any more")
    (spare / "stray.html").write_text("a file no build wrote")

    (seeds / "b.txt").unlink()
    (seeds / "c.txt").write_text(SEEDS["c.txt"].replace("Friday", "Thursday"), encoding="utf-8")
    assert main(build) == 0
    assert files_of(spare) == live  # the replaced site, which the build's links shared, was never written to

    full = project(tmp_path / "full", {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())})
    assert main(full) == 0
    incremental, fresh = tree(root / "site"), tree(tmp_path / "full" / "site")
    assert incremental.keys() == fresh.keys()
    assert [name for name in incremental if incremental[name] != fresh[name] and not reports_changes(name)] == []
    assert not (root / "site" / "stray.html").exists()


def test_a_dirty_build_prunes_the_site_by_the_files_the_mirror_made_without_listing_them_again(tmp_path,
                                                                                              monkeypatch):
    root = tmp_path / "project"
    build = project(root, SEEDS)
    assert main(build) == 0
    (root / "seeds" / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "nine years"), encoding="utf-8")
    (root / "seeds" / "b.txt").unlink()
    assert main(build) == 0
    (root / "seeds" / "c.txt").write_text(SEEDS["c.txt"].replace("Friday", "Thursday"), encoding="utf-8")

    def listed_again(folder):
        raise AssertionError(f"{folder} was listed again")
    monkeypatch.setattr(incremental, "_listed_files", listed_again)
    assert main(build) == 0

    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "seeds").iterdir())}
    full = project(tmp_path / "full", seeds)
    assert main(full) == 0
    dirty, fresh = tree(root / "site"), tree(tmp_path / "full" / "site")
    assert dirty.keys() == fresh.keys()
    assert [name for name in dirty if dirty[name] != fresh[name] and not reports_changes(name)] == []


def test_a_full_build_removes_the_spare(tmp_path):
    root = tmp_path / "project"
    build = project(root, SEEDS)
    assert main(build) == 0
    (root / "seeds" / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "nine years"), encoding="utf-8")
    assert main(build) == 0
    assert site.spare_dir(root / "site").is_dir()
    (root / "site" / ".briefing-pages.json").unlink()  # no record of the last build: a full build
    (root / "seeds" / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "eight years"), encoding="utf-8")
    assert main(build) == 0
    assert not site.spare_dir(root / "site").exists()


def test_pagefind_shard_links_are_made_exactly_for_the_shard_pages(tmp_path):
    site_dir, links = tmp_path / "site", tmp_path / "links"
    pages = []
    for name in ("a", "b", "c"):
        page = site_dir / "briefs" / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"brief {name}")
        pages.append(page)
    (links / "briefs" / "a").mkdir(parents=True)
    (links / "briefs" / "a" / "index.html").write_text("an older brief a")
    (links / "briefs" / "gone").mkdir(parents=True)
    (links / "briefs" / "gone" / "index.html").write_text("a page of no shard now")

    pagefind._link_pages(site_dir, pages[:2], links)

    assert files_of(links) == {"briefs/a/index.html": b"brief a", "briefs/b/index.html": b"brief b"}
    assert all(os.path.samefile(page, links / page.relative_to(site_dir)) for page in pages[:2])
