"""Hostile input: time and peak memory of the shapes that used to grow with the square of the input.

- a single sentence of about 50 KB made of quotations (three shapes), extracted;
- large articles (default 1, 2 and 5 MB, the most a seed may hold: MAX_SEED_BYTES), loaded and
  extracted in a child process so that its peak memory (max RSS) is its own;
- a feed record with 32,000 tags, loaded and published as a site;
- a YAML alias bomb and a JSON feed nested 100,000 deep, loaded (refused by the limits).

Figures only: nothing here is asserted.

Run: .venv/bin/python bench/bench_hostile.py [--sizes 1,2,5] [--skip-large] [--skip-quotes]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from briefing.extract import ExtractOptions, extract  # noqa: E402
from briefing.limits import MAX_SEED_BYTES  # noqa: E402
from briefing.load import load_seed  # noqa: E402
from briefing.model import Article  # noqa: E402
from briefing.sentences import segment  # noqa: E402

QUOTE_SHAPES = {
    "short double quotes": lambda i: f'"word{i} here"',
    "quotes, then a speaker": lambda i: f'"we build {i}" Jane Doe said',
    "single quotes": lambda i: f"'plan {i}'",
}
SENTENCE_CHARS = 50_000

LARGE_CHILD = r"""
import resource, sys, time
sys.path.insert(0, sys.argv[2])
sys.path.insert(0, sys.argv[2] + "/bench")
from pathlib import Path
from briefing.extract import ExtractOptions, extract
from briefing.load import load_seed
from briefing.sentences import segment
start = time.perf_counter()
[article], problems, failures = load_seed(Path(sys.argv[1]))
loaded = time.perf_counter()
brief = extract(segment(article), ExtractOptions())
done = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{loaded - start:.1f} {done - loaded:.1f} {peak:.0f} {len(brief.quotes)} {len(brief.figures)}")
"""


def one_sentence_of_quotes(shape) -> str:
    parts, length, i = [], 0, 0
    while length < SENTENCE_CHARS:
        parts.append(shape(i))
        length += len(parts[-1]) + 1
        i += 1
    return " ".join(parts) + " and that was all."


def bench_quote_sentences() -> None:
    print(f"one sentence of {SENTENCE_CHARS // 1000} KB of quotations, extracted:")
    for name, shape in QUOTE_SHAPES.items():
        body = one_sentence_of_quotes(shape)
        doc = segment(Article(id="q", title="Xland bridge", published=None, body=body, path="q.txt"))
        start = time.perf_counter()
        brief = extract(doc, ExtractOptions())
        print(f"  {name:<24} {len(body):>7,} chars, {len(doc.sentences)} sentence(s), {len(brief.quotes):>5} quotes: "
              f"{time.perf_counter() - start:6.1f} s", flush=True)


def bench_large_articles(sizes: list[float], folder: Path) -> None:
    from bench_large import article_of  # the varied news paragraphs of bench_large

    print("large articles, loaded and extracted (a child process each; peak = its max RSS):")
    for size in sizes:
        path = folder / f"large-{size}.txt"
        text = f"Xland budget talks\n14 Aug 2019\n{article_of(int(size * 1_000_000))}"
        path.write_bytes(text.encode("utf-8")[:min(int(size * 1_000_000), MAX_SEED_BYTES)].decode("utf-8", "ignore")
                         .encode("utf-8"))
        out = subprocess.run([sys.executable, "-c", LARGE_CHILD, str(path), str(ROOT)], capture_output=True, text=True)
        if out.returncode:
            print(f"  {size:g} MB: failed: {out.stderr.strip().splitlines()[-1]}")
            continue
        load_s, extract_s, peak_mb, quotes, figures = out.stdout.split()
        print(f"  {path.stat().st_size / 1e6:5.1f} MB: load {load_s} s, extract {extract_s} s, peak {peak_mb} MB "
              f"({quotes} quotes, {figures} figures)", flush=True)


def bench_many_tags(folder: Path) -> None:
    from briefing import site

    project = folder / "tags"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "stylesheets", project / "docs" / "stylesheets")
    (project / "briefing").symlink_to(ROOT / "briefing")  # the hooks named in mkdocs.yml
    config = project / "mkdocs.yml"
    feed = folder / "tags.json"
    feed.write_text(json.dumps([{"title": "Xland bridge", "body": "The mayor of Xland opened the bridge.",
                                 "tags": [f"tag{i}" for i in range(32_000)]}]))
    start = time.perf_counter()
    [article], problems, _ = load_seed(feed)
    brief = extract(segment(article), ExtractOptions())
    site.publish([brief], config_file=config)
    print(f"a feed record with 32,000 tags: {len(article.tags)} kept, loaded and published in "
          f"{time.perf_counter() - start:.1f} s ({problems[0].message})", flush=True)


def bench_refused(folder: Path) -> None:
    bomb = folder / "bomb.md"
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
    bomb.write_text("---\ntitle: Bomb\n" + "\n".join(levels) + "\ntags: *i\n---\nText.\n")
    deep = folder / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    for path in (bomb, deep):
        start = time.perf_counter()
        _, [problem], _ = load_seed(path)
        print(f"{path.name}: refused in {time.perf_counter() - start:.3f} s: {problem.message}")
    print(f"peak memory of this process so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5", help="large article sizes in MB (default: %(default)s)")
    parser.add_argument("--skip-large", action="store_true", help="leave out the large articles")
    parser.add_argument("--skip-quotes", action="store_true", help="leave out the sentences of quotations")
    args = parser.parse_args()
    random.seed(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        bench_refused(folder)
        if not args.skip_quotes:
            bench_quote_sentences()
        bench_many_tags(folder)
        if not args.skip_large:
            bench_large_articles([float(s) for s in args.sizes.split(",")], folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
