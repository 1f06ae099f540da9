"""Exports carry the reader's highlights and notes: Markdown, HTML, W3C JSON and EPUB 3."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

from epubcheck import assert_valid_epub
from lxml import etree

from reader.core.anchoring import describe, find_occurrence
from reader.core.export import to_html, to_json, to_markdown
from reader.core.export.epub import BookArticle, to_epub
from reader.core.model import Analysis, Article, Block, Entity, Highlight, Resource, Span

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
ARTICLE = Article(
    path=Path("/tmp/ferry.html"), format="html", title="Ferry returns", url="https://coast.example/ferry",
    language="en", site="Coast Daily",
    blocks=(Block("title", "Ferry returns"),
            Block("story", "The ferry returned to service on Monday, the mayor said."),
            Block("story", "a photo of the ferry", kind="image", image="images/ferry.png"),
            Block("story", "Departures run every hour = twice as often.")),
)
TEXT = ARTICLE.text


def mark(exact: str, note: str | None = None, color: str = "yellow", ident: str = "h1") -> Highlight:
    span = find_occurrence(TEXT, exact)
    assert span is not None
    selectors = describe(TEXT, *span)
    return Highlight(ident, "a1", span[0], span[1], exact, selectors.quote.prefix, selectors.quote.suffix,
                     note, color, "2026-12-02T10:00:00Z")  # type: ignore[arg-type]


HIGHLIGHTS = (
    mark("returned to service", "Since March?", ident="h1"),
    mark("every hour", color="green", ident="h2"),
    Highlight("h3", "a1", 0, 0, "a sentence that was edited away", note="lost one", orphaned=True),
)


def test_markdown_marks_highlights_and_footnotes_notes() -> None:
    text = to_markdown(ARTICLE, None, HIGHLIGHTS, extra={"tags": ["ferries"]})
    assert "The ferry ==returned to service==[^1] on Monday" in text
    assert "Departures run ==every hour== \\= twice" in text
    assert "[^1]: Since March?" in text and "[^2]: lost one" in text
    assert "> a sentence that was edited away[^2]" in text
    assert 'tags: ["ferries"]' in text


def test_markdown_appendix_lists_entities_and_claims() -> None:
    analysis = Analysis(entities=(Entity("Coast Daily", "organization", (), (Span(0, 5, "Ferry"),)),))
    text = to_markdown(ARTICLE, analysis)
    assert "## Entities" in text and "- **Coast Daily** (organization, 1)" in text


def test_html_marks_highlights_with_their_colour() -> None:
    page = to_html(ARTICLE, None, HIGHLIGHTS)
    assert '<mark class="yellow">returned to service</mark><sup><a href="#note-1"' in page
    assert '<mark class="green">every hour</mark>' in page
    assert '<li id="note-2" class="note">lost one</li>' in page
    assert "<h2>Highlights no longer found in the text</h2>" in page


def test_json_carries_w3c_annotations() -> None:
    record = json.loads(to_json(ARTICLE, None, HIGHLIGHTS))
    first = record["annotations"][0]
    assert first["@context"] == "http://www.w3.org/ns/anno.jsonld" and first["type"] == "Annotation"
    assert first["motivation"] == "commenting" and first["body"][0]["value"] == "Since March?"
    quote, position = first["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": "returned to service",
                     "prefix": HIGHLIGHTS[0].prefix, "suffix": HIGHLIGHTS[0].suffix}
    assert TEXT[position["start"]:position["end"]] == "returned to service"
    assert first["target"]["source"] == ARTICLE.url and first["target"]["styleClass"] == "sift-yellow"
    assert record["annotations"][1]["motivation"] == "highlighting" and "body" not in record["annotations"][1]


def test_json_without_highlights_is_the_cli_record() -> None:
    assert "annotations" not in json.loads(to_json(ARTICLE))


def epub_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        return {i.filename: archive.read(i) for i in infos}


def book() -> bytes:
    images = {"images/ferry.png": Resource("images/ferry.png", "image/png", PNG)}
    second = Article(path=Path("/tmp/other.txt"), format="text", title="Second story",
                     blocks=(Block("story", "Another <story> & more."),))
    chapters = [BookArticle(ARTICLE, HIGHLIGHTS, images=images.get), BookArticle(second)]
    return to_epub(chapters, title="Reading")


def test_epub_has_a_chapter_per_article_a_toc_images_and_marks() -> None:
    files = epub_files(book())
    assert files["mimetype"] == b"application/epub+zip"
    nav = files["OEBPS/nav.xhtml"].decode()
    assert "Ferry returns" in nav and "Second story" in nav
    chapter = files["OEBPS/article-1.xhtml"].decode()
    assert '<mark class="yellow">returned to service</mark>' in chapter and 'epub:type="footnote"' in chapter
    assert any(name.startswith("OEBPS/images/") and data == PNG for name, data in files.items())
    for name, data in files.items():  # every XML file is well-formed
        if name.endswith((".xhtml", ".opf", ".xml")):
            etree.fromstring(data)
    assert "Another &lt;story&gt; &amp; more." in files["OEBPS/article-2.xhtml"].decode()


def test_the_same_articles_give_the_same_book() -> None:
    from datetime import UTC, datetime

    moment = datetime(2026, 12, 2, tzinfo=UTC)
    article = BookArticle(ARTICLE)
    assert to_epub([article], modified=moment) == to_epub([article], modified=moment)


def test_epubcheck_finds_no_errors(tmp_path: Path) -> None:
    target = tmp_path / "book.epub"
    target.write_bytes(book())
    assert_valid_epub(target)
