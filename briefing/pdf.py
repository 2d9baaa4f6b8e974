"""Print: a PDF per brief and the briefing book, made with WeasyPrint from templates/print/."""
from __future__ import annotations

import argparse


def add_pdf_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``pdf`` command besides the extraction options."""


def run_pdf(args: argparse.Namespace) -> int:
    raise NotImplementedError("pdf is not written yet")
