"""MkDocs hooks (``hooks:`` in mkdocs.yml).

- Live preview: when ``build_briefs.py serve`` set ``BRIEFING_SEEDS``, every (re)build first extracts
  the seeds again and updates the generated pages that changed, so editing a seed or a template
  reloads the browser with the new brief.
- A stylesheet listed in ``extra_css`` but not (yet) in docs/ is left out instead of becoming a
  broken link (``stylesheets/print.css`` comes from the PDF work).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from briefing import site

log = logging.getLogger("mkdocs.briefing")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs_dir = Path(config.docs_dir)
    missing = [css for css in config.extra_css if "://" not in css and not (docs_dir / css).is_file()]
    for css in missing:
        log.info("briefing: %s is not in %s; not linked", css, docs_dir)
    config.extra_css = [css for css in config.extra_css if css not in missing]
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    seeds = os.environ.get(site.SEEDS_ENV)
    if seeds:
        cache = os.environ.get(site.CACHE_ENV)
        site.refresh_docs(config, Path(seeds), ner=os.environ.get(site.NER_ENV, "builtin"),
                          cache_dir=Path(cache) if cache else None)
