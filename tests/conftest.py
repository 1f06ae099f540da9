"""Shared test set-up: Qt offscreen, user folders in temporary directories, corpus paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# An empty QT_QPA_PLATFORM with no display aborts with a misleading xcb message.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from corpus_paths import FIXTURES, ROOT, SEED, SHARED  # noqa: F401 (fixtures below and older imports)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder (config, data, cache, state) at a fresh temporary directory."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"),
                     ("XDG_RUNTIME_DIR", "runtime")):
        folder = home / sub
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(var, str(folder))
    return home


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the shared corpus is not beside this checkout")
    return SEED
