"""The Sources section of the Claims tab: totals, kinds of source, the most cited, a click filters."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sample_articles import sample_analysis, sample_article

from reader.core.model import Analysis, Claim, Span
from reader.core.sourcing import tally_sources
from reader.ui.side_panel.claims_tab import ClaimsTab
from reader.ui.side_panel.sources_section import TYPE_GLYPHS, summary_line


def test_the_section_counts_and_lists_the_sources(qtbot: QtBot) -> None:
    article = sample_article()
    analysis = sample_analysis(article)
    tab = ClaimsTab()
    qtbot.addWidget(tab)
    tab.set_analysis(analysis, article.text)
    tab.show()
    section = tab.sources
    assert section.isVisible()
    story = tally_sources(article.text, analysis)
    assert section.summary.text() == summary_line(story)
    names = [section.rows.itemAtPosition(r, 1).widget().full_text for r in range(min(6, len(story.sources)))]
    assert names == [s.name for s in story.sources[:6]]
    assert TYPE_GLYPHS[story.sources[0].type] in section.legend.text()


def test_choosing_a_source_filters_the_cards(qtbot: QtBot) -> None:
    article = sample_article()
    analysis = sample_analysis(article)
    tab = ClaimsTab()
    qtbot.addWidget(tab)
    tab.set_analysis(analysis, article.text)
    first = tab.sources.rows.itemAtPosition(0, 1).widget()
    first.click()
    assert tab.speaker_filter == first.full_text
    assert tab.visible_claims() and len(tab.visible_claims()) <= len(analysis.claims)


def test_unnamed_sources_are_counted_apart(qtbot: QtBot) -> None:
    text = "Officials said the talks had stalled. Putin said the war would go on."
    claims = (
        Claim(
            cue=Span(10, 14, "said"),
            content=(Span(15, 36, text[15:36]),),
            kind="indirect",
            speaker=Span(0, 9, "Officials"),
            vague=True,
        ),
        Claim(
            cue=Span(44, 48, "said"),
            content=(Span(49, 69, text[49:69]),),
            kind="indirect",
            speaker=Span(38, 43, "Putin"),
        ),
    )
    story = tally_sources(text, Analysis(claims=claims))
    assert summary_line(story) == "1 named source · 2 claims · 0 quoted · 1 from unnamed sources"
    tab = ClaimsTab()
    qtbot.addWidget(tab)
    tab.set_analysis(Analysis(claims=claims), text)
    assert "unnamed 1" in tab.sources.legend.text()


def test_no_claims_no_section(qtbot: QtBot) -> None:
    tab = ClaimsTab()
    qtbot.addWidget(tab)
    tab.set_analysis(Analysis(), "")
    tab.show()
    assert not tab.sources.isVisible()


def test_a_long_name_in_a_narrow_panel_ends_in_an_ellipsis(qtbot: QtBot) -> None:
    speaker = "The Ministry of Defence of the Russian Federation"
    text = f"{speaker} said the convoy had turned back."
    start = len(speaker) + 1
    content = Span(start + 5, len(text) - 1, text[start + 5:-1])
    claim = Claim(cue=Span(start, start + 4, "said"), content=(content,), kind="indirect",
                  speaker=Span(0, len(speaker), speaker))
    tab = ClaimsTab()
    qtbot.addWidget(tab)
    tab.set_analysis(Analysis(claims=(claim,)), text)
    tab.resize(260, 500)
    tab.show()
    name = tab.sources.rows.itemAtPosition(0, 1).widget()
    qtbot.waitUntil(lambda: name.text().endswith("…"))
    assert name.fontMetrics().horizontalAdvance(name.text()) <= name.width()
    assert name.full_text == speaker and name.toolTip().startswith(speaker)
    tab.resize(900, 500)
    qtbot.waitUntil(lambda: name.text() == speaker)


def test_claim_cards_fit_the_narrowest_panel(qtbot: QtBot) -> None:
    speaker = "The Ministry of Defence of the Russian Federation"
    text = f"{speaker} has acknowledged the convoy turned back. Officials were seen to accept the plan."
    start = len(speaker) + 1
    cue_end = start + len("has acknowledged")
    named = Claim(cue=Span(start, cue_end, "has acknowledged"),
                  content=(Span(cue_end + 1, cue_end + 28, text[cue_end + 1:cue_end + 28]),),
                  kind="indirect", speaker=Span(0, len(speaker), speaker))
    second = text.index("Officials")
    unnamed = Claim(cue=Span(second + 10, second + 18, "were seen"),
                    content=(Span(second + 19, len(text) - 1, text[second + 19:-1]),), kind="indirect",
                    vague=True)
    tab = ClaimsTab()
    qtbot.addWidget(tab)
    tab.set_analysis(Analysis(claims=(named, unnamed)), text)
    tab.resize(250, 600)
    tab.show()
    body = tab.scroll_area.widget()
    qtbot.waitUntil(lambda: body.width() <= tab.scroll_area.viewport().width())
    assert body.minimumSizeHint().width() <= tab.scroll_area.viewport().width()  # nothing clipped
