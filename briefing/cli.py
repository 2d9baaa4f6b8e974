"""Command line: a thin layer over :mod:`briefing.pipeline`.

Exit status: 0 when everything succeeded, 1 when some seed (or the site) failed,
2 for a usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pdf, pipeline, site
from .errors import Problem
from .extract import ExtractOptions

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _add_extract_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                        help="folder of articles to read (default: %(default)s)")
    parser.add_argument("--ner", default="builtin", metavar="FINDER",
                        help="actor finder: 'builtin' (rules, the default) or 'spacy:<model>' "
                             "for an installed spaCy pipeline")
    parser.add_argument("--strict", action="store_true", help="treat warnings as failures")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_briefs.py",
        description="Turn the news articles in seeds/ into briefs and publish them as a static site.",
        epilog="Run 'build_briefs.py COMMAND --help' for the options of a command.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser("extract", help="write one JSON brief per article",
                                  description="Extract a JSON brief (see BRIEF_SCHEMA) from every seed.")
    _add_extract_options(extract)
    extract.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the JSON briefs")
    extract.set_defaults(handler=run_extract)

    build = commands.add_parser("build", help="extract every seed, render the pages and build the site",
                                description="Extract every seed, render the brief pages into docs/ and "
                                            "build the static site with MkDocs into site/.")
    _add_extract_options(build)
    site.add_build_arguments(build)
    build.set_defaults(handler=site.run_build)

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
    return parser


def report(problems: list[Problem]) -> None:
    for problem in problems:
        print(str(problem), file=sys.stderr)


def failed(problems: list[Problem], *, strict: bool) -> bool:
    return any(p.severity == "error" or strict for p in problems)


def run_extract(args: argparse.Namespace) -> int:
    if not args.seeds.is_dir():
        print(f"{args.seeds}: no such folder of seeds (give one with --seeds DIR)", file=sys.stderr)
        return EXIT_USAGE
    result = pipeline.extract_briefs(args.seeds, options=ExtractOptions(ner=args.ner))
    report(result.problems)
    briefs = result.briefs
    if args.strict:
        warned = {p.path for p in result.problems}
        briefs = [b for b in briefs if b.source.path not in warned]
    pipeline.write_briefs(briefs, args.out)
    if sys.stderr.isatty():
        print(f"wrote {len(briefs)} brief(s) to {args.out}", file=sys.stderr)
    return EXIT_FAILED if failed(result.problems, strict=args.strict) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return args.handler(args)
