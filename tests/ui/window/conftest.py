"""Window test set-up: the analysis process stubbed by a recording thread, and a library file of
the test's own (helpers: tests/helpers/library_window.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_stub import analyse_in_a_thread
from library_window import RecordingAnalysis

from reader.ui.window import library_home


@pytest.fixture
def analysis_calls(monkeypatch: pytest.MonkeyPatch) -> RecordingAnalysis:
    stub = RecordingAnalysis()
    analyse_in_a_thread(monkeypatch, stub)
    monkeypatch.setattr(library_home, "PROGRESS_SAVE_MS", 50)
    return stub


@pytest.fixture
def library_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("SIFT_LIBRARY", str(path))
    return path
