"""MkDocs hooks (``hooks:`` in mkdocs.yml).

Live preview: when ``build_briefs.py serve`` set ``BRIEFING_SEEDS``, every (re)build first extracts
the seeds again and updates the generated pages that changed, so editing a seed or a template
reloads the browser with the new brief.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from briefing import site


def on_pre_build(config: MkDocsConfig) -> None:
    seeds = os.environ.get(site.SEEDS_ENV)
    if seeds:
        cache, corrections = os.environ.get(site.CACHE_ENV), os.environ.get(site.CORRECTIONS_ENV)
        site.refresh_docs(config, Path(seeds), ner=os.environ.get(site.NER_ENV, "builtin"),
                          cache_dir=Path(cache) if cache else None,
                          corrections_dir=Path(corrections) if corrections else None)
