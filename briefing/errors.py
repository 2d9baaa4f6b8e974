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
    """

    path: str
    message: str
    line: int | None = None
    record: int | None = None
    hint: str | None = None
    severity: str = "error"

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
    """A seed that cannot become a brief."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
