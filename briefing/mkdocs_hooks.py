"""MkDocs hooks (``hooks:`` in mkdocs.yml).

Live preview: when ``build_briefs.py serve`` set ``BRIEFING_SEEDS``, every (re)build first extracts
the seeds again and updates the generated pages that changed, so editing a seed or a template
reloads the browser with the new brief.

Confinement: a file of docs/ that is a link to something outside docs/ (``ln -s /etc/passwd
docs/passwd.txt``) is left out of the site, for ``build`` and ``serve`` alike, with a warning.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from briefing import site


def on_pre_build(config: MkDocsConfig) -> None:
    seeds = os.environ.get(site.SEEDS_ENV)
    if seeds:
        cache, corrections = os.environ.get(site.CACHE_ENV), os.environ.get(site.CORRECTIONS_ENV)
        site.refresh_docs(config, Path(seeds), ner=os.environ.get(site.NER_ENV, "builtin"),
                          cache_dir=Path(cache) if cache else None,
                          corrections_dir=Path(corrections) if corrections else None)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir).resolve()
    for file in list(files):
        if file.abs_src_path is None or file.src_dir is None or Path(file.src_dir).resolve() != docs_dir:
            continue  # generated, or a file of the theme
        target = Path(file.abs_src_path).resolve()
        if not target.is_relative_to(docs_dir):
            site.log.warning(f"{Path(config.docs_dir).name}/{file.src_uri}: is a link to {target}, outside the docs "
                             "folder; it is not published (copy the file into the docs folder instead)")
            files.remove(file)
    return files
