"""The reading window: opening, drops, errors, tabs, recent files, settings, state, analysis.

Analysis is stubbed (a thread and a canned result) except in the one slow test that spawns the
real analysis process with the spaCy model.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from analysis_stub import analyse_in_a_thread
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from reader.core.model import Analysis, Article, Block, Entity, Notice, Span
from reader.core.reading import Loaded
from reader.core.storage import settings as settings_io
from reader.core.storage.corrections import CorrectionStore
from reader.ui import tasks as workers
from reader.ui.window import chrome, opening
from reader.ui.window.main_window import MainWindow
from reader.ui.window.tabs import ArticleTabs

WAIT_MS = 15_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
STORY = ("Harbour reopens after the storm\n\n"
         "The harbour in Porthaven reopened on Monday after a week of repairs, the port authority said.\n\n"
         "Fishing boats returned to the quay by noon, and the ferry to Kelby resumed its timetable.\n\n"
         "Engineers will inspect the sea wall again in the spring, according to the council.\n")


class StubAnalysis:
    """Stands in for the analysis process: a thread, a canned result, an optional gate."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.gate: threading.Event | None = None

    def __call__(self, article: Article) -> Analysis:
        text = article.text
        self.texts.append(text)
        if self.gate is not None:
            self.gate.wait(10)
        start = text.find("Porthaven")
        mentions = (Span(start, start + 9, "Porthaven"),) if start >= 0 else ()
        return Analysis(entities=(Entity("Porthaven", "place", (), mentions),) if mentions else ())


def make_article(text: str) -> Article:
    return Article(path=Path("/tmp/note.txt"), format="text", title=None, blocks=(Block("story", text),),
                   language="en")


@pytest.fixture
def stub_analysis(monkeypatch: pytest.MonkeyPatch) -> StubAnalysis:
    stub = StubAnalysis()
    analyse_in_a_thread(monkeypatch, stub)
    return stub


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot: QtBot, stub_analysis: StubAnalysis) -> MainWindow:
    return make_window(qtbot)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def write_articles(folder: Path, count: int) -> list[Path]:
    files = []
    for i in range(count):
        path = folder / f"article-{i}.txt"
        path.write_text(STORY.replace("Porthaven", f"Porthaven {i}").replace("storm", f"storm number {i}"),
                        encoding="utf-8")
        files.append(path)
    return files


def open_and_wait(qtbot: QtBot, window: MainWindow, *files: Path) -> None:
    with qtbot.waitSignals([window.story_shown] * len(files), timeout=WAIT_MS):
        window.open_paths(files)


def path_in_tab(window: MainWindow, index: int) -> str:
    item = window.session.item_for(window.tabs.widget(index))
    assert item is not None
    return item.path


def drag_event(cls: type, point: QPointF, mime: QMimeData) -> QDropEvent:
    """A drag or drop event as a file manager sends it; PySide6 < 6.12 takes a QPoint, later a QPointF."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return cls(point, *args)
    except TypeError:
        return cls(point.toPoint(), *args)


def send_drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    """Drag-enter, drag-move and drop at the widget's centre, as a drag from a file manager."""
    point = QPointF(widget.rect().center())
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(widget, drag_event(cls, point, mime))
    drop = drag_event(QDropEvent, point, mime)
    QApplication.sendEvent(widget, drop)
    return drop


def file_mime(*files: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    return mime


# ------------------------------------------------------------------------------- opening
def test_open_by_argument_shows_story_then_analysis(qtbot: QtBot, window: MainWindow,
                                                    article_file: Path) -> None:
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS) as shown:
        open_and_wait(qtbot, window, article_file)
    assert shown.args == [str(article_file)]
    assert window.tabs.count() == 1 and window.stack.currentWidget() is window.tabs
    assert window.windowTitle() == "Harbour reopens after the storm — Sift"
    item = window.current_article()
    assert item is not None and item.analysis is not None and item.analysis.entities
    assert "Porthaven" in item.tab.reading_view.toPlainText()


def test_opening_an_open_file_switches_to_its_tab(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    first, second = write_articles(tmp_path, 2)
    open_and_wait(qtbot, window, first, second)
    assert [path_in_tab(window, i) for i in range(2)] == [str(first), str(second)]
    window.tabs.setCurrentIndex(1)
    window.open_paths([first])
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == 0


def test_open_by_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_articles(tmp_path, 2)
    seen: dict[str, str] = {}

    def fake_dialog(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        seen["filters"] = filters
        return [str(f) for f in files], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_dialog)
    with qtbot.waitSignals([window.story_shown] * 2, timeout=WAIT_MS):
        window.library_home.view.open_button.click()
    assert window.tabs.count() == 2
    filters = {m[1]: m[2] for m in re.finditer(r"([^;]+?) \(([^)]*)\)", seen["filters"])}
    assert set(filters["Web archives"].split()) >= {"*.mhtml", "*.webarchive", "*.warc", "*.warc.gz",
                                                    "*.wacz"}
    assert set(filters["E-mail"].split()) >= {"*.eml", "*.mbox"} and filters["PDF documents"] == "*.pdf"
    assert set(filters["Saved articles"].split()) >= {"*.txt", "*.html", "*.pdf", "*.wacz", "*.eml"}


def test_sample_article_opens(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        window.library_home.view.sample_button.click()
    assert window.current_article() is not None
    assert Path(window.current_article().path).name == "sample.txt"  # type: ignore[union-attr]


# ------------------------------------------------------------------------------- drops
def test_a_file_dropped_on_the_library_is_imported_not_opened(qtbot: QtBot, window: MainWindow,
                                                               article_file: Path) -> None:
    view = window.library_home.view
    mime = file_mime(article_file)
    enter = drag_event(QDragEnterEvent, QPointF(10, 10), mime)
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted() and "highlight" in view.drop_zone.styleSheet()
    qtbot.waitUntil(lambda: window.library_home.controller.library is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS) as imported:
        drop = send_drop(view, mime)
    assert drop.isAccepted() and window.tabs.count() == 0
    assert [(r.path, r.status) for r in imported.args[0]] == [(article_file, "added")]
    assert "highlight" not in view.drop_zone.styleSheet()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=WAIT_MS)


def test_drop_several_files_on_the_tab_bar(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    first, *rest = write_articles(tmp_path, 4)
    open_and_wait(qtbot, window, first)
    mime = file_mime(*rest)
    with qtbot.waitSignals([window.story_shown] * 3, timeout=WAIT_MS):
        send_drop(window.tabs.tabBar(), mime)
    assert window.tabs.count() == 4
    assert not window.message_bar.isVisible()


def test_dropping_fifty_files_opens_them_all_in_order(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    first, *files = write_articles(tmp_path, 51)
    open_and_wait(qtbot, window, first)  # on a tab, a drop opens (on the library it imports)
    with qtbot.waitSignals([window.story_shown] * 50, timeout=6 * WAIT_MS):
        send_drop(window.tabs.tabBar(), file_mime(*files))
    assert window.tabs.count() == 51
    opened = [Path(path_in_tab(window, i)).name for i in range(1, 51)]
    assert opened == [f.name for f in files]
    window.shutdown()
    loaders = [t for t in threading.enumerate() if t.name.startswith("sift-load")]
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in loaders), timeout=WAIT_MS)


def test_drop_on_the_reading_view_reaches_the_window(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    first, second = write_articles(tmp_path, 2)
    open_and_wait(qtbot, window, first)
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        send_drop(window.current_article().tab.reading_view.viewport(), file_mime(second))  # type: ignore[union-attr]
    assert window.tabs.count() == 2


def test_drop_on_a_search_box_opens_the_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLineEdit

    first, second = write_articles(tmp_path, 2)
    open_and_wait(qtbot, window, first)
    tab = window.current_article().tab  # type: ignore[union-attr]
    tab.open_find()
    boxes = tab.findChildren(QLineEdit)
    assert boxes
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        send_drop(tab.find_bar.edit, file_mime(second))
    assert tab.find_bar.edit.text() == "" and window.tabs.count() == 2


@pytest.mark.parametrize("kind", ["text", "web address"])
def test_dropping_something_else_explains_what_sift_accepts(window: MainWindow, kind: str) -> None:
    mime = QMimeData()
    if kind == "text":
        mime.setText("Some words someone dragged from another program")
    else:
        mime.setUrls([QUrl("https://example.org/news/story")])
    send_drop(window, mime)
    assert window.message_bar.isVisible() and window.message_bar.kind == "warning"
    assert ".mhtml" in window.message_bar.text() and "web addresses" in window.message_bar.text()
    assert window.tabs.count() == 0


# ------------------------------------------------------------------------------- errors
def test_bad_files_give_a_message_bar_not_a_tab(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "blank.html"
    empty.write_bytes(b"  \n")
    picture = tmp_path / "photo.html"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    failures: list[str] = []
    window.open_failed.connect(lambda path, _message: failures.append(Path(path).name))
    window.open_paths([empty, picture, tmp_path / "gone.txt"])
    qtbot.waitUntil(lambda: not window.session.is_loading(), timeout=WAIT_MS)
    assert sorted(failures) == ["blank.html", "gone.txt", "photo.html"]
    text = window.message_bar.text()
    assert window.message_bar.kind == "error" and window.tabs.count() == 0
    assert "“blank.html”" in text and "empty" in text
    assert "“photo.html”" in text and "PNG image" in text
    assert "“gone.txt”" in text and "does not exist" in text
    assert "Traceback" not in text
    window.message_bar.dismiss()
    assert not window.message_bar.isVisible()


def test_an_internal_error_is_a_sentence(qtbot: QtBot, window: MainWindow, article_file: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, encoding: str | None) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(opening, "load_for_reading", broken)
    window.open_paths([article_file])
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=WAIT_MS)
    assert "internal problem" in window.message_bar.text() and "KeyError" in window.message_bar.text()


def test_a_failure_while_showing_leaves_no_half_tab(qtbot: QtBot, window: MainWindow, article_file: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_show(*args: object) -> None:
        raise ValueError("drawing failed")

    monkeypatch.setattr(ArticleTabs, "show_article", lambda self, item, position: broken_show())
    window.open_paths([article_file])
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=WAIT_MS)
    assert "internal problem" in window.message_bar.text() and "ValueError" in window.message_bar.text()
    assert window.tabs.count() == 0 and not window.session.articles() and not window.session.is_loading()


def test_information_hides_itself_errors_stay(qtbot: QtBot, window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.window import message_bar

    monkeypatch.setattr(message_bar, "INFO_MS", 50)
    window.message_bar.show_message("Saved “a.md”.", "info")
    qtbot.waitUntil(lambda: not window.message_bar.isVisible(), timeout=2000)
    window.message_bar.show_message("Saved “b.md”.", "info")
    window.message_bar.show_message("Could not open “c.txt”.", "error")
    qtbot.wait(150)
    assert window.message_bar.isVisible() and window.message_bar.kind == "error"


def test_article_warnings_are_shown(qtbot: QtBot, window: MainWindow, article_file: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = opening.load_for_reading

    def with_notice(path: Path, encoding: str | None) -> Loaded:
        loaded = real(path, encoding)
        notice = Notice("paywall", "Only the start of this story was saved.")
        return replace(loaded, article=replace(loaded.article, warnings=(notice,)))

    monkeypatch.setattr(opening, "load_for_reading", with_notice)
    open_and_wait(qtbot, window, article_file)
    assert window.message_bar.kind == "warning"
    assert window.message_bar.text() == "“harbour.txt”: Only the start of this story was saved."


def test_slow_open_shows_progress_and_can_be_cancelled(qtbot: QtBot, window: MainWindow, article_file: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real = opening.load_for_reading

    def slow(path: Path, encoding: str | None) -> object:
        release.wait(10)
        return real(path, encoding)

    monkeypatch.setattr(opening, "load_for_reading", slow)
    window.open_paths([article_file])
    qtbot.waitUntil(window.message_bar.showing_progress, timeout=WAIT_MS)
    assert "harbour.txt" in window.message_bar.text()
    window.message_bar.cancel_requested.emit()
    release.set()
    qtbot.waitUntil(lambda: window.tasks.pending() == 0, timeout=WAIT_MS)
    qtbot.wait(50)
    assert window.tabs.count() == 0 and not window.message_bar.isVisible()


# ------------------------------------------------------------------------------- tabs
def test_tab_keyboard_and_mouse_behaviour(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    files = write_articles(tmp_path, 3)
    open_and_wait(qtbot, window, *files)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(2)
    window.current_article().tab.reading_view.setFocus()  # type: ignore[union-attr]
    focused = QApplication.focusWidget
    qtbot.waitUntil(lambda: focused() is window.current_article().tab.reading_view)  # type: ignore[union-attr]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 2 and window.tab_for_path(str(files[0])) is None
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.MiddleButton, pos=bar.tabRect(1).center())
    assert window.tabs.count() == 1 and window.tab_for_path(str(files[2])) is None
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS) as reopened:
        qtbot.keyClick(window, Qt.Key.Key_T, CTRL_SHIFT)
    assert reopened.args == [str(files[2])]
    window.close_tab(0)
    window.close_tab(0)
    assert window.stack.currentWidget() is window.library_home.view and window.windowTitle() == "Sift"


def test_recent_files_menu_and_clear(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    files = write_articles(tmp_path, 3)
    open_and_wait(qtbot, window, *files)
    files[1].unlink()
    window.menus.fill_recent_menu()
    names = [a.text() for a in window.menus.recent_menu.actions() if a.text()]
    assert names[:2] == ["article-2.txt", "article-0.txt"] and "article-1.txt" not in names
    for _ in range(3):
        window.close_tab(0)
    clear = next(a for a in window.menus.recent_menu.actions() if a.text() == "Clear Recent Files")
    clear.trigger()
    window.menus.fill_recent_menu()
    assert window.window_state.recent == ()
    assert [a.text() for a in window.menus.recent_menu.actions() if a.text()][0] == "No Recent Files"


# ------------------------------------------------------------------------------- reading settings
def test_removed_toggle_and_correction_persist(qtbot: QtBot, window: MainWindow, article_file: Path,
                                               stub_analysis: StubAnalysis) -> None:
    open_and_wait(qtbot, window, article_file)
    item = window.current_article()
    assert item is not None
    index = next(i for i, b in enumerate(item.original.blocks) if b.text.startswith("Engineers"))
    assert item.original.blocks[index].role == "story"
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        item.tab.correction_requested.emit(index, "clutter")
    assert "Engineers" not in item.article.body and "Engineers" not in stub_analysis.texts[-1]
    assert "Engineers" not in item.tab.reading_view.toPlainText()
    window.menus.removed_action.trigger()
    assert window.settings.show_removed and "Engineers" in item.tab.reading_view.toPlainText()
    [entry] = CorrectionStore.load()[0].entries()
    assert entry.role == "clutter" and entry.preview.startswith("Engineers")
    assert window.message_bar.text() == "Moved to the removed text. Sift will remember this for this file."
    undo = next(b for b in window.message_bar.findChildren(QPushButton) if b.text() == "Undo")
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        undo.click()
    assert "Engineers" in item.article.body and CorrectionStore.load()[0].entries() == []
    item.tab.correction_requested.emit(index, "clutter")
    window.close()
    again = make_window(qtbot)
    assert again.menus.removed_action.isChecked()
    open_and_wait(qtbot, again, article_file)
    reopened = again.current_article()
    assert reopened is not None and reopened.article.blocks[index].role == "clutter"


def dark_page(window: MainWindow) -> bool:
    item = window.current_article()
    assert item is not None
    base = item.tab.reading_view.palette().color(QPalette.ColorRole.Base)
    return base.lightness() < 128


def test_theme_switch_and_follow_the_system(qtbot: QtBot, window: MainWindow, article_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    open_and_wait(qtbot, window, article_file)
    window.menus.theme_actions["dark"].trigger()
    assert window.settings.theme == "dark" and dark_page(window)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    window.menus.theme_actions["light"].trigger()
    assert not dark_page(window)
    scheme = {"now": Qt.ColorScheme.Dark}
    monkeypatch.setattr(chrome, "system_color_scheme", lambda: scheme["now"])
    window.menus.theme_actions["system"].trigger()
    assert dark_page(window)
    scheme["now"] = Qt.ColorScheme.Light
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not dark_page(window)
    assert window.state_writer.flush(5)
    assert settings_io.load_settings()[0].theme == "system"


def test_font_size_column_and_side_panel(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    open_and_wait(qtbot, window, article_file)
    size = window.settings.size_pt
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.size_pt == size + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.size_pt == settings_io.DEFAULT_SIZE_PT
    window.menus.font_actions["sans"].trigger()
    window.menus.column_actions[60].trigger()
    assert (window.settings.font, window.settings.column_chars) == ("sans", 60)
    tab = window.current_article().tab  # type: ignore[union-attr]
    assert tab.side_panel_visible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not tab.side_panel_visible() and not window.settings.side_panel
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    assert tab.side_panel_visible()


def test_find_opens_the_find_bar(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    open_and_wait(qtbot, window, article_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.current_article().tab  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.find_bar.isVisible()
    tab.find_bar.edit.setText("harbour")
    assert tab.find_bar.current == 0 and len(tab.find_bar.matches) >= 2
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert tab.find_bar.current == 1
    assert tab.find_bar.count_label.text() == f"2 of {len(tab.find_bar.matches)}"
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert tab.find_bar.current == 0


def test_encoding_override_reloads_the_tab(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(STORY.replace("Porthaven", "Café Porthaven").encode("utf-8"))
    open_and_wait(qtbot, window, path)
    tab = window.current_article().tab  # type: ignore[union-attr]
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        window.reload_with_encoding("cp1252")
    item = window.current_article()
    assert item is not None and item.tab is tab and window.tabs.count() == 1
    assert item.encoding == "cp1252" and "CafÃ©" in tab.reading_view.toPlainText()
    window.menus.fill_encoding_menu()
    checked = [a.text() for a in window.menus.encoding_menu.actions() if a.isChecked()]
    assert checked == ["Western (Windows-1252)"]


# ------------------------------------------------------------------------------- export
def export_and_wait(qtbot: QtBot, window: MainWindow, kind: str, target: str | None = None) -> None:
    """Export the current article and wait until the background task has written the file."""
    with qtbot.waitSignal(window.exports.saved, timeout=WAIT_MS):
        assert window.export_current(kind, target)


def test_exports_written_valid_and_never_overwritten_silently(
        qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        open_and_wait(qtbot, window, article_file)
    out = tmp_path / "out"
    out.mkdir()
    for kind, name in (("markdown", "a.md"), ("html", "a.html"), ("json", "a.json"), ("pdf", "a.pdf")):
        export_and_wait(qtbot, window, kind, str(out / name))
    assert window.message_bar.text() == "Saved “a.pdf”."
    markdown = (out / "a.md").read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle: \"Harbour reopens after the storm\"\n")
    assert '  - {"name": "Porthaven"' in markdown
    record = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert record["title"] == "Harbour reopens after the storm"
    assert record["entities"][0]["name"] == "Porthaven"
    assert "<h1>Harbour reopens after the storm</h1>" in (out / "a.html").read_text(encoding="utf-8")
    pdf = (out / "a.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]
    asked: list[Path] = []
    monkeypatch.setattr(window.exports, "confirm_overwrite", lambda p: asked.append(p) or False)
    assert not window.export_current("json", str(out / "a.md"))
    assert asked == [out / "a.md"] and (out / "a.md").read_text(encoding="utf-8") == markdown
    monkeypatch.setattr(window.exports, "confirm_overwrite", lambda p: True)
    export_and_wait(qtbot, window, "json", str(out / "a.md"))
    assert json.loads((out / "a.md").read_text(encoding="utf-8"))["title"]


def test_a_failed_export_says_why(qtbot: QtBot, window: MainWindow, article_file: Path,
                                  tmp_path: Path) -> None:
    open_and_wait(qtbot, window, article_file)
    (tmp_path / "not a folder").write_text("", encoding="utf-8")
    target = tmp_path / "not a folder" / "a.md"
    with qtbot.waitSignal(window.exports.failed, timeout=WAIT_MS) as failed:
        assert window.export_current("markdown", str(target))
    assert failed.args[0] == str(target) and not target.exists()
    assert window.message_bar.kind == "error"
    assert window.message_bar.text().startswith("Could not save “a.md”: ")


def test_print_prints_the_story_on_the_chosen_printer(qtbot: QtBot, window: MainWindow, article_file: Path,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    open_and_wait(qtbot, window, article_file)
    printed = tmp_path / "printed.pdf"
    asked: list[str] = []

    def choose_a_pdf_printer(dialog: QPrintDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return 1  # Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_a_pdf_printer)
    window.print_current()
    assert asked == ["Print Article"]
    assert printed.read_bytes().startswith(b"%PDF-")
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)  # cancelled: nothing printed
    printed.unlink()
    window.print_current()
    assert not printed.exists()


def test_export_dialog_adds_the_suffix(qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    open_and_wait(qtbot, window, article_file)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "saved"), ""))
    export_and_wait(qtbot, window, "html")
    assert (tmp_path / "saved.html").is_file()


# ------------------------------------------------------------------------------- state
def test_state_restored_after_restart(qtbot: QtBot, stub_analysis: StubAnalysis, tmp_path: Path) -> None:
    long_story = STORY + "\n\n".join(f"Paragraph {i} about the harbour and its boats." for i in range(200))
    path = tmp_path / "long.txt"
    path.write_text(long_story, encoding="utf-8")
    first = make_window(qtbot)
    first.resize(700, 500)
    open_and_wait(qtbot, first, path)
    first.menus.theme_actions["sepia"].trigger()
    first.current_article().tab.set_reading_position(0.5)  # type: ignore[union-attr]
    first.close()
    second = make_window(qtbot)
    assert second.settings.theme == "sepia" and second.menus.theme_actions["sepia"].isChecked()
    assert (second.size().width(), second.size().height()) == (700, 500)
    assert second.window_state.recent[0] == str(path)
    assert second.window_state.positions[str(path)] == pytest.approx(0.5, abs=0.05)
    open_and_wait(qtbot, second, path)
    tab = second.current_article().tab  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: abs(tab.reading_position() - 0.5) < 0.05, timeout=WAIT_MS)


def test_reopening_uses_the_results_cache(qtbot: QtBot, stub_analysis: StubAnalysis, article_file: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_window(qtbot)
    with qtbot.waitSignal(first.analysis_shown, timeout=WAIT_MS):
        open_and_wait(qtbot, first, article_file)
    qtbot.waitUntil(lambda: first.tasks.pending() == 0)  # the analysis is written in the background
    first.close()
    import reader.core.extract

    def no_extraction(source: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(reader.core.extract, "extract", no_extraction)
    calls = len(stub_analysis.texts)
    second = make_window(qtbot)
    with qtbot.waitSignal(second.analysis_shown, timeout=WAIT_MS):
        open_and_wait(qtbot, second, article_file)
    assert len(stub_analysis.texts) == calls and second.current_article().analysis.entities  # type: ignore[union-attr]
    article_file.write_text(STORY.replace("noon", "one o'clock"), encoding="utf-8")
    second.close_tab(0)
    second.open_paths([article_file])
    qtbot.waitUntil(second.message_bar.isVisible, timeout=WAIT_MS)
    assert "AssertionError" in second.message_bar.text()  # changed bytes are not served from the cache


def test_corrupt_state_file_is_set_aside_and_reported_once(qtbot: QtBot, stub_analysis: StubAnalysis) -> None:
    state_file = settings_io.window_state_path()
    state_file.write_bytes(b"\x00\xffnot json at all")
    window = make_window(qtbot)
    assert window.message_bar.isVisible() and "window.json" in window.message_bar.text()
    assert window.window_state == settings_io.WindowState()
    assert any(p.name.startswith("window.json.corrupt-") for p in state_file.parent.iterdir())
    window.close()
    again = make_window(qtbot)
    assert not again.message_bar.isVisible()


def test_preferences_apply_and_clear_history(qtbot: QtBot, window: MainWindow, article_file: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.window.dialogs import PreferencesDialog

    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):  # its caching is queued by then
        open_and_wait(qtbot, window, article_file)
    item = window.current_article()
    assert item is not None
    window.corrections.remember(item.original, 1, "clutter")
    dialog = PreferencesDialog(window.settings, window.corrections, window)
    qtbot.addWidget(dialog)
    assert dialog.corrections_list.count() == 1
    dialog.undo_button.click()
    assert window.state_writer.flush(5)
    assert dialog.corrections_list.count() == 0 and CorrectionStore.load()[0].entries() == []
    dialog.size_box.setValue(20)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    assert dialog.chosen_settings().size_pt == 20 and dialog.chosen_settings().theme == "dark"
    from reader.core.storage.cache import ResultCache

    cache = ResultCache()
    assert cache.size() > 0 and item.cache_key and cache.article(item.cache_key) is not None
    with qtbot.waitSignal(window.history_cleared, timeout=WAIT_MS):
        window.clear_history()
        assert window.window_state.recent == ()
    assert cache.size() == 0 and cache.article(item.cache_key) is None
    assert window.state_writer.flush(5)
    assert settings_io.load_window_state()[0].recent == ()
    assert window.message_bar.text() == "History and caches cleared."


def test_about_lists_the_notices(qtbot: QtBot, window: MainWindow) -> None:
    from reader.ui.window.dialogs import AboutDialog

    about = AboutDialog(window)
    qtbot.addWidget(about)
    html = about.about_html()
    for needle in ("LGPL", "spaCy", "MIT", "readability-lxml", "Apache-2.0", "GeoNames", "CC BY"):
        assert needle in html


def test_about_names_every_package_sift_installs_with() -> None:
    import importlib.metadata
    import re

    from reader.ui.window.dialogs import THIRD_PARTY_NOTICES

    named = " ".join(name for name, _, _ in THIRD_PARTY_NOTICES).lower().replace("_", "-")
    required = [re.split(r"[<>=!~;\[ ]", line, maxsplit=1)[0].lower().replace("_", "-")
                for line in importlib.metadata.requires("sift-reader") or [] if "extra ==" not in line]
    assert required and [name for name in required if name not in named] == []


# ------------------------------------------------------------------------------- analysis lifecycle
def test_closing_a_tab_during_analysis(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                       stub_analysis: StubAnalysis) -> None:
    first, second = write_articles(tmp_path, 2)
    stub_analysis.gate = threading.Event()
    open_and_wait(qtbot, window, first)
    qtbot.waitUntil(lambda: len(stub_analysis.texts) == 1, timeout=WAIT_MS)
    shown: list[str] = []
    window.analysis_shown.connect(shown.append)
    window.close_tab(0)
    stub_analysis.gate.set()
    stub_analysis.gate = None
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        open_and_wait(qtbot, window, second)
    assert shown == [str(second)]


def process_gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


@pytest.mark.slow
def test_real_analysis_process_then_quit(qtbot: QtBot, seed_path: Path) -> None:
    window = make_window(qtbot)
    window.analysis.start()
    with qtbot.waitSignal(window.analysis_shown, timeout=120_000):
        open_and_wait(qtbot, window, seed_path)
    item = window.current_article()
    assert item is not None and isinstance(item.analysis, Analysis) and window.analysis.ready
    pids = window.analysis.process_ids()
    assert pids
    window.close()
    assert all(process_gone(pid) for pid in pids)


@pytest.mark.slow
def test_quitting_while_the_model_loads_leaves_nothing_running(qtbot: QtBot) -> None:
    before = set(threading.enumerate())
    service = workers.AnalysisService()
    service.start()
    request = service.analyze(make_article("The mayor of Porthaven said the harbour would reopen."))
    qtbot.wait(300)
    pids = service.process_ids()
    assert pids
    shown: list[int] = []
    service.finished.connect(lambda r, _a: shown.append(r))
    service.shutdown()
    assert all(process_gone(pid) for pid in pids)
    qtbot.waitUntil(lambda: not (set(threading.enumerate()) - before), timeout=5000)
    qtbot.wait(50)
    assert shown == [] and request == 1


@pytest.mark.slow
def test_a_killed_analysis_process_is_replaced(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    monkeypatch.setattr(workers, "analyze_in_process", repr)  # picklable, cheap, no model
    monkeypatch.setattr(workers, "warm_up", os.getpid)
    service = workers.AnalysisService()
    try:
        with qtbot.waitSignal(service.finished, timeout=60_000) as first:
            service.analyze(make_article("harbour"))
        assert "harbour" in first.args[1]
        [pid] = service.process_ids()
        answers: list[str] = []
        service.failed.connect(lambda _r, message: answers.append(message))
        service.finished.connect(lambda _r, result: answers.append(result))
        os.kill(pid, signal.SIGKILL)
        service.analyze(make_article("ferry"))  # lost with the process, or already in a new one
        qtbot.waitUntil(lambda: len(answers) == 1, timeout=60_000)
        assert "ferry" in answers[0] or "stopped unexpectedly" in answers[0]
        with qtbot.waitSignal(service.finished, timeout=60_000) as again:
            service.analyze(make_article("quay"))
        assert "quay" in again.args[1] and service.process_ids() != [pid]
    finally:
        service.shutdown()


# ------------------------------------------------------------------------------- the tab contract
class RecordingTab(QWidget):
    """The smallest ReaderTab: records what the window asks of it (tab_contract.ReaderTab)."""

    correction_requested = Signal(int, str)
    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls: list[str] = []
        self.reading_view = QTextEdit(self)
        self.panel = True
        self.position = 0.0
        self.splitter = QByteArray()

    def show_article(self, article: Article, resources: object = None, resources_dir: object = None) -> None:
        self.calls.append("show_article")
        self.reading_view.setPlainText(article.text)

    def show_analysis_pending(self, message: str) -> None:
        self.calls.append("pending")

    def show_analysis(self, analysis: Analysis) -> None:
        self.calls.append("show_analysis")

    def show_analysis_failed(self, message: str) -> None:
        self.calls.append("failed")

    def set_show_removed(self, on: bool) -> None:
        self.calls.append(f"removed={on}")

    def set_appearance(self, theme: str, font: str, size_pt: int, column_chars: int) -> None:
        self.calls.append(f"theme={theme}")

    def zoom_reset(self) -> None: ...
    def open_find(self) -> None: ...
    def find_next(self) -> None: ...
    def find_previous(self) -> None: ...

    def dismiss(self) -> bool:
        return False

    def reading_position(self) -> float:
        return self.position

    def set_reading_position(self, fraction: float) -> None:
        self.position = fraction

    def toggle_side_panel(self) -> None:
        self.panel = not self.panel

    def side_panel_visible(self) -> bool:
        return self.panel

    def splitter_state(self) -> QByteArray:
        return self.splitter

    def restore_splitter_state(self, state: QByteArray) -> None:
        self.splitter = state


def test_any_tab_that_keeps_the_contract_works(qtbot: QtBot, stub_analysis: StubAnalysis,
                                               article_file: Path) -> None:
    window = MainWindow(tab_factory=RecordingTab)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        open_and_wait(qtbot, window, article_file)
    item = window.current_article()
    assert item is not None and isinstance(item.tab, RecordingTab)
    assert item.tab.calls[:3] == ["theme=light", "removed=False", "show_article"]
    assert item.tab.calls[-2:] == ["pending", "show_analysis"]
    index = next(i for i, b in enumerate(item.original.blocks) if b.text.startswith("Engineers"))
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        item.tab.correction_requested.emit(index, "clutter")
    assert "Engineers" not in item.tab.reading_view.toPlainText()
    window.menus.theme_actions["dark"].trigger()
    assert item.tab.calls[-2:] == ["theme=dark", "removed=False"]


def test_settings_and_corrections_are_written_off_the_gui_thread(qtbot: QtBot, window: MainWindow,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from state_files import record_writer_threads

    threads = record_writer_threads(monkeypatch)
    window.menus.theme_actions["sepia"].trigger()
    window.clear_recent()
    assert window.state_writer.flush(5)
    assert threads and set(threads) == {"sift-state-writer"}
    assert settings_io.load_settings()[0].theme == "sepia"
