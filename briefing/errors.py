"""Errors and warnings about input, in the style of Jinja's TemplateSyntaxError:
what went wrong, where (file, line or record), the offending text, and how to fix it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a seed.

    ``severity`` is ``"error"`` (the run fails: exit status 1) or ``"warning"`` (reported;
    a failure only under ``--strict``). A :class:`SeedError` carries the error that stopped
    a seed's brief; other problems travel beside the brief that was still made.
    ``record`` is the index of a record in a feed (``.json``/``.jsonl``), counted from 0.
    """

    path: str
    message: str
    line: int | None = None
    record: int | None = None
    hint: str | None = None
    severity: str = "error"

    @classmethod
    def about(cls, source: str, message: str, **details) -> Problem:
        """A problem about the brief with ``source.path`` ``source`` (``file`` or ``file#N``)."""
        path, mark, record = source.rpartition("#")
        if mark and record.isdigit():
            return cls(path, message, record=int(record), **details)
        return cls(source, message, **details)

    @property
    def source(self) -> str:
        """The ``source.path`` of the brief this problem is about: ``path``, or ``path#N`` for a feed record."""
        return self.path if self.record is None else f"{self.path}#{self.record}"

    def concerns(self, source_path: str) -> bool:
        """Whether this problem is about the brief whose ``source.path`` is ``source_path``.

        A problem with the whole file (no record) concerns every brief made from it.
        """
        if self.record is None:
            return source_path == self.path or source_path.startswith(self.path + "#")
        return source_path == self.source

    def __str__(self) -> str:
        where = self.path
        if self.record is not None:
            where += f": record {self.record}"
        if self.line is not None:
            where += f": line {self.line}"
        label = "" if self.severity == "error" else "warning: "
        text = f"{where}: {label}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class SeedError(Exception):
    """A seed (or one record of a feed) that cannot become a brief."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
