"""A web archive of several pages opened in the window: the picker lists them (title, address,
saved date), opens the chosen ones in tabs, and imports them all into the library."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from library_window import WAIT_MS, RecordingAnalysis, make_window
from loading_fixtures import page, wacz_bytes, warc_bytes, write
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.core.sources.pages import page_address
from reader.ui.window.page_picker import PagePicker

FIRST = "https://news.example.org/pier"
SECOND = "https://news.example.org/second"
THIRD = "https://news.example.org/third"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    pages = [(FIRST, page(title="Pier to reopen")), (SECOND, page(title="Second story")),
             (THIRD, page(title="Third story"))]
    listed = [(FIRST, "Pier to reopen"), (SECOND, "Second story"), (THIRD, "Third story")]
    return write(tmp_path, "crawl.wacz", wacz_bytes(warc_bytes(pages), listed))


def picker_for(qtbot: QtBot, window: object, path: Path) -> PagePicker:
    with qtbot.waitSignal(window.page_picker_shown, timeout=WAIT_MS) as shown:  # type: ignore[attr-defined]
        window.open_paths([path])  # type: ignore[attr-defined]
    picker = shown.args[0]
    assert isinstance(picker, PagePicker) and picker.isVisible()
    return picker


def test_the_picker_lists_the_pages_and_opens_the_chosen_ones(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, archive: Path) -> None:
    window = make_window(qtbot)
    picker = picker_for(qtbot, window, archive)
    rows = [picker.list.topLevelItem(i) for i in range(picker.list.topLevelItemCount())]
    assert [(r.text(0), r.text(1)) for r in rows if r is not None] == [
        ("Pier to reopen", FIRST), ("Second story", SECOND), ("Third story", THIRD)]
    assert all(r is not None and r.text(2) for r in rows)  # the saved date, in the reader's locale
    assert picker.chosen_keys() == [FIRST]  # Enter opens the main page
    picker.list.clearSelection()
    for row in (2, 1):
        item = picker.list.topLevelItem(row)
        assert item is not None
        item.setSelected(True)
    assert picker.chosen_keys() == [SECOND, THIRD]  # in the archive's order
    picker.open_button.click()
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=WAIT_MS)
    titles = sorted(item.title for item in window.session.articles())
    assert titles == ["Second story", "Third story"]
    assert window.session.tab_for_path(page_address(archive, SECOND)) is not None
    assert not shiboken6.isValid(picker)  # closed and deleted


def test_import_all_puts_every_page_in_the_library(
        qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path, archive: Path) -> None:
    window = make_window(qtbot)
    window.library_home.controller.import_options = {"analysis": False, "workers": 0}
    picker = picker_for(qtbot, window, archive)
    with qtbot.waitSignal(window.library_home.controller.imported, timeout=WAIT_MS) as imported:
        picker.import_button.click()
    assert sorted(r.status for r in imported.args[0]) == ["added"] * 3
    assert window.tabs.count() == 0  # nothing opened: the pages wait in the library
    with Library.open(library_file) as library:
        assert sorted(s.title or "" for s in library.list_articles()) == [
            "Pier to reopen", "Second story", "Third story"]
        second = library.resolve(page_address(archive, SECOND))
    assert second is not None
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS) as shown:
        window.library_home.open_article(second)  # from the stored record, under its page address
    assert shown.args[0] == page_address(archive, SECOND)
    item = window.current_article()
    assert item is not None and item.title == "Second story"


def test_cancel_opens_nothing(qtbot: QtBot, analysis_calls: RecordingAnalysis, library_file: Path,
                              archive: Path) -> None:
    window = make_window(qtbot)
    picker = picker_for(qtbot, window, archive)
    assert window.stack.currentWidget() is window.library_home.view  # behind the picker: the library
    picker.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(picker), timeout=WAIT_MS)
    assert window.tabs.count() == 0 and not window.session.is_loading()
    assert window.stack.currentWidget() is window.library_home.view
