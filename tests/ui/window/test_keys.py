"""The window's reading keys: ``?`` overlay built from the actions, ``n``/``p``, ``/``, Esc; and
read aloud wired into the window (with a fake speech engine; no engine: the action says why)."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis_stub import analyse_in_a_thread
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.model import Analysis, Article
from reader.ui.reading import read_aloud as read_aloud_module
from reader.ui.reading.article_tab import ArticleTab
from reader.ui.reading.keyboard import Shortcut
from reader.ui.reading.read_aloud import PLAYING, SPEAKING_LAYER, STOPPED
from reader.ui.reading.speech_engines import SpeechEngine
from reader.ui.window.main_window import MainWindow

WAIT_MS = 15_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class FakeEngine(SpeechEngine):
    """Records what it is asked to say; the test says when a sentence ends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spoken: list[str] = []
        self.closed = False

    def speak(self, text: str, speed: float, voice: str | None) -> None:
        self.spoken.append(text)

    def stop(self) -> None: ...

    def close(self) -> None:
        self.closed = True

    def finish_sentence(self) -> None:
        self.finished.emit()


def no_analysis(article: Article) -> Analysis:
    return Analysis()


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(read_aloud_module, "find_engine", lambda parent=None: fake)
    return fake


@pytest.fixture
def window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, engine: FakeEngine) -> MainWindow:
    analyse_in_a_thread(monkeypatch, no_analysis)
    made = MainWindow()
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made


def open_articles(qtbot: QtBot, window: MainWindow, folder: Path, count: int) -> list[Path]:
    files = []
    for number in range(count):
        path = folder / f"story-{number}.txt"
        path.write_text(f"Harbour story {number}\n\nThe harbour reopened on Monday. "
                        "Boats came back by noon.\n\nEngineers will inspect the sea wall in the spring.\n",
                        encoding="utf-8")
        files.append(path)
    with qtbot.waitSignals([window.story_shown] * count, timeout=WAIT_MS):
        window.open_paths(files)
    return files


def current_tab(window: MainWindow) -> ArticleTab:
    item = window.current_article()
    assert item is not None and isinstance(item.tab, ArticleTab)
    return item.tab


def focus_reading_view(qtbot: QtBot, window: MainWindow) -> QWidget:
    view = current_tab(window).reading_view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    return view


def overlay_rows(window: MainWindow) -> list[Shortcut]:
    return [row for _title, rows in window.keys.overlay.sections for row in rows]


# ------------------------------------------------------------------------------- ? overlay
def test_question_mark_shows_every_shortcut_and_closes_again(qtbot: QtBot, window: MainWindow,
                                                            tmp_path: Path) -> None:
    open_articles(qtbot, window, tmp_path, 1)
    view = focus_reading_view(qtbot, window)
    qtbot.keyClick(view, "?")
    overlay = window.keys.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    listed = {(row.description, row.keys) for row in overlay_rows(window)}
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) >= 20  # the menus are there (24 when written)
    for action in with_keys:  # every action's every key, under the action's name
        keys = tuple(k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts())
        assert (action.toolTip().replace("&", ""), keys) in listed, action.text()
    shown = {label.text() for label in overlay.key_labels}
    for expected in ("?, F1", "n", "p", "Esc", "j", "k", "Ctrl+F, /", "Ctrl+Shift+Space"):
        assert expected in shown
    qtbot.keyClick(QApplication.focusWidget(), "?")
    assert not overlay.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F1)
    assert overlay.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    assert window.current_article() is not None  # Esc closed the overlay and nothing else


def test_the_overlay_scrolls_by_keyboard_and_gives_the_focus_back(qtbot: QtBot, window: MainWindow,
                                                                   tmp_path: Path) -> None:
    window.resize(900, 560)  # a laptop-sized window: the list is longer than the card
    open_articles(qtbot, window, tmp_path, 1)
    view = focus_reading_view(qtbot, window)
    qtbot.keyClick(view, "?")
    bar = window.keys.overlay.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.keys.overlay.isVisible() and QApplication.focusWidget() is view


def test_the_overlay_follows_the_actions_so_it_cannot_drift(qtbot: QtBot, window: MainWindow) -> None:
    new = QAction("Summon the Kraken", window)
    new.setShortcut(QKeySequence("Ctrl+Alt+K"))
    window.addAction(new)
    window.keys.toggle_shortcuts()
    assert Shortcut("Summon the Kraken", ("Ctrl+Alt+K",), "Summon the Kraken") in overlay_rows(window)
    window.keys.toggle_shortcuts()
    new.setShortcuts([])
    window.keys.toggle_shortcuts()
    assert all(row.description != "Summon the Kraken" for row in overlay_rows(window))


# ------------------------------------------------------------------------------- n, p, /, Esc
def test_n_and_p_step_through_the_tabs_but_typed_letters_stay_in_the_find_bar(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_articles(qtbot, window, tmp_path, 3)
    window.tabs.setCurrentIndex(0)
    view = focus_reading_view(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)
    assert window.tabs.currentIndex() == 2  # round the ends
    tab = current_tab(window)
    tab.open_find()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.find_bar.edit)
    qtbot.keyClicks(tab.find_bar.edit, "np/")
    assert tab.find_bar.edit.text() == "np/" and window.tabs.currentIndex() == 2


def test_slash_opens_find_and_esc_closes_it_then_goes_back_to_the_library(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_articles(qtbot, window, tmp_path, 1)
    tab = current_tab(window)
    view = focus_reading_view(qtbot, window)
    qtbot.keyClick(view, "/")
    assert tab.find_bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.find_bar.edit)
    assert tab.find_bar.edit.text() == ""  # the / opened the bar; it was not typed into it
    qtbot.keyClick(tab.find_bar.edit, Qt.Key.Key_Escape)
    assert not tab.find_bar.isVisible() and window.current_article() is not None  # the find bar only
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
    home = window.library_page()
    assert home is not None and home.is_shown() and window.tabs.count() == 1  # the tab waits behind


def test_n_and_p_walk_the_library_list_when_it_is_in_front(qtbot: QtBot, window: MainWindow,
                                                           tmp_path: Path) -> None:
    open_articles(qtbot, window, tmp_path, 3)
    window.show_library()
    home = window.library_page()
    assert home is not None
    table = home.view.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=WAIT_MS)  # the opened files joined
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    tab_before = window.tabs.currentIndex()
    qtbot.keyClick(table, Qt.Key.Key_N)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
    assert table.currentIndex().row() == 2 and [i.row() for i in table.selectionModel().selectedRows()] == [2]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
    assert table.currentIndex().row() == 2  # the end of the list is an end
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P)
    assert table.currentIndex().row() == 1
    assert home.is_shown() and window.tabs.currentIndex() == tab_before  # the tabs did not move


# ------------------------------------------------------------------------------- read aloud
def test_read_aloud_action_plays_the_current_tab_in_the_bar(qtbot: QtBot, window: MainWindow,
                                                            engine: FakeEngine, tmp_path: Path) -> None:
    control = window.read_aloud_control
    action = window.menus.read_aloud_action
    assert not action.isEnabled() and control.bar_if_built() is None  # nothing to read yet
    open_articles(qtbot, window, tmp_path, 2)
    window.tabs.setCurrentIndex(1)
    assert action.isEnabled() and action.toolTip() == "Read Aloud"
    view = focus_reading_view(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Space, CTRL_SHIFT)
    bar = control.bar
    assert bar.isVisible() and bar.current_view is view
    assert bar.geometry().top() >= window.tabs.geometry().bottom()  # under the tabs
    assert control.read_aloud.state == PLAYING and engine.spoken == ["Harbour story 1"]
    assert view.highlighted_text_spans(SPEAKING_LAYER)
    engine.finish_sentence()
    assert engine.spoken[-1] == "The harbour reopened on Monday."
    action.trigger()
    assert control.read_aloud.state != PLAYING  # the same key pauses
    window.tabs.setCurrentIndex(0)  # a tab change retargets the bar
    assert bar.current_view is current_tab(window).reading_view


def test_the_queue_goes_on_with_the_next_tab_and_shows_it(qtbot: QtBot, window: MainWindow,
                                                         engine: FakeEngine, tmp_path: Path) -> None:
    open_articles(qtbot, window, tmp_path, 2)
    window.tabs.setCurrentIndex(0)
    first = current_tab(window)
    control = window.read_aloud_control
    control.read_aloud.set_continue_queue(True)
    control.toggle()
    sentences = len(control.read_aloud.script)
    for _ in range(sentences):
        engine.finish_sentence()
    assert window.tabs.currentIndex() == 1 and current_tab(window) is not first
    assert control.read_aloud.view is current_tab(window).reading_view
    assert engine.spoken[-1] == "Harbour story 1" and control.bar.current_view is control.read_aloud.view
    for _ in range(len(control.read_aloud.script)):
        engine.finish_sentence()
    assert control.read_aloud.state == STOPPED and window.tabs.currentIndex() == 1  # the last tab ends it


def test_a_failed_engine_is_reported_and_closing_the_window_silences_it(
        qtbot: QtBot, window: MainWindow, engine: FakeEngine, tmp_path: Path) -> None:
    open_articles(qtbot, window, tmp_path, 1)
    window.read_aloud_control.toggle()
    engine.failed.emit("The speech program espeak-ng stopped with an error (1).")
    assert window.message_bar.text() == "The speech program espeak-ng stopped with an error (1)."
    assert window.read_aloud_control.read_aloud.state == STOPPED
    window.close()
    assert engine.closed


def test_without_a_speech_program_the_action_is_off_and_says_why(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(read_aloud_module, "find_engine", lambda parent=None: None)
    open_articles(qtbot, window, tmp_path, 1)
    action = window.menus.read_aloud_action
    assert not action.isEnabled()
    assert action.toolTip() == window.read_aloud_control.read_aloud.unavailable_reason() != ""
    assert "speech" in action.toolTip()
    window.read_aloud_control.toggle()  # the action's slot cannot start anything either
    assert window.read_aloud_control.bar_if_built() is None
