"""Exports from the window carry the reader's highlights: File › Export of a library article
(Markdown, HTML, JSON, EPUB) and the library list's Export of a selection (a folder, one book)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from library_window import WAIT_MS, RecordingAnalysis, make_window, store, write_story
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.ui.library.view import EXPORT_CHOICES


def test_file_export_carries_the_library_highlights(qtbot: QtBot, analysis_calls: RecordingAnalysis,
                                                     library_file: Path, tmp_path: Path) -> None:
    ident = store(library_file, write_story(tmp_path, "one.txt", 3, "Harbour news"))
    with Library.open(library_file) as library:
        library.highlight_quote(ident, "Paragraph 2", color="green", note="the boats")
    window = make_window(qtbot)
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        window.library_home.open_article(ident)
    out = tmp_path / "out"
    out.mkdir()
    for kind, name in (("markdown", "a.md"), ("html", "a.html"), ("json", "a.json"), ("epub", "a.epub")):
        with qtbot.waitSignal(window.exports.saved, timeout=WAIT_MS):
            assert window.export_current(kind, str(out / name))
    assert "==Paragraph 2==" in (out / "a.md").read_text(encoding="utf-8")
    assert "the boats" in (out / "a.md").read_text(encoding="utf-8")
    assert "<mark" in (out / "a.html").read_text(encoding="utf-8")
    record = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert "Paragraph 2" in json.dumps(record.get("annotations", record))
    with zipfile.ZipFile(out / "a.epub") as book:
        chapter = book.read("OEBPS/article-1.xhtml").decode("utf-8")
    assert "Paragraph 2</mark>" in chapter and "the boats" in chapter
    assert window.message_bar.text() == "Saved “a.epub”."
    export_menu = next(m for m in window.findChildren(QMenu) if m.title() == "&Export")
    assert "As EPUB Book…" in [a.text().replace("&", "") for a in export_menu.actions()]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the menu is a popup
def test_a_library_selection_exports_to_a_folder_and_to_one_book(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = store(library_file, write_story(tmp_path, "one.txt", 3, "Harbour news"))
    second = store(library_file, write_story(tmp_path, "two.txt", 2, "Ferry times"))
    with Library.open(library_file) as library:
        library.highlight_quote(first, "Paragraph 1", note="first note")
        library.highlight_quote(second, "Paragraph 0", color="pink")
    window = make_window(qtbot)
    assert [f for f, _label in EXPORT_CHOICES] == ["md", "html", "json", "epub"]
    folder = tmp_path / "exported"
    folder.mkdir()
    exports = window.library_home.library_export
    asked: list[tuple[list[str], str]] = []

    def ask_output(ids: list[str], export_format: str) -> str:
        asked.append((sorted(ids), export_format))
        return ""  # the reader cancelled the dialog: nothing is written

    monkeypatch.setattr(exports, "ask_output", ask_output)
    view = window.library_home.view
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=WAIT_MS)
    view.table.selectAll()
    view._context_menu(QPoint(5, 5))
    shown = QApplication.activePopupWidget()
    assert isinstance(shown, QMenu)
    export_menu = next(a.menu() for a in shown.actions() if a.text() == "Export")
    assert isinstance(export_menu, QMenu)
    next(a for a in export_menu.actions() if a.text() == "One EPUB Book…").trigger()
    shown.close()
    assert asked == [(sorted([first, second]), "epub")]  # the menu asked where to write the book
    exports.export([first, second], "md", str(folder))
    qtbot.waitUntil(lambda: len(list(folder.glob("*.md"))) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Exported 2 articles with 2 highlights" in window.message_bar.text(),
                    timeout=WAIT_MS)
    assert str(folder) in window.message_bar.text()
    texts = sorted(p.read_text(encoding="utf-8") for p in folder.glob("*.md"))
    assert any("==Paragraph 1==" in t and "first note" in t for t in texts)
    assert any("==Paragraph 0==" in t for t in texts)
    book = tmp_path / "both.epub"
    exports.export([first, second], "epub", str(book))
    qtbot.waitUntil(lambda: "both.epub" in window.message_bar.text(), timeout=WAIT_MS)
    with zipfile.ZipFile(book) as archive:
        names = archive.namelist()
    assert "OEBPS/article-1.xhtml" in names and "OEBPS/article-2.xhtml" in names
