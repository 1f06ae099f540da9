"""Pages saved as PDF from a browser ("Print › Save as PDF") → an HTML page for the extractor.

pypdfium2 (PDFium, BSD/Apache-2.0) gives each page's text with its lines; the lines are put in
reading order (top to bottom), joined into paragraphs (across line and page breaks, hyphens
undone), larger type becomes headings, and the browser's print header and footer (date and
time, page title, URL, "3/7") become ``<header>``/``<footer>`` elements, which the extractor
labels as clutter like any page's; the URL and title are recovered from them. The story is
then separated from the printed menus and link lists by the same extraction as any page.
Nothing in the PDF is run: no JavaScript, no forms, no links followed.
"""

from __future__ import annotations

import html
import logging
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core import errors
from reader.core.model import Source
from reader.core.sources.origin import web_url

log = logging.getLogger(__name__)

# A browser prints a long article on 10-30 pages; a book or a report runs to hundreds.
MAX_PDF_PAGES = 300
# Reading the text of 300 pages takes ~3 s here; past this the PDF is not read further.
MAX_PDF_SECONDS = 20
# Fewer visible characters than this in the whole PDF: a scan or pictures of pages.
MIN_TEXT_CHARS = 200
# Chromium prints its header and footer within 0.4 in (29 pt) of the page's edge, the body
# inside a margin of at least 0.4 in: lines whose box lies in this band are print furniture.
PRINT_BAND_PT = 30.0
# Lines of one paragraph follow each other at one pitch (top to top) for their type size; a
# pitch this much wider than the usual one for that size starts a new paragraph. Browsers print
# paragraph gaps at ~1.5x the line pitch (CSS margins of about one line); line pitches of one
# paragraph vary by under 5 %, so 1.25 separates the two with room on both sides.
PARAGRAPH_PITCH_RATIO = 1.25
# A block whose left edge moves by more than this, or that follows a gap of this many line
# pitches, starts another region of the page (a box, a sidebar, a menu). Chosen on the first 27
# dev pages' prints: story F1 0.82 without regions, 0.89 with these; 15-45 pt and 2-3 pitches all
# gave 0.85-0.89, so this is a plateau, not a tuned point. A first-line indent (~15-20 pt) stays under it.
SECTION_SHIFT_PT = 30.0
SECTION_GAP_PITCHES = 2.0
SECTION_BREAK = "</div><div>"
# With no usual pitch known for a size, a pitch over this many times the type size is a gap.
DEFAULT_PITCH_RATIO = 1.9
# Type this much larger than the body's is a heading; type a tenth smaller or larger is another block.
HEADING_SIZE_RATIO = 1.18
SIZE_CHANGE_RATIO = 0.1
# Slides: most pages wider than tall with little text on each (a printed article fills its pages).
SLIDE_MAX_WORDS_PER_PAGE = 90
# A short line printed this many times is a menu entry ("Back To Main Menu"); a story repeats no line.
REPEATED_LINE_COUNT = 3
REPEATED_LINE_MAX_CHARS = 80
# Links read per page at most (a printed site map has a few hundred).
MAX_LINKS_PER_PAGE = 2000
# A form: fillable fields and little prose.
FORM_MAX_WORDS = 400
SOFT_HYPHEN = "\x02"  # PDFium's mark for a hyphen the line break made
_SENTENCE_END = re.compile(r"[.!?:…\"”’)\]]$")
_PRINT_HEADER = re.compile(r"^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
                           r"(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)\s*(.*)$")
_PRINT_FOOTER = re.compile(r"^(\S+:\S*)?\s*(\d+)\s*/\s*(\d+)$")
_PAGE_COUNTER = re.compile(r"\d+\s*/\s*\d+$")


@dataclass
class Line:
    text: str
    left: float
    bottom: float
    top: float
    size: float
    right: float = 0.0
    html: str = ""  # the text as HTML, links marked; empty: the escaped text

    def markup(self) -> str:
        return self.html or html.escape(self.text)


@dataclass
class Printed:
    """What the print header and footer said, and the HTML built so far."""

    title: str | None = None
    url: str | None = None
    parts: list[str] = field(default_factory=list)


def load_pdf(path: Path, data: bytes) -> Source:
    """A PDF saved from a browser, as an HTML page the extractor reads like any other."""
    import pypdfium2 as pdfium

    document = open_document(path, data, pdfium)
    try:
        pages = len(document)
        if pages > MAX_PDF_PAGES:
            raise errors.TooLarge(path, errors.TooLarge.PAGES, pages=pages, limit=MAX_PDF_PAGES)
        lines, sizes = read_lines(path, document)
        refuse_non_article(path, document, lines, sizes)
    finally:
        document.close()
    printed = assemble(lines, [height for _, height in sizes])
    meta = document_title(printed)
    page = f"<html><head>{meta}</head><body>{''.join(printed.parts)}</body></html>"
    return Source(path=path, format="pdf", text=page, encoding="utf-8", url=printed.url,
                  title_hint=printed.title)


def open_document(path: Path, data: bytes, pdfium: Any) -> Any:
    """The PDFium document; encrypted and damaged files become sentences."""
    try:
        return pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError, with PDFium's error code in its message
        log.info("%s: PDFium refused it (%s)", path.name, exc)
        if "password" in str(exc).lower():
            raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.ENCRYPTED_PDF) from None
        raise errors.Malformed(path, errors.Malformed.DAMAGED_PDF) from None


def read_lines(path: Path, document: Any) -> tuple[list[list[Line]], list[tuple[float, float]]]:
    """Each page's lines in reading order, and each page's size, within the time budget."""
    started = time.monotonic()
    pages: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    for index in range(len(document)):
        if time.monotonic() - started > MAX_PDF_SECONDS:
            raise errors.Timeout(path, seconds=MAX_PDF_SECONDS)
        try:
            width, height, lines = read_page(document, index)
        except Exception as exc:  # a malformed page object: its text is lost, not the document
            log.info("%s: page %d unreadable (%s)", path.name, index + 1, exc)
            width, height, lines = 0.0, 0.0, []
        pages.append(lines)
        sizes.append((width, height))
    return pages, sizes


def read_page(document: Any, index: int) -> tuple[float, float, list[Line]]:
    """One page's size and lines; PDFium's objects are closed whatever happens."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            return float(width), float(height), page_lines(textpage, page)
        finally:
            textpage.close()
    finally:
        page.close()


def page_lines(textpage: Any, page: Any) -> list[Line]:
    """One page's text lines (as PDFium orders them: the order the browser painted them) with their
    boxes, type size and which characters are links."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    rects = link_rects(page)
    lines: list[Line] = []
    index = 0
    for raw_line in text.split("\n"):
        content = raw_line.rstrip("\r")
        visible = [i for i, ch in enumerate(content) if not ch.isspace()]
        if visible:
            probes = sorted({visible[0], visible[len(visible) // 2], visible[-1]})
            boxes = [textpage.get_charbox(index + i) for i in probes]
            size = raw.FPDFText_GetFontSize(textpage.raw, index + visible[len(visible) // 2])
            line = Line(content, min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[3] for b in boxes),
                        float(size), right=max(b[2] for b in boxes))
            line.html = line_html(textpage, index, line, rects)
            lines.append(line)
        index += len(raw_line) + 1
    return lines


def link_rects(page: Any) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each link on the page: printed menus and link lists are links."""
    import ctypes

    import pypdfium2.raw as raw

    found: list[tuple[float, float, float, float]] = []
    position, link = ctypes.c_int(0), raw.FPDF_LINK()
    while len(found) < MAX_LINKS_PER_PAGE and raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position),
                                                                      ctypes.byref(link)):
        rect = raw.FS_RECTF()
        if raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            found.append((rect.left, rect.bottom, rect.right, rect.top))
    return found


def line_html(textpage: Any, start: int, line: Line, rects: list[tuple[float, float, float, float]]) -> str:
    """The line as HTML, its linked characters inside <a> (no address: only their share counts)."""
    near = [r for r in rects if min(r[3], line.top) - max(r[1], line.bottom) > 0]
    if not near:
        return html.escape(line.text)
    pieces: list[tuple[str, bool]] = []
    for offset, char in enumerate(line.text):
        inside = False
        if not char.isspace():
            left, bottom, right, top = textpage.get_charbox(start + offset)
            x, y = (left + right) / 2, (bottom + top) / 2
            inside = any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in near)
        elif pieces:
            inside = pieces[-1][1]
        if pieces and pieces[-1][1] == inside:
            pieces[-1] = (pieces[-1][0] + char, inside)
        else:
            pieces.append((char, inside))
    return "".join(f"<a>{html.escape(t)}</a>" if link else html.escape(t) for t, link in pieces)


def refuse_non_article(path: Path, document: Any, pages: list[list[Line]],
                       sizes: list[tuple[float, float]]) -> None:
    """A clear sentence for PDFs that are not a page saved from a browser."""
    chars = sum(len(line.text) for page in pages for line in page)
    if chars < MIN_TEXT_CHARS:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.SCANNED_PDF)
    words = [sum(len(line.text.split()) for line in page) for page in pages]
    landscape = sum(1 for width, height in sizes if width > height)
    if landscape > len(sizes) / 2 and statistics.median(words) < SLIDE_MAX_WORDS_PER_PAGE:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.NOT_AN_ARTICLE_PDF, what="slides")
    if document.get_formtype() != 0 and sum(words) < FORM_MAX_WORDS:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.NOT_AN_ARTICLE_PDF, what="a form")


def assemble(pages: list[list[Line]], heights: list[float]) -> Printed:
    """Paragraphs and headings across the pages, with the print furniture set apart: the print
    header and footer, and lines printed again and again (menus)."""
    printed = Printed()
    body = [[line for line in page if not is_print_furniture(line, height)]
            for page, height in zip(pages, heights, strict=True)]
    body_size = typical_size(body)
    pitches = usual_pitches(body)
    repeated = repeated_lines(body)
    paragraph: list[Line] = []
    pending: list[str] = []  # furniture met inside an open paragraph goes right after it
    last: Line | None = None  # the last line placed, to see where a new region of the page begins
    printed.parts.append("<div>")
    for page, height in zip(pages, heights, strict=True):
        first = True  # the first line of a page continues the paragraph the last page left open
        for line in page:
            if is_print_furniture(line, height):
                pending.append(furniture_html(line, printed, at_top=line.bottom > height / 2))
                continue
            landmark = "nav" if " ".join(line.text.split()) in repeated else None
            previous = paragraph[-1] if paragraph else None
            if landmark or (previous is not None and starts_block(previous, line, pitches, first)):
                flush(paragraph, printed, body_size)
                printed.parts.extend(pending)
                paragraph, pending = [], []
            if not paragraph and last is not None and starts_section(last, line, pitches, first):
                printed.parts.append(SECTION_BREAK)
            last = line
            if landmark:
                printed.parts.append(f"<{landmark}><p>{line.markup().strip()}</p></{landmark}>")
                continue
            paragraph.append(line)
            first = False
        # a page break ends a paragraph only where a sentence ends
        if paragraph and _SENTENCE_END.search(paragraph[-1].text):
            flush(paragraph, printed, body_size)
            printed.parts.extend(pending)
            paragraph, pending = [], []
    flush(paragraph, printed, body_size)
    printed.parts.extend(pending)
    printed.parts.append("</div>")
    return printed


def starts_section(last: Line, line: Line, pitches: dict[float, float], new_page: bool) -> bool:
    """Whether a block begins another region of the printed page (a box, a column, a sidebar):
    set off by its left edge or by a gap of several lines. Regions become <div>s, so the
    extractor weighs the story's region against the menus' as it does on a web page."""
    if abs(line.left - last.left) > SECTION_SHIFT_PT:
        return True
    usual = pitches.get(round(line.size, 1), DEFAULT_PITCH_RATIO * line.size / PARAGRAPH_PITCH_RATIO)
    return not new_page and last.top - line.top > SECTION_GAP_PITCHES * usual


def repeated_lines(pages: list[list[Line]]) -> set[str]:
    """Short lines printed at least REPEATED_LINE_COUNT times: menu entries, not story (a line
    that ends a sentence is left to the extractor: a story may repeat a short sentence)."""
    counts: dict[str, int] = {}
    for page in pages:
        for line in page:
            text = " ".join(line.text.split())
            if len(text) <= REPEATED_LINE_MAX_CHARS and not _SENTENCE_END.search(text):
                counts[text] = counts.get(text, 0) + 1
    return {text for text, count in counts.items() if count >= REPEATED_LINE_COUNT}


def typical_size(pages: list[list[Line]]) -> float:
    """The body's type size: the size most characters are set in."""
    weights: dict[float, int] = {}
    for page in pages:
        for line in page:
            weights[round(line.size, 1)] = weights.get(round(line.size, 1), 0) + len(line.text)
    return max(weights, key=lambda size: weights[size]) if weights else 0.0


def is_print_furniture(line: Line, height: float) -> bool:
    """A line in the page's top or bottom band that reads like a browser's header or footer."""
    in_band = line.bottom < PRINT_BAND_PT or line.top > height - PRINT_BAND_PT
    return in_band and bool(_PRINT_HEADER.match(line.text) or _PAGE_COUNTER.search(line.text))


def furniture_html(line: Line, printed: Printed, at_top: bool) -> str:
    """The header or footer line as a landmark; its title and URL are kept for the article."""
    header = _PRINT_HEADER.match(line.text)
    if header and header.group(3) and printed.title is None:
        printed.title = header.group(3).strip()
    footer = _PRINT_FOOTER.match(line.text)
    if footer and footer.group(1) and printed.url is None:
        printed.url = web_url(footer.group(1))
    tag = "header" if at_top else "footer"
    return f"<{tag}><p>{html.escape(line.text)}</p></{tag}>"


def starts_block(previous: Line, line: Line, pitches: dict[float, float], new_page: bool = False) -> bool:
    """Whether ``line`` begins a new paragraph or heading rather than continuing the last one."""
    if abs(line.size - previous.size) > SIZE_CHANGE_RATIO * max(previous.size, 1.0):
        return True
    if new_page:
        return False
    pitch = previous.top - line.top
    usual = pitches.get(round(line.size, 1), DEFAULT_PITCH_RATIO * line.size / PARAGRAPH_PITCH_RATIO)
    return pitch > PARAGRAPH_PITCH_RATIO * usual or pitch < -line.size  # a gap, or a new column


def usual_pitches(pages: list[list[Line]]) -> dict[float, float]:
    """The most common top-to-top distance between consecutive lines, per type size."""
    seen: dict[float, list[float]] = {}
    for page in pages:
        for previous, line in zip(page, page[1:], strict=False):
            pitch = previous.top - line.top
            if abs(previous.size - line.size) < 0.1 and 0 < pitch < 3 * line.size:
                seen.setdefault(round(line.size, 1), []).append(round(pitch, 1))
    return {size: statistics.mode(values) for size, values in seen.items()}


def flush(paragraph: list[Line], printed: Printed, body_size: float) -> None:
    """One paragraph (or heading) of lines as HTML, its line breaks and hyphens undone."""
    if not paragraph:
        return
    text = join_lines([line.markup().strip() for line in paragraph])
    size = statistics.median(line.size for line in paragraph)
    tag = "h2" if body_size and size >= HEADING_SIZE_RATIO * body_size and len(text) < 300 else "p"
    printed.parts.append(f"<{tag}>{text}</{tag}>")


def join_lines(lines: list[str]) -> str:
    """Lines joined by spaces; a word broken by the line's hyphen is made whole again."""
    text = ""
    for line in lines:
        if text.endswith(SOFT_HYPHEN):
            text = text[:-1] + line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text += line  # "well-" + "known": the hyphen is the word's own
        else:
            text = f"{text} {line}" if text else line
    return " ".join(text.replace(SOFT_HYPHEN, "-").split())


def document_title(printed: Printed) -> str:
    return f"<title>{html.escape(printed.title)}</title>" if printed.title else ""
