"""The window with a library, for the UI tests: a stand-in analysis that records its calls, stories
written to disk, articles stored as an analysed import would, and a window that waits for its
library (the fixtures that use them are in tests/ui/window/conftest.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.library.articles import insert_article, see_path
from reader.core.library.entities import garbage_collect, relink
from reader.core.library.library import Library
from reader.core.library.store import now_iso, transaction
from reader.core.model import Analysis, Article, Entity, Span
from reader.core.reading import open_article
from reader.core.records import article_record
from reader.ui.window.main_window import MainWindow

WAIT_MS = 15_000
PLACE = "Porthaven"
PARAGRAPH = "Paragraph {} about the harbour at Porthaven and the boats that use it."


class RecordingAnalysis:
    """Stands in for the analysis process and remembers every text it was asked about."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, article: Article) -> Analysis:
        self.texts.append(article.text)
        return place_analysis(article.text)


def place_analysis(text: str) -> Analysis:
    spans = tuple(Span(i, i + len(PLACE), PLACE) for i in find_all(text, PLACE))
    return Analysis(entities=(Entity(PLACE, "place", (), spans),) if spans else ())


def find_all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def write_story(folder: Path, name: str, paragraphs: int, opening_line: str) -> Path:
    path = folder / name
    body = "\n\n".join(PARAGRAPH.format(i) for i in range(paragraphs))
    path.write_text(f"{opening_line}\n\n{body}\n", encoding="utf-8")
    return path


def store(library_path: Path, file: Path) -> str:
    """Put a file into the library as an analysed import would (the stub's analysis): its id."""
    article = open_article(file)
    record = article_record(article, place_analysis(article.text))
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    stat = file.stat()
    with Library.open(library_path) as library, transaction(library.conn):
        num = insert_article(library.conn, record, digest, now_iso())
        see_path(library.conn, num, str(file), stat.st_size, stat.st_mtime_ns, now_iso())
        garbage_collect(library.conn)
        relink(library.conn)
        return str(library.conn.execute("SELECT id FROM articles WHERE num = ?", (num,)).fetchone()[0])


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitUntil(lambda: window.library_home.controller.library is not None, timeout=WAIT_MS)
    return window
