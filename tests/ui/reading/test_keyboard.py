"""Keyboard-first reading: single-key scrolling, [ ] mentions, no caret unless F7, the ? overlay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot
from sample_articles import sample_article, shown_tab

from reader.ui.reading.article_tab import ENTITY_LAYER, ArticleTab
from reader.ui.reading.keyboard import (
    READING_KEYS,
    Shortcut,
    find_bar_shortcuts,
    panel_shortcuts,
    reading_shortcuts,
    shortcut_sections,
    shortcuts_from_actions,
)
from reader.ui.reading.reading_view import ReadingView
from reader.ui.reading.shortcuts_overlay import ShortcutsOverlay
from reader.ui.reading.theme import THEMES


@pytest.fixture
def view(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> ReadingView:
    monkeypatch.setenv("SIFT_REDUCE_MOTION", "1")  # jumps, so the tests need not wait for a glide
    widget = ReadingView()
    qtbot.addWidget(widget)
    widget.resize(600, 260)
    widget.show_article(sample_article())
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def scroll(view: ReadingView) -> int:
    return view.verticalScrollBar().value()


def test_j_k_space_and_shift_space_scroll(qtbot: QtBot, view: ReadingView) -> None:
    assert scroll(view) == 0
    qtbot.keyClick(view, Qt.Key.Key_J)
    line = scroll(view)
    assert line > 0
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert scroll(view) - line > view.viewport().height() // 2  # about a screen
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert scroll(view) == line
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert scroll(view) == 0
    assert not view.textCursor().hasSelection()


def test_plain_arrows_scroll_the_page_instead_of_moving_a_hidden_caret(qtbot: QtBot,
                                                                      view: ReadingView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert scroll(view) > 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert scroll(view) == view.verticalScrollBar().maximum()


def test_no_caret_is_drawn_until_caret_browsing_is_on(qtbot: QtBot, view: ReadingView) -> None:
    assert view.cursorWidth() == 0 and not view.caret_browsing
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert view.caret_browsing and view.cursorWidth() > 0
    position = view.textCursor().position()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.textCursor().position() == position + 1  # arrows move the caret now
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert view.cursorWidth() == 0


def test_shift_arrows_select_text_without_a_visible_caret(qtbot: QtBot, view: ReadingView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_J)
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    selected = view.textCursor().selectedText()
    assert len(selected) == 5 and view.cursorWidth() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(view.textCursor().selectedText()) > 5


def test_every_listed_reading_key_works(qtbot: QtBot, view: ReadingView,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The overlay's rows and the view's dispatch come from one table: each key reaches its method."""
    called: list[str] = []
    for name, _, _ in READING_KEYS:
        assert callable(getattr(ReadingView, name)), name
        monkeypatch.setattr(ReadingView, name,
                            lambda self, name=name: called.append(name))
    for _name, keys, _ in READING_KEYS:
        combination = QKeySequence(keys[0])[0]  # type: ignore[index]
        qtbot.keyClick(view, combination.key(), combination.keyboardModifiers())
    assert called == [name for name, _, _ in READING_KEYS]


def test_reading_keys_win_over_a_window_shortcut_with_the_same_key(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ReadingView(window)
    window.setCentralWidget(view)
    view.show_article(sample_article())
    stolen = QAction("Steal J", window)
    stolen.setShortcut(QKeySequence("J"))
    triggered: list[bool] = []
    stolen.triggered.connect(lambda: triggered.append(True))
    window.addAction(stolen)
    window.resize(500, 250)
    window.show()
    qtbot.waitExposed(window)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert not triggered and scroll(view) > 0


def test_brackets_step_through_the_selected_entitys_mentions(qtbot: QtBot) -> None:
    tab = shown_tab(qtbot, 1000, 400)
    assert isinstance(tab, ArticleTab)
    tab.side_panel.select_entity(0)
    tab.reading_view.setFocus()
    entities = tab.side_panel.entities_tab
    qtbot.keyClick(tab.reading_view, "]")
    assert entities.mention == 1
    qtbot.keyClick(tab.reading_view, "]")
    qtbot.keyClick(tab.reading_view, "[")
    assert entities.mention == 1
    spans = tab.reading_view.highlighted_text_spans(ENTITY_LAYER)
    assert len(spans) == 3


def test_shortcut_rows_read_the_actions_themselves(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    find = QAction("&Find…", window)
    find.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("/")])
    plain = QAction("No shortcut", window)
    rows = shortcuts_from_actions([find, plain])
    assert rows == [Shortcut("Find…", ("Ctrl+F", "/"), "Find")]  # Qt's tooltip drops the …
    assert rows[0].key_text().endswith("/")
    assert Shortcut("x", ("J",), "").key_text() == "j"
    assert Shortcut("x", ("Ctrl+Wheel",), "").key_text() == "Ctrl+Wheel"  # not a key: as written
    sections = dict(shortcut_sections([find, plain]))
    assert sections["Window"] == rows and sections["Reading"] == reading_shortcuts()


def test_the_overlay_lists_every_row_and_closes_with_escape(qtbot: QtBot) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.resize(1100, 700)
    host.show()
    qtbot.waitExposed(host)
    overlay = ShortcutsOverlay(host)
    sections = [("Reading", reading_shortcuts()), ("Find", find_bar_shortcuts()),
                ("Side panel", panel_shortcuts())]
    overlay.show_sections(sections, THEMES["dark"])
    assert overlay.isVisible() and overlay.geometry() == host.rect()
    expected = sum(len(rows) for _, rows in sections)
    assert len(overlay.key_labels) == expected
    texts = {label.text() for label in overlay.findChildren(QLabel)}
    for _, rows in sections:
        for row in rows:
            assert row.description in texts and row.key_text() in texts
    assert all(label.accessibleName() for label in overlay.key_labels)
    host.resize(900, 600)
    assert overlay.geometry() == host.rect()
    with qtbot.waitSignal(overlay.closed):
        qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    overlay.toggle(sections)
    assert overlay.isVisible()
    overlay.toggle(sections)
    assert not overlay.isVisible()


def test_escape_in_the_article_closes_the_find_bar_then_caret_browsing_then_lets_go(qtbot: QtBot) -> None:
    tab = ArticleTab()
    qtbot.addWidget(tab)
    tab.show_article(sample_article())
    tab.show()
    qtbot.waitExposed(tab)
    tab.open_find()
    tab.reading_view.set_caret_browsing(True)
    assert tab.dismiss() and tab.find_bar.isHidden() and tab.reading_view.caret_browsing
    assert tab.dismiss() and not tab.reading_view.caret_browsing
    assert not tab.dismiss()  # nothing left open: the window goes back to the library


def test_sections_flow_into_columns_of_about_equal_length() -> None:
    from reader.ui.reading.shortcuts_overlay import MIN_SPLIT_ROWS, balanced_columns

    rows = reading_shortcuts()
    long, short = ("Window", rows * 3), ("Find", rows[:2])
    flowed = balanced_columns([long, short], 2)
    assert len(flowed) == 2
    lengths = [sum(len(r) + 1 for _, r in column) for column in flowed]
    assert abs(lengths[0] - lengths[1]) <= MIN_SPLIT_ROWS + 1
    assert [title for column in flowed for title, _ in column] == ["Window", "Window (continued)", "Find"]
    assert [row for column in flowed for _, r in column for row in r] == [*long[1], *short[1]]  # order kept
    assert all(len(r) >= MIN_SPLIT_ROWS or len(r) == len(s[1]) for column in flowed for t, r in column
               for s in (long, short) if t.startswith(s[0]))
    assert balanced_columns([short], 3) == [[short]]  # nothing to balance: one column
