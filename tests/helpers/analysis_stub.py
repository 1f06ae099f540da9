"""The analysis service on one thread of the test's own process, for UI tests."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from reader.core.model import Analysis, Article
from reader.ui import tasks


def analyse_in_a_thread(monkeypatch: pytest.MonkeyPatch, analyze: Callable[[Article], Analysis]) -> None:
    """The service runs ``analyze`` on one thread instead of a child process loading spaCy, and
    counts itself warmed up: the tests stay fast and see what it was asked."""
    monkeypatch.setattr(tasks, "make_analysis_executor", lambda: ThreadPoolExecutor(max_workers=1))
    monkeypatch.setattr(tasks, "analyze_in_process", analyze)
    monkeypatch.setattr(tasks, "warm_up", lambda: True)
