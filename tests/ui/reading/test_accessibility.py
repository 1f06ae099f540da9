"""Screen readers and the keyboard: names on every control, headings in the document, Tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sample_articles import TITLE, sample_article, shown_tab

from reader.ui.reading.article_tab import ArticleTab

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractScrollArea)


def make_tab(qtbot: QtBot) -> ArticleTab:
    tab = shown_tab(qtbot, 1200, 600)
    assert isinstance(tab, ArticleTab)
    return tab


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls (and focusable widgets) without an accessible name a screen reader can say."""
    missing = []
    for widget in root.findChildren(QWidget):
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if not (isinstance(widget, CONTROLS) or focusable) or widget.isHidden():
            continue
        if widget.parent() is not None and widget.parent().inherits("QAbstractScrollArea") \
                and not isinstance(widget, CONTROLS):
            continue  # a scroll area's viewport speaks through the area
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_reading_view_find_bar_and_panel_has_a_name(qtbot: QtBot) -> None:
    tab = make_tab(qtbot)
    tab.open_find()
    assert unnamed_controls(tab) == []
    tab.side_panel.tabs.setCurrentWidget(tab.side_panel.claims_tab)
    assert unnamed_controls(tab.side_panel.claims_tab) == []


def test_the_main_controls_describe_themselves(qtbot: QtBot) -> None:
    tab = make_tab(qtbot)
    for widget in (tab.reading_view, tab.side_panel, tab.side_panel.entities_tab.tree,
                   tab.side_panel.entities_tab.filter, tab.side_panel.claims_tab.scroll_area,
                   *tab.side_panel.claims_tab.cards):
        assert widget.accessibleDescription(), widget


def test_the_title_and_headings_are_marked_as_headings(qtbot: QtBot) -> None:
    tab = make_tab(qtbot)
    document = tab.reading_view.document()
    levels = {}
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels[block.text()] = block.blockFormat().headingLevel()
        block = block.next()
    assert levels == {TITLE: 1, "Opposition pushes back": 2}
    assert "<h1" in document.toHtml() and "<h2" in document.toHtml()


def test_paragraphs_are_separate_blocks_for_screen_readers(qtbot: QtBot) -> None:
    tab = make_tab(qtbot)
    cursor = QTextCursor(tab.reading_view.document())
    paragraphs = set()
    block = tab.reading_view.document().begin()
    while block.isValid():
        paragraphs.add(block.text())
        block = block.next()
    del cursor
    article = sample_article()
    for story in article.story_blocks:
        if story.kind == "paragraph":
            assert story.text in paragraphs


def tab_chain(root: QWidget, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start``, in order (Qt's focus chain, as focusNextChild walks it;
    the offscreen platform has no active window to press Tab in)."""
    chain, widget = [], start
    while True:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(root)
                and widget.isEnabled() and widget.focusProxy() is None):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start or len(chain) > 200:
            return chain


def test_tab_reaches_the_text_and_every_panel_control_in_order(qtbot: QtBot) -> None:
    tab = make_tab(qtbot)
    entities = tab.side_panel.entities_tab
    tab.side_panel.select_entity(0)  # the mention buttons are enabled once an entity is selected
    chain = tab_chain(tab, tab.reading_view)
    wanted = [tab.reading_view, tab.side_panel.tabs.tabBar(), entities.filter, entities.show_numbers,
              entities.tree, entities.previous_button, entities.next_button]
    positions = [chain.index(widget) for widget in wanted]
    assert positions == sorted(positions), [type(w).__name__ for w in chain]
    tab.side_panel.tabs.setCurrentWidget(tab.side_panel.claims_tab)
    chain = tab_chain(tab, tab.reading_view)
    cards = [card for card in tab.side_panel.claims_tab.cards if card in chain]
    assert cards == tab.side_panel.claims_tab.cards  # every claim card, in order
