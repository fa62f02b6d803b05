"""Shared test setup: one private marsad home per test session (built gazetteer cached
there once), and the location of the shared development data, if present."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def pytest_configure(config):
    # Before any test imports marsad: never touch the user's real data directory.
    if "MARSAD_HOME" not in os.environ:
        home = Path(config.rootpath) / ".pytest-marsad-home"
        home.mkdir(exist_ok=True)
        os.environ["MARSAD_HOME"] = str(home)


needs_shared_data = pytest.mark.skipif(not SHARED_DATA.exists(),
                                       reason=f"shared development data not found at {SHARED_DATA}")
