"""How an entity row looks: a type mark (colour and shape), prominence as a bar, a speech mark.

Colour never carries meaning alone (WCAG 1.4.1): every type also has its own shape, so people and
places differ in grey-scale print and for colour-blind readers alike.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.ui.reading.theme import Theme

INDEX_ROLE = Qt.ItemDataRole.UserRole  # index into analysis.entities (entity rows only)
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1  # entity type (rows and group headers)
PROMINENCE_ROLE = Qt.ItemDataRole.UserRole + 2  # 0..1, relative to the article's most prominent
MUTED_ROLE = Qt.ItemDataRole.UserRole + 3  # True for low-confidence entities
GROUP_TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # the untranslated group title (group headers)

# The shape of each type's mark; unlisted types get the ring.
TYPE_SHAPES = {
    "person": "circle", "organization": "square", "place": "diamond", "group": "triangle",
    "date": "bar", "time": "bar",
}
MARK_PX = 10
# Short enough to leave the name most of a narrow panel, long enough to compare at a glance.
BAR_WIDTH_PX = 26
BAR_HEIGHT_PX = 5
ROW_PADDING_PX = 6


def shape_for(entity_type: str) -> str:
    return TYPE_SHAPES.get(entity_type, "ring")


def paint_mark(painter: QPainter, box: QRectF, entity_type: str, colour: QColor) -> None:
    """The type's shape, filled with the type's colour, in ``box``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    shape = shape_for(entity_type)
    c = box.center()
    r = box.width() / 2
    if shape == "circle":
        painter.drawEllipse(c, r, r)
    elif shape == "square":
        painter.drawRect(box.adjusted(1, 1, -1, -1))
    elif shape == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                       QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]))
    elif shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y() + r * 0.8),
                                       QPointF(c.x() - r, c.y() + r * 0.8)]))
    elif shape == "bar":
        painter.drawRoundedRect(QRectF(box.left(), c.y() - r * 0.45, box.width(), r * 0.9), 1.5, 1.5)
    else:
        pen = painter.pen()
        pen.setStyle(Qt.PenStyle.SolidLine)
        pen.setColor(colour)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(c, r - 1, r - 1)
    painter.restore()


def paint_speech_mark(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """A small speech bubble: this person speaks in at least one claim."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    body = QRectF(box.left(), box.top(), box.width(), box.height() * 0.72)
    path.addRoundedRect(body, 3, 3)
    tail = QPolygonF([QPointF(body.left() + body.width() * 0.25, body.bottom() - 1),
                      QPointF(body.left() + body.width() * 0.2, box.bottom()),
                      QPointF(body.left() + body.width() * 0.5, body.bottom() - 1)])
    path.addPolygon(tail)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path.simplified())
    painter.restore()


class EntityRowDelegate(QStyledItemDelegate):
    """Paints the Entities tree: marks in column 0, the bar and count in 1, the speech mark in 2."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == 1:
            digits = option.fontMetrics.horizontalAdvance(str(index.data() or ""))
            size.setWidth(BAR_WIDTH_PX + ROW_PADDING_PX * 2 + digits)
        if index.column() == 2:
            size.setWidth(MARK_PX + ROW_PADDING_PX + 2)
        return QSize(size.width(), max(size.height() + ROW_PADDING_PX, MARK_PX * 2 + 6))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = QRect(opt.rect).adjusted(ROW_PADDING_PX // 2, 0, -ROW_PADDING_PX // 2, 0)
        muted = bool(index.data(MUTED_ROLE))
        colour = QColor(self.theme.muted if muted else self.theme.text)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(colour)
        if index.column() == 0:
            self._paint_name(painter, rect, index, text, muted)
        elif index.column() == 1 and text:
            self._paint_count(painter, rect, index, text)
        elif index.column() == 2 and text:
            box = QRectF(rect.center().x() - MARK_PX / 2 - 1, rect.center().y() - MARK_PX / 2 - 1,
                         MARK_PX + 2, MARK_PX + 2)
            paint_speech_mark(painter, box, QColor(self.theme.type_colour("person")))
        painter.restore()

    def _paint_name(self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex,
                    text: str, muted: bool) -> None:
        entity_type = str(index.data(TYPE_ROLE) or "")
        mark = QRectF(rect.left(), rect.center().y() - MARK_PX / 2, MARK_PX, MARK_PX)
        if entity_type:
            paint_mark(painter, mark, entity_type, QColor(self.theme.type_colour(entity_type)))
        text_rect = rect.adjusted(MARK_PX + ROW_PADDING_PX, 0, 0, 0)
        if muted:
            font = QFont(painter.font())
            font.setItalic(True)
            painter.setFont(font)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         elided)

    def _paint_count(self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex,
                     text: str) -> None:
        fraction = float(index.data(PROMINENCE_ROLE) or 0.0)
        track = QRectF(rect.left(), rect.center().y() - BAR_HEIGHT_PX / 2, BAR_WIDTH_PX, BAR_HEIGHT_PX)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        faint = QColor(self.theme.bar)
        faint.setAlphaF(0.25)
        painter.setBrush(faint)
        painter.drawRoundedRect(track, 2, 2)
        painter.setBrush(QColor(self.theme.bar))
        filled = QRectF(track.left(), track.top(), max(2.0, track.width() * min(1.0, fraction)),
                        track.height())
        painter.drawRoundedRect(filled, 2, 2)
        painter.restore()
        count_rect = rect.adjusted(BAR_WIDTH_PX + ROW_PADDING_PX, 0, 0, 0)
        painter.setPen(QColor(self.theme.muted))
        painter.drawText(count_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                         text)

