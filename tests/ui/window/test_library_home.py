"""The library in the window: the home page, opening stored articles without extraction, reading
progress written back, opened files joining the library, imports, watched folders, and the side
panel's way into the library. The analysis process is stubbed (a thread that records its calls).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from library_window import (
    PLACE,
    WAIT_MS,
    RecordingAnalysis,
    make_window,
    store,
    write_story,
)
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.ui.side_panel.entities_tab import LIBRARY_COLUMN, EntitiesTab
from reader.ui.window import opening


def refuse_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a stored article was extracted again")

    monkeypatch.setattr(opening, "load_for_reading", refuse)


def send_drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    point = QPointF(widget.rect().center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for cls in (QDragEnterEvent, QDragMoveEvent):  # these take a QPoint, the drop a QPointF
        QApplication.sendEvent(widget, cls(point.toPoint(), *args))
    drop = QDropEvent(point, *args)
    QApplication.sendEvent(widget, drop)
    return drop


# ------------------------------------------------------------------------------- the home
def test_the_library_is_the_home_and_the_tabs_wait_behind_it(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                              library_file: Path, tmp_path: Path) -> None:
    store(library_file, write_story(tmp_path, "one.txt", 3, "Harbour news"))
    window = make_window(qtbot)
    home = window.library_home
    assert window.stack.currentWidget() is home.view
    qtbot.waitUntil(lambda: home.view.proxy.rowCount() == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        home.view.table.activated.emit(home.view.proxy.index(0, 0))
    assert window.stack.currentWidget() is window.tabs and window.current_article() is not None
    window.show_library()
    assert window.stack.currentWidget() is home.view and home.back_button.isVisible()
    assert window.current_article() is None  # the actions of an article are off behind the library
    home.back_button.click()
    assert window.stack.currentWidget() is window.tabs
    window.tabs.library_button.click()
    assert window.stack.currentWidget() is home.view


def test_opening_from_the_library_neither_extracts_nor_analyses_and_goes_to_the_position(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ident = store(library_file, write_story(tmp_path, "long.txt", 200, "A long harbour story"))
    with Library.open(library_file) as library:
        library.set_progress(ident, 0.5)
    refuse_extraction(monkeypatch)
    window = make_window(qtbot)
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        window.library_home.open_article(ident)
    item = window.current_article()
    assert item is not None and item.title == "A long harbour story"
    assert item.analysis is not None and [e.name for e in item.analysis.entities] == [PLACE]
    assert analysis_calls.texts == []  # the stored analysis was shown, not asked for
    qtbot.waitUntil(lambda: abs(item.tab.reading_position() - 0.5) < 0.05, timeout=WAIT_MS)


def test_reading_progress_and_opening_are_written_back(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                       library_file: Path, tmp_path: Path) -> None:
    ident = store(library_file, write_story(tmp_path, "long.txt", 200, "A long harbour story"))
    window = make_window(qtbot)
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        window.library_home.open_article(ident)
    item = window.current_article()
    assert item is not None
    item.tab.set_reading_position(0.7)

    def saved() -> bool:
        with Library.open(library_file) as library:
            article = library.article(ident)
        return article is not None and article.summary.opened is not None \
            and abs(article.summary.progress - 0.7) < 0.05

    qtbot.waitUntil(saved, timeout=WAIT_MS)
    view = window.library_home.view
    window.show_library()  # the list shows what the reader did meanwhile
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1
                    and abs(view.model.row_at(0).summary.progress - 0.7) < 0.05, timeout=WAIT_MS)


def test_a_file_opened_from_disk_joins_the_library_as_opened(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                            library_file: Path, tmp_path: Path) -> None:
    path = write_story(tmp_path, "dropped.txt", 3, "Opened from the disk")
    window = make_window(qtbot)
    order: list[str] = []
    window.analysis_shown.connect(lambda _path: order.append("panel filled"))
    window.library_home.controller.imported.connect(lambda _results: order.append("imported"))
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS) as imported:
        window.open_paths([path])
    assert [(r.path, r.status) for r in imported.args[0]] == [(path, "added")]
    assert order == ["panel filled", "imported"]  # the import waits: it would compete for the cores
    assert not window.message_bar.isVisible()  # a quiet import: nothing to say

    def opened() -> bool:
        with Library.open(library_file) as library:
            article = library.article(str(path))
        return article is not None and article.summary.opened is not None

    qtbot.waitUntil(opened, timeout=WAIT_MS)
    window.show_library()
    qtbot.waitUntil(lambda: window.library_home.view.proxy.rowCount() == 1, timeout=WAIT_MS)


def test_a_file_opened_from_disk_is_stored_from_what_the_window_made(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.library import importer

    def refuse(*_args: object) -> None:
        raise AssertionError("the import extracted a file the window had extracted and analysed")

    monkeypatch.setattr(importer, "record_for_library", refuse)
    path = write_story(tmp_path, "dropped.txt", 3, "Opened from the disk")
    window = make_window(qtbot)
    window.library_home.controller.import_options = {"workers": 0}  # the refusal would be in-process
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS) as imported:
        window.open_paths([path])
    assert [(r.path, r.status) for r in imported.args[0]] == [(path, "added")]
    with Library.open(library_file) as library:
        stored = library.article(str(path))
    assert stored is not None and [e["name"] for e in stored.record["entities"]] == [PLACE]
    assert analysis_calls.texts == [stored.record["text"]]  # analysed once, by the window


# ------------------------------------------------------------------------------- importing
def test_import_folder_action_imports_while_the_reader_reads(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                            library_file: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for n in range(3):
        write_story(folder, f"story-{n}.txt", 2, f"Story number {n}")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    window = make_window(qtbot)
    action = next(a for a in window.findChildren(type(window.menus.reopen_action))
                  if a.text() == "&Import Folder…")
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS) as imported:
        action.trigger()
    assert sorted(r.status for r in imported.args[0]) == ["added"] * 3
    qtbot.waitUntil(lambda: window.library_home.view.proxy.rowCount() == 3, timeout=WAIT_MS)
    assert "Imported 3 article" in window.message_bar.text()


def test_a_folder_dropped_on_the_library_is_imported(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                    library_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for n in range(2):
        write_story(folder, f"story-{n}.txt", 2, f"Story number {n}")
    window = make_window(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS):
        send_drop(window.library_home.view, mime)
    qtbot.waitUntil(lambda: window.library_home.view.proxy.rowCount() == 2, timeout=WAIT_MS)
    assert window.tabs.count() == 0


def test_a_folder_dropped_on_a_tab_is_imported_and_a_file_opened(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    write_story(folder, "story.txt", 2, "In the folder")
    loose = write_story(tmp_path, "loose.txt", 2, "Beside the folder")
    window = make_window(qtbot)
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        window.open_paths([write_story(tmp_path, "first.txt", 2, "Read first")])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(loose))])
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS) as shown:
        send_drop(window.tabs.tabBar(), mime)
    assert shown.args == [str(loose)] and window.tabs.count() == 2

    def in_library() -> bool:
        with Library.open(library_file) as library:
            return library.resolve(str(folder / "story.txt")) is not None

    qtbot.waitUntil(in_library, timeout=WAIT_MS)


def test_watched_folders_are_kept_in_preferences(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                 library_file: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.window.dialogs import PreferencesDialog

    folder = tmp_path / "downloads"
    folder.mkdir()
    write_story(folder, "saved.txt", 2, "Saved by the browser")
    window = make_window(qtbot)
    dialog = PreferencesDialog(window.settings, window.corrections, window)
    qtbot.addWidget(dialog)
    window.library_home.offer_watched_folders(dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS):
        dialog.add_folder_button.click()
    assert dialog.watched() == [str(folder)]
    with Library.open(library_file) as library:
        assert library.watched_folders() == [folder]
    again = PreferencesDialog(window.settings, window.corrections, window)
    qtbot.addWidget(again)
    window.library_home.offer_watched_folders(again)
    qtbot.waitUntil(lambda: again.watched() == [str(folder)], timeout=WAIT_MS)
    again.remove_folder_button.click()

    def unwatched() -> bool:
        with Library.open(library_file) as library:
            return library.watched_folders() == []

    qtbot.waitUntil(unwatched, timeout=WAIT_MS)


# ------------------------------------------------------------------------------- panel → library
def test_a_file_opened_from_disk_never_counts_itself_as_another_article(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.window import entity_links

    real = entity_links.other_article_counts
    stored = threading.Event()

    def late(library: Library, names: list[str], own_ref: str) -> dict[str, int]:
        own = library.resolve(own_ref)  # asked before the file's import is stored ...
        stored.wait(WAIT_MS / 1000)  # ... and counted after it: the article names itself
        return {name: sum(1 for a in library.entity_articles(name) if a.id != own) for name in names}

    monkeypatch.setattr(entity_links, "other_article_counts", late)
    path = write_story(tmp_path, "dropped.txt", 3, "Opened from the disk")
    window = make_window(qtbot)
    window.library_home.controller.import_options = {"workers": 0}
    window.library_home.controller.imported.connect(lambda _results: stored.set())
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS):
        window.open_paths([path])
    monkeypatch.setattr(entity_links, "other_article_counts", real)
    item = window.current_article()
    assert item is not None
    row = item.tab.findChild(EntitiesTab).tree.topLevelItem(0).child(0)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: row.text(LIBRARY_COLUMN) == "", timeout=WAIT_MS)  # no "+1": itself
    qtbot.wait(200)
    assert row.text(LIBRARY_COLUMN) == ""


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the list is a popup
def test_the_panel_says_in_how_many_other_articles_and_opens_one_at_the_mention(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path) -> None:
    first = store(library_file, write_story(tmp_path, "first.txt", 3, "First harbour story"))
    store(library_file, write_story(tmp_path, "second.txt", 40, "Second harbour story"))
    store(library_file, write_story(tmp_path, "third.txt", 5, "Third harbour story"))
    window = make_window(qtbot)
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        window.library_home.open_article(first)
    item = window.current_article()
    assert item is not None
    entities = item.tab.findChild(EntitiesTab)  # type: ignore[attr-defined]
    assert entities is not None
    row = entities.tree.topLevelItem(0).child(0)
    qtbot.waitUntil(lambda: row.text(LIBRARY_COLUMN) == "+2", timeout=WAIT_MS)
    assert "In 2 other articles" in row.toolTip(LIBRARY_COLUMN)
    entities.tree.setCurrentItem(row)
    assert entities.library_button.isVisible() and "In 2 other articles" in entities.library_button.text()
    links = window.library_home.entity_links
    qtbot.waitUntil(lambda: links.menu is None, timeout=100)
    entities.library_button.click()
    qtbot.waitUntil(lambda: links.menu is not None, timeout=WAIT_MS)
    assert links.menu is not None
    choices = [a for a in links.menu.actions() if a.isEnabled()]
    assert len(choices) == 2 and all(PLACE in a.text() for a in choices)
    second = next(a for a in choices if a.text().startswith("Second"))
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        second.trigger()
    opened = window.current_article()
    assert opened is not None and opened.title == "Second harbour story" and window.tabs.count() == 2
    view = opened.tab.reading_view
    qtbot.waitUntil(lambda: view.textCursor().selectedText() == PLACE, timeout=WAIT_MS)


# ------------------------------------------------------------------------------- command line
def test_library_option_points_the_window_at_a_library(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    from reader import cli
    from reader.ui import app

    seen: dict[str, str | None] = {}
    monkeypatch.setenv("SIFT_LIBRARY", str(tmp_path / "default.sqlite3"))  # restored afterwards
    monkeypatch.setattr(app, "run",
                        lambda *_a, **_k: seen.setdefault("library", os.environ.get("SIFT_LIBRARY")))
    cli.run_gui(cli.build_open_parser().parse_args(["--library", str(tmp_path / "elsewhere.sqlite3")]))
    assert seen["library"] == str(tmp_path / "elsewhere.sqlite3")
