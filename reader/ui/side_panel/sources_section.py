"""The "Sources" section of the Claims tab: which sources the story leans on, at a glance.

One line of totals, a bar split by kind of source (people, organizations, documents, unnamed),
with a legend that says each kind in words and a glyph (never colour alone), then the sources
themselves, most cited first, each with a small bar and how often it is quoted or paraphrased.
The counting is the core's (:mod:`reader.core.sourcing`); this only draws it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reader.core.model import Analysis
from reader.core.sourcing import (
    SOURCE_TYPES,
    UNATTRIBUTED,
    SourceTally,
    SourceType,
    StorySources,
    tally_sources,
    type_counts,
)
from reader.ui.reading.theme import DEFAULT_THEME, Theme, theme_named

# Sources listed before "and N more": a story rarely has more than a handful worth a row.
MAX_LISTED = 6
BAR_HEIGHT_PX = 8
# Width of the most cited source's bar; the others are shorter in proportion.
BAR_MAX_PX = 48
# Glyphs that tell the kinds apart without colour.
TYPE_GLYPHS: dict[SourceType, str] = {
    "person": "●",
    "organization": "■",
    "document": "▤",
    "anonymous": "?",
    "other": "○",
}
TYPE_LABELS: dict[SourceType, str] = {
    "person": "people",
    "organization": "organizations",
    "document": "documents",
    "anonymous": "unnamed",
    "other": "other",
}


def type_colour(theme: Theme, kind: SourceType) -> str:
    if kind in ("person", "organization"):
        return theme.type_colour(kind)
    return theme.bar if kind == "anonymous" else theme.muted


class ElidedButton(QPushButton):
    """A flat name button that ends in "…" when the panel is too narrow for the whole name (the
    tooltip and the accessible name keep it whole); a clipped name would read as another one."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


def summary_line(story: StorySources) -> str:
    claims = sum(s.claims for s in story.sources)
    named = [s for s in story.sources if not s.anonymous and s.spans and s.name != UNATTRIBUTED]
    unnamed = sum(s.claims for s in story.sources if s.anonymous)
    direct = sum(s.direct for s in story.sources)
    parts = [
        f"{len(named)} named source{'s' if len(named) != 1 else ''}",
        f"{claims} claim{'s' if claims != 1 else ''}",
        f"{direct} quoted",
    ]
    if unnamed:
        parts.append(f"{unnamed} from unnamed sources")
    return " · ".join(parts)


class ShareBar(QWidget):
    """A horizontal bar split into coloured parts (one per kind of source)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts: list[tuple[int, str]] = []
        self.setFixedHeight(BAR_HEIGHT_PX)

    def set_parts(self, parts: list[tuple[int, str]]) -> None:
        self.parts = [(count, colour) for count, colour in parts if count > 0]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        total = sum(count for count, _ in self.parts)
        if not total:
            return
        painter = QPainter(self)
        x = 0.0
        for count, colour in self.parts:
            width = self.width() * count / total
            painter.fillRect(QRectF(x, 0, width, self.height()), QColor(colour))
            x += width
        painter.end()


class SourcesSection(QWidget):
    """Totals, the share bar with its legend, and the most cited sources."""

    source_chosen = Signal(str)  # a source's name (the claims tab filters its cards by it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesSection")
        self.setAccessibleName(self.tr("Sources of the story"))
        self.theme = theme_named(DEFAULT_THEME)
        self.story = StorySources([], [])
        self.title = QLabel(self.tr("<b>Sources</b>"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bar = ShareBar(self)
        self.bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.bar.setAccessibleName(self.tr("Claims by kind of source"))
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(6)
        self.rows.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.legend)
        layout.addLayout(self.rows)

    def set_analysis(self, text: str, analysis: Analysis) -> None:
        self.story = tally_sources(text, analysis)
        self.setVisible(bool(self.story.sources))
        self._fill()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._fill()

    def _fill(self) -> None:
        story, theme = self.story, self.theme
        self.summary.setText(summary_line(story))
        counts = type_counts(story.sources)
        self.bar.set_parts([(counts[kind], type_colour(theme, kind)) for kind in SOURCE_TYPES])
        self.legend.setText(
            "  ".join(
                f"<span style='color:{type_colour(theme, kind)}'>{TYPE_GLYPHS[kind]}</span> "
                f"{self.tr(TYPE_LABELS[kind])} {counts[kind]}"
                for kind in SOURCE_TYPES
                if counts[kind]
            )
        )
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        top = story.sources[:MAX_LISTED]
        most = max((s.claims for s in top), default=1)
        for row, source in enumerate(top):
            self._add_row(row, source, most)
        if len(story.sources) > MAX_LISTED:
            more = QLabel(self.tr("and %1 more").replace("%1", str(len(story.sources) - MAX_LISTED)), self)
            self.rows.addWidget(more, len(top), 1)

    def _add_row(self, row: int, source: SourceTally, most: int) -> None:
        """Glyph, name, a bar as long as its share, and its claim count (quoted/reported on hover)."""
        glyph = QLabel(TYPE_GLYPHS[source.type], self)
        glyph.setStyleSheet(f"color: {type_colour(self.theme, source.type)}")
        glyph.setToolTip(self.tr(TYPE_LABELS[source.type]))
        name = ElidedButton(source.name, self)
        name.setFlat(True)
        name.setCursor(Qt.CursorShape.PointingHandCursor)
        name.setStyleSheet("text-align: left; padding: 0px;")
        name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # the row sets its width
        detail = self.tr("%1 quoted · %2 reported").replace("%1", str(source.direct)).replace(
            "%2", str(source.reported))
        name.setToolTip(f"{source.name}: {detail}")
        name.setAccessibleName(self.tr("Show the claims of %1").replace("%1", source.name))
        name.setAccessibleDescription(detail)
        name.clicked.connect(lambda _=False, n=source.name: self.source_chosen.emit(n))
        bar = ShareBar(self)
        bar.setFixedWidth(max(4, round(BAR_MAX_PX * source.claims / most)))
        bar.set_parts([(source.claims, type_colour(self.theme, source.type))])
        count = QLabel(str(source.claims), self)
        count.setToolTip(detail)
        count.setStyleSheet(f"color: {self.theme.muted}")
        self.rows.addWidget(glyph, row, 0)
        self.rows.addWidget(name, row, 1)
        self.rows.addWidget(bar, row, 2, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.rows.addWidget(count, row, 3, Qt.AlignmentFlag.AlignRight)
        self.rows.setColumnStretch(1, 1)
        self.rows.setColumnMinimumWidth(2, BAR_MAX_PX)
