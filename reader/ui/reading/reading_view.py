"""The reading view: one Article in a QTextBrowser, with highlights, clicks, links and corrections.

The document is written by :mod:`reader.ui.reading.document`; its positions map to Article.text
through :class:`TextMap` (:mod:`reader.ui.reading.text_map`), so highlighting an entity is selecting its
spans. Safety: nothing is loaded from the network, and no local file outside the article's own
resources is read (:func:`reader.ui.reading.article_resources.load_resource`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QPointF, QPropertyAnimation, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.model import HIGHLIGHT_COLORS, Article, Resource
from reader.ui.reading.article_resources import load_resource
from reader.ui.reading.document import Appearance, DocumentWriter
from reader.ui.reading.keyboard import reading_action_for
from reader.ui.reading.system_preferences import prefers_reduced_motion, system_text_scale
from reader.ui.reading.text_map import Segment, TextMap
from reader.ui.reading.theme import DEFAULT_THEME, Theme, reading_font, reading_palette, theme_named

__all__ = ["ReadingView", "Segment", "TextMap"]

MIN_SIDE_MARGIN_PX = 24
# Zoom steps of 10% between half and triple size: the range browsers offer for reading.
ZOOM_STEP = 1.1
ZOOM_MIN, ZOOM_MAX = 0.5, 3.0
# j/k move three lines, as a mouse-wheel notch does on most desktops.
LINES_PER_STEP = 3
# Space keeps one line of the previous screen in view, so the eye finds its place (as browsers do).
PAGE_OVERLAP_LINES = 1
# A short glide for keyboard scrolling; none at all when the desktop asks for reduced motion.
SCROLL_ANIMATION_MS = 120
CARET_WIDTH_PX = 2
# A highlight layer's colour naming one of the reader's highlight colours ("highlight:yellow").
USER_HIGHLIGHT_PREFIX = "highlight:"
# Keys that move the (hidden) caret in Qt but should scroll the page while caret browsing is off.
SCROLL_KEYS = {
    Qt.Key.Key_Down: "line_down", Qt.Key.Key_Up: "line_up", Qt.Key.Key_PageDown: "page_down",
    Qt.Key.Key_PageUp: "page_up", Qt.Key.Key_Home: "top", Qt.Key.Key_End: "bottom",
}


class ReadingView(QTextBrowser):
    """Shows one Article; highlights text spans; reports clicks, links and corrections."""

    correction_requested = Signal(int, str)  # (index into article.blocks, "story" | "clutter")
    link_activated = Signal(str)  # an http(s) URL the user clicked
    text_clicked = Signal(int)  # Article.text offset of a plain click on the story
    zoom_changed = Signal(float)
    document_rebuilt = Signal()
    mention_step_requested = Signal(int)  # +1 next / -1 previous mention of the selected entity
    caret_browsing_changed = Signal(bool)
    highlight_requested = Signal(int, int, str, bool)  # Article.text span, colour, ask for a note
    highlight_menu_requested = Signal(str, QPoint)  # a user highlight's id, where to show its menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Article text"))
        self.setAccessibleDescription(self.tr(
            "The story, read-only. J and K or Space scroll; F7 shows a caret for selecting text."))
        self.caret_browsing = False
        self.reduce_motion = prefers_reduced_motion()
        self._scroll_animation = QPropertyAnimation(self.verticalScrollBar(), b"value", self)
        self._scroll_animation.setDuration(SCROLL_ANIMATION_MS)
        self._scroll_animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.setCursorWidth(0)  # no caret blinking in a read-only page (F7 brings it back)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.anchorClicked.connect(self._on_anchor)
        self.article: Article | None = None
        self.text_map = TextMap()
        self.block_ranges: list[tuple[int, int, int]] = []
        self.resources: Mapping[str, Resource] = {}
        self.resources_dir: Path | None = None
        self.appearance = Appearance(theme_named(DEFAULT_THEME), scale=system_text_scale())
        self.show_removed = False
        self.tooltip_for: Callable[[int], str | None] = lambda offset: None
        # The id of the reader's highlight covering an Article.text offset (set by the tab).
        self.highlight_at: Callable[[int], str | None] = lambda offset: None
        self._text_layers: dict[str, tuple[list[tuple[int, int]], int | None, str]] = {}
        self._doc_layers: dict[str, tuple[list[tuple[int, int]], int | None, str]] = {}
        self.document().setUndoRedoEnabled(False)
        self._apply_palette()

    # content ------------------------------------------------------------------------------------
    def show_article(self, article: Article, resources: Mapping[str, Resource] | None = None,
                     resources_dir: Path | None = None) -> None:
        self.article = article
        self.resources = resources or {}
        self.resources_dir = resources_dir
        self._text_layers.clear()
        self._doc_layers.clear()
        self.rebuild(keep_place=False)

    def set_show_removed(self, on: bool) -> None:
        if on != self.show_removed:
            self.show_removed = on
            self.rebuild()

    def set_appearance(self, theme: str, font: str, size_pt: float, column_chars: int) -> None:
        look = Appearance(theme_named(theme), "sans" if font == "sans" else "serif",
                          float(size_pt), int(column_chars), self.appearance.zoom,
                          self.appearance.scale)
        if look != self.appearance:
            self.appearance = look
            self._apply_palette()
            self.rebuild()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        if abs(zoom - self.appearance.zoom) > 1e-6:
            look = self.appearance
            self.appearance = Appearance(look.theme, look.font, look.size_pt, look.column_chars,
                                         zoom, look.scale)
            self.rebuild()
            self.zoom_changed.emit(zoom)

    def rebuild(self, keep_place: bool = True) -> None:
        """Write the document again (article, removed toggle or appearance changed).

        ``keep_place``: the story text at the top of the view stays there (same article only).
        """
        fraction = self.reading_position()
        anchor = self.top_text_offset() if keep_place else None
        doc = self.document()
        doc.clear()
        doc.setDefaultFont(reading_font(self.appearance.font, self.appearance.body_pt))
        if self.article is not None:
            writer = DocumentWriter(doc, self.appearance, self._image_for, self.column_px())
            writer.write(self.article, self.show_removed)
            self.text_map = TextMap(writer.segments)
            self.block_ranges = writer.block_ranges
        else:
            self.text_map, self.block_ranges = TextMap(), []
        self._doc_layers.clear()
        self.setTextCursor(QTextCursor(doc))  # at the top: Qt scrolls to keep the caret in view
        self._center_column()
        self._apply_highlights()
        self.set_reading_position(fraction)
        if anchor is not None:
            self._scroll_text_to_top(anchor)
        self.document_rebuilt.emit()

    def top_text_offset(self) -> int | None:
        """The story offset at the top of the view (None at the very top or outside the story)."""
        if self.verticalScrollBar().value() == 0:
            return None
        position = self.cursorForPosition(QPoint(self.viewport().width() // 2, 1)).position()
        return self.text_map.to_text(position)

    def _scroll_text_to_top(self, offset: int) -> None:
        position = self.text_map.to_document(offset)
        if position is None:
            return
        self.document().documentLayout().documentSize()
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def _image_for(self, ref: str) -> QImage:
        return load_resource(QTextDocument.ResourceType.ImageResource.value, ref,
                             self.resources, self.resources_dir)  # type: ignore[return-value]

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt override)
        """Never the network, never a file outside the article's resources."""
        kind_value = kind.value if hasattr(kind, "value") else int(kind)
        ref = name.toString() if isinstance(name, QUrl) else str(name)
        return load_resource(kind_value, ref, self.resources, self.resources_dir)

    # layout -------------------------------------------------------------------------------------
    def column_px(self) -> float:
        metrics = QFontMetricsF(reading_font(self.appearance.font, self.appearance.body_pt))
        return metrics.averageCharWidth() * self.appearance.column_chars

    def _center_column(self) -> None:
        width = self.viewport().width()
        margin = max(MIN_SIDE_MARGIN_PX, (width - self.column_px()) / 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(MIN_SIDE_MARGIN_PX * 1.5)
        fmt.setBottomMargin(MIN_SIDE_MARGIN_PX * 2)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._center_column()

    def _apply_palette(self) -> None:
        self.setPalette(reading_palette(self.appearance.theme, self.palette()))
        self.viewport().setAutoFillBackground(True)

    # positions ----------------------------------------------------------------------------------
    def reading_position(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_reading_position(self, fraction: float) -> None:
        self.document().documentLayout().documentSize()  # lay out now so the range is known
        bar = self.verticalScrollBar()
        bar.setValue(round(max(0.0, min(1.0, fraction)) * bar.maximum()))

    def offset_at(self, point: QPoint) -> int | None:
        """The Article.text offset of the character under a viewport point, if it is story text."""
        content = QPointF(point.x() + self.horizontalScrollBar().value(),
                          point.y() + self.verticalScrollBar().value())
        pos = self.document().documentLayout().hitTest(content, Qt.HitTestAccuracy.ExactHit)
        if pos < 0:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        if point.x() < self.cursorRect(cursor).x() and pos > 0:
            pos -= 1  # the point is on the character left of the caret position
        return self.text_map.to_text(pos)

    def block_index_at(self, position: int) -> int | None:
        """The index in article.blocks of the block drawn at a document position."""
        for start, end, index in self.block_ranges:
            if start <= position <= end:
                return index
        return None

    def scroll_to_position(self, position: int, end: int | None = None) -> None:
        """Scroll so a document position (and ``end``, if given) sits in view, upper third first."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        rect = self.cursorRect(cursor)
        bottom = rect.bottom()
        if end is not None:
            cursor.setPosition(end)
            bottom = max(bottom, self.cursorRect(cursor).bottom())
        height = self.viewport().height()
        if rect.top() < 0 or bottom > height:
            bar = self.verticalScrollBar()
            room_above = min(height // 3, max(0, height - (bottom - rect.top())) // 2)
            bar.setValue(bar.value() + rect.top() - room_above)

    def select_text_range(self, start: int, end: int) -> bool:
        """Select the Article.text span [start, end) and bring it into view."""
        doc_range = self.text_map.document_range(start, end)
        if doc_range is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_range[0])
        cursor.setPosition(doc_range[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.scroll_to_position(*doc_range)
        return True

    def reveal_text_range(self, start: int, end: int) -> bool:
        """Bring the Article.text span [start, end) into view with the caret at its start and
        nothing selected: a highlight opened from All Highlights shows its own colour."""
        doc_range = self.text_map.document_range(start, end)
        if doc_range is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_range[0])
        self.setTextCursor(cursor)
        self.scroll_to_position(*doc_range)
        return True

    def selected_text_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.text_map.to_text(cursor.selectionStart())
        end = self.text_map.to_text(cursor.selectionEnd())
        return (start, end) if start is not None and end is not None else None

    # highlights ---------------------------------------------------------------------------------
    def set_text_highlights(self, layer: str, spans: Sequence[tuple[int, int]],
                            current: int | None = None, colour: str = "mention") -> None:
        """Highlight Article.text spans; ``current`` (an index into spans) gets a stronger colour."""
        self._text_layers[layer] = (list(spans), current, colour)
        self._apply_highlights()

    def set_document_highlights(self, layer: str, ranges: Sequence[tuple[int, int]],
                                current: int | None = None, colour: str = "find") -> None:
        """Highlight document ranges (find matches, which may fall in the meta line)."""
        self._doc_layers[layer] = (list(ranges), current, colour)
        self._apply_highlights()

    def clear_highlights(self, layer: str) -> None:
        self._text_layers.pop(layer, None)
        self._doc_layers.pop(layer, None)
        self._apply_highlights()

    def highlighted_text_spans(self, layer: str) -> list[tuple[int, int]]:
        """The spans a layer highlights, read back from the document (for tests and export)."""
        spans, _, _ = self._text_layers.get(layer, ([], None, ""))
        result = []
        for start, end in spans:
            doc_range = self.text_map.document_range(start, end)
            if doc_range:
                a, b = self.text_map.to_text(doc_range[0]), self.text_map.to_text(doc_range[1])
                if a is not None and b is not None:
                    result.append((a, b))
        return result

    def _apply_highlights(self) -> None:
        theme = self.appearance.theme
        selections: list[QTextEdit.ExtraSelection] = []
        layers = [(spans, current, colour, True)
                  for spans, current, colour in self._text_layers.values()]
        layers += [(ranges, current, colour, False)
                   for ranges, current, colour in self._doc_layers.values()]
        for spans, current, colour, in_text in layers:
            for i, (start, end) in enumerate(spans):
                doc_range = self.text_map.document_range(start, end) if in_text else (start, end)
                if doc_range is None:
                    continue
                background = theme.current if i == current else layer_background(theme, colour)
                selections.append(self._selection(doc_range, background))
        self.setExtraSelections(selections)

    def _selection(self, doc_range: tuple[int, int], background: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_range[0])
        cursor.setPosition(doc_range[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(background))
        fmt.setForeground(QColor(self.appearance.theme.text))
        selection.format = fmt
        return selection

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Every case-insensitive match of ``needle`` in the document, as document ranges."""
        matches: list[tuple[int, int]] = []
        if not needle:
            return matches
        cursor = QTextCursor(self.document())
        while True:
            cursor = self.document().find(needle, cursor)
            if cursor.isNull():
                return matches
            matches.append((cursor.selectionStart(), cursor.selectionEnd()))

    # keyboard -----------------------------------------------------------------------------------
    def _line_px(self) -> int:
        return round(QFontMetricsF(reading_font(self.appearance.font,
                                                self.appearance.body_pt)).lineSpacing() * 1.5)

    def scroll_by(self, pixels: int) -> None:
        """Scroll by ``pixels`` (negative: up), gliding unless the desktop asks for less motion."""
        bar = self.verticalScrollBar()
        running = self._scroll_animation.state() == QPropertyAnimation.State.Running
        start = int(self._scroll_animation.endValue()) if running else bar.value()
        target = max(bar.minimum(), min(bar.maximum(), start + pixels))
        self._scroll_animation.stop()
        if self.reduce_motion or not self.isVisible():
            bar.setValue(target)
            return
        self._scroll_animation.setStartValue(bar.value())
        self._scroll_animation.setEndValue(target)
        self._scroll_animation.start()

    def scroll_line_down(self) -> None:
        self.scroll_by(self._line_px() * LINES_PER_STEP)

    def scroll_line_up(self) -> None:
        self.scroll_by(-self._line_px() * LINES_PER_STEP)

    def scroll_page_down(self) -> None:
        self.scroll_by(self.viewport().height() - self._line_px() * PAGE_OVERLAP_LINES)

    def scroll_page_up(self) -> None:
        self.scroll_by(-(self.viewport().height() - self._line_px() * PAGE_OVERLAP_LINES))

    def next_mention(self) -> None:
        self.mention_step_requested.emit(1)

    def previous_mention(self) -> None:
        self.mention_step_requested.emit(-1)

    def highlight_selection(self, colour: str = HIGHLIGHT_COLORS[0], with_note: bool = False) -> bool:
        """Ask to highlight the selected story text (H); False when nothing of the story is selected."""
        selected = self.selected_text_range()
        if selected is None or selected[1] <= selected[0]:
            return False
        self.highlight_requested.emit(selected[0], selected[1], colour, with_note)
        return True

    def toggle_caret_browsing(self) -> None:
        self.set_caret_browsing(not self.caret_browsing)

    def set_caret_browsing(self, on: bool) -> None:
        """Show a caret that arrows move (F7, as in browsers); off, arrows scroll the page."""
        if on == self.caret_browsing:
            return
        self.caret_browsing = on
        self.setCursorWidth(CARET_WIDTH_PX if on else 0)
        if on and not self.textCursor().hasSelection():
            self._caret_to_top_of_view()
        self.caret_browsing_changed.emit(on)

    def _caret_to_top_of_view(self) -> None:
        """Put the caret at the first character in view, where keyboard selection starts."""
        cursor = self.cursorForPosition(QPoint(0, self._line_px() // 2))  # the line's start
        bar = self.verticalScrollBar()
        value = bar.value()
        self.setTextCursor(cursor)
        bar.setValue(value)  # placing the caret must not move the page

    def _scroll_key(self, event: QKeyEvent) -> bool:
        """Without caret browsing, plain navigation keys scroll; Shift+arrows select from the top."""
        if self.caret_browsing or event.key() not in SCROLL_KEYS:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ShiftModifier:
            if not self.textCursor().hasSelection():
                self._caret_to_top_of_view()
            return False  # Qt extends the selection from the caret
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        move = SCROLL_KEYS[Qt.Key(event.key())]
        bar = self.verticalScrollBar()
        if move in ("top", "bottom"):
            self._scroll_animation.stop()
            bar.setValue(bar.minimum() if move == "top" else bar.maximum())
        elif move.startswith("line"):
            self.scroll_by(self._line_px() * (1 if move == "line_down" else -1))
        else:
            (self.scroll_page_down if move == "page_down" else self.scroll_page_up)()
        return True

    def event(self, event: QEvent) -> bool:
        """Claim the reading keys before a window shortcut with the same key takes them."""
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if reading_action_for(key_event) is not None:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        name = reading_action_for(event)
        if name is not None:
            getattr(self, name)()
            event.accept()
            return
        if self._scroll_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    # events -------------------------------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.link_activated.emit(url.toString())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection()
                and not self.anchorAt(point)):
            offset = self.offset_at(point)
            if offset is not None:
                highlight = self.highlight_at(offset)
                if highlight is not None:
                    self.highlight_menu_requested.emit(highlight, self.viewport().mapToGlobal(point))
                self.text_clicked.emit(offset)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            offset = self.offset_at(event.pos())  # type: ignore[attr-defined]
            tip = self.tooltip_for(offset) if offset is not None else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.appearance.zoom * ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        point = event.pos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            point = self.cursorRect().center()
        menu = self.build_context_menu(point)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu plus "Move to story" / "Move to removed" for the block at ``point``."""
        menu = self.createStandardContextMenu(point)
        menu.setParent(self, menu.windowFlags())
        content = QPointF(point.x() + self.horizontalScrollBar().value(),
                          point.y() + self.verticalScrollBar().value())
        pos = self.document().documentLayout().hitTest(content, Qt.HitTestAccuracy.FuzzyHit)
        self._add_highlight_actions(menu)
        index = self.block_index_at(pos) if pos >= 0 else None
        if index is not None and self.article is not None:
            menu.addSeparator()
            if self.article.blocks[index].role == "story":
                action = menu.addAction(self.tr("Move to removed"))
                action.triggered.connect(lambda: self.correction_requested.emit(index, "clutter"))
            else:
                action = menu.addAction(self.tr("Move to story"))
                action.triggered.connect(lambda: self.correction_requested.emit(index, "story"))
        return menu

    def _add_highlight_actions(self, menu: QMenu) -> None:
        """Highlight the selection in a colour, or with a note."""
        if self.selected_text_range() is None:
            return
        menu.addSeparator()
        colours = menu.addMenu(self.tr("&Highlight"))
        for colour in HIGHLIGHT_COLORS:
            action = colours.addAction(self.tr(colour.capitalize()))
            action.triggered.connect(lambda _=False, c=colour: self.highlight_selection(c))
        note = menu.addAction(self.tr("Highlight with &Note…"))
        note.triggered.connect(lambda: self.highlight_selection(HIGHLIGHT_COLORS[0], with_note=True))

    def document_position_point(self, position: int) -> QPoint:
        """The viewport point in the middle of the character at a document position (tests)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        left = self.cursorRect(cursor)
        cursor.setPosition(position + 1)
        right = self.cursorRect(cursor)
        x = (left.x() + right.x()) // 2 if right.y() == left.y() else left.x() + 2
        return QPoint(x, left.center().y())



def layer_background(theme: Theme, colour: str) -> str:
    """A layer's colour: a theme attribute ("mention", "claim", "find"), or "highlight:<name>" for the
    reader's own highlights in that colour."""
    if colour.startswith(USER_HIGHLIGHT_PREFIX):
        return theme.highlight(colour.removeprefix(USER_HIGHLIGHT_PREFIX))
    return str(getattr(theme, colour))
