"""The raw HTML blocks of a generated page are set aside while Markdown runs: the page's HTML is the same."""
from __future__ import annotations

import markdown
import pytest

from briefing import changes, raw_blocks, site
from test_render import golden_brief
from test_site import evil_brief, make_briefs, make_project


def convert(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": True}}
                             ).convert(text)


@pytest.mark.parametrize(("text", "set_aside"), [
    # blocks Markdown passes through unchanged: taken out
    ('<div class="a">\n<p>Ana Vell said <mark>so</mark>.</p>\n</div>\n', ['<div class="a">\n<p>Ana Vell said '
                                                                          '<mark>so</mark>.</p>\n</div>\n']),
    ("## Actors\n\n<div>\n<table>\n<tr><td>Ana</td></tr>\n</table>\n</div>\n\n## Quotes\n\n<p>none</p>\n",
     ["<div>\n<table>\n<tr><td>Ana</td></tr>\n</table>\n</div>", "<p>none</p>\n"]),
    ("<div>\n<dl><dt>Role</dt></dl>\n\n</div>\n\n## Next\n", ["<div>\n<dl><dt>Role</dt></dl>\n\n</div>"]),
    ("<p>a</p>\n<div>b <input type=\"checkbox\"> <br/></div>\n\n## x\n", ["<p>a</p>\n<div>b <input "
                                                                         "type=\"checkbox\"> <br/></div>"]),
    ("<hr>\n\ntext\n", ["<hr>"]),
    # left to Markdown
    ('<a href="x">Ana</a> said so.\n', []),  # an inline element: a paragraph
    ("<p>a</p> and *more*\n", []),  # text after the block's end
    ("<p>a</p><div>b</div>\n\n## x\n", []),  # a second element after one that ends within the line
    ("<div>\n<p>open\n\n## x\n", []),  # never closed
    ("</div>\n<div>\n", []),  # closed before opened
    ("<div>a</div>\nand text\n", []),  # a line of text outside any element
    ("  <div>a</div>\n", []),  # not at the first column
    ("<div\nclass='a'>x</div>\n", []),  # a start tag over two lines
    ("## Heading {#own}\n\nPlain *Markdown* text.\n", []),
    ("\n\n", []),
])
def test_a_block_is_set_aside_only_when_markdown_would_pass_it_through(text, set_aside):
    kept, blocks = raw_blocks.set_aside(text)
    assert list(blocks.values()) == set_aside
    assert all(placeholder in kept for placeholder in blocks)
    assert raw_blocks.put_back(convert(kept), blocks) == convert(text)


def test_placeholders_differ_from_call_to_call_and_from_any_text():
    first, second = raw_blocks.set_aside("<p>a</p>\n")[1], raw_blocks.set_aside("<p>a</p>\n")[1]
    assert first.keys().isdisjoint(second.keys())
    assert all(placeholder.isalnum() for placeholder in first)


def test_a_lost_placeholder_is_an_error_not_a_page_without_its_block():
    kept, blocks = raw_blocks.set_aside("<div>a</div>\n")
    with pytest.raises(ValueError, match="changed the paragraph"):
        raw_blocks.put_back("<p>something else</p>", blocks)


def test_anchor_ids_of_the_blocks_are_known_to_mkdocs():
    assert raw_blocks.anchor_ids(['<tr id="item-actor-3"><td id=\'s2\'>x</td></tr>', '<p id="a&amp;b">y</p>']) \
        == {"item-actor-3", "s2", "a&b"}


def test_the_site_is_the_same_as_when_markdown_parses_every_block(tmp_path, monkeypatch):
    """Every kind of generated page (briefs with hostile text, actors, lists, feeds, tags), built with the blocks
    set aside and with Markdown parsing them all, is the same byte for byte."""
    briefs = [golden_brief(), evil_brief(), *make_briefs(12)]
    monkeypatch.setattr(changes, "now", lambda: "2026-01-02T03:04:05+00:00")  # the feeds' time of the build

    def build(root):
        site.publish(briefs, config_file=make_project(root))
        return {p.relative_to(root / "site").as_posix(): p.read_bytes() for p in sorted((root / "site").rglob("*"))
                if p.is_file() and not p.name.startswith(".")}
    taken_out, set_aside = [], raw_blocks.set_aside

    def counting(text):
        kept, blocks = set_aside(text)
        taken_out.append(len(blocks))
        return kept, blocks
    monkeypatch.setattr(raw_blocks, "set_aside", counting)
    fast = build(tmp_path / "fast")
    assert sum(taken_out) > 3 * len(taken_out)  # most of every page
    monkeypatch.setattr(raw_blocks, "set_aside", lambda text: (text, {}))
    slow = build(tmp_path / "slow")
    assert sorted(fast) == sorted(slow)
    assert [name for name in fast if fast[name] != slow[name]] == []
