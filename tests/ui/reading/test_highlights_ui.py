"""The reader's highlights in a tab: H highlights the selection, highlights show in the text in
their colour and in the Notes tab, a click on one offers note, colour and delete."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from reader.core.anchoring import describe, find_occurrence
from reader.core.model import Highlight
from reader.ui.reading.article_tab import ArticleTab
from reader.ui.reading.theme import theme_named


def highlight_of(tab: ArticleTab, exact: str, ident: str = "h1", **kw: object) -> Highlight:
    assert tab.article is not None
    text = tab.article.text
    span = find_occurrence(text, exact)
    assert span is not None
    quote = describe(text, *span).quote
    return Highlight(ident, "a1", span[0], span[1], quote.exact, quote.prefix, quote.suffix, **kw)  # type: ignore[arg-type]


def backgrounds(tab: ArticleTab) -> dict[tuple[int, int], str]:
    text_map = tab.reading_view.text_map
    return {
        (
            text_map.to_text(s.cursor.selectionStart()),
            text_map.to_text(s.cursor.selectionEnd()),
        ):  # type: ignore[misc]
        s.format.background().color().name()
        for s in tab.reading_view.extraSelections()
    }


def test_h_asks_to_highlight_the_selected_story_text(qtbot: QtBot, tab: ArticleTab) -> None:
    assert tab.article is not None
    start = tab.article.text.index("harbour")
    tab.reading_view.select_text_range(start, start + len("harbour"))
    with qtbot.waitSignal(tab.highlight_requested) as asked:
        qtbot.keyClick(tab.reading_view, Qt.Key.Key_H)
    assert asked.args == [start, start + len("harbour"), "yellow", None]


def test_h_without_a_selection_asks_nothing(qtbot: QtBot, tab: ArticleTab) -> None:
    with qtbot.assertNotEmitted(tab.highlight_requested):
        qtbot.keyClick(tab.reading_view, Qt.Key.Key_H)


@pytest.mark.parametrize("theme", ["light", "sepia", "dark"])
def test_highlights_show_in_their_colour_in_every_theme(tab: ArticleTab, theme: str) -> None:
    tab.set_appearance(theme, "serif", 12, 66)
    first = highlight_of(tab, "harbour", "h1")
    second = highlight_of(tab, "Lina Okafor", "h2", color="green")
    tab.set_highlights([first, second])
    shown = backgrounds(tab)
    colours = theme_named(theme)
    assert shown[(first.start, first.end)] == QColor(colours.highlight("yellow")).name()
    assert shown[(second.start, second.end)] == QColor(colours.highlight("green")).name()


def test_notes_tab_lists_highlights_in_reading_order_and_a_click_scrolls_there(
    qtbot: QtBot, tab: ArticleTab
) -> None:
    late = highlight_of(tab, "Tomas Brandt", "late", note="who is he?")
    early = highlight_of(tab, "harbour", "early")
    lost = replace(highlight_of(tab, "Lina Okafor", "lost"), orphaned=True)
    tab.set_highlights([late, lost, early])
    notes = tab.side_panel.notes_tab
    ids = [notes.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(notes.list.count())]
    assert ids == ["early", "late", "lost"]
    assert "who is he?" in notes.list.item(1).text() and "no longer found" in notes.list.item(2).text()
    tab.reading_view.verticalScrollBar().setValue(tab.reading_view.verticalScrollBar().maximum())
    notes.list.itemClicked.emit(notes.list.item(0))
    qtbot.waitUntil(
        lambda: (
            tab.reading_view.verticalScrollBar().value() < tab.reading_view.verticalScrollBar().maximum()
            or tab.reading_view.verticalScrollBar().maximum() == 0
        )
    )
    # the orphaned highlight is not drawn in the text
    assert (lost.start, lost.end) not in backgrounds(tab)


def test_a_click_on_a_highlight_offers_note_colour_and_delete(
    qtbot: QtBot, tab: ArticleTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    popped: list[QMenu] = []
    monkeypatch.setattr(
        QMenu, "popup", lambda self, *_args: popped.append(self)
    )  # offscreen cannot grab keys
    first = highlight_of(tab, "harbour", "h1")
    tab.set_highlights([first])
    menu = tab.highlight_menu("h1")
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[0].startswith("Add &Note") and "&Delete Highlight" in labels
    colour_menu = next(a.menu() for a in menu.actions() if a.menu())
    with qtbot.waitSignal(tab.highlight_edit_requested) as edited:
        next(a for a in colour_menu.actions() if a.text() == "Blue").trigger()
    assert edited.args == ["h1", None, "blue"]
    with qtbot.waitSignal(tab.highlight_delete_requested) as deleted:
        next(a for a in menu.actions() if a.text() == "&Delete Highlight").trigger()
    assert deleted.args == ["h1"]
    view = tab.reading_view
    doc = view.text_map.document_range(first.start, first.end)
    assert doc is not None
    with qtbot.waitSignal(view.highlight_menu_requested) as clicked:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.document_position_point(doc[0] + 2)
        )
    assert clicked.args[0] == "h1" and isinstance(clicked.args[1], QPoint)
    assert popped and any(a.text() == "&Delete Highlight" for a in popped[-1].actions())


def test_a_correction_keeps_highlights_on_their_text(tab: ArticleTab) -> None:
    assert tab.article is not None
    first = highlight_of(tab, "Tomas Brandt", "h1")
    tab.set_highlights([first])
    story = [i for i, b in enumerate(tab.article.blocks) if b.role == "story"]
    blocks = list(tab.article.blocks)
    blocks[story[0]] = blocks[story[0]].with_role("clutter", "navigation")
    corrected = replace(tab.article, blocks=tuple(blocks))
    tab.show_article(corrected)
    moved = tab.highlights[0]
    assert not moved.orphaned and corrected.text[moved.start : moved.end] == "Tomas Brandt"
