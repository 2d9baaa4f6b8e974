"""Command line: every option and command handler; a thin layer over the library, which never imports it.

build, deploy, serve, pdf and corrections check get their briefs from one assembly of the pipeline,
:func:`briefing.site.project_briefs` (load → extract → correct), and publish through :mod:`briefing.site`
(render → MkDocs) or :mod:`briefing.pdf`.

Exit status: 0 when everything succeeded, 1 when some seed (or the site) failed
(or, under ``--strict``, drew a warning), 2 for a usage error, 130 when interrupted.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import Iterator

import jinja2

from . import corrections, engine, load, pagefind, parallel, pdf, pipeline, render, site, snapshot
from .errors import Problem
from .extract import ExtractOptions
from .model import Brief
from .pubdate import parse_date

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
    add_build_arguments(build)
    build.set_defaults(handler=run_build)

    deploy = commands.add_parser(
        "deploy", help="build the site with its PDFs and push it to GitHub Pages (mkdocs gh-deploy)",
        description="Build the site with every brief's PDF and the briefing book, then commit the built folder to "
                    "the gh-pages branch (remote_branch in mkdocs.yml) and push it (mkdocs gh-deploy).")
    _add_extract_options(deploy)
    add_deploy_arguments(deploy)
    deploy.set_defaults(handler=run_deploy)

    serve = commands.add_parser("serve", help="preview the site with live reload",
                                description="Build, then serve the site on http://127.0.0.1:8000 and rebuild "
                                            "when a seed or a template changes.")
    _add_extract_options(serve)
    add_serve_arguments(serve)
    serve.set_defaults(handler=run_serve)

    pdf_ = commands.add_parser("pdf", help="print each brief and the briefing book to PDF",
                               description="Write site/pdf/<id>.pdf for each brief and site/pdf/briefing-book.pdf.")
    _add_extract_options(pdf_)
    add_pdf_arguments(pdf_)
    pdf_.set_defaults(handler=run_pdf)

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


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config-file", type=Path, default=site.DEFAULT_CONFIG_FILE, metavar="FILE",
                        help="the MkDocs configuration; its docs_dir receives the pages (default: %(default)s)")
    add_cache_argument(parser)
    add_corrections_argument(parser)


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``build`` command besides the extraction options."""
    _add_site_options(parser)
    parser.add_argument("--site-dir", type=Path, metavar="DIR",
                        help="where to write the site (default: site_dir of the configuration, site/)")
    parser.add_argument("--site-url", metavar="URL",
                        help="the address the site is published at, e.g. https://example.org/briefing/ "
                             "(default: none, and then no page has a canonical link)")
    parser.add_argument("--offline", action="store_true",
                        help="a site that also opens from disk (file://): page links end in .html, search works "
                             "without a server")
    parser.add_argument("--zip", type=Path, metavar="FILE",
                        help="also pack the site into FILE (a .zip to mail: unzip, open index.html); implies --offline")
    parser.add_argument("--pdf", action="store_true",
                        help="also print every brief and the briefing book into the site (pdf/), so that any copy "
                             "or deploy of the site carries them")
    parser.add_argument("--paper", choices=sorted(pdf.PAPER_SIZES), default="a4",
                        help="paper size of the PDFs with --pdf (default: %(default)s)")
    parser.add_argument("--search", choices=pagefind.SEARCH_MODES, default="auto",
                        help="the site's search: Material's (one index of every page, downloaded whole; works from "
                             "disk) or Pagefind's (an index in chunks, fetched per query; needs a web server). "
                             f"auto: Pagefind from {pagefind.PAGEFIND_FROM_BRIEFS:,} briefs on, unless --offline "
                             "(default: %(default)s)")


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``serve`` command besides the extraction options."""
    _add_site_options(parser)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="address to serve on (default: %(default)s)")


def _usage_problem(args: argparse.Namespace) -> str | None:
    if not args.seeds.exists():
        return f"{args.seeds}: no such folder of seeds (give one with --seeds DIR)"
    if not args.config_file.is_file():
        return f"{args.config_file}: no such MkDocs configuration (give one with --config-file FILE)"
    return None


def run_build(args: argparse.Namespace) -> int:
    if problem := _usage_problem(args):
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    try:
        with site.project_lock(site.project_dir(args.config_file)):
            return _build(args)
    except site.LockError as err:
        print(err, file=sys.stderr)
        return EXIT_FAILED


def _build(args: argparse.Namespace) -> int:
    offline = args.offline or args.zip is not None
    def stamp(with_own: bool = True) -> str:
        return site.sources_stamp(args.seeds, config_file=args.config_file, corrections=args.corrections,
                                  cache=args.cache, with_own=with_own,
                                  settings=(args.ner, args.strict, args.site_dir, args.site_url, offline, args.pdf,
                                            args.paper, args.search))

    sources, read = stamp(), stamp(with_own=False)
    try:
        site_dir = Path(site.site_config(args.config_file, site_dir=args.site_dir).site_dir)
    except engine.EngineError:
        site_dir = None  # the build below says what is wrong with the configuration
    if not args.pdf and args.zip is None and site_dir is not None and site.built_from(site_dir, sources):
        print(f"{site_dir} is up to date: no seed, correction, template, setting or code changed", file=sys.stderr)
        return EXIT_OK
    snapshot.load_snapshot(site.project_dir(args.config_file))
    result = site.project_briefs(args.seeds, config_file=args.config_file, ner=args.ner, cache=args.cache,
                                 corrections=args.corrections, workers=workers_of(args))
    report(result.problems)
    briefs = publishable(result.briefs, result.problems, strict=args.strict)
    problems = list(result.problems)
    try:
        if args.pdf:
            config = site.site_config(args.config_file, site_dir=args.site_dir, offline=offline)
            site.recover_site(Path(config.site_dir))  # refuses a foreign --site-dir before a PDF is written into it
            problems += pdf.write_pdfs(pdf.select_briefs(briefs), Path(config.site_dir) / render.PDF_DIR,
                                       paper=args.paper)  # newest first, as on the site
            report(problems[len(result.problems):])
        search = pagefind.search_mode(args.search, briefs=len(briefs), offline=offline)
        site_dir = site.publish(briefs, config_file=args.config_file, strict=args.strict, site_dir=args.site_dir,
                                site_url=args.site_url, redirects=result.redirects, offline=offline, search=search)
        if args.zip is not None:
            site.zip_site(site_dir, args.zip)
        snapshot.save_snapshot(site.project_dir(args.config_file))
    except engine.EngineError as err:
        print(f"{args.config_file}: the site was not built: {err.format_message()}", file=sys.stderr)
        return EXIT_FAILED
    except site.NotASiteError as err:
        print(f"{err}: the site was not built: this folder holds files that are not a site, and a build replaces "
              "the whole folder (give an empty or new folder with --site-dir DIR)", file=sys.stderr)
        return EXIT_FAILED
    except jinja2.TemplateError as err:
        print(f"the site was not built: {site.template_problem(err)}", file=sys.stderr)
        return EXIT_FAILED
    except pagefind.PagefindError as err:
        print(f"the site was not built: {err}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:
        print(f"{err.filename or args.config_file}: the site was not built: {err.strerror} "
              f"(check that the docs and site folders are writable)", file=sys.stderr)
        return EXIT_FAILED
    # A build with problems runs again next time, to report them again; so does one whose sources changed while
    # it ran. The stamp is taken after the build, which wrote the ids manifest and the cache.
    if not problems and stamp(with_own=False) == read:
        site.record_sources(site_dir, stamp())
    print(f"built {site_dir} from {len(briefs)} brief(s), {search} search"
          + (f"; packed into {args.zip}" if args.zip else ""), file=sys.stderr)
    return EXIT_FAILED if failed(problems, strict=args.strict) else EXIT_OK


def add_deploy_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``deploy`` command besides the extraction options."""
    add_build_arguments(parser)
    parser.set_defaults(pdf=True)
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="deploy without printing the PDFs")
    parser.add_argument("--dry-run", action="store_true",
                        help="build the folder that would be pushed and say where it is, but push nothing")
    parser.add_argument("--message", metavar="TEXT", help="commit message of the deploy (default: MkDocs' own)")


def run_deploy(args: argparse.Namespace) -> int:
    """Build the site with its PDFs, then push that folder with ``mkdocs gh-deploy`` (remote_branch, remote_name)."""
    status = run_build(args)
    if status != EXIT_OK:
        print("nothing deployed: the build failed (see above)", file=sys.stderr)
        return status
    config = site.site_config(args.config_file, site_dir=args.site_dir, site_url=args.site_url, offline=args.offline)
    if args.dry_run:
        pdfs = len(list((Path(config.site_dir) / render.PDF_DIR).glob("*.pdf")))
        print(f"dry run: would push {config.site_dir} ({pdfs} PDF(s)) to the {config.remote_branch} branch of "
              f"{config.remote_name}; nothing pushed", file=sys.stderr)
        return EXIT_OK
    try:
        with _mkdocs_messages():
            engine.gh_deploy(config, message=args.message, ignore_version=True)
    except engine.EngineError as err:
        print(f"{config.site_dir}: not deployed: {err.format_message()} (see the lines above)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    if problem := _usage_problem(args):
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    # For the hook (briefing/mkdocs_hooks.py), which renders the pages of every build and watches these.
    os.environ[site.SEEDS_ENV] = str(args.seeds.resolve())
    os.environ[site.NER_ENV] = args.ner
    os.environ[site.CACHE_ENV] = str(site.cache_dir(args.cache, args.config_file).resolve())
    os.environ[site.CORRECTIONS_ENV] = str(site.corrections_dir(args.corrections, args.config_file).resolve())
    try:
        with _mkdocs_messages():
            # dirty: each edit rebuilds only the pages whose text changed (the hook rewrites only those)
            engine.serve(config_file=str(args.config_file), livereload=True, build_type="dirty",
                         dev_addr=args.dev_addr)
    except engine.EngineError as err:
        print(f"{args.config_file}: cannot serve the site: {err.format_message()}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:
        print(f"{args.dev_addr}: cannot serve the site: {err.strerror} (is another server on this port? stop it, "
              "or give another address with --dev-addr 127.0.0.1:8001)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


@contextlib.contextmanager
def _mkdocs_messages() -> Iterator[None]:
    """Print MkDocs' progress ("Serving on ...", rebuilds, warnings) as its own command line does, while the command
    runs: the handler writes to the standard error of its time, and a later command of the same process has its own."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    level = mkdocs_log.level
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    try:
        yield
    finally:
        mkdocs_log.removeHandler(handler)
        mkdocs_log.setLevel(level)


def add_pdf_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``pdf`` command besides the extraction options."""
    parser.add_argument("ids", nargs="*", metavar="ID",
                        help="print only these briefs, the book in this order (default: every brief)")
    parser.add_argument("--since", type=_since_date, metavar="DATE",
                        help="only briefs published on or after DATE (e.g. 2014-11-01)")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", dest="tags",
                        help="only briefs with this tag or country; repeat for any of several")
    parser.add_argument("--paper", choices=sorted(pdf.PAPER_SIZES), default="a4",
                        help="paper size (default: %(default)s)")
    parser.add_argument("--order", choices=pdf.ORDERS, default="newest",
                        help="order of the briefs in the book when no ids are given: newest first, as on the site, "
                             "or oldest first (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("site/pdf"), metavar="DIR",
                        help="folder for the PDFs (default: %(default)s)")
    add_cache_argument(parser, default_place="in the current folder, as build uses by default")
    add_corrections_argument(parser)


def _since_date(text: str) -> dt.date:
    date = parse_date(text)
    if date is None:
        raise argparse.ArgumentTypeError(f"cannot read the date {text!r}; write it like 2014-11-21")
    return date


def seeds_problem(seeds: Path) -> str | None:
    """What is wrong with the seeds folder given, in one line, or None."""
    if not seeds.exists():
        return f"{seeds}: no such folder of seeds (give one with --seeds DIR)"
    if not load.seed_files(seeds):
        return f"{seeds}: no seeds here (looked for {', '.join(load.SEED_SUFFIXES)} files)"
    return None


def run_pdf(args: argparse.Namespace) -> int:
    """The ``pdf`` command: extract the seeds, then print the selected briefs and the book."""
    if problem := seeds_problem(args.seeds):
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    # The same cache and seed names as `build`, so `pdf` then `build` extracts each seed once.
    result = site.project_briefs(args.seeds, ner=args.ner, cache=args.cache, corrections=args.corrections,
                                 workers=workers_of(args))
    report(result.problems)
    printable = publishable(result.briefs, result.problems, strict=args.strict)
    known = {brief.id for brief in printable}
    unknown = [brief_id for brief_id in args.ids if brief_id not in known]
    if unknown:
        print(f"no brief with the id {', '.join(unknown)} (an id is the name of a JSON brief without .json, "
              f"e.g. {min(known, default='2014-11-21-some-title')})", file=sys.stderr)
        return EXIT_USAGE
    briefs = pdf.select_briefs(printable, ids=args.ids, since=args.since, tags=args.tags, order=args.order)
    if not briefs:
        print("no brief matches the selection; nothing printed", file=sys.stderr)
        return EXIT_FAILED
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        with site.project_lock(site.project_dir()):  # a build moves site/pdf/: not while it is written
            problems = pdf.write_pdfs(briefs, args.out, paper=args.paper,
                                  selection=pdf.describe_selection(ids=args.ids, since=args.since, tags=args.tags))
    except site.LockError as err:
        print(err, file=sys.stderr)
        return EXIT_FAILED
    except OSError as err:
        print(f"{err.filename or args.out}: cannot write the PDFs: {err.strerror} "
              "(give a writable folder with --out DIR)", file=sys.stderr)
        return EXIT_FAILED
    report(problems)
    return EXIT_FAILED if failed(result.problems + problems, strict=args.strict) else EXIT_OK


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
    if problem := seeds_problem(args.seeds):
        print(problem, file=sys.stderr)
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
    except parallel.SchedulerUnreachable as err:
        print(err, file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        # Every file is written atomically: what is on disk is whole, old or new.
        print("interrupted; the files already written are complete", file=sys.stderr)
        return EXIT_INTERRUPTED
