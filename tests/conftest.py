"""Shared test fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pakistan-russia-military-cooperation-2014.txt"


@pytest.fixture
def root() -> Path:
    return ROOT
