"""Bounded parsing of seeds: YAML front matter and JSON feeds read with limits.

A seed is untrusted input. Each limit below keeps memory and time bounded whatever a seed
holds (an alias bomb, nesting a million deep, a number of a million digits, a feed of a
million records); breaking one raises :class:`LimitError` with a message that says which
limit and how to fix the seed, and the loader turns it into that seed's (or record's) error.
"""
from __future__ import annotations

import json
import re

import yaml

#: The largest seed file read, in bytes: an article of 5 MB extracts in about a minute and 430 MB.
MAX_SEED_BYTES = 6_000_000
#: The largest front matter, in characters.
MAX_FRONT_MATTER_CHARS = 64_000
#: Nesting of lists and mappings in front matter, and of arrays and objects in a JSON feed.
MAX_NESTING = 32
#: What YAML front matter may grow to once its aliases (``*name``) are expanded, in values and characters.
MAX_EXPANDED_SIZE = 200_000
#: Keys in one front-matter mapping or one feed record.
MAX_KEYS = 200
#: Characters in one front-matter value before it is typed.
MAX_VALUE_CHARS = 50_000
#: Characters in a title, outlet, author or url.
MAX_FIELD_CHARS = 1_000
#: Tags kept per article; characters in one tag.
MAX_TAGS, MAX_TAG_CHARS = 100, 100
#: Digits in one number (YAML or JSON).
MAX_NUMBER_DIGITS = 40
#: Records read from one feed file.
MAX_FEED_RECORDS = 10_000

# A string (to its end when it is not closed, so a scan never restarts inside one) or a bracket.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.S)
_SURROGATE = re.compile("[\ud800-\udfff]")


class LimitError(ValueError):
    """Input that breaks one of the limits; ``line`` is the 1-based line (of the parsed text) when known."""

    def __init__(self, message: str, hint: str, line: int | None = None):
        super().__init__(message)
        self.message, self.hint, self.line = message, hint, line


class BoundedSafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader with bounded nesting, keys, value length, number digits and alias expansion.

    Alias bombs ("billion laughs") are caught while composing: each node's size counts the
    expanded size of the nodes it holds, aliases included, so the growth is stopped before
    anything is built. Impossible timestamps (month 13, year 0) stay text, so the date
    reader can say what is wrong with them.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent, index):
        line = self.peek_event().start_mark.line + 1
        self._depth += 1
        if self._depth > MAX_NESTING:
            raise LimitError(f"the front matter is nested more than {MAX_NESTING} levels deep",
                             "front matter holds plain 'key: value' fields", line)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        size = self._sizes.get(id(node))
        if size is None:
            size = self._measure(node, line)
            self._sizes[id(node)] = size
        return node

    def _measure(self, node, line: int) -> int:
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_VALUE_CHARS:
                raise LimitError(f"a front-matter value is {len(node.value):,} characters long, more than "
                                 f"{MAX_VALUE_CHARS:,}", "put the article text below the front matter", line)
            if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") \
                    and sum(c.isdigit() for c in node.value) > MAX_NUMBER_DIGITS:
                raise LimitError(f"a number in the front matter has more than {MAX_NUMBER_DIGITS} digits",
                                 "write it in quotes if it is meant as text", line)
            return 1 + len(node.value)
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        if isinstance(node, yaml.MappingNode) and len(node.value) > MAX_KEYS:
            raise LimitError(f"a front-matter mapping has {len(node.value):,} keys, more than {MAX_KEYS}",
                             "front matter holds a few fields: title, date, outlet, url, author, tags", line)
        size = 1 + sum(self._sizes.get(id(child), 1) for child in children)
        if size > MAX_EXPANDED_SIZE:
            raise LimitError(f"the front matter expands to more than {MAX_EXPANDED_SIZE:,} values and characters "
                             "(aliases such as *name repeat what they name)",
                             "write the fields out without anchors (&name) and aliases (*name)", line)
        return size

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value


BoundedSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", BoundedSafeLoader.construct_yaml_timestamp)


def load_front_matter(text: str):
    """The YAML front matter ``text`` as Python values, within the limits.

    Raises:
        LimitError: a limit is broken.
        yaml.YAMLError: the text is not YAML.
    """
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise LimitError(f"the front matter is {len(text):,} characters long, more than {MAX_FRONT_MATTER_CHARS:,}",
                         "put the article text below the closing '---'", 1)
    loader = BoundedSafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_json(text: str):
    """JSON ``text`` as Python values, with bounded nesting and number digits.

    Raises:
        LimitError: a limit is broken (checked before parsing, so deep nesting never recurses).
        json.JSONDecodeError: the text is not JSON.
    """
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise LimitError(f"the JSON is nested more than {MAX_NESTING} levels deep",
                                 "a record holds plain fields: title, date, body, ...",
                                 text.count("\n", 0, match.start()) + 1)
        elif token in "]}":
            depth -= 1
    return json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float)


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise LimitError(f"a number has {len(digits):,} digits, more than {MAX_NUMBER_DIGITS}",
                         "write it in quotes if it is meant as text")
    return int(digits)


def _bounded_float(text: str) -> float:
    if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS:
        raise LimitError(f"a number has more than {MAX_NUMBER_DIGITS} digits", "write it in quotes if it is meant as text")
    return float(text)


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (``\\ud800``, which no UTF-8 file can hold) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)
