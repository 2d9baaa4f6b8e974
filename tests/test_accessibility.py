"""Accessibility of the built site, checked by axe-core in a real browser (Debian's chromium).

axe-core (MPL-2.0) comes from npm: ``make test`` installs the pinned version into
``.venv/axe`` (see the Makefile); ``BRIEFING_AXE_JS`` may name another ``axe.min.js``. Without
it the tests fail rather than skip. The rules checked are the ones the site broke: every link
has an accessible name, text meets WCAG AA contrast, headings go down one level at a time.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from test_browser import TRUST_ID, browser, served  # noqa: F401  (fixtures)
from test_render import GOLDEN_ID

AXE_JS = Path(os.environ.get("BRIEFING_AXE_JS") or ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js")
RULES = ("link-name", "color-contrast", "heading-order")
PAGES = ("", f"briefs/{GOLDEN_ID}/", f"briefs/{TRUST_ID}/", "actors/sergey-kuzhugetovich-shoygu/", "countries/",
         "countries/pakistan/", "actors/", "agreements/", "feeds/", "exports/")
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "rule", values: arguments[0]}, resultTypes: ["violations"]})
  .then(result => done(result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")
    + " (" + n.failureSummary.replace(/\\s+/g, " ") + ")").join("; "))))
  .catch(error => done(["axe failed: " + error]));
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE_JS.is_file(), f"{AXE_JS}: axe-core is missing: run 'make test' (installs it with npm) or set BRIEFING_AXE_JS"
    return AXE_JS.read_text(encoding="utf-8")


def violations(browser, url: str, axe_source: str, rules=RULES) -> list[str]:
    browser.get(url)
    browser.execute_script(axe_source)
    browser.set_script_timeout(60)
    return browser.execute_async_script(RUN_AXE, list(rules))


@pytest.mark.parametrize("width", [1280, 400])
@pytest.mark.parametrize("page", PAGES)
def test_no_axe_violation(served, browser, axe_source, page, width):
    browser.set_window_size(width, 1000)
    assert violations(browser, served + page, axe_source) == []


def test_axe_finds_a_link_without_a_name(served, browser, axe_source):
    """The check itself can fail: a link made nameless on the page is reported."""
    browser.get(served)
    browser.execute_script(axe_source)
    browser.execute_script("const a = document.createElement('a'); a.href = '#x'; a.id = 'nameless';"
                           "document.querySelector('article').appendChild(a);")
    browser.set_script_timeout(60)
    found = browser.execute_async_script(RUN_AXE, ["link-name"])
    assert len(found) == 1 and found[0].startswith("link-name: #nameless"), found
