"""Highlights made in a tab are kept in the library and come back when the article opens again."""

from __future__ import annotations

from pathlib import Path

from library_window import WAIT_MS, RecordingAnalysis, make_window, store, write_story
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.ui.reading.article_tab import ArticleTab


def open_stored(qtbot: QtBot, library_path: Path, tmp_path: Path) -> tuple[object, str, ArticleTab]:
    ident = store(library_path, write_story(tmp_path, "one.txt", 3, "Harbour news"))
    window = make_window(qtbot)
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        window.library_home.open_article(ident)
    item = window.current_article()
    assert item is not None and isinstance(item.tab, ArticleTab)
    return window, ident, item.tab


def test_a_highlight_made_in_the_tab_is_stored_and_shown(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                         library_file: Path, tmp_path: Path) -> None:
    window, ident, tab = open_stored(qtbot, library_file, tmp_path)
    assert tab.article is not None
    start = tab.article.text.index("Paragraph 1")
    tab.highlight_requested.emit(start, start + len("Paragraph 1"), "green", "first note")
    qtbot.waitUntil(lambda: len(tab.highlights) == 1, timeout=WAIT_MS)
    shown = tab.highlights[0]
    assert (shown.exact, shown.color, shown.note) == ("Paragraph 1", "green", "first note")
    with Library.open(library_file) as library:
        assert [h.exact for h in library.highlights(ident)] == ["Paragraph 1"]
    tab.highlight_edit_requested.emit(shown.id, None, "blue")
    qtbot.waitUntil(lambda: tab.highlights and tab.highlights[0].color == "blue", timeout=WAIT_MS)
    tab.highlight_delete_requested.emit(shown.id)
    qtbot.waitUntil(lambda: not tab.highlights, timeout=WAIT_MS)


def test_stored_highlights_come_back_with_the_article(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                      library_file: Path, tmp_path: Path) -> None:
    ident = store(library_file, write_story(tmp_path, "two.txt", 3, "Harbour news"))
    with Library.open(library_file) as library:
        library.highlight_quote(ident, "Paragraph 2", note="kept")
    window = make_window(qtbot)
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        window.library_home.open_article(ident)
    item = window.current_article()
    assert item is not None and isinstance(item.tab, ArticleTab)
    tab = item.tab
    qtbot.waitUntil(lambda: len(tab.highlights) == 1, timeout=WAIT_MS)
    assert tab.article is not None
    first = tab.highlights[0]
    assert tab.article.text[first.start:first.end] == "Paragraph 2" and first.note == "kept"
    assert tab.side_panel.notes_tab.list.count() == 1
