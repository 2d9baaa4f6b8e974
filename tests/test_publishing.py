"""Publishing: no localhost address in the pages, a site that opens from disk, a zip to mail, PDFs in the
site and the folder that ``deploy`` pushes."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from briefing import site
from briefing.cli import main
from test_browser import TRUST_ID, browser, trust_brief, wait  # noqa: F401 (browser is a fixture)
from test_render import GOLDEN_ID, golden_brief
from test_site import SEED, make_project

INVENTED_ACTOR = "Acme Corp"


def pages(site_dir: Path) -> list[Path]:
    return [p for p in site_dir.rglob("*") if p.suffix in {".html", ".xml", ".json", ".js"} and "assets" not in p.parts]


def project_with_seed(root: Path) -> tuple[Path, Path]:
    config = make_project(root)
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    return config, seeds


def test_no_page_names_localhost_without_a_site_url(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    config = make_project(tmp_path)
    built = site.publish([golden_brief(), trust_brief()], config_file=config, strict=True)
    found = [str(p.relative_to(built)) for p in pages(built) if "127.0.0.1" in p.read_text(encoding="utf-8")]
    assert found == []
    assert 'rel="canonical"' not in (built / "index.html").read_text(encoding="utf-8")
    assert "<loc>" not in (built / "sitemap.xml").read_text(encoding="utf-8")


def test_a_site_url_gives_canonical_links_and_the_sitemap(tmp_path):
    config = make_project(tmp_path)
    built = site.publish([golden_brief()], config_file=config, strict=True, site_url="https://example.org/b/")
    assert '<link rel="canonical" href="https://example.org/b/">' in (built / "index.html").read_text(encoding="utf-8")
    assert f"<loc>https://example.org/b/briefs/{GOLDEN_ID}/</loc>" in (built / "sitemap.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    config, seeds = project_with_seed(root)
    bundle = root / "mail" / "briefing.zip"
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config), "--zip", str(bundle)]) == 0
    return root, bundle


def test_zip_holds_an_offline_site(offline_zip):
    root, bundle = offline_zip
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        index = archive.read("briefing/index.html").decode()
    assert {"briefing/index.html", "briefing/search/search_index.js",
            "briefing/javascripts/iframe-worker/shim.js"} <= names
    assert not any(name.rsplit("/", 1)[-1].startswith(".") for name in names)
    assert 'href="briefs/' in index and '.html"' in index and "unpkg" not in index
    assert not list(root.glob("mail/.*"))  # no partial file left beside it


def test_offline_pages_link_to_html_files_that_exist(offline_zip):
    root, _ = offline_zip
    built = root / "site"
    index = (built / "index.html").read_text(encoding="utf-8")
    brief_pages = list((built / "briefs").glob("*.html"))
    assert len(brief_pages) == 1 and f'href="briefs/{brief_pages[0].name}"' in index
    assert not any(p.is_dir() for p in (built / "briefs").iterdir())


def test_offline_needs_the_plugin_in_the_configuration(tmp_path, capsys):
    config, seeds = project_with_seed(tmp_path)
    plugin = "  - offline:\n      enabled: !ENV [BRIEFING_OFFLINE, false]\n"
    assert plugin in config.read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace(plugin, ""), encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config), "--offline"]) == 1
    assert "--offline needs Material's offline plugin: add '- offline' under plugins:" in capsys.readouterr().err


def test_from_disk_a_link_opens_the_brief_and_search_finds_an_invented_actor(tmp_path, browser):  # noqa: F811
    config = make_project(tmp_path)
    built = site.publish([golden_brief(), trust_brief()], config_file=config, strict=True, offline=True)
    browser.get((built / "index.html").as_uri())
    wait(browser).until(EC.element_to_be_clickable((By.LINK_TEXT, trust_brief().title))).click()
    wait(browser).until(lambda d: d.current_url.endswith(f"/briefs/{TRUST_ID}.html"))
    assert browser.find_element(By.CSS_SELECTOR, "h1#brief").text == trust_brief().title
    box = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(INVENTED_ACTOR)

    def result_links(driver):
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.md-search-result__link")]
        return links if any(f"/briefs/{TRUST_ID}.html" in link for link in links) else False

    links = wait(browser).until(result_links)
    assert all(link.startswith("file://") for link in links)


def test_deploy_dry_run_keeps_the_folder_with_the_pdfs(tmp_path, capsys):
    config, seeds = project_with_seed(tmp_path)
    assert main(["deploy", "--dry-run", "--seeds", str(seeds), "--config-file", str(config)]) == 0
    err = capsys.readouterr().err
    folder = tmp_path / "site"
    assert f"dry run: would push {folder} (2 PDF(s)) to the gh-pages branch of origin; nothing pushed" in err
    brief_pdf = next((folder / "pdf").glob("2014-*.pdf"))
    assert (folder / "pdf" / "briefing-book.pdf").read_bytes().startswith(b"%PDF")
    page = next((folder / "briefs").glob("*/index.html")).read_text(encoding="utf-8")
    assert f'href="../../pdf/{brief_pdf.name}"' in page
