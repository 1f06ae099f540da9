"""Set-up for every window test: imports into the library run in the test's process, without
analysis (no process pool, no spaCy), so opening a file does not start the language model."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def light_library_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.ui.window.library_home.IMPORT_OPTIONS", {"analysis": False, "workers": 0})
