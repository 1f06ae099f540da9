"""The reading view: an Article laid out in a QTextDocument whose positions map to Article.text.

One string, spans everywhere: while the document is written, every story block (and the title)
records where it starts in the document and in :attr:`Article.text`. :class:`TextMap` turns one
into the other, so highlighting an entity is selecting its spans. The meta line and removed
blocks are written between segments and belong to no offset.

Safety: nothing is loaded from the network, and no local file outside the article's own
resources is read (:func:`load_resource`).
"""

from __future__ import annotations

import base64
import bisect
import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor, QContextMenuEvent, QFont, QFontMetricsF, QImage, QMouseEvent, QResizeEvent,
    QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFrameFormat, QTextImageFormat,
    QTextLength, QTextList, QTextListFormat, QTextTableFormat, QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.model import Article, Block, Resource
from reader.ui.theme import DEFAULT_THEME, Theme, reading_font, reading_palette, theme_named

# Typographers put a comfortable line at 45-75 characters; 70 sits inside the 65-75.
DEFAULT_COLUMN_CHARS = 70
DEFAULT_SIZE_PT = 13
# Leading of 1.5 is the common recommendation for long-form screen text (WCAG 1.4.12 asks ≥1.5).
LINE_HEIGHT_PERCENT = 150
# Space between paragraphs, as a fraction of the body line height.
PARAGRAPH_SPACING = 0.75
MIN_SIDE_MARGIN_PX = 24
# Zoom steps of 10% between half and triple size: the range browsers offer for reading.
ZOOM_STEP = 1.1
ZOOM_MIN, ZOOM_MAX = 0.5, 3.0
# 230 words a minute: the average silent reading rate for non-fiction (Brysbaert, 2019: 238).
WORDS_PER_MINUTE = 230
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15, 4: 1.05, 5: 1.0, 6: 1.0}
TITLE_SCALE = 1.9
TITLE_LINE_HEIGHT_PERCENT = 115  # large type needs less leading than body text
META_SCALE = 0.85
# An article's own image larger than this is refused rather than decoded (decompression bombs).
MAX_IMAGE_BYTES = 25 * 1024 * 1024
# Characters Qt would turn into new blocks; each becomes a line break of the same length.
LINE_BREAKS = re.compile("[\r\n\u2029]")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of QTextDocument positions."""
    return len(text.encode("utf-16-le")) // 2


def code_points_in(text: str, units: int) -> int:
    """How many code points of ``text`` fill its first ``units`` UTF-16 code units."""
    count = 0
    for char in text:
        if units <= 0:
            break
        units -= 2 if ord(char) > 0xFFFF else 1
        count += 1
    return count


@dataclass(frozen=True)
class Segment:
    """A stretch of Article.text written verbatim at ``doc_start`` in the document."""

    doc_start: int
    text_start: int
    text: str

    @property
    def text_end(self) -> int:
        return self.text_start + len(self.text)

    @property
    def doc_end(self) -> int:
        return self.doc_start + utf16_length(self.text)


class TextMap:
    """Maps QTextDocument positions to Article.text offsets and back, through the segments."""

    def __init__(self, segments: Sequence[Segment] = ()) -> None:
        self.segments = sorted(segments, key=lambda s: s.text_start)
        self._text_starts = [s.text_start for s in self.segments]
        self._doc_starts = [s.doc_start for s in self.segments]

    def to_document(self, offset: int) -> int | None:
        """The document position of a text offset; None between segments (block separators)."""
        i = bisect.bisect_right(self._text_starts, offset) - 1
        if i < 0 or offset > self.segments[i].text_end:
            return None
        seg = self.segments[i]
        return seg.doc_start + utf16_length(seg.text[: offset - seg.text_start])

    def to_text(self, position: int) -> int | None:
        """The text offset of a document position; None outside the story (meta line, removed)."""
        i = bisect.bisect_right(self._doc_starts, position) - 1
        if i < 0 or position > self.segments[i].doc_end:
            return None
        seg = self.segments[i]
        return seg.text_start + code_points_in(seg.text, position - seg.doc_start)

    def document_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The document range of the text span [start, end), clamped to the story's segments."""
        first = bisect.bisect_right(self._text_starts, start) - 1
        if first < 0 or start >= self.segments[first].text_end:
            first += 1  # the span starts in a separator: begin at the next segment
        last = bisect.bisect_left(self._text_starts, end) - 1
        if first >= len(self.segments) or last < first:
            return None
        a = self.to_document(max(start, self.segments[first].text_start))
        b = self.to_document(min(end, self.segments[last].text_end))
        return (a, b) if a is not None and b is not None and a < b else None


# --- resource loading ---------------------------------------------------------------------------

def blank_image() -> QImage:
    """A 1x1 transparent image: what a refused image becomes."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def decode_data_url(url: str) -> bytes | None:
    """The bytes of a ``data:`` URL, or None when it is malformed."""
    header, sep, payload = url.partition(",")
    if not sep or not header.lower().startswith("data:"):
        return None
    try:
        if header.lower().endswith(";base64"):
            return base64.b64decode(urllib.parse.unquote(payload), validate=False)
        return urllib.parse.unquote_to_bytes(payload)
    except ValueError:
        return None


def local_file_inside(ref: str, resources_dir: Path | None) -> Path | None:
    """The file ``ref`` names if it lies strictly inside ``resources_dir`` (symlinks, .. resolved)."""
    if resources_dir is None:
        return None
    url = QUrl(ref)
    if url.scheme() == "file":
        candidate = Path(url.toLocalFile())
    elif url.scheme() == "" and ref:
        path = Path(urllib.parse.unquote(url.path() or ref))
        candidate = path if path.is_absolute() else resources_dir / path
        if not candidate.exists():  # "NAME_files/x.png" written relative to the page itself
            candidate = resources_dir.parent / path
    else:
        return None
    try:
        root = resources_dir.resolve(strict=True)
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if resolved == root or not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def article_image_bytes(ref: str, resources: Mapping[str, Resource],
                        resources_dir: Path | None) -> bytes | None:
    """The bytes of one of the article's own images: a data: URL, a saved part, a local file."""
    if ref.lower().startswith("data:"):
        return decode_data_url(ref)
    if ref in resources:
        return resources[ref].data
    path = local_file_inside(ref, resources_dir)
    if path is None or path.stat().st_size > MAX_IMAGE_BYTES:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def load_resource(kind: int, ref: str, resources: Mapping[str, Resource],
                  resources_dir: Path | None) -> QImage | str:
    """What the document gets for a resource: the article's own image, else a blank."""
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return ""
    data = article_image_bytes(ref, resources, resources_dir)
    image = QImage.fromData(data) if data else QImage()
    return blank_image() if image.isNull() else image


# --- writing the document -----------------------------------------------------------------------

@dataclass(frozen=True)
class Appearance:
    """How the article is drawn."""

    theme: Theme
    font: str = "serif"
    size_pt: float = DEFAULT_SIZE_PT
    column_chars: int = DEFAULT_COLUMN_CHARS
    zoom: float = 1.0

    @property
    def body_pt(self) -> float:
        return self.size_pt * self.zoom


def reading_minutes(article: Article) -> int:
    return max(1, round(len(article.body.split()) / WORDS_PER_MINUTE))


def meta_line(article: Article) -> str:
    """byline · date · site · reading time."""
    date = article.published
    if date and (m := ISO_DATE.match(date)):
        date = m.group(1)
    parts = [article.byline, date, article.site, f"{reading_minutes(article)} min read"]
    return " · ".join(p for p in parts if p)


def removed_label(block: Block) -> str:
    return f"Removed: {block.reason}" if block.reason else "Removed"


class DocumentWriter:
    """Writes an Article into an empty QTextDocument and records the segments as it goes."""

    def __init__(self, document: QTextDocument, appearance: Appearance,
                 image_for: Callable[[str], QImage], column_px: float) -> None:
        self.doc = document
        self.look = appearance
        self.image_for = image_for
        self.column_px = column_px
        self.cursor = QTextCursor(document)
        self.segments: list[Segment] = []
        self.block_ranges: list[tuple[int, int, int]] = []  # (doc start, doc end, block index)
        self._first = True
        self._list: QTextList | None = None
        self._list_level = -1
        self._line_px = QFontMetricsF(reading_font(appearance.font, appearance.body_pt)).height()

    def write(self, article: Article, show_removed: bool) -> None:
        if article.title:
            title_format = self._block_format(after=0.4)
            title_format.setLineHeight(TITLE_LINE_HEIGHT_PERCENT,
                                       QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            self._new_block(title_format)
            self._segment(article.title, 0, self._char_format(TITLE_SCALE, bold=True))
        self._new_block(self._block_format(after=1.2))
        self._meta(article)
        offsets = iter(article.story_offsets())
        run_reason: str | None = None  # the reason of the removed run being written, if any
        for index, block in enumerate(article.blocks):
            if block.role in ("title", "byline"):
                continue
            if block.role == "story":
                if run_reason is not None:
                    self._close_removed_run()
                    run_reason = None
                start = next(offsets)[0] if block.text else None
                self._story_block(index, block, start)
            elif show_removed:
                if run_reason is None:
                    self._open_removed_run()
                if (block.reason or "") != run_reason:  # one label per reason within a run
                    self._removed_label(block)
                    run_reason = block.reason or ""
                self._removed_block(index, block)

    def _new_block(self, fmt: QTextBlockFormat, char: QTextCharFormat | None = None) -> None:
        char = char or self._char_format()
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self._first = False
        else:
            self.cursor.insertBlock(fmt, char)

    def _block_format(self, after: float = PARAGRAPH_SPACING, indent: float = 0.0,
                      background: str | None = None) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT_PERCENT,
                          QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(self._line_px * after)
        fmt.setLeftMargin(self._line_px * indent)
        if background:
            fmt.setBackground(QColor(background))
        return fmt

    def _char_format(self, scale: float = 1.0, bold: bool = False, italic: bool = False,
                     colour: str | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFont(reading_font(self.look.font, self.look.body_pt * scale))
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        fmt.setForeground(QColor(colour or self.look.theme.text))
        return fmt

    def _segment(self, text: str, text_start: int, fmt: QTextCharFormat) -> None:
        """Insert a stretch of Article.text verbatim (newlines as line breaks, same length)."""
        self.segments.append(Segment(self.cursor.position(), text_start, text))
        self.cursor.insertText(LINE_BREAKS.sub("\u2028", text), fmt)

    def _meta(self, article: Article) -> None:
        muted = self._char_format(META_SCALE, colour=self.look.theme.muted)
        self.cursor.insertText(meta_line(article), muted)
        if article.url:
            self.cursor.insertText("\u2028saved from ", muted)
            link = self._char_format(META_SCALE, colour=self.look.theme.link)
            link.setAnchor(True)
            link.setAnchorHref(article.url)
            link.setFontUnderline(True)
            self.cursor.insertText(article.url, link)

    def _story_block(self, index: int, block: Block, text_start: int | None) -> None:
        start = self._begin_block(block, background=None)
        fmt = self._kind_format(block)
        if block.kind == "image" and block.image:
            self._image(block.image)
            if block.text:
                self.cursor.insertText("\u2028", fmt)
        if block.kind == "table" and block.rows:
            self._table(block, text_start, fmt)
        elif block.text and text_start is not None:
            self._segment(block.text, text_start, fmt)
        self.block_ranges.append((start, self.cursor.position(), index))

    def _open_removed_run(self) -> None:
        """A tinted frame around consecutive removed blocks, so they read as one aside."""
        self._end_list()
        fmt = QTextFrameFormat()
        fmt.setBackground(QColor(self.look.theme.removed_page))
        fmt.setPadding(self._line_px * 0.5)
        fmt.setTopMargin(self._line_px * 0.2)
        fmt.setBottomMargin(self._line_px * PARAGRAPH_SPACING)
        self.cursor.insertFrame(fmt)
        self._first = True  # the frame's first block is already there

    def _close_removed_run(self) -> None:
        self._end_list()
        self.cursor = QTextCursor(self.doc)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._first = True  # Qt leaves an empty block after a frame: write into it

    def _removed_block(self, index: int, block: Block) -> None:
        self._new_block(self._block_format(after=0.3))
        self._end_list()
        start = self.cursor.position()
        fmt = self._char_format(0.92, colour=self.look.theme.muted)
        text = block.text or (block.image or "")
        self.cursor.insertText(LINE_BREAKS.sub("\u2028", text), fmt)
        self.block_ranges.append((start, self.cursor.position(), index))

    def _removed_label(self, block: Block) -> None:
        label = self._char_format(META_SCALE, bold=True, colour=self.look.theme.muted)
        self._new_block(self._block_format(after=0.2), label)
        self.cursor.insertText(removed_label(block).upper(), label)

    def _begin_block(self, block: Block, background: str | None) -> int:
        """Open a new document block formatted for ``block`` and return its position."""
        indent = 1.5 if block.kind == "quote" else 0.0
        after = 0.3 if block.kind == "list-item" else PARAGRAPH_SPACING
        fmt = self._block_format(after=after, indent=indent, background=background)
        if block.kind == "heading":
            fmt.setTopMargin(self._line_px * 0.6)
            fmt.setHeadingLevel(max(1, min(6, block.level or 2)))
        if block.kind == "preformatted":
            fmt.setNonBreakableLines(True)
        self._new_block(fmt)
        if block.kind == "list-item":
            self._join_list(block.level)
        else:
            self._end_list()
        return self.cursor.position()

    def _kind_format(self, block: Block) -> QTextCharFormat:
        if block.kind == "heading":
            return self._char_format(HEADING_SCALE.get(block.level or 2, 1.0), bold=True)
        if block.kind == "quote":
            return self._char_format(italic=True)
        if block.kind == "caption" or block.kind == "image":
            return self._char_format(META_SCALE, italic=True, colour=self.look.theme.muted)
        if block.kind == "preformatted":
            fmt = self._char_format(0.9)
            fmt.setFontFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
            return fmt
        return self._char_format()

    def _join_list(self, level: int) -> None:
        if self._list is not None and level == self._list_level:
            self._list.add(self.cursor.block())
            return
        fmt = QTextListFormat()
        fmt.setStyle(QTextListFormat.Style.ListDisc if level % 2 == 0
                     else QTextListFormat.Style.ListCircle)
        fmt.setIndent(level + 1)
        self._list = self.cursor.createList(fmt)
        self._list_level = level

    def _end_list(self) -> None:
        self._list, self._list_level = None, -1

    def _image(self, ref: str) -> None:
        image = self.image_for(ref)
        if image.width() <= 1 and image.height() <= 1:
            return  # refused or unreadable: say nothing rather than draw a broken box
        fmt = QTextImageFormat()
        fmt.setName(ref)
        scale = min(1.0, self.column_px / image.width())
        fmt.setWidth(image.width() * scale)
        fmt.setHeight(image.height() * scale)
        self.cursor.insertImage(fmt)

    def _table(self, block: Block, text_start: int | None, fmt: QTextCharFormat) -> None:
        """A table from Block.rows; each cell found in Block.text becomes its own segment."""
        columns = max(len(r) for r in block.rows)
        table_fmt = QTextTableFormat()
        table_fmt.setCellPadding(4)
        table_fmt.setBorder(0.5)
        table_fmt.setBorderCollapse(True)
        table_fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table = self.cursor.insertTable(len(block.rows), columns, table_fmt)
        search = 0
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                self.cursor = table.cellAt(r, c).firstCursorPosition()
                found = block.text.find(cell, search) if (cell and text_start is not None) else -1
                cell_fmt = self._char_format(bold=r == 0) if r == 0 else fmt
                if found >= 0:
                    self._segment(cell, text_start + found, cell_fmt)  # type: ignore[operator]
                    search = found + len(cell)
                else:
                    self.cursor.insertText(cell, cell_fmt)
        self.cursor = QTextCursor(self.doc)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)


# --- the widget ---------------------------------------------------------------------------------

class ReadingView(QTextBrowser):
    """Shows one Article; highlights text spans; reports clicks, links and corrections."""

    correction_requested = Signal(int, str)  # (index into article.blocks, "story" | "clutter")
    link_activated = Signal(str)  # an http(s) URL the user clicked
    text_clicked = Signal(int)  # Article.text offset of a plain click on the story
    zoom_changed = Signal(float)
    document_rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setAccessibleName(self.tr("Article text"))
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
        self.appearance = Appearance(theme_named(DEFAULT_THEME))
        self.show_removed = False
        self.tooltip_for: Callable[[int], str | None] = lambda offset: None
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
        self.rebuild()

    def set_show_removed(self, on: bool) -> None:
        if on != self.show_removed:
            self.show_removed = on
            self.rebuild()

    def set_appearance(self, theme: str, font: str, size_pt: float, column_chars: int) -> None:
        self.appearance = Appearance(theme_named(theme), "sans" if font == "sans" else "serif",
                                     float(size_pt), int(column_chars), self.appearance.zoom)
        self._apply_palette()
        self.rebuild()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        if abs(zoom - self.appearance.zoom) > 1e-6:
            look = self.appearance
            self.appearance = Appearance(look.theme, look.font, look.size_pt, look.column_chars, zoom)
            self.rebuild()
            self.zoom_changed.emit(zoom)

    def rebuild(self) -> None:
        """Write the document again (article, removed toggle or appearance changed)."""
        fraction = self.reading_position()
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
        self.document_rebuilt.emit()

    def _image_for(self, ref: str) -> QImage:
        return load_resource(QTextDocument.ResourceType.ImageResource.value, ref,
                             self.resources, self.resources_dir)  # type: ignore[return-value]

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        """Never the network, never a file outside the article's resources."""
        kind_value = kind.value if hasattr(kind, "value") else int(kind)
        return load_resource(kind_value, name.toString(), self.resources, self.resources_dir)

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
            bar.setValue(bar.value() + rect.top() - min(height // 3, max(0, height - (bottom - rect.top())) // 2))

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
                result.append((a, b))
        return result

    def _apply_highlights(self) -> None:
        theme = self.appearance.theme
        selections: list[QTextEdit.ExtraSelection] = []
        layers = [(self.text_map.document_range, v) for v in self._text_layers.values()]
        layers += [(lambda a, b: (a, b), v) for v in self._doc_layers.values()]
        for to_range, (spans, current, colour) in layers:
            for i, (start, end) in enumerate(spans):
                doc_range = to_range(start, end)
                if doc_range is None:
                    continue
                background = theme.current if i == current else getattr(theme, colour)
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

    def document_position_point(self, position: int) -> QPoint:
        """The viewport point in the middle of the character at a document position (tests)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        left = self.cursorRect(cursor)
        cursor.setPosition(position + 1)
        right = self.cursorRect(cursor)
        x = (left.x() + right.x()) // 2 if right.y() == left.y() else left.x() + 2
        return QPoint(x, left.center().y())

