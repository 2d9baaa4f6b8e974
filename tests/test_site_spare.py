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


def test_a_full_build_replaces_the_spare_by_links_to_the_site_it_made(tmp_path):
    root = tmp_path / "project"
    build = project(root, SEEDS)
    assert main(build) == 0
    spare = site.spare_dir(root / "site")
    assert tree(spare) == {name: data for name, data in tree(root / "site").items() if not name.startswith("pdf/")}
    assert all(os.path.samefile(spare / name, root / "site" / name) for name in files_of(spare))
    (root / "seeds" / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "nine years"), encoding="utf-8")
    assert main(build) == 0
    before = {name: os.stat(spare / name).st_ino for name in files_of(spare)}  # the site of the first build
    (root / "site" / ".briefing-pages.json").unlink()  # no record of the last build: a full build
    (root / "seeds" / "a.txt").write_text(SEEDS["a.txt"].replace("ten years", "eight years"), encoding="utf-8")
    assert main(build) == 0
    assert all(os.path.samefile(spare / name, root / "site" / name) for name in files_of(spare))
    assert not set(before.values()) & {os.stat(spare / name).st_ino for name in files_of(spare)
                                       if not name.startswith("exports/briefs/")}
    assert not list(tmp_path.glob("project/.site.spare-*"))


def test_a_spare_left_half_made_is_removed_by_the_next_build(tmp_path):
    root = tmp_path / "project"
    build = project(root, SEEDS)
    (root / ".site.spare-killed" / "briefs").mkdir(parents=True)
    assert main(build) == 0
    assert not (root / ".site.spare-killed").exists()


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


def test_mirror_tree_leaves_alone_and_leaves_out_what_it_is_told(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    for path, text in {"index.html": "home", "exports/briefs/a.json": "new a", "exports/all.csv": "all",
                       "draft/b.html": "draft", "draft/c.txt": "kept"}.items():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text(text)
    for path, text in {"exports/briefs/a.json": "old a", "exports/briefs/gone.json": "gone", "draft/b.html": "old"}.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text)

    site.mirror_tree(source, target, left_alone=("exports/briefs",), excluded=lambda src: src.endswith(".html"),
                     within="top")

    assert files_of(target) == {"exports/all.csv": b"all", "exports/briefs/a.json": b"old a",
                                "exports/briefs/gone.json": b"gone", "draft/c.txt": b"kept"}


def test_a_mirror_onto_another_file_system_copies_only_the_files_that_changed(tmp_path):
    other = Path("/dev/shm")
    if not other.is_dir() or os.stat(other).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs /dev/shm on a file system of its own")
    source = tmp_path / "source"
    (source / "briefs").mkdir(parents=True)
    for name in ("a.json", "b.json"):
        (source / "briefs" / name).write_text(f"brief {name}")
    with __import__("tempfile").TemporaryDirectory(dir=other) as folder:
        target = Path(folder)
        site.mirror_tree(source, target)
        assert files_of(target) == files_of(source)
        identity = {name: os.stat(target / "briefs" / name).st_ino for name in ("a.json", "b.json")}
        (source / "briefs" / "b.json").write_text("brief b, edited")
        site.mirror_tree(source, target)
        assert files_of(target) == files_of(source)
        assert os.stat(target / "briefs" / "a.json").st_ino == identity["a.json"]  # not copied again
        assert os.stat(target / "briefs" / "b.json").st_ino != identity["b.json"]


def test_a_briefs_exports_are_put_into_the_site_beside_mkdocs_and_only_the_changed_ones_are_replaced(
        tmp_path, monkeypatch):
    import mkdocs.commands.build as mkdocs_build

    root = tmp_path / "project"
    build = project(root, SEEDS)
    listed = []
    real_get_files = mkdocs_build.get_files
    monkeypatch.setattr(mkdocs_build, "get_files", lambda config: listed.extend(
        f.src_uri for f in real_get_files(config)) or real_get_files(config))
    assert main(build) == 0
    files, exports = root / ".briefing" / "files" / "exports" / "briefs", root / "site" / "exports" / "briefs"
    edited, kept, removed = ("2019-08-16-yland-and-xland-sign-ferry-pact", "2019-08-14-xland-opens-bridge",
                             "2019-08-15-acme-corp-wins-contract")
    assert files_of(exports) == files_of(files) and f"{kept}/actors.csv" in files_of(exports)
    assert all(os.path.samefile(files / name, exports / name) for name in files_of(files))
    assert not (root / "docs" / "exports" / "briefs").exists()
    assert listed and not [src for src in listed if src.startswith("exports/briefs/")]  # MkDocs never sees them
    assert (root / "site" / "exports" / "index.html").is_file()  # the downloads page is MkDocs' own
    before = {name: os.stat(exports / name).st_ino for name in files_of(exports)}

    (root / "seeds" / "c.txt").write_text(SEEDS["c.txt"].replace("Friday", "Sunday"), encoding="utf-8")
    (root / "seeds" / "b.txt").unlink()
    assert main(build) == 0

    assert files_of(exports) == files_of(files)
    assert "Sunday" in (exports / f"{edited}.json").read_text(encoding="utf-8")
    assert not (exports / f"{removed}.json").exists() and not (exports / removed).exists()
    assert {name: os.stat(exports / name).st_ino for name in files_of(exports) if name.startswith(kept)} == \
        {name: inode for name, inode in before.items() if name.startswith(kept)}
