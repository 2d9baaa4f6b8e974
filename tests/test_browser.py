"""The built site in a real browser: Material's search finds the brief, links lead to the actor page.

Needs Debian's ``chromium`` and ``chromium-driver`` (CI installs them); without them the test
fails rather than skips. The site is built under a sub-path (``/briefing/``) and served by
``http.server`` on a free port of 127.0.0.1.
"""
from __future__ import annotations

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from briefing import site
from test_render import GOLDEN_ID, golden_brief
from test_site import make_briefs, make_project

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ACTOR_NAME, ACTOR_URL = "Sergey Kuzhugetovich Shoygu", "actors/sergey-kuzhugetovich-shoygu/"
WAIT = 20


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    config = make_project(project)
    www = project / "www"
    site.publish([golden_brief(), *make_briefs(5)], config_file=config, strict=True,
                 site_dir=www / "briefing", site_url="http://127.0.0.1/briefing/")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/briefing/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    assert not missing, f"install Debian's chromium and chromium-driver: {missing} not found"
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--no-first-run",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium')}", "--window-size=1280,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def wait(browser) -> WebDriverWait:
    """A wait that retries while Material re-renders the results under the cursor."""
    return WebDriverWait(browser, WAIT, ignored_exceptions=(StaleElementReferenceException,))


def search(browser, home: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the addresses of the results once the brief shows up."""
    browser.get(home)
    box = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(query)

    def result_links(driver):
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")]
        return links if any(f"/briefs/{GOLDEN_ID}/" in link for link in links) else False

    return wait(browser).until(result_links)


@pytest.mark.parametrize("query, also_found", [
    ("Shoigu", ACTOR_URL),
    ("Shoygu", ACTOR_URL),
    ("542 million", None),
])
def test_search_finds_the_brief(served, browser, query, also_found):
    links = search(browser, served, query)
    if also_found:
        assert any(re.split(r"[?#]", link)[0] == served + also_found for link in links), links


def test_search_result_then_actor_link_lead_to_the_actor_page(served, browser):
    search(browser, served, "Shoigu")

    def open_brief_result(driver):
        next(a for a in driver.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")
             if f"/briefs/{GOLDEN_ID}/" in a.get_attribute("href")).click()
        return True

    wait(browser).until(open_brief_result)
    wait(browser).until(lambda d: f"/briefs/{GOLDEN_ID}/" in d.current_url)
    assert browser.find_element(By.CSS_SELECTOR, "h1#brief").text == golden_brief().title
    browser.find_element(By.LINK_TEXT, ACTOR_NAME).click()
    wait(browser).until(lambda d: d.current_url == served + ACTOR_URL)
    assert browser.find_element(By.CSS_SELECTOR, "h1#actor").text == ACTOR_NAME
