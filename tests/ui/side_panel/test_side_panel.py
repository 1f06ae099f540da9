"""The side panel on its own: groups, prominence, filter, stepping, claim cards, states."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sample_articles import sample_analysis, sample_article

from reader.core.model import Analysis, Entity, Span
from reader.ui.reading.theme import THEMES
from reader.ui.side_panel import SidePanel
from reader.ui.side_panel.claims_tab import content_text
from reader.ui.side_panel.entity_marks import (
    MUTED_ROLE,
    PROMINENCE_ROLE,
    QUOTED_ROLE,
    TYPE_ROLE,
    shape_for,
)
from reader.ui.side_panel.grouping import (
    LOW_CONFIDENCE,
    grouped_entities,
    is_minor_number,
    prominence,
)

LEAD_END = sample_article().story_offsets()[0][1]


@pytest.fixture
def panel(qtbot: QtBot) -> SidePanel:
    widget = SidePanel()
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show_analysis(sample_analysis(), LEAD_END)
    widget.show()  # laid out as in the window, so the buttons have their real size
    qtbot.waitExposed(widget)
    return widget


def tree_rows(panel: SidePanel) -> dict[str, list[tuple[str, str, str]]]:
    """Visible group titles → visible (name, mentions, marker) rows."""
    tree = panel.entities_tab.tree
    result = {}
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        if group.isHidden():
            continue
        rows = [group.child(r) for r in range(group.childCount()) if not group.child(r).isHidden()]
        result[group.text(0)] = [(r.text(0), r.text(1), "quoted" if r.data(2, QUOTED_ROLE) else "")
                                 for r in rows]
    return result


def test_entities_are_grouped_and_sorted_by_prominence(panel: SidePanel) -> None:
    assert tree_rows(panel) == {
        "People (2)": [("Lina Okafor", "3", "quoted"), ("Tomas Brandt", "1", "quoted")],
        "Organizations (2)": [("harbour council", "2", ""), ("Green Party", "1", "")],
        "Places (2)": [("Eastmere", "2", ""), ("Portvale", "1", "")],
        "Dates (1)": [("Tuesday", "1", "")],
    }  # "two" is a bare small number: hidden until the reader asks for numbers
    panel.entities_tab.show_numbers.setChecked(True)
    assert tree_rows(panel)["Other (1)"] == [("two", "1", "")]


def test_the_lead_outranks_a_later_extra_mention() -> None:
    lead = Entity("Early", "person", (), (Span(0, 5, "Early"),))
    late = Entity("Late", "person", (), (Span(100, 104, "Late"), Span(200, 204, "Late")))
    assert prominence(lead, lead_end=50) > prominence(late, lead_end=50)
    assert grouped_entities([late, lead], lead_end=50) == {"People": [1, 0]}


def test_aliases_are_in_the_tooltip(panel: SidePanel) -> None:
    row = panel.entities_tab.tree.topLevelItem(0).child(0)
    assert "Okafor" in row.toolTip(0) and "Mayor Okafor" in row.toolTip(0)


def test_filter_matches_names_and_aliases(qtbot: QtBot, panel: SidePanel) -> None:
    qtbot.keyClicks(panel.entities_tab.filter, "greens")
    assert tree_rows(panel) == {"Organizations (2)": [("Green Party", "1", "")]}
    panel.entities_tab.filter.clear()
    assert len(tree_rows(panel)) == 4


def test_selecting_and_stepping_report_mentions(qtbot: QtBot, panel: SidePanel) -> None:
    tab = panel.entities_tab
    with qtbot.waitSignal(panel.mention_changed) as signal:
        tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    assert signal.args == [0, 0] and tab.position_label.text() == "1 of 3"
    with qtbot.waitSignal(panel.mention_changed) as signal:
        qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert signal.args == [0, 1] and tab.position_label.text() == "2 of 3"
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)
    assert tab.position_label.text() == "3 of 3"
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return)
    assert tab.position_label.text() == "1 of 3"  # wraps around
    qtbot.keyClick(tab.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert tab.position_label.text() == "3 of 3"
    qtbot.mouseClick(tab.previous_button, Qt.MouseButton.LeftButton)
    assert tab.position_label.text() == "2 of 3"


def test_claim_cards_show_speaker_cue_kind_and_markers(panel: SidePanel) -> None:
    cards = panel.claims_tab.cards
    assert len(cards) == 4
    texts = [[label.text() for label in card.findChildren(QLabel)] for card in cards]
    assert "“The route will cost far too much”" in texts[1]  # a direct quote wears quotation marks
    assert "indirect" in texts[0] and "direct" in texts[1] and "mixed" in texts[2]
    assert "vague source" in texts[3] and "vague source" not in texts[0]
    assert "Tomas Brandt" in cards[1].speaker_link.text()
    assert "said" in texts[1]
    assert content_text(sample_analysis().claims[0]).startswith("The harbour")  # not quoted


def test_dispute_links_navigate_both_ways(qtbot: QtBot, panel: SidePanel) -> None:
    cards = panel.claims_tab.cards
    assert "disputes Tomas Brandt" in cards[2].dispute_links[0].text()
    assert "disputed by Lina Okafor" in cards[1].dispute_links[0].text()
    with qtbot.waitSignal(panel.claim_selected) as signal:
        cards[2].dispute_links[0].linkActivated.emit("claim:1")
    assert signal.args == [1] and panel.claims_tab.selected == 1
    with qtbot.waitSignal(panel.claim_selected) as signal:
        cards[1].dispute_links[0].linkActivated.emit("claim:2")
    assert signal.args == [2]


def test_selecting_a_speaker_filters_the_claims(qtbot: QtBot, panel: SidePanel) -> None:
    panel.show()
    tab = panel.claims_tab
    panel.tabs.setCurrentWidget(tab)
    tab.cards[0].speaker_link.linkActivated.emit("#")
    assert tab.visible_claims() == [0, 2]
    assert tab.filter_label.text() == "Claims by Lina Okafor" and tab.show_all_button.isVisible()
    tab.select_claim(1)  # a link to a hidden claim lifts the filter
    assert tab.visible_claims() == [0, 1, 2, 3]
    tab.cards[1].speaker_link.linkActivated.emit("#")
    qtbot.mouseClick(tab.show_all_button, Qt.MouseButton.LeftButton)
    assert tab.visible_claims() == [0, 1, 2, 3]


def test_pending_failed_and_ready_states(qtbot: QtBot) -> None:
    panel = SidePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_pending("Loading the language model…")
    assert panel.stack.currentIndex() == 0 and panel.progress.isVisible()
    assert panel.status_label.text() == "Loading the language model…"
    panel.show_failed("the model could not be loaded.")
    assert panel.stack.currentIndex() == 0 and not panel.progress.isVisible()
    assert "the model could not be loaded." in panel.status_label.text()
    panel.show_analysis(sample_analysis(), LEAD_END)
    assert panel.stack.currentIndex() == 1
    assert panel.warnings_label.isVisible()
    assert "analysis tuned for English" in panel.warnings_label.text()
    panel.show_analysis(Analysis(), LEAD_END)
    assert not panel.entities_tab.empty_label.isHidden()
    assert not panel.claims_tab.empty_label.isHidden()  # on the tab not shown
    assert not panel.warnings_label.isVisible()


def test_reanalysis_keeps_the_selected_entity(qtbot: QtBot, panel: SidePanel) -> None:
    panel.select_entity(1)
    with qtbot.waitSignal(panel.mention_changed) as signal:
        panel.show_analysis(sample_analysis(), LEAD_END)
    assert signal.args == [1, 0]
    assert panel.entities_tab.tree.currentItem().text(0) == "Tomas Brandt"


def test_every_control_has_an_accessible_name(panel: SidePanel) -> None:
    panel.show()
    for page in (panel.entities_tab, panel.claims_tab):
        panel.tabs.setCurrentWidget(page)
        focusable = [w for w in page.findChildren(QWidget)
                     if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(panel)]
        assert len(focusable) >= 4
        unnamed = [w for w in focusable if not w.accessibleName()
                   and type(w).__name__ != "QScrollBar"]
        assert unnamed == []


def test_claim_cards_work_by_keyboard(qtbot: QtBot, panel: SidePanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    tab = panel.claims_tab
    panel.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(panel.claim_selected) as signal:
        qtbot.keyClick(tab.cards[0], Qt.Key.Key_Down)
    assert signal.args == [1] and tab.selected == 1
    with qtbot.waitSignal(panel.claim_selected) as signal:
        qtbot.keyClick(tab.cards[1], Qt.Key.Key_Up)
    assert signal.args == [0]
    with qtbot.waitSignal(panel.claim_selected) as signal:
        tab.cards[3].setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.sendEvent(tab.cards[3], QFocusEvent(QEvent.Type.FocusIn,
                                                         Qt.FocusReason.TabFocusReason))
    assert signal.args == [3]


def test_clicking_anywhere_on_a_card_selects_its_claim(qtbot: QtBot, panel: SidePanel) -> None:
    panel.show()
    panel.tabs.setCurrentWidget(panel.claims_tab)
    card = panel.claims_tab.cards[2]
    with qtbot.waitSignal(panel.claim_selected) as signal:
        qtbot.mouseClick(card.content_label, Qt.MouseButton.LeftButton)
    assert signal.args == [2] and card.property("selected") is True


# --- the look: marks, bars, muted rows, minor numbers -------------------------------------------

@pytest.mark.parametrize(("name", "minor"), [
    ("first", True), ("four", True), ("twenty-one", True), ("12", True), ("3rd", True),
    ("a dozen", True), ("250", False), ("1,400", False), ("4.5 million", False), ("Tuesday", False),
])
def test_ordinals_and_small_numbers_are_minor(name: str, minor: bool) -> None:
    kind = "date" if name == "Tuesday" else "number"
    assert is_minor_number(Entity(name, kind, (), ())) is minor


def test_rows_carry_type_prominence_and_speech_marks(panel: SidePanel) -> None:
    tree = panel.entities_tab.tree
    people = tree.topLevelItem(0)
    assert people.data(0, TYPE_ROLE) == "person"
    okafor, brandt = people.child(0), people.child(1)
    assert okafor.data(0, TYPE_ROLE) == "person" and okafor.data(1, PROMINENCE_ROLE) == 1.0
    assert 0 < brandt.data(1, PROMINENCE_ROLE) < 1.0
    assert okafor.data(2, QUOTED_ROLE) and not okafor.icon(2).isNull()  # the speech mark
    assert "quoted" in okafor.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert not okafor.icon(0).isNull() and not okafor.icon(1).isNull()  # type mark, prominence bar
    assert {shape_for(t) for t in ("person", "organization", "place", "group", "date")} == {
        "circle", "square", "diamond", "triangle", "bar"}  # a shape per type, not colour alone


def test_type_marks_are_painted_in_the_theme_colour(panel: SidePanel) -> None:
    for name in ("light", "dark"):
        theme = THEMES[name]
        panel.set_theme(theme)
        image = panel.entities_tab.tree.viewport().grab().toImage()
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 1)
                   for y in range(0, min(image.height(), 120), 2)}
        assert theme.type_colour("person") in colours, name
        assert theme.panel in colours, name
        assert theme.bar in colours, name


def test_low_confidence_entities_and_claims_are_muted(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    unsure = replace(analysis.entities[1], confidence=LOW_CONFIDENCE / 2)  # Tomas Brandt
    unsure_claim = replace(analysis.claims[0], confidence=0.1)
    analysis = replace(analysis, entities=(analysis.entities[0], unsure, *analysis.entities[2:]),
                       claims=(unsure_claim, *analysis.claims[1:]))
    widget = SidePanel()
    qtbot.addWidget(widget)
    widget.show_analysis(analysis, LEAD_END)
    people = widget.entities_tab.tree.topLevelItem(0)
    assert people.child(1).data(0, MUTED_ROLE) and not people.child(0).data(0, MUTED_ROLE)
    assert people.child(1).foreground(0).color().name() == THEMES["light"].muted
    assert people.child(1).font(0).italic()
    assert "Low confidence" in people.child(1).toolTip(0)
    assert "low confidence" in people.child(1).data(0, Qt.ItemDataRole.AccessibleTextRole)
    cards = widget.claims_tab.cards
    assert cards[0].low_confidence and cards[0].property("lowConfidence")
    assert "low confidence" in cards[0].accessibleDescription()
    assert not cards[1].low_confidence


def test_claim_cards_follow_the_theme(panel: SidePanel) -> None:
    panel.set_theme(THEMES["sepia"])
    card = next(c for c in panel.claims_tab.cards if c.dispute_links)
    assert THEMES["sepia"].link in card.dispute_links[0].text()
    assert card.speech_mark.colour == THEMES["sepia"].type_colour("person")
    assert "kind: " in card.accessibleDescription()
