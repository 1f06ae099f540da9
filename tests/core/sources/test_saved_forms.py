"""The saved forms of issue 17 through the one entry point: SingleFile (plain, ZIP, self-extracting),
WARC and WACZ, ArchiveBox snapshot folders, e-mail (.eml, .mbox) and pages saved as PDF.

Each file is built by loading_fixtures from our own sentences; each load also checks that
nothing in the file's folder changed.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from loading_fixtures import (
    NEWSLETTER_CLUTTER,
    PNG_1X1,
    PNG_DATA_URL,
    STORY,
    TRACKING_PIXEL,
    archivebox_snapshot,
    chromium,
    eml_bytes,
    mbox_bytes,
    page,
    print_pdf,
    self_extracting,
    singlefile_html,
    singlefile_zip,
    snapshot_tree,
    wacz_bytes,
    warc_bytes,
    write,
)

from reader.core import errors
from reader.core.extract import extract
from reader.core.model import Source
from reader.core.sources.files import Limits
from reader.core.sources.loading import list_pages, load
from reader.core.sources.pdf import Line, assemble, join_lines
from reader.core.sources.singlefile import MAX_INLINE_IMAGE_CHARS

URL = "https://news.example.org/pier"
SECOND = "https://news.example.org/second"
IMAGE_URL = "https://news.example.org/img/pier.png"
needs_chromium = pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed")


def load_unchanged(path: Path, **kwargs: object) -> Source:
    before = snapshot_tree(path if path.is_dir() else path.parent)
    try:
        return load(path, **kwargs)  # type: ignore[arg-type]
    finally:
        assert snapshot_tree(path if path.is_dir() else path.parent) == before


# --- SingleFile -----------------------------------------------------------------------------------

def test_singlefile_page_gives_its_url_and_saved_date(tmp_path: Path) -> None:
    picture = f'<img src="{PNG_DATA_URL + "A" * 2000}">'
    source = load_unchanged(write(tmp_path, "pier.html", singlefile_html(page(STORY + picture))))
    assert source.format == "singlefile"
    assert source.url == URL and source.saved == "2025-03-09T10:15:00+01:00"
    article = extract(source)
    assert STORY in article.body and article.url == URL
    assert any(b.kind == "image" and (b.image or "").startswith("data:image/png") for b in article.blocks)


def test_singlefile_inline_data_beyond_the_limit_is_dropped_not_counted(tmp_path: Path) -> None:
    huge = "data:image/png;base64," + "A" * (MAX_INLINE_IMAGE_CHARS + 10)
    font = "data:font/woff2;base64," + "B" * 3_000_000
    html = page(STORY + f'<img src="{huge}"><style>@font-face{{src:url({font})}}</style>')
    source = load(write(tmp_path, "big.html", singlefile_html(html)), Limits(max_document_bytes=1_000_000))
    assert STORY in source.text and len(source.text) < 10_000


def test_singlefile_zip_serves_its_images(tmp_path: Path) -> None:
    html = page(STORY + '<img src="images/0.png" alt="The pier">')
    source = load_unchanged(write(tmp_path, "pier.zip", singlefile_zip(html)))
    assert source.format == "singlefile-zip" and source.url == URL
    assert source.resources["images/0.png"].data == PNG_1X1
    article = extract(source)
    assert STORY in article.body
    assert [b.image for b in article.blocks if b.kind == "image"] == ["images/0.png"]


def test_self_extracting_save_is_read_without_running_it(tmp_path: Path) -> None:
    source = load_unchanged(write(tmp_path, "pier.html", self_extracting(page(STORY))))
    assert (source.format, source.container, source.url) == ("singlefile-zip", "self-extracting", URL)
    assert STORY in extract(source).body and "Please wait" not in source.text


def test_html_that_merely_holds_zip_markers_is_a_page(tmp_path: Path) -> None:
    source = load(write(tmp_path, "odd.html", page(STORY + " PK\x05\x06 PK\x03\x04")))
    assert source.format == "html" and STORY in source.text


def test_zip_without_a_page_and_nested_archives_are_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(errors.Malformed) as info:
        load(write(tmp_path, "plain.zip", buffer.getvalue()))
    assert "index.html" in info.value.message
    nested = io.BytesIO()
    with zipfile.ZipFile(nested, "w") as archive:
        archive.writestr("inner.zip", singlefile_zip())
    with pytest.raises(errors.UnsupportedFormat) as refused:
        load(write(tmp_path, "nested.zip", nested.getvalue()))
    assert "archives in archives" in refused.value.message


def test_zip_bomb_is_refused_by_what_it_unpacks(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", page(STORY) + " " * (30 * 1024 * 1024))
    assert len(buffer.getvalue()) < 200_000
    with pytest.raises(errors.TooLarge):
        load(write(tmp_path, "bomb.zip", buffer.getvalue()), Limits(max_record_bytes=8 * 1024 * 1024))


def test_zip_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", page())
        for number in range(60):
            archive.writestr(f"images/{number}.png", b"")
    with pytest.raises(errors.TooLarge):
        load(write(tmp_path, "many.zip", buffer.getvalue()), Limits(max_parts=50))


# --- WARC and WACZ ----------------------------------------------------------------------------------

def story_page(title: str, image: str | None = None) -> str:
    picture = f'<figure><img src="{image}" alt="The pier"><figcaption>The old pier.</figcaption></figure>'
    return page(STORY + (picture if image else ""), title=title)


@pytest.mark.parametrize("compress", [True, False])
def test_warc_main_page_is_the_first_html_response_past_the_redirect(tmp_path: Path, compress: bool) -> None:
    warc = warc_bytes([(URL, story_page("Pier to reopen", "/img/pier.png")), (SECOND, page(title="Second"))],
                      {IMAGE_URL: PNG_1X1}, compress=compress)
    path = write(tmp_path, "crawl.warc.gz" if compress else "crawl.warc", warc)
    source = load_unchanged(path)
    assert (source.format, source.url, source.saved) == ("warc", URL, "2025-03-09T09:15:00Z")
    assert source.resources[IMAGE_URL].data == PNG_1X1
    article = extract(source)
    assert article.title == "Pier to reopen" and STORY in article.body
    assert [b.image for b in article.blocks if b.kind == "image"] == [IMAGE_URL]
    assert [(p.key, p.title) for p in list_pages(path)] == [(URL, "Pier to reopen"), (SECOND, "Second")]
    assert extract(load(path, page=SECOND)).title == "Second"


def test_warc_payloads_are_dechunked_and_decompressed(tmp_path: Path) -> None:
    warc = warc_bytes([(URL, page())], compress=False, chunked=True, gzip_encoded=True)
    assert STORY in extract(load(write(tmp_path, "encoded.warc", warc))).body


def test_warc_redirect_is_followed_to_the_page(tmp_path: Path) -> None:
    path = write(tmp_path, "crawl.warc.gz", warc_bytes([(URL, page())]))
    assert load(path, page=URL.replace("https://", "http://")).url == URL


def test_wacz_main_page_is_the_first_of_pages_jsonl(tmp_path: Path) -> None:
    warc = warc_bytes([(URL, page()), (SECOND, page(title="Second"))])
    path = write(tmp_path, "crawl.wacz", wacz_bytes(warc, [(SECOND, "The second"), (URL, "The pier")]))
    source = load_unchanged(path)
    assert (source.format, source.url, source.title_hint) == ("wacz", SECOND, "The second")
    pages = list_pages(path)
    assert [(p.key, p.title, p.saved) for p in pages] == [(SECOND, "The second", "2025-03-09T09:15:00Z"),
                                                          (URL, "The pier", "2025-03-09T09:15:00Z")]
    assert load(path, page=URL).url == URL


def test_archive_page_that_is_not_there_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "crawl.warc.gz", warc_bytes([(URL, page())]))
    with pytest.raises(errors.Malformed) as info:
        load(path, page="https://elsewhere.example/")
    assert "elsewhere.example" in info.value.message


def test_warc_without_pages_and_damaged_warcs(tmp_path: Path) -> None:
    images_only = warc_bytes([], {IMAGE_URL: PNG_1X1})
    with pytest.raises(errors.Malformed):
        load(write(tmp_path, "images.warc.gz", images_only))
    with pytest.raises(errors.Malformed):
        load(write(tmp_path, "junk.warc", b"WARC/1.0\r\nnonsense\r\n\r\n"))


def test_warc_record_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    big = page(STORY * 2000)
    path = write(tmp_path, "big.warc.gz", warc_bytes([(URL, big)]))
    with pytest.raises(errors.TooLarge):
        load(path, Limits(max_record_bytes=100_000))


def test_page_list_is_bounded(tmp_path: Path) -> None:
    pages = [(f"https://news.example.org/{n}", page(title=f"Page {n}")) for n in range(30)]
    path = write(tmp_path, "crawl.warc.gz", warc_bytes(pages, redirect_first=False))
    assert len(list_pages(path, Limits(max_pages=10))) == 10


# --- ArchiveBox ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("outputs", "container"), [(("singlefile", "dom", "wget"), "singlefile"),
                                                    (("dom", "wget"), "dom"), (("wget",), "wget")])
def test_archivebox_snapshot_opens_its_best_output(tmp_path: Path, outputs: tuple[str, ...],
                                                   container: str) -> None:
    folder = archivebox_snapshot(tmp_path / "1741511700.0", page(STORY), outputs=outputs)
    source = load_unchanged(folder)
    assert (source.format, source.container, source.url) == ("archivebox", container, URL)
    assert source.title_hint == "Pier to reopen" and source.saved == "2025-03-09T09:15:00+00:00"
    assert STORY in extract(source).body


def test_archivebox_index_cannot_point_outside_the_folder(tmp_path: Path) -> None:
    write(tmp_path, "secret.html", page("Not in the snapshot."))
    folder = archivebox_snapshot(tmp_path / "snap", outputs=())
    write(folder, "index.json", json.dumps({"url": URL, "canonical": {"singlefile_path": "../secret.html"}}))
    with pytest.raises(errors.Malformed) as info:
        load(folder)
    assert "ArchiveBox" in info.value.message


def test_a_plain_folder_is_still_a_folder(tmp_path: Path) -> None:
    with pytest.raises(errors.IsDirectory):
        load(tmp_path)


# --- e-mail ------------------------------------------------------------------------------------------

def test_newsletter_eml_gives_html_part_headers_and_cid_images(tmp_path: Path) -> None:
    html = page(STORY + '<img src="cid:pier@harbour" alt="The pier">' + TRACKING_PIXEL
                + "".join(NEWSLETTER_CLUTTER))
    source = load_unchanged(write(tmp_path, "pier.eml", eml_bytes(html)))
    assert source.format == "eml" and source.saved == "2025-03-09T10:15:00+01:00"
    assert source.resources["cid:pier@harbour"].data == PNG_1X1
    article = extract(source)
    assert article.title == "Pier to reopen" and article.byline == "Harbour Weekly"
    assert (article.published or "").startswith("2025-03-09")
    assert STORY in article.body and "track.example" not in "".join(b.image or "" for b in article.blocks)
    story_images = [b.image for b in article.blocks if b.kind == "image" and b.role == "story"]
    assert story_images == ["cid:pier@harbour"]


def test_newsletter_clutter_is_labelled(tmp_path: Path) -> None:
    html = page("".join(NEWSLETTER_CLUTTER[:1]) + f"<p>{STORY}</p>" + "".join(NEWSLETTER_CLUTTER[1:]))
    article = extract(load(write(tmp_path, "pier.eml", eml_bytes(html))))
    clutter = {b.text: b.reason for b in article.blocks if b.role == "clutter"}
    assert "View in browser" in clutter
    assert any("Unsubscribe" in text for text in clutter), clutter
    assert "Unsubscribe" not in article.body and "View in browser" not in article.body


def test_text_only_eml_becomes_paragraphs(tmp_path: Path) -> None:
    text = ("Pier to reopen\n\nThe harbour authority said on Tuesday that the old ferry pier\n"
            "would reopen in spring.")
    article = extract(load(write(tmp_path, "plain.eml", eml_bytes(None, text=text, image=None))))
    assert "the old ferry pier would reopen in spring." in article.body


def test_eml_without_a_readable_part_and_damaged_eml(tmp_path: Path) -> None:
    with pytest.raises(errors.Malformed):
        load(write(tmp_path, "empty.eml", eml_bytes(None, text=None)))
    with pytest.raises(errors.ReaderError):
        load(write(tmp_path, "junk.eml", b"Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n"))


def test_mbox_lists_one_page_per_message(tmp_path: Path) -> None:
    second = eml_bytes(page("From here on the second story.", title="Second"), subject="Second")
    path = write(tmp_path, "news.mbox", mbox_bytes([eml_bytes(), second]))
    assert [(p.key, p.title) for p in list_pages(path)] == [("1", "Pier to reopen"), ("2", "Second")]
    assert load_unchanged(path).format == "mbox"
    second_story = extract(load(path, page="2")).body
    assert "From here on the second story." in second_story  # the escaped ">From" is undone


def test_mhtml_is_not_taken_for_an_email(tmp_path: Path) -> None:
    from loading_fixtures import mhtml_bytes

    assert load(write(tmp_path, "page.mhtml", mhtml_bytes())).format == "mhtml"
    assert load(write(tmp_path, "page", mhtml_bytes())).format == "mhtml"


# --- PDF -------------------------------------------------------------------------------------------

def line(text: str, top: float, size: float = 12.0) -> Line:
    return Line(text, 36.0, top - size, top, size)


def test_print_header_and_footer_are_set_apart_and_read() -> None:
    pages = [[line("3/9/25, 10:15 AM Pier to reopen | Harbour News", 780, 8),
              line("Pier to reopen", 700, 24),
              line("The harbour authority said on Tuesday that the old", 660),
              line("ferry pier would re\x02", 646),
              line("https://news.example.org/pier 1/2", 20, 8)],
             [line("3/9/25, 10:15 AM Pier to reopen | Harbour News", 780, 8),
              line("open in spring, the mayor said.", 740),
              line("A second paragraph.", 700),
              line("https://news.example.org/pier 2/2", 20, 8)]]
    printed = assemble(pages, [792.0, 792.0])
    assert printed.url == URL and printed.title == "Pier to reopen | Harbour News"
    html = printed.html()
    assert "<h1>Pier to reopen</h1>" in html  # the heading the page title names
    assert ("<p>The harbour authority said on Tuesday that the old ferry pier would reopen in spring, "
            "the mayor said.</p>") in html
    assert "<p>A second paragraph.</p>" in html
    furniture = html[html.index("<footer>"):]  # after the page's blocks, in a box of its own
    assert furniture.count("<header>") == 2 and furniture.count("news.example.org/pier") == 2
    assert furniture.count("<footer>") == 3  # each line its own landmark (bare lines read as a story)


def test_link_line_beside_prose_starts_a_block_and_a_wrapped_link_does_not() -> None:
    def linked(text: str, top: float, right: float, share: float) -> Line:
        return Line(text, 36.0, top - 12, top, 12.0, right=right, linked=share)

    prose = "The harbour authority said on Tuesday that the old ferry pier would"
    printed = assemble([[linked(prose, 700, 540, 0.0), linked("reopen in spring.", 686, 140, 0.0),
                         linked("Ferry timetables for the winter", 672, 300, 1.0),  # a related link
                         linked(prose, 640, 540, 1.0),  # a linked lead sentence that wraps on
                         linked("reopen in spring, the mayor said.", 626, 260, 0.0)]], [792.0])
    blocks = [chunk.text for chunk in printed.parts if chunk.tag == "p"]
    assert blocks == [f"{prose} reopen in spring.", "Ferry timetables for the winter",
                      f"{prose} reopen in spring, the mayor said."]
    assert "<nav><p>Ferry timetables for the winter</p></nav>" in printed.html()


def test_link_blocks_are_navigation_and_what_precedes_the_headline_is_a_banner() -> None:
    from reader.core.sources.pdf_landmarks import Chunk, render

    chunks = [Chunk("p", "<a>Home</a> <a>World</a>", "Home World", 1.0), Chunk("p", "Breaking", "Breaking"),
              Chunk("h2", "Pier to reopen", "Pier to reopen"), Chunk("p", STORY, STORY),
              Chunk("p", "Read more: <a>ferries</a>", "Read more: ferries", 0.4),
              Chunk("p", "<a>Ferry timetables for the winter</a>", "Ferry timetables for the winter", 1.0)]
    html = render(chunks, "Pier to reopen - Harbour News")
    banner = '<div role="banner"><nav><p><a>Home</a> <a>World</a></p></nav><p>Breaking</p></div>'
    assert html.startswith(banner)
    assert "</div><div><div><h1>Pier to reopen</h1>" in html  # the regions in a box apart from the banner
    assert f"<p>{STORY}</p>" in html
    assert "<p>Read more: <a>ferries</a></p>" in html  # under half link: the extractor's to judge
    assert "<nav><p><a>Ferry timetables for the winter</a></p></nav>" in html
    assert render(chunks[2:4], "Another title").startswith("<div><div><h2>")  # no headline, no banner


def test_address_and_title_the_print_cut_short_are_completed() -> None:
    from reader.core.sources.pdf import whole_title, whole_url

    long_url = "https://news.example.org/2025/03/09/the-old-ferry-pier-will-reopen-in-spring"
    links = ["https://news.example.org/", f"{long_url}?s=", f"{long_url}#comments", long_url]
    assert whole_url(long_url[:50] + "…", links) == long_url  # most often linked, then shortest
    assert whole_url(long_url[:50] + "…", links[:1]) is None  # a cut address is not the address
    assert whole_url(long_url, []) == long_url
    assert whole_url(None, links) is None  # a file:// footer carries no web address
    title = "Pier to reopen in spring, the harbour authority says - Harbour News"
    assert whole_title(title[:40] + "…", title) == title
    assert whole_title(title[:40] + "…", "Untitled") == title[:40].rstrip()
    assert whole_title("Pier to reopen", title) == "Pier to reopen"


def test_hyphens_of_the_line_break_go_and_hyphens_of_words_stay() -> None:
    assert join_lines(["an inter\x02", "national pier"]) == "an international pier"
    assert join_lines(["a well-", "known pier"]) == "a well-known pier"
    assert join_lines(["the pier", "reopens"]) == "the pier reopens"


@needs_chromium
def test_pdf_printed_by_chromium_reads_as_the_article(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{STORY} ({n})</p>" for n in range(12))
    html = page(paragraphs, head='<link rel="canonical" href="https://news.example.org/pier">')
    pdf = print_pdf(html, tmp_path)
    source = load_unchanged(pdf)
    assert source.format == "pdf" and source.title_hint == "Pier to reopen"
    article = extract(source)
    assert article.title == "Pier to reopen"
    for n in range(12):
        assert f"{STORY} ({n})" in article.body
    furniture = [b for b in article.blocks if b.role == "clutter" and "AM" in b.text or "PM" in b.text]
    assert furniture and all(b.role == "clutter" for b in furniture)
    assert "file://" not in article.body and source.url is None  # a file:// print names no web address


@needs_chromium
def test_pdf_printed_from_the_web_gives_its_address_and_sets_its_menu_apart(tmp_path: Path) -> None:
    menu = "".join(f'<li><a href="/section/{n}">Section number {n}</a></li>' for n in range(8))
    paragraphs = "".join(f"<p>{STORY} ({n})</p>" for n in range(8))
    html = (f"<!DOCTYPE html><html><head><title>Pier to reopen</title></head><body><ul>{menu}</ul>"
            f"<article><h1>Pier to reopen</h1>{paragraphs}</article></body></html>")
    url = "https://news.example.org/2025/03/09/pier-to-reopen"
    source = load_unchanged(print_pdf(html, tmp_path, url=url))  # served from 127.0.0.1 under that name
    assert (source.url, source.title_hint) == (url, "Pier to reopen")
    article = extract(source)
    assert article.url == url
    for n in range(8):
        assert f"{STORY} ({n})" in article.body
    menu_blocks = [b for b in article.blocks if "Section number" in b.text]
    assert menu_blocks and all(b.role == "clutter" for b in menu_blocks)


@needs_chromium
def test_scanned_pdf_gets_a_sentence(tmp_path: Path) -> None:
    pdf = print_pdf(page("<p>.</p>", title=""), tmp_path)
    with pytest.raises(errors.UnsupportedFormat) as info:
        load(pdf)
    assert "without text" in info.value.message


def test_damaged_and_encrypted_pdfs_get_sentences(tmp_path: Path) -> None:
    from loading_fixtures import encrypted_pdf

    with pytest.raises(errors.Malformed) as info:
        load(write(tmp_path, "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
    assert "damaged PDF" in info.value.message
    with pytest.raises(errors.UnsupportedFormat) as refused:
        load(write(tmp_path, "locked.pdf", encrypted_pdf()))
    assert "password-protected" in refused.value.message


def test_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(301):
        document.new_page(200, 200)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(errors.TooLarge) as info:
        load(write(tmp_path, "book.pdf", buffer.getvalue()))
    assert "301 pages" in info.value.message


# --- the command line ---------------------------------------------------------------------------

def test_extract_all_pages_gives_one_record_per_page(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    crawl = write(tmp_path, "crawl.warc.gz", warc_bytes([(URL, page()), (SECOND, page(title="Second"))]))
    single = write(tmp_path, "pier.html", singlefile_html())
    assert main(["extract", "--no-analysis", str(crawl), str(single)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["format"], r["url"]) for r in records] == [("warc", URL), ("singlefile", URL)]
    assert main(["extract", "--no-analysis", "--all-pages", str(crawl), str(single)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["format"], r["url"], r["title"]) for r in records] == [
        ("warc", URL, "Pier to reopen"), ("warc", SECOND, "Second"), ("singlefile", URL, "Pier to reopen")]
    assert main(["extract", "--no-analysis", "--all-pages", str(tmp_path / "gone.warc")]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["kind"] == "not-found"


def test_printed_pdf_made_without_a_browser_reads_as_the_article(tmp_path: Path) -> None:
    from loading_fixtures import printed_article_pdf

    source = load_unchanged(write(tmp_path, "pier.pdf", printed_article_pdf()))
    assert (source.format, source.url, source.title_hint) == ("pdf", URL, "Pier to reopen | Harbour News")
    article = extract(source)
    assert article.title == "Pier to reopen" and article.url == URL
    for page_number in (1, 2):
        for index in range(6):
            assert f"({page_number}.{index}) The harbour authority" in article.body
    furniture = [(b.reason, b.text) for b in article.blocks if b.role == "clutter"]
    assert sum(reason == "header" and "10:15 AM" in text for reason, text in furniture) == 2
    assert sum(reason == "footer" and text.endswith("/2") for reason, text in furniture) == 2
    assert "10:15 AM" not in article.body and "1/2" not in article.body


def test_slides_are_not_an_article(tmp_path: Path) -> None:
    from loading_fixtures import PdfLine, text_pdf

    slide: list[PdfLine] = [("Quarterly harbour results and the plan for the pier", 50, 400, 28),
             ("Ferry traffic is up by a tenth on last year", 50, 300, 20)]
    with pytest.raises(errors.UnsupportedFormat) as info:
        load(write(tmp_path, "deck.pdf", text_pdf([slide] * 6, size=(792, 612))))
    assert "slides" in info.value.message


def test_wacz_file_and_its_unpacked_warcs_share_one_memory_bound(tmp_path: Path) -> None:
    warc = warc_bytes([(URL, page(STORY * 200))], compress=False)
    path = write(tmp_path, "crawl.wacz", wacz_bytes(warc, [(URL, "Pier")]))
    assert load(path, Limits(max_archive_bytes=2 * len(warc) + 10_000)).url == URL
    with pytest.raises(errors.TooLarge):
        load(path, Limits(max_archive_bytes=len(warc) + 10_000))
