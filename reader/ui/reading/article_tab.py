"""One open article: the reading view, the find bar and the side panel, linked both ways."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from reader.core.model import HIGHLIGHT_COLORS, Analysis, Article, Highlight, Resource
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.reading_view import USER_HIGHLIGHT_PREFIX, ZOOM_STEP, ReadingView
from reader.ui.side_panel import SidePanel
from reader.ui.side_panel.grouping import quoted_names
from reader.ui.side_panel.positions import claim_at, claim_extent, mention_at, sorted_mentions

ENTITY_LAYER = "entity"
# The reader's highlights: one reading-view layer per colour ("user-yellow", …).
HIGHLIGHT_LAYER = "user-"
CLAIM_LAYER = "claim"
# The reading view gets about three quarters of the width when the panel first opens.
INITIAL_SPLIT = (3, 1)


class ArticleTab(QWidget):
    """The contents of one tab; W's window owns the tabs, menus and workers."""

    correction_requested = Signal(int, str)  # (index into article.blocks, "story" | "clutter")
    link_activated = Signal(str)  # an http(s) URL the user clicked
    # The reader's highlights: the window stores them (off the GUI thread) and calls set_highlights.
    highlight_requested = Signal(int, int, str, object)  # Article.text span, colour, note (str | None)
    highlight_edit_requested = Signal(str, object, object)  # id, new note (str | None: keep), new colour
    highlight_delete_requested = Signal(str)  # id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.highlights: list[Highlight] = []
        self.reading_view = ReadingView(self)
        self.find_bar = FindBar(self.reading_view, self)
        self.side_panel = SidePanel(self)
        reading = QWidget(self)
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reading_view, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(self.side_panel)
        self.splitter.setStretchFactor(0, INITIAL_SPLIT[0])
        self.splitter.setStretchFactor(1, INITIAL_SPLIT[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.reading_view.correction_requested.connect(self.correction_requested)
        self.reading_view.link_activated.connect(self.link_activated)
        self.reading_view.text_clicked.connect(self._on_text_clicked)
        self.reading_view.tooltip_for = self._tooltip_at
        self.reading_view.mention_step_requested.connect(self.step_mention)
        self.side_panel.mention_changed.connect(self._on_mention_changed)
        self.side_panel.claim_selected.connect(self._on_claim_selected)
        self.side_panel.highlight_selected.connect(self.scroll_to_highlight)
        self.reading_view.highlight_at = self._highlight_at
        self.reading_view.highlight_requested.connect(self._on_highlight_requested)
        # "Highlight" in the menus of an entity row and of a claim card: a plain highlight, no note.
        for panel_tab in (self.side_panel.entities_tab, self.side_panel.claims_tab):
            panel_tab.highlight_wanted.connect(lambda start, end: self._on_highlight_requested(
                start, end, HIGHLIGHT_COLORS[0], False))
        self.reading_view.highlight_menu_requested.connect(self._show_highlight_menu)

    # content ------------------------------------------------------------------------------------
    def show_article(self, article: Article, resources: Mapping[str, Resource] | None = None,
                     resources_dir: Path | None = None) -> None:
        """Show the story at once; a changed article (a correction) keeps the reading position."""
        same = self.article is not None and self.article.path == article.path
        position = self.reading_position() if same else 0.0
        changed = self.article is not None and self.article.text != article.text
        if self.article is None or changed:
            self.analysis = None  # its offsets index the old text; re-analysis will follow
        self.article = article
        self.reading_view.show_article(article, resources, resources_dir)
        self.reading_view.set_reading_position(position)
        if self.highlights:  # a correction moved text: the highlights follow their quotes
            if changed:
                from reader.core.library.highlights import reanchor

                self.set_highlights(reanchor(self.highlights, article.text))
            else:
                self.set_highlights(self.highlights)

    def show_analysis_pending(self, message: str) -> None:
        self.side_panel.show_pending(message)

    def show_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.reading_view.clear_highlights(ENTITY_LAYER)
        self.reading_view.clear_highlights(CLAIM_LAYER)
        self.side_panel.show_analysis(analysis, self._lead_end(), self.article.text if self.article else "")

    def show_analysis_failed(self, message: str) -> None:
        self.analysis = None
        self.reading_view.clear_highlights(ENTITY_LAYER)
        self.reading_view.clear_highlights(CLAIM_LAYER)
        self.side_panel.show_failed(message)

    def _lead_end(self) -> int:
        """End of the lead (first story paragraph) in Article.text; the title comes before it."""
        if self.article is None:
            return 0
        offsets = self.article.story_offsets()
        return offsets[0][1] if offsets else len(self.article.text)

    def set_show_removed(self, on: bool) -> None:
        self.reading_view.set_show_removed(on)

    def set_appearance(self, theme: str, font: str, size_pt: int, column_chars: int) -> None:
        self.reading_view.set_appearance(theme, font, size_pt, column_chars)
        self.side_panel.set_theme(self.reading_view.appearance.theme)

    def zoom_in(self) -> None:
        self.reading_view.set_zoom(self.reading_view.appearance.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.reading_view.set_zoom(self.reading_view.appearance.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.reading_view.set_zoom(1.0)

    # find ---------------------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find_next(self) -> None:
        self.find_bar.find_next()

    def find_previous(self) -> None:
        self.find_bar.find_previous()

    def close_find(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()

    def dismiss(self) -> bool:
        """Esc: close the find bar, else leave caret browsing. False when nothing was open, so the
        window's Esc can go on to its own meaning (back to the library)."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
            return True
        if self.reading_view.caret_browsing:
            self.reading_view.set_caret_browsing(False)
            return True
        return False

    # position and layout ------------------------------------------------------------------------
    def reading_position(self) -> float:
        return self.reading_view.reading_position()

    def set_reading_position(self, fraction: float) -> None:
        self.reading_view.set_reading_position(fraction)

    def toggle_side_panel(self) -> None:
        self.side_panel.setVisible(self.side_panel.isHidden())
        if self.side_panel.isHidden():
            self.reading_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def side_panel_visible(self) -> bool:
        return not self.side_panel.isHidden()

    def splitter_state(self) -> QByteArray:
        return self.splitter.saveState()

    def restore_splitter_state(self, state: QByteArray) -> None:
        self.splitter.restoreState(state)

    # text ↔ panel -------------------------------------------------------------------------------
    def _on_mention_changed(self, entity: int, mention: int) -> None:
        """Highlight every mention of the selected entity and bring the current one into view."""
        view = self.reading_view
        if entity < 0 or self.analysis is None:
            view.clear_highlights(ENTITY_LAYER)
            return
        self.side_panel.claims_tab.clear_selection()
        view.clear_highlights(CLAIM_LAYER)
        spans = sorted_mentions(self.analysis.entities[entity])
        view.set_text_highlights(ENTITY_LAYER, spans, current=mention, colour="mention")
        if not spans:
            return
        doc_range = view.text_map.document_range(*spans[mention])
        if doc_range is not None:
            view.scroll_to_position(doc_range[0])

    def step_mention(self, direction: int) -> None:
        """``[`` / ``]`` in the text: the panel's previous/next mention of the selected entity."""
        self.side_panel.entities_tab.step(direction)

    def _on_claim_selected(self, index: int) -> None:
        """Select and tint the claim's stretch of text: speaker, cue and content."""
        view = self.reading_view
        if index < 0 or self.analysis is None:
            view.clear_highlights(CLAIM_LAYER)
            return
        self.side_panel.entities_tab.clear_selection()
        view.clear_highlights(ENTITY_LAYER)
        claim = self.analysis.claims[index]
        view.set_text_highlights(CLAIM_LAYER, [claim_extent(claim)], colour="claim")
        view.select_text_range(*claim_extent(claim))

    def _on_text_clicked(self, offset: int) -> None:
        """A click on an entity mention or a claim in the text selects it in the panel."""
        if self.analysis is None or not self.side_panel_visible():
            return
        hit = mention_at(self.analysis.entities, offset)
        if hit is not None:
            self.side_panel.select_entity(*hit)
            return
        claim = claim_at(self.analysis.claims, offset)
        if claim is not None:
            self.side_panel.select_claim(claim)

    # the reader's highlights -----------------------------------------------------------------
    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Show the reader's highlights in the text (one layer per colour) and the Notes tab."""
        self.highlights = list(highlights)
        view = self.reading_view
        for colour in HIGHLIGHT_COLORS:
            spans = [(h.start, h.end) for h in self.highlights if h.color == colour and not h.orphaned]
            view.set_text_highlights(HIGHLIGHT_LAYER + colour, spans, colour=USER_HIGHLIGHT_PREFIX + colour)
        self.side_panel.show_highlights(self.highlights)

    def scroll_to_highlight(self, ident: str) -> None:
        highlight = next((h for h in self.highlights if h.id == ident), None)
        if highlight is not None and not highlight.orphaned:
            self.reading_view.scroll_to_position(highlight.start, highlight.end)

    def _highlight_at(self, offset: int) -> str | None:
        hits = [h for h in self.highlights if not h.orphaned and h.start <= offset < h.end]
        return min(hits, key=lambda h: h.end - h.start).id if hits else None

    def _on_highlight_requested(self, start: int, end: int, colour: str, with_note: bool) -> None:
        note: str | None = None
        if with_note:
            note = self._ask_note("")
            if note is None:
                return
        self.highlight_requested.emit(start, end, colour, note or None)

    def _ask_note(self, current: str) -> str | None:
        """The note the reader typed, or None when they cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note on this highlight:"),
                                                 current)
        return text.strip() if ok else None

    def highlight_menu(self, ident: str) -> QMenu:
        """Edit the note, recolour or delete one highlight."""
        highlight = next(h for h in self.highlights if h.id == ident)
        menu = QMenu(self)
        note = menu.addAction(self.tr("Edit &Note…") if highlight.note else self.tr("Add &Note…"))
        note.triggered.connect(lambda: self._edit_note(highlight))
        colours = menu.addMenu(self.tr("&Colour"))
        for colour in HIGHLIGHT_COLORS:
            action = colours.addAction(self.tr(colour.capitalize()))
            action.setCheckable(True)
            action.setChecked(colour == highlight.color)
            action.triggered.connect(
                lambda _=False, c=colour: self.highlight_edit_requested.emit(ident, None, c))
        menu.addSeparator()
        delete = menu.addAction(self.tr("&Delete Highlight"))
        delete.triggered.connect(lambda: self.highlight_delete_requested.emit(ident))
        return menu

    def _show_highlight_menu(self, ident: str, where: QPoint) -> None:
        if any(h.id == ident for h in self.highlights):
            menu = self.highlight_menu(ident)
            menu.popup(where)

    def _edit_note(self, highlight: Highlight) -> None:
        note = self._ask_note(highlight.note or "")
        if note is not None and note != (highlight.note or ""):
            self.highlight_edit_requested.emit(highlight.id, note, None)

    def _tooltip_at(self, offset: int) -> str | None:
        """The note of the highlight, or the entity behind the mention, under the mouse."""
        ident = self._highlight_at(offset)
        note = next((h.note for h in self.highlights if h.id == ident and h.note), None)
        if note:
            return note
        if self.analysis is None:
            return None
        hit = mention_at(self.analysis.entities, offset)
        if hit is None:
            return None
        entity = self.analysis.entities[hit[0]]
        count = len(sorted_mentions(entity))
        tip = self.tr("{0} — {1}, {2} mentions").format(
            entity.name, entity.type, count)
        if entity.name in quoted_names(self.analysis.claims):
            tip += self.tr(" · quoted")
        return tip
