"""The built site in a real browser: Material's search finds the brief, links lead to the actor page,
the Agreements page filters its records.

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
from selenium.webdriver.support.ui import Select, WebDriverWait

from briefing import site
from briefing.confidence import rate_brief
from briefing.model import Actor, Brief, Figure, Source
from helpers import make_doc
from test_render import GOLDEN_ID, golden_brief
from test_site import make_briefs, make_project

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ACTOR_NAME, ACTOR_URL = "Sergey Kuzhugetovich Shoygu", "actors/sergey-kuzhugetovich-shoygu/"
WAIT = 20
TRUST_ID = "2021-03-02-acme-pays-xland"


def trust_brief() -> Brief:
    """A brief with a low-confidence figure (no unit, no measure) beside a high-confidence one."""
    doc = make_doc("Acme Corp paid Xland US$5 million on Monday.\nAcme Corp counted 7 of them.")
    return rate_brief(Brief(
        id=TRUST_ID, title="Acme pays Xland", published="2021-03-02", source=Source(path="acme.txt"),
        summary=doc.sentences[0].text, sentences=doc.sentences,
        actors=(Actor(id="acme", name="Acme Corp", type="organization", mentions=2, evidence=(doc.evidence(0, 9),)),),
        figures=(Figure(text="US$5 million", value=5_000_000, unit="USD", measure="payment", display="US$5 million",
                        evidence=(doc.evidence(21, 33),)),
                 Figure(text="7", value=7, unit=None, display="7 (lone)", evidence=(doc.evidence(65, 66),)))))


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    config = make_project(project)
    www = project / "www"
    site.publish([golden_brief(), trust_brief(), *make_briefs(5)], config_file=config, strict=True,
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


def figure_rows(browser) -> dict[str, bool]:
    """The figure rows of the page by their first cell's first word: whether each is shown."""
    rows = browser.find_elements(By.CSS_SELECTOR, ".brief-figures tbody tr")
    return {row.find_element(By.TAG_NAME, "td").get_attribute("textContent").split()[0]: row.is_displayed()
            for row in rows}


def test_the_brief_page_marks_low_confidence_items_and_hides_them_on_request(served, browser):
    browser.get(served + f"briefs/{TRUST_ID}/")
    low = browser.find_element(By.CSS_SELECTOR, "#item-figure-2 .brief-confidence--low")
    assert low.text == "low" and low.is_displayed()
    assert figure_rows(browser) == {"US$5": True, "7": True}
    browser.find_element(By.ID, "hide-low").click()
    assert figure_rows(browser) == {"US$5": True, "7": False}
    browser.find_element(By.ID, "hide-low").click()
    assert figure_rows(browser) == {"US$5": True, "7": True}


def test_cross_brief_pages_show_high_and_medium_until_asked(served, browser):
    browser.get(served + "figures/")
    assert {k: v for k, v in figure_rows(browser).items() if k in ("7", "US$5")} == {"US$5": True, "7": False}
    browser.find_element(By.ID, "show-low").click()
    assert figure_rows(browser)["7"] is True


def test_an_item_opens_onto_its_source_sentence_and_the_sentence_links_back(served, browser):
    browser.get(served + f"briefs/{TRUST_ID}/")
    source = browser.find_element(By.CSS_SELECTOR, "#item-figure-1 details.brief-source")
    mark = source.find_element(By.TAG_NAME, "mark")
    assert not mark.is_displayed()
    source.find_element(By.TAG_NAME, "summary").click()
    assert mark.is_displayed() and mark.text == "US$5 million"
    assert source.find_element(By.CLASS_NAME, "brief-evidence").text == "Acme Corp paid Xland US$5 million on Monday."
    source.find_element(By.CLASS_NAME, "brief-cite").click()
    wait(browser).until(lambda d: d.current_url.endswith("#s1"))
    back = browser.find_element(By.CSS_SELECTOR, "#s1 + .brief-backlinks a.hl-figure")
    back.click()
    wait(browser).until(lambda d: d.current_url.endswith("#item-figure-1"))


def agreement_rows(browser) -> list[tuple[str, str, bool]]:
    """The records of the Agreements page: (data-actor, data-status, shown)."""
    return [(row.get_attribute("data-actor"), row.get_attribute("data-status"), row.is_displayed())
            for row in browser.find_elements(By.CSS_SELECTOR, "tr[data-agreement-record]")]


def test_the_agreements_page_filters_records_by_party_and_status(served, browser):
    browser.get(served + "agreements/")
    shown = agreement_rows(browser)
    party = browser.find_element(By.CSS_SELECTOR, 'input[data-filter="actor"]')
    status = Select(browser.find_element(By.CSS_SELECTOR, 'select[data-filter="status"]'))
    party.send_keys("russia")
    wait(browser).until(lambda d: any(not seen for _, _, seen in agreement_rows(d)))
    rows = agreement_rows(browser)
    assert any(seen for _, _, seen in rows)
    assert all("russia" in parties.lower() for parties, _, seen in rows if seen)
    status.select_by_value("signed")
    wait(browser).until(lambda d: all(s == "signed" for _, s, seen in agreement_rows(d) if seen))
    rows = agreement_rows(browser)
    assert [p for p, s, seen in rows if seen] == [p for p, s, seen in shown if seen and s == "signed"
                                                    and "russia" in p.lower()] != []
    browser.find_element(By.CSS_SELECTOR, "form.list-filter button[type=reset]").click()
    wait(browser).until(lambda d: agreement_rows(d) == shown)
