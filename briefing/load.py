"""Loading seeds: files in ``seeds/`` become :class:`~briefing.model.Article` objects.

Formats, by suffix:

- ``.txt``: line 1 the title, line 2 the publication date (optional), then the body, one
  paragraph per line or paragraphs separated by blank lines.
- ``.md``/``.markdown``: YAML front matter (title, date, outlet, url, author, tags) then the
  body; without a ``title:`` the first ``# Heading`` is the title. Links, emphasis, heading
  and list marks are dropped from the body.
- ``.html``/``.htm``: a saved news page; title, date, site name, author and the article text
  (without navigation, ads or comments) are read with trafilatura, offline.
- ``.json`` (a list of records, or an object holding one under ``articles``, ``items`` or
  ``entries``) and ``.jsonl`` (one record a line): a feed, one brief per record; the
  brief's ``source.path`` is ``file#N`` (N the record index, from 0).

Every problem names the file and the line or record, says what is wrong and how to fix it.
Across seeds: the same article saved twice is loaded once (with a warning), colliding ids
are made distinct, and an article that does not look English is flagged.
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

import yaml

from . import lexicon
from .errors import Problem, SeedError
from .limits import (MAX_FEED_RECORDS, MAX_FIELD_CHARS, MAX_KEYS, MAX_SEED_BYTES, MAX_TAG_CHARS, MAX_TAGS,
                     LimitError, load_front_matter, load_json, without_surrogates)
from .model import Article
from .pubdate import EARLIEST_YEAR, LATEST_YEAR, looks_like_date, out_of_range, parse_date, why_unreadable

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".json", ".jsonl")
SEED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
DATE_HINT = "write it like 14 Aug 2019, 2019-08-14 or August 14, 2019"
LONG_TITLE = 200

# Feed record fields, in order of preference.
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "publishedAt", "published", "pubDate", "datePublished")
BODY_FIELDS = ("body", "articleBody", "content", "text", "description")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("source", "outlet", "site")
TAG_FIELDS = ("tags", "keywords", "categories")
ID_FIELDS = ("id", "guid")  # a record's own id keeps its brief's id (and URL) when the title changes
FEED_LIST_KEYS = ("articles", "items", "entries")

# Common English function words: in English news they make up a third of the words or more.
ENGLISH_STOP_WORDS = lexicon.words("english_function_words.txt")
ENGLISH_MIN_RATIO = 0.12
LANGUAGE_MIN_WORDS = 20
LANGUAGE_SAMPLE = 20_000
PROSE_MIN_WORDS = 6
_PUNCTUATION = "\"'“”‘’«»()[],.;:!?-–—…"

_WORD = re.compile(r"[^\W\d_]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_MD_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_MD_MARKS = (
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),                # images
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),            # [text](url)
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),        # **strong**
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"), r"\1"),  # *emphasis*
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),          # heading marks
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),               # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), ""),  # list items
)
_HTML_TAG = re.compile(r"<(?:p|br|div|a|span|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure|img)\b[^>]*>", re.I)
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|figure)>", re.I)
_ANY_TAG = re.compile(r"<[^>]+>")
_TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
_WEB_ADDRESS = re.compile(r"https?://[^\s/]", re.I)


@dataclass
class LoadResult:
    """What loading a folder of seeds gave.

    ``failures`` are the problems that stopped a seed (or feed record) from becoming an
    article; they are also in ``problems``, beside warnings and non-fatal errors.
    """

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failures: list[Problem] = field(default_factory=list)


def seed_files(seeds: Path) -> list[Path]:
    """The seed files of a folder, in name order (hidden files and other suffixes skipped); a file is itself."""
    if seeds.is_file():
        return [seeds]
    found: list[Path] = []
    folders = [seeds]
    while folders:  # os.scandir tells files from folders without a stat of each (thousands, after every edit)
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(Path(entry.path))
                    elif PurePath(entry.name).suffix.lower() in SEED_SUFFIXES and entry.is_file():
                        found.append(Path(entry.path))
        except OSError:  # a folder that went or cannot be read holds no seed
            continue
    return sorted(found)


def load_seeds(seeds: Path, *, display_root: Path | None = None) -> LoadResult:
    """Load every seed of ``seeds`` (a folder, or one file); a seed that fails is reported, the others still load."""
    result = LoadResult()
    folder = seeds.resolve() if seeds.is_dir() else None
    real = _RealPaths()
    for path in seed_files(seeds):
        shown = _shown(path, display_root, real.folder)
        if folder is not None and not real.file(path).is_relative_to(folder):
            problem = Problem(shown, f"is a link to {path.resolve()}, outside the seeds folder; it is not read",
                              hint=f"copy the article into {seeds} instead of linking to it")
            result.problems.append(problem)
            result.failures.append(problem)
            continue
        articles, problems, failures = _load_seed_once(path, shown)
        result.problems.extend(problems)
        result.failures.extend(failures)
        result.articles.extend(articles)
    result.articles = _without_duplicates(result.articles, result.problems)
    result.articles = _with_unique_ids(result.articles, result.problems)
    return result


#: Seeds loaded in this process: (path, name shown) -> (the file's signature, what :func:`load_seed` gave).
_LOADED: dict[tuple[Path, str], tuple[tuple[int, ...], tuple[list[Article], list[Problem], list[Problem]]]] = {}


def _load_seed_once(path: Path, shown: str) -> tuple[list[Article], list[Problem], list[Problem]]:
    """:func:`load_seed`, taken from memory for a seed loaded before in this process whose file is unchanged
    (same inode, size, modification and change times): ``serve`` loads every seed after each edit, and
    reading and parsing the unchanged ones was most of the time of a rebuild at thousands of seeds."""
    try:
        info = os.stat(path)
    except OSError:  # load_seed says what is wrong with it
        return load_seed(path, shown=shown)
    signature = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    known = _LOADED.get((path, shown))
    if known is not None and known[0] == signature:
        articles, problems, failures = known[1]
    else:
        articles, problems, failures = load_seed(path, shown=shown)
        _LOADED[(path, shown)] = (signature, (articles, problems, failures))
    return list(articles), list(problems), list(failures)


class _RealPaths:
    """The real paths of the seeds of a folder, each folder resolved once (resolving a path costs a system call
    for each of its parts, and thousands of seeds share a few folders)."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def folder(self, path: Path) -> Path:
        known = self._folders.get(path)
        if known is None:
            known = self._folders[path] = path.resolve()
        return known

    def file(self, path: Path) -> Path:
        return path.resolve() if path.is_symlink() else self.folder(path.parent) / path.name


def _shown(path: Path, root: Path | None, resolve: Callable[[Path], Path] = Path.resolve) -> str:
    if root is not None:
        try:  # the link's own name, not its target's
            return str(resolve(path.parent).relative_to(resolve(root)) / path.name)
        except ValueError:
            pass
    return str(path)


def _without_duplicates(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Keep the first of articles with the same title and text; warn about each later copy."""
    first_by_text: dict[str, Article] = {}
    kept = []
    for article in articles:
        words = " ".join(f"{article.title}\n{article.body}".casefold().split())
        original = first_by_text.setdefault(hashlib.sha256(words.encode()).hexdigest(), article)
        if original is article:
            kept.append(article)
        else:
            problems.append(Problem.about(
                article.path, f"the same article as {original.path}; one brief is made, from {original.path}",
                severity="warning", hint="delete one of the two copies"))
    return kept


def _with_unique_ids(articles: list[Article], problems: list[Problem]) -> list[Article]:
    owners: dict[str, str] = {}
    next_suffix: dict[str, int] = {}
    unique_articles = []
    for article in articles:
        unique = _unique_id(article.id, owners, next_suffix)
        if unique != article.id:
            message = f"brief id '{article.id}' is already used by {owners[article.id]}; this one is '{unique}'"
            problems.append(Problem.about(article.path, message, severity="warning",
                                          hint="give the articles different titles or dates if they differ"))
            article = replace(article, id=unique)
        owners[article.id] = article.path
        unique_articles.append(article)
    return unique_articles


def _unique_id(wanted: str, taken: dict[str, str], next_suffix: dict[str, int]) -> str:
    """``wanted``, else ``wanted-N`` with the least N free; ``next_suffix`` remembers where the search ended,
    so a feed of thousands of records with one title costs no more than its length."""
    candidate, n = wanted, next_suffix.get(wanted, 2)
    while candidate in taken:
        candidate = f"{wanted}-{n}"
        n += 1
    next_suffix[wanted] = n
    return candidate


def read_text(path: Path, *, shown: str) -> tuple[str, list[Problem]]:
    """Read a seed's bytes as text: UTF-8 (with or without BOM), else cp1252 with a warning.

    Raises:
        SeedError: for a file that is unreadable, empty, binary or in no known encoding.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SEED_BYTES + 1)
    except OSError as err:
        raise SeedError(Problem(shown, f"cannot read the file: {err.strerror}", hint="check that it exists and is readable"))
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(Problem(shown, f"the file is larger than {MAX_SEED_BYTES:,} bytes, the most a seed may hold",
                                hint="split it into several articles, or several feeds"))
    if not data.strip():
        raise SeedError(Problem(shown, "the file is empty", hint="save the article into it, or delete it"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise SeedError(Problem(shown, "the file starts like UTF-16 text but is not", hint="save the file as UTF-8"))
    if _looks_binary(data[:8192]):
        raise SeedError(Problem(shown, "this is a binary file, not an article",
                                hint="save the article as plain text (.txt), Markdown (.md) or a web page (.html)"))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise SeedError(Problem(shown, "the text is not UTF-8 and not Windows-1252 either", line=line,
                                    hint="save the file as UTF-8"))
        return text, [Problem(shown, "not UTF-8; read as Windows-1252 (cp1252)", line=line, severity="warning",
                              hint="save the file as UTF-8 to silence this")]


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, or many control bytes that text never holds."""
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f")
    return controls > len(head) // 20


def load_seed(path: Path, *, shown: str | None = None) -> tuple[list[Article], list[Problem], list[Problem]]:
    """Load one seed file.

    Args:
        path: the seed file.
        shown: how messages name the file (defaults to ``path``).

    Returns:
        The articles it holds (one, or one per feed record), every problem found, and the
        problems among them that stopped the file or a record from becoming an article.
    """
    shown = shown or str(path)
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    articles: list[Article] = []
    failures: list[Problem] = []
    try:
        text, problems = read_text(path, shown=shown)
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        if suffix in FEED_SUFFIXES:
            for loaded in _load_feed(text, shown, lines=suffix == ".jsonl"):
                if isinstance(loaded, Problem):
                    failures.append(loaded)
                    problems.append(loaded)
                else:
                    articles.append(loaded[0])
                    problems.extend(loaded[1])
        else:
            article, more = _ARTICLE_LOADERS.get(suffix, _load_plain)(text, shown)
            articles.append(article)
            problems.extend(more)
    except SeedError as err:
        return [], problems + [err.problem], [err.problem]
    except Exception as err:  # a loader bug or a library's failure on odd input: this seed's error, not the run's
        problem = _unexpected(shown, err)
        return [], problems + [problem], [problem]
    articles = [_flag_language(_with_text_only(article, problems), problems) for article in articles]
    return articles, problems, failures


def _unexpected(shown: str, err: Exception, **where) -> Problem:
    return Problem(shown, f"cannot be read: {type(err).__name__}: {str(err)[:200]!r}", **where,
                   hint="please report this with the seed attached")


def _with_text_only(article: Article, problems: list[Problem]) -> Article:
    """The article with lone surrogates (escapes such as \\ud800 that are no character) replaced by U+FFFD."""
    fields = {name: without_surrogates(getattr(article, name)) for name in ("title", "body", "outlet", "url", "author")
              if getattr(article, name) is not None}
    fields["tags"] = tuple(without_surrogates(tag) for tag in article.tags)
    if all(fields[name] == getattr(article, name) for name in fields):
        return article
    problems.append(Problem.about(article.path, "holds lone surrogates (escapes such as \\ud800 that stand for no "
                                                "character); each is shown as \ufffd", severity="warning",
                                  hint="fix or remove those escapes"))
    return replace(article, **fields)


def _load_plain(text: str, shown: str) -> tuple[Article, list[Problem]]:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise SeedError(Problem(shown, "the file holds only blanks", hint="put the title on line 1 and the text below it"))
    title = lines[first].strip()
    rest = lines[first + 1:]
    problems: list[Problem] = []
    if len(title) > LONG_TITLE:
        problems.append(Problem(shown, f"line {first + 1} is {len(title):,} characters long for a title", line=first + 1,
                                severity="warning", hint="put the title alone on line 1 and the text below it"))
    published = None
    second = next((i for i, line in enumerate(rest) if line.strip()), None)
    if second is not None:
        candidate = rest[second].strip()
        published = parse_date(candidate)
        if published is not None:
            rest = rest[second + 1:]
            published = _in_range(published, shown, problems, line=first + second + 2)
        elif looks_like_date(candidate):
            problems.append(_date_problem(shown, candidate, line=first + second + 2))
            rest = rest[second + 1:]
    body = normalise_body("\n".join(rest))
    return _article(shown, title, published, body), problems


def _in_range(published: dt.date | None, shown: str, problems: list[Problem], **where) -> dt.date | None:
    """``published``, or ``None`` (with a warning) for a date no news article has, such as 0001 or 9999."""
    if published is None or not out_of_range(published):
        return published
    problems.append(Problem(shown, f"the date {published.isoformat()} is out of range (years {EARLIEST_YEAR} to "
                                   f"{LATEST_YEAR} are read); the brief is built as undated", severity="warning",
                            hint="check the year", **where))
    return None


def _date_problem(shown: str, written: str, *, line: int | None = None, record: int | None = None) -> Problem:
    reason = why_unreadable(written)
    return Problem(shown, f"cannot read the date {written!r}{': ' + reason if reason else ''}; "
                          "the brief is built as undated", line=line, record=record, hint=DATE_HINT)


def _load_markdown(text: str, shown: str) -> tuple[Article, list[Problem]]:
    meta: dict = {}
    problems: list[Problem] = []
    front = ""
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = load_front_matter(m.group(1))
        except LimitError as err:
            raise SeedError(Problem(shown, err.message, line=err.line + 1 if err.line else None, hint=err.hint))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            raise SeedError(Problem(shown, f"the front matter is not valid YAML: {getattr(err, 'problem', err)}",
                                    line=mark.line + 2 if mark else None,
                                    hint="fix the YAML between the two '---' lines"))
        if loaded is not None and not isinstance(loaded, dict):
            raise SeedError(Problem(shown, "the front matter must be 'key: value' lines", line=2,
                                    hint="write title:, date:, outlet:, url: and tags: fields"))
        meta = {str(key): value for key, value in (loaded or {}).items()}
        front = m.group(1)
        text = text[m.end():]

    def where(key: str) -> _Where:
        return _Where(shown, problems, line=_key_line(front, key))

    title = _title_field(meta.get("title"), where("title"))
    if not title:
        heading = _MD_HEADING.search(text)
        if heading:
            title = heading.group(1)
            text = text[: heading.start()] + text[heading.end():]
    if not title:
        raise SeedError(Problem(shown, "no title", line=1, hint="add 'title:' to the front matter or a '# Title' line"))
    date_key = "date" if meta.get("date") not in (None, "") else "published"
    published = _date_field(meta.get(date_key), where(date_key))
    outlet_key = "outlet" if meta.get("outlet") not in (None, "") else "source"
    article = _article(shown, title, published, normalise_body(strip_markdown(text)),
                       outlet=_text_field(meta.get(outlet_key), outlet_key, where(outlet_key)),
                       url=_url_field(meta.get("url"), where("url")),
                       author=_author_field(meta.get("author"), where("author")),
                       tags=_tags_field(meta.get("tags"), where("tags")),
                       given_id=_given_id(meta.get("id")))
    return article, problems


@dataclass
class _Where:
    """Where a field was read (file, line, record) and the list its problems go to."""

    shown: str
    problems: list[Problem]
    line: int | None = None
    record: int | None = None

    def report(self, message: str, hint: str, *, severity: str = "error") -> None:
        self.problems.append(Problem(self.shown, message, line=self.line, record=self.record, hint=hint,
                                     severity=severity))


def _described(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _text_field(value, name: str, where: _Where, *, severity: str = "error") -> str | None:
    """A text field: a string, or a number or date written as one; anything else is reported and left out."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        where.report(f"{name} must be text, not {_described(value)}; it is left out",
                     f"write '{name}:' followed by plain text", severity=severity)
        return None
    text = " ".join(str(value).split())
    if len(text) > MAX_FIELD_CHARS:
        where.report(f"{name} is {len(text):,} characters long, more than {MAX_FIELD_CHARS:,}; it is left out",
                     f"shorten the {name}", severity=severity)
        return None
    return text or None


def _title_field(value, where: _Where) -> str:
    """The title as text ("" when there is none); a title of the wrong type or length stops the seed."""
    found: list[Problem] = []
    title = _text_field(value, "title", _Where(where.shown, found, line=where.line, record=where.record))
    if found:
        raise SeedError(replace(found[0], message=found[0].message.removesuffix("; it is left out"),
                                hint="write 'title:' followed by the headline"))
    return title or ""


def _url_field(value, where: _Where) -> str | None:
    """An http(s) address; any other (``javascript:``, ``file:``, a bare word) is reported and not kept."""
    url = _text_field(value, "url", where)
    if url is not None and not _WEB_ADDRESS.match(url):
        where.report(f"url must be an http:// or https:// address, not {_described(url)}; it is not kept",
                     "give the article's web address, or leave url out")
        return None
    return url


def _author_field(value, where: _Where) -> str | None:
    """One author, or a list of them (strings, or records with a ``name``), joined with commas."""
    if isinstance(value, (list, dict)):
        names = [_name(v) for v in (value if isinstance(value, list) else [value])]
        if not all(isinstance(n, str) for n in names):
            where.report(f"author must be a name or a list of names, not {_described(value)}; it is left out",
                         "write 'author: Jane Doe' or 'author: [Jane Doe, Lin Wei]'")
            return None
        value = ", ".join(n.strip() for n in names if n.strip())
    return _text_field(value, "author", where)


def _tags_field(value, where: _Where) -> tuple[str, ...]:
    """Tags: a list of words (or ``{"name": ...}`` records), or one comma-separated string."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = [_name(item) for item in value]
    else:
        where.report(f"tags must be a list of words, not {_described(value)}; they are left out",
                     "write 'tags: [trade, energy]'")
        return ()
    odd = [item for item in items if isinstance(item, bool) or not isinstance(item, (str, int, float))]
    if odd:
        where.report(f"each tag must be a word, not {_described(odd[0])}; such tags are left out",
                     "write 'tags: [trade, energy]'")
    words = [item for item in items if isinstance(item, (str, int, float)) and not isinstance(item, bool)]
    tags = [" ".join(str(word).split()) for word in words]
    if any(len(tag) > MAX_TAG_CHARS for tag in tags):
        where.report(f"a tag is longer than {MAX_TAG_CHARS} characters; such tags are left out", "shorten the tag")
    tags = list(dict.fromkeys(tag for tag in tags if tag and len(tag) <= MAX_TAG_CHARS))
    if len(tags) > MAX_TAGS:
        where.report(f"{len(tags):,} tags, more than {MAX_TAGS}; the first {MAX_TAGS} are kept",
                     f"keep at most {MAX_TAGS} tags", severity="warning")
    return tuple(tags[:MAX_TAGS])


def _date_field(value, where: _Where) -> dt.date | None:
    """A publication date: a YAML date, or text in the usual forms; else reported, and the brief is undated."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_range(value, where.shown, where.problems, line=where.line, record=where.record)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        where.report(f"date must be a date, not {_described(value)}; the brief is built as undated", DATE_HINT)
        return None
    published = parse_date(str(value))
    if published is None:
        where.problems.append(_date_problem(where.shown, str(value), line=where.line, record=where.record))
    return _in_range(published, where.shown, where.problems, line=where.line, record=where.record)


def strip_markdown(text: str) -> str:
    """Markdown to plain text: link text kept, images, emphasis, heading, quote and list marks dropped."""
    for pattern, replacement in _MD_MARKS:
        text = pattern.sub(replacement, text)
    return text


def _key_line(front_matter: str, key: str) -> int | None:
    """The file line of ``key:`` in the front matter (line 1 is the opening '---')."""
    m = re.search(rf"^{key}\s*:", front_matter, re.M)
    return front_matter[: m.start()].count("\n") + 2 if m else None


def _load_html(text: str, shown: str) -> tuple[Article, list[Problem]]:
    # Imported here: trafilatura takes a tenth of a second to import and most runs read no HTML.
    from trafilatura import bare_extraction

    page = bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, deduplicate=False,
        # Dates from the page's markup only; a date guessed from its running text could be any date it mentions.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    found = page.as_dict() if page is not None else {}
    title = (found.get("title") or "").strip()
    if not title:
        raise SeedError(Problem(shown, "the page has no title",
                                hint="save the article's own page, or copy its text into a .txt file"))
    paragraphs = [line.strip() for line in (found.get("text") or "").split("\n") if line.strip()]
    if paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise SeedError(Problem(shown, "no article text found in the page",
                                hint="save the article's own page (not a front or search page), "
                                     "or copy its text into a .txt file"))
    problems: list[Problem] = []
    published = parse_date(found["date"]) if found.get("date") else None
    published = _in_range(published, shown, problems)
    if published is None:
        problems.append(Problem(shown, "the page gives no publication date; the brief is built as undated",
                                severity="warning", hint="save it as .txt or .md with the date on line 2 or in 'date:'"))
    where = _Where(shown, problems)
    article = _article(shown, title, published, "\n".join(paragraphs),
                       outlet=_text_field(found.get("sitename"), "site name", where),
                       url=_url_field(found.get("url"), where), author=_text_field(found.get("author"), "author", where),
                       tags=_tags_field((found.get("tags") or []) + (found.get("categories") or []), where))
    return article, problems


_ARTICLE_LOADERS = {
    **{suffix: _load_markdown for suffix in MARKDOWN_SUFFIXES},
    **{suffix: _load_html for suffix in HTML_SUFFIXES},
}


def _load_feed(text: str, shown: str, *, lines: bool) -> Iterator[tuple[Article, list[Problem]] | Problem]:
    """Each record of a JSON or JSON Lines feed: its article and problems, or the problem that stopped it."""
    records = _json_lines(text, shown) if lines else _feed_records(text, shown)
    for index, (record, line) in enumerate(records[:MAX_FEED_RECORDS]):
        if isinstance(record, Problem):
            yield record
            continue
        try:
            yield _record_article(record, shown, index=index, line=line)
        except SeedError as err:
            yield err.problem
        except Exception as err:  # one odd record is that record's error; the others are still built
            yield _unexpected(shown, err, line=line, record=index)
    if len(records) > MAX_FEED_RECORDS:
        yield Problem(shown, f"the feed holds {len(records):,} records, more than the {MAX_FEED_RECORDS:,} read from "
                             f"one file; records {MAX_FEED_RECORDS} and later are not built",
                      hint=f"split the feed into files of at most {MAX_FEED_RECORDS:,} records")


def _feed_records(text: str, shown: str) -> list[tuple[object, int | None]]:
    try:
        data = load_json(text)
    except LimitError as err:
        raise SeedError(Problem(shown, err.message, line=err.line, hint=err.hint))
    except json.JSONDecodeError as err:
        raise SeedError(Problem(shown, f"not valid JSON: {err.msg} (column {err.colno})", line=err.lineno,
                                hint="fix the JSON, or use .jsonl with one article a line"))
    if isinstance(data, dict):
        key = next((k for k in FEED_LIST_KEYS if isinstance(data.get(k), list)), None)
        data = data[key] if key else [data] if _first(data, TITLE_FIELDS + BODY_FIELDS) else None
    if not isinstance(data, list):
        raise SeedError(Problem(shown, "not a feed: expected a list of articles",
                                hint='write [{"title": ..., "date": ..., "body": ...}, ...] or {"articles": [...]}'))
    if not data:
        raise SeedError(Problem(shown, "the feed has no articles", hint="add at least one record"))
    return [(record, None) for record in data]


def _json_lines(text: str, shown: str) -> list[tuple[object, int | None]]:
    records: list[tuple[object, int | None]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(records) >= MAX_FEED_RECORDS:  # counted, not parsed
            records.append((None, number))
            continue
        try:
            records.append((load_json(line), number))
        except LimitError as err:
            records.append((Problem(shown, err.message, line=number, record=len(records), hint=err.hint), number))
        except json.JSONDecodeError as err:
            problem = Problem(shown, f"not valid JSON: {err.msg} (column {err.colno})", line=number,
                              record=len(records), hint="each line must be one complete JSON object")
            records.append((problem, number))
    if not records:
        raise SeedError(Problem(shown, "the feed has no articles", hint="add one JSON object per line"))
    return records


def _record_article(record: object, shown: str, *, index: int, line: int | None) -> tuple[Article, list[Problem]]:
    def problem(message: str, hint: str, **extra) -> Problem:
        return Problem(shown, message, line=line, record=index, hint=hint, **extra)

    if not isinstance(record, dict):
        raise SeedError(problem(f"is a {type(record).__name__}, not an article object",
                                'write {"title": ..., "date": ..., "body": ...}'))
    if len(record) > MAX_KEYS:
        raise SeedError(problem(f"has {len(record):,} fields, more than {MAX_KEYS}",
                                "a record holds a few fields: title, date, body, url, source, author, tags"))
    problems: list[Problem] = []
    where = _Where(shown, problems, line=line, record=index)
    title = " ".join(html.unescape(_title_field(_first(record, TITLE_FIELDS), where)).split())
    if not title:
        raise SeedError(problem("no title", "give the record a 'title' (or 'headline')"))
    body = max((_body_text(record.get(name)) for name in BODY_FIELDS), key=len)
    if not body:
        raise SeedError(problem(f"the article {title!r} has no text",
                                f"give the record one of: {', '.join(BODY_FIELDS)}"))
    raw_date = _first(record, DATE_FIELDS)
    published = _record_date(raw_date) if raw_date not in (None, "") else None
    if isinstance(raw_date, (list, dict)):
        where.report(f"date must be a date, not {_described(raw_date)}; the brief is built as undated", DATE_HINT)
    elif raw_date not in (None, "") and published is None:
        problems.append(_date_problem(shown, str(raw_date), line=line, record=index))
    published = _in_range(published, shown, problems, line=line, record=index)
    article = Article(
        id=make_id(title, published), title=title, published=published, body=body, path=f"{shown}#{index}",
        outlet=_text_field(_name(_first(record, OUTLET_FIELDS)), "source", where),
        url=_url_field(_href(_first(record, URL_FIELDS)), where),
        author=_author_field(record.get("author") or record.get("authors"), where),
        tags=_tags_field(_first(record, TAG_FIELDS), where),
    )
    if given := _given_id(_first(record, ID_FIELDS)):
        article = replace(article, id=given, id_given=True)
    return article, problems


def _first(record: dict, names: tuple[str, ...]):
    return next((record[name] for name in names if record.get(name) not in (None, "", [], {})), None)


def _as_text(value) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _body_text(value) -> str:
    """A record's text: a string (plain or HTML) or a list of paragraphs, as one paragraph per line."""
    if isinstance(value, list):
        value = "\n\n".join(_as_text(_name(v)) for v in value)
    text = _as_text(value)
    if _HTML_TAG.search(text):
        text = _ANY_TAG.sub("", _BLOCK_END.sub("\n\n", text))
    text = html.unescape(text)
    return normalise_body(_TRUNCATION_MARK.sub("", text))


def _record_date(value) -> dt.date | None:
    """A feed date: text in the usual forms, or a Unix timestamp (seconds or milliseconds)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    return parse_date(str(value))


def _name(value):
    """``{"name": "X"}`` (or ``{"title": ...}``, ``{"term": ...}``) as ``"X"``; other values unchanged."""
    if isinstance(value, dict):
        return next((value[k] for k in ("name", "title", "term", "label") if isinstance(value.get(k), str)), None)
    return value


def _href(value):
    return value.get("href") if isinstance(value, dict) else value


def _flag_language(article: Article, problems: list[Problem]) -> Article:
    """Warn about an article that does not look English, and keep the warning on the article."""
    reason = not_english_reason(article.body)
    if reason is None:
        return article
    message = (f"looks like it is not English ({reason}); extraction is tuned for English, so only "
               "figures and dates are extracted")
    problems.append(Problem.about(article.path, message, severity="warning",
                                  hint="translate the article to English for actors, quotes and agreements"))
    return replace(article, warnings=article.warnings + (message,), english=False)


def not_english_reason(text: str) -> str | None:
    """Why ``text`` does not look like English, or ``None`` when it does (or is too short to tell).

    Two general tests: most letters outside the Latin alphabet, or too few of the
    function words that make up a third of any English text. The start of a long text
    is enough to tell. Words are counted in the lines of prose only, so that tables of
    results, scores or prices (names and numbers, no function words) do not count against it.
    """
    text = _prose(text[:LANGUAGE_SAMPLE])
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= LANGUAGE_MIN_WORDS * 4:
        latin = sum(1 for c in letters if c < "\u0250")
        if latin < len(letters) / 2:
            return f"{100 - 100 * latin // len(letters)}% of its letters are not Latin"
    words = _WORD.findall(text.casefold())
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    common = sum(1 for w in words if w in ENGLISH_STOP_WORDS)
    if common / len(words) < ENGLISH_MIN_RATIO:
        return f"only {100 * common // len(words)}% of its words are common English words, against 30% in English"
    return None


def _prose(text: str) -> str:
    """The lines of ``text`` that read as sentences, when they are enough to judge by; else all of it."""
    prose = [line for line in text.splitlines() if _is_prose(line)]
    if sum(len(_WORD.findall(line)) for line in prose) < LANGUAGE_MIN_WORDS:
        return text
    return "\n".join(prose)


def _is_prose(line: str) -> bool:
    """A line of running text: several words, mostly words rather than numbers, codes or marks."""
    tokens = line.split()
    words = [t for t in tokens if _WORD.fullmatch(t.strip(_PUNCTUATION))]
    return len(words) >= PROSE_MIN_WORDS and len(words) >= 0.7 * len(tokens)


def normalise_body(text: str) -> str:
    """One paragraph per line: the lines of a blank-line separated block are joined, blanks dropped; a table row,
    a list item or a transcript's speaker line stays a line of its own."""
    text = text.strip("\n")
    if _BLANK_LINE.search(text):
        paragraphs = [line for block in _BLANK_LINE.split(text) for line in _joined_lines(block)]
    else:
        paragraphs = [line.strip() for line in text.split("\n")]
    return "\n".join(p for p in paragraphs if p)


#: A line that is a unit of its own, not prose wrapped onto the next: '| a | b |', '- item', '2. item', 'Q: …'.
_OWN_LINE = re.compile(r"\||(?:[-*•–]|\d{1,3}[.)])\s|[A-Z][A-Z.'’ -]{0,40}:\s|.*\t")


def _joined_lines(block: str) -> list[str]:
    lines: list[str] = []
    for line in (line.strip() for line in block.split("\n")):
        if not line:
            continue
        if lines and not _OWN_LINE.match(line) and not _OWN_LINE.match(lines[-1]):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def _article(shown: str, title: str, published: dt.date | None, body: str, *, given_id: str | None = None,
             **extra) -> Article:
    if not body.strip():
        raise SeedError(Problem(shown, "the article has a title but no text",
                                hint="put the article text below the title (and date) lines"))
    return Article(id=given_id or make_id(title, published), title=title, published=published, body=body,
                   path=shown, id_given=given_id is not None, **extra)


def _given_id(value) -> str | None:
    """The brief id a seed names itself (front matter ``id:``, a record's ``id``/``guid``), as a slug."""
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        return None
    return slugify(str(value))


def slugify(text: str, *, max_length: int = 72) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "untitled"


def make_id(title: str, published: dt.date | None) -> str:
    """``2019-08-14-harbour-towns-agree-...``: the publication date (when known) and the title."""
    slug = slugify(title)
    return f"{published.isoformat()}-{slug}" if published else slug
