"""File › Export and File › Print: ask where, never replace a file silently, write off the GUI thread.

The article is written by a background :class:`~reader.ui.tasks.Task` (text formats and EPUB by
the core, PDF by Qt's printer, which may paint outside the GUI thread); the reader hears how it
went in the message bar, and ``saved`` tells anyone waiting for the file. Markdown, HTML, JSON and
EPUB carry the reader's highlights and notes: read from the library on its own thread first
(placed in the tab's text), else the ones the tab shows.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from reader.core.model import Analysis, Article, Highlight
from reader.core.sources.pages import split_page_address
from reader.ui.errors import describe_error

if TYPE_CHECKING:
    from reader.core.export.epub import ImageLookup
    from reader.ui.window.main_window import MainWindow
    from reader.ui.window.session import OpenArticle

log = logging.getLogger(__name__)

EXPORT_FILTERS = {
    "markdown": (QT_TRANSLATE_NOOP("MainWindow", "Markdown (*.md)"), ".md"),
    "html": (QT_TRANSLATE_NOOP("MainWindow", "Web page (*.html)"), ".html"),
    "json": (QT_TRANSLATE_NOOP("MainWindow", "JSON record (*.json)"), ".json"),
    "pdf": (QT_TRANSLATE_NOOP("MainWindow", "PDF document (*.pdf)"), ".pdf"),
    "epub": (QT_TRANSLATE_NOOP("MainWindow", "EPUB book (*.epub)"), ".epub"),
}
# The kinds that carry highlights (the printed PDF shows the story only).
WITH_HIGHLIGHTS = ("markdown", "html", "json", "epub")


def write_export(kind: str, article: Article, analysis: Analysis | None, path: Path,
                 highlights: Sequence[Highlight] = (), images: ImageLookup | None = None) -> Path:
    """Write the article as ``kind`` at ``path``, all at once (runs in a worker thread)."""
    if kind == "pdf":
        from reader.ui.reading.printing import write_pdf

        write_pdf(article, path)
        return path
    from reader.core.storage.json_files import SHARED_FILE_MODE, write_atomic

    if kind == "epub":
        from reader.core.export.epub import BookArticle, to_epub

        data = to_epub([BookArticle(article, highlights, analysis, images)])
    else:
        from reader.core.export import export_text

        data = export_text(kind, article, analysis, highlights).encode("utf-8")
    write_atomic(path, data, SHARED_FILE_MODE)
    return path


def tab_images(item: OpenArticle[Any]) -> ImageLookup:
    """The images the tab shows (a saved page's parts or folder), for an EPUB."""
    from reader.core.export.images import saved_images
    from reader.core.model import Source

    return saved_images(Source(Path(item.path), item.article.format, "", "", resources_dir=item.resources_dir,
                               resources=dict(item.resources)))


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
        if kind in WITH_HIGHLIGHTS:
            self.read_highlights(item, lambda highlights: self._write(item, kind, path, highlights))
        else:
            self._write(item, kind, path, [])
        return True

    def _write(self, item: OpenArticle[Any], kind: str, path: Path, highlights: Sequence[Highlight]) -> None:
        from reader.ui.tasks import FILE_LANE, Task

        images = tab_images(item) if kind == "epub" else None
        self.window.tasks.run(Task(lambda: write_export(kind, item.article, item.analysis, path, highlights,
                                                        images),
                                   success=self._written,
                                   failure=lambda error: self._not_written(path, error), lane=FILE_LANE))

    def read_highlights(self, item: OpenArticle[Any], then: Callable[[list[Highlight]], None]) -> None:
        """Hand ``then`` the article's highlights: the library's (read on its thread, placed in the
        tab's text), else, with no library or when it fails, the ones the tab shows."""
        shown: list[Highlight] = list(getattr(item.tab, "highlights", []) or [])
        home = self.window.library_page()
        library = home.controller.library if home is not None else None
        if home is None or library is None:
            then(shown)
            return
        from reader.ui.tasks import Task
        from reader.ui.window.highlight_links import highlights_for

        ref, text = home.library_id(item.path) or item.path, item.article.text

        def fall_back(error: BaseException) -> None:
            log.warning("highlights of %s not read for the export: %s", item.path, error)
            then(shown)

        home.controller.runner.run(Task(lambda: highlights_for(library, ref, text).highlights, success=then,
                                        failure=fall_back))

    def ask_path(self, item: OpenArticle[Any], kind: str) -> str:
        label, suffix = EXPORT_FILTERS[kind]
        suggested = split_page_address(item.path)[0].with_suffix(suffix).name
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
