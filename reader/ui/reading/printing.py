"""PDF export and printing of an article: a clean, light document of the story alone.

The page is built from the same standalone HTML as the HTML export (no themes, no removed blocks,
no highlights), so paper and PDF look alike whatever the reading view shows.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from reader.core.export import to_html
from reader.core.model import Article


def article_document(article: Article) -> QTextDocument:
    """The story as a QTextDocument; it holds no external references, so nothing is fetched."""
    document = QTextDocument()
    document.setHtml(to_html(article))
    return document


def write_pdf(article: Article, path: Path) -> None:
    """Write the PDF beside ``path`` first, then rename it into place (never half a file)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setDocName(article.title or article.path.name)
    temporary = path.with_name(f".{path.name}.part")
    printer.setOutputFileName(str(temporary))
    article_document(article).print_(printer)
    if not temporary.exists():
        raise OSError(f"the PDF could not be written in {path.parent}")
    os.replace(temporary, path)


def print_article(article: Article, parent: QWidget) -> bool:
    """Ask for a printer, then print; False when the reader cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(article.title or article.path.name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(parent.tr("Print Article"))
    if not dialog.exec():
        return False
    article_document(article).print_(printer)
    return True
