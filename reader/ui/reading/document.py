"""Writing an Article into a QTextDocument: title, meta line, blocks by kind, removed runs.

The writer records a :class:`~reader.ui.reading.text_map.Segment` for every stretch of Article.text it
inserts verbatim, and the document range of every article block (for corrections).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTableFormat,
)

from reader.core.model import Article, Block
from reader.ui.reading.text_map import Segment
from reader.ui.reading.theme import Theme, reading_font

# Typographers put a comfortable line at 45-75 characters; 70 sits inside the 65-75.
DEFAULT_COLUMN_CHARS = 70
DEFAULT_SIZE_PT = 13
# Leading of 1.5 is the common recommendation for long-form screen text (WCAG 1.4.12 asks ≥1.5).
LINE_HEIGHT_PERCENT = 150
# Space between paragraphs, as a fraction of the body line height.
PARAGRAPH_SPACING = 0.75
# 230 words a minute: the average silent reading rate for non-fiction (Brysbaert, 2019: 238).
WORDS_PER_MINUTE = 230
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15, 4: 1.05, 5: 1.0, 6: 1.0}
TITLE_SCALE = 1.9
TITLE_LINE_HEIGHT_PERCENT = 115  # large type needs less leading than body text
CODE_LINE_HEIGHT_PERCENT = 125  # code reads as a block; body leading pulls its lines apart
META_SCALE = 0.85
# Characters Qt would turn into new blocks; each becomes a line break of the same length.
LINE_BREAKS = re.compile("[\r\n\u2029]")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


def tr(text: str) -> str:
    """Qt's translation for the words the document itself contains."""
    return QCoreApplication.translate("ArticleDocument", text)


@dataclass(frozen=True)
class Appearance:
    """How the article is drawn."""

    theme: Theme
    font: str = "serif"
    size_pt: float = DEFAULT_SIZE_PT
    column_chars: int = DEFAULT_COLUMN_CHARS
    zoom: float = 1.0
    scale: float = 1.0  # the system's larger-text factor (system_preferences.system_text_scale)

    @property
    def body_pt(self) -> float:
        return self.size_pt * self.zoom * self.scale


def reading_minutes(article: Article) -> int:
    return max(1, round(len(article.body.split()) / WORDS_PER_MINUTE))


def meta_line(article: Article) -> str:
    """byline · date · site · reading time."""
    date = article.published
    if date and (m := ISO_DATE.match(date)):
        date = m.group(1)
    minutes = tr("{} min read").format(reading_minutes(article))
    parts = [article.byline, date, article.site, minutes]
    return " · ".join(p for p in parts if p)


def removed_label(block: Block) -> str:
    return tr("Removed: {}").format(block.reason) if block.reason else tr("Removed")


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
        """Write the whole article as one edit, so Qt lays the document out once, not per insert."""
        edit = QTextCursor(self.doc)
        edit.beginEditBlock()
        try:
            self._write_blocks(article, show_removed)
        finally:
            edit.endEditBlock()

    def _write_blocks(self, article: Article, show_removed: bool) -> None:
        if article.title:
            title_format = self._block_format(after=0.4)
            title_format.setLineHeight(TITLE_LINE_HEIGHT_PERCENT,
                                       QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            title_format.setHeadingLevel(1)  # screen readers announce the title as the page heading
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
            self.cursor.insertText("\u2028" + tr("saved from") + " ", muted)
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
            # Below the title's level 1, so the outline a screen reader offers has one top.
            fmt.setHeadingLevel(max(2, min(6, block.level or 2)))
        if block.kind == "preformatted":
            fmt.setNonBreakableLines(True)
            fmt.setLineHeight(CODE_LINE_HEIGHT_PERCENT,
                              QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
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
        table_fmt.setBottomMargin(self._line_px * PARAGRAPH_SPACING)
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
