"""Hypothesis profiles for the fuzz tests: a fixed quick run by default, KHO_FUZZ=long for thousands of cases."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
# Derandomised: CI runs the same cases every time, so a red build is a change, not a lucky draw.
settings.register_profile("default", max_examples=120, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_QUIET)
# Random, and failures are kept in .hypothesis/ to be replayed and turned into REGRESSIONS rows.
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("long" if os.environ.get("KHO_FUZZ") == "long" else "default")
# Properties that build a whole site per case (tests/test_site_fuzz.py): a few builds by default.
SITE_BUILDS = 200 if os.environ.get("KHO_FUZZ") == "long" else 6
