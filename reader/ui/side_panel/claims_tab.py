"""The Claims tab: one card per claim — who says what, how, and which claims dispute which."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Analysis, Claim
from reader.ui.reading.theme import DEFAULT_THEME, Theme, theme_named
from reader.ui.side_panel.entity_marks import MARK_PX, paint_speech_mark
from reader.ui.side_panel.grouping import confidence_of, is_low_confidence
from reader.ui.side_panel.positions import disputed_by
from reader.ui.side_panel.sources_section import SourcesSection

QUOTE_MARKS = "\"“”„«»‘’'"
# Dispute links quote the other claim; longer text is cut so a link stays on one or two lines.
LINK_PREVIEW_CHARS = 60
SELECTED_BORDER_PX = 3
CARD_RADIUS_PX = 6
DISPUTE_GLYPH = "⇄"


def cards_stylesheet(theme: Theme) -> str:
    """The cards' look in a theme: a page-coloured card on the panel, muted cue and badges."""
    return f"""
QWidget#claimsContainer {{ background-color: {theme.panel}; }}
ClaimCard {{ background-color: {theme.page}; border: 1px solid {theme.bar};
             border-radius: {CARD_RADIUS_PX}px; }}
ClaimCard QLabel {{ background: transparent; border: none; color: {theme.text}; }}
ClaimCard QLabel#claimCue {{ color: {theme.muted}; }}
ClaimCard QLabel#claimBadge {{ color: {theme.muted}; border: 1px solid {theme.bar};
                               border-radius: 8px; padding: 0px 6px; }}
ClaimCard QLabel#claimContent {{ border-left: 3px solid {theme.type_colour("person")};
                                 padding-left: 6px; }}
ClaimCard[lowConfidence="true"] QLabel#claimContent {{ color: {theme.muted};
                                                       border-left-color: {theme.bar}; }}
ClaimCard QLabel#claimDispute {{ color: {theme.muted}; }}
"""


class SpeechMark(QWidget):
    """The speech bubble beside a speaker's name, in the theme's person colour."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setFixedSize(MARK_PX + 4, MARK_PX + 4)
        self.setAccessibleName(self.tr("Speaker"))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_speech_mark(painter, QRectF(1, 2, MARK_PX + 2, MARK_PX + 1), QColor(self.colour))
        painter.end()


def speaker_name(claim: Claim) -> str | None:
    """The entity that speaks, else the speaker's words, else None (no named source)."""
    if claim.speaker_entity:
        return claim.speaker_entity
    return claim.speaker.text if claim.speaker is not None else None


def content_text(claim: Claim) -> str:
    """The claim's content; direct quotes wear quotation marks."""
    text = " … ".join(s.text.strip() for s in claim.content)
    if claim.kind == "direct" and text and text[0] not in QUOTE_MARKS:
        return f"“{text}”"
    return text


def preview(claim: Claim) -> str:
    """The speaker and the content, cut short, for the links between disputing claims."""
    who = speaker_name(claim) or QCoreApplication.translate("ClaimsTab", "unnamed source")
    text = content_text(claim)
    if len(text) > LINK_PREVIEW_CHARS:
        text = text[: LINK_PREVIEW_CHARS - 1].rstrip() + "…"
    return f"{who}: {text}"


def link_html(text: str, colour: str) -> str:
    """A link in the theme's link colour (a stylesheet'd label ignores the palette's link role)."""
    return f'<a href="#" style="color: {colour}">{html.escape(text)}</a>'


def link_label(text: str, name: str, parent: QWidget, colour: str) -> QLabel:
    """A wrapped link the keyboard reaches (Tab) and follows (Enter), in the theme's link colour."""
    label = QLabel(link_html(text, colour), parent)
    label.setProperty("linkText", text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    label.setAccessibleName(name)
    return label


def boxed_label(text: str, tip: str, parent: QWidget) -> QLabel:
    """A small rounded badge: the kind, the vague-source and low-confidence markers."""
    label = QLabel(text, parent)
    label.setObjectName("claimBadge")
    label.setToolTip(tip)
    label.setAccessibleName(f"{text}: {tip}" if tip else text)
    return label


class ClaimCard(QFrame):
    """One claim; clicking or focusing it selects it."""

    activated = Signal(int)
    speaker_clicked = Signal(str)
    navigate = Signal(int)
    step_requested = Signal(int, int)  # (this card's index, +1 down / -1 up)
    highlight_wanted = Signal(int, int)  # the claim's content span in Article.text (context menu)

    def __init__(self, index: int, analysis: Analysis, parent: QWidget | None = None,
                 theme: Theme | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.theme = theme or theme_named(DEFAULT_THEME)
        claim = analysis.claims[index]
        self.content = claim.content
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("selected", False)
        self.low_confidence = is_low_confidence(claim)
        self.setProperty("lowConfidence", self.low_confidence)
        speaker = speaker_name(claim)
        self.setAccessibleName(self.tr("Claim {0}: {1}").format(index + 1, preview(claim)))
        self.setAccessibleDescription(self._description(claim, speaker))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(5)
        layout.addLayout(self._header(claim, speaker))
        layout.addLayout(self._markers(claim))
        self.content_label = QLabel(content_text(claim), self)
        self.content_label.setObjectName("claimContent")
        self.content_label.setWordWrap(True)
        self.content_label.setAccessibleName(self.tr("Claim content"))
        layout.addWidget(self.content_label)
        self.dispute_links: list[QLabel] = []
        if claim.disputes is not None and 0 <= claim.disputes < len(analysis.claims):
            self._dispute_link(layout, self.tr("disputes {}"), claim.disputes, analysis)
        for other in disputed_by(analysis.claims, index):
            self._dispute_link(layout, self.tr("disputed by {}"), other, analysis)

    def _description(self, claim: Claim, speaker: str | None) -> str:
        """What a screen reader says after the name: who, how, and how sure the analysis is."""
        parts = [self.tr("{0} {1}").format(speaker or self.tr("An unnamed source"), claim.cue.text),
                 self.tr("kind: {}").format(self.tr(claim.kind))]
        if claim.vague:
            parts.append(self.tr("vague source"))
        if self.low_confidence:
            parts.append(self.tr("low confidence"))
        return ", ".join(parts)

    def _header(self, claim: Claim, speaker: str | None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.speech_mark = SpeechMark(self.theme.type_colour("person"), self)
        row.addWidget(self.speech_mark)
        if speaker:
            self.speaker_link: QLabel | None = link_label(
                speaker, self.tr("Show only claims by {}").format(speaker), self, self.theme.link)
            self.speaker_link.setToolTip(self.tr("Show only the claims of {}").format(speaker))
            self.speaker_link.linkActivated.connect(
                lambda _href: self.speaker_clicked.emit(speaker))
            self.speaker_link.setWordWrap(True)  # a long name wraps in a narrow panel, not widens it
            row.addWidget(self.speaker_link)
        else:
            self.speaker_link = None
            unnamed = QLabel(self.tr("Unnamed source"), self)
            unnamed.setWordWrap(True)
            row.addWidget(unnamed)
        cue = QLabel(claim.cue.text, self)
        cue.setObjectName("claimCue")
        cue.setTextFormat(Qt.TextFormat.PlainText)
        font = cue.font()
        font.setItalic(True)
        cue.setFont(font)
        cue.setAccessibleName(self.tr("Cue"))
        cue.setWordWrap(True)  # a long cue ("has acknowledged") wraps in a narrow panel, not widens it
        row.addWidget(cue)
        row.addStretch(1)
        return row

    def _markers(self, claim: Claim) -> QHBoxLayout:
        """The kind of claim and the vague-source and low-confidence badges, on a row of their own
        so that a long name and a long cue still fit the narrowest panel."""
        row = QHBoxLayout()
        row.setSpacing(4)
        tips = {"direct": self.tr("Quoted word for word"),
                "indirect": self.tr("Reported speech, not a quotation"),
                "mixed": self.tr("Reported speech with quoted words")}
        row.addWidget(boxed_label(self.tr(claim.kind), tips.get(claim.kind, ""), self))
        if claim.vague:
            tip = self.tr("The source is not named (e.g. “officials said”).")
            row.addWidget(boxed_label(self.tr("vague source"), tip, self))
        if self.low_confidence:
            tip = self.tr("The analysis is unsure of this claim ({:.0%})").format(confidence_of(claim))
            row.addWidget(boxed_label(self.tr("unsure"), tip, self))
        row.addStretch(1)
        return row

    def _dispute_link(self, layout: QVBoxLayout, template: str, other: int,
                      analysis: Analysis) -> None:
        text = template.format(preview(analysis.claims[other]))
        label = link_label(f"{DISPUTE_GLYPH} {text}", text, self, self.theme.link)
        label.setObjectName("claimDispute")
        label.setToolTip(self.tr("Go to the other claim"))
        label.linkActivated.connect(lambda _href: self.navigate.emit(other))
        layout.addWidget(label)
        self.dispute_links.append(label)

    def apply_theme(self, theme: Theme) -> None:
        """Links, the speech mark and the selection border in ``theme``'s colours."""
        self.theme = theme
        for label in [self.speaker_link, *self.dispute_links]:
            if label is not None:
                label.setText(link_html(str(label.property("linkText")), theme.link))
        self.speech_mark.colour = theme.type_colour("person")
        self.speech_mark.update()
        self.update()

    def set_selected(self, on: bool) -> None:
        self.setProperty("selected", on)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """The frame, and a highlight-coloured border around the selected card."""
        super().paintEvent(event)
        if self.property("selected"):
            painter = QPainter(self)
            pen = QPen(QColor(self.theme.link))  # 4.5:1 on the panel in every theme
            pen.setWidth(SELECTED_BORDER_PX)
            painter.setPen(pen)
            inset = SELECTED_BORDER_PX // 2
            painter.drawRect(self.rect().adjusted(inset, inset, -inset - 1, -inset - 1))
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.activated.emit(self.index)
        super().mousePressEvent(event)

    def content_span(self) -> tuple[int, int] | None:
        """What a highlight of the claim covers: its content, first part to last."""
        if not self.content:
            return None
        return min(s.start for s in self.content), max(s.end for s in self.content)

    def context_menu(self) -> QMenu | None:
        span = self.content_span()
        if span is None:
            return None
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Highlight"), lambda: self.highlight_wanted.emit(*span))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.context_menu()
        if menu is not None:
            menu.popup(event.globalPos())

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.activated.emit(self.index)  # not when the window merely becomes active again

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step_requested.emit(self.index, 1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class ClaimsTab(QWidget):
    """The cards, an optional speaker filter, and navigation between disputing claims."""

    claim_selected = Signal(int)  # index in analysis.claims; -1 when none
    highlight_wanted = Signal(int, int)  # a claim's content span (a card's context menu)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = Analysis()
        self.cards: list[ClaimCard] = []
        self.selected = -1
        self.speaker_filter: str | None = None
        self.filter_label = QLabel(self)
        self.show_all_button = QPushButton(self.tr("Show all claims"), self)
        self.show_all_button.setAccessibleName(self.tr("Show all claims"))
        self.show_all_button.clicked.connect(lambda: self.set_speaker_filter(None))
        self.empty_label = QLabel(self.tr("No claims were found in this article."), self)
        self.empty_label.setWordWrap(True)
        self.container = QWidget()
        self.container.setObjectName("claimsContainer")
        self.cards_layout = QVBoxLayout(self.container)
        self.cards_layout.setContentsMargins(2, 4, 2, 4)
        self.cards_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.container)
        self.scroll_area.setAccessibleName(self.tr("Claims"))
        self.scroll_area.setAccessibleDescription(self.tr(
            "One card per claim: who said it, how, and which claims dispute it. "
            "Up and Down move between cards."))
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.theme = theme_named(DEFAULT_THEME)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_label, 1)
        filter_row.addWidget(self.show_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.sources = SourcesSection(self.container)
        self.sources.source_chosen.connect(self.set_speaker_filter)
        self.cards_layout.insertWidget(0, self.sources)
        layout.addLayout(filter_row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll_area, 1)
        self._update_filter_row()
        self.set_theme(self.theme)

    def set_analysis(self, analysis: Analysis, text: str = "") -> None:
        """One card per claim, under the story's sources (``text``: the Article.text they index)."""
        self.sources.set_analysis(text, analysis)
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.analysis = analysis
        self.selected = -1
        self.cards = []
        for index in range(len(analysis.claims)):
            card = ClaimCard(index, analysis, self.container, self.theme)
            card.activated.connect(self.select_claim)
            card.speaker_clicked.connect(self.set_speaker_filter)
            card.navigate.connect(lambda other: self.select_claim(other, focus=True))
            card.step_requested.connect(self._step_focus)
            card.highlight_wanted.connect(self.highlight_wanted)
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            self.cards.append(card)
        self.empty_label.setVisible(not analysis.claims)
        names = {speaker_name(c) for c in analysis.claims}
        self.set_speaker_filter(self.speaker_filter if self.speaker_filter in names else None)

    def set_theme(self, theme: Theme) -> None:
        """Cards in the theme's colours (the stylesheet reaches cards made later too)."""
        self.theme = theme
        self.container.setStyleSheet(cards_stylesheet(theme))
        self.sources.set_theme(theme)
        for card in self.cards:
            card.apply_theme(theme)

    def _step_focus(self, index: int, direction: int) -> None:
        """Up/Down on a card: select the previous/next visible card and move the focus there."""
        visible = self.visible_claims()
        position = visible.index(index) + direction if index in visible else -1
        if 0 <= position < len(visible):
            self.select_claim(visible[position], focus=True)

    def set_speaker_filter(self, speaker: str | None) -> None:
        """Show only the claims of one speaker (None: all)."""
        self.speaker_filter = speaker
        for card in self.cards:
            card.setVisible(speaker is None
                            or speaker_name(self.analysis.claims[card.index]) == speaker)
        self._update_filter_row()

    def visible_claims(self) -> list[int]:
        return [card.index for card in self.cards if not card.isHidden()]

    def _update_filter_row(self) -> None:
        on = self.speaker_filter is not None
        self.filter_label.setText(self.tr("Claims by {}").format(self.speaker_filter) if on else "")
        self.filter_label.setVisible(on)
        self.show_all_button.setVisible(on)

    def select_claim(self, index: int, focus: bool = False) -> None:
        """Select a claim (a card, a dispute link, a click in the text) and report it."""
        if not 0 <= index < len(self.cards):
            return
        card = self.cards[index]
        if card.isHidden():
            self.set_speaker_filter(None)
        changed = index != self.selected
        for other in self.cards:
            other.set_selected(other is card)
        self.selected = index
        self.scroll_area.ensureWidgetVisible(card)
        if focus and not card.hasFocus():
            card.blockSignals(True)
            card.setFocus(Qt.FocusReason.OtherFocusReason)
            card.blockSignals(False)
        if changed:
            self.claim_selected.emit(index)

    def clear_selection(self) -> None:
        for card in self.cards:
            card.set_selected(False)
        self.selected = -1
