"""Highlighting from the side panel: "Highlight" on an entity row (its current or first mention)
and on a claim card (the claim's content) reaches the tab's ``highlight_requested``."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.reading.article_tab import ArticleTab
from reader.ui.side_panel.entities_tab import INDEX_ROLE
from reader.ui.side_panel.positions import sorted_mentions


def trigger_highlight(menu: object) -> None:
    from PySide6.QtWidgets import QMenu

    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.text() == "Highlight")
    action.trigger()


def test_an_entity_row_highlights_its_first_then_its_current_mention(qtbot: QtBot, tab: ArticleTab) -> None:
    entities = tab.side_panel.entities_tab
    assert tab.analysis is not None and tab.article is not None
    group = entities.tree.topLevelItem(0)
    assert group is not None and entities.context_menu(group) is None  # a group row has no menu
    row = group.child(0)
    assert row is not None
    entity = tab.analysis.entities[row.data(0, INDEX_ROLE)]
    mentions = sorted_mentions(entity)
    assert len(mentions) >= 2
    with qtbot.waitSignal(tab.highlight_requested) as asked:
        trigger_highlight(entities.context_menu(row))
    (start, end), second = mentions[0], mentions[1]
    assert asked.args == [start, end, "yellow", None]
    assert tab.article.text[start:end] in (entity.name, *entity.aliases, *(m.text for m in entity.mentions))
    entities.tree.setCurrentItem(row)
    entities.step(1)  # the reader stepped to the second mention
    with qtbot.waitSignal(tab.highlight_requested) as asked:
        trigger_highlight(entities.context_menu(row))
    assert asked.args[:2] == list(second)


def test_a_claim_card_highlights_the_claims_content(qtbot: QtBot, tab: ArticleTab) -> None:
    claims = tab.side_panel.claims_tab
    assert tab.analysis is not None and tab.article is not None
    card = claims.cards[0]
    claim = tab.analysis.claims[card.index]
    start, end = min(s.start for s in claim.content), max(s.end for s in claim.content)
    with qtbot.waitSignal(tab.highlight_requested) as asked:
        trigger_highlight(card.context_menu())
    assert asked.args == [start, end, "yellow", None]
    assert claim.content[0].text in tab.article.text[start:end]
