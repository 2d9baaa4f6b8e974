"""Publishing: render the briefs into docs/ and build the static site with MkDocs."""
from __future__ import annotations

import argparse


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``build`` command besides the extraction options."""


def run_build(args: argparse.Namespace) -> int:
    raise NotImplementedError("build is not written yet")


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the ``serve`` command besides the extraction options."""


def run_serve(args: argparse.Namespace) -> int:
    raise NotImplementedError("serve is not written yet")
