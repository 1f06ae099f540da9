"""A narrow panel: entity names keep most of the row, claim cards and sources stay inside it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sample_articles import sample_analysis, sample_article

from reader.ui.reading.article_tab import ArticleTab

# The least share of the list's width the name column keeps beside the marks and counts.
MIN_NAME_SHARE = 0.5


def test_names_are_not_squeezed_out_of_a_narrow_panel(qtbot: QtBot) -> None:
    tab = ArticleTab()
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    article = sample_article()
    analysis = sample_analysis(article)
    tab.show_article(article)
    tab.show_analysis(analysis)
    tab.side_panel.entities_tab.set_library_counts({e.name: 12 for e in analysis.entities})
    tab.show()
    qtbot.waitExposed(tab)
    tree = tab.side_panel.entities_tab.tree
    assert tree.header().sectionSize(0) >= MIN_NAME_SHARE * tree.viewport().width()


def test_claim_cards_and_sources_fit_a_narrow_panel(qtbot: QtBot) -> None:
    tab = ArticleTab()
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    article = sample_article()
    tab.show_article(article)
    tab.show_analysis(sample_analysis(article))
    tab.side_panel.tabs.setCurrentWidget(tab.side_panel.claims_tab)
    tab.show()
    qtbot.waitExposed(tab)
    claims = tab.side_panel.claims_tab
    qtbot.waitUntil(lambda: claims.container.width() > 0)
    assert claims.container.width() <= claims.scroll_area.viewport().width()
