"""Where Sift keeps the user's files: platformdirs folders, created on first use.

Settings go in the config folder, remembered corrections in the data folder, window state
(recent files, geometry, reading positions) in the state folder, throw-away results in the cache.
The folders are looked up on every call so tests (and users) can point XDG variables elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

# Lower case on Linux by the XDG convention; platformdirs adds the right casing elsewhere.
APP_DIR_NAME = "sift"


def config_dir() -> Path:
    return ensure_dir(platformdirs.user_config_path(APP_DIR_NAME, appauthor=False))


def data_dir() -> Path:
    return ensure_dir(platformdirs.user_data_path(APP_DIR_NAME, appauthor=False))


def state_dir() -> Path:
    return ensure_dir(platformdirs.user_state_path(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    return ensure_dir(platformdirs.user_cache_path(APP_DIR_NAME, appauthor=False))


def ensure_dir(path: Path) -> Path:
    """The folder, created (private to the user) when missing."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
