"""The reading view: exact document ↔ Article.text mapping, removed blocks, corrections, safety."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sample_articles import DATA_URL, PNG, sample_analysis, sample_article

from reader.core.model import Article, Block
from reader.ui.reading.article_resources import load_resource
from reader.ui.reading.document import meta_line
from reader.ui.reading.reading_view import MIN_SIDE_MARGIN_PX, ReadingView
from reader.ui.reading.text_map import Segment, TextMap
from reader.ui.reading.theme import THEMES
from tests.conftest import SHARED

IMAGE = QTextDocument.ResourceType.ImageResource.value
# The first 25 pages of the corpus include headings, lists, quotes, code and tables (~3 s).
CORPUS_PAGES = 25
STYLESHEET = QTextDocument.ResourceType.StyleSheetResource.value


@pytest.fixture
def view(qtbot: QtBot) -> ReadingView:
    widget = ReadingView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


def document_text(view: ReadingView, start: int, end: int) -> str:
    """The document's characters between two positions, line breaks as Article.text has them."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return same_breaks(cursor.selectedText())


def same_breaks(text: str) -> str:
    """Line and paragraph breaks made alike (Qt stores a line break inside a block as U+2028)."""
    return re.sub("[\r\n\u2028\u2029]", "\n", text)


def assert_spans_exact(view: ReadingView, article: Article) -> None:
    """Every segment, and every story span outside tables, reads back as Article.text."""
    text = article.text
    for seg in view.text_map.segments:
        assert document_text(view, seg.doc_start, seg.doc_end) == same_breaks(seg.text)
        assert text[seg.text_start:seg.text_end] == seg.text
    tables = {b.text for b in article.story_blocks if b.kind == "table" and b.rows}
    for start, end in article.story_offsets():
        if text[start:end] in tables:
            continue
        doc_range = view.text_map.document_range(start, end)
        assert doc_range is not None
        assert document_text(view, *doc_range) == same_breaks(text[start:end])


# --- the mapping --------------------------------------------------------------------------------

def test_text_map_round_trips_across_surrogate_pairs() -> None:
    text_map = TextMap([Segment(10, 0, "a😀b"), Segment(20, 5, "cd")])
    assert [text_map.to_document(o) for o in range(4)] == [10, 11, 13, 14]
    assert [text_map.to_text(p) for p in (10, 11, 13, 14)] == [0, 1, 2, 3]
    assert text_map.to_document(4) is None  # the separator between blocks
    assert text_map.to_text(17) is None  # something drawn between segments (meta, removed)
    assert text_map.document_range(2, 6) == (13, 21)  # a span crossing a separator is clamped


def test_story_blocks_and_title_map_exactly(view: ReadingView) -> None:
    article = sample_article()
    view.show_article(article)
    assert view.text_map.to_document(0) == 0  # the title is the document's first block
    assert_spans_exact(view, article)


def test_entity_mentions_and_table_cells_map_exactly(view: ReadingView) -> None:
    article = sample_article()
    view.show_article(article)
    for entity in sample_analysis(article).entities:
        for mention in entity.mentions:
            doc_range = view.text_map.document_range(mention.start, mention.end)
            assert document_text(view, *doc_range) == mention.text
    cell_start = article.text.index("12,000")
    doc_range = view.text_map.document_range(cell_start, cell_start + 6)
    assert document_text(view, *doc_range) == "12,000"


def test_removed_blocks_show_inline_without_moving_offsets(view: ReadingView) -> None:
    article = sample_article()
    view.show_article(article)
    assert "Share on social media" not in view.document().toPlainText()
    view.set_show_removed(True)
    plain = view.document().toPlainText()
    assert "Share on social media" in plain and "REMOVED: SHARE BAR" in plain
    assert plain.count("REMOVED: LINK TAIL") == 1  # one label for a run of the same reason
    assert_spans_exact(view, article)


def test_meta_line_names_byline_date_site_and_reading_time(view: ReadingView) -> None:
    article = sample_article()
    assert meta_line(article) == "Ada Reporter · 2025-03-04 · Coast Daily · 1 min read"
    view.show_article(article)
    assert "saved from https://news.example/harbour" in view.document().toPlainText()


block_texts = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\n\u2029😀"),
                      min_size=0, max_size=30)
blocks = st.lists(
    st.builds(Block, role=st.sampled_from(["story", "clutter"]), text=block_texts,
              reason=st.sampled_from([None, "share bar"]),
              kind=st.sampled_from(["paragraph", "heading", "list-item", "quote", "caption"]),
              level=st.integers(0, 3)),
    max_size=8,
)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.one_of(st.none(), block_texts.filter(bool)), blocks=blocks, removed=st.booleans())
def test_any_article_maps_exactly(view: ReadingView, title: str | None, blocks: list[Block],
                                  removed: bool) -> None:
    article = Article(path=Path("a.txt"), format="text", title=title, blocks=tuple(blocks))
    view.show_removed = removed
    view.show_article(article)
    assert_spans_exact(view, article)


# --- corrections, links, zoom ------------------------------------------------------------------

def block_point(view: ReadingView, needle: str) -> QPoint:
    position = view.document().find(needle).selectionStart()
    return view.document_position_point(position)


def test_context_menu_moves_a_story_block_to_removed(qtbot: QtBot, view: ReadingView) -> None:
    view.show_article(sample_article())
    view.show()
    qtbot.waitExposed(view)
    menu = view.build_context_menu(block_point(view, "Opposition pushes"))
    action = next(a for a in menu.actions() if a.text() == "Move to removed")
    with qtbot.waitSignal(view.correction_requested) as signal:
        action.trigger()
    assert signal.args == [2, "clutter"]
    menu.deleteLater()


def test_context_menu_moves_a_removed_block_to_story(qtbot: QtBot, view: ReadingView) -> None:
    view.show_article(sample_article())
    view.set_show_removed(True)
    view.show()
    qtbot.waitExposed(view)
    menu = view.build_context_menu(block_point(view, "Share on social"))
    action = next(a for a in menu.actions() if a.text() == "Move to story")
    with qtbot.waitSignal(view.correction_requested) as signal:
        action.trigger()
    assert signal.args == [1, "story"]
    menu.deleteLater()


def test_link_click_is_reported_not_followed(qtbot: QtBot, view: ReadingView) -> None:
    view.show_article(sample_article())
    view.show()
    qtbot.waitExposed(view)
    point = block_point(view, "https://news.example")
    with qtbot.waitSignal(view.link_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["https://news.example/harbour"]
    assert view.source().isEmpty()


def test_ctrl_wheel_zooms(qtbot: QtBot, view: ReadingView) -> None:
    view.show_article(sample_article())
    event = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(view.zoom_changed):
        QApplication.sendEvent(view.viewport(), event)
    assert view.appearance.zoom > 1.0
    assert_spans_exact(view, sample_article())


def test_column_is_centred_and_follows_width(qtbot: QtBot, view: ReadingView) -> None:
    view.show_article(sample_article())
    view.show()
    view.resize(1400, 700)
    qtbot.wait(10)
    frame = view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > MIN_SIDE_MARGIN_PX
    assert abs(view.viewport().width() - 2 * frame.leftMargin() - view.column_px()) < 2


# --- resource safety ---------------------------------------------------------------------------

def is_blank(result: object) -> bool:
    return isinstance(result, QImage) and result.width() == 1 and result.height() == 1


def test_resource_loading_refuses_everything_outside_the_article(tmp_path: Path) -> None:
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "photo.png").write_bytes(PNG)
    (tmp_path / "outside.png").write_bytes(PNG)
    os.symlink(tmp_path / "outside.png", folder / "link.png")
    refused = ["file:///etc/passwd", "/etc/passwd", "../outside.png", "page_files/../outside.png",
               "http://example.com/a.png", "https://example.com/a.png", "link.png",
               "ftp://example.com/a.png", str(folder)]
    for ref in refused:
        assert is_blank(load_resource(IMAGE, ref, {}, folder)), ref
    assert load_resource(STYLESHEET, "photo.png", {}, folder) == ""


def test_resource_loading_allows_the_articles_own_images(tmp_path: Path, view: ReadingView) -> None:
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "photo.png").write_bytes(PNG)
    file_url = QUrl.fromLocalFile(str(folder / "photo.png")).toString()
    for ref in ("photo.png", "page_files/photo.png", file_url, DATA_URL):
        image = load_resource(IMAGE, ref, {}, folder)
        assert isinstance(image, QImage) and image.width() == 2, ref
    view.show_article(sample_article(), resources_dir=folder)
    document = view.document()  # the way Qt asks: through the document, which calls the view
    assert document.resource(IMAGE, QUrl("photo.png")).width() == 2
    assert is_blank(document.resource(IMAGE, QUrl("file:///etc/passwd")))
    assert is_blank(document.resource(IMAGE, QUrl("https://example.com/x.png")))
    (tmp_path / "outside.png").write_bytes(PNG)  # a real image Qt itself would happily read
    assert is_blank(document.resource(IMAGE, QUrl.fromLocalFile(str(tmp_path / "outside.png"))))
    assert is_blank(document.resource(IMAGE, QUrl("../outside.png")))


# --- themes ------------------------------------------------------------------------------------

# Contrast of every theme: tests/ui/reading/test_theme.py.

def test_themes_switch_the_page_and_highlight_colours(view: ReadingView) -> None:
    article = sample_article()
    view.show_article(article)
    mention = sample_analysis(article).entities[0].mentions[0]
    view.set_text_highlights("entity", [(mention.start, mention.end)])
    for name in ("dark", "sepia", "light"):
        view.set_appearance(name, "serif", 13, 70)
        assert view.palette().base().color().name() == THEMES[name].page
        selection = view.extraSelections()[0]
        assert selection.format.background().color().name() in (THEMES[name].mention,
                                                                 THEMES[name].current)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.text_map.to_document(mention.start) + 1)
        assert cursor.charFormat().foreground().color().name() == THEMES[name].text


def test_many_qt_calls_keep_none_alive(view: ReadingView) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a None reference per void call; pyproject excludes it."""
    import sys

    before = sys.getrefcount(None)
    cursor = QTextCursor(view.document())
    for _ in range(20_000):
        cursor.setPosition(0)
    assert sys.getrefcount(None) > before - 1_000


@pytest.mark.slow
def test_real_extractions_map_exactly(view: ReadingView) -> None:
    """Saved pages of the shared corpus (headings, lists, quotes, tables) map exactly too."""
    from reader.core.reading import open_article

    pages = SHARED / "corpus" / "readability-pages" / "html"
    if not pages.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    chosen = sorted(pages.iterdir())[:CORPUS_PAGES]
    assert len(chosen) == CORPUS_PAGES
    for path in chosen:
        article = open_article(path)  # every corpus page extracts (the quality gate counts errors too)
        assert article.body, path.name
        for removed in (False, True):
            view.show_removed = removed
            view.show_article(article)
            assert_spans_exact(view, article)


def test_showing_removed_blocks_keeps_the_text_in_view(qtbot: QtBot, view: ReadingView) -> None:
    article = sample_article()
    view.resize(600, 300)
    view.show_article(article)
    view.show()
    qtbot.waitExposed(view)
    offset = article.text.index("Officials said")
    view.select_text_range(offset, offset + 9)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect().top())  # "Officials" at the top of the view
    top = view.top_text_offset()
    view.set_show_removed(True)
    view.set_appearance("dark", "sans", 15, 60)
    assert view.top_text_offset() is not None and abs(view.top_text_offset() - top) < 40
