"""Hostile and broken seeds: each is one clear problem naming the file and line or record, never a traceback,
and memory stays bounded (the limits are in briefing/limits.py)."""
from __future__ import annotations

import datetime as dt
import json
import tracemalloc

import pytest

from briefing import limits, load
from briefing.load import load_seed, load_seeds

BODY = "\nThe mayor of Xland opened the bridge on Monday, officials said.\n"


def front(fields: str) -> str:
    return f"---\ntitle: Xland opens bridge\n{fields}\n---\n{BODY}"


def alias_bomb(key: str) -> str:
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return front("\n".join(levels) + f"\n{key}: *i")


ERRORS = [  # (file name, content, the problem it gives)
    ("bomb.md", alias_bomb("note"),
     "bomb.md: line 7: the front matter expands to more than 200,000 values and characters"),
    ("tagbomb.md", alias_bomb("tags"),
     "tagbomb.md: line 7: the front matter expands to more than 200,000 values and characters"),
    ("flow.md", front("x: " + "[" * 20_000 + "]" * 20_000),
     "flow.md: line 3: the front matter is nested more than 32 levels deep"),
    ("block.md", front("x:\n" + "".join(" " * i + "- \n" for i in range(1, 60))),
     "block.md: line 35: the front matter is nested more than 32 levels deep"),
    ("keys.md", front("".join(f"k{i}: 1\n" for i in range(300))),
     "keys.md: line 2: a front-matter mapping has 301 keys, more than 200"),
    ("long.md", front("note: " + "x" * 60_000),
     "long.md: line 3: a front-matter value is 60,000 characters long, more than 50,000"),
    ("huge.md", front("note: |\n" + "  x\n" * 40_000),
     "huge.md: line 2: the front matter is 160,034 characters long, more than 64,000"),
    ("digits.md", front("date: " + "9" * 5000),
     "digits.md: line 3: a number in the front matter has more than 40 digits"),
    ("title.md", "---\ntitle: [Xland, bridge]\n---\n" + BODY, "title.md: line 2: title must be text, not a list"),
    ("longtitle.md", "---\ntitle: " + "x" * 3000 + "\n---\n" + BODY,
     "longtitle.md: line 2: title is 3,000 characters long, more than 1,000"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "deep.json: line 1: the JSON is nested more than 32 levels deep"),
    ("deep.jsonl", "\n" + "[" * 100_000 + "]" * 100_000,
     "deep.jsonl: record 0: line 2: the JSON is nested more than 32 levels deep"),
    ("digits.json", '[{"title": "A", "body": "B c.", "date": ' + "9" * 5000 + "}]",
     "digits.json: a number has 5,000 digits, more than 40"),
    ("fields.json", json.dumps([{"title": "A", "body": "B c.", **{f"k{i}": 1 for i in range(300)}}]),
     "fields.json: record 0: has 302 fields, more than 200"),
    ("big.txt", "Xland opens bridge\n" + "word " * 1_300_000,
     "big.txt: the file is larger than 6,000,000 bytes, the most a seed may hold"),
]


@pytest.mark.parametrize("name, content, expected", ERRORS, ids=[case[0] for case in ERRORS])
def test_a_limit_is_one_error_naming_the_file_and_line(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    tracemalloc.start()
    try:
        articles, problems, failures = load_seed(path, shown=name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert articles == [] and [str(f) for f in failures] == [str(p) for p in problems]
    [problem] = problems
    assert str(problem).startswith(expected) and problem.hint
    assert peak < 200_000_000


FIELDS = [  # (front matter, the problem, what the article keeps)
    ("tags: 42", "x.md: line 3: tags must be a list of words, not 42; they are left out", ("tags", ())),
    ("tags: {a: 1}", "x.md: line 3: tags must be a list of words, not a mapping", ("tags", ())),
    ("tags: [trade, [a, b], 7]", "x.md: line 3: each tag must be a word, not a list", ("tags", ("trade", "7"))),
    ("url: javascript:alert(1)", "x.md: line 3: url must be an http:// or https:// address, not 'javascript:alert(1)'",
     ("url", None)),
    ("url: file:///etc/passwd", "x.md: line 3: url must be an http:// or https:// address", ("url", None)),
    ("outlet: [a, b]", "x.md: line 3: outlet must be text, not a list; it is left out", ("outlet", None)),
    ("author: {a: 1}", "x.md: line 3: author must be a name or a list of names, not a mapping", ("author", None)),
    ("date: 2019-13-01", "x.md: line 3: cannot read the date '2019-13-01': there is no month 13; the brief is built "
                         "as undated", ("published", None)),
    ("date: 0000-01-01", "x.md: line 3: cannot read the date '0000-01-01': there is no year 0", ("published", None)),
    ("date: 0001-01-01", "x.md: line 3: warning: the date 0001-01-01 is out of range (years 1600 to 2199 are read); "
                         "the brief is built as undated", ("published", None)),
    ("date: 9999-12-31", "x.md: line 3: warning: the date 9999-12-31 is out of range", ("published", None)),
    ("date: [2019]", "x.md: line 3: date must be a date, not a list; the brief is built as undated",
     ("published", None)),
    ('title2: "\\ud800"\nauthor: "Jane \\ud800 Doe"', "x.md: warning: holds lone surrogates",
     ("author", "Jane \ufffd Doe")),
    ("tags: [" + ", ".join(f"t{i}" for i in range(150)) + "]",
     "x.md: line 3: warning: 150 tags, more than 100; the first 100 are kept", ("tags", tuple(f"t{i}" for i in range(100)))),
]


@pytest.mark.parametrize("fields, expected, kept", FIELDS, ids=[case[0][:30] for case in FIELDS])
def test_a_field_of_the_wrong_type_is_reported_and_the_brief_still_made(tmp_path, fields, expected, kept):
    path = tmp_path / "x.md"
    path.write_text(f"---\ntitle: Xland opens bridge\n{fields}\n---\n{BODY}", encoding="utf-8")
    [article], problems, failures = load_seed(path, shown="x.md")
    assert failures == []
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]
    assert getattr(article, kept[0]) == kept[1]


FEED_FIELDS = [  # (record fields, the problem, what the article keeps)
    ({"tags": 42}, "f.json: record 0: tags must be a list of words, not 42", ("tags", ())),
    ({"url": "javascript:alert(1)"}, "f.json: record 0: url must be an http:// or https:// address", ("url", None)),
    ({"source": [1, 2]}, "f.json: record 0: source must be text, not a list", ("outlet", None)),
    ({"date": "9999-01-01"}, "f.json: record 0: warning: the date 9999-01-01 is out of range", ("published", None)),
    ({"date": {"y": 1}}, "f.json: record 0: date must be a date, not a mapping", ("published", None)),
    ({"author": "Jane \ud800"}, "f.json: record 0: warning: holds lone surrogates", ("author", "Jane \ufffd")),
]


@pytest.mark.parametrize("fields, expected, kept", FEED_FIELDS, ids=[str(case[0])[:30] for case in FEED_FIELDS])
def test_a_feed_field_of_the_wrong_type_is_reported(tmp_path, fields, expected, kept):
    path = tmp_path / "f.json"
    record = {"title": "Xland opens bridge", "body": BODY.strip(), **fields}
    path.write_text(json.dumps([record]), encoding="utf-8")
    [article], problems, failures = load_seed(path, shown="f.json")
    assert failures == []
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]
    assert getattr(article, kept[0]) == kept[1]


def test_lone_surrogates_in_json_lines_become_replacement_characters(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text('{"title": "Xland \\ud800 bridge", "body": "The mayor \\udfff spoke."}\n', encoding="utf-8")
    [article], [problem], _ = load_seed(path, shown="f.jsonl")
    assert (article.title, article.body) == ("Xland \ufffd bridge", "The mayor \ufffd spoke.")
    assert str(problem).startswith("f.jsonl: record 0: warning: holds lone surrogates")
    article.title.encode("utf-8")


def test_a_feed_reads_at_most_the_record_limit_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.load.MAX_FEED_RECORDS", 3)
    path = tmp_path / "f.jsonl"
    path.write_text("".join(json.dumps({"title": f"Item {i}", "body": "Text."}) + "\n" for i in range(5)))
    articles, problems, failures = load_seed(path, shown="f.jsonl")
    assert len(articles) == 3
    assert [str(f) for f in failures] == [
        "f.jsonl: the feed holds 5 records, more than the 3 read from one file; records 3 and later are not built "
        "(split the feed into files of at most 3 records)"]


def test_a_crash_inside_a_loader_is_that_seeds_error_and_the_others_load(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Xland opens bridge\n" + BODY)
    (tmp_path / "b.md").write_text(front(""))
    monkeypatch.setitem(load._ARTICLE_LOADERS, ".md", lambda text, shown: 1 / 0)
    result = load_seeds(tmp_path)
    assert [a.title for a in result.articles] == ["Xland opens bridge"]
    [failure] = result.failures
    assert str(failure).startswith(f"{tmp_path / 'b.md'}: cannot be read: ZeroDivisionError: 'division by zero' "
                                   "(please report this")


def test_a_crash_on_one_feed_record_spares_the_other_records(tmp_path, monkeypatch):
    real = load._body_text
    monkeypatch.setattr(load, "_body_text", lambda value: 1 / 0 if value == "boom" else real(value))
    path = tmp_path / "f.json"
    path.write_text(json.dumps([{"title": "A", "body": "boom"}, {"title": "B", "body": "Fine text."}]))
    articles, problems, [failure] = load_seed(path, shown="f.json")
    assert [a.title for a in articles] == ["B"]
    assert str(failure).startswith("f.json: record 0: cannot be read: ZeroDivisionError")


def test_timestamps_in_range_still_read(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(front("date: 2019-08-14 09:30:00"))
    [article], problems, _ = load_seed(path)
    assert article.published == dt.date(2019, 8, 14) and problems == []


def test_limits_are_named_constants():
    assert limits.MAX_SEED_BYTES == 6_000_000 and limits.MAX_NESTING == 32


def test_a_link_out_of_the_seeds_folder_is_refused_and_a_link_inside_is_read(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "private"
    seeds.mkdir(), outside.mkdir()
    (outside / "secret.txt").write_text("Secret title\nroot:x:0:0:root:/root:/bin/bash\n")
    (outside / "folder").mkdir()
    (outside / "folder" / "more.txt").write_text("More secrets\nText.\n")
    (seeds / "a.txt").write_text("Xland opens bridge\n" + BODY)
    (seeds / "passwd.txt").symlink_to(outside / "secret.txt")
    (seeds / "linked").symlink_to(outside / "folder", target_is_directory=True)
    (seeds / "same.txt").symlink_to(seeds / "a.txt")
    result = load_seeds(seeds, display_root=tmp_path)
    assert [a.path for a in result.articles] == ["seeds/a.txt"]
    messages = [str(p) for p in result.problems]
    assert f"seeds/passwd.txt: is a link to {outside / 'secret.txt'}, outside the seeds folder; it is not read " \
           f"(copy the article into {seeds} instead of linking to it)" in messages
    assert "seeds/same.txt: warning: the same article as seeds/a.txt; one brief is made, from seeds/a.txt " \
           "(delete one of the two copies)" in messages
    assert not any("secret" in m.lower() and "link" not in m for m in messages)
    assert all("More secrets" not in a.title for a in result.articles)


def test_the_command_line_prints_one_line_per_hostile_seed_and_builds_the_good_one(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content, _ in ERRORS:
        (seeds / name).write_text(content, encoding="utf-8")
    (seeds / "good.txt").write_text("Xland opens bridge\n14 Aug 2019\n" + BODY)
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    root = Path(load.__file__).parents[1]
    done = subprocess.run([sys.executable, "build_briefs.py", "extract", "--seeds", str(seeds), "--out",
                           str(tmp_path / "out")], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    for name, _, expected in ERRORS:
        assert any(line.startswith(f"{seeds / name}:") and expected.split(": ", 1)[1] in line for line in lines), name
    assert any("passwd.txt: is a link to /etc/passwd, outside the seeds folder" in line for line in lines)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["2019-08-14-xland-opens-bridge.json"]
    assert "root:" not in (tmp_path / "out" / "2019-08-14-xland-opens-bridge.json").read_text()
