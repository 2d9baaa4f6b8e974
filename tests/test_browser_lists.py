"""The list pages in a real browser (headless chromium, as tests/test_browser.py): filters narrow the rows and
clearing them restores every row; a sortable column sorts; no page is wider than the window at 400 and 1,280 px."""
from __future__ import annotations

import sys
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from briefing import site
from test_browser import QuietHandler, browser, wait  # noqa: F401  (browser is a fixture)
from test_render import GOLDEN_ID, golden_brief
from test_site import make_project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_briefs import make_briefs  # noqa: E402

BRIEFS = make_briefs(30)
ALL = [golden_brief(), *BRIEFS]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    config = make_project(project)
    www = project / "www"
    site.publish([golden_brief(), *BRIEFS], config_file=config, strict=True, site_dir=www / "briefing")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/briefing/"
    server.shutdown()
    server.server_close()


def shown_titles(browser) -> list[str]:
    return [row.find_element(By.CSS_SELECTOR, "td:nth-child(2) a").text
            for row in browser.find_elements(By.CSS_SELECTOR, ".brief-all tbody tr") if row.is_displayed()]


def all_titles() -> list[str]:
    return [b.title for b in sorted(ALL, key=lambda b: (b.published or "", b.id), reverse=True)]


def test_a_country_filter_narrows_the_briefs_and_clearing_restores_them(served, browser):
    browser.set_window_size(1280, 1000)
    browser.get(served + "all-briefs/")
    assert shown_titles(browser) == all_titles()
    country = next(a.name for a in BRIEFS[3].actors if a.type == "country")
    Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="country"]')).select_by_value(country)
    expected = [t for t in all_titles() if any(b.title == t and any(a.name == country for a in b.actors)
                                               for b in BRIEFS)]
    assert 0 < len(expected) < len(all_titles())
    assert shown_titles(browser) == expected
    assert browser.find_element(By.CSS_SELECTOR, ".list-filter__count").text == \
        f"{len(expected)} of {len(all_titles())} shown"
    browser.find_element(By.CSS_SELECTOR, '.list-filter button[type="reset"]').click()
    wait(browser).until(lambda d: shown_titles(d) == all_titles())


def test_a_date_range_and_an_actor_filter_narrow_the_briefs(served, browser):
    browser.set_window_size(1280, 1000)
    browser.get(served + "all-briefs/")
    dated = sorted(b.published for b in ALL)
    low, high = dated[5], dated[15]
    for name, value in (("from", low), ("to", high)):
        browser.execute_script("var box = document.querySelector('input[data-filter=\"%s\"]'); box.value = '%s';"
                               "box.dispatchEvent(new Event('change', {bubbles: true}));" % (name, value))
    expected = [b.title for b in sorted(ALL, key=lambda b: (b.published, b.id), reverse=True)
                if low <= b.published <= high]
    assert shown_titles(browser) == expected
    browser.find_element(By.CSS_SELECTOR, '.list-filter button[type="reset"]').click()
    wait(browser).until(lambda d: shown_titles(d) == all_titles())
    person = next(a.name for a in BRIEFS[7].actors if a.type == "person")
    browser.find_element(By.CSS_SELECTOR, 'input[data-filter="actor"]').send_keys(person.lower())
    with_person = [b.title for b in sorted(ALL, key=lambda b: (b.published, b.id), reverse=True)
                   if any(person.lower() in a.name.lower() for a in b.actors)]
    wait(browser).until(lambda d: shown_titles(d) == with_person)


def test_a_kind_filter_hides_the_months_left_empty_on_the_timeline(served, browser):
    browser.set_window_size(1280, 1000)
    browser.get(served + "timeline/")
    months = browser.find_elements(By.CSS_SELECTOR, ".timeline-month")
    rows = browser.find_elements(By.CSS_SELECTOR, ".timeline-month tbody tr")
    Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="kind"]')).select_by_value("agreement")
    kinds = {r.find_element(By.CSS_SELECTOR, "td:nth-child(3)").text for r in rows if r.is_displayed()}
    assert kinds == {"agreement"}
    shown_months = [m for m in months if m.is_displayed()]
    assert 0 < len(shown_months) < len(months)
    assert all(any(r.is_displayed() for r in m.find_elements(By.CSS_SELECTOR, "tbody tr")) for m in shown_months)
    browser.find_element(By.CSS_SELECTOR, '.list-filter button[type="reset"]').click()
    wait(browser).until(lambda d: all(r.is_displayed() for r in rows))


def test_a_click_on_a_heading_sorts_the_table(served, browser):
    browser.set_window_size(1280, 1000)
    browser.get(served + "all-briefs/")
    browser.find_element(By.CSS_SELECTOR, "th[data-sort=date] button").click()
    assert shown_titles(browser) == list(reversed(all_titles()))
    browser.find_element(By.CSS_SELECTOR, "th[data-sort=date] button").click()
    assert shown_titles(browser) == all_titles()


PAGES = ["", "all-briefs/", "actors/", "countries/", "agreements/", "figures/", "quotes/", "timeline/",
         f"briefs/{GOLDEN_ID}/", "actors/sergey-kuzhugetovich-shoygu/", "countries/pakistan/"]


@pytest.mark.parametrize("width", [400, 1280])
def test_no_page_is_wider_than_the_window(served, browser, width):
    browser.set_window_size(width, 1000)
    wide = {}
    for url in PAGES:
        browser.get(served + url)
        page_width, window = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        scrolling = browser.execute_script(
            "return Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))"
            ".filter(w => w.scrollWidth > w.clientWidth + 1).length")
        if page_width > window or scrolling:
            wide[url] = (page_width, window, scrolling)
    assert wide == {}
