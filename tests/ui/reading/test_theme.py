"""Themes meet WCAG AA: every text colour on every background it is drawn on, in all three themes;
marks that carry meaning reach 3:1. Also the desktop's larger text and reduced motion."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sample_articles import sample_analysis, sample_article

from reader.ui.reading import system_preferences
from reader.ui.reading.reading_view import ReadingView
from reader.ui.reading.theme import (
    HIGHLIGHT_COLOURS,
    MARKED_TYPES,
    MIN_GRAPHIC_CONTRAST,
    MIN_TEXT_CONTRAST,
    THEME_NAMES,
    THEMES,
    contrast_ratio,
    graphic_background_pairs,
    panel_palette,
    text_background_pairs,
)
from reader.ui.side_panel import SidePanel


@pytest.mark.parametrize("name", THEME_NAMES)
def test_text_links_highlights_and_muted_items_reach_aa(name: str) -> None:
    theme = THEMES[name]
    pairs = {what: (fg, bg) for what, fg, bg in text_background_pairs(theme)}
    for needed in ("body", "link", "meta", "panel muted", "read aloud", "mention", "find",
                   *(f"{kind} mark" for kind in MARKED_TYPES),
                   *(f"{colour} highlight" for colour in HIGHLIGHT_COLOURS)):
        assert needed in pairs, needed
    failures = {what: round(contrast_ratio(fg, bg), 2) for what, (fg, bg) in pairs.items()
                if contrast_ratio(fg, bg) < MIN_TEXT_CONTRAST}
    assert not failures, (name, failures)


@pytest.mark.parametrize("name", THEME_NAMES)
def test_marks_and_bars_reach_the_graphics_contrast(name: str) -> None:
    for what, colour, background in graphic_background_pairs(THEMES[name]):
        assert contrast_ratio(colour, background) >= MIN_GRAPHIC_CONTRAST, (name, what)


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_types_differ_by_colour_in_every_theme() -> None:
    for theme in THEMES.values():
        colours = [theme.type_colour(kind) for kind in MARKED_TYPES]
        assert len(set(colours)) == len(colours)
        assert theme.type_colour("law") == theme.type_colour("other")


@pytest.mark.parametrize("name", THEME_NAMES)
def test_the_panel_takes_the_theme(qtbot: QtBot, name: str) -> None:
    panel = SidePanel()
    qtbot.addWidget(panel)
    panel.show_analysis(sample_analysis(), 0)
    panel.set_theme(THEMES[name])
    assert panel.palette().color(QPalette.ColorRole.Window).name() == THEMES[name].panel
    assert panel.entities_tab.theme is THEMES[name]
    assert THEMES[name].page in panel.claims_tab.container.styleSheet()
    palette = panel_palette(THEMES[name], QApplication.palette())
    assert palette.color(QPalette.ColorRole.Text).name() == THEMES[name].text


def test_a_larger_system_font_enlarges_the_story(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_preferences, "system_text_scale", lambda: 1.5)
    monkeypatch.setattr("reader.ui.reading.reading_view.system_text_scale", lambda: 1.5)
    big = ReadingView()
    qtbot.addWidget(big)
    monkeypatch.setattr("reader.ui.reading.reading_view.system_text_scale", lambda: 1.0)
    normal = ReadingView()
    qtbot.addWidget(normal)
    for view in (big, normal):
        view.show_article(sample_article())
        view.set_appearance("light", "serif", 13, 70)
    assert big.appearance.body_pt == pytest.approx(normal.appearance.body_pt * 1.5)
    assert big.document().defaultFont().pointSizeF() > normal.document().defaultFont().pointSizeF()


def test_reduced_motion_scrolls_without_animation(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIFT_REDUCE_MOTION", "1")
    assert system_preferences.prefers_reduced_motion()
    still = ReadingView()
    qtbot.addWidget(still)
    still.resize(500, 200)
    still.show_article(sample_article())
    still.show()
    qtbot.waitExposed(still)
    still.scroll_line_down()
    assert still.verticalScrollBar().value() > 0  # at once: no animation to wait for
    monkeypatch.setenv("SIFT_REDUCE_MOTION", "0")
    assert not system_preferences.prefers_reduced_motion()
    gliding = ReadingView()
    qtbot.addWidget(gliding)
    gliding.resize(500, 200)
    gliding.show_article(sample_article())
    gliding.show()
    qtbot.waitExposed(gliding)
    gliding.scroll_line_down()
    assert gliding.verticalScrollBar().value() == 0  # the glide has only started
    qtbot.waitUntil(lambda: gliding.verticalScrollBar().value() == still.verticalScrollBar().value())
