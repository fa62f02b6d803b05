"""Where marsad keeps user data: imported gazetteers, caches, databases.

MARSAD_HOME overrides the platform's user data directory (tests point it at a tmp dir).
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    home = os.environ.get("MARSAD_HOME")
    path = Path(home) if home else Path(platformdirs.user_data_dir("marsad", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    path = data_dir() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path
