"""Issue 16 in the window: a speaker's page, the disputes, the versions of a story, the sources
column and aggregate, and corrections of entities — each filled from a real small library (hand-
built records, no spaCy), each passage opening its article at the exact span."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.ui.library.speaker_page import TARGET_ROLE
from reader.ui.library.table import COLUMNS, ID_ROLE
from reader.ui.library.versions_view import diff_html, marked_words
from reader.ui.window.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "core" / "library"))
from library_helpers import store_record  # noqa: E402
from story_helpers import PUTIN_BODY, front  # noqa: E402

WAIT_MS = 15_000
EDITED = PUTIN_BODY.replace("had entered the region", "had entered the whole region")


@pytest.fixture
def library_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two copies of one story (the second reworded, with a new paragraph) and an unrelated one."""
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("SIFT_LIBRARY", str(path))
    with Library.open(path) as library:
        store_record(library, front(url="https://example.com/front", published="2024-05-01",
                                    site="example.com"), "/a.txt")
        store_record(library, front("Front, updated", EDITED + "\n\nA new paragraph.",
                                    url="https://example.com/front", published="2024-05-02",
                                    site="example.com"), "/b.txt")
        store_record(library, front("Weather", "Rain is expected on Sunday across the coast."), "/c.txt")
    return path


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    home = window.library_home
    qtbot.waitUntil(lambda: home.controller.library is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: home.view.proxy.rowCount() == 3, timeout=WAIT_MS)
    return window


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [item for item in items if item is not None]


def ident_of(library_file: Path, path: str) -> str:
    with Library.open(library_file) as library:
        found = library.resolve(path)
    assert found is not None
    return found


def test_the_speaker_page_lists_each_claim_by_date_with_its_dispute_and_opens_the_article_at_it(
        qtbot: QtBot, library_file: Path) -> None:
    window = make_window(qtbot)
    pages = window.library_home.pages
    pages.open_speaker("Putin")
    page = pages.speaker
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=WAIT_MS)
    assert page.page is not None and page.page.title == "Vladimir Putin"
    claims = top_items(page.claims)
    assert [c.text(0) for c in claims] == ["2024-05-01", "2024-05-02"]  # oldest first, once per copy
    assert "his forces had entered the region" in claims[0].text(3)
    assert "the whole region" in claims[1].text(3)
    dispute = claims[0].child(0)
    assert dispute is not None and dispute.text(2) == "disputed by Kyiv" and "a lie" in dispute.text(3)
    assert page.articles.topLevelItemCount() == 3  # front() names him in every article
    ident, start, end = claims[1].data(0, TARGET_ROLE)
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        page.claims.itemActivated.emit(claims[1], 3)
    opened = window.current_article()
    assert opened is not None and window.stack.currentWidget() is window.tabs
    view = opened.tab.reading_view
    qtbot.waitUntil(lambda: view.textCursor().selectedText() == "his forces had entered the whole region",
                    timeout=WAIT_MS)
    assert ident == ident_of(library_file, "/b.txt")
    assert end - start == len("his forces had entered the whole region")


def test_the_page_exports_markdown_and_csv_off_the_gui_thread(qtbot: QtBot, library_file: Path,
                                                              tmp_path: Path) -> None:
    window = make_window(qtbot)
    pages = window.library_home.pages
    pages.open_speaker("Vladimir Putin")
    qtbot.waitUntil(lambda: pages.speaker.page is not None, timeout=WAIT_MS)
    page = pages.speaker.page
    assert page is not None
    pages.write_page(page, "md", tmp_path / "putin.md")
    qtbot.waitUntil(lambda: pages.last_export == tmp_path / "putin.md", timeout=WAIT_MS)
    markdown = (tmp_path / "putin.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Vladimir Putin") and "disputed by Kyiv" in markdown
    pages.write_page(page, "csv", tmp_path / "putin.csv")
    qtbot.waitUntil(lambda: pages.last_export == tmp_path / "putin.csv", timeout=WAIT_MS)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "putin.csv").read_text(encoding="utf-8"))))
    assert [r["published"] for r in rows] == ["2024-05-01", "2024-05-02"]
    assert all(r["disputed_by"].startswith("Kyiv: a lie") for r in rows)


def test_disputes_view_lists_both_passages_filters_by_entity_and_opens_either_side(
        qtbot: QtBot, library_file: Path) -> None:
    window = make_window(qtbot)
    pages = window.library_home.pages
    pages.open_disputes()
    tree = pages.disputes.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    row = top_items(tree)[0]
    assert "Vladimir Putin" in row.text(2) and "Kyiv" in row.text(3) and "a lie" in row.text(3)
    pages.disputes.entity.setText("Weather person")  # no such entity
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 0, timeout=WAIT_MS)
    pages.disputes.entity.setText("Kyiv")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=WAIT_MS)
    with qtbot.waitSignal(window.story_shown, timeout=WAIT_MS):
        tree.itemActivated.emit(tree.topLevelItem(0), 3)
    opened = window.current_article()
    assert opened is not None
    qtbot.waitUntil(lambda: opened.tab.reading_view.textCursor().selectedText() == "a lie", timeout=WAIT_MS)


def test_the_library_marks_versions_and_shows_sources_and_the_version_view_lists_the_changes(
        qtbot: QtBot, library_file: Path) -> None:
    window = make_window(qtbot)
    home = window.library_home
    model = home.view.model
    first = ident_of(library_file, "/a.txt")
    qtbot.waitUntil(lambda: model.versions_of(first) == 2, timeout=WAIT_MS)
    rows = {model.row_at(r).summary.title: r for r in range(model.rowCount())}
    column = COLUMNS.index("sources")
    assert model.index(rows["Front"], column).data() == "2"  # Putin and Kyiv, both named
    assert model.index(rows["Weather"], column).data() == ""
    assert model.sort_value(model.row_at(rows["Front"]), "sources") == 2  # sorts by number, not text
    assert model.sort_value(model.row_at(rows["Weather"]), "sources") == 0
    assert "2 versions" in model.title_html(model.row_at(rows["Front"]))
    assert "versions" not in model.title_html(model.row_at(rows["Weather"]))
    proxy_row = next(r for r in range(home.view.proxy.rowCount())
                     if home.view.proxy.index(r, 0).data(ID_ROLE) == first)
    home.view.table.setCurrentIndex(home.view.proxy.index(proxy_row, 0))
    assert home.pages.compare.isVisible() and home.pages.compare.text() == "Compare 2 Versions"
    home.pages.compare.click()
    versions = home.pages.versions
    qtbot.waitUntil(lambda: versions.copies.topLevelItemCount() == 2, timeout=WAIT_MS)
    assert window.stack.currentWidget() is versions
    text = versions.diff.toPlainText()
    assert "Front, updated" in text and "A new paragraph." in text
    assert "Reworded claims" in text and "whole" in text
    assert "1 paragraphs changed, 1 added, 0 removed · 1 claims reworded" in versions.summary.text()
    home.pages.show_sources([first])
    dialog = home.pages.dialog
    qtbot.waitUntil(lambda: "2 named sources" in dialog.section.summary.text(), timeout=WAIT_MS)  # type: ignore[union-attr]


def test_word_marks_strike_the_old_words_and_underline_the_new() -> None:
    marked = marked_words("forces had entered the region", "troops had entered the whole region")
    assert "<s" in marked and ">forces</s>" in marked and ">troops</u>" in marked and ">whole</u>" in marked
    assert "had entered the" in marked
    from reader.core.versions import VersionDiff

    assert "same words" in diff_html(VersionDiff())


def test_corrections_rename_and_undo_refresh_the_page(qtbot: QtBot, library_file: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot)
    pages = window.library_home.pages
    pages.open_speaker("Putin")
    qtbot.waitUntil(lambda: pages.speaker.page is not None, timeout=WAIT_MS)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("President Putin", True))
    pages.speaker.correction_requested.emit("rename")
    qtbot.waitUntil(lambda: pages.speaker.page is not None and pages.speaker.page.title == "President Putin",
                    timeout=WAIT_MS)
    with Library.open(library_file) as library:
        [correction] = library.entity_corrections()
    assert correction.kind == "rename" and correction.value == "President Putin"
    pages.show_corrections()
    dialog = pages.dialog
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)  # type: ignore[union-attr]
    assert "Renamed" in dialog.list.item(0).text()  # type: ignore[union-attr]
    dialog.list.setCurrentRow(0)  # type: ignore[union-attr]
    dialog.undo.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=WAIT_MS)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: pages.speaker.page is not None and pages.speaker.page.title == "Vladimir Putin",
                    timeout=WAIT_MS)


def test_a_person_facet_and_the_search_lead_to_the_page(qtbot: QtBot, library_file: Path) -> None:
    window = make_window(qtbot)
    home = window.library_home
    facets = home.view.facets
    qtbot.waitUntil(lambda: facets.topLevelItemCount() > 0, timeout=WAIT_MS)
    person = next(item for item in top_items(facets) if item.text(0) == "Vladimir Putin")
    facets.itemDoubleClicked.emit(person, 0)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is home.pages.speaker, timeout=WAIT_MS)
    home.pages.speaker.back.click()
    assert window.stack.currentWidget() is home.view
    home.pages.open_disputes("Vladimir Putin")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is home.pages.disputes, timeout=WAIT_MS)
    window.keys.escape()  # Esc goes back from a page too
    assert window.stack.currentWidget() is home.view
    home.view.search.setText("Putin")
    qtbot.waitUntil(lambda: home.pages.search_hint.isVisible(), timeout=WAIT_MS)
    home.pages.search_hint.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is home.pages.speaker, timeout=WAIT_MS)
    home.view.search.setText("Rain")  # words, no entity: no page offered
    qtbot.waitUntil(lambda: not home.pages.search_hint.isVisible(), timeout=WAIT_MS)


def test_the_panel_offers_a_person_page_once_the_library_knows_the_entity(qtbot: QtBot) -> None:
    from reader.core.model import Analysis, Entity, Span
    from reader.ui.side_panel.entities_tab import EntitiesTab

    text = "Vladimir Putin spoke in Kyiv."
    tab = EntitiesTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.set_analysis(Analysis(entities=(Entity("Vladimir Putin", "person", (), (Span(0, 14, text[:14]),)),
                                        Entity("Kyiv", "place", (), (Span(24, 28, "Kyiv"),)))), 0)
    tab.select_entity(0)
    assert not tab.speaker_button.isVisible()  # no library linked yet
    tab.set_library_counts({"Vladimir Putin": 1})
    assert tab.speaker_button.isVisible()
    assert tab.speaker_button.text().startswith("Everything Vladimir Putin said")
    with qtbot.waitSignal(tab.speaker_requested) as asked:
        tab.speaker_button.click()
    assert asked.args == ["Vladimir Putin"]
    tab.select_entity(1)
    assert not tab.speaker_button.isVisible()  # a place says nothing


def test_long_lists_come_a_page_at_a_time(qtbot: QtBot, library_file: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.library import disputes_view, speaker_page
    from reader.ui.library.disputes_view import DisputesView
    from reader.ui.library.speaker_page import SpeakerPageView

    monkeypatch.setattr(speaker_page, "ROWS_PAGE", 1)
    monkeypatch.setattr(disputes_view, "ROWS_PAGE", 1)
    with Library.open(library_file) as library:
        page, links = library.speaker_page("Putin"), library.disputes()
    view = SpeakerPageView()
    qtbot.addWidget(view)
    view.show()
    view.show_page(page)
    assert view.claims.topLevelItemCount() == 1 and view.more_claims.isVisible()
    assert "1 of 2 shown" in view.more_claims.text()
    view.more_claims.click()
    assert view.claims.topLevelItemCount() == 2 and not view.more_claims.isVisible()
    assert view.articles.topLevelItemCount() == 1 and view.more_articles.isVisible()
    disputes = DisputesView()
    qtbot.addWidget(disputes)
    disputes.show()
    disputes.show_links(links)
    assert disputes.tree.topLevelItemCount() == 1 and disputes.count.text() == "2 disputes"
    disputes.more.click()
    assert disputes.tree.topLevelItemCount() == 2 and not disputes.more.isVisible()


def test_the_panel_menu_opens_the_page_and_corrects_the_library_entity(
        qtbot: QtBot, library_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui.side_panel.entities_tab import EntitiesTab

    window = make_window(qtbot)
    home = window.library_home
    with qtbot.waitSignal(window.analysis_shown, timeout=WAIT_MS):
        home.open_article(ident_of(library_file, "/a.txt"))
    item = window.current_article()
    assert item is not None
    entities = item.tab.findChild(EntitiesTab)  # type: ignore[attr-defined]
    assert entities is not None
    qtbot.waitUntil(lambda: bool(entities.library_counts), timeout=WAIT_MS)
    row = next(r for r in entities._rows() if r.text(0).startswith("Vladimir Putin"))
    menu = entities.context_menu(row)
    assert menu is not None
    said = next(a for a in menu.actions() if a.text() == "Everything Vladimir Putin said")
    said.trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is home.pages.speaker, timeout=WAIT_MS)
    fixes = next(a.menu() for a in menu.actions() if a.text() == "Correct in the Library")
    rename = next(a for a in fixes.actions() if a.text() == "Rename…")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("V. V. Putin", True))
    rename.trigger()

    def renamed() -> bool:
        with Library.open(library_file) as library:
            return [c.value for c in library.entity_corrections()] == ["V. V. Putin"]

    qtbot.waitUntil(renamed, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: home.pages.speaker.page is not None
                    and home.pages.speaker.page.title == "V. V. Putin", timeout=WAIT_MS)
