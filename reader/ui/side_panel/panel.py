"""The side panel: a status page (pending, failed) or the Entities, Claims and Notes tabs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Analysis, Highlight
from reader.ui.reading.theme import DEFAULT_THEME, Theme, panel_palette, theme_named
from reader.ui.side_panel.claims_tab import ClaimsTab
from reader.ui.side_panel.entities_tab import EntitiesTab
from reader.ui.side_panel.notes_tab import NotesTab

# The panel's least width: a claim card's header (speaker, cue and its badges) fits in it, so
# cards never run past the panel's edge (the seed's widest card needs 233 px at the default font).
MIN_WIDTH_PX = 260


class SidePanel(QWidget):
    """Shows the analysis of one article; reports what the reader selects in it."""

    mention_changed = Signal(int, int)  # (entity index, mention index); (-1, -1) when none
    claim_selected = Signal(int)
    highlight_selected = Signal(str)  # a reader's highlight, by id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.setAccessibleName(self.tr("Entities and claims"))
        self.analysis: Analysis | None = None
        self.state = "empty"  # "empty" | "pending" | "failed" | "ready"
        self.status_label = QLabel(self.tr("Entities and claims appear here once the article "
                                           "is analysed."), self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Analysis status"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the model load has no measurable progress
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Analysis in progress"))
        self.progress.hide()
        self.warnings_label = QLabel(self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.warnings_label.setMargin(6)
        self.warnings_label.setAccessibleName(self.tr("Analysis warnings"))
        self.warnings_label.hide()
        self.tabs = QTabWidget(self)  # first, so Tab reaches the tab bar before the tabs' contents
        self.entities_tab = EntitiesTab(self)
        self.claims_tab = ClaimsTab(self)
        self.tabs.setAccessibleName(self.tr("Entities and claims tabs"))
        self.tabs.tabBar().setAccessibleName(self.tr("Entities or claims"))
        self.tabs.tabBar().setAccessibleDescription(self.tr("Left and right switch between the "
                                                            "entity list and the claim cards"))
        self.tabs.addTab(self.entities_tab, self.tr("&Entities"))
        self.tabs.addTab(self.claims_tab, self.tr("&Claims"))
        self.notes_tab = NotesTab(self)
        self.tabs.addTab(self.notes_tab, self.tr("&Notes"))
        self.notes_tab.highlight_selected.connect(self.highlight_selected)
        self.entities_tab.mention_changed.connect(self.mention_changed)
        self.claims_tab.claim_selected.connect(self.claim_selected)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._status_page())
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.warnings_label)
        content_layout.addWidget(self.tabs, 1)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setAccessibleDescription(self.tr(
            "The people, places and organizations in the article, and who claims what"))
        self.setAutoFillBackground(True)
        self.theme = theme_named(DEFAULT_THEME)
        self.set_theme(self.theme)

    def set_theme(self, theme: Theme) -> None:
        """The panel in the reading theme's colours, so it looks the same beside every page."""
        self.theme = theme
        self.setPalette(panel_palette(theme, self.palette()))
        self.entities_tab.set_theme(theme)
        self.claims_tab.set_theme(theme)
        self.notes_tab.set_theme(theme)

    def _status_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def show_pending(self, message: str) -> None:
        """Progress while the analysis runs (the model loads the first time).

        Old results are not kept meanwhile: after a correction their offsets no longer fit the text.
        """
        self.state = "pending"
        self.status_label.setText(message)
        self.progress.show()
        if not self.notes_tab.highlights:
            self.stack.setCurrentIndex(0)

    def show_failed(self, message: str) -> None:
        """Say that the analysis failed; the article stays readable."""
        self.state = "failed"
        self.analysis = None
        self.status_label.setText(self.tr("Entities and claims are not available: {}\n\n"
                                          "The article itself is not affected.").format(message))
        self.progress.hide()
        self.stack.setCurrentIndex(0)

    def show_analysis(self, analysis: Analysis, lead_end: int, text: str = "") -> None:
        """Fill the tabs; ``lead_end`` is where the article's lead ends in ``text`` (Article.text)."""
        self.state = "ready"
        self.analysis = analysis
        self.progress.hide()
        messages = [w.message for w in analysis.warnings]
        self.warnings_label.setText("\n".join(messages))
        self.warnings_label.setVisible(bool(messages))
        self.entities_tab.set_analysis(analysis, lead_end)
        self.claims_tab.set_analysis(analysis, text)
        self.stack.setCurrentIndex(1)

    def select_entity(self, index: int, mention: int = 0) -> None:
        self.tabs.setCurrentWidget(self.entities_tab)
        self.entities_tab.select_entity(index, mention)

    def show_highlights(self, highlights: Sequence[Highlight]) -> None:
        """The reader's highlights in the Notes tab (shown whatever the analysis is doing)."""
        self.notes_tab.show_highlights(highlights)
        if highlights and self.state != "ready":
            self.stack.setCurrentIndex(1)
            self.tabs.setCurrentWidget(self.notes_tab)

    def select_claim(self, index: int) -> None:
        self.tabs.setCurrentWidget(self.claims_tab)
        self.claims_tab.select_claim(index)
