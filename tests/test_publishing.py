"""Publishing: no localhost address in the pages, a site that opens from disk, a zip to mail, PDFs in the
site and the folder that ``deploy`` pushes."""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from briefing import engine, mkdocs_hooks, render, site
from briefing.cli import main
from briefing.templating import TEMPLATES_DIR, make_env
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


# --------------------------------------------------------------------------- plain MkDocs and the preview

def plain_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", engine.NAME, *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)


def test_plain_mkdocs_build_builds_the_whole_site_without_writing_into_docs(tmp_path):
    project_with_seed(tmp_path)
    docs_before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "docs").rglob("*"))
    done = plain_mkdocs(tmp_path, "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    brief_pages = list((tmp_path / "site" / "briefs").glob("*/index.html"))
    assert len(brief_pages) == 1
    assert "Shoigu" in (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "docs").rglob("*")) == docs_before


def test_plain_mkdocs_build_without_seeds_says_what_to_run(tmp_path):
    make_project(tmp_path)
    done = plain_mkdocs(tmp_path, "build")
    assert done.returncode == 1
    assert done.stdout.strip().splitlines() == [(
        f"{tmp_path / 'seeds'}: no such folder of seeds, so no pages to build (put articles there, or run "
        "'make site' / 'python build_briefs.py build --seeds DIR')")]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_broken_template_is_one_line_with_its_file_and_line(tmp_path, monkeypatch, capsys):
    config, seeds = project_with_seed(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    brief_template = templates / "site" / "brief.md.j2"
    lines = brief_template.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = "{% if brief.title %}\n"  # never closed
    brief_template.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(render, "make_env", lambda: make_env(templates))
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"the site was not built: {brief_template}: line ")
    assert err[0].endswith("(fix the template and save it again)")
    assert "Traceback" not in err[0]


def test_serve_on_a_busy_port_is_one_line_and_leaves_no_log_handler_behind(tmp_path, capsys):
    config, seeds = project_with_seed(tmp_path)
    handlers = list(logging.getLogger("mkdocs").handlers)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        address = f"127.0.0.1:{busy.getsockname()[1]}"
        assert main(["serve", "--seeds", str(seeds), "--config-file", str(config), "--dev-addr", address]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (f"{address}: cannot serve the site: Address already in use (is another server on this port? "
                       "stop it, or give another address with --dev-addr 127.0.0.1:8001)")
    assert any(line.startswith("INFO    -  ") for line in err)  # MkDocs' own messages, while it served
    # a handler left on MkDocs' logger would write to this test's captured stream, closed for the next one
    assert logging.getLogger("mkdocs").handlers == handlers


def test_the_preview_watches_seeds_templates_and_corrections(tmp_path, monkeypatch):
    config_file, seeds = project_with_seed(tmp_path)
    (tmp_path / "corrections").mkdir()
    watched = []

    class Server:
        def watch(self, path):
            watched.append(path)

    monkeypatch.delenv(site.SEEDS_ENV, raising=False)
    monkeypatch.delenv(site.CORRECTIONS_ENV, raising=False)
    mkdocs_hooks.on_serve(Server(), site.site_config(config_file), builder=None)
    assert watched == [str(seeds), str(TEMPLATES_DIR), str(tmp_path / "corrections")]


def test_the_site_is_built_by_the_chosen_engine():
    assert engine.build.__module__ == f"{engine.NAME}.commands.build"
    assert sys.modules["mkdocs"].__name__ == engine.NAME  # Material's plugins get the same engine


def test_deploy_pushes_the_site_with_its_pdfs_to_gh_pages(tmp_path, monkeypatch):
    config, seeds = project_with_seed(tmp_path / "project")
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Jane Doe", "-c", "user.email=jane@example.org"]
    subprocess.run([*git, "init", "-q", "--bare", str(remote)], check=True)
    project = config.parent
    for command in (["init", "-q"], ["add", "mkdocs.yml"], ["commit", "-q", "-m", "project"],
                    ["remote", "add", "origin", str(remote)]):
        subprocess.run([*git, *command], cwd=project, check=True)
    monkeypatch.chdir(project)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Jane Doe")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "jane@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Jane Doe")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "jane@example.org")
    assert main(["deploy", "--seeds", str(seeds), "--config-file", str(config), "--message", "Briefs"]) == 0
    pushed = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote, check=True,
                            capture_output=True, text=True).stdout.split()
    assert {"index.html", "pdf/briefing-book.pdf"} <= set(pushed)
    assert any(name.startswith("pdf/2014-") and name.endswith(".pdf") for name in pushed)


def test_plain_mkdocs_build_leaves_out_pages_an_earlier_build_left_in_docs(tmp_path):
    config, seeds = project_with_seed(tmp_path)
    stale = tmp_path / "docs" / "briefs" / "2001-01-01-gone.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("---\ntitle: Gone\n---\nA brief whose seed was removed.\n", encoding="utf-8")
    done = plain_mkdocs(tmp_path, "build")
    assert done.returncode == 0, done.stderr
    built = sorted(p.name for p in (tmp_path / "site" / "briefs").iterdir())
    assert len(built) == 1 and "gone" not in built[0]
