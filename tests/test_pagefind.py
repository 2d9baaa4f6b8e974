"""Search at archive size (#20.3): Pagefind indexes the brief pages of the built site, and only them."""
from __future__ import annotations

import dataclasses
import json
import math
import re
import sys
import threading
from functools import partial
from collections import Counter
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from briefing import pagefind, site
from briefing.cli import main
from briefing.pagefind import PAGEFIND_FROM_BRIEFS, PagefindError, search_mode, shard_count, shard_of
from conftest import SEED
from test_browser import QuietHandler, browser, wait  # noqa: F401  (browser is a fixture)
from test_render import GOLDEN_ID, golden_brief
from test_site import broken_links, make_project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_briefs import make_briefs  # noqa: E402

BRIEFS = make_briefs(6)


@pytest.mark.parametrize("requested, briefs, offline, mode", [
    ("auto", PAGEFIND_FROM_BRIEFS - 1, False, "material"),
    ("auto", PAGEFIND_FROM_BRIEFS, False, "pagefind"),
    ("auto", PAGEFIND_FROM_BRIEFS * 10, True, "material"),  # from disk only Material's search runs
    ("material", PAGEFIND_FROM_BRIEFS * 10, False, "material"),
    ("pagefind", 1, False, "pagefind"),
])
def test_search_mode(requested, briefs, offline, mode):
    assert search_mode(requested, briefs=briefs, offline=offline) == mode


def test_pagefind_is_refused_for_a_site_that_opens_from_disk():
    with pytest.raises(PagefindError, match=r"cannot run from disk \(file://\)"):
        search_mode("pagefind", briefs=1, offline=True)


SHARD_PAGES = 3  # the 7 briefs of the test site in 3 shards


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    config = make_project(tmp_path_factory.mktemp("project"))
    www = config.parent / "www"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pagefind, "SHARD_PAGES", SHARD_PAGES)
        site_dir = site.publish([golden_brief(), *BRIEFS], config_file=config, strict=True,
                                site_dir=www / "briefing", search="pagefind", redirects={"an-old-id": GOLDEN_ID})
    return site_dir


def shard_pages(site_dir: Path) -> dict[str, int]:
    """The pages each shard bundle of ``site_dir`` indexes, by shard."""
    shards = json.loads((site_dir / "_pagefind" / pagefind.SHARDS_FILE).read_text(encoding="utf-8"))["shards"]
    counts = {}
    for shard in shards:
        entry = json.loads((site_dir / "_pagefind" / shard / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts[shard] = sum(language["page_count"] for language in entry["languages"].values())
    return counts


def test_pagefind_indexes_the_brief_pages_only_in_shards_by_brief_id(pagefind_site, monkeypatch):
    monkeypatch.setattr(pagefind, "SHARD_PAGES", SHARD_PAGES)
    briefs = [golden_brief(), *BRIEFS]
    expected = Counter(str(shard_of(b.id, shard_count(len(briefs)))) for b in briefs)
    assert shard_pages(pagefind_site) == dict(sorted(expected.items()))
    assert len(expected) == 3
    assert not (pagefind_site / "search" / "search_index.json").exists()  # no index of everything for everyone
    assert broken_links(pagefind_site) == []


@pytest.mark.parametrize("pages, shards", [(0, 1), (1, 1), (SHARD_PAGES, 1), (SHARD_PAGES + 1, 2)])
def test_shard_count(pages, shards, monkeypatch):
    monkeypatch.setattr(pagefind, "SHARD_PAGES", SHARD_PAGES)
    assert shard_count(pages) == shards


def test_a_rebuild_indexes_again_only_the_shard_of_the_changed_brief(tmp_path):
    config = make_project(tmp_path)
    briefs = [golden_brief(), *BRIEFS]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pagefind, "SHARD_PAGES", SHARD_PAGES)
        site_dir = site.publish(briefs, config_file=config, search="pagefind")
        before = {p.relative_to(site_dir): p.stat().st_ino for p in (site_dir / "_pagefind").glob("*/*.json")}
        changed = dataclasses.replace(BRIEFS[2], summary=BRIEFS[2].summary + " Quorvantine.")
        site.publish([*briefs[:3], changed, *briefs[4:]], config_file=config, search="pagefind")
        full = site.publish([*briefs[:3], changed, *briefs[4:]], config_file=make_project(tmp_path / "full"),
                            search="pagefind")
    after = {p.relative_to(site_dir): p.stat().st_ino for p in (site_dir / "_pagefind").glob("*/*.json")}
    changed_shard = str(shard_of(changed.id, math.ceil(len(briefs) / SHARD_PAGES)))
    assert {p.parts[1] for p in before if before[p] != after.get(p)} == {changed_shard}
    assert set(after) == set(before)
    assert shard_pages(full) == shard_pages(site_dir)


def test_a_site_with_material_search_drops_the_bundle_of_a_previous_pagefind_build(tmp_path):
    config = make_project(tmp_path)
    site_dir = site.publish([golden_brief()], config_file=config, search="pagefind")
    assert (site_dir / "_pagefind" / pagefind.SHARDS_FILE).is_file()
    site.publish([golden_brief()], config_file=config, search="material")
    assert not (site_dir / "_pagefind").exists()


def test_the_pagefind_site_has_a_search_page_in_its_nav_and_no_material_search_box(pagefind_site):
    home = (pagefind_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="find/" class="md-tabs__link">\s*Search\s*</a>', home)
    assert "md-search__input" not in home
    find = (pagefind_site / "find" / "index.html").read_text(encoding="utf-8")
    assert 'src="../_pagefind/pagefind-ui.js"' in find


@pytest.fixture(scope="module")
def served(pagefind_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(pagefind_site.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/briefing/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("query, brief_id", [
    ("Shoigu", GOLDEN_ID),
    ("542 million", GOLDEN_ID),
    ("Bermuda", BRIEFS[2].id),  # in another shard than the golden brief's, and than Zimbabwe's
    ("Zimbabwe", BRIEFS[0].id),
])
def test_pagefind_finds_the_brief_in_its_shard_under_a_sub_path(served, browser, query, brief_id):
    browser.set_window_size(1280, 1000)
    browser.get(served + "find/")
    box = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".pagefind-ui__search-input")))
    box.send_keys(query)

    def results(driver):
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
        return links or False

    links = wait(browser).until(results)
    pages = {re.split(r"[?#]", link)[0] for link in links}
    assert served + f"briefs/{brief_id}/" in pages
    assert all(page.startswith(served + "briefs/") for page in pages), pages  # no actor or list page


def test_build_command_refuses_pagefind_offline(tmp_path, capsys):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config), "--search", "pagefind",
                 "--offline"]) == 1
    assert "Pagefind's search cannot run from disk (file://)" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_build_command_with_pagefind(tmp_path, capsys):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config), "--search", "pagefind"]) == 0
    assert "1 brief(s), pagefind search" in capsys.readouterr().err
    assert (tmp_path / "site" / "_pagefind" / "0" / "pagefind.js").is_file()


def test_a_failed_pagefind_run_keeps_the_last_site(tmp_path, monkeypatch):
    config = make_project(tmp_path)
    site_dir = site.publish([golden_brief()], config_file=config, strict=True)
    before = (site_dir / "index.html").read_text(encoding="utf-8")

    def fail(folder, **options):
        raise PagefindError(f"{folder}: Pagefind failed (exit 1): out of disk")

    monkeypatch.setattr("briefing.pagefind.index_site", fail)
    with pytest.raises(PagefindError, match="out of disk"):
        site.publish([golden_brief(), *BRIEFS], config_file=config, strict=True, search="pagefind")
    assert (site_dir / "index.html").read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob(".site.build-*"))
