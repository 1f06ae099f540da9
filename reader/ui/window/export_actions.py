"""File › Export and File › Print: ask where, never replace a file silently, write off the GUI thread.

The article is written by a background :class:`~reader.ui.tasks.Task` (text formats by the core,
PDF by Qt's printer, which may paint outside the GUI thread); the reader hears how it went in
the message bar, and ``saved`` tells anyone waiting for the file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from reader.core.model import Analysis, Article
from reader.ui.errors import describe_error

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow
    from reader.ui.window.session import OpenArticle

log = logging.getLogger(__name__)

EXPORT_FILTERS = {
    "markdown": (QT_TRANSLATE_NOOP("MainWindow", "Markdown (*.md)"), ".md"),
    "html": (QT_TRANSLATE_NOOP("MainWindow", "Web page (*.html)"), ".html"),
    "json": (QT_TRANSLATE_NOOP("MainWindow", "JSON record (*.json)"), ".json"),
    "pdf": (QT_TRANSLATE_NOOP("MainWindow", "PDF document (*.pdf)"), ".pdf"),
}


def write_export(kind: str, article: Article, analysis: Analysis | None, path: Path) -> Path:
    """Write the article as ``kind`` at ``path``, all at once (runs in a worker thread)."""
    if kind == "pdf":
        from reader.ui.reading.printing import write_pdf

        write_pdf(article, path)
        return path
    from reader.core.export import export_text
    from reader.core.storage.json_files import SHARED_FILE_MODE, write_atomic

    write_atomic(path, export_text(kind, article, analysis).encode("utf-8"), SHARED_FILE_MODE)
    return path


class ExportActions(QObject):
    """Export and print for the window's current article; ``saved`` carries each file written."""

    saved = Signal(str)
    failed = Signal(str, str)  # the file, the sentence shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def export(self, item: OpenArticle[Any], kind: str, target: str | None = None) -> bool:
        """Start writing ``item`` as ``kind`` (asking where when ``target`` is None); False when
        the reader cancelled or declined to replace an existing file."""
        if target is None:
            target = self.ask_path(item, kind)
            if not target:
                return False
        path = Path(target)
        if path.exists() and not self.confirm_overwrite(path):
            return False
        from reader.ui.tasks import FILE_LANE, Task

        self.window.tasks.run(Task(lambda: write_export(kind, item.article, item.analysis, path),
                                   success=self._written,
                                   failure=lambda error: self._not_written(path, error), lane=FILE_LANE))
        return True

    def ask_path(self, item: OpenArticle[Any], kind: str) -> str:
        label, suffix = EXPORT_FILTERS[kind]
        suggested = Path(item.path).with_suffix(suffix).name
        folder = Path(item.path).parent  # beside the article, unless that is read-only (the sample)
        if not os.access(folder, os.W_OK):
            folder = Path.home()
        from PySide6.QtWidgets import QFileDialog

        target, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export"), str(folder / suggested), self.window.tr(str(label)),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if target and not Path(target).suffix:
            target += suffix
        return target

    def confirm_overwrite(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window, self.tr("Replace File?"),
            self.tr("“%1” already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def print_article(self, item: OpenArticle[Any]) -> bool:
        """Ask for a printer, then print (on the GUI thread: the printer comes from its dialog)."""
        from reader.ui.reading.printing import print_article

        return print_article(item.article, self.window)

    def _written(self, path: Path) -> None:
        self.window.message_bar.show_message(self.tr("Saved “%1”.").replace("%1", path.name), "info")
        self.saved.emit(str(path))

    def _not_written(self, path: Path, error: BaseException) -> None:
        if isinstance(error, OSError):
            log.warning("export to %s failed: %s", path, error)
            text = self.tr("Could not save “%1”: %2").replace("%1", path.name).replace(
                "%2", error.strerror or str(error))
        else:
            text = describe_error(error, path)
        self.window.message_bar.show_message(text, "error")
        self.failed.emit(str(path), text)
