"""Export a selection of the library (its context menu's Export): Markdown, HTML or JSON files in
a folder, one each, or one EPUB book of them all, with their highlights and notes.

The articles are read and the files written by :mod:`reader.core.library.exporting` in a
:class:`~reader.ui.tasks.Task` on the library's thread, never the GUI thread; files already there
are replaced only when the reader says so; the message bar says where the files went.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.ui.errors import describe_error
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.core.library.exporting import Exported, ExportFormat, LibraryArticle
    from reader.core.library.library import Library
    from reader.ui.window.library_home import LibraryHome

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Planned:
    """The articles read for an export and the files it would replace."""

    items: list[LibraryArticle]
    existing: list[Path]


def plan_export(library: Library, ids: list[str], export_format: ExportFormat, output: Path) -> Planned:
    """Read the articles and see which of the files to write are already there (library thread)."""
    from reader.core.library.exporting import stored_article, targets

    items = [item for item in (stored_article(library, ident) for ident in ids) if item is not None]
    existing = [path for path, _ in targets(library, items, export_format, output) if path.exists()] \
        if items else []
    return Planned(items, existing)


class LibraryExport(QObject):
    """Answers the library view's ``export_requested``: asks where, then writes in the background."""

    def __init__(self, home: LibraryHome) -> None:
        super().__init__(home)
        self.home = home
        home.view.export_requested.connect(self.export)

    def export(self, ids: list[str], export_format: str, output: str | None = None) -> None:
        """Export the articles ``ids`` (asking where when ``output`` is None)."""
        library = self.home.controller.library
        if library is None or not ids or export_format not in ("md", "html", "json", "epub"):
            return
        chosen: ExportFormat = export_format  # type: ignore[assignment]
        target = output if output is not None else self.ask_output(ids, export_format)
        if not target:
            return
        path = Path(target)
        self.home.controller.runner.run(Task(
            lambda: plan_export(library, ids, chosen, path),
            success=lambda planned: self._confirmed(library, planned, chosen, path),
            failure=lambda error: self._failed(path, error)))

    def ask_output(self, ids: list[str], export_format: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        window = self.home.window
        if export_format != "epub":
            return QFileDialog.getExistingDirectory(window, self.tr("Export to a Folder"), str(Path.home()))
        name = self.tr("%1 articles.epub").replace("%1", str(len(ids))) if len(ids) > 1 else "article.epub"
        target, _ = QFileDialog.getSaveFileName(window, self.tr("Export as an EPUB Book"),
                                                str(Path.home() / name), self.tr("EPUB book (*.epub)"),
                                                options=QFileDialog.Option.DontConfirmOverwrite)
        if target and not Path(target).suffix:
            target += ".epub"
        return target

    def confirm_replace(self, existing: list[Path]) -> bool:
        from PySide6.QtWidgets import QMessageBox

        if len(existing) == 1:
            text = self.tr("“%1” already exists. Replace it?").replace("%1", existing[0].name)
        else:
            text = self.tr("%1 of the files already exist. Replace them?").replace("%1", str(len(existing)))
        answer = QMessageBox.question(
            self.home.window, self.tr("Replace Files?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _confirmed(self, library: Library, planned: Planned, export_format: ExportFormat, path: Path) -> None:
        if not planned.items:
            self.home.window.message_bar.show_message(self.tr("Those articles are no longer in the library."),
                                                      "warning")
            return
        if planned.existing and not self.confirm_replace(planned.existing):
            return
        from reader.core.library.exporting import export_articles

        self.home.controller.runner.run(Task(
            lambda: export_articles(library, planned.items, export_format, path),
            success=lambda done: self._written(done, path),
            failure=lambda error: self._failed(path, error)))

    def _written(self, done: list[Exported], path: Path) -> None:
        articles = sum(len(e.articles) for e in done)
        marks = sum(e.highlights for e in done)
        where = str(done[0].output) if len(done) == 1 else str(path)
        text = (self.tr("Exported 1 article") if articles == 1 else
                self.tr("Exported %1 articles").replace("%1", str(articles)))
        text += self.tr(" with %1 highlights").replace("%1", str(marks)) if marks else ""
        self.home.window.message_bar.show_message(text + self.tr(" to “%1”.").replace("%1", where), "info")

    def _failed(self, path: Path, error: BaseException) -> None:
        log.warning("export to %s failed: %s", path, error)
        if isinstance(error, OSError):
            text = self.tr("Could not export to “%1”: %2").replace("%1", str(path)).replace(
                "%2", error.strerror or str(error))
        else:
            text = describe_error(error, path)
        self.home.window.message_bar.show_message(text, "error")
