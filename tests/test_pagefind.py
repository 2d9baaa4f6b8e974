"""Search at archive size (#20.3): Pagefind indexes the brief pages of the built site, and only them."""
from __future__ import annotations

import json
import re
import sys
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from briefing import site
from briefing.cli import main
from briefing.pagefind import PAGEFIND_FROM_BRIEFS, PagefindError, search_mode
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


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    config = make_project(tmp_path_factory.mktemp("project"))
    www = config.parent / "www"
    site_dir = site.publish([golden_brief(), *BRIEFS], config_file=config, strict=True, site_dir=www / "briefing",
                            search="pagefind", redirects={"an-old-id": GOLDEN_ID})
    return site_dir


def test_pagefind_indexes_the_brief_pages_only(pagefind_site):
    entry = json.loads((pagefind_site / "_pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in entry["languages"].values()] == [1 + len(BRIEFS)]
    assert not (pagefind_site / "search" / "search_index.json").exists()  # no index of everything for everyone
    assert broken_links(pagefind_site) == []


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


@pytest.mark.parametrize("query", ["Shoigu", "542 million"])
def test_pagefind_finds_the_brief_under_a_sub_path(served, browser, query):
    browser.set_window_size(1280, 1000)
    browser.get(served + "find/")
    box = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".pagefind-ui__search-input")))
    box.send_keys(query)

    def results(driver):
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
        return links or False

    links = wait(browser).until(results)
    pages = {re.split(r"[?#]", link)[0] for link in links}
    assert served + f"briefs/{GOLDEN_ID}/" in pages
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
    assert (tmp_path / "site" / "_pagefind" / "pagefind.js").is_file()


def test_a_failed_pagefind_run_keeps_the_last_site(tmp_path, monkeypatch):
    config = make_project(tmp_path)
    site_dir = site.publish([golden_brief()], config_file=config, strict=True)
    before = (site_dir / "index.html").read_text(encoding="utf-8")

    def fail(folder):
        raise PagefindError(f"{folder}: Pagefind failed (exit 1): out of disk")

    monkeypatch.setattr("briefing.pagefind.index_site", fail)
    with pytest.raises(PagefindError, match="out of disk"):
        site.publish([golden_brief(), *BRIEFS], config_file=config, strict=True, search="pagefind")
    assert (site_dir / "index.html").read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob(".site.build-*"))
