"""Rendering briefs to site pages (Markdown files for MkDocs) through the Jinja templates."""
from __future__ import annotations
