"""The raw HTML blocks of a generated page, set aside while MkDocs converts its Markdown and put back after.

The pages Briefing renders are mostly HTML: blocks such as ``<div class="brief-actors">…</div>`` between
Markdown headings. Python-Markdown passes a raw HTML block through unchanged, but finds where it ends by
feeding the whole page to Python's HTML parser, and MkDocs feeds it again to find its anchors: two thirds of
the time of converting a page. The hook (briefing/mkdocs_hooks.py) takes out, before the conversion, each block
that Markdown would pass through unchanged, leaving a placeholder paragraph, and puts it back into the HTML
after; Markdown converts the rest (headings, their anchors and the table of contents) as before.

A block is taken out only when Markdown is sure to pass it through as it is: it follows a blank line (or starts
the page), every line that starts outside an element starts with the opening tag of a block-level element at
its first column, every element opened is closed (void elements aside) and the block ends outside any element,
at the end of a line before a blank line or the end of the page. Anything else is left to Markdown.
"""
from __future__ import annotations

import html
import re
import secrets
from collections.abc import Iterable

from markdown.util import BLOCK_LEVEL_ELEMENTS

_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
#: Elements with no end tag (the HTML standard's void elements).
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
#: A start or end tag; an attribute value holds no ``<`` or ``>`` (the templates escape every value).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>")
_BLOCK_START = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[\s>/]")
_BLANK = re.compile(r"\n(?:[ \t]*\n)+")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


def set_aside(markdown: str) -> tuple[str, dict[str, str]]:
    """``markdown`` with each raw HTML block Markdown would pass through unchanged replaced by a placeholder
    paragraph, and the blocks by placeholder (for :func:`put_back`)."""
    token = f"BRIEFINGRAW{secrets.token_hex(8)}N"  # letters and digits: no Markdown extension changes them
    chunks = _BLANK.split(markdown)
    separators = _BLANK.findall(markdown)  # separators[i] is between chunks[i] and chunks[i + 1]
    out: list[str] = []
    blocks: dict[str, str] = {}
    start = 0
    while start < len(chunks):
        if start:
            out.append(separators[start - 1])
        end = _block_end(chunks, start)
        if end is None:
            out.append(chunks[start])
            start += 1
            continue
        placeholder = f"{token}{len(blocks)}"
        blocks[placeholder] = "".join(chunks[index] + separators[index] for index in range(start, end - 1)) \
            + chunks[end - 1]
        out.append(placeholder)
        start = end
    return "".join(out), blocks


def _block_end(chunks: list[str], start: int) -> int | None:
    """The index after the last chunk of the raw block that starts at ``chunks[start]``, or None when none does."""
    depth, opened = 0, False
    for index in range(start, len(chunks)):
        chunk = chunks[index]
        for line in chunk.split("\n"):
            if depth == 0 and not line.strip():
                continue  # the end of the page
            if depth == 0:
                opening = _BLOCK_START.match(line)
                if opening is None or opening.group(1).lower() not in _BLOCK_TAGS:
                    return None
                opened = True
            position = 0
            for tag in _TAG.finditer(line):
                if depth == 0 and tag.start() != 0:
                    return None  # an element or text after an element that ends within the line
                name = tag.group(2).lower()
                if name in _VOID or tag.group(0).endswith("/>"):
                    pass
                elif tag.group(1):
                    depth -= 1
                    if depth < 0:
                        return None
                else:
                    depth += 1
                position = tag.end()
            if depth == 0 and line[position:].strip():
                return None  # text after the block's last end tag
        if depth == 0:
            return index + 1 if opened else None
    return None


def put_back(content: str, blocks: dict[str, str]) -> str:
    """The HTML Markdown made of the text :func:`set_aside` gave, with each block in place of its paragraph, as
    Markdown writes a raw block (followed by a line break, the whole stripped at its ends)."""
    for placeholder, block in blocks.items():
        paragraph = f"<p>{placeholder}</p>"
        if paragraph not in content:
            raise ValueError(f"a Markdown extension changed the paragraph {placeholder!r} that stands for a block "
                             "of the page's HTML")
        content = content.replace(paragraph, block + "\n", 1)
    return content.strip()


def anchor_ids(blocks: Iterable[str]) -> set[str]:
    """The ids of the elements of ``blocks``, as MkDocs collects them from raw HTML (to check links to anchors)."""
    return {html.unescape(match.group(1) if match.group(1) is not None else match.group(2))
            for block in blocks for match in _ID.finditer(block)}
