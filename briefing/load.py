"""Loading seeds: files in ``seeds/`` become :class:`~briefing.model.Article` objects.

Plain text: line 1 the title, line 2 the publication date (optional), then the body, one
paragraph per line or paragraphs separated by blank lines. Markdown: YAML front matter
(title, date, outlet, url, author, tags) then the body.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import Problem, SeedError
from .model import Article
from .pubdate import looks_like_date, parse_date

SEED_SUFFIXES = (".txt", ".md", ".markdown")
DATE_HINT = "write it like 21 Nov 2014, 2014-11-21 or November 21, 2014"


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def seed_files(seeds_dir: Path) -> list[Path]:
    """The seed files of a folder, in name order (hidden files and other suffixes skipped)."""
    return sorted(
        p for p in seeds_dir.rglob("*")
        if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not any(part.startswith(".") for part in p.relative_to(seeds_dir).parts)
    )


def load_seeds(seeds_dir: Path, *, display_root: Path | None = None) -> LoadResult:
    """Load every seed of ``seeds_dir``; a seed that fails is reported, the others still load."""
    result = LoadResult()
    ids: dict[str, str] = {}
    for path in seed_files(seeds_dir):
        shown = _shown(path, display_root)
        try:
            articles, problems = load_seed(path, shown=shown)
        except SeedError as err:
            result.problems.append(err.problem)
            continue
        result.problems.extend(problems)
        for article in articles:
            unique = _unique_id(article.id, ids)
            if unique != article.id:
                result.problems.append(Problem(
                    shown, f"brief id '{article.id}' is already used by {ids[article.id]}; this one is '{unique}'",
                    severity="warning", hint="give the articles different titles or dates if they differ"))
                article = replace(article, id=unique)
            ids[article.id] = shown
            result.articles.append(article)
    return result


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)


def _unique_id(wanted: str, taken: dict[str, str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate = f"{wanted}-{n}"
        n += 1
    return candidate


def read_text(path: Path, *, shown: str) -> tuple[str, list[Problem]]:
    """Read a seed's bytes as text: UTF-8 (with or without BOM), else cp1252 with a warning."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SeedError(Problem(shown, f"cannot read the file: {err.strerror}", hint="check that it exists and is readable"))
    if not data.strip():
        raise SeedError(Problem(shown, "the file is empty", hint="put the title on line 1 and the article text below it"))
    if b"\x00" in data[:8192]:
        raise SeedError(Problem(shown, "this is a binary file, not an article",
                                hint="save the article as plain text (.txt) or Markdown (.md)"))
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


def load_seed(path: Path, *, shown: str | None = None) -> tuple[list[Article], list[Problem]]:
    """Load one seed file.

    Args:
        path: the seed file.
        shown: how messages name the file (defaults to ``path``).

    Returns:
        The articles it holds and the non-fatal problems found.

    Raises:
        SeedError: when the file cannot become a brief.
    """
    shown = shown or str(path)
    text, problems = read_text(path, shown=shown)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if path.suffix.lower() in (".md", ".markdown"):
        article, more = _load_markdown(text, shown)
    else:
        article, more = _load_plain(text, shown)
    return [article], problems + more


def _load_plain(text: str, shown: str) -> tuple[Article, list[Problem]]:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title = lines[first].strip()
    rest = lines[first + 1:]
    problems: list[Problem] = []
    published = None
    second = next((i for i, line in enumerate(rest) if line.strip()), None)
    if second is not None:
        candidate = rest[second].strip()
        line_no = first + second + 2
        published = parse_date(candidate)
        if published is not None:
            rest = rest[second + 1:]
        elif looks_like_date(candidate):
            problems.append(Problem(shown, f"cannot read the date {candidate!r}; the brief is built as undated",
                                    line=line_no, hint=DATE_HINT))
            rest = rest[second + 1:]
    body = normalise_body("\n".join(rest))
    return _article(shown, title, published, body), problems


def _load_markdown(text: str, shown: str) -> tuple[Article, list[Problem]]:
    meta: dict = {}
    problems: list[Problem] = []
    front = ""
    m = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            raise SeedError(Problem(shown, f"the front matter is not valid YAML: {getattr(err, 'problem', err)}",
                                    line=mark.line + 2 if mark else None,
                                    hint="fix the YAML between the two '---' lines"))
        if loaded is not None and not isinstance(loaded, dict):
            raise SeedError(Problem(shown, "the front matter must be 'key: value' lines", line=2,
                                    hint="write title:, date:, outlet:, url: and tags: fields"))
        meta = loaded or {}
        front = m.group(1)
        text = text[m.end():]
    title = str(meta.get("title") or "").strip()
    if not title:
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        if heading:
            title = heading.group(1)
            text = text[: heading.start()] + text[heading.end():]
    if not title:
        raise SeedError(Problem(shown, "no title", line=1, hint="add 'title:' to the front matter or a '# Title' line"))
    published = None
    raw_date = meta.get("date") or meta.get("published")
    if isinstance(raw_date, dt.datetime):
        published = raw_date.date()
    elif isinstance(raw_date, dt.date):
        published = raw_date
    elif raw_date:
        published = parse_date(str(raw_date))
        if published is None:
            problems.append(Problem(shown, f"cannot read the date {str(raw_date)!r}; the brief is built as undated",
                                    line=_key_line(front, "date" if "date" in meta else "published"),
                                    hint=DATE_HINT))
    tags = meta.get("tags") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    article = _article(shown, title, published, normalise_body(text),
                       outlet=_text_or_none(meta.get("outlet") or meta.get("source")),
                       url=_text_or_none(meta.get("url")), author=_text_or_none(meta.get("author")),
                       tags=tuple(str(t) for t in tags if str(t).strip()))
    return article, problems


def _key_line(front_matter: str, key: str) -> int | None:
    """The file line of ``key:`` in the front matter (line 1 is the opening '---')."""
    m = re.search(rf"^{key}\s*:", front_matter, re.M)
    return front_matter[: m.start()].count("\n") + 2 if m else None


def _text_or_none(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def normalise_body(text: str) -> str:
    """One paragraph per line: blank-line separated blocks are joined, blanks dropped."""
    text = text.strip("\n")
    if re.search(r"\n[ \t]*\n", text):
        blocks = re.split(r"\n[ \t]*\n", text)
        paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip()) for block in blocks]
    else:
        paragraphs = [line.strip() for line in text.split("\n")]
    return "\n".join(p for p in paragraphs if p)


def _article(shown: str, title: str, published: dt.date | None, body: str, **extra) -> Article:
    if not body.strip():
        raise SeedError(Problem(shown, "the article has a title but no text",
                                hint="put the article text below the title (and date) lines"))
    return Article(id=make_id(title, published), title=title, published=published, body=body, path=shown, **extra)


def slugify(text: str, *, max_length: int = 72) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "untitled"


def make_id(title: str, published: dt.date | None) -> str:
    """``2014-11-21-pakistan-russia-sign-...``: the publication date (when known) and the title."""
    slug = slugify(title)
    return f"{published.isoformat()}-{slug}" if published else slug
