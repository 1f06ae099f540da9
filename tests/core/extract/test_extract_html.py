"""The HTML extractor on golden fixtures (must-keep / must-drop text) and on hostile shapes."""

from __future__ import annotations

import base64
import json
import random
import struct
import time
import zlib
from pathlib import Path

import pytest

from reader.core.extract import extract
from reader.core.extract import html as html_module
from reader.core.extract.guard import Deadline
from reader.core.extract.html.blocks import PageBlock, segment_blocks
from reader.core.extract.html.classify import annotate_surroundings
from reader.core.extract.html.fallback import choose_candidate
from reader.core.extract.html.images import local_image
from reader.core.extract.html.parse import body_of, parse_html, strip_invisible
from reader.core.extract.html.story import judge_blocks
from reader.core.model import Article, Resource, Source
from reader.core.sources.loading import load
from tests.conftest import FIXTURES

HTML_FIXTURES = sorted((FIXTURES / "html").glob("*.html"))
def png_bytes(width: int, height: int) -> bytes:
    """A valid grey-noise PNG (noise so it does not compress below a placeholder's size)."""
    rng = random.Random(width * 1000 + height)
    raw = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(width)) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


PNG = png_bytes(32, 32)
SPACER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
STORY = (
    "<p>The lighthouse keeper walked the three hundred steps every evening, and she said the climb "
    "was the only part of the job that never became easier, however many years went by.</p>"
    "<p>Her logbooks, kept since 1987, record every ship that passed, every storm that broke a window, "
    "and every visitor who asked to see the lamp, which she always allowed on Sundays.</p>"
    "<p>When the council automated the light last spring, it asked her to stay on as a guide, and she "
    "agreed on the condition that the logbooks would go to the town museum rather than a basement.</p>"
)


def source_of(html: str, **fields: object) -> Source:
    return Source(path=Path("/tmp/page.html"), format="html", text=html, encoding="utf-8", **fields)  # type: ignore[arg-type]


def page(body: str, head: str = "<title>The keeper of the light</title>") -> str:
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>"


def story_indexes(blocks: list[PageBlock]) -> set[int]:
    """The blocks of STORY's three paragraphs: the candidate handed to judge_blocks."""
    openings = ("The lighthouse", "Her logbooks", "When the")
    return {i for i, b in enumerate(blocks) if b.text.startswith(openings)}


@pytest.mark.parametrize("path", HTML_FIXTURES, ids=lambda p: p.stem)
def test_golden_fixture(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    article = extract(load(path))
    for name in ("title", "byline", "published", "site", "language", "url"):
        assert getattr(article, name) == expected[name], name
    assert [w.kind for w in article.warnings] == expected["warnings"]
    body = article.body
    for text in expected["must_keep"]:
        assert text in body, f"lost story: {text!r}"
    for text in expected["must_drop"]:
        assert text not in body, f"kept clutter: {text!r}"
    assert_contract(article)


def assert_contract(article: Article) -> None:
    """What every extraction must satisfy: reasons, no title in the body, no markup."""
    for block in article.blocks:
        assert (block.reason is None) == (block.role in ("story", "title")), block
        assert "<" not in block.text or ">" not in block.text or block.kind == "preformatted"
    if article.title:
        assert article.title not in article.body.split("\n\n")
    for paragraph in article.body.split("\n\n"):
        assert paragraph == paragraph.strip()
        assert not paragraph.startswith(("#", "* ", "- ", "> "))


def test_blocks_cover_the_page_in_reading_order() -> None:
    article = extract(load(FIXTURES / "html" / "news_article.html"))
    texts = [b.text for b in article.blocks]
    assert texts.index("Home") < texts.index("By Jane Roe") < texts.index("Costs rose by a third")
    assert texts.index("Costs rose by a third") < texts.index("Privacy policy")
    assert not any("never run" in t or "color:red" in t for t in texts)


def test_kinds_are_kept_for_headings_lists_and_tables() -> None:
    article = extract(load(FIXTURES / "html" / "news_article.html"))
    kinds = {b.text: b for b in article.story_blocks}
    assert kinds["Costs rose by a third"].kind == "heading" and kinds["Costs rose by a third"].level == 2
    assert kinds["Cyclists will have a separate lane on the eastern side."].kind == "list-item"
    table = next(b for b in article.story_blocks if b.kind == "table")
    assert table.rows == (("Year", "Crossings a day"), ("2019", "18,400"), ("2021", "19,100"))


def test_clutter_reasons_name_the_furniture() -> None:
    article = extract(load(FIXTURES / "html" / "news_article.html"))
    reasons = {b.text: b.reason for b in article.blocks if b.role != "story"}
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Share on Facebook Share on X Email"] == "share bar"
    assert reasons["Council approves harbour budget"] == "related links"
    assert reasons["Home"] == "navigation"
    assert reasons["By Jane Roe"] == "byline"
    assert next(b for b in article.blocks if b.text == "By Jane Roe").role == "byline"


def test_data_url_image_is_kept_with_its_caption() -> None:
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    html = page(f"<article>{STORY}<figure><img src='{data_url}' alt='lamp'>"
                "<figcaption>The lamp room at dusk.</figcaption></figure>"
                "<figure><img src='https://cdn.example/x.jpg'><figcaption>A remote photo.</figcaption>"
                "</figure>"
                "</article>")
    article = html_module.extract_html(source_of(html))
    images = [b for b in article.blocks if b.kind == "image"]
    assert images[0].role == "story" and images[0].image == data_url
    assert images[1].role == "clutter" and images[1].image is None
    assert local_image(SPACER, source_of("")) is None  # a lazy-loading placeholder is no picture
    assert "The lamp room at dusk." in article.body
    assert "A remote photo." not in article.body


def test_saved_files_folder_images_are_kept_and_cannot_escape(tmp_path: Path) -> None:
    folder = tmp_path / "page_files"
    folder.mkdir()
    (folder / "lamp.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(PNG)
    src = Source(path=tmp_path / "page.html", format="html", text="", encoding="utf-8", resources_dir=folder)
    assert local_image("page_files/lamp.png", src) == str((folder / "lamp.png").resolve())
    assert local_image("./page_files/lamp.png", src) == str((folder / "lamp.png").resolve())
    assert local_image("page_files/../secret.png", src) is None
    assert local_image("/etc/passwd", src) is None
    assert local_image("https://cdn.example/lamp.png", src) is None
    assert local_image("page_files/missing.png", src) is None


def test_mhtml_parts_are_local_images() -> None:
    resource = Resource(url="cid:lamp@example", media_type="image/png", data=PNG)
    src = Source(path=Path("/tmp/p.mhtml"), format="mhtml", text="", encoding="utf-8",
                 url="https://example.org/story", resources={"cid:lamp@example": resource,
                                                          "https://example.org/img/a.png": resource})
    assert local_image("cid:lamp@example", src) == "cid:lamp@example"
    assert local_image("/img/a.png", src) == "https://example.org/img/a.png"
    assert local_image("https://elsewhere.example/b.png", src) is None


def test_readability_failure_falls_back_to_our_classifier(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "readability_picks", lambda root, blocks: None)
    html = page("<div class='menu'><a href='/'>Home</a> <a href='/b'>Boats</a></div>"
                f"<div class='main'>{STORY}</div><div class='footer'>© Lighthouse Weekly</div>")
    article = html_module.extract_html(source_of(html))
    assert "three hundred steps" in article.body and "logbooks would go" in article.body
    assert "Home" not in article.body and "Lighthouse Weekly" not in article.body


@pytest.mark.parametrize("readability, fallback, expected", [
    (None, 800, "fallback"),       # readability failed
    (100, 2000, "fallback"),       # readability found a scrap
    (1500, 2000, "readability"),   # both found the article: trust readability
    (500, 4000, "fallback"),       # readability took a teaser box far smaller than the story
    (900, 4000, "readability"),    # ours runs large (comments count as prose): a fifth is enough
    (0, 0, "readability"),         # nothing anywhere: no reason to switch
    (3000, 100, "readability"),
])
def test_choose_candidate(readability: int | None, fallback: int, expected: str) -> None:
    assert choose_candidate(readability, fallback) == expected


def test_empty_and_tiny_pages_do_not_fail() -> None:
    for html in ("<html></html>", "<p>Hi</p>", "<html><body>   </body></html>", "plain words only"):
        article = html_module.extract_html(source_of(html))
        assert isinstance(article, Article)


def test_deeply_nested_page_is_bounded() -> None:
    html = "<html><body>" + "<div>" * 50_000 + "<p>Deep.</p>" + "</div>" * 50_000 + "</body></html>"
    start = time.perf_counter()
    html_module.extract_html(source_of(html))
    assert time.perf_counter() - start < 5


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    html = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            f"<html><body><div>{STORY}<p>&x;</p></div></body></html>")
    article = html_module.extract_html(source_of(html))
    assert "TOPSECRET" not in " ".join(b.text for b in article.blocks)


def test_title_is_never_repeated_in_the_body() -> None:
    html = page(f"<article><h1>The keeper of the light</h1>{STORY}</article>")
    article = html_module.extract_html(source_of(html))
    assert article.title == "The keeper of the light"
    assert not article.body.startswith("The keeper of the light")
    assert article.blocks[0].role == "title"
    assert article.text.startswith("The keeper of the light\n\nThe lighthouse keeper")


def test_lead_paragraph_in_its_own_box_is_restored() -> None:
    lead = ("<div class='intro'><p>Fishing boats will be allowed back into the bay from Monday, the "
            "harbour authority said, ending a ban that lasted most of the summer.</p></div>")
    html = page(f"<div class='wrap'><h1>The keeper of the light</h1>{lead}"
                f"<div class='body'>{STORY}</div></div>")
    root = parse_html(html)
    body = body_of(root)
    strip_invisible(body)
    blocks = segment_blocks(body)
    annotate_surroundings(blocks)
    story = story_indexes(blocks)
    verdicts = judge_blocks(blocks, story)  # a candidate that missed the lead, as readability may
    kept = [b.text for b, v in zip(blocks, verdicts, strict=True) if v.role == "story"]
    assert kept[0].startswith("Fishing boats will be allowed back") and len(kept) == 4
    teaser = "Another teaser that reads like prose, it really does. " * 2
    crowded = page(f"<div class='wrap'><div class='intro'><p>{teaser}"
                   f"</p>{lead}</div><div class='body'>{STORY}</div></div>")
    root = parse_html(crowded)
    blocks = segment_blocks(body_of(root))
    annotate_surroundings(blocks)
    story = story_indexes(blocks)
    assert [v.role for v in judge_blocks(blocks, story)][:2] == ["clutter", "clutter"]  # not alone in its box


def test_repeated_headline_is_not_story() -> None:
    html = page("<div class='sticky'><h2>The keeper of the light</h2></div>"
                f"<article><h1>The keeper of the light</h1>{STORY}</article>")
    article = html_module.extract_html(source_of(html))
    assert "The keeper of the light" not in article.body


def test_mhtml_file_end_to_end(tmp_path: Path) -> None:
    html = page(f"<article><h1>The keeper of the light</h1>{STORY}<figure><img src='https://ex.org/lamp.png'>"
                "<figcaption>The lamp, saved with the page.</figcaption></figure></article>")
    mime = (
        "From: <Saved by Blink>\r\nSubject: The keeper of the light\r\nMIME-Version: 1.0\r\n"
        "Snapshot-Content-Location: https://ex.org/keeper\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="XX"\r\n\r\n'
        "--XX\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: https://ex.org/keeper\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + html + "\r\n"
        "--XX\r\nContent-Type: image/png\r\nContent-Location: https://ex.org/lamp.png\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(PNG).decode() + "\r\n--XX--\r\n"
    )
    path = tmp_path / "keeper.mhtml"
    path.write_bytes(mime.encode("utf-8"))
    article = extract(load(path))
    assert article.format == "mhtml" and article.url == "https://ex.org/keeper"
    image = next(b for b in article.blocks if b.kind == "image")
    assert image.role == "story" and image.image == "https://ex.org/lamp.png"
    assert "The lamp, saved with the page." in article.body
    assert_contract(article)


@pytest.mark.parametrize("html", [
    "<p>a\x00b</p>", "<p>\ud800 lone surrogate</p>", "\x01\x02<p>control characters</p>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>declared</p></body></html>",
    "<html><head><title>" + "t" * 200_000 + "</title></head><body></body></html>",
    '<script type="application/ld+json">' + '{"a":' * 5000 + "1" + "}" * 5000 + "</script><p>x</p>",
    "<table>" + "<tr><td>cell</td></tr>" * 3000 + "</table>",
])
def test_hostile_markup_gives_an_article(html: str) -> None:
    article = html_module.extract_html(source_of(html))
    assert_contract(article)
    assert all("\x00" not in b.text and "\ud800" not in b.text for b in article.blocks)


def test_local_image_and_caption_dropped_by_the_candidate_are_restored() -> None:
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    html = page(f"<div class='body'>{STORY}<div class='pic'><img src='{data_url}'>"
                "<p class='caption'>The lamp room at dusk.</p></div></div>")
    root = parse_html(html)
    blocks = segment_blocks(body_of(root))
    annotate_surroundings(blocks)
    story = story_indexes(blocks)
    verdicts = judge_blocks(blocks, story)
    assert [v.role for b, v in zip(blocks, verdicts, strict=True) if b.kind == "image"] == ["story"]


def test_list_under_a_furniture_heading_is_furniture_too() -> None:
    html = page(f"<article><h1>The keeper of the light</h1>{STORY}<h3>You may also like</h3>"
                "<ul><li>Ten harbours worth a detour this summer</li>"
                "<li>The last ferry of the season</li></ul>"
                "</article>")
    article = html_module.extract_html(source_of(html))
    reasons = {b.text: b.reason for b in article.blocks}
    assert reasons["The last ferry of the season"] == "related links"
    assert "Ten harbours" not in article.body and "logbooks would go" in article.body


def test_spent_time_budget_skips_readability(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(root: object, blocks: object) -> None:
        raise AssertionError("readability must not run once the budget is spent")

    monkeypatch.setattr(html_module, "readability_picks", refuse)
    html = page(f"<div class='main'>{STORY}</div>")
    article = html_module.extract_html(source_of(html), deadline=Deadline(seconds=0))
    assert "three hundred steps" in article.body


def test_oversized_page_is_read_in_part_and_says_so() -> None:
    html = page("".join(f"<p>Paragraph {i} of an endless page, with words.</p>" for i in range(30_000)))
    article = html_module.extract_html(source_of(html))
    assert [w.kind for w in article.warnings][:1] == ["truncated"]


def test_guard_runs_only_on_pages_beyond_its_bounds() -> None:
    assert not html_module.beyond_bounds(parse_html(page(STORY)))
    assert html_module.beyond_bounds(parse_html("<div>" * 200 + "deep" + "</div>" * 200))
    assert html_module.beyond_bounds(parse_html(page("<p>x</p>" * 30_000)))


def test_text_cut_by_two_line_breaks_is_several_paragraphs() -> None:
    """Pages without <p> (forums, old blogs) separate paragraphs with <br><br>; one <br> is a line."""
    first, second = STORY.split("</p><p>")[:2]
    html = page(f"<div class='post'>{first.removeprefix('<p>')}<br>\n<br>{second}<br>and a line</div>")
    body = body_of(parse_html(html))
    strip_invisible(body)
    blocks = segment_blocks(body)
    assert [b.text[:20] for b in blocks] == ["The lighthouse keepe", "Her logbooks, kept s"]
    assert blocks[1].text.endswith("on Sundays. and a line")
