"""The command line: bad input gives clear errors and the right exit status; nothing is lost."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import extract as extract_module
from briefing import parallel, pipeline
from briefing.cli import build_parser, main
from briefing.load import load_seed
from briefing.model import Brief
from briefing.sentences import segment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = ("The harbour council approved a new ferry service on Tuesday.\n"
           "The service will start in May, the council said.\n")


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder


def put(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run(seeds: Path, *options: str) -> int:
    return main(["extract", "--seeds", str(seeds), "--out", str(seeds.parent / "out"), *options])


def written(seeds: Path) -> dict[str, dict]:
    out = seeds.parent / "out"
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


def test_through_the_script_a_failed_seed_exits_1_and_the_others_are_written(seeds):
    put(seeds, "empty.txt", "")
    put(seeds, "ferry.txt", "Ferry service approved\n2021-03-02\n" + ARTICLE)
    done = subprocess.run([sys.executable, "build_briefs.py", "extract", "--seeds", str(seeds),
                           "--out", str(seeds.parent / "out")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert f"{seeds / 'empty.txt'}: the file is empty (save the article into it, or delete it)\n" in done.stderr
    [brief] = written(seeds).values()
    assert (brief["id"], brief["published"]) == ("2021-03-02-ferry-service-approved", "2021-03-02")
    assert brief["source"]["path"] == str(seeds / "ferry.txt")


def test_a_good_seed_exits_0_quietly(seeds, capsys):
    put(seeds, "ferry.txt", "Ferry service approved\n" + ARTICLE)
    assert run(seeds) == 0
    assert capsys.readouterr().err == ""
    assert list(written(seeds)) == ["ferry-service-approved.json"]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", "", "empty.txt: the file is empty"),
    ("blank.md", "\n \n", "blank.md: the file is empty"),
    ("title.txt", "Only a title\n", "title.txt: the article has a title but no text"),
    ("title-and-date.txt", "Only a title\n14 Aug 2019\n", "title-and-date.txt: the article has a title but no text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "image.txt: this is a binary file"),
    ("latin.txt", b"Caf\xe9 \x81 opens\nThe caf\xe9 opened.\n", "latin.txt: line 1: the text is not UTF-8 and not Windows-1252"),
    ("bad.md", "---\ntitle: [unclosed\n---\nText.\n", "bad.md: line 2: the front matter is not valid YAML"),
])
def test_a_seed_that_cannot_be_a_brief_fails_alone(seeds, capsys, name, content, message):
    put(seeds, name, content)
    put(seeds, "good.txt", "Ferry service approved\n" + ARTICLE)
    assert run(seeds) == 1
    stderr = capsys.readouterr().err
    assert str(seeds / message) in stderr
    assert list(written(seeds)) == ["ferry-service-approved.json"]


def test_utf8_with_bom_is_read_silently(seeds, capsys):
    put(seeds, "bom.txt", "\ufeffCafé owners protest\n" + ARTICLE)
    assert run(seeds) == 0
    assert capsys.readouterr().err == ""
    [brief] = written(seeds).values()
    assert brief["title"] == "Café owners protest"


def test_windows_1252_is_read_with_a_warning_and_fails_under_strict(seeds, capsys):
    put(seeds, "cp.txt", "Café owners protest\n“We are closing,” said the owner.\n".encode("cp1252"))
    put(seeds, "good.txt", "Ferry service approved\n" + ARTICLE)
    assert run(seeds) == 0
    assert f"{seeds / 'cp.txt'}: line 1: warning: not UTF-8; read as Windows-1252 (cp1252)" in capsys.readouterr().err
    assert written(seeds)["cafe-owners-protest.json"]["title"] == "Café owners protest"
    (seeds.parent / "out" / "cafe-owners-protest.json").unlink()
    assert run(seeds, "--strict") == 1
    assert list(written(seeds)) == ["ferry-service-approved.json"]


def test_unreadable_date_builds_an_undated_brief_and_exits_1(seeds, capsys):
    put(seeds, "x.txt", "Ferry service approved\nWednsday 14 Aug\n" + ARTICLE)
    assert run(seeds) == 1
    assert f"{seeds / 'x.txt'}: line 2: cannot read the date 'Wednsday 14 Aug'; the brief is built as undated" \
        in capsys.readouterr().err
    [brief] = written(seeds).values()
    assert brief["published"] is None and brief["id"] == "ferry-service-approved"


def test_the_same_article_twice_gives_one_brief_and_names_both(seeds, capsys):
    put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    put(seeds, "b.md", "---\ntitle: Ferry service approved\n---\n\n" + ARTICLE)
    assert run(seeds) == 0
    stderr = capsys.readouterr().err
    assert f"{seeds / 'b.md'}: warning: the same article as {seeds / 'a.txt'}" in stderr
    [brief] = written(seeds).values()
    assert brief["source"]["path"] == str(seeds / "a.txt")


def test_colliding_ids_become_distinct(seeds, capsys):
    put(seeds, "a.txt", "Ferry service approved\n2021-03-02\n" + ARTICLE)
    put(seeds, "b.txt", "Ferry service approved\n2 March 2021\nA second, different story about ferries.\n")
    assert run(seeds) == 0
    assert list(written(seeds)) == ["2021-03-02-ferry-service-approved-2.json", "2021-03-02-ferry-service-approved.json"]
    assert "is already used by" in capsys.readouterr().err


def test_non_english_article_is_flagged(seeds, capsys):
    put(seeds, "es.txt", "El gobierno baja los impuestos\n"
                         "El gobierno decidió el jueves reducir los impuestos de las pequeñas empresas. El ministro "
                         "de finanzas dijo que la economía crecerá el próximo año, pero la oposición criticó el plan "
                         "como insuficiente y pidió más inversiones en las escuelas.\n")
    assert run(seeds) == 0
    assert "es.txt: warning: looks like it is not English (only 0% of its words are common English words" \
        in capsys.readouterr().err
    [brief] = written(seeds).values()
    assert "extraction is tuned for English" in brief["warnings"][0]
    assert brief["actors"] == brief["quotes"] == brief["agreements"] == []
    assert run(seeds, "--strict") == 1


def test_a_feed_with_a_broken_record_builds_the_others(seeds, capsys):
    put(seeds, "feed.json", (FIXTURES / "feed.json").read_text(encoding="utf-8"))
    assert run(seeds) == 1
    stderr = capsys.readouterr().err
    assert f"{seeds / 'feed.json'}: record 2: is a list, not an article object" in stderr
    briefs = written(seeds)
    assert sorted(b["source"]["path"] for b in briefs.values()) == [
        f"{seeds / 'feed.json'}#{n}" for n in (0, 3, 4)]
    assert briefs["2019-06-12-dam-project-gets-green-light-funding.json"]["source"]["outlet"] == "Valley Post"


def test_strict_drops_only_the_record_with_the_warning(seeds):
    records = [{"title": "Dam approved", "body": "Planners approved the dam on the river."},
               {"title": "Presa aprobada", "body": "Los planificadores aprobaron la presa del río el martes por la "
                                                    "tarde y dijeron que la obra empezará en la primavera del año que "
                                                    "viene con fondos de la región."}]
    put(seeds, "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    assert run(seeds, "--strict") == 1
    assert [b["title"] for b in written(seeds).values()] == ["Dam approved"]


def test_a_saved_web_page(seeds):
    put(seeds, "page.html", (FIXTURES / "news-page.html").read_bytes())
    assert run(seeds) == 0
    [brief] = written(seeds).values()
    assert (brief["title"], brief["published"]) == ("Harbour towns agree joint ferry service", "2021-03-04")
    assert brief["source"]["outlet"] == "The Coastal Ledger" and brief["source"]["author"] == "Mara Quillfeather"


def test_a_single_seed_file_can_be_given(seeds):
    seed = put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    assert main(["extract", "--seeds", str(seed), "--out", str(seeds.parent / "out")]) == 0
    assert list(written(seeds)) == ["ferry-service-approved.json"]


@pytest.mark.parametrize("argv", [
    ["extract", "--seeds", "."],                                   # missing --out
    ["extrakt", "--seeds", ".", "--out", "out"],                   # unknown command
    ["extract", "--seeds", "no/such/folder", "--out", "out"],       # seeds folder missing
    ["extract", "--seeds", "tests/fixtures/empty-folder", "--out", "out"],  # nothing to read
    [],                                                             # no command
    ["extract", "--seeds", ".", "--out", "out", "--ner", "magic"],  # unknown actor finder
    ["extract", "--seeds", ".", "--out", "out", "--ner", "spacy:no/such/model"],  # spaCy model missing
    ["build", "--ner", "magic"],
])
def test_usage_errors_exit_2(argv, capsys, tmp_path, monkeypatch):
    (tmp_path / "tests" / "fixtures" / "empty-folder").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_spacy_pipeline_finds_the_actors(seeds, tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Mara Quill"}])
    nlp.to_disk(tmp_path / "pipeline")
    put(seeds, "a.txt", "Ferry service approved\n2021-03-02\nMara Quill opened the ferry service on Monday.\n")
    assert run(seeds, "--ner", f"spacy:{tmp_path / 'pipeline'}") == 0
    [brief] = written(seeds).values()
    assert [(a["name"], a["type"]) for a in brief["actors"]] == [("Mara Quill", "person")]


def test_an_out_folder_that_cannot_be_made_fails(seeds, capsys):
    put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    (seeds.parent / "out").write_text("a file, not a folder")
    assert run(seeds) == 1
    assert f"{seeds.parent / 'out'}: cannot write the briefs" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["extract"], ["build"], ["serve"], ["pdf"], ["deploy"], ["corrections"],
                                     ["corrections", "check"]])
def test_help_for_every_command(command, capsys):
    assert main([*command, "--help"]) == 0
    assert "usage: build_briefs.py" in capsys.readouterr().out


def test_every_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices
    assert sorted(commands) == ["build", "corrections", "deploy", "extract", "pdf", "serve"]
    assert all(parser.description for parser in commands.values())


def test_ctrl_c_leaves_no_truncated_json(seeds, monkeypatch, capsys):
    for n in range(3):
        put(seeds, f"s{n}.txt", f"Ferry story {n}\n" + ARTICLE.replace("May", f"May {n}"))
    real_fsync, calls = os.fsync, []

    def interrupted_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    assert run(seeds) == 130
    assert "interrupted" in capsys.readouterr().err
    out = seeds.parent / "out"
    assert sorted(p.name for p in out.iterdir()) == ["ferry-story-0.json"]
    assert json.loads((out / "ferry-story-0.json").read_text())["title"] == "Ferry story 0"


def test_cache_reuses_unchanged_seeds(seeds, monkeypatch):
    put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    cache = str(seeds.parent / "cache")
    assert run(seeds, "--cache", cache) == 0
    first = written(seeds)

    def must_not_run(*args, **kwargs):
        raise AssertionError("an unchanged seed was extracted again")

    monkeypatch.setattr(parallel, "extract", must_not_run)
    assert run(seeds, "--cache", cache) == 0
    assert written(seeds) == first


def test_cache_is_not_reused_by_other_code(seeds, monkeypatch, capsys):
    put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    cache = str(seeds.parent / "cache")
    assert run(seeds, "--cache", cache) == 0
    calls = []
    monkeypatch.setattr(pipeline, "extraction_version", lambda: "another version")
    monkeypatch.setattr(parallel, "extract", lambda doc, options: calls.append(doc) or extract_module.extract(doc, options))
    assert run(seeds, "--cache", cache) == 0
    assert len(calls) == 1


def test_a_seed_that_fails_now_keeps_its_last_good_brief(seeds, capsys):
    seed = put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    put(seeds, "feed.jsonl", json.dumps({"title": "Dam approved", "body": "Planners approved the dam."}) + "\n")
    cache = str(seeds.parent / "cache")
    assert run(seeds, "--cache", cache) == 0
    good = written(seeds)
    for path in (seeds.parent / "out").iterdir():
        path.unlink()
    seed.write_bytes(b"")
    put(seeds, "feed.jsonl", '{"title": "Dam approved", "body": \n')
    capsys.readouterr()
    assert run(seeds, "--cache", cache) == 1
    stderr = capsys.readouterr().err
    assert f"{seed}: the file is empty" in stderr
    assert f"{seed}: warning: using the last good brief of this seed, from an earlier run" in stderr
    assert f"{seeds / 'feed.jsonl'}: record 0: warning: using the last good brief" in stderr
    assert written(seeds) == good


def test_a_cached_brief_is_rebuilt_exactly():
    [article], _, _ = load_seed(FIXTURES / "news-page.html")
    brief = extract_module.extract(segment(article))
    assert Brief.from_dict(json.loads(json.dumps(brief.as_dict()))) == brief


@pytest.mark.parametrize("edited, extracts_again", [
    ("extract/dates.py", True), ("model.py", True), ("data/place_nouns.txt", True), ("sentences.py", True),
    ("render.py", False), ("site.py", False), ("cli.py", False), ("pipeline.py", False)])
def test_only_a_change_to_what_extraction_runs_extracts_the_cached_briefs_again(tmp_path, monkeypatch, edited,
                                                                                extracts_again):
    package = tmp_path / "briefing"
    shutil.copytree(pipeline.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline, "PACKAGE_DIR", package)
    before = pipeline.extraction_version.__wrapped__()
    with open(package / edited, "a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    assert (pipeline.extraction_version.__wrapped__() != before) is extracts_again


@pytest.mark.parametrize("source, imports_a", [
    ("import briefing.a\n", True),
    ("def f():\n    from . import a\n", True),
    ("class C:\n    def m(self):\n        from .a import x\n", True),
    ("try:\n    pass\nexcept ImportError:\n    from . import a\n", True),
    ("try:\n    pass\nfinally:\n    import briefing.a as b\n", True),
    ("if X:\n    pass\nelif Y:\n    pass\nelse:\n    from . import a\n", True),
    ("for i in y:\n    pass\nelse:\n    from . import a\n", True),
    ("while x:\n    with y:\n        from . import a\n", True),
    ("async def f():\n    async with x:\n        async for i in y:\n            from . import a\n", True),
    ("match v:\n    case 1:\n        from . import a\n", True),
    ("text = 'from . import a'\nf = lambda: __name__\n", False),
    ("from . import b\n", False),
])
def test_extraction_code_is_every_module_an_import_statement_names_at_any_depth(tmp_path, monkeypatch, source,
                                                                                imports_a):
    package = tmp_path / "briefing"
    package.mkdir()
    for name in ("__init__.py", "a.py", "b.py"):
        (package / name).write_text("", encoding="utf-8")
    (package / "entry.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(pipeline, "PACKAGE_DIR", package)
    assert (package / "a.py" in pipeline._imported_modules(package / "entry.py")) is imports_a


def test_cache_survives_a_damaged_entry(seeds):
    put(seeds, "a.txt", "Ferry service approved\n" + ARTICLE)
    cache = seeds.parent / "cache"
    assert run(seeds, "--cache", str(cache)) == 0
    for entry in cache.iterdir():
        entry.write_text("{ half a")
    assert run(seeds, "--cache", str(cache)) == 0
    assert list(written(seeds)) == ["ferry-service-approved.json"]


# Speed on large input is measured in bench/bench_large.py; these check that nothing is lost or cut.
def test_a_5_mb_article_loads_and_splits(seeds):
    paragraph = ("The harbour council approved a new ferry service on Tuesday. \"It will run daily,\" said Mr. Holt. "
                 "It costs $4.5 million, about 12% of the U.S. grant. ")
    seed = put(seeds, "big.txt", "A very long article\n" + "\n".join([paragraph] * (5_000_000 // len(paragraph))))
    [article], problems, _ = load_seed(seed)
    doc = segment(article)
    assert problems == [] and len(doc.sentences) == 3 * (5_000_000 // len(paragraph))


def test_a_1_mb_line_without_punctuation_is_one_sentence(seeds):
    words = ("harbour", "Council", "ferry", "4", "service", "Holt", "“daily”", "the")
    seed = put(seeds, "line.txt", "A line with no end\n" + " ".join(words[n % 8] for n in range(170_000)))
    [article], _, _ = load_seed(seed)
    doc = segment(article)
    assert len(article.body) > 1_000_000 and len(doc.sentences) == 1


def test_a_failing_stage_keeps_the_other_stages_items(seeds, monkeypatch, capsys):
    seed = put(seeds, "a.txt", "Ferry service approved\n21 Nov 2014\n" + ARTICLE)

    def broken(doc, **inputs):
        raise IndexError("list index out of range")

    stages = tuple(dataclasses.replace(s, run=broken) if s.name == "actors" else s
                   for s in extract_module.STAGES)
    monkeypatch.setattr(extract_module, "STAGES", stages)
    assert run(seeds) == 1
    err = capsys.readouterr().err
    assert f"{seed}: actors: extraction failed: IndexError: list index out of range (the brief keeps" in err
    brief = json.loads((seeds.parent / "out" / "2014-11-21-ferry-service-approved.json").read_text())
    assert brief["actors"] == [] and brief["failed_stages"] == ["actors"]
    assert [d["text"] for d in brief["dates"]] == ["Tuesday", "May"]
