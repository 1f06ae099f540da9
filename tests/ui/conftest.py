"""Set-up for the UI tests: imports into the library run in the test's process, without analysis
(no process pool, no spaCy), so opening a file does not start the language model; and ``tab``, an
article tab showing the sample article and its analysis."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sample_articles import shown_tab

from reader.ui.reading.article_tab import ArticleTab


@pytest.fixture(autouse=True)
def light_library_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.ui.window.library_home.IMPORT_OPTIONS", {"analysis": False, "workers": 0})


@pytest.fixture
def tab(qtbot: QtBot) -> ArticleTab:
    shown = shown_tab(qtbot)
    assert isinstance(shown, ArticleTab)
    return shown
