"""The controller drives a real library database from the GUI, never on the GUI thread."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from corpus_paths import FIXTURES
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.ui.library.controller import LibraryController
from reader.ui.library.table import ID_ROLE
from reader.ui.library.view import LibraryView


def make(qtbot: QtBot, tmp_path: Path) -> tuple[LibraryView, LibraryController]:
    view = LibraryView()
    qtbot.addWidget(view)
    controller = LibraryController(view, str(tmp_path / "library.sqlite3"))
    controller.import_options = {"analysis": False, "workers": 0}
    controller.start()
    qtbot.waitUntil(lambda: controller.library is not None)
    return view, controller


def saved_pages(tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("news_article.html", "blog_post.html", "german_article.html"):
        shutil.copy(FIXTURES / "html" / name, folder / name)
    return folder


def test_import_fills_the_list_off_the_gui_thread_and_search_narrows_it(qtbot: QtBot, tmp_path: Path) -> None:
    view, controller = make(qtbot, tmp_path)
    assert view.stack.currentWidget() is view.empty
    gui = threading.get_ident()
    seen: list[int] = []
    original = Library.import_paths

    def spy(self: Library, *args: object, **kwargs: object) -> object:
        seen.append(threading.get_ident())
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    Library.import_paths = spy  # type: ignore[method-assign]
    try:
        with qtbot.waitSignal(controller.changed, timeout=60_000):
            assert controller.import_paths([str(saved_pages(tmp_path))])
    finally:
        Library.import_paths = original  # type: ignore[method-assign]
    assert seen and gui not in seen
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3, timeout=10_000)
    title = view.proxy.index(0, 0).data()
    word = next(w for w in title.split() if len(w) > 4)
    view.search.setText(word)
    qtbot.waitUntil(lambda: 1 <= view.proxy.rowCount() < 3, timeout=10_000)
    controller.close()


def test_archive_hides_an_article_from_all_and_opening_gives_the_stored_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view, controller = make(qtbot, tmp_path)
    with qtbot.waitSignal(controller.changed, timeout=60_000):
        controller.import_paths([str(saved_pages(tmp_path))])
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3, timeout=10_000)
    ident = view.proxy.index(0, 0).data(ID_ROLE)
    with qtbot.waitSignal(controller.article_opened, timeout=10_000) as opened:
        view.open_requested.emit(ident)
    assert opened.args[0].summary.id == ident and opened.args[0].record["text"]
    with qtbot.waitSignal(controller.changed, timeout=10_000):
        view.archive_requested.emit([ident])
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=10_000)
    view.filter.setCurrentIndex(view.filter.findData("archived"))
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=10_000)
    controller.close()


def test_a_watched_folder_picks_up_a_new_page(qtbot: QtBot, tmp_path: Path) -> None:
    view, controller = make(qtbot, tmp_path)
    folder = saved_pages(tmp_path)
    with qtbot.waitSignal(controller.changed, timeout=60_000):
        controller.watch_folder(str(folder))
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3, timeout=10_000)
    shutil.copy(FIXTURES / "html" / "index_page.html", folder / "later.html")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 4, timeout=30_000)
    controller.close()


def test_a_large_list_comes_a_page_at_a_time(qtbot: QtBot, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.library import controller as controller_module

    monkeypatch.setattr(controller_module, "PAGE_ROWS", 2)
    view, controller = make(qtbot, tmp_path)
    with qtbot.waitSignal(controller.changed, timeout=60_000):
        controller.import_paths([str(saved_pages(tmp_path))])
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2 and view.model.has_more, timeout=10_000)
    view.proxy.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3 and not view.model.has_more, timeout=10_000)
    controller.close()


def test_damage_found_after_the_list_is_shown_sets_the_file_aside_and_rebuilds(
        qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    folder = saved_pages(tmp_path)
    with Library.open(db) as library:
        list(library.import_paths([folder], analysis=False, workers=0))
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        text = library.conn.execute("SELECT text FROM articles LIMIT 1").fetchone()[0]
    data = db.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    offset = data.index(text[:40].encode()) // page_size * page_size  # a page of an article's text
    with db.open("r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xff" * 16)
    view = LibraryView()
    qtbot.addWidget(view)
    controller = LibraryController(view, str(db))
    controller.import_options = {"analysis": False, "workers": 0}
    with qtbot.waitSignal(controller.message, timeout=30_000,
                          check_params_cb=lambda text, level: level == "warning") as warned:
        controller.start()
    assert "rebuilt" in warned.args[0]
    assert list(tmp_path.glob("library.sqlite3.damaged-*"))
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3, timeout=30_000)
    controller.close()
