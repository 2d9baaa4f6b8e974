"""Command line: a thin layer over :mod:`briefing.pipeline`.

Exit status: 0 when everything succeeded, 1 when some seed (or the site) failed
(or, under ``--strict``, drew a warning), 2 for a usage error, 130 when interrupted.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import corrections, load, parallel, pdf, pipeline, site
from .errors import Problem
from .extract import ExtractOptions
from .model import Brief

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def actor_finder(spec: str) -> str:
    """Check ``--ner`` once, before any seed is read: a bad finder is a usage error, not a failed seed."""
    if spec == "builtin":
        return spec
    if not spec.startswith("spacy:") or not spec.removeprefix("spacy:"):
        raise argparse.ArgumentTypeError(f"unknown actor finder {spec!r}: use 'builtin' or 'spacy:<model>'")
    from .extract.ner_spacy import NerModelError, load_pipeline

    try:
        load_pipeline(spec.removeprefix("spacy:"))
    except NerModelError as err:
        raise argparse.ArgumentTypeError(str(err)) from err
    return spec


def add_cache_argument(parser: argparse.ArgumentParser, *, default_place: str = "next to the configuration") -> None:
    """The ``--cache DIR`` option of the commands that share the brief cache (build, serve, pdf)."""
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help=f"keep the last good brief of each seed here: unchanged seeds are not extracted again "
                             f"(default: {pipeline.CACHE_DIR} {default_place})")


def add_corrections_argument(parser: argparse.ArgumentParser, *, default: bool = True) -> None:
    """The ``--corrections DIR`` option: the folder of the analyst's corrections (YAML)."""
    parser.add_argument("--corrections", type=Path, metavar="DIR",
                        help="folder of corrections (YAML) applied to the briefs after extraction"
                             + (" (default: corrections/ in the project folder, when it exists)" if default
                                else " (default: none)"))


def _add_extract_options(parser: argparse.ArgumentParser, *, strict: bool = True) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                        help="folder of articles to read (default: %(default)s)")
    parser.add_argument("--ner", default="builtin", metavar="FINDER", type=actor_finder,
                        help="actor finder: 'builtin' (rules, the default) or 'spacy:<model>' "
                             "for an installed spaCy pipeline")
    parser.add_argument("--jobs", type=_job_count, default=parallel.available_cores(), metavar="N",
                        help="extract on N cores at once; the briefs are the same as with one "
                             "(default: all the cores this process may use, here %(default)s)")
    parser.add_argument("--scheduler", type=_scheduler, metavar="ADDRESS",
                        help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786 or "
                             "dask://HOST:8786; needs pip install -e '.[dask]', and briefing installed on the "
                             "workers); the briefs are the same as on one core")
    if not strict:
        return
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as failures: a brief with a warning is not written, the exit status is 1")


def _job_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs: give a whole number of 1 or more")
    return int(text)


def _scheduler(text: str) -> str:
    try:
        address = parallel.dask_address(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise argparse.ArgumentTypeError("--scheduler needs Dask, which is not installed: "
                                         "pip install -e '.[dask]'") from None
    return address


def workers_of(args: argparse.Namespace) -> parallel.Workers:
    """Where the command's extraction runs (``--jobs``, ``--scheduler``)."""
    return parallel.Workers(jobs=args.jobs, scheduler=args.scheduler)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_briefs.py",
        description="Turn the news articles in seeds/ into briefs and publish them as a static site.",
        epilog="Run 'build_briefs.py COMMAND --help' for the options of a command.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="write one JSON brief per article",
        description="Extract a JSON brief (see BRIEF_SCHEMA) from every seed: .txt, .md, .html/.htm, "
                    "and .json/.jsonl feeds (one brief per record). --seeds may also name one seed file.")
    _add_extract_options(extract)
    extract.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the JSON briefs")
    extract.add_argument("--cache", type=Path, metavar="DIR",
                         help="keep the last good brief of each seed here: unchanged seeds are not extracted "
                              "again, and a seed that fails falls back to its last good brief")
    extract.add_argument("--ids", type=Path, metavar="FILE",
                         help="manifest of brief ids: a brief keeps the id it was first given when its title "
                              "changes (build, serve and pdf use .briefing/ids.json)")
    add_corrections_argument(extract, default=False)
    extract.set_defaults(handler=run_extract)

    build = commands.add_parser("build", help="extract every seed, render the pages and build the site",
                                description="Extract every seed, render the brief pages into docs/ and "
                                            "build the static site with MkDocs into site/.")
    _add_extract_options(build)
    site.add_build_arguments(build)
    build.set_defaults(handler=site.run_build)

    deploy = commands.add_parser(
        "deploy", help="build the site with its PDFs and push it to GitHub Pages (mkdocs gh-deploy)",
        description="Build the site with every brief's PDF and the briefing book, then commit the built folder to "
                    "the gh-pages branch (remote_branch in mkdocs.yml) and push it (mkdocs gh-deploy).")
    _add_extract_options(deploy)
    site.add_deploy_arguments(deploy)
    deploy.set_defaults(handler=site.run_deploy)

    serve = commands.add_parser("serve", help="preview the site with live reload",
                                description="Build, then serve the site on http://127.0.0.1:8000 and rebuild "
                                            "when a seed or a template changes.")
    _add_extract_options(serve)
    site.add_serve_arguments(serve)
    serve.set_defaults(handler=site.run_serve)

    pdf_ = commands.add_parser("pdf", help="print each brief and the briefing book to PDF",
                               description="Write site/pdf/<id>.pdf for each brief and site/pdf/briefing-book.pdf.")
    _add_extract_options(pdf_)
    pdf.add_pdf_arguments(pdf_)
    pdf_.set_defaults(handler=pdf.run_pdf)

    corrections_ = commands.add_parser("corrections", help="check the analyst's corrections",
                                       description="Work with the corrections in corrections/ (YAML).")
    corrections_actions = corrections_.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = corrections_actions.add_parser(
        "check", help="list every correction and whether it applies",
        description="Extract every seed, then list every correction with its file and line and whether it "
                    "applies (to which briefs) or why not. Exit status 1 when one does not apply.")
    _add_extract_options(check, strict=False)
    add_corrections_argument(check)
    add_cache_argument(check)
    check.set_defaults(handler=run_corrections_check)
    return parser


def report(problems: list[Problem]) -> None:
    """Print each problem on stderr, one a line: ``file: record N: line N: message (how to fix it)``."""
    for problem in problems:
        print(str(problem), file=sys.stderr)


def failed(problems: list[Problem], *, strict: bool) -> bool:
    """Whether the run failed: an error, or under ``--strict`` any warning."""
    return any(p.severity == "error" or strict for p in problems)


def publishable(briefs: list[Brief], problems: list[Problem], *, strict: bool) -> list[Brief]:
    """The briefs to write: all of them, or under ``--strict`` those that no problem is about."""
    if not strict:
        return briefs
    return [b for b in briefs if not any(p.concerns(b.source.path) for p in problems)]


def run_extract(args: argparse.Namespace) -> int:
    if not args.seeds.exists():
        print(f"{args.seeds}: no such folder of seeds (give one with --seeds DIR)", file=sys.stderr)
        return EXIT_USAGE
    if not load.seed_files(args.seeds):
        print(f"{args.seeds}: no seeds here (looked for {', '.join(load.SEED_SUFFIXES)} files)", file=sys.stderr)
        return EXIT_USAGE
    result = pipeline.extract_briefs(args.seeds, options=ExtractOptions(ner=args.ner), cache_dir=args.cache,
                                     ids_file=args.ids, corrections_dir=args.corrections, workers=workers_of(args))
    report(result.problems)
    briefs = publishable(result.briefs, result.problems, strict=args.strict)
    try:
        pipeline.write_briefs(briefs, args.out)
    except OSError as err:
        print(f"{args.out}: cannot write the briefs: {err.strerror} (give a writable folder with --out DIR)",
              file=sys.stderr)
        return EXIT_FAILED
    _summarise(len(briefs), args.out, result.problems)
    return EXIT_FAILED if failed(result.problems, strict=args.strict) else EXIT_OK


def run_corrections_check(args: argparse.Namespace) -> int:
    if not args.seeds.exists():
        print(f"{args.seeds}: no such folder of seeds (give one with --seeds DIR)", file=sys.stderr)
        return EXIT_USAGE
    folder = site.corrections_dir(args.corrections)
    if not folder.is_dir():
        print(f"{folder}: no such folder of corrections (give one with --corrections DIR)", file=sys.stderr)
        return EXIT_USAGE
    result = pipeline.extract_briefs(args.seeds, options=ExtractOptions(ner=args.ner), display_root=site.project_dir(),
                                     cache_dir=site.cache_dir(args.cache), ids_file=site.ids_file(),
                                     workers=workers_of(args))
    found = corrections.load_corrections(folder, display_root=site.project_dir())
    applied = corrections.apply_corrections(result.briefs, found)
    report(found.problems)
    for outcome in applied.outcomes:
        c = outcome.correction
        scope = "every brief" if c.brief is None else c.brief
        verdict = (f"applies to {', '.join(outcome.briefs)}" if outcome.applies
                   else f"DOES NOT APPLY: {outcome.reason}")
        print(f"{c.path}: line {c.line}: {c.describe()} ({scope}): {verdict}")
    stale = sum(not o.applies for o in applied.outcomes)
    print(f"{len(applied.outcomes)} correction(s), {stale} not applying, {len(found.problems)} file problem(s)",
          file=sys.stderr)
    return EXIT_FAILED if stale or found.problems else EXIT_OK


def _summarise(written: int, out: Path, problems: list[Problem]) -> None:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if problems or sys.stderr.isatty():
        print(f"wrote {written} brief(s) to {out}; {errors} error(s), {warnings} warning(s)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (130 when interrupted with Ctrl-C)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        # Every file is written atomically: what is on disk is whole, old or new.
        print("interrupted; the files already written are complete", file=sys.stderr)
        return EXIT_INTERRUPTED
