"""The built site: real MkDocs builds (strict) into temporary folders, checked through their HTML.

Each test builds from a copy of mkdocs.yml and the hand-written docs/ sources in a temporary
project, never in the working tree's docs/ or site/.
"""
from __future__ import annotations

import functools
import html
import json
import os
import posixpath
import re
import shutil
import stat
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import markupsafe
import pytest

from briefing import mkdocs_hooks, site
from briefing.engine import Abort
from briefing.cli import main
from briefing.model import Actor, Agreement, Article, Brief, Figure, Quote, Source
from briefing.render import RenderedPage, render_site
from briefing.sentences import segment
from conftest import ROOT, SEED
from test_render import GOLDEN_ID, golden_brief

sys.path.insert(0, str(ROOT / "bench"))
from make_briefs import make_briefs  # noqa: E402

SITE_URL = "https://example.org/news/briefing/"
EVIL_TITLE = 'Evil <b>title</b> {{ 7*7 }} & "quotes" </title><script>alert(1)</script>'
EVIL_LINES = (
    "Officials said <script>alert(1)</script> was found.",
    "See [x](javascript:alert(1)) and ![](http://example.com/x.png) now.",
    "The total was {{ 7*7 }} and {% raw %} stayed.",
    "!!! note",
    '=== "Tab"',
    "[TOC]",
    "Heading text {#id}",
    "---",
    "Fish &amp; chips &lt;b&gt; cost more.",
    "<!-- material/tags -->",
    "<img src=x onerror=alert(1)> and `code` and *stars* and __under__.",
)


# --------------------------------------------------------------------------- helpers

def make_project(root: Path) -> Path:
    """A project folder with mkdocs.yml, the hand-written docs/ sources and the hook; returns mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "stylesheets", root / "docs" / "stylesheets")
    shutil.copytree(ROOT / "docs" / "javascripts", root / "docs" / "javascripts")
    (root / "briefing").symlink_to(ROOT / "briefing")
    (root / "overrides").symlink_to(ROOT / "overrides")
    return root / "mkdocs.yml"


def evil_brief() -> Brief:
    article = Article(id="evil", title=EVIL_TITLE, published=None, body="\n".join(EVIL_LINES),
                      path="seeds/<i>evil</i>.txt", outlet="<i>Outlet</i>", url="javascript:alert(1)")
    doc = segment(article)
    first = doc.sentences[0]
    evidence = (doc.evidence(first.start, first.end),)
    name = "Ann <b>Bold</b> {{ 7*7 }}"
    return Brief(
        id=article.id, title=article.title, published=None,
        source=Source(path=article.path, outlet=article.outlet, url=article.url), summary=first.text,
        actors=(Actor(id="ann", name=name, type="person", aliases=("[x](javascript:alert(1))",),
                      roles=("!!! note",), evidence=evidence),),
        agreements=(Agreement(kind="<b>pact</b>", parties=(name,), status="signed", date=None, text=first.text,
                              evidence=evidence),),
        figures=(Figure(text="{{ 7*7 }}", value=49, unit=None, display="<img src=x>", evidence=evidence),),
        quotes=(Quote(text="<script>alert(2)</script>", kind="direct", speaker=name, evidence=evidence),),
        sentences=doc.sentences,
    )


class Page(HTMLParser):
    """The parts of a built HTML page the tests look at."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.texts: dict[str, str] = {}  # id -> text of the element
        self._open: list[tuple[str, tuple[str, ...]]] = []
        self._text: dict[str, list[str]] = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag not in self.VOID:
            keys = tuple(k for k in (attributes.get("id"), tag if tag in ("title", "h1") else None) if k)
            self._open.append((tag, keys))
            for key in keys:
                self._text.setdefault(key, [])

    def handle_endtag(self, tag):
        while self._open:
            open_tag, keys = self._open.pop()
            for key in keys:
                self.texts.setdefault(key, "".join(self._text.pop(key, [])))
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, keys in self._open:
            for key in keys:
                if key in self._text:
                    self._text[key].append(data)

    def links(self) -> list[str]:
        return [attrs[name] for tag, attrs in self.tags for name in ("href", "src") if attrs.get(name)]


@functools.lru_cache(maxsize=None)
def read_page(site_dir: Path, url: str) -> Page:
    return Page((site_dir / url / "index.html").read_text(encoding="utf-8"))


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def broken_links(site_dir: Path, *, mount: str = "/") -> list[str]:
    """Every link into the site whose file or anchor does not exist (PDFs included: a page links only to those there).

    Links are relative, except in 404.html, which links absolutely under the site's path ``mount``.
    """
    site_dir = site_dir.resolve()
    texts = {path: path.read_text(encoding="utf-8") for path in html_files(site_dir)}
    ids = {path: set(re.findall(r'\sid="([^"]+)"', text)) for path, text in texts.items()}
    broken = []
    for path, text in texts.items():
        for link in map(html.unescape, re.findall(r'\s(?:href|src)="([^"]+)"', text)):
            if re.match(r"^[a-z]+:", link) or link.startswith("//"):
                continue
            target, anchor = urldefrag(link)
            if target.startswith("/"):
                assert target.startswith(mount), f"{path}: {link}"
                target = os.path.relpath(site_dir / target[len(mount):], path.parent)
            if target:
                file = Path(os.path.normpath(path.parent / target))
                if target.endswith("/") or file.is_dir():
                    file = file / "index.html"
            else:
                file = path
            if not file.exists():
                broken.append(f"{path.relative_to(site_dir)}: {link}")
            elif anchor and file.suffix == ".html":
                if anchor not in ids[file]:
                    broken.append(f"{path.relative_to(site_dir)}: {link} (no such anchor)")
    return broken


def page_links(site_dir: Path, url: str, prefix: str) -> set[str]:
    """The site-relative URLs of the pages under ``prefix`` that page ``url`` links to."""
    found = set()
    for link in read_page(site_dir, url).links():
        target = urldefrag(link)[0]
        if target and not re.match(r"^[a-z]+:", target):
            resolved = posixpath.normpath(posixpath.join(url, target)) + "/"
            if resolved.startswith(prefix) and resolved != prefix:
                found.add(resolved)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The site of the golden brief and an article full of markup, built strict under a sub-path."""
    config = make_project(tmp_path_factory.mktemp("project"))
    return site.publish([golden_brief(), evil_brief()], config_file=config, strict=True, site_url=SITE_URL)


# --------------------------------------------------------------------------- the brief page

def test_brief_html_holds_actors_quotes_and_figures(built):
    brief = golden_brief()
    page = read_page(built, f"briefs/{GOLDEN_ID}")
    markup = (built / "briefs" / GOLDEN_ID / "index.html").read_text(encoding="utf-8")
    for text in (*(a.name for a in brief.actors), *(q.text for q in (*brief.quotes, *brief.reported_speech)), *(f.display for f in brief.figures)):
        assert str(markupsafe.escape(text)) in markup, text
    assert page.texts["h1"] == brief.title
    assert page.texts["title"] == f"{brief.title} - Briefing"
    for sentence in brief.sentences:
        assert page.texts[f"s{sentence.index + 1}"] == f"{sentence.index + 1} {sentence.text}"
    article = markup.split('<div class="brief-article">', 1)[1].split("</div>", 1)[0]
    assert article.count("<p>") == len({s.paragraph for s in brief.sentences}) > 1


def test_search_index_finds_every_spelling_and_figures(built):
    docs = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]

    def pages_with(words: str) -> set[str]:
        return {d["location"].split("#")[0] for d in docs if words in d["text"] or words in d["title"]}

    assert not {d["location"].split("/")[0] for d in docs} & {"all-briefs", "figures", "timeline", "tags"}
    brief_url, actor_url = f"briefs/{GOLDEN_ID}/", "actors/sergey-kuzhugetovich-shoygu/"
    assert {brief_url, actor_url} <= pages_with("Shoigu")
    assert {brief_url, actor_url} <= pages_with("Shoygu")
    assert brief_url in pages_with("542 million")


# --------------------------------------------------------------------------- untrusted text

def test_untrusted_text_shows_as_the_same_characters(built):
    brief = evil_brief()
    page = read_page(built, "briefs/evil")
    for sentence in brief.sentences:
        assert page.texts[f"s{sentence.index + 1}"] == f"{sentence.index + 1} {sentence.text}"
    assert page.texts["h1"] == EVIL_TITLE
    assert page.texts["title"] == f"{EVIL_TITLE} - Briefing"
    markup = (built / "briefs" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "<i>" not in markup and "<b>" not in markup and "<img" not in markup
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in markup  # the quote, as text
    clean = read_page(built, f"briefs/{GOLDEN_ID}")
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == [tag for tag, _ in clean.tags].count("script")
    assert not any(tag in ("img", "iframe", "object", "embed") for tag in tags)
    for tag, attrs in page.tags:
        assert not attrs.get("href", "").startswith("javascript"), attrs
        assert "example.com" not in attrs.get("src", "")
        assert attrs.get("id") != "id"
        assert not re.search(r"\b(admonition|tabbed-set|toc)\b", attrs.get("class", "")), attrs


def test_untrusted_text_in_cross_pages(built):
    (actor_url,) = (p.name for p in (built / "actors").iterdir() if p.name.startswith("ann-"))
    for url in (f"actors/{actor_url}", "agreements", "figures", "quotes", "all-briefs", ""):
        markup = (built / url / "index.html").read_text(encoding="utf-8")
        assert "<b>" not in markup and "<img src=x" not in markup and "alert(2)</script>" not in markup, url


# --------------------------------------------------------------------------- offline, sub-path, links

def test_site_requests_no_other_host(built):
    for path in [*html_files(built), *built.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            links = Page(text).links()
        else:
            links = re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
        remote = [link for link in links if re.match(r"^(https?:)?//", link) and not link.startswith(SITE_URL)]
        assert remote == [], path


def test_links_are_relative_so_a_sub_path_works(built):
    page = read_page(built, f"briefs/{GOLDEN_ID}")
    canonical = [attrs["href"] for tag, attrs in page.tags if tag == "link" and attrs.get("rel") == "canonical"]
    assert canonical == [f"{SITE_URL}briefs/{GOLDEN_ID}/"]
    for path in html_files(built):
        links = Page(path.read_text(encoding="utf-8")).links()
        outside = [link for link in links if link.startswith("/") and not link.startswith(urlsplit(SITE_URL).path)]
        assert outside == [], path  # 404.html links absolutely, under the sub-path


def test_no_broken_link(built):
    assert broken_links(built, mount=urlsplit(SITE_URL).path) == []


def test_no_pdf_link_without_pdfs(built):
    assert not (built / "pdf").exists()
    for path in html_files(built):
        text = path.read_text(encoding="utf-8")
        assert "Download PDF" not in text and "Briefing book (PDF)" not in text, path
        assert not [link for link in Page(text).links() if link.endswith(".pdf")], path


def test_brief_pages_link_to_the_pdfs_that_exist(tmp_path):
    config = make_project(tmp_path)
    other = make_briefs(1)[0]
    site_dir = site.publish([golden_brief(), other], config_file=config, strict=True)
    (site_dir / "pdf").mkdir()
    (site_dir / "pdf" / f"{GOLDEN_ID}.pdf").write_bytes(b"%PDF-1.7 brief")
    (site_dir / "pdf" / "briefing-book.pdf").write_bytes(b"%PDF-1.7 book")
    site.publish([golden_brief(), other], config_file=config, strict=True)

    def pdf_links(url: str) -> list[Path]:
        return [Path(os.path.normpath(site_dir / url / link)) for link in read_page(site_dir, url).links()
                if link.endswith(".pdf")]

    assert pdf_links(f"briefs/{GOLDEN_ID}/") == [site_dir / "pdf" / f"{GOLDEN_ID}.pdf"]
    assert pdf_links(f"briefs/{other.id}/") == []  # not printed: no link
    assert pdf_links("") == [site_dir / "pdf" / "briefing-book.pdf"]
    assert (site_dir / "pdf" / f"{GOLDEN_ID}.pdf").read_bytes() == b"%PDF-1.7 brief"
    assert broken_links(site_dir) == []


def test_scale_two_hundred_briefs_link_both_ways(tmp_path):
    config = make_project(tmp_path / "project")
    generated = make_briefs(200)
    site_dir = site.publish([golden_brief(), *generated], config_file=config, strict=True)
    assert broken_links(site_dir) == []
    briefs = sorted(p.name for p in (site_dir / "briefs").iterdir())
    assert len(briefs) == 201
    for section in ("actors", "countries"):
        for folder in sorted((site_dir / section).iterdir()):
            if not folder.is_dir() or folder.name == "initials":  # the index's pages of one initial each
                continue
            url = f"{section}/{folder.name}/"
            linked_briefs = page_links(site_dir, url, "briefs/")
            assert linked_briefs, url
            for brief_url in linked_briefs:
                assert url in page_links(site_dir, brief_url, f"{section}/"), (url, brief_url)
    newest = sorted([golden_brief(), *generated], key=lambda b: (b.published, b.id), reverse=True)[:20]
    assert {f"briefs/{b.id}/" for b in newest} <= page_links(site_dir, "", "briefs/")
    assert len(page_links(site_dir, "all-briefs/", "briefs/")) == 201
    # Zensical rejects a search section over 32 KB: none may grow with the number of briefs, so at 200
    # briefs each stays under a fifth of that (a section listing every brief's items would reach it at 1,000).
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    largest = max(docs, key=lambda d: len(d["title"].encode()) + len(d["text"].encode()))
    assert len(largest["title"].encode()) + len(largest["text"].encode()) < 32_000 // 5, largest["location"]


# --------------------------------------------------------------------------- nothing lost

@pytest.mark.parametrize("failure", [Abort("Aborted with 1 warning in strict mode!"), KeyboardInterrupt()])
def test_failed_or_interrupted_build_keeps_the_last_site(tmp_path, monkeypatch, failure):
    config = make_project(tmp_path)
    site_dir = site.publish([golden_brief()], config_file=config)
    (site_dir / "pdf").mkdir()
    (site_dir / "pdf" / f"{GOLDEN_ID}.pdf").write_bytes(b"%PDF-1.7")
    before = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*"))

    def fail(config, **options):
        (Path(config.site_dir) / "half-written.html").write_text("x")
        raise failure

    monkeypatch.setattr(site, "mkdocs_build", fail)
    with pytest.raises(type(failure)):
        site.publish([golden_brief(), *make_briefs(3)], config_file=config)
    assert sorted(p.relative_to(site_dir) for p in site_dir.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".briefing"]  # the state, no leftover


def test_rebuild_keeps_pdfs_and_replaces_pages(tmp_path):
    config = make_project(tmp_path)
    site_dir = site.publish(make_briefs(2), config_file=config)
    (site_dir / "pdf").mkdir()
    (site_dir / "pdf" / "book.pdf").write_bytes(b"%PDF-1.7")
    old_briefs = {p.name for p in (site_dir / "briefs").iterdir()}
    site.publish([golden_brief()], config_file=config)
    assert (site_dir / "pdf" / "book.pdf").read_bytes() == b"%PDF-1.7"
    assert {p.name for p in (site_dir / "briefs").iterdir()} == {GOLDEN_ID}
    assert {p.name for p in (tmp_path / "docs" / "briefs").iterdir()} == {f"{GOLDEN_ID}.md"} != old_briefs
    assert (tmp_path / "docs" / "stylesheets" / "extra.css").is_file()


def test_interrupted_rendering_leaves_docs_as_they_were(tmp_path):
    docs = tmp_path / "docs"
    site.replace_generated_docs(docs, render_site([golden_brief()]))
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}

    def pages():
        yield RenderedPage("index.md", "new home\n")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        site.replace_generated_docs(docs, pages())
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


def test_each_changed_page_is_written_aside_as_it_comes_and_docs_change_only_after_the_last(tmp_path):
    """A renderer gives its pages one at a time: none is held until the last is made (at archive size the pages'
    text was most of a full build's memory), and docs/ still changes all at once."""
    docs = tmp_path / "docs"
    site.replace_generated_docs(docs, [RenderedPage("index.md", "home\n"), RenderedPage("briefs/a.md", "a\n")])
    seen = []

    def pages():
        yield RenderedPage("index.md", "new home\n")
        staged = [p.read_text() for folder in tmp_path.glob(".docs.render-*") for p in folder.rglob("*.md")]
        seen.append((staged, (docs / "index.md").read_text()))
        yield RenderedPage("briefs/a.md", "a\n")
        yield RenderedPage("briefs/b.md", "b\n")

    changed = site.replace_generated_docs(docs, pages())
    assert seen == [(["new home\n"], "home\n")]
    assert changed.written == ("index.md", "briefs/b.md")
    assert {p.relative_to(docs).as_posix(): p.read_text() for p in docs.rglob("*.md")} == {
        "index.md": "new home\n", "briefs/a.md": "a\n", "briefs/b.md": "b\n"}
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]



@pytest.mark.parametrize("sync_each_below, file_syncs, file_system_syncs", [(64, 3, 0), (3, 0, 1)])
def test_changed_pages_reach_the_disk_before_any_is_moved_into_docs(tmp_path, monkeypatch, sync_each_below,
                                                                    file_syncs, file_system_syncs):
    """A few changed pages are synced one by one; many with one sync of the file system, not one each (they were
    most of the time of writing a full build's pages). Either way before docs/ changes: a crash after a move never
    leaves a page that is not on disk."""
    from briefing import io

    docs = tmp_path / "docs"
    site.replace_generated_docs(docs, [RenderedPage("index.md", "home\n")])
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(("file", (docs / "index.md").read_text()))
        real_fsync(fd)

    class Libc:
        def __init__(self, *args, **kwargs):
            pass

        def syncfs(self, fd):
            synced.append(("file system", (docs / "index.md").read_text()))
            return 0
    monkeypatch.setattr(io, "SYNC_EACH_BELOW", sync_each_below)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(io.ctypes, "CDLL", Libc)
    pages = [RenderedPage("index.md", "new home\n"), RenderedPage("briefs/a.md", "a\n"),
             RenderedPage("briefs/b.md", "b\n")]
    site.replace_generated_docs(docs, pages)
    assert synced == [("file", "home\n")] * file_syncs + [("file system", "home\n")] * file_system_syncs
    assert (docs / "index.md").read_text() == "new home\n"
    site.replace_generated_docs(docs, pages)
    assert len(synced) == file_syncs + file_system_syncs  # nothing changed, nothing to sync


# --------------------------------------------------------------------------- the command

def test_build_command_on_the_live_seed(tmp_path, capsys):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config)]) == 0
    built_briefs = [p.name for p in (tmp_path / "site" / "briefs").iterdir()]
    assert len(built_briefs) == 1 and built_briefs[0].endswith("pakistan-russia-sign-military-co-operation-agreement")
    assert f"briefs/{built_briefs[0]}/" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "built" in capsys.readouterr().err
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o777 & ~umask  # a web server can read it


@pytest.mark.parametrize("args", [["--seeds", "no-such-folder"], ["--config-file", "no-such.yml"]])
def test_build_command_usage_errors(tmp_path, args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    make_project(tmp_path)
    assert main(["build", *args]) == 2
    assert not (tmp_path / "site").exists()


def test_build_command_fails_when_a_seed_fails(tmp_path):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_text("")
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config)]) == 1
    assert len(list((tmp_path / "site" / "briefs").iterdir())) == 1
    assert os.path.isfile(tmp_path / "site" / "index.html")


def test_build_keeps_the_last_good_brief_of_a_seed_that_now_fails(tmp_path, capsys):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    build = ["build", "--seeds", str(seeds), "--config-file", str(config)]
    assert main(build) == 0
    (seeds / SEED.name).write_text("")
    assert main(build) == 1
    assert len(list((tmp_path / "site" / "briefs").iterdir())) == 1
    assert "last good brief" in capsys.readouterr().err
    assert main([*build, "--strict"]) == 1
    assert not (tmp_path / "site" / "briefs").exists()
