"""Results kept in memory for the life of a process, for ``serve``, which rebuilds everything after each edit.

An edit changes one seed; everything made from the others is the very same object as at the previous rebuild
(the loaded article, the cached brief, the rated brief), so what was computed from such an object is taken
again rather than computed again. Objects are compared by identity, never by value (comparing two briefs costs
as much as most of what is kept), and each key holds one object, so memory stays bounded by the number of seeds.
"""
from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

Value = TypeVar("Value")
Result = TypeVar("Result")


class SameObject(Generic[Value, Result]):
    """``function(value)``, computed once for each object ``value`` that is given again under the same key."""

    def __init__(self, function: Callable[[Value], Result]) -> None:
        self.function = function
        self._known: dict[Hashable, tuple[Value, Result]] = {}

    def __call__(self, key: Hashable, value: Value) -> Result:
        known = self._known.get(key)
        if known is not None and known[0] is value:
            return known[1]
        result = self.function(value)
        self._known[key] = (value, result)
        return result
