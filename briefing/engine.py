"""The site engine: MkDocs 1.6 (the default) or ProperDocs 1.6, its drop-in fork (``BRIEFING_ENGINE=properdocs``).

ProperDocs keeps MkDocs' API and, once ``properdocs.replacement`` is imported, answers every
``import mkdocs.*`` (Material's plugins' too) with its own modules. Everything of the engine that
briefing uses comes from here, so this module is imported before anything else imports MkDocs.
"""
from __future__ import annotations

import os

ENGINE_ENV = "BRIEFING_ENGINE"
ENGINES = ("mkdocs", "properdocs")

NAME = os.environ.get(ENGINE_ENV) or "mkdocs"
if NAME not in ENGINES:
    raise SystemExit(f"{ENGINE_ENV}={NAME}: unknown site engine (use one of {', '.join(ENGINES)})")
if NAME == "properdocs":
    import properdocs.replacement  # noqa: F401  (from here on, mkdocs.* is properdocs.*)

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.commands.gh_deploy import gh_deploy  # noqa: E402
from mkdocs.commands.serve import serve  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig as Config  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.exceptions import MkDocsException as EngineError  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, set_exclusions  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

__all__ = ["Abort", "CombinedEvent", "Config", "EngineError", "File", "Files", "Page", "PluginError", "build",
           "event_priority", "gh_deploy", "load_config", "serve", "set_exclusions"]
