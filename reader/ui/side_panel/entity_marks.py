"""How an entity row looks: a type mark (colour and shape), prominence as a bar, a speech mark.

Colour never carries meaning alone (WCAG 1.4.1): every type also has its own shape, so people and
places differ in grey-scale print and for colour-blind readers alike. The marks are small pixmaps
painted once per theme and shown as item icons, so Qt draws the rows itself (no Python per paint).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from reader.ui.reading.theme import Theme

INDEX_ROLE = Qt.ItemDataRole.UserRole  # index into analysis.entities (entity rows only)
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1  # entity type (rows and group headers)
PROMINENCE_ROLE = Qt.ItemDataRole.UserRole + 2  # 0..1, relative to the article's most prominent
MUTED_ROLE = Qt.ItemDataRole.UserRole + 3  # True for low-confidence entities
GROUP_TITLE_ROLE = Qt.ItemDataRole.UserRole + 4  # the untranslated group title (group headers)
QUOTED_ROLE = Qt.ItemDataRole.UserRole + 5  # True when the entity speaks in a claim

# The shape of each type's mark; unlisted types get the ring.
TYPE_SHAPES = {
    "person": "circle", "organization": "square", "place": "diamond", "group": "triangle",
    "date": "bar", "time": "bar",
}
MARK_PX = 10
# Short enough to leave the name most of a narrow panel, long enough to compare at a glance.
BAR_WIDTH_PX = 22
BAR_HEIGHT_PX = 5
# Every icon of the tree shares one size (Qt has one icon size per view): the bar's.
ICON_SIZE = QSize(BAR_WIDTH_PX, 12)
# Prominence bars are drawn in 20 steps: finer differences are not visible at this width.
BAR_STEPS = 20


def shape_for(entity_type: str) -> str:
    return TYPE_SHAPES.get(entity_type, "ring")


def paint_mark(painter: QPainter, box: QRectF, entity_type: str, colour: QColor) -> None:
    """The type's shape, filled with the type's colour, in ``box``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.PenStyle.NoPen))
    painter.setBrush(QBrush(colour))
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
    painter.setPen(QPen(Qt.PenStyle.NoPen))
    painter.setBrush(QBrush(colour))
    body = QRectF(box.left(), box.top(), box.width(), box.height() * 0.72)
    painter.drawRoundedRect(body, 3, 3)
    painter.drawPolygon(QPolygonF([QPointF(body.left() + body.width() * 0.25, body.bottom() - 1),
                                   QPointF(body.left() + body.width() * 0.2, box.bottom()),
                                   QPointF(body.left() + body.width() * 0.5, body.bottom() - 1)]))
    painter.restore()


def _canvas(device_ratio: float) -> QPixmap:
    pixmap = QPixmap(round(ICON_SIZE.width() * device_ratio), round(ICON_SIZE.height() * device_ratio))
    pixmap.setDevicePixelRatio(device_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _centred_box() -> QRectF:
    return QRectF((ICON_SIZE.width() - MARK_PX) / 2, (ICON_SIZE.height() - MARK_PX) / 2,
                  MARK_PX, MARK_PX)


@lru_cache(maxsize=64)
def mark_icon(entity_type: str, colour: str, device_ratio: float = 1.0) -> QIcon:
    """The type's shape in the type's colour, centred in an icon."""
    pixmap = _canvas(device_ratio)
    painter = QPainter(pixmap)
    paint_mark(painter, _centred_box(), entity_type, QColor(colour))
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=64)
def speech_icon(colour: str, device_ratio: float = 1.0) -> QIcon:
    """The speech bubble of a quoted entity."""
    pixmap = _canvas(device_ratio)
    painter = QPainter(pixmap)
    paint_speech_mark(painter, _centred_box().adjusted(-1, -1, 1, 1), QColor(colour))
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=128)
def bar_icon(step: int, colour: str, device_ratio: float = 1.0) -> QIcon:
    """A track with ``step``/BAR_STEPS of it filled: an entity's prominence."""
    pixmap = _canvas(device_ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.PenStyle.NoPen))
    track = QRectF(0, (ICON_SIZE.height() - BAR_HEIGHT_PX) / 2, BAR_WIDTH_PX, BAR_HEIGHT_PX)
    faint = QColor(colour)
    faint.setAlphaF(0.25)
    painter.setBrush(QBrush(faint))
    painter.drawRoundedRect(track, 2, 2)
    painter.setBrush(QBrush(QColor(colour)))
    filled = max(2.0, track.width() * step / BAR_STEPS)
    painter.drawRoundedRect(QRectF(track.left(), track.top(), filled, track.height()), 2, 2)
    painter.end()
    return QIcon(pixmap)


def prominence_icon(fraction: float, theme: Theme, device_ratio: float = 1.0) -> QIcon:
    step = max(0, min(BAR_STEPS, round(fraction * BAR_STEPS)))
    return bar_icon(step, theme.bar, device_ratio)
