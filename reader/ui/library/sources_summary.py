"""Sources across articles: the library's "Sources" column, and the sources of a selection of
articles or of a site at a glance (the Claims tab's bars and chips, summed over the articles).

The counting is the core's (reader/core/library/story_sources.py); the drawing is the side
panel's :class:`SourcesSection`, fed the summed tallies instead of one story's.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from reader.core.library.story_sources import SourceSummary
from reader.core.sourcing import UNATTRIBUTED, SourceTally, StorySources
from reader.ui.side_panel.sources_section import SourcesSection

# The dialog's size in pixels: room for the bar, the legend and a dozen rows.
DIALOG_SIZE = (460, 520)


def column_label(summary: SourceSummary) -> str:
    """The library column: "4 · 1 unnamed" (sources, and how many of them the story leaves
    unnamed); empty for an article without sources."""
    if not summary.sources:
        return ""
    return f"{summary.sources} · {summary.anonymous} unnamed" if summary.anonymous else str(summary.sources)


def column_detail(summary: SourceSummary) -> str:
    """The column's tooltip, in words."""
    if not summary.sources:
        return "No sources quoted or paraphrased"
    return (f"{summary.label()}; {summary.direct} claims quoted, {summary.reported} reported")


def aggregate_line(tallies: Sequence[SourceTally], articles: int | None) -> str:
    """Totals of an aggregate: sources, named and unnamed, claims, quoted."""
    claims = sum(t.claims for t in tallies)
    unnamed = [t for t in tallies if t.anonymous or t.name == UNATTRIBUTED]
    direct = sum(t.direct for t in tallies)
    parts = [] if articles is None else [f"{articles} article{'s' if articles != 1 else ''}"]
    parts += [f"{len(tallies) - len(unnamed)} named sources", f"{len(unnamed)} unnamed",
              f"{claims} claims", f"{direct} quoted"]
    return " · ".join(parts)


class AggregateSources(SourcesSection):
    """The Claims tab's Sources section, for the tallies summed over several articles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addStretch(1)  # in a tall dialog the rows stay together at the top

    def show_tallies(self, tallies: list[SourceTally], articles: int | None) -> None:
        self.story = StorySources(tallies, [])  # the section lists the most cited, counts the rest
        self._fill()
        self.summary.setText(aggregate_line(tallies, articles))
        self.setVisible(True)


class SourcesDialog(QDialog):
    """The sources of a selection of articles or of a site; a source's name opens its page."""

    source_chosen = Signal(str)

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self.setAccessibleName(heading)
        self.resize(*DIALOG_SIZE)
        self.heading = QLabel(f"<b>{heading}</b>", self)
        self.heading.setWordWrap(True)
        self.section = AggregateSources(self)
        self.section.title.hide()  # the dialog's heading says what these are the sources of
        self.section.source_chosen.connect(self.source_chosen)
        self.empty = QLabel(self.tr("No sources are quoted or paraphrased in these articles."), self)
        self.empty.hide()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.section)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def show_tallies(self, tallies: list[SourceTally], articles: int | None) -> None:
        self.section.show_tallies(tallies, articles)
        self.empty.setVisible(not tallies)
