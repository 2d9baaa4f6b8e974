"""Faults: kill -9 at each moment of a build, two builds at once, a full disk, a foreign site folder,
links out of docs/, and corrupt or foreign cache entries. After each, a whole site remains and nothing is
stranded; every failure is a one-line message, never a traceback."""
from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import pipeline, site
from briefing.cli import main
from test_site import make_project

BODY = ("The mayor of Xland, Jane Doe, opened the new bridge on Monday. \"It took ten years,\" Doe said. "
        "Acme Corp built it for $40 million.")

# A build run in a subprocess that kills itself (SIGKILL) at one moment, named by KILL_AT.
KILLER = r"""
import os, signal, sys
from pathlib import Path
from briefing import parallel, pipeline, site
from briefing.cli import main

moment = os.environ["KILL_AT"]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

def after(function, steps=1):
    left = [steps]
    def wrapped(*args, **kwargs):
        result = function(*args, **kwargs)
        left[0] -= 1
        if left[0] == 0:
            die()
        return result
    return wrapped

if moment == "extract":
    parallel.extract = die
elif moment == "render":
    site.changes_renderer = die
elif moment == "docs":
    real_replace = os.replace
    site.replace_generated_docs = lambda docs, pages, _real=site.replace_generated_docs, **kept: (
        setattr(site.os, "replace", after(real_replace, 3)), _real(docs, pages, **kept))
elif moment == "mkdocs":
    real_build = site.mkdocs_build
    def half(config, **options):
        real_build(config, **options)
        (Path(config.site_dir) / "index.html").write_text("half")
        die()
    site.mkdocs_build = half
elif moment.startswith("swap-rename-"):
    site._exchange = lambda a, b: False
    steps = int(moment.rsplit("-", 1)[1])
    real_swap = site._swap_in
    def swap(fresh, final, **options):
        site.os.replace = after(os.replace, steps)
        real_swap(fresh, final, **options)
    site._swap_in = swap
elif moment == "swap-carried":
    site._carry_pdfs = after(site._carry_pdfs)
elif moment == "swap-exchanged":
    site._exchange = after(site._exchange)
sys.exit(main(sys.argv[1:]))
"""
MOMENTS = ["extract", "render", "docs", "mkdocs", "swap-carried", "swap-rename-1", "swap-rename-2", "swap-exchanged"]


def make_seeded_project(root: Path) -> tuple[Path, list[str]]:
    config = make_project(root)
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text(f"Xland opens bridge\n14 Aug 2019\n{BODY}\n")
    return config, ["build", "--seeds", str(root / "seeds"), "--config-file", str(config)]


def assert_whole_site(site_dir: Path, briefs: int) -> None:
    assert (site_dir / site.SITE_MARKER).is_file()
    assert "half" not in (site_dir / "index.html").read_text(encoding="utf-8")
    assert len([p for p in (site_dir / "briefs").iterdir() if (p / "index.html").is_file()]) == briefs
    assert (site_dir / "pdf" / "brief.pdf").read_bytes() == b"%PDF-1.7"


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".site.", ".docs.")))


@pytest.mark.parametrize("moment", MOMENTS)
def test_kill_9_at_any_moment_of_a_build_leaves_a_whole_site_and_the_next_build_cleans_up(tmp_path, moment):
    config, build = make_seeded_project(tmp_path)
    assert main(build) == 0
    (tmp_path / "site" / "pdf").mkdir()
    (tmp_path / "site" / "pdf" / "brief.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "seeds" / "b.txt").write_text(f"Acme Corp wins contract\n15 Aug 2019\n{BODY} Lin Wei agreed.\n")
    killed = subprocess.run([sys.executable, "-c", KILLER, *build], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "KILL_AT": moment, "PYTHONPATH": str(Path(site.__file__).parents[1])})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if moment != "swap-rename-1":  # only between the two renames (no atomic exchange) is site/ briefly absent
        assert_whole_site(tmp_path / "site", 2 if moment in ("swap-exchanged", "swap-rename-2") else 1)
    else:
        assert not (tmp_path / "site").exists() and leftovers(tmp_path)
    assert main(build) == 0
    assert_whole_site(tmp_path / "site", 2)
    assert leftovers(tmp_path) == []


def test_recovery_puts_back_the_new_site_left_between_the_two_renames(tmp_path):
    final = tmp_path / "site"
    fresh, retired = tmp_path / ".site.build-x", tmp_path / ".site.old-1"
    for folder, text in ((fresh, "new"), (retired, "old")):
        folder.mkdir()
        (folder / "index.html").write_text(text)
    (fresh / site.SITE_MARKER).write_text("")
    (fresh / "pdf").mkdir()
    site.recover_site(final)
    assert (final / "index.html").read_text() == "new" and (final / "pdf").is_dir()
    assert leftovers(tmp_path) == []


def test_recovery_ignores_an_unfinished_build_and_puts_back_the_old_site(tmp_path):
    final = tmp_path / "site"
    (tmp_path / ".site.build-x").mkdir()
    (tmp_path / ".site.build-x" / "index.html").write_text("half")
    (tmp_path / ".site.old-1").mkdir()
    (tmp_path / ".site.old-1" / "index.html").write_text("old")
    (tmp_path / ".site.old-1" / site.SITE_MARKER).write_text("")
    site.recover_site(final)
    assert (final / "index.html").read_text() == "old"
    assert leftovers(tmp_path) == []


def test_two_builds_at_once_take_turns_on_the_lock(tmp_path):
    config, build = make_seeded_project(tmp_path)
    lock = tmp_path / site.LOCK_FILE
    lock.parent.mkdir(parents=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        second = subprocess.Popen([sys.executable, "build_briefs.py", *build], cwd=Path(site.__file__).parents[1],
                                  stderr=subprocess.PIPE, text=True)
        waiting = f"{lock}: another build of this project is running; waiting for it to finish"
        before_release = []
        for line in second.stderr:  # the second build says it waits, then blocks on the lock (or ends: EOF)
            before_release.append(line)
            if waiting in line:
                break
        assert second.poll() is None and not (tmp_path / "site").exists()
    assert second.wait(timeout=120) == 0
    stderr = "".join(before_release) + second.stderr.read()
    assert waiting in stderr
    assert "Traceback" not in stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_site_dir_that_is_not_a_site_is_refused_and_left_as_it_was(tmp_path, capsys):
    config, build = make_seeded_project(tmp_path)
    before = sorted(p.name for p in (tmp_path / "seeds").iterdir())
    assert main([*build, "--site-dir", str(tmp_path / "seeds")]) == 1
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == before
    err = capsys.readouterr().err
    assert f"{tmp_path / 'seeds'}: the site was not built: this folder holds files that are not a site, and a build " \
           "replaces the whole folder (give an empty or new folder with --site-dir DIR)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("state", ["missing", "empty", "ours", "mkdocs"])
def test_site_dir_that_is_empty_new_or_a_site_is_replaced(tmp_path, state):
    config, build = make_seeded_project(tmp_path)
    target = tmp_path / "out"
    if state != "missing":
        target.mkdir()
    if state == "ours":
        (target / site.SITE_MARKER).write_text("")
        (target / "old.html").write_text("old")
    if state == "mkdocs":
        (target / "index.html").write_text("old")
        (target / "search").mkdir()
        (target / "search" / "search_index.json").write_text("{}")
    assert main([*build, "--site-dir", str(target)]) == 0
    assert (target / site.SITE_MARKER).is_file() and not (target / "old.html").exists()


def test_a_link_in_docs_to_a_file_outside_is_not_published(tmp_path, caplog):
    config, build = make_seeded_project(tmp_path)
    (tmp_path / "secret.txt").write_text("root:x:0:0")
    (tmp_path / "docs" / "passwd.txt").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "docs" / "inside.css").symlink_to(tmp_path / "docs" / "stylesheets" / "extra.css")
    assert main(build) == 0
    assert not (tmp_path / "site" / "passwd.txt").exists()
    assert (tmp_path / "site" / "inside.css").is_file()
    assert f"docs/passwd.txt: is a link to {tmp_path / 'secret.txt'}, outside the docs folder; it is not " \
           "published (copy the file into the docs folder instead)" in caplog.text


def test_a_full_disk_during_the_build_is_one_line_and_the_old_site_stays(tmp_path, capsys, monkeypatch):
    config, build = make_seeded_project(tmp_path)
    assert main(build) == 0
    before = (tmp_path / "site" / "index.html").read_text()

    def full(config, **options):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(Path(config.site_dir) / "index.html"))

    monkeypatch.setattr(site, "mkdocs_build", full)
    (tmp_path / "seeds" / "b.txt").write_text(f"Acme Corp wins contract\n{BODY}\n")
    capsys.readouterr()
    assert main(build) == 1
    err = capsys.readouterr().err
    assert "index.html: the site was not built: No space left on device (check that the docs and site folders are " \
           "writable)" in err and "Traceback" not in err
    assert (tmp_path / "site" / "index.html").read_text() == before
    assert leftovers(tmp_path) == []


def test_an_unwritable_cache_is_a_warning_and_the_build_goes_on(tmp_path, capsys):
    config, build = make_seeded_project(tmp_path)
    (tmp_path / "not-a-folder").write_text("")
    assert main([*build, "--cache", str(tmp_path / "not-a-folder" / "cache")]) == 0
    err = capsys.readouterr().err
    assert f"{tmp_path / 'not-a-folder' / 'cache'}: warning: cannot write the brief cache: Not a directory; the " \
           "briefs are made without it" in err
    assert (tmp_path / "site" / "index.html").is_file()


CORRUPT = {  # a cache entry's brief, spoiled
    "not JSON": None,
    "brief not an object": lambda brief: ["x"],
    "source a string": lambda brief: {**brief, "source": "seeds/a.txt"},
    "title a number": lambda brief: {**brief, "title": 42},
    "sentence text null": lambda brief: {**brief, "sentences": [{**brief["sentences"][0], "text": None}]},
    "schema 99": lambda brief: {**brief, "schema": 99},
    "quote evidence a string": lambda brief: {**brief, "quotes": [{"text": "x", "kind": "direct", "evidence": "x"}]},
}


@pytest.mark.parametrize("spoil", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_or_foreign_cache_entry_is_ignored_and_rebuilt(tmp_path, spoil, capsys):
    config, build = make_seeded_project(tmp_path)
    assert main(build) == 0
    [entry_path] = (tmp_path / pipeline.CACHE_DIR).glob("*.json")
    entry = json.loads(entry_path.read_text())
    good = entry["brief"]
    if spoil is None:
        entry_path.write_text('{"brief": {"title": ')
    else:
        entry_path.write_text(json.dumps({**entry, "brief": spoil(good)}))
    assert main(build) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert json.loads(entry_path.read_text())["brief"] == good
    assert (tmp_path / "site" / "briefs" / good["id"] / "index.html").is_file()
