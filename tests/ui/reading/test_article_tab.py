"""One article tab: the panel and the text linked both ways, find, states, the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from sample_articles import sample_analysis, sample_article

from reader.core.model import Analysis
from reader.ui.reading.article_tab import CLAIM_LAYER, ENTITY_LAYER, ArticleTab
from reader.ui.side_panel.grouping import group_title
from reader.ui.side_panel.positions import claim_extent, sorted_mentions


def highlighted_from_document(tab: ArticleTab) -> list[tuple[int, int]]:
    """The extra selections of the reading view, mapped back to Article.text offsets."""
    text_map = tab.reading_view.text_map
    return sorted((text_map.to_text(s.cursor.selectionStart()),
                   text_map.to_text(s.cursor.selectionEnd()))
                  for s in tab.reading_view.extraSelections())


def point_at_offset(tab: ArticleTab, offset: int) -> QPoint:
    view = tab.reading_view
    position = view.text_map.to_document(offset)
    view.scroll_to_position(position)
    return view.document_position_point(position)


def test_selecting_an_entity_highlights_exactly_its_mentions(tab: ArticleTab) -> None:
    okafor = tab.analysis.entities[0]
    tab.reading_view.verticalScrollBar().setValue(tab.reading_view.verticalScrollBar().maximum())
    tab.side_panel.select_entity(0)
    assert highlighted_from_document(tab) == sorted_mentions(okafor)
    texts = [s.cursor.selectedText() for s in tab.reading_view.extraSelections()]
    assert texts == [m.text for m in sorted(okafor.mentions, key=lambda m: m.start)]
    view = tab.reading_view
    first = view.textCursor()
    first.setPosition(view.text_map.to_document(okafor.mentions[0].start))
    assert view.viewport().rect().contains(view.cursorRect(first))  # scrolled back to the first


def test_stepping_moves_the_current_mention(qtbot: QtBot, tab: ArticleTab) -> None:
    tab.side_panel.select_entity(0)
    theme = tab.reading_view.appearance.theme
    for step in range(3):
        colours = [s.format.background().color().name() for s in tab.reading_view.extraSelections()]
        assert colours == [theme.current if i == step else theme.mention for i in range(3)]
        qtbot.mouseClick(tab.side_panel.entities_tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.side_panel.entities_tab.position_label.text() == "1 of 3"


def test_selecting_a_claim_selects_its_text(tab: ArticleTab) -> None:
    claim = tab.analysis.claims[1]
    tab.side_panel.select_claim(1)
    assert tab.reading_view.selected_text_range() == claim_extent(claim)
    start, end = claim_extent(claim)
    assert tab.reading_view.textCursor().selectedText() == tab.article.text[start:end]
    assert tab.reading_view.highlighted_text_spans(CLAIM_LAYER) == [claim_extent(claim)]
    assert tab.reading_view.highlighted_text_spans(ENTITY_LAYER) == []


def test_dispute_link_moves_the_text_selection(qtbot: QtBot, tab: ArticleTab) -> None:
    tab.side_panel.select_claim(2)
    tab.side_panel.claims_tab.cards[2].dispute_links[0].linkActivated.emit("claim:1")
    assert tab.reading_view.selected_text_range() == claim_extent(tab.analysis.claims[1])


def test_clicking_a_mention_selects_its_entity(qtbot: QtBot, tab: ArticleTab) -> None:
    mention = sorted_mentions(tab.analysis.entities[1])[0]  # Tomas Brandt
    point = point_at_offset(tab, mention[0] + 2)
    with qtbot.waitSignal(tab.side_panel.mention_changed) as signal:
        qtbot.mouseClick(tab.reading_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [1, 0]
    assert tab.side_panel.entities_tab.tree.currentItem().text(0) == "Tomas Brandt"
    assert highlighted_from_document(tab) == [mention]


def test_clicking_a_claim_selects_its_card(qtbot: QtBot, tab: ArticleTab) -> None:
    offset = tab.article.text.index("passed every safety")  # inside claim 3, in no entity
    point = point_at_offset(tab, offset + 1)
    with qtbot.waitSignal(tab.side_panel.claim_selected) as signal:
        qtbot.mouseClick(tab.reading_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [3]
    assert tab.side_panel.tabs.currentWidget() is tab.side_panel.claims_tab
    assert tab.side_panel.claims_tab.cards[3].property("selected") is True


def test_hovering_a_mention_names_its_entity(qtbot: QtBot, tab: ArticleTab) -> None:
    offset = tab.article.text.index("Green Party") + 3
    point = point_at_offset(tab, offset)
    view = tab.reading_view
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == "Green Party — organization, 1 mentions"
    QToolTip.hideText()


def test_find_counts_steps_and_closes(qtbot: QtBot, tab: ArticleTab) -> None:
    tab.open_find()
    qtbot.keyClicks(tab.find_bar.edit, "okafor")
    assert tab.find_bar.count_label.text() == "1 of 3"
    tab.find_next()
    assert tab.find_bar.count_label.text() == "2 of 3"
    qtbot.keyClick(tab.find_bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.find_bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert tab.find_bar.count_label.text() == "3 of 3"
    tab.set_show_removed(True)  # a rebuilt document is searched again
    assert tab.find_bar.count_label.text() == "3 of 3"
    qtbot.keyClick(tab.find_bar.edit, Qt.Key.Key_Escape)
    assert tab.find_bar.isHidden() and tab.reading_view.extraSelections() == []


def test_pending_then_failed_leaves_the_story_readable(qtbot: QtBot) -> None:
    tab = ArticleTab()
    qtbot.addWidget(tab)
    article = sample_article()
    tab.show_article(article)
    tab.show_analysis_pending("Loading the language model…")
    assert tab.side_panel.state == "pending"
    tab.show_analysis_failed("the language model is missing.")
    assert tab.side_panel.state == "failed"
    assert "Opposition pushes back" in tab.reading_view.document().toPlainText()
    tab.show_analysis(sample_analysis(article))
    assert tab.side_panel.state == "ready"


def test_correction_reaches_the_window_and_keeps_the_position(qtbot: QtBot, tab: ArticleTab) -> None:
    point = point_at_offset(tab, tab.article.text.index("Residents"))
    menu = tab.reading_view.build_context_menu(point)
    action = next(a for a in menu.actions() if a.text() == "Move to removed")
    with qtbot.waitSignal(tab.correction_requested) as signal:
        action.trigger()
    assert signal.args == [10, "clutter"]
    menu.deleteLater()
    tab.side_panel.select_entity(0)
    tab.set_reading_position(0.5)
    before = tab.reading_position()
    blocks = list(tab.article.blocks)
    blocks[10] = blocks[10].with_role("clutter", "moved by you")
    tab.show_article(sample_article(tuple(blocks)))
    assert abs(tab.reading_position() - before) < 0.1
    assert tab.analysis is None and tab.reading_view.extraSelections() == []  # stale offsets dropped


def test_side_panel_toggles_and_splitter_state_round_trips(tab: ArticleTab) -> None:
    state = tab.splitter_state()
    tab.toggle_side_panel()
    assert not tab.side_panel_visible()
    tab.toggle_side_panel()
    assert tab.side_panel_visible()
    tab.restore_splitter_state(state)
    assert tab.splitter_state() == state


def test_zoom_in_out_reset(tab: ArticleTab) -> None:
    tab.zoom_in()
    assert tab.reading_view.appearance.zoom > 1
    tab.zoom_out()
    tab.zoom_out()
    assert tab.reading_view.appearance.zoom < 1
    tab.zoom_reset()
    assert tab.reading_view.appearance.zoom == 1


@pytest.mark.slow
def test_seed_through_the_real_pipeline(qtbot: QtBot, seed_path: Path) -> None:
    from reader.core.reading import analyze_article, open_article

    article = open_article(seed_path)
    analysis = analyze_article(article)
    tab = ArticleTab()
    qtbot.addWidget(tab)
    tab.show_article(article)
    tab.show_analysis(analysis)
    text_map = tab.reading_view.text_map
    for start, end in article.story_offsets():
        doc = text_map.document_range(start, end)
        assert doc is not None
        assert (text_map.to_text(doc[0]), text_map.to_text(doc[1])) == (start, end)
    if not analysis.entities:
        pytest.skip("the analysis finds no entities yet")
    assert isinstance(analysis, Analysis)
    for index, entity in enumerate(analysis.entities):
        tab.side_panel.select_entity(index)
        assert highlighted_from_document(tab) == sorted_mentions(entity)
    for index, claim in enumerate(analysis.claims):
        tab.side_panel.select_claim(index)
        assert tab.reading_view.selected_text_range() == claim_extent(claim)
        card = tab.side_panel.claims_tab.cards[index]
        assert len(card.dispute_links) == (claim.disputes is not None) + sum(
            other.disputes == index for other in analysis.claims)
    tree = tab.side_panel.entities_tab.tree
    groups = {tree.topLevelItem(g).text(0).split(" (")[0] for g in range(tree.topLevelItemCount())}
    assert {group_title(e.type) for e in analysis.entities} == groups


def test_an_entity_without_mentions_is_harmless(qtbot: QtBot, tab: ArticleTab) -> None:
    from reader.core.model import Entity

    analysis = Analysis(entities=(Entity("Nowhere", "place", (), ()),))
    tab.show_analysis(analysis)
    tab.side_panel.select_entity(0)
    tab.side_panel.entities_tab.step(1)
    assert tab.reading_view.extraSelections() == []
    assert tab.side_panel.entities_tab.position_label.text() == "no mentions in the text"
