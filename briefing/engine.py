"""The site engine: MkDocs 1.6 (the default) or ProperDocs 1.6, its drop-in fork (``BRIEFING_ENGINE=properdocs``).

Both have the same API under their own package name (ProperDocs renamed ``MkDocsConfig`` and
``MkDocsException``); everything of the engine that briefing uses comes from here, so the same code
and tests run on either. Material's plugins import ``mkdocs`` themselves, so MkDocs stays installed.
"""
from __future__ import annotations

import importlib
import os

ENGINE_ENV = "BRIEFING_ENGINE"
ENGINES = ("mkdocs", "properdocs")

NAME = os.environ.get(ENGINE_ENV) or "mkdocs"
if NAME not in ENGINES:
    raise SystemExit(f"{ENGINE_ENV}={NAME}: unknown site engine (use one of {', '.join(ENGINES)})")


def _module(name: str):
    return importlib.import_module(f"{NAME}.{name}")


_exceptions = _module("exceptions")
Abort = _exceptions.Abort
#: The engine's base exception (MkDocsException, or ProperDocsException).
EngineError = _exceptions.MkDocsException if NAME == "mkdocs" else _exceptions.ProperDocsException
Config = _module("config.defaults").MkDocsConfig if NAME == "mkdocs" else _module("config.defaults").ProperDocsConfig
load_config = _module("config").load_config
build = _module("commands.build").build
serve = _module("commands.serve").serve
gh_deploy = _module("commands.gh_deploy").gh_deploy
File, Files = _module("structure.files").File, _module("structure.files").Files
