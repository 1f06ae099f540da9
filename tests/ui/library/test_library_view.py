"""The library view shows what it is given and says what the reader asked for."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reader.core.library.records import SearchHit, Summary
from reader.core.library.search import MARK_CLOSE, MARK_OPEN
from reader.ui.library.table import COLUMNS, ID_ROLE, RICH_TEXT_ROLE, display_title, snippet_html
from reader.ui.library.view import LibraryView


def summary(
    ident: str, title: str | None, site: str = "Coast Daily", words: int = 500, **kw: object
) -> Summary:
    base: dict[str, object] = dict(
        id=ident,
        paths=(f"/saved/{ident}.html",),
        title=title,
        byline=None,
        site=site,
        url=None,
        published="2025-03-09",
        language="en",
        words=words,
        added="2026-12-01T10:00:00Z",
        opened=None,
        progress=0.0,
        tags=(),
        missing=False,
    )
    base.update(kw)
    return Summary(**base)  # type: ignore[arg-type]


def make_view(qtbot: QtBot) -> LibraryView:
    view = LibraryView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    return view


def test_an_empty_library_explains_how_to_fill_it(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    assert view.stack.currentWidget() is view.empty
    view.show_items([], library_empty=False)
    assert view.stack.currentWidget() is view.no_match


def test_rows_show_titles_never_hash_names_and_sort_by_column(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    hashed = "f2ed90793f4af516f2ed90793f4af516f2ed90793f4af516f2ed90793f4af516"
    view.show_items(
        [
            summary("b", "Zebra crossing", words=10),
            summary("a", "Apple harvest", words=99),
            summary(hashed[:16], None, words=1, paths=(f"/saved/{hashed}.html",)),
        ]
    )
    titles = [view.proxy.index(r, 0).data() for r in range(3)]
    assert "Zebra crossing" in titles and all(len(t) < 45 for t in titles)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert view.proxy.index(0, 0).data() == "Apple harvest"
    view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # words
    assert view.proxy.index(0, 0).data(ID_ROLE) == "a"
    assert view.count.text() == "3 articles"


def test_search_hits_keep_their_ranking_and_show_marked_snippets(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    hits = [
        SearchHit(summary("z", "Zulu"), 2.0, f"the {MARK_OPEN}ferry{MARK_CLOSE} <returned>"),
        SearchHit(summary("a", "Alpha"), 1.0, None),
    ]
    view.show_items(hits)
    assert [view.proxy.index(r, 0).data(ID_ROLE) for r in range(2)] == ["z", "a"]
    assert "<b>ferry</b> &lt;returned&gt;" in view.proxy.index(0, 0).data(RICH_TEXT_ROLE)


def test_enter_opens_and_delete_archives_the_selection(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_items([summary("a", "Alpha"), summary("b", "Beta")])
    view.focus_list()
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.proxy.index(0, 0).data(ID_ROLE)]
    with qtbot.waitSignal(view.archive_requested) as archived:
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert archived.args == [[view.proxy.index(0, 0).data(ID_ROLE)]]


def test_slash_focuses_search_and_typing_asks_for_a_search(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_items([summary("a", "Alpha")])
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Slash)
    assert view.focusWidget() is view.search
    with qtbot.waitSignal(view.search_changed) as searched:
        qtbot.keyClicks(view.search, "k")
    assert searched.args == ["k"]


def test_facets_list_counts_and_a_click_chooses_one(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_facets({"site": [("Coast Daily", 3)], "person": [("Vladimir Putin", 2)], "tag": []})
    labels = [view.facets.topLevelItem(i).text(0) for i in range(view.facets.topLevelItemCount())]
    assert labels == ["Sites", "Coast Daily", "People", "Vladimir Putin"]
    with qtbot.waitSignal(view.facet_chosen) as chosen:
        view.facets.itemClicked.emit(view.facets.topLevelItem(3), 0)
    assert chosen.args == ["person", "Vladimir Putin"]


def test_import_progress_says_count_file_and_time_left(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_import(3, 10, "story.html", 12.4)
    assert view.import_bar.isVisible() and "3 of 10: story.html" in view.progress_label.text()
    assert "12 s left" in view.progress_label.text()
    with qtbot.waitSignal(view.import_cancel_requested):
        view.cancel.click()


def test_helpers_escape_and_shorten() -> None:
    assert snippet_html(f"a {MARK_OPEN}b{MARK_CLOSE} & c") == "a <b>b</b> &amp; c"
    assert display_title(summary("x", None, paths=("/a/" + "9" * 64 + ".html",))).endswith("…")


def test_a_partial_list_asks_for_more_at_its_end_and_sorts_by_the_library(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_items([summary("a", "Alpha"), summary("b", "Beta")], has_more=True)
    assert "more below" in view.count.text() and not view.table.isSortingEnabled()
    with qtbot.waitSignal(view.more_wanted):
        view.table.scrollToBottom()
        view.proxy.fetchMore(QModelIndex())
    view.append_items([summary("b", "Beta"), summary("c", "Gamma")], has_more=False)
    assert view.model.ids() == ["a", "b", "c"] and "more below" not in view.count.text()
    view.show_items([summary("a", "Alpha")], has_more=True)
    with qtbot.waitSignal(view.sort_wanted) as sorted_by:
        view.table.horizontalHeader().sectionClicked.emit(COLUMNS.index("site"))
    assert sorted_by.args == ["site"]
    with qtbot.waitSignal(view.sort_wanted) as sorted_by:
        view.table.horizontalHeader().sectionClicked.emit(COLUMNS.index("words"))
    assert sorted_by.args == ["words"]
    with qtbot.assertNotEmitted(view.sort_wanted):  # the library cannot order by sources
        view.table.horizontalHeader().sectionClicked.emit(COLUMNS.index("sources"))


def test_the_chosen_facet_stays_marked_when_the_facets_come_again(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    groups = {"site": [("Coast Daily", 3)], "person": [("Adam Schiff", 2), ("Joe Biden", 1)]}
    view.show_facets(groups)
    view.mark_facet(("person", "Adam Schiff"))
    view.show_facets(groups)  # a refresh rebuilds the tree
    assert [item.text(0) for item in view.facets.selectedItems()] == ["Adam Schiff"]
    view.mark_facet(None)
    assert view.facets.selectedItems() == []
