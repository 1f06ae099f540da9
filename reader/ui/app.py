"""Start the reader window (minimal until the reading-window issue lands)."""

from __future__ import annotations

import sys

from reader import APP_NAME


def run(files: list[str], sample: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reader.core.resources import resource_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    view = QTextBrowser()
    view.setWindowTitle(APP_NAME)
    paths = [*files, *([str(resource_path("samples", "sample.txt"))] if sample else [])]
    if paths:
        from reader.core.errors import ReaderError
        from reader.core.pipeline import open_article

        try:
            article = open_article(paths[0])  # type: ignore[arg-type]
            view.setPlainText(article.text)
        except ReaderError as exc:
            view.setPlainText(exc.message)
    view.resize(900, 700)
    view.show()
    return app.exec()
