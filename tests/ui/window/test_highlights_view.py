"""All highlights: a real small library listed, narrowed by article, colour, tag and text, and a
highlight activated opens its article at that highlight."""

from __future__ import annotations

from pathlib import Path

from library_window import WAIT_MS, RecordingAnalysis, make_window, store, write_story
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.ui.window.highlights_view import (
    COLUMNS,
    ORPHAN_MARK,
    HighlightQuery,
    HighlightsView,
    list_highlights,
)


def two_articles(library_path: Path, folder: Path) -> tuple[str, str]:
    first = store(library_path, write_story(folder, "one.txt", 4, "Harbour news"))
    second = store(library_path, write_story(folder, "two.txt", 3, "Ferry times"))
    with Library.open(library_path) as library:
        library.highlight_quote(first, "Paragraph 1", color="green", note="boats leave early")
        library.highlight_quote(first, "Paragraph 3", color="yellow")
        library.highlight_quote(second, "Paragraph 2", color="pink", note="ferry schedule")
        library.tag([second], ["ferries"])
    return first, second


def test_the_listing_narrows_by_article_colour_tag_and_text(library_file: Path, tmp_path: Path) -> None:
    first, second = two_articles(library_file, tmp_path)
    with Library.open(library_file) as library:
        every = list_highlights(library, HighlightQuery())
        assert len(every.rows) == 3
        assert sorted(title for _id, title in every.articles) == ["Harbour news", "two.txt"]
        assert "ferries" in every.tags
        by_article = list_highlights(library, HighlightQuery(article=first))
        assert {r.highlight.exact for r in by_article.rows} == {"Paragraph 1", "Paragraph 3"}
        assert {r.title for r in by_article.rows} == {"Harbour news"}
        assert [r.highlight.exact for r in list_highlights(library, HighlightQuery(color="pink")).rows] == [
            "Paragraph 2"]
        tagged = list_highlights(library, HighlightQuery(tag="ferries")).rows
        assert [r.highlight.article for r in tagged] == [second]
        noted = list_highlights(library, HighlightQuery(text="boats")).rows
        assert [r.highlight.note for r in noted] == ["boats leave early"]
        assert list_highlights(library, HighlightQuery(text="boats -early")).rows == []


def test_the_view_shows_rows_and_marks_orphans(qtbot: QtBot, library_file: Path, tmp_path: Path) -> None:
    first, _second = two_articles(library_file, tmp_path)
    with Library.open(library_file) as library:
        library.reanchor_highlights(first, "A different text entirely.")
        listing = list_highlights(library, HighlightQuery())
    view = HighlightsView()
    qtbot.addWidget(view)
    view.show_listing(listing)
    rows = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    quotes = [row.text(COLUMNS.index("quote")) for row in rows if row is not None]
    assert f"{ORPHAN_MARK} Paragraph 1" in quotes and "Paragraph 2" in quotes
    assert view.count.text() == "3 highlights"
    assert view.article.count() == 3 and view.tag.findData("ferries") > 0
    with qtbot.waitSignal(view.query_changed, timeout=WAIT_MS) as asked:
        view.colour.setCurrentIndex(view.colour.findData("pink"))
        view.colour.activated.emit(view.colour.currentIndex())
    assert asked.args == [HighlightQuery(color="pink")]
    orphan = next(row for row in rows if row is not None and row.text(0).startswith(ORPHAN_MARK))
    with qtbot.waitSignal(view.open_requested) as opened:
        view.tree.itemActivated.emit(orphan, 0)
    assert opened.args == [first, -1, -1]  # its article, where the reader left it


def test_all_highlights_from_the_menu_filters_and_opens_at_the_highlight(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path) -> None:
    _first, second = two_articles(library_file, tmp_path)
    window = make_window(qtbot)
    action = next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == "All Highlights")
    action.trigger()
    page = window.library_home._all_highlights
    assert page is not None and window.stack.currentWidget() is page.view
    view = page.view
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 3, timeout=WAIT_MS)
    view.text.setText("ferry")
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 1, timeout=WAIT_MS)
    row = view.tree.topLevelItem(0)
    assert row is not None and row.text(COLUMNS.index("article")) == "two.txt"
    assert row.text(COLUMNS.index("note")) == "ferry schedule"
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        view.tree.itemActivated.emit(row, 0)
    opened = window.current_article()
    assert opened is not None and opened.title in ("Ferry times", "two.txt")
    assert window.library_home.library_id(opened.path) == second
    reading = opened.tab.reading_view

    def at_the_highlight() -> bool:  # the caret there, nothing selected: the highlight's colour shows
        cursor = reading.textCursor()
        text = reading.document().toPlainText()
        return not cursor.hasSelection() and text[cursor.position():].startswith("Paragraph 2")

    qtbot.waitUntil(at_the_highlight, timeout=WAIT_MS)
    view.back.click()
    assert window.library_home.is_shown()
