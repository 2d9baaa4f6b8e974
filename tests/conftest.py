"""Shared test fixtures."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import briefing.engine  # noqa: F401  first: with BRIEFING_ENGINE=properdocs every later mkdocs import is ProperDocs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pakistan-russia-military-cooperation-2014.txt"


@pytest.fixture
def root() -> Path:
    return ROOT


# Hypothesis profiles, chosen with BRIEFING_HYPOTHESIS_PROFILE: a few cases per test in the normal suite,
# 2,000 per test in `make fuzz` (10,000 seeds over the five seed tests). Tests that set their own settings (tests/test_properties.py) keep them.
_SLOW_INPUT = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("default", max_examples=15, deadline=None, database=None, derandomize=True,
                          suppress_health_check=_SLOW_INPUT)
settings.register_profile("fuzz", max_examples=2_000, deadline=None, suppress_health_check=_SLOW_INPUT)
settings.load_profile(os.environ.get("BRIEFING_HYPOTHESIS_PROFILE", "default"))
