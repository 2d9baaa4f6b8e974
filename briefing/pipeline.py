"""The pipeline, top to bottom: load → extract → render → publish.

Each stage is a plain function with typed input and output; side effects (files, MkDocs)
happen only in the publish stage, in ``write_briefs`` and in the brief cache.

The cache (``cache_dir``, e.g. ``.briefing/cache``) keeps the last good brief of each seed,
keyed by the seed's path. It makes rebuilds fast (an article that has not changed, read by
the same code with the same options, is not extracted again) and loses nothing: a seed that
fails now but made a good brief before still has that brief, with a warning that says so.
An entry that is not exactly what this code writes (corrupt, another schema, a field of the
wrong type) is ignored and rebuilt; a cache folder that cannot be written is a warning.
"""
from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .confidence import rate_brief
from .corrections import apply_corrections, load_corrections
from .errors import Problem
from .extract import ExtractOptions
from .ids import stable_ids
from .io import write_json_atomic
from .load import load_seeds
from .memo import SameObject
from .model import SCHEMA_VERSION, Article, Brief
from .parallel import Workers, extract_articles

PACKAGE_DIR = Path(__file__).resolve().parent
#: Where build, serve and pdf keep the last good brief of each seed, in the project folder.
CACHE_DIR = Path(".briefing") / "cache"


STAGE_FAILURE_HINT = "the brief keeps the other stages' items; please report this with the seed attached"


@dataclass
class ExtractResult:
    briefs: list[Brief] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # old brief id -> current id


def extract_briefs(seeds_dir: Path, *, options: ExtractOptions = ExtractOptions(),
                   display_root: Path | None = None, cache_dir: Path | None = None,
                   ids_file: Path | None = None, corrections_dir: Path | None = None,
                   workers: Workers = Workers()) -> ExtractResult:
    """Load every seed and extract its brief; one bad seed never stops the others.

    Args:
        seeds_dir: the folder of seeds (or a single seed file).
        options: options for the extraction stages.
        display_root: messages and ``source.path`` name seeds relative to this folder.
        cache_dir: where to keep the last good brief of each seed; ``None`` for no cache.
        ids_file: the manifest of brief ids (see :mod:`briefing.ids`); ``None`` for ids from the titles.
        corrections_dir: the analyst's corrections (see :mod:`briefing.corrections`), applied after the
            cache so that an edited correction takes effect without extracting again; ``None`` for none.
        workers: where the seeds that the cache does not hold are extracted (see :mod:`briefing.parallel`);
            the result is the same wherever they run.

    Returns:
        The briefs made and every problem met, in seed order.
    """
    loaded = load_seeds(seeds_dir, display_root=display_root)
    result = ExtractResult(problems=list(loaded.problems))
    if ids_file is not None:
        loaded.articles, result.redirects = stable_ids(loaded.articles, ids_file, result.problems)
    cache = BriefCache(cache_dir, options) if cache_dir is not None else None
    cached = [cache.fresh(article) if cache else None for article in loaded.articles]
    stale = [article for article, brief in zip(loaded.articles, cached) if brief is None]
    made = iter(extract_articles(stale, options, workers))
    extraction_failures = []
    for article, brief in zip(loaded.articles, cached):
        if brief is None:
            made_now = next(made)
            if isinstance(made_now, tuple):
                kind, message = made_now
                problem = Problem.about(article.path, f"extraction failed: {kind}: {message}",
                                        hint="please report this with the seed attached")
                result.problems.append(problem)
                extraction_failures.append(problem)
                continue
            stage_failures = [Problem.about(article.path, warning, hint=STAGE_FAILURE_HINT)
                              for warning in made_now.warnings if warning.split(":", 1)[0] in made_now.failed_stages]
            result.problems.extend(stage_failures)
            brief = rate_brief(made_now)
            if cache and not stage_failures \
                    and not any(p.severity == "error" and p.concerns(article.path) for p in result.problems):
                cache.store(article, made_now, rated=brief)
        result.briefs.append(brief)
    if cache:
        _use_last_good_briefs(cache, loaded.failures + extraction_failures, result)
        if cache.write_error is not None:
            result.problems.append(Problem(
                str(cache.folder), f"cannot write the brief cache: {cache.write_error.strerror}; the briefs are "
                                   "made without it", severity="warning",
                hint="free some disk space or make the folder writable, or give another with --cache DIR"))
    if corrections_dir is not None:
        corrected = apply_corrections(result.briefs, load_corrections(corrections_dir, display_root=display_root))
        result.briefs = corrected.briefs
        result.problems.extend(corrected.problems)
    return result


def _use_last_good_briefs(cache: BriefCache, failures: list[Problem], result: ExtractResult) -> None:
    """Put the cached brief of each seed (or record) that failed now in its place."""
    made = {brief.source.path for brief in result.briefs}
    ids = {brief.id for brief in result.briefs}
    for failure in failures:
        for brief in cache.last_good(failure):
            if brief.source.path in made or brief.id in ids:
                continue
            result.briefs.append(brief)
            made.add(brief.source.path)
            ids.add(brief.id)
            result.problems.append(Problem.about(
                brief.source.path, "using the last good brief of this seed, from an earlier run",
                severity="warning", hint="fix the error above to bring the brief up to date"))


def write_briefs(briefs: list[Brief], out_dir: Path) -> list[Path]:
    """Write one JSON file per brief, atomically; returns the paths written."""
    paths = []
    for brief in briefs:
        path = out_dir / f"{brief.id}.json"
        write_json_atomic(path, brief.as_dict())
        paths.append(path)
    return paths


def _article_digest(article: Article) -> str:
    article_json = json.dumps(article.as_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(article_json.encode()).hexdigest()


#: The hash of each article loaded in this process (by its seed): an unchanged seed is the same article.
_ARTICLE_DIGESTS = SameObject(_article_digest)

#: Cache entries read in this process: path -> ((size, modification time), entry with its brief rated). The
#: brief as extracted is not kept: a rebuild needs only the rated one, and at archive size one copy of every brief
#: is a third of what a build keeps (briefing/snapshot.py).
_READ_ENTRIES: dict[Path, tuple[tuple[int, int], dict[str, Any] | None]] = {}


class BriefCache:
    """The last good brief of each seed, one JSON file per seed (or feed record) in ``folder``.

    An entry holds the brief and what it was made from: a hash of the loaded article, the
    version of the extraction code (:func:`extraction_version`) and the extraction options. Entries are written
    atomically.
    """

    def __init__(self, folder: Path, options: ExtractOptions):
        self.folder = folder
        self.options = dataclasses.asdict(options)
        self.write_error: OSError | None = None  # the first failure to write an entry

    def fresh(self, article: Article) -> Brief | None:
        """The cached brief of ``article``, rated (briefing/confidence.py), if it was made from the same article,
        code and options."""
        entry = self._read(self._entry_path(article.path))
        if not entry or entry.get("made_from") != self._made_from(article):
            return None
        return entry["brief"]

    def last_good(self, failure: Problem) -> list[Brief]:
        """The cached briefs of the seed (or the record) that ``failure`` stopped, rated."""
        records = "*" if failure.record is None else f"-{failure.record}"
        entries = (self._read(path) for path in sorted(self.folder.glob(f"{_digest(failure.path)}{records}.json")))
        return [entry["brief"] for entry in entries if entry and failure.concerns(entry["brief"].source.path)]

    def store(self, article: Article, brief: Brief, *, rated: Brief) -> None:
        """Keep ``brief`` as extracted from ``article``; ``rated`` is it rated, which this process reads back."""
        entry = {"seed": article.path, "made_from": self._made_from(article), "brief": brief.as_dict()}
        path = self._entry_path(article.path)
        try:
            write_json_atomic(path, entry)
            info = path.stat()
        except OSError as err:  # a full or read-only cache folder: the run goes on without it
            self.write_error = self.write_error or err
            return
        # The rated brief is the entry read back and rated (a brief survives its JSON unchanged): the next rebuild
        # of ``serve`` gives this very brief again, and what was made from it is kept (briefing/memo.py).
        _READ_ENTRIES[path] = ((info.st_size, info.st_mtime_ns), {**entry, "brief": rated})

    def _entry_path(self, source: str) -> Path:
        path, mark, record = source.rpartition("#")
        if mark and record.isdigit():
            return self.folder / f"{_digest(path)}-{record}.json"
        return self.folder / f"{_digest(source)}.json"

    def _made_from(self, article: Article) -> dict[str, Any]:
        return {"article": _ARTICLE_DIGESTS(article.path, article), "code": extraction_version(),
                "options": self.options}

    @staticmethod
    def _read(path: Path) -> dict[str, Any] | None:
        """An entry with its brief rebuilt; ``None`` when missing or unreadable (a cache never fails a run).

        An entry read before in this process, unchanged since (size, modification time), is not read again:
        ``serve`` rebuilds after each edit, and rebuilding a brief from JSON is most of a cache hit's cost.
        """
        try:
            info = path.stat()
        except OSError:
            return None
        signature = (info.st_size, info.st_mtime_ns)
        known = _READ_ENTRIES.get(path)
        if known is not None and known[0] == signature:
            return known[1]
        entry = BriefCache._parse(path)
        _READ_ENTRIES[path] = (signature, entry)
        return entry

    @staticmethod
    def _parse(path: Path) -> dict[str, Any] | None:
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not (isinstance(entry, dict) and isinstance(entry.get("made_from"), dict)
                and isinstance(entry.get("brief"), dict) and entry["brief"].get("schema") == SCHEMA_VERSION
                and _conforms(Brief, entry["brief"])):
            return None
        try:
            return {**entry, "brief": rate_brief(Brief.from_dict(entry["brief"]))}
        except (ValueError, KeyError, TypeError):
            return None


def _conforms(kind: Any, value: Any) -> bool:
    """Whether ``value`` (JSON data) has the shape and types of ``kind`` (a model dataclass or a field type)."""
    return _checker(kind)(value)


@functools.cache
def _checker(kind: Any) -> Callable[[Any], bool]:
    """The test of :func:`_conforms` for ``kind``, made once per type: a cache hit checks every field of a brief,
    and asking ``typing`` what each field's type is, for every value, was half of the time of a hit."""
    if dataclasses.is_dataclass(kind):
        hints, required = _fields_of(kind)
        fields = {name: _checker(hint) for name, hint in hints.items()}

        def conforms_to_dataclass(value: Any) -> bool:
            return isinstance(value, dict) and required <= value.keys() and \
                all(fields[name](item) for name, item in value.items() if name in fields)
        return conforms_to_dataclass
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple:
        item_conforms = _checker(args[0])
        return lambda value: isinstance(value, list) and all(map(item_conforms, value))
    if origin in (typing.Union, types.UnionType):
        alternatives = tuple(_checker(arg) for arg in args)
        return lambda value: any(conforms(value) for conforms in alternatives)
    if kind is type(None):
        return lambda value: value is None
    if kind is Any:
        return lambda value: True
    if kind is float:
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    return lambda value: isinstance(value, kind)


@functools.cache
def _fields_of(kind: type) -> tuple[dict[str, Any], frozenset[str]]:
    """The type of each field of a dataclass, and the names of those without a default."""
    fields = [f for f in dataclasses.fields(kind) if f.init]
    hints = typing.get_type_hints(kind)
    return ({f.name: hints[f.name] for f in fields},
            frozenset(f.name for f in fields
                      if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING))


@functools.cache
def code_version() -> str:
    """A hash of the package's code and data: what a build made from the briefs (the snapshot, the pages) is reused
    only by the code that made it."""
    return _hash_files(path for path in sorted(PACKAGE_DIR.rglob("*")) if path.is_file()
                       and (path.suffix == ".py" or "data" in path.relative_to(PACKAGE_DIR).parts[:-1])
                       and "__pycache__" not in path.parts)


#: Where extraction starts: the function a worker runs on each article.
EXTRACTION_ENTRY = "parallel"


@functools.cache
def extraction_version() -> str:
    """A hash of the code that extraction runs and of the rule data: a cached brief is reused by any code that
    would extract the same brief, so a change to the site, the templates or the command line extracts nothing.

    The code is every module of the package that the worker's module imports, directly or not (read from their
    ``import`` statements, not from what one process happened to import)."""
    return _hash_files([*sorted(_imported_modules(PACKAGE_DIR / f"{EXTRACTION_ENTRY}.py")),
                        *sorted(path for path in (PACKAGE_DIR / "data").rglob("*") if path.is_file())])


def _hash_files(paths: Iterable[Path]) -> str:
    """A hash of the files ``paths`` of the package, each by its path in the package and its bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _imported_modules(entry: Path) -> set[Path]:
    """The module files of the package that ``entry`` imports, with ``entry`` and every package they are in."""
    found: set[Path] = set()
    waiting = [entry]
    while waiting:
        path = waiting.pop()
        if path in found:
            continue
        found.add(path)
        if path.name != "__init__.py" and (path.parent / "__init__.py").is_file() and path.parent != PACKAGE_DIR:
            waiting.append(path.parent / "__init__.py")
        for node in _import_statements(ast.parse(path.read_text(encoding="utf-8"))):
            waiting.extend(_module_files(path, node))
    return found


#: The fields of a node that hold statements (of a module, function, class, loop, with, try, match case...).
_STATEMENT_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def _import_statements(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements of ``tree``, at any depth: an import is a statement, so only the lists of statements
    are walked, not the expressions (ast.walk visited ten times as many nodes, most of extraction's cache key)."""
    waiting: list[ast.AST] = [tree]
    while waiting:
        node = waiting.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
            continue
        for name in _STATEMENT_FIELDS:
            inner = getattr(node, name, None)
            if isinstance(inner, list):
                waiting.extend(inner)


def _module_files(importer: Path, node: ast.AST) -> list[Path]:
    """The files of the package's own modules that the import statement ``node`` of ``importer`` names."""
    if isinstance(node, ast.ImportFrom) and node.level:
        base = importer.parents[node.level - 1]
        target = base.joinpath(*node.module.split(".")) if node.module else base
        candidates = [target.with_suffix(".py"), target / "__init__.py"]
        for alias in node.names:  # ``from . import x`` and ``from .x import y`` may each name a module
            candidates += [target / f"{alias.name}.py", target / alias.name / "__init__.py"]
    elif isinstance(node, ast.Import):
        candidates = []
        for alias in node.names:
            top, *inner = alias.name.split(".")
            if top == PACKAGE_DIR.name:
                module = PACKAGE_DIR.joinpath(*inner)
                candidates += [module.with_suffix(".py"), module / "__init__.py"]
    else:
        return []
    return [file for file in candidates if file.is_file()]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]
